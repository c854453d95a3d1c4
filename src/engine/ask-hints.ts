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
import type { Localized, PatternSource, Signal } from './types.ts';

/** Id prefix of the built-in hints (no database pattern id starts with it: database ids start with their family). */
export const ASK_HINT_PREFIX = 'ask-hint-';

interface AskHintSource {
  id: string;
  signal: Signal;
  value: string;
  examples: { match: string[]; noMatch: string[] };
}

const HINT_MESSAGES: Partial<Record<Signal, Localized>> = {
  payment: { vi: 'Yêu cầu chuyển tiền hoặc thanh toán.', en: 'Asks you to transfer money or pay.' },
  credential: { vi: 'Yêu cầu cài ứng dụng, đăng nhập hoặc đưa mã.', en: 'Asks you to install an app, log in or give a code.' },
  channel: { vi: 'Yêu cầu gọi một số điện thoại hoặc mở liên kết.', en: 'Asks you to call a number or open a link.' },
};

/** The hints as `generic` regex patterns of weight 0 (what compileEngine appends when the database has `generic`). */
export function listAskHintPatterns(): PatternSource[] {
  return (hintsData as AskHintSource[]).map((h) => {
    const pattern: PatternSource = { id: h.id, family: 'generic', kind: 'regex', value: h.value, signal: h.signal, weight: 0 };
    const message = HINT_MESSAGES[h.signal];
    if (message) pattern.message = message;
    return pattern;
  });
}

/** The hints' examples (for tests): each `match` must produce the hint, each `noMatch` must not. */
export function listAskHintExamples(): { id: string; match: string[]; noMatch: string[] }[] {
  return (hintsData as AskHintSource[]).map((h) => ({ id: h.id, match: h.examples.match, noMatch: h.examples.noMatch }));
}
