/**
 * Phone and bank-account numbers written in the text, normalized to digits and looked up in the `number` patterns.
 *
 * A number is a run of digit groups separated by at most two of space / dot / dash / parentheses
 * (`0936 123 812`, `0936.123.812`, `(+84) 936-123-812`). The letter o/O counts as 0 next to digits when it is not part
 * of a word (`o98 765 4321`). Every contiguous run of groups with 8–20 digits is looked up, so two numbers written
 * side by side, or a number followed by an unrelated amount, still match. A leading `+84`/`84` country code is also
 * tried as `0`. Offsets are UTF-16 offsets into the original text, from the first to the last digit (with a keycap's
 * marks after it). Digit look-alikes count as digits (`foldDigitLookalikes`).
 */

export interface NumberPatternSource {
  pattern: number;
  value: string;
}

export interface NumberHit {
  pattern: number;
  start: number;
  end: number;
}

export interface NumberCandidate {
  digits: string;
  start: number;
  end: number;
}

export interface NumberIndex {
  find(text: string): NumberHit[];
  serialize(): NumberPatternSource[];
  readonly size: number;
}

const MIN_DIGITS = 8;
const MAX_DIGITS = 20;
const MAX_SEPARATOR_RUN = 2;

/** Digits only; a leading `+84` becomes `0`. */
export function normalizeNumber(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (/^\(?\+\s*\(?84/.test(trimmed) && digits.startsWith('84')) return '0' + digits.slice(2);
  return digits;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

function isSeparator(ch: string): boolean {
  return ch === ' ' || ch === '.' || ch === '-' || ch === '\u00a0' || ch === '(' || ch === ')' || ch === '\t';
}

/** Positions where a letter o/O is read as the digit 0. */
function markLetterZeros(text: string): Set<number> {
  const zeros = new Set<number>();
  const re = /[oO]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const before = text.charAt(m.index - 1);
    const after = text.charAt(m.index + m[0].length);
    if ((before !== '' && isLetter(before)) || (after !== '' && isLetter(after))) continue;
    if (!isDigit(before) && !isDigit(after)) continue;
    for (let i = m.index; i < m.index + m[0].length; i++) zeros.add(i);
  }
  return zeros;
}

const NEXT_CANDIDATE = /[0-9oO]/g;
const ANY_DIGIT = /\d/;

interface Group {
  digits: string;
  start: number;
  end: number;
  plus: boolean;
}

/** A code unit a digit look-alike leaves behind, read inside a digit group without ending it or adding a digit. */
const JOINER = '\u2060';

/** Runs of digit look-alikes: [first, last, the ASCII code the first stands for]. */
const DIGIT_RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0xff10, 0xff19, 48], // ０–９
  [0x2460, 0x2468, 49], // ①–⑨
  [0x24f5, 0x24fd, 49], // ⓵–⓽
  [0x2776, 0x277e, 49], // ❶–❾
  [0x2780, 0x2788, 49], // ➀–➈
  [0x278a, 0x2792, 49], // ➊–➒
];
/** Single code units: the circled zeros, full-width separators between full-width digits ("０９８７．６５４－３２１"), and
 *  the keycap mark. */
const SINGLE_FOLDS: ReadonlyMap<number, string> = new Map([
  [0x24ea, '0'],
  [0x24ff, '0'],
  [0xff0e, '.'],
  [0xff0d, '-'],
  [0x3000, ' '],
  [0x20e3, JOINER],
]);

const toRegexEscape = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
/** Digit look-alikes (the ranges above, the circled zeros), keycap marks, and the high half of the mathematical digits —
 *  not the full-width separators, which only matter between look-alike digits. */
const DIGIT_LOOKALIKE = new RegExp(
  `[${DIGIT_RANGES.map(([from, to]) => `${toRegexEscape(from)}-${toRegexEscape(to)}`).join('')}\\u24ea\\u24ff]|\\u20e3|\\ud835[\\udfce-\\udfff]`,
);

/**
 * The text with each digit look-alike written as its ASCII digit, code unit for code unit (offsets stay those of the
 * original): full-width "０９８" (and its separators "．", "－", the ideographic space), mathematical "𝟎𝟗𝟖" / "𝟘𝟡𝟠"
 * (two units: the second becomes a joiner), circled "⓪①…⑨", "⓿❶…❾", "➀…➈", "➊…➒", "⓵…⓽", and keycaps "0️⃣9️⃣8️⃣" (the
 * digit is ASCII; its variation selector and keycap mark become joiners).
 * Scammers write phone numbers this way to slip past a list.
 */
export function foldDigitLookalikes(text: string): string {
  if (!DIGIT_LOOKALIKE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const range = DIGIT_RANGES.find(([from, to]) => code >= from && code <= to);
    const single = SINGLE_FOLDS.get(code);
    if (range) out += String.fromCharCode(code - range[0] + range[2]);
    else if (single !== undefined) out += single;
    else if (code === 0xfe0f && (text.charCodeAt(i + 1) === 0x20e3 || isDigit(text.charAt(i - 1)))) out += JOINER;
    else if (code === 0xd835 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdfce && low <= 0xdfff) {
        out += String.fromCharCode(((low - 0xdfce) % 10) + 48) + JOINER;
        i++;
      } else out += text.charAt(i);
    } else out += text.charAt(i);
  }
  return out;
}

function readGroups(original: string): Group[][] {
  const text = foldDigitLookalikes(original);
  const zeros = markLetterZeros(text);
  const runs: Group[][] = [];
  let current: Group[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (isDigit(ch) || zeros.has(i)) {
      const start = i;
      let digits = '';
      while (i < text.length && (isDigit(text.charAt(i)) || zeros.has(i) || text.charAt(i) === JOINER)) {
        if (text.charAt(i) !== JOINER) digits += isDigit(text.charAt(i)) ? text.charAt(i) : '0';
        i++;
      }
      const plusAt = text.slice(Math.max(0, start - 3), start);
      current.push({ digits, start, end: i, plus: /\+\s?\(?$|\(\+$/.test(plusAt) });
      let sep = 0;
      while (i + sep < text.length && isSeparator(text.charAt(i + sep))) sep++;
      const next = text.charAt(i + sep);
      if (sep > MAX_SEPARATOR_RUN || !(isDigit(next) || zeros.has(i + sep))) {
        runs.push(current);
        current = [];
      }
      i += sep;
    } else {
      NEXT_CANDIDATE.lastIndex = i + 1;
      const next = NEXT_CANDIDATE.exec(text);
      i = next ? next.index : text.length;
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** Every digit sequence (8–20 digits, joined across separators) in the text, with country-code variants. */
export function findNumberCandidates(text: string): NumberCandidate[] {
  const out: NumberCandidate[] = [];
  for (const groups of readGroups(text)) {
    for (let a = 0; a < groups.length; a++) {
      let digits = '';
      for (let b = a; b < groups.length; b++) {
        const last = groups[b];
        const first = groups[a];
        if (!last || !first) break;
        digits += last.digits;
        if (digits.length > MAX_DIGITS + 2) break;
        if (digits.length < MIN_DIGITS) continue;
        if (digits.length <= MAX_DIGITS) out.push({ digits, start: first.start, end: last.end });
        if (digits.startsWith('84') && (first.plus || digits.length === 11)) {
          out.push({ digits: '0' + digits.slice(2), start: first.start, end: last.end });
        }
      }
    }
  }
  return out;
}

export function compileNumberIndex(patterns: readonly NumberPatternSource[]): NumberIndex {
  const byDigits = new Map<string, number[]>();
  for (const { pattern, value } of patterns) {
    const digits = normalizeNumber(value);
    if (digits.length < MIN_DIGITS) continue;
    const list = byDigits.get(digits);
    if (list) list.push(pattern);
    else byDigits.set(digits, [pattern]);
  }
  return {
    size: byDigits.size,
    find(text: string): NumberHit[] {
      if (byDigits.size === 0 || !(ANY_DIGIT.test(text) || DIGIT_LOOKALIKE.test(text))) return [];
      const hits: NumberHit[] = [];
      const seen = new Set<string>();
      for (const c of findNumberCandidates(text)) {
        for (const pattern of byDigits.get(c.digits) ?? []) {
          const key = `${pattern}:${c.start}:${c.end}`;
          if (seen.has(key)) continue;
          seen.add(key);
          hits.push({ pattern, start: c.start, end: c.end });
        }
      }
      return hits;
    },
    serialize: () => [...patterns],
  };
}

export function loadNumberIndex(data: readonly NumberPatternSource[]): NumberIndex {
  return compileNumberIndex(data);
}

/** This module's module-level expressions, compiled ahead of a tab's first scan (compile-ahead.ts; a test checks the list). */
export const NUMBER_EXPRESSIONS: readonly RegExp[] = [
  NEXT_CANDIDATE,
  ANY_DIGIT,
  DIGIT_LOOKALIKE,
];
