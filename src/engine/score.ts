/**
 * Indicators → verdict, per the scoring rules in README.md:
 * - a pattern counts once per item (every occurrence is still reported), and two lure patterns of one family over the
 *   same words count once (the heavier);
 * - the item score is the strongest family's weights + the `generic` family's weights + the asks (payment, credential,
 *   channel) of the other families (together capped at 60); with no other
 *   family, generic indicators add half of their (capped) weight, so they alone never reach `suspicious` — except a
 *   credential ask together with a channel or pressure indicator (a secret asked for through a link or in a hurry),
 *   which keeps its full weight;
 * - use vs. mention: indicators the caller marks as `mentioned` (inside quotation marks or reported speech such as
 *   "đối tượng yêu cầu…") count for 0.4 of their weight when the text has any warning weight; two or more distinct
 *   mentioned indicators add 20 to the warning sum (quoting scam wording is a way of talking about it);
 * - `warning` indicators add up; at ≥ 40 the item is a warning/news/question about scams: its score is multiplied by
 *   0.3 and capped at 45 (below `suspicious`), unless the caller found a live request (a payment instruction with an
 *   account/phone number addressed to the reader, or a blocklisted number), in which case the score is not lowered;
 * - `scam` when score ≥ 100 with ≥ 2 distinct signals (of the strongest family + generic), or when a domain-level
 *   indicator of weight ≥ 80 is present on a link or the page URL (blocklisted domain or `url`, lookalike, brand
 *   combo, brand on a free host, IDN homograph) — except, in a warning context, a link to a host the text itself
 *   writes (it echoes the text asking or warning about that host). Refinement: a host merely *written in the text* adds its weight like
 *   any indicator but does not trigger this override (people quote scam sites to ask or warn about them).
 * - only someone else's words (every text indicator is a mention, no live request): capped at 45 like a warning;
 * - bait alone (every scoring indicator a lure) that no one family reads as suspicious (lures of two families stacked:
 *   a meme's "h4ck kim cương" + "thành công 100%"): capped at 45, below `suspicious`;
 * - `suspicious` when score ≥ 50; otherwise `clean`.
 */
import { foldPhrase } from './normalize.ts';
import type { FamilyId, Indicator, Signal, Verdict } from './types.ts';

export const SCORE_RULES = {
  genericFamily: 'generic',
  genericCap: 60,
  genericAloneFactor: 0.5,
  warningThreshold: 40,
  warningFactor: 0.3,
  warningCap: 45,
  mentionFactor: 0.4,
  mentionWarning: 20,
  mentionWarningMin: 2,
  scamScore: 100,
  scamSignals: 2,
  suspiciousScore: 50,
  domainScamWeight: 80,
  /** Share of the shorter span two same-signal indicators must overlap to be "the same words" (counted once). */
  sameWordsOverlap: 0.5,
  /**
   * Families whose bait is the reader's own scam loss ("lấy lại tiền bị lừa", "thu hồi tài sản cho nạn nhân"): their
   * offers talk about scams by nature, so an offer in the text's own voice with an ask of its own is not lowered as a
   * warning (police advice: nobody recovers stolen money for a fee).
   */
  recoveryFamilies: ['hack-money', 'fake-support'] as readonly FamilyId[],
  /**
   * Most warning weight such an offer is made of: the loss it offers to recover ("bị lừa", "lừa đảo", "nạn nhân", "kẻ
   * gian", two or so of them). A text with more ("cảnh báo", "giả danh", "trình báo công an", "không thu phí" on top)
   * is an advisory about recovery offers, and a hotline in it is no offer's ask.
   */
  recoveryWarningMax: 50,
  /**
   * Most warning weight of a recovery offer whose ask is the offer's own (a pattern of the recovery family reads it:
   * the fee it charges, the referral to the "fixer" — "ai cần mình cho số luật sư"). A fake testimonial tells the
   * writer's loss at length ("mình bị lừa 130 triệu, tưởng mất trắng"), which adds warning words an advisory also
   * has; an advisory's ask is a hotline or "trình báo công an", not a recovery family's. 130 since session 24: such an
   * offer may also open with an advisory's line ("Cảnh báo chiêu trò lừa đảo mới! Nếu bạn bị lừa, liên hệ luật sư … để
   * lấy lại tiền, phí 2 triệu": warnings 105–115), and with 100 it read clean.
   */
  recoveryOwnAskWarningMax: 130,
} as const;

/** Signals that ask the reader to do something (pay, hand over secrets, move to a private channel). */
const ASK_SIGNALS: ReadonlySet<Signal> = new Set<Signal>(['payment', 'credential', 'channel']);

/** Indicator kinds about where a link or page leads; one of these with weight ≥ 80 makes an item `scam`. */
export const DOMAIN_KINDS: ReadonlySet<Indicator['kind']> = new Set<Indicator['kind']>([
  'domain',
  'url',
  'lookalike',
  'brand-keyword-domain',
  'brand-on-free-host',
  'idn-homograph',
]);

function orderIndicators(a: Indicator, b: Indicator): number {
  const as = a.start ?? Number.MAX_SAFE_INTEGER;
  const bs = b.start ?? Number.MAX_SAFE_INTEGER;
  if (as !== bs) return as - bs;
  return (a.end ?? 0) - (b.end ?? 0) || b.weight - a.weight || compareCodeUnits(a.patternId, b.patternId);
}

/** What the caller (scanItem) knows about the text beyond the indicators themselves. */
export interface ScoreContext {
  /** Indicators that occur only as a mention (quoted, reported speech), not as the text's own words. */
  mentioned?: ReadonlySet<Indicator>;
  /** The text itself asks the reader to pay into an account/phone number (or names a blocklisted number). */
  liveRequest?: boolean;
  /** Link indicators whose host is also written in the text (the link echoes the text's own words). */
  echoLinks?: ReadonlySet<Indicator>;
}

/** How much of the shorter of two spans the other covers (0–1). */
function overlapShare(a: Indicator, start: number, end: number): number {
  const aStart = a.start ?? 0;
  const aEnd = a.end ?? 0;
  const shared = Math.min(aEnd, end) - Math.max(aStart, start);
  const shorter = Math.min(aEnd - aStart, end - start);
  return shared <= 0 || shorter <= 0 ? 0 : shared / shorter;
}

/**
 * Words of a recovery family's bait: getting lost money back, "hacking" it back, the loss itself. A recovery family
 * also holds lures that are not recovery offers (lottery tips, rituals, cheap game top-ups, renting accounts): an
 * advisory about those is a warning like any other ("… gửi tk + mk để nạp hộ đều là lừa đảo").
 */
const RECOVERY_BAIT =
  /\b(?:lay lai|lay ve|thu hoi|doi lai|doi ve|hoan lai|hoan tra|nhan lai|tra lai|truy vet|hack|hacker|bi lua|nan nhan|mat tien|recover|recovery|recovered|lost funds|scammed|(?:get|got|getting|gets) (?:[a-z]+ ){0,2}back)\b/;

/** Words of advice (a negation or prohibition) in a warning's match: "tuyệt đối không bấm", "never share". */
const ADVICE_WORDS = /\b(?:khong|ko|k|chang|dung|cam|chua|tuyet doi|never|not|no|dont|don t|avoid)\b/;

/** Whether a lure is a recovery offer's bait (its words name the money back or the loss). */
function isRecoveryBait(ind: Indicator): boolean {
  return RECOVERY_BAIT.test(foldPhrase(ind.match));
}

/**
 * A recovery offer made in the text's own voice: the strongest family is a recovery family with a lure of its own
 * (not quoted or reported), the text asks something itself (pay, hand over, contact), and it carries no more warning
 * weight than such an offer is made of (`recoveryWarningMax`; `recoveryOwnAskWarningMax` when the ask is the recovery
 * family's own).
 */
function isRecoveryOffer(
  indicators: Iterable<Indicator>,
  strongest: FamilyId | undefined,
  warningSum: number,
  isMention: (ind: Indicator) => boolean,
): boolean {
  if (strongest === undefined || !SCORE_RULES.recoveryFamilies.includes(strongest)) return false;
  if (warningSum > SCORE_RULES.recoveryOwnAskWarningMax) return false;
  let lure = false;
  let ask = false;
  let ownAsk = false;
  for (const ind of indicators) {
    if (isMention(ind)) continue;
    if (ind.family === strongest && ind.signal === 'lure') lure ||= isRecoveryBait(ind);
    else if (ASK_SIGNALS.has(ind.signal)) {
      ask = true;
      if (ind.family === strongest) ownAsk = true;
    }
  }
  return lure && (warningSum <= SCORE_RULES.recoveryWarningMax ? ask : ownAsk);
}

/**
 * Orders ids by UTF-16 code units: a fixed order for ties. Not `localeCompare`: its first call sets up an ICU
 * collator (~30 ms in a tab, the longest step of the content script's start-up) and its order depends on the locale.
 */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many separate places the mentioned indicators occupy (matches starting at the same word count once). */
function countMentionPlaces(mentioned: readonly Indicator[]): number {
  return new Set(mentioned.map((i) => i.start ?? -1)).size;
}

export function scoreIndicators(
  indicators: readonly Indicator[],
  allowlisted: readonly string[] = [],
  context: ScoreContext = {},
): Verdict {
  const mentioned = context.mentioned;
  const isMention = (ind: Indicator): boolean => mentioned?.has(ind) === true;
  // A pattern counts once: a used occurrence beats a mentioned one, then the strongest. Weightless indicators (the
  // engine's ask hints, ask-hints.ts) are reported but take no part in the score.
  const unique = new Map<string, Indicator>();
  for (const ind of indicators) {
    if (ind.weight === 0) continue;
    const prev = unique.get(ind.patternId);
    if (!prev) unique.set(ind.patternId, ind);
    else if (isMention(prev) !== isMention(ind)) {
      if (isMention(prev)) unique.set(ind.patternId, ind);
    } else if (prev.weight < ind.weight) unique.set(ind.patternId, ind);
  }

  // The same words count once per lure: two lure patterns of one family over overlapping spans ("việc nhẹ lương cao"
  // read by two job-task lures) add only the heavier, so a lure alone stays clean however many patterns describe it.
  // Across families nothing is dropped: each family's sum is its own reading of the text. Warnings are not deduplicated
  // this way: a question ("lừa đảo không?") or a news phrase ("lừa đảo chiếm đoạt tài sản") read with the bare word
  // inside it is meant to weigh more than the word (dropping the inner word lost warning context on 35 honest texts of
  // the tuning sets to gain 5 scams).
  const spanned = [...unique.values()].filter((ind) => ind.signal !== 'warning' && ind.start !== undefined && ind.end !== undefined);
  spanned.sort((a, b) => b.weight - a.weight || compareCodeUnits(a.patternId, b.patternId));
  const kept: Indicator[] = [];
  for (const ind of spanned) {
    const start = ind.start ?? 0;
    const end = ind.end ?? 0;
    const overlaps = ind.signal === 'lure' && kept.some((k) => k.signal === ind.signal && k.family === ind.family && isMention(k) === isMention(ind) && overlapShare(k, start, end) >= SCORE_RULES.sameWordsOverlap);
    if (overlaps) unique.delete(ind.patternId);
    else kept.push(ind);
  }

  // A warning word inside the words of a scam's own threat ("bà là đối tượng liên quan vụ án lừa đảo": the pressure
  // reads "lừa đảo" as part of the accusation) is the scam's script, not a warning about it; so is one inside the name
  // of the authority it poses as ("Cục An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao": a unit's name, read
  // by an authority phrase, not the writer warning). Only a phrase is a name: an authority regex with a gap ("điện lực …
  // link") spans whatever the text says between, an advisory's "cảnh báo thủ đoạn lừa đảo" too. Advice inside such a
  // span ("… phạt nguội tại csgt.vn, tuyệt đối không bấm link") still warns: it says what not to do.
  const ownScript = [...unique.values()].filter(
    (ind) =>
      (ind.signal === 'pressure' || (ind.signal === 'authority' && ind.kind === 'phrase')) &&
      ind.family !== SCORE_RULES.genericFamily &&
      ind.start !== undefined &&
      ind.end !== undefined &&
      !isMention(ind),
  );
  const isInsideOwnScript = (w: Indicator): boolean =>
    w.start !== undefined &&
    w.end !== undefined &&
    ownScript.some((ind) => (ind.start ?? 0) <= (w.start ?? 0) && (w.end ?? 0) <= (ind.end ?? 0)) &&
    !ADVICE_WORDS.test(foldPhrase(w.match));
  let warningSum = 0;
  const mentionedInds: Indicator[] = [];
  for (const ind of unique.values()) {
    if (ind.signal === 'warning') warningSum += isInsideOwnScript(ind) ? 0 : ind.weight;
    else if (isMention(ind)) mentionedInds.push(ind);
  }
  if (countMentionPlaces(mentionedInds) >= SCORE_RULES.mentionWarningMin) warningSum += SCORE_RULES.mentionWarning;
  // Mentions weigh less only where the text talks about scams at all (a scam may quote its own bait).
  const mentionFactor = warningSum > 0 ? SCORE_RULES.mentionFactor : 1;

  const familySums = new Map<FamilyId, number>();
  const familySignals = new Map<FamilyId, Set<Signal>>();
  /** Per family, the weight of its asks (payment, credential, channel): these support any other family like generic ones. */
  const familyAsks = new Map<FamilyId, number>();
  for (const ind of unique.values()) {
    if (ind.signal === 'warning') continue;
    const weight = isMention(ind) ? ind.weight * mentionFactor : ind.weight;
    familySums.set(ind.family, (familySums.get(ind.family) ?? 0) + weight);
    if (ASK_SIGNALS.has(ind.signal)) familyAsks.set(ind.family, (familyAsks.get(ind.family) ?? 0) + weight);
    const signals = familySignals.get(ind.family) ?? new Set<Signal>();
    signals.add(ind.signal);
    familySignals.set(ind.family, signals);
  }

  const generic = SCORE_RULES.genericFamily;
  const ranked = [...familySums.entries()]
    .filter(([family]) => family !== generic)
    .sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]));
  const strongest = ranked[0];
  // The ask is family-independent ("nhập thông tin thẻ" under a prize lure is still a card request): asks of the
  // other families count as support, like generic ones, within the same cap.
  let otherAsks = 0;
  for (const [family, asks] of familyAsks) if (family !== generic && family !== strongest?.[0]) otherAsks += asks;
  const genericSum = Math.min(SCORE_RULES.genericCap, (familySums.get(generic) ?? 0) + (strongest ? otherAsks : 0));

  let score: number;
  const signals = new Set<Signal>(familySignals.get(generic) ?? []);
  if (strongest) {
    score = strongest[1] + genericSum;
    for (const s of familySignals.get(strongest[0]) ?? []) signals.add(s);
  } else {
    // A secret handed over through a link or under pressure ("bấm link, nhập số điện thoại và mã OTP") is a script of
    // its own, whatever the family: family-less credential + channel/pressure indicators are not halved.
    const genericSignals = familySignals.get(generic) ?? new Set<Signal>();
    const secretScript = genericSignals.has('credential') && (genericSignals.has('channel') || genericSignals.has('pressure'));
    score = secretScript ? genericSum : genericSum * SCORE_RULES.genericAloneFactor;
  }

  const warningContext = warningSum >= SCORE_RULES.warningThreshold;
  if (warningContext && !context.liveRequest && !isRecoveryOffer(unique.values(), strongest?.[0], warningSum, isMention)) {
    score = Math.min(score * SCORE_RULES.warningFactor, SCORE_RULES.warningCap);
  }
  // Only someone else's words: every text indicator is quoted, reported or narrated, and nothing is asked in the
  // text's own voice (no live request, no link) — the text talks about a scam ("mấy vụ “trúng thưởng xe SH, chỉ cần
  // đóng phí” lại rộ lên"), it does not run one.
  const scoring = [...unique.values()].filter((ind) => ind.signal !== 'warning');
  const onlyMentions =
    mentionedInds.length > 0 && scoring.every((ind) => isMention(ind) && ind.start !== undefined) && !context.liveRequest;
  if (onlyMentions) score = Math.min(score, SCORE_RULES.warningCap);
  // Bait alone, read as suspicious only by stacking families' lures ("H4ck kim cương" + "thành công 100%" in a meme):
  // nothing is asked, threatened or claimed, and no one family's reading reaches `suspicious`.
  if (scoring.length > 0 && scoring.every((ind) => ind.signal === 'lure') && (strongest?.[1] ?? 0) < SCORE_RULES.suspiciousScore) score = Math.min(score, SCORE_RULES.warningCap);
  score = Math.round(score);

  // Over every indicator, not the deduped ones: a link must force `scam` even when the same host is also written
  // in the text (the dedupe keeps one of the two). A link echoing a host the text writes does not force it in a
  // warning context (people paste the link they ask about).
  const domainOverride = indicators.some(
    (ind) =>
      DOMAIN_KINDS.has(ind.kind) &&
      ind.signal !== 'warning' &&
      ind.weight >= SCORE_RULES.domainScamWeight &&
      ind.start === undefined &&
      !(warningContext && context.echoLinks?.has(ind) === true),
  );

  const verdict =
    domainOverride || (score >= SCORE_RULES.scamScore && signals.size >= SCORE_RULES.scamSignals)
      ? 'scam'
      : score >= SCORE_RULES.suspiciousScore
        ? 'suspicious'
        : 'clean';

  const categories = ranked.map(([family]) => family);
  if (familySums.has(generic)) categories.push(generic);

  return {
    verdict,
    score,
    categories,
    indicators: [...indicators].sort(orderIndicators),
    warningContext,
    allowlisted: [...new Set(allowlisted)],
  };
}

/** This module's module-level expressions, compiled ahead of a tab's first scan (compile-ahead.ts; a test checks the list). */
export const SCORE_EXPRESSIONS: readonly RegExp[] = [
  RECOVERY_BAIT,
  ADVICE_WORDS,
];
