/**
 * A compact linear text model ("written like known scam posts"): L2 logistic regression over binary features of the
 * normalized text — its words, word bigrams, and a few number shapes. Trained offline by `npm run model:train`
 * (src/cli/train-model.ts) into `data/scam-model.json`; the engine uses it only as a supporting signal
 * (`model-lift.ts`, README "Text model"). Pure: no DOM, no Node.
 */
import type { NormalizedText } from './normalize.ts';

export const TEXT_MODEL_FORMAT = 1;

/** The model file (`data/scam-model.json`) and the model's part of a serialized engine. */
export interface TextModelSource {
  format: typeof TEXT_MODEL_FORMAT;
  kind: 'logistic-regression';
  /** Feature names (words, "word word" bigrams, `#shape` features), in the order of `weights`. */
  features: string[];
  weights: number[];
  bias: number;
  /** The probability at or above which the model may lift a `clean` verdict (chosen by cross-validation). */
  threshold: number;
  /**
   * Optional: below this probability the model may lower a `suspicious` verdict of the rules to `clean` (model-lift.ts,
   * `isDemotable`); chosen by cross-validation so that at most 0.1 % of the scams are lost. Absent: the model never lowers.
   */
  demoteBelow?: number;
  /** What it was trained on and its cross-validated figures (informational; the engine ignores it). */
  training?: unknown;
}

export interface TextModel {
  readonly source: TextModelSource;
  /** Feature name → weight. */
  readonly weights: ReadonlyMap<string, number>;
}

export class TextModelError extends Error {
  override name = 'TextModelError';
}

const MAX_FEATURES = 50_000;

/** Validates a model source (shape, finite numbers, unique features) and indexes it; throws `TextModelError`. */
export function loadTextModel(value: unknown): TextModel {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TextModelError('not a text model');
  const v = value as Record<string, unknown>;
  if (v['format'] !== TEXT_MODEL_FORMAT) throw new TextModelError(`unsupported text model format ${String(v['format'])}`);
  if (v['kind'] !== 'logistic-regression') throw new TextModelError('unsupported text model kind');
  const features = v['features'];
  const weights = v['weights'];
  const bias = v['bias'];
  const threshold = v['threshold'];
  if (!Array.isArray(features) || !Array.isArray(weights) || features.length !== weights.length) {
    throw new TextModelError('features and weights must be arrays of the same length');
  }
  if (features.length > MAX_FEATURES) throw new TextModelError('too many features');
  if (typeof bias !== 'number' || !Number.isFinite(bias)) throw new TextModelError('bad bias');
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) throw new TextModelError('bad threshold');
  const map = new Map<string, number>();
  for (let i = 0; i < features.length; i++) {
    const f: unknown = features[i];
    const w: unknown = weights[i];
    if (typeof f !== 'string' || f.length === 0) throw new TextModelError(`bad feature #${i}`);
    if (typeof w !== 'number' || !Number.isFinite(w)) throw new TextModelError(`bad weight #${i}`);
    if (map.has(f)) throw new TextModelError(`duplicate feature ${f}`);
    map.set(f, w);
  }
  const source: TextModelSource = {
    format: TEXT_MODEL_FORMAT,
    kind: 'logistic-regression',
    features: features as string[],
    weights: weights as number[],
    bias,
    threshold,
  };
  const demoteBelow = v['demoteBelow'];
  if (demoteBelow !== undefined) {
    if (typeof demoteBelow !== 'number' || !(demoteBelow > 0 && demoteBelow < threshold)) throw new TextModelError('bad demoteBelow');
    source.demoteBelow = demoteBelow;
  }
  if (v['training'] !== undefined) source.training = v['training'];
  return { source, weights: map };
}

/** A digit run, or a masked one ("xxx", "09xx"): numbers are read by shape, never by value. */
function isNumberToken(word: string): boolean {
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 120) return false; // x
  }
  return digits > 0 || word.length >= 2;
}
/** Units after a number that make it an amount of money (the normalizer already expanded "k" → "nghin"). */
const AMOUNT_UNITS = new Set(['nghin', 'trieu', 'ty', 'tr', 'k', 'd', 'dong', 'vnd', 'usd', 'usdt', 'dollars', 'cu', 'xu', 'lit', 'cai']);
const PERCENT = /\d\s*%/;
/**
 * Function words (folded Vietnamese and English) are not features on their own — only inside bigrams ("de nhan"):
 * alone they follow the length and style of the training texts, not scams (a short honest sale "ai cần ib mình" would
 * otherwise lean on "can", "minh").
 */
const STOPWORDS = new Set(
  ('a ai anh ban bi cac can cho chi chung co cua da dang de den di duoc em gi ha hay het khi khong la lai lam len luc ma minh moi mot nay nao ne nen nha nhe nhieu nhu nhung noi o qua ra rat roi sau se thi thoi tren tu trong va vao van ve vi voi vua ' +
    'the to of and a an is are be you your we our i it in on for at by with this that or as from will can have has')
    .split(' '),
);

/**
 * The distinct features of a text: the words of its normalized form (numbers read as `#d`), adjacent word pairs
 * ("nap tien"), and shapes: `#phone` (a run of ≥ 8 digits, masked or grouped), `#amount` (a number with a money unit),
 * `#percent`.
 */
export function extractTextFeatures(normalized: string, raw: string): string[] {
  const out = new Set<string>();
  const tokens = normalized.split(' ');
  let prev = '';
  let digitRun = 0;
  for (const word of tokens) {
    if (word.length === 0) continue;
    const isNumber = isNumberToken(word);
    const token = isNumber ? '#d' : word;
    if (isNumber) {
      digitRun += word.length;
      if (digitRun >= 8) out.add('#phone');
    } else {
      digitRun = 0;
      if (prev === '#d' && AMOUNT_UNITS.has(word)) out.add('#amount');
    }
    if (!isNumber && !STOPWORDS.has(token)) out.add(token);
    if (prev !== '') out.add(`${prev} ${token}`);
    prev = token;
  }
  if (PERCENT.test(raw)) out.add('#percent');
  return [...out];
}

export interface TextModelScore {
  /** P(scam | features), 0–1. */
  probability: number;
  /** Present features with a positive weight (unsorted: `describeContributors` ranks them). */
  contributors: { feature: string; weight: number }[];
}

/**
 * A text's features weigh 1/√(number of its distinct features) each (the vector has unit length), so a long text does
 * not reach a high probability just by having many mildly scam-leaning words.
 */
export function scoreTextFeatures(model: TextModel, features: readonly string[]): TextModelScore {
  let sum = 0;
  const contributors: { feature: string; weight: number }[] = [];
  for (const f of features) {
    const w = model.weights.get(f);
    if (w === undefined) continue;
    sum += w;
    if (w > 0) contributors.push({ feature: f, weight: w });
  }
  const z = model.source.bias + sum / Math.sqrt(Math.max(1, features.length));
  return { probability: 1 / (1 + Math.exp(-z)), contributors };
}

/** Scores a text (its normalized form and the original, for the `#percent` shape). */
export function scoreText(model: TextModel, normalized: NormalizedText, raw: string): TextModelScore {
  return scoreTextFeatures(model, extractTextFeatures(normalized.text, raw));
}

/**
 * The original words behind a feature ("nap tien" → "nạp tiền"), found at its first whole-word occurrence in the
 * normalized text; the folded feature itself when it cannot be found; null for shape features.
 */
export function findFeatureWords(feature: string, normalized: NormalizedText, raw: string): string | null {
  if (feature.includes('#')) return null;
  const t = normalized.text;
  let at = t.indexOf(feature);
  while (at !== -1) {
    const before = at === 0 ? ' ' : t[at - 1];
    const after = at + feature.length >= t.length ? ' ' : t[at + feature.length];
    if (before === ' ' && after === ' ') {
      const start = normalized.start[at];
      const end = normalized.end[at + feature.length - 1];
      if (start !== undefined && end !== undefined && end > start) return raw.slice(start, end);
      return feature;
    }
    at = t.indexOf(feature, at + 1);
  }
  return feature;
}

/** Words of a web address: a feature made only of them and function words names nothing the reader can weigh. */
const ADDRESS_PARTS = new Set(['com', 'www', 'http', 'https', 'net', 'org', 'html', 'php']);

/** Up to `count` words/phrases that pushed the score up most, in the original spelling, without repeats or overlaps. */
export function describeContributors(score: TextModelScore, normalized: NormalizedText, raw: string, count = 3): string[] {
  const chosen: string[] = [];
  const covered: string[] = [];
  const ranked = [...score.contributors].sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
  for (const { feature } of ranked) {
    if (chosen.length >= count) break;
    if (feature.includes('#')) continue;
    // "để được", "quý khách"… say nothing to the reader: only features with a word that is not a function word nor a
    // part of a web address ("com", "https").
    if (feature.split(' ').every((w) => STOPWORDS.has(w) || ADDRESS_PARTS.has(w) || w.length < 3)) continue;
    // A word inside a chosen bigram (or a bigram over a chosen word) says nothing new.
    if (covered.some((c) => ` ${c} `.includes(` ${feature} `) || ` ${feature} `.includes(` ${c} `))) continue;
    const words = findFeatureWords(feature, normalized, raw)?.trim() ?? '';
    // Teencode maps several features back to one original ("cong tac", "tac vien" → "ctv"; "nghin" → "k"): once, and
    // never a lone letter.
    if (words.length < 2 || chosen.some((c) => c.toLowerCase() === words.toLowerCase())) continue;
    // A word pair across punctuation ("triệu, ib") reads as a fragment, and the list is joined with commas.
    if (/[,.;:!?\n\u2029]/u.test(words)) continue;
    chosen.push(words);
    covered.push(feature);
  }
  return chosen;
}

/** This module's module-level expressions, compiled ahead of a tab's first scan (compile-ahead.ts; a test checks the list). */
export const TEXT_MODEL_EXPRESSIONS: readonly RegExp[] = [
  PERCENT,
];
