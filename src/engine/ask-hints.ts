/**
 * Ask hints: broad readings of "the text asks the reader to do something" — transfer money to an account, scan a QR
 * code, top up, call a number, open a link, install an app, log in, type a code — that carry NO weight. The rules'
 * patterns name asks narrowly, because each of them adds to a score; a hint only tells the text model's lift
 * (model-lift.ts) that the text makes an ask of its own, so that a post the model reads as a scam script
 * (P ≥ its threshold) can be lifted to `suspicious` even when no weighted pattern names its ask. Hints go through the
 * same negation, reported-speech and narration checks as every ask ("không bao giờ yêu cầu quét mã QR" opens nothing),
 * add nothing to a score and never change a verdict by themselves (score.ts skips weight 0).
 *
 * They are built into the engine (data/ask-hints.json, compiled with the database's regexes), not part of the pattern
 * database: its source format (format 1) requires a weight ≥ 1. Pure.
 */
import hintsData from './data/ask-hints.json';
import { foldCharacters } from './normalize.ts';
import type { Localized, PatternSource, Signal } from './types.ts';

/** Id prefix of the built-in hints (no database pattern id starts with it: database ids start with their family). */
export const ASK_HINT_PREFIX = 'ask-hint-';

interface AskHintSource {
  id: string;
  signal: Signal;
  value: string;
  /** Folded words that, typed with accents at either end of a match, must be one of these ("muon": only "mượn", not
   *  "muốn"; "cai": "cài", not "cái"). A word typed without accents is taken at face value when the whole match is
   *  (typed without accents); in a match with accents elsewhere it is that unaccented word ("hôm nay" is no "này"). */
  accents?: Record<string, string[]>;
  /** The hint reads a payment on a site written in the text: it needs a written host in its match that is not
   *  allowlisted (an official site is no ask; "qua app", "tại VN" are words, not sites). */
  site?: boolean;
  examples: { match: string[]; noMatch: string[] };
}

const HINTS = hintsData as AskHintSource[];
const HINT_ACCENTS: ReadonlyMap<string, Readonly<Record<string, readonly string[]>>> = new Map(
  HINTS.flatMap((h) => (h.accents ? [[h.id, h.accents] as const] : [])),
);
const SITE_HINTS: ReadonlySet<string> = new Set(HINTS.filter((h) => h.site === true).map((h) => h.id));

/**
 * Whether the hint `id` matched `match` (the original text) only because accents were folded away: "Cho em muốn hỏi"
 * is not "cho em mượn", "cái app này" not "cài app", "tại app" not "tải app", "sang vị trí" not "sang ví".
 */
export function isMisreadAskHint(id: string, match: string): boolean {
  const accents = HINT_ACCENTS.get(id);
  if (accents === undefined) return false;
  const words = match.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
  // A match typed with accents elsewhere spells its unaccented words as they are ("chuyển sang số mới từ hôm nay":
  // "nay", not "này"); only a match typed wholly without accents may stand for the accented word.
  const accented = words.some((word) => foldCharacters(word) !== word);
  return [words[0], words[words.length - 1]].some((word) => {
    if (word === undefined) return false;
    const folded = foldCharacters(word);
    const allowed = Object.hasOwn(accents, folded) ? accents[folded] : undefined;
    return allowed !== undefined && (word !== folded || accented) && !allowed.includes(word);
  });
}

/** Whether the hint `id` reads a payment on a written site (kept only over a written host that is not allowlisted). */
export function isSiteAskHint(id: string): boolean {
  return SITE_HINTS.has(id);
}

const HINT_MESSAGES: Partial<Record<Signal, Localized>> = {
  payment: { vi: 'Yêu cầu chuyển tiền hoặc thanh toán.', en: 'Asks you to transfer money or pay.' },
  credential: { vi: 'Yêu cầu cài ứng dụng, đăng nhập hoặc đưa mã.', en: 'Asks you to install an app, log in or give a code.' },
  channel: { vi: 'Yêu cầu gọi một số điện thoại hoặc mở liên kết.', en: 'Asks you to call a number or open a link.' },
};

/** The hints as `generic` regex patterns of weight 0 (what compileEngine appends when the database has `generic`). */
export function listAskHintPatterns(): PatternSource[] {
  return HINTS.map((h) => {
    const pattern: PatternSource = { id: h.id, family: 'generic', kind: 'regex', value: h.value, signal: h.signal, weight: 0 };
    const message = HINT_MESSAGES[h.signal];
    if (message) pattern.message = message;
    return pattern;
  });
}

/** The hints' examples (for tests): each `match` must produce the hint, each `noMatch` must not. */
export function listAskHintExamples(): { id: string; match: string[]; noMatch: string[] }[] {
  return HINTS.map((h) => ({ id: h.id, match: h.examples.match, noMatch: h.examples.noMatch }));
}
