/**
 * Vietnamese-aware text folding with an offset map back to the original.
 *
 * `normalizeText(raw)` turns a post into lowercase ASCII words separated by single spaces, so that "CỘNG TÁC VIÊN",
 * "𝐜𝐨̣̂𝐧𝐠 tác viên", "c.ộ.n.g t.á.c v.i.ê.n", "côռg" (homoglyph) and "c0ng" all read "cong tac vien", and records for every
 * folded UTF-16 unit the original range it came from. It runs in one linear pass over the input plus one pass over the
 * words it found; per-character facts come from a lazily filled table (see `classifyCodePoint`), never from a regex
 * over the whole text.
 *
 * Steps, in order (tables live in ./data, documented in ./data/README.md):
 * 1. Characters: NFKD + dropping combining marks (accents, NFD input, "fancy" mathematical and full-width letters),
 *    explicit folds (`letters.json`: đ→d, ß→ss…), homoglyphs (`confusables.json`, generated from Unicode's data),
 *    lowercase. Invisible characters (zero-width, soft hyphen, bidi marks, variation selectors — Unicode's
 *    Default_Ignorable_Code_Point and format characters) are skipped without breaking the word; combining marks extend
 *    the previous letter's range (or are dropped when stray). Letters of other scripts and punctuation break words.
 * 2. Words: maximal runs of letters/digits. "@" and "$" count as letters only after a letter and before a word
 *    character ("l@m"); elsewhere they separate.
 * 3. Letter-spaced runs: two or more single-letter words separated only by spaces and "marker" characters
 *    (. - _ * / | ~ + emoji, symbols…) are joined into one word: "l 🔥 ừ a" → "lua", "n-ạ-p" → "nap". When a run has
 *    tight markers ("c.ộ.n.g") and also plain-space gaps, a plain space next to a tight gap stays a word break:
 *    "c.ộ.n.g t.á.c" → "cong tac", "c.ộ.n.g t a c" → "cong tac". A run spaced uniformly ("c o n g t a c") becomes one word "congtac"; its start is listed in `joined`
 *    so that the phrase matcher can look for phrases inside it. Pieces of a word cut by emoji alone ("t🎉rúng",
 *    "TR🎉ÚNG", "ch🔥uy🔥ển") are joined when a single first letter starts it or the pieces spell one common syllable
 *    (`syllables.json`); "Nhà🏠đẹp" stays two words. Words written together are listed in `joined` too: an invisible
 *    character between two letters ("cộng\u200btác\u200bviên", the pipeline cannot tell it from "cộ\u200bng") and a
 *    hashtag ("#vieclamtainha").
 * 4. Leet (`teencode.json` → `leet`): inside a word that has letters, digits and @/$ between letters become letters
 *    ("c0ng", "vi3n", "n@p"); a single leading "1" before letters becomes "l" before a vowel ("1ừa") or "i". Words that
 *    are digits followed by a unit stay numbers; "500", "0987654321", "mp3", "covid19" are untouched.
 * 5. Amounts (`amountUnits`): "500k", "500 k", "500 nghìn" → "500 nghin"; "5tr", "5 triệu", "5 củ" → "5 trieu";
 *    "2 tỷ"/"2 tỏi" → "2 ty". A unit word is rewritten only right after a number.
 * 6. Teencode (`words`, `pairs`, `accentedWords`): whole words are expanded ("ck" → "chuyen khoan", "ko"/"k" →
 *    "khong"), two-word spellings merged ("za lo" → "zalo"), and a few Southern words read as what they mean when
 *    spelled with their own marks ("hông" → "khong", "dô" → "vao"; "hồng", "do" stay). Every produced character maps
 *    to the whole source word(s).
 */
import { decodeAscii } from './binary-codec.ts';
import { isCommonSyllable } from './segment-syllables.ts';
import confusablesTable from './data/confusables.json';
import lettersTable from './data/letters.json';
import teencodeTable from './data/teencode.json';

export interface NormalizedText {
  /** Folded text: lowercase ASCII letters and digits, words separated by exactly one space, no leading/trailing space. */
  text: string;
  /** For each UTF-16 index i of `text`, the original text's UTF-16 range [start[i], end[i]) it came from (a space maps to the gap/separator). */
  start: Uint32Array;
  end: Uint32Array;
  /** Start indices (in `text`) of words that may be several written together — joined letter-spaced runs ("c o n g t a c"
   *  → "congtac"), words glued by invisible characters, hashtags — ascending. */
  joined?: number[];
}

// ---------------------------------------------------------------------------------------------------------------
// Character classes. A class is `(payload << 4) | kind`.

const KIND_UNKNOWN = 0;
/** Whitespace (incl. no-break spaces, line breaks, blank fillers). */
const KIND_SPACE = 1;
/** A separator that letter-spacers use between letters: . - _ * / | ~ + emoji, other symbols. */
const KIND_MARKER = 2;
/** Any other separator: , ; : ! ? quotes, brackets, letters of scripts that do not fold to Latin. */
const KIND_HARD = 3;
/** Invisible: skipped without breaking a word. */
const KIND_IGNORE = 4;
/** Combining mark: extends the previous letter. */
const KIND_COMBINING = 5;
/** One ASCII letter (payload: its code). */
const KIND_LETTER = 6;
/** One ASCII digit (payload: its code). */
const KIND_DIGIT = 7;
/** Several ASCII letters/digits (payload: index into `multiFolds`), e.g. "ß" → "ss", "⑩" → "10". */
const KIND_MULTI = 8;
/** "@" or "$": a letter between word characters, a marker elsewhere (payload: its own code). */
const KIND_LEET_SYMBOL = 9;

const VIETNAMESE_MARKS = new Set([0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31b]);
const BLANK_FILLERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]);
const ASCII_MARKERS = '.-_*/|~+\'`^=#\\';

const letterFolds = new Map<string, string>(
  Object.entries(lettersTable as Record<string, string>).filter(([key]) => !key.startsWith('//')),
);
const confusables = new Map<string, string>(Object.entries(confusablesTable as Record<string, string>));
const multiFolds: string[] = [];

const RE_WHITE = /^\p{White_Space}$/u;
const RE_IGNORABLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]$/u;
const RE_MARK = /^\p{M}$/u;
const RE_MARKS = /\p{M}/gu;
const RE_LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const RE_MARKER = /^[\p{Pd}\p{Pc}\p{S}\p{Extended_Pictographic}\p{Emoji_Presentation}]$/u;

function classifyAscii(code: number): number {
  if (code >= 97 && code <= 122) return (code << 4) | KIND_LETTER;
  if (code >= 65 && code <= 90) return ((code + 32) << 4) | KIND_LETTER;
  if (code >= 48 && code <= 57) return (code << 4) | KIND_DIGIT;
  if (code === 32 || (code >= 9 && code <= 13)) return KIND_SPACE;
  if (code < 32 || code === 127) return KIND_IGNORE;
  if (code === 64 || code === 36) return (code << 4) | KIND_LEET_SYMBOL;
  if (ASCII_MARKERS.includes(String.fromCharCode(code))) return KIND_MARKER;
  return KIND_HARD;
}

/** Folds one already-decomposed, mark-free character to ASCII letters/digits, or returns undefined. */
function foldBaseChar(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 128) {
    const cls = classifyAscii(code);
    const kind = cls & 15;
    return kind === KIND_LETTER || kind === KIND_DIGIT ? String.fromCharCode(cls >> 4) : undefined;
  }
  return letterFolds.get(ch) ?? confusables.get(ch) ?? confusables.get(ch.toLowerCase());
}

function encodeFold(folded: string): number {
  if (folded.length === 1) {
    const code = folded.charCodeAt(0);
    return (code << 4) | (code <= 57 ? KIND_DIGIT : KIND_LETTER);
  }
  let index = multiFolds.indexOf(folded);
  if (index < 0) index = multiFolds.push(folded) - 1;
  return (index << 4) | KIND_MULTI;
}

/** Computes the class of one code point (cached by the callers). */
function classifyCodePoint(cp: number): number {
  if (cp < 128) return classifyAscii(cp);
  if (cp >= 0xd800 && cp <= 0xdfff) return KIND_HARD; // lone surrogate
  const ch = String.fromCodePoint(cp);
  const explicit = letterFolds.get(ch);
  if (explicit !== undefined) return encodeFold(explicit);
  if (BLANK_FILLERS.has(cp) || RE_WHITE.test(ch)) return KIND_SPACE;
  if (RE_IGNORABLE.test(ch)) return KIND_IGNORE;
  if (RE_MARK.test(ch)) return KIND_COMBINING;
  const decomposed = ch.normalize('NFKD');
  if (decomposed.length === 1 && decomposed.charCodeAt(0) < 128) return classifyAscii(decomposed.charCodeAt(0));
  let folded = '';
  for (const part of decomposed.replace(RE_MARKS, '')) {
    const f = foldBaseChar(part);
    if (f === undefined) {
      folded = '';
      break;
    }
    folded += f;
  }
  if (folded.length === 0) {
    const direct = confusables.get(ch) ?? confusables.get(ch.toLowerCase());
    if (direct !== undefined) folded = direct;
  }
  if (folded.length > 0) return encodeFold(folded);
  if (RE_LETTER_OR_NUMBER.test(ch)) return KIND_HARD;
  if (RE_MARKER.test(ch)) return KIND_MARKER;
  return KIND_HARD;
}

const asciiClasses = new Int32Array(128);
for (let c = 0; c < 128; c++) asciiClasses[c] = classifyAscii(c);
/** Lazily filled classes of the BMP (0 = not computed yet). */
const bmpClasses = new Int32Array(0x10000);
const astralClasses = new Map<number, number>();

function classOfBmp(code: number): number {
  let cls = bmpClasses[code] ?? 0;
  if (cls === KIND_UNKNOWN) {
    cls = classifyCodePoint(code);
    bmpClasses[code] = cls;
  }
  return cls;
}

function classOfAstral(cp: number): number {
  let cls = astralClasses.get(cp);
  if (cls === undefined) {
    cls = classifyCodePoint(cp);
    astralClasses.set(cp, cls);
  }
  return cls;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables.

/**
 * A word with two readings: `reads` unless the word before it in the output (teencode expanded; after an optional
 * "va"/"voi") is one of `after` — or one of `afterJoined` with a connector or a "+", "&", "/", "," between them — or
 * the next word (folded, as written; after an optional "vs") is one of `before`: then `near`. "mk" is
 * "mình" ("ib mk", "bên mk", "mẹ mk") except next to account words ("tk + mk", "đổi mk", "mk cũ", "mk + mã 2fa").
 */
interface ContextWord {
  reads: string;
  near: string;
  after: string[];
  /** Words before it that count only when joined to it by "+", "&", "/", "," or "và"/"với" ("tk + mk", not "tk mk"). */
  afterJoined: string[];
  before: string[];
  /** When set, the near reading applies only to these spellings (lowercase, with their marks; `readSpellingKey`):
   *  "vô" and unaccented "vo" may be "vào", "vợ", "vở", "vỡ" never are. */
  spellings?: string[];
  /**
   * When true, `after` and `before` list the neighbours as WRITTEN (lowercase, with their marks) and a neighbour counts
   * only with nothing but spaces between: "bn" is "bao nhiêu" after "giá", not after "vậy" or "tâm" (which fold like
   * "vay", "tam"), and not across a comma ("Chào bn, bn có…"). `afterJoined` is not used then.
   */
  spelledNeighbours?: boolean;
}

interface TeencodeTable {
  words: Record<string, string>;
  pairs: Record<string, string>;
  /** Words rewritten only when spelled with exactly these marks (keys accented, values folded). */
  accentedWords: Record<string, string>;
  /** Accented words that are nouns after these words ("lỗ hổng", "bên hông"): not rewritten there. */
  accentedNouns: Record<string, string[]>;
  /** Words read by their neighbours (`readContextWord`). */
  contextWords: Record<string, ContextWord>;
  amountUnits: Record<string, string>;
  leet: Record<string, string>;
  leetLeadingOneBeforeVowel: string;
}
const teencode = teencodeTable as TeencodeTable;

/** FNV-1a step over char codes; `finishHash` mixes the low bits used for table indexes. */
export function stepHash(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}
export const HASH_SEED = 0x811c9dc5 | 0;
export function finishHash(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** A small string → string table probed with char codes from the scratch buffer (no string allocation). */
class CodeTable {
  private readonly keys: string[];
  readonly values: string[];
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(entries: [string, string][]) {
    this.keys = entries.map(([k]) => k);
    this.values = entries.map(([, v]) => v);
    let size = 16;
    while (size < entries.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.keys.forEach((key, index) => {
      let h = HASH_SEED;
      for (let k = 0; k < key.length; k++) h = stepHash(h, key.charCodeAt(k));
      let slot = finishHash(h) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = index;
    });
  }

  /** Index of the key equal to codes[from, to) (hash `h` already finished), or -1. */
  find(codes: Uint8Array, from: number, to: number, h: number): number {
    let slot = h & this.mask;
    for (;;) {
      const index = this.slots[slot] ?? -1;
      if (index < 0) return -1;
      const key = this.keys[index] ?? '';
      if (key.length === to - from) {
        let k = 0;
        while (k < key.length && key.charCodeAt(k) === codes[from + k]) k++;
        if (k === key.length) return index;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Looks a pair "first second" up from two code ranges. */
  findPair(codes: Uint8Array, a: number, b: number, c: number, d: number): number {
    let h = HASH_SEED;
    for (let k = a; k < b; k++) h = stepHash(h, codes[k] ?? 0);
    h = stepHash(h, 32);
    for (let k = c; k < d; k++) h = stepHash(h, codes[k] ?? 0);
    let slot = finishHash(h) & this.mask;
    for (;;) {
      const index = this.slots[slot] ?? -1;
      if (index < 0) return -1;
      const key = this.keys[index] ?? '';
      if (key.length === b - a + 1 + d - c) {
        let k = 0;
        while (k < b - a && key.charCodeAt(k) === codes[a + k]) k++;
        let ok = k === b - a && key.charCodeAt(k) === 32;
        for (let j = 0; ok && j < d - c; j++) ok = key.charCodeAt(b - a + 1 + j) === codes[c + j];
        if (ok) return index;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

const teenWords = new CodeTable(Object.entries(teencode.words));
const teenPairs = new CodeTable(Object.entries(teencode.pairs));
const amountUnits = new CodeTable(Object.entries(teencode.amountUnits));
const pairFirstWords = new CodeTable(Object.keys(teencode.pairs).map((k) => [k.split(' ')[0] ?? '', '']));
/**
 * Accent-sensitive words (`accentedWords`): Southern "hông"/"hổng" (không), "dô"/"zô" (vào), "dìa" (về) — whose
 * folded forms are also other words ("hồng", "do", "địa"). Keyed by the folded form; `accentedByFold` lists, per
 * folded form, the accented spellings (`foldAccented`) and what they read as.
 */
const accentedByFold = new Map<string, [string, string][]>();
for (const [key, value] of Object.entries(teencode.accentedWords)) {
  const fold = foldCharacters(key);
  const list = accentedByFold.get(fold) ?? [];
  list.push([foldAccented(key), value]);
  accentedByFold.set(fold, list);
}
const accentedFolds = new CodeTable([...accentedByFold.keys()].map((fold) => [fold, fold]));
const contextRules = Object.values(teencode.contextWords);
const contextFolds = new CodeTable(Object.keys(teencode.contextWords).map((key, index) => [key, String(index)]));

/** A gap between two words that joins them as a pair ("tk + mk", "tk & mk", "tk/mk", "tk, mk"). */
const JOINING_GAP = /[+&/,]/;

/** Whether the output so far ends with the words `phrase` (a whole word: after a space or at the start). */
function outputEndsWith(phrase: string, end: number): boolean {
  const from = end - phrase.length;
  if (from < 0 || (from > 0 && outCodes[from - 1] !== 32)) return false;
  for (let k = 0; k < phrase.length; k++) if (outCodes[from + k] !== phrase.charCodeAt(k)) return false;
  return true;
}

/** The reading of context word `rule` at unit `u` of `units` (see `ContextWord`). */
function readContextWord(rule: ContextWord, u: number, units: number, origStart: number, origEnd: number): string {
  if (rule.spellings !== undefined && !rule.spellings.includes(readSpellingKey(scannedRaw, origStart, origEnd))) return rule.reads;
  if (rule.spelledNeighbours === true) return readBySpelledNeighbours(rule, u, units, origStart, origEnd);
  let end = outLength;
  // Joined to the word before by a connector word, or by a symbol in the original gap ("tk + mk", "tk/mk").
  let joined = JOINING_GAP.test(scannedRaw.slice(lastOrigEnd, origStart));
  for (const connector of ['va', 'voi']) {
    if (outputEndsWith(connector, end)) {
      end -= connector.length + 1;
      joined = true;
      break;
    }
  }
  if (rule.after.some((word) => outputEndsWith(word, end))) return rule.near;
  if (joined && rule.afterJoined.some((word) => outputEndsWith(word, end))) return rule.near;
  let next = u + 1;
  // Over "vs" (với): a teencode word, so the fast path's slice holds the word after it too ("mk vs mã 2 lớp").
  if (next + 1 < units && readCodes(unitFrom[next] ?? 0, unitTo[next] ?? 0) === 'vs') next++;
  if (next < units && rule.before.includes(readCodes(unitFrom[next] ?? 0, unitTo[next] ?? 0))) return rule.near;
  return rule.reads;
}

/** Spaces only (a neighbour in the same clause). */
const RE_SPACES_ONLY = /^[\p{White_Space}\p{Cf}]{1,4}$/u;

/** `readContextWord` for a rule with `spelledNeighbours`: the raw words right before and after, as written. */
function readBySpelledNeighbours(rule: ContextWord, u: number, units: number, origStart: number, origEnd: number): string {
  const from = Math.max(0, origStart - 24);
  const before = RE_WORD_BEFORE.exec(scannedRaw.slice(from, origStart));
  if (before !== null) {
    const start = from + before.index;
    if (rule.after.includes(readSpellingKey(scannedRaw, start, start + (before[1] ?? '').length))) return rule.near;
  }
  const next = u + 1;
  if (next < units) {
    const start = charStart[unitFrom[next] ?? 0] ?? origEnd;
    const end = charEnd[(unitTo[next] ?? 1) - 1] ?? start;
    if (RE_SPACES_ONLY.test(scannedRaw.slice(origEnd, start)) && rule.before.includes(readSpellingKey(scannedRaw, start, end))) return rule.near;
  }
  return rule.reads;
}

/**
 * Nouns spelled like an accented word, by the word written right before them (`accentedNouns`, accent keys): "lỗ hổng"
 * (a hole, the "security flaw" of phishing texts — read as "lo khong" it denied the ask after it: "lỗ hổng bảo mật phải
 * cung cấp OTP"), "bên hông" (the side), "eo hông", "xương hông" (the hip).
 */
const ACCENTED_NOUN_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(teencode.accentedNouns).map(([word, before]) => [foldAccented(word), new Set(before.map((w) => foldAccented(w)))]),
);

/** Whether `text` is typed with Vietnamese diacritics: a tone or vowel mark (`VIETNAMESE_MARKS`) or "đ". */
export function hasVietnameseMarks(text: string): boolean {
  for (const ch of text.normalize('NFD')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (VIETNAMESE_MARKS.has(cp) || cp === 0x111 || cp === 0x110) return true;
  }
  return false;
}

/** Whether `word`, written right after `previous`, is one of the accented nouns ("hổng" after "lỗ"): original words. */
export function isAccentedNoun(word: string, previous: string): boolean {
  return ACCENTED_NOUN_AFTER.get(foldAccented(word))?.has(foldAccented(previous)) === true;
}
/** The word right before a position of the raw text (letters, marks and invisible characters), after spaces. */
const RE_WORD_BEFORE = /([\p{L}\p{M}\p{Cf}]{1,12})[\p{White_Space}\p{Cf}]{1,4}$/u;

/**
 * The accent-keeping spelling of raw[a, b) (`foldAccented`), without its NFKD pass when every unit is a plain or
 * precomposed Latin letter (the common case, on the fast path): there, lowercasing gives the same key.
 */
function readSpellingKey(raw: string, a: number, b: number): string {
  for (let k = a; k < b; k++) {
    const c = raw.charCodeAt(k);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || VIETNAMESE_LETTERS.has(c))) return foldAccented(raw.slice(a, b));
  }
  return raw.slice(a, b).toLowerCase();
}

/** Precomposed Vietnamese letters (both cases): `foldAccented` of each is its own lowercase. */
const VIETNAMESE_LETTERS: ReadonlySet<number> = new Set(
  [...'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ'].flatMap((ch) => [ch.charCodeAt(0), ch.toUpperCase().charCodeAt(0)]),
);

/** What the original of [origStart, origEnd) reads as when it is one of the accented words, or null. */
function readAccentedWord(fold: string, origStart: number, origEnd: number): string | null {
  const spellings = accentedByFold.get(fold);
  if (spellings === undefined) return null;
  const key = readSpellingKey(scannedRaw, origStart, origEnd);
  for (const [accented, value] of spellings) {
    if (accented !== key) continue;
    // The raw text, not the previous unit: a fast-path slice may start right after that word.
    const previous = ACCENTED_NOUN_AFTER.has(key) ? RE_WORD_BEFORE.exec(scannedRaw.slice(Math.max(0, origStart - 24), origStart))?.[1] : undefined;
    if (previous !== undefined && isAccentedNoun(key, previous)) return null;
    return value;
  }
  return null;
}
const leetMap = new Int32Array(128);
for (const [from, to] of Object.entries(teencode.leet)) leetMap[from.charCodeAt(0)] = to.charCodeAt(0);
const leetLeadingOne = teencode.leetLeadingOneBeforeVowel.charCodeAt(0);
/** Longest key of the word-level tables: longer words skip the lookups. */
let maxTableKey = 0;
const tableKeys = [
  ...Object.keys(teencode.words),
  ...Object.keys(teencode.amountUnits),
  ...Object.keys(teencode.pairs).flatMap((k) => k.split(' ')),
  ...accentedByFold.keys(),
  ...Object.keys(teencode.contextWords),
];
for (const key of tableKeys) maxTableKey = Math.max(maxTableKey, key.length);
/** Quick filter: 1 at [length * 128 + first char] when some table key has that length and first char. */
const tableKeyFilter = new Uint8Array((maxTableKey + 1) * 128);
for (const key of tableKeys) tableKeyFilter[key.length * 128 + (key.charCodeAt(0) & 127)] = 1;

function isVowelCode(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117 || code === 121;
}

// ---------------------------------------------------------------------------------------------------------------
// Scratch buffers (reused across calls; the engine is single-threaded per realm).

let charCodes = new Uint8Array(1024);
let charStart = new Uint32Array(1024);
let charEnd = new Uint32Array(1024);
let wordFrom = new Uint32Array(256);
let wordTo = new Uint32Array(256);
/** Gap flags before each word: 1 = whitespace, 2 = marker, 4 = hard separator. */
let wordGap = new Uint8Array(256);
/** 1 when the word has a char that is not a letter (digit, "@", "$"). */
let wordMixed = new Uint8Array(256);
/** 1 when the gap before the word is only non-ASCII markers (emoji, symbols): "t🎉rúng". */
let wordEmojiGap = new Uint8Array(256);
/** 1 when the word may be several words written together: an invisible character sits between two of its letters
 *  ("cộng\u200btác\u200bviên"), or it is a hashtag ("#tuyencongtacvien"). */
let wordGlued = new Uint8Array(256);

let outCodes = new Uint8Array(1024);
let outStart = new Uint32Array(1024);
let outEnd = new Uint32Array(1024);
let outLength = 0;

/** A larger copy of a scratch array holding its first `keep` elements. */
function enlarge<T extends Uint8Array | Uint32Array>(array: T, size: number, keep: number = array.length): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(keep === array.length ? array : array.subarray(0, keep));
  return bigger;
}

function growChars(need: number): void {
  if (need <= charCodes.length) return;
  const size = Math.max(need, charCodes.length * 2);
  charCodes = enlarge(charCodes, size);
  charStart = enlarge(charStart, size);
  charEnd = enlarge(charEnd, size);
}

function growWords(need: number): void {
  if (need <= wordFrom.length) return;
  const size = Math.max(need, wordFrom.length * 2);
  wordFrom = enlarge(wordFrom, size);
  wordTo = enlarge(wordTo, size);
  wordGap = enlarge(wordGap, size);
  wordMixed = enlarge(wordMixed, size);
  wordEmojiGap = enlarge(wordEmojiGap, size);
  wordGlued = enlarge(wordGlued, size);
}

function growOut(need: number): void {
  if (need <= outCodes.length) return;
  const size = Math.max(need, outCodes.length * 2);
  outCodes = enlarge(outCodes, size, outLength);
  outStart = enlarge(outStart, size, outLength);
  outEnd = enlarge(outEnd, size, outLength);
}

// ---------------------------------------------------------------------------------------------------------------
// Phase 1: characters → words (in the scratch buffers). Returns the number of words.

/** The text `scanWords` last read (phase 2 looks at the separators between words in it). */
let scannedRaw = '';

function scanWords(raw: string, from = 0, to = raw.length): number {
  scannedRaw = raw;
  const n = to;
  growChars(to - from + 16);
  let codes = charCodes;
  let starts = charStart;
  let ends = charEnd;
  const bmp = bmpClasses;
  let chars = 0;
  let words = 0;
  let wordStartChar = 0;
  let inWord = false;
  let gap = 0;
  let emojiOnly = false;
  /** An invisible character was skipped since the word's last letter. */
  let invisible = false;
  let i = from;
  while (i < n) {
    const code = raw.charCodeAt(i);
    let len = 1;
    let cls: number;
    if (code < 128) {
      cls = asciiClasses[code] ?? KIND_HARD;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = raw.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        len = 2;
        cls = classOfAstral(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      } else {
        cls = KIND_HARD;
      }
    } else {
      cls = bmp[code] ?? 0;
      if (cls === KIND_UNKNOWN) cls = classOfBmp(code);
    }
    const kind = cls & 15;
    if (
      kind === KIND_LETTER ||
      kind === KIND_DIGIT ||
      (kind === KIND_LEET_SYMBOL && inWord && (codes[chars - 1] ?? 0) >= 97 && (codes[chars - 1] ?? 0) <= 122)
    ) {
      if (!inWord) {
        if (words >= wordFrom.length) growWords(words + 1);
        wordFrom[words] = chars;
        wordGap[words] = gap;
        wordEmojiGap[words] = gap === 2 && emojiOnly ? 1 : 0;
        wordMixed[words] = 0;
        wordGlued[words] = i > 0 && raw.charCodeAt(i - 1) === 35 ? 1 : 0;
        wordStartChar = chars;
        inWord = true;
      } else if (invisible) {
        wordGlued[words] = 1;
      }
      invisible = false;
      if (kind !== KIND_LETTER) wordMixed[words] = 1;
      // Each UTF-16 unit yields at most one char here; multi folds below grow the buffers themselves.
      if (chars >= codes.length) {
        growChars(chars + 1);
        codes = charCodes;
        starts = charStart;
        ends = charEnd;
      }
      codes[chars] = cls >> 4;
      starts[chars] = i;
      ends[chars] = i + len;
      chars++;
    } else if (kind === KIND_MULTI) {
      const folded = multiFolds[cls >> 4] ?? '';
      if (!inWord) {
        if (words >= wordFrom.length) growWords(words + 1);
        wordFrom[words] = chars;
        wordGap[words] = gap;
        wordEmojiGap[words] = gap === 2 && emojiOnly ? 1 : 0;
        wordGlued[words] = i > 0 && raw.charCodeAt(i - 1) === 35 ? 1 : 0;
        wordStartChar = chars;
        inWord = true;
      } else if (invisible) {
        wordGlued[words] = 1;
      }
      invisible = false;
      wordMixed[words] = 1;
      if (chars + folded.length > codes.length) {
        growChars(chars + folded.length);
        codes = charCodes;
        starts = charStart;
        ends = charEnd;
      }
      for (let k = 0; k < folded.length; k++) {
        codes[chars] = folded.charCodeAt(k);
        starts[chars] = i;
        ends[chars] = i + len;
        chars++;
      }
    } else if (kind === KIND_COMBINING) {
      if (inWord) {
        // Extend every char produced by the previous source character (one, or several for a multi fold).
        const prevStart = starts[chars - 1] ?? 0;
        for (let k = chars - 1; k >= wordStartChar && starts[k] === prevStart; k--) ends[k] = i + len;
      }
    } else if (kind === KIND_IGNORE) {
      if (inWord) invisible = true;
    } else {
      invisible = false;
      if (inWord) {
        const end = trimTrailingSymbols(codes, wordStartChar, chars);
        const trailingSymbol = end < chars;
        chars = end;
        wordTo[words] = chars;
        words++;
        gap = trailingSymbol ? 2 : 0;
        emojiOnly = !trailingSymbol;
        inWord = false;
      }
      gap |= kind === KIND_SPACE ? 1 : kind === KIND_HARD ? 4 : 2;
      if (kind !== KIND_MARKER || code < 128) emojiOnly = false;
    }
    i += len;
  }
  if (inWord) {
    chars = trimTrailingSymbols(codes, wordStartChar, chars);
    wordTo[words] = chars;
    words++;
  }
  return words;
}

/** The end of the word codes[from, to) without its trailing "@"/"$" (a separator after all), unless it is the leet
 *  last letter of a syllable ("gi@"). */
function trimTrailingSymbols(codes: Uint8Array, from: number, to: number): number {
  if (isTrailingLeetLetter(codes, from, to)) return to;
  let end = to;
  while (end > from && (codes[end - 1] === 64 || codes[end - 1] === 36)) end--;
  return end;
}

/**
 * Whether codes[from, to) is ≥ 2 letters and one "@"/"$" that, read as "a"/"s", ends a common syllable: "gi@" is "giá"
 * (leet), while "US$", "me@" and "ab@" stay a word and a separator.
 */
function isTrailingLeetLetter(codes: Uint8Array, from: number, to: number): boolean {
  const symbol = codes[to - 1] ?? 0;
  if (to - from < 3 || (symbol !== 64 && symbol !== 36)) return false;
  let syllable = '';
  for (let k = from; k < to - 1; k++) {
    const code = codes[k] ?? 0;
    if (!isLetterCode(code)) return false;
    syllable += String.fromCharCode(code);
  }
  return isCommonSyllable(syllable + (symbol === 64 ? 'a' : 's'));
}

// ---------------------------------------------------------------------------------------------------------------
// Phase 2: words → output.

function isLetterCode(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A word that letter-spacers use as a unit: one char, a letter or a leet digit. */
function isSpacedUnit(w: number): boolean {
  const from = wordFrom[w] ?? 0;
  if ((wordTo[w] ?? 0) - from !== 1) return false;
  const code = charCodes[from] ?? 0;
  return isLetterCode(code) || (isDigitCode(code) && (leetMap[code] ?? 0) !== 0);
}

function isDigitUnit(w: number): boolean {
  return isDigitCode(charCodes[wordFrom[w] ?? 0] ?? 0);
}

/**
 * Inside a letter-spaced run [runFrom, runTo), whether words k-1 and k are a letter and a digit with the digit in a
 * stretch of ≥ 2 digit words: "n ạ p 5 0 0 k" is "nap" + "500" + "k", digits stay digits where the run is digit-heavy;
 * a lone digit between letters ("c 0 n g") is leet.
 */
function isDigitStretchEdge(k: number, runFrom: number, runTo: number): boolean {
  if (k <= runFrom || k >= runTo) return false;
  const digitAfter = isDigitUnit(k);
  if (digitAfter === isDigitUnit(k - 1)) return false;
  const d = digitAfter ? k : k - 1;
  const step = digitAfter ? 1 : -1;
  const next = d + step;
  return next >= runFrom && next < runTo && isDigitUnit(next);
}

/** Applies leet folding in place to chars [from, to) when the word mixes letters with digits/symbols. */
function foldLeet(from: number, to: number): void {
  let letters = 0;
  let others = 0;
  for (let k = from; k < to; k++) {
    if (isLetterCode(charCodes[k] ?? 0)) letters++;
    else others++;
  }
  if (letters === 0 || others === 0) return;
  const first = charCodes[from] ?? 0;
  if (findAmountTail(from, to) >= 0) return;
  if (foldTrailingLeet(from, to)) return;
  if (!isLetterCode(first)) {
    // Digits first: "500k", "5tr" are amounts, "4g" stays; only a single leading leet char before ≥ 2 letters folds.
    const second = charCodes[from + 1] ?? 0;
    if (isLetterCode(second) && to - from >= 3 && isLetterCode(charCodes[from + 2] ?? 0) && (leetMap[first] ?? 0) !== 0) {
      if (amountUnits.find(charCodes, from + 1, to, hashCodes(from + 1, to)) < 0) {
        charCodes[from] = first === 49 && isVowelCode(second) ? leetLeadingOne : (leetMap[first] ?? first);
      }
    }
  }
  // Interior runs: digits/symbols with letters on both sides, all mappable.
  let k = from + 1;
  while (k < to) {
    if (isLetterCode(charCodes[k] ?? 0)) {
      k++;
      continue;
    }
    let runEnd = k;
    let mappable = true;
    while (runEnd < to && !isLetterCode(charCodes[runEnd] ?? 0)) {
      if ((leetMap[charCodes[runEnd] ?? 0] ?? 0) === 0) mappable = false;
      runEnd++;
    }
    if (runEnd < to && mappable && isLetterCode(charCodes[k - 1] ?? 0)) {
      for (let r = k; r < runEnd; r++) charCodes[r] = leetMap[charCodes[r] ?? 0] ?? 0;
    }
    k = runEnd;
  }
  // Symbols that stayed (e.g. "@" next to a digit) are not word characters: make them "a"/"s" anyway.
  for (let r = from; r < to; r++) {
    const code = charCodes[r] ?? 0;
    if (code === 64 || code === 36) charCodes[r] = leetMap[code] ?? code;
  }
}

/**
 * "ch0", "ph1", "đả0": ≥ 2 letters and then 1–2 leet digits, where the folded whole is a common Vietnamese syllable
 * ("cho", "phi", "dao"). "mp3", "a1", "b2", "f0", "covid19" are not (too few letters, or no such syllable). Folds in
 * place and returns true when it applies.
 */
function foldTrailingLeet(from: number, to: number): boolean {
  let k = from;
  while (k < to && isLetterCode(charCodes[k] ?? 0)) k++;
  if (k - from < 2 || to - k < 1 || to - k > 2) return false;
  let folded = '';
  for (let j = from; j < k; j++) folded += String.fromCharCode(charCodes[j] ?? 0);
  for (let j = k; j < to; j++) {
    const mapped = leetMap[charCodes[j] ?? 0] ?? 0;
    if (!isDigitCode(charCodes[j] ?? 0) || mapped === 0) return false;
    folded += String.fromCharCode(mapped);
  }
  if (!isCommonSyllable(folded)) return false;
  for (let j = k; j < to; j++) charCodes[j] = leetMap[charCodes[j] ?? 0] ?? 0;
  return true;
}

/**
 * "1tr350", "2tr5", "1k2": digits, an amount unit, digits. Returns the index where the trailing digits start, or -1
 * for any other word.
 */
function findAmountTail(from: number, to: number): number {
  let k = from;
  while (k < to && isDigitCode(charCodes[k] ?? 0)) k++;
  if (k === from) return -1;
  const unitStart = k;
  while (k < to && isLetterCode(charCodes[k] ?? 0)) k++;
  const tailStart = k;
  if (tailStart === unitStart || tailStart === to) return -1;
  while (k < to && isDigitCode(charCodes[k] ?? 0)) k++;
  if (k !== to) return -1;
  return amountUnits.find(charCodes, unitStart, tailStart, hashCodes(unitStart, tailStart)) >= 0 ? tailStart : -1;
}

function hashCodes(from: number, to: number): number {
  const codes = charCodes;
  let h = HASH_SEED;
  for (let k = from; k < to; k++) h = stepHash(h, codes[k] ?? 0);
  return finishHash(h);
}

let lastOrigEnd = 0;

function emitSpace(nextOrigStart: number): void {
  if (outLength === 0) return;
  growOut(outLength + 1);
  outCodes[outLength] = 32;
  outStart[outLength] = lastOrigEnd;
  outEnd[outLength] = nextOrigStart > lastOrigEnd ? nextOrigStart : lastOrigEnd;
  outLength++;
}

function emitChars(from: number, to: number): void {
  emitSpace(charStart[from] ?? 0);
  growOut(outLength + (to - from));
  for (let k = from; k < to; k++) {
    outCodes[outLength] = charCodes[k] ?? 0;
    outStart[outLength] = charStart[k] ?? 0;
    outEnd[outLength] = charEnd[k] ?? 0;
    outLength++;
  }
  lastOrigEnd = charEnd[to - 1] ?? lastOrigEnd;
}

/** Emits `replacement` (one or more words) with every char mapped to [origStart, origEnd). */
function emitReplacement(replacement: string, origStart: number, origEnd: number): void {
  emitSpace(origStart);
  growOut(outLength + replacement.length);
  for (let k = 0; k < replacement.length; k++) {
    outCodes[outLength] = replacement.charCodeAt(k);
    outStart[outLength] = origStart;
    outEnd[outLength] = origEnd;
    outLength++;
  }
  lastOrigEnd = origEnd;
}

/**
 * Whether chars [from, to) are a Vietnamese syllable typed without the "n" of its final "ng" ("đag", "cũg", "lươg",
 * "khôg", "hàg"): letters only, ending in a vowel and "g" — no Vietnamese syllable ends so — and typed with Vietnamese
 * marks, so that English words ("big", "dog", "tag") stay as written. (The common unaccented ones, "xog", "trog",
 * are teencode words.)
 */
function isClippedNg(from: number, to: number, origStart: number, origEnd: number): boolean {
  if (!endsInVowelG(charCodes, from, to)) return false;
  for (let k = from; k < to - 2; k++) if (!isLetterCode(charCodes[k] ?? 0)) return false;
  return hasVietnameseMarks(scannedRaw.slice(origStart, origEnd));
}

/** Whether folded codes[from, to) end in a vowel and "g" (the shape `isClippedNg` reads; the fast path's test too). */
function endsInVowelG(codes: Uint8Array, from: number, to: number): boolean {
  return to - from >= 2 && codes[to - 1] === 103 && isVowelCode(codes[to - 2] ?? 0);
}

/** Emits "ng" for the clipped final "g" at char `k` (both letters map to it), right after the letters before it. */
function emitRestoredNg(k: number): void {
  growOut(outLength + 2);
  const start = charStart[k] ?? 0;
  const end = charEnd[k] ?? 0;
  for (const code of [110, 103]) {
    outCodes[outLength] = code;
    outStart[outLength] = start;
    outEnd[outLength] = end;
    outLength++;
  }
  lastOrigEnd = end;
}

/** Units after joining letter-spaced runs: char ranges, with a joined flag. */
let unitFrom = new Uint32Array(256);
let unitTo = new Uint32Array(256);
let unitJoined = new Uint8Array(256);
/** 1 when the unit may hold digits/symbols (a mixed word, or any joined run). */
let unitMixed = new Uint8Array(256);

/** Most pieces one syllable is cut into by emoji ("ch🔥uy🔥ển" is three). */
const MAX_GLUED_PIECES = 4;

/**
 * How many words from `w` (2 to MAX_GLUED_PIECES; 0 when none) are letters-only pieces separated by emoji alone
 * whose letters together are one common syllable (the longest such run).
 */
function countGluedPieces(w: number, words: number): number {
  if (wordMixed[w] !== 0) return 0;
  // Single letters each glued by emoji ("d🔥e🔥p🔥o🔥s🔥i🔥t") are a letter-spaced run, read whole like "d.e.p.o.s.i.t":
  // taking "d🔥e" as the syllable "de" would split the word.
  if ((wordTo[w] ?? 0) - (wordFrom[w] ?? 0) === 1 && (wordTo[w + 1] ?? 0) - (wordFrom[w + 1] ?? 0) === 1) return 0;
  let letters = readCodes(wordFrom[w] ?? 0, wordTo[w] ?? 0);
  let best = 0;
  for (let k = w + 1; k < words && k < w + MAX_GLUED_PIECES && wordEmojiGap[k] === 1 && wordMixed[k] === 0; k++) {
    letters += readCodes(wordFrom[k] ?? 0, wordTo[k] ?? 0);
    if (letters.length > 7) break;
    if (isCommonSyllable(letters)) best = k - w + 1;
  }
  return best;
}

/** ASCII markers that glue the pieces of one cut syllable when written alone between them ("ch.uyển", "t-iền"). */
const PIECE_MARKERS = '.-_*';
/** Their char codes, for the fast path's test after every word. */
const PIECE_MARKER_CODES: ReadonlySet<number> = new Set([...PIECE_MARKERS].map((c) => c.charCodeAt(0)));

/**
 * How many words from `w` (2 to MAX_GLUED_PIECES; 0 when none) are letters-only pieces each separated by one ASCII
 * marker and nothing else ("ch.uyển", "kh.oản", "t.rú.ng", "v.iệc"), at least one of two or more letters (runs of single
 * letters are the letter-spaced rule's), whose letters together are one common syllable: the longest such run. An
 * initial before a capitalised name ("T.Hương", "N.Hà") is a name, not a cut word.
 */
function countDottedPieces(w: number, words: number): number {
  if (wordMixed[w] !== 0) return 0;
  const raw = scannedRaw;
  let letters = readCodes(wordFrom[w] ?? 0, wordTo[w] ?? 0);
  let long = letters.length > 1;
  let best = 0;
  for (let k = w + 1; k < words && k < w + MAX_GLUED_PIECES && wordGap[k] === 2 && wordMixed[k] === 0; k++) {
    const gapFrom = charEnd[(wordTo[k - 1] ?? 1) - 1] ?? 0;
    const gapTo = charStart[wordFrom[k] ?? 0] ?? 0;
    if (gapTo - gapFrom !== 1 || !PIECE_MARKERS.includes(raw.charAt(gapFrom))) break;
    if (k === w + 1 && letters.length === 1 && isNameAfterInitial(raw, charStart[wordFrom[w] ?? 0] ?? 0, gapTo)) return 0;
    const piece = readCodes(wordFrom[k] ?? 0, wordTo[k] ?? 0);
    letters += piece;
    if (piece.length > 1) long = true;
    if (letters.length > 7) break;
    if (long && isCommonSyllable(letters)) best = k - w + 1;
  }
  return best;
}

/** Whether raw[initial] is one capital letter and raw[name…] starts a capitalised word ("T.Hương", not "T.RÚNG"). */
function isNameAfterInitial(raw: string, initial: number, name: number): boolean {
  const isUpper = (ch: string): boolean => ch !== ch.toLowerCase();
  const second = raw.charAt(name + 1).normalize('NFD').charAt(0);
  // A cased lower-case letter (not a digit, a mark or the end of the text) after the name's capital.
  return isUpper(raw.charAt(initial)) && isUpper(raw.charAt(name)) && second !== second.toUpperCase();
}

/** Whether word `w` is a single letter glued by emoji alone to a following word of two or more letters ("t🎉rúng"). */
function isGluedFirstLetter(w: number, words: number): boolean {
  return (
    w + 1 < words &&
    (wordTo[w] ?? 0) - (wordFrom[w] ?? 0) === 1 &&
    isLetterCode(charCodes[wordFrom[w] ?? 0] ?? 0) &&
    wordEmojiGap[w + 1] === 1 &&
    (wordTo[w + 1] ?? 0) - (wordFrom[w + 1] ?? 0) >= 2 &&
    (wordGap[w] ?? 0) !== 2
  );
}

/** Single letters that stand for a person in chat ("t" tao/tôi, "e" em, "a" anh, "c" chị, "m" mình/mày, "b" bạn). */
const PRONOUN_LETTERS = new Set([116, 101, 97, 99, 109, 98]);
/** Words after a spaced "c k" / "t k" / "m k" that continue the abbreviation it spells out ("c k trước", "c k phí", "t k
 *  này", "m k fb"), as written (`readSpellingKey`: look-alike letters folded, marks kept): "thẻ" continues "tk", "thể"
 *  (can) follows "không". */
const ABBREVIATION_CONTINUATIONS = new Set([
  'trước', 'trc', 'vào', 'vô', 'phí', 'giúp', 'giùm', 'ngay', 'luôn', 'này', 'fb', 'facebook', 'zalo', 'zl', 'momo', 'stk',
  'số', 'sổ', 'cọc', 'hộ', 'thẻ', 'tk', 'của', 'ib', 'inbox', 'mb', 'vcb', 'sang', 'đến', 'tới', 'sau', 'dưới', 'ngân',
]);

/**
 * Words w and w + 1 are "<person> k" with only whitespace between, not followed by a word that continues an
 * abbreviation: chat shorthand for "<person> không" ("t k gọi được" is "tao không gọi được", "e k biết", "a k thể",
 * "c k, e tự lo"), not a letter-spaced "tk"/"ck"/"mk". "c k trước", "m k fb", "c k 50k", a marker between ("c.k") still
 * join.
 */
function isPronounNot(w: number, next: number, words: number): boolean {
  if (wordGap[w + 1] !== 1 || charCodes[wordFrom[w + 1] ?? 0] !== 107 || !PRONOUN_LETTERS.has(charCodes[wordFrom[w] ?? 0] ?? 0)) return false;
  if (next >= words || ((wordGap[next] ?? 0) & 6) !== 0) return true;
  const from = wordFrom[next] ?? 0;
  if (!isLetterCode(charCodes[from] ?? 0)) return false;
  return !ABBREVIATION_CONTINUATIONS.has(readSpellingKey(scannedRaw, charStart[from] ?? 0, charEnd[(wordTo[next] ?? 1) - 1] ?? 0));
}

/**
 * Words w and w + 1 are a single letter standing for a person or "không" and the particle "ạ", with only whitespace
 * between and nothing spelled on after them: "cảm ơn e ạ", "dạ vâng c ạ", "lừa đúng k ạ" end a sentence politely
 * ("em ạ", "chị ạ", "không ạ"); they are not a letter-spaced "ea", "ca", "ka".
 */
function isPoliteParticle(w: number, next: number, words: number): boolean {
  const first = charCodes[wordFrom[w] ?? 0] ?? 0;
  if (wordGap[w + 1] !== 1 || !(PRONOUN_LETTERS.has(first) || first === 107)) return false;
  const at = wordFrom[w + 1] ?? 0;
  if (readSpellingKey(scannedRaw, charStart[at] ?? 0, charEnd[at] ?? 0) !== 'ạ') return false;
  // "k ạ n g" would go on spelling; a word or the end after "ạ" ends the sentence's particle. (A single digit after it
  // still joins the run before this is asked: "k ạ 3 ngày" reads "ka3", as it did.)
  return next >= words || !isSpacedUnit(next);
}

function buildUnits(words: number): number {
  if (unitFrom.length < words) {
    unitFrom = new Uint32Array(words);
    unitTo = new Uint32Array(words);
    unitJoined = new Uint8Array(words);
    unitMixed = new Uint8Array(words);
  }
  let units = 0;
  let w = 0;
  while (w < words) {
    // "t🎉rúng", "g🌸iải": an emoji glued between a first letter and the rest of its word joins them.
    if (isGluedFirstLetter(w, words)) {
      unitFrom[units] = wordFrom[w] ?? 0;
      unitTo[units] = wordTo[w + 1] ?? 0;
      unitJoined[units] = 0;
      unitMixed[units] = 1;
      units++;
      w += 2;
      continue;
    }
    // "TR🎉ÚNG", "ch🔥uyển", "thư🎁ởng": pieces glued by emoji only, which together spell a common syllable.
    // "ch.uyển", "t-iền", "t.rú.ng": pieces glued by one ASCII marker each, which together spell a common syllable.
    const glued =
      w + 1 >= words ? 0 : wordEmojiGap[w + 1] === 1 ? countGluedPieces(w, words) : wordGap[w + 1] === 2 ? countDottedPieces(w, words) : 0;
    if (glued > 1) {
      unitFrom[units] = wordFrom[w] ?? 0;
      unitTo[units] = wordTo[w + glued - 1] ?? 0;
      unitJoined[units] = 0;
      unitMixed[units] = 0;
      units++;
      w += glued;
      continue;
    }
    if (!isSpacedUnit(w)) {
      unitFrom[units] = wordFrom[w] ?? 0;
      unitTo[units] = wordTo[w] ?? 0;
      // Words written together ("cộng\u200btác\u200bviên", "#congtacvien") are read like a letter-spaced run.
      unitJoined[units] = wordGlued[w] === 1 && !isDigitUnit(w) ? 1 : 0;
      unitMixed[units] = wordMixed[w] ?? 1;
      units++;
      w++;
      continue;
    }
    // Extend the run of spaced units over joinable gaps (no hard separator).
    let runEnd = w + 1;
    let letters = isLetterCode(charCodes[wordFrom[w] ?? 0] ?? 0) ? 1 : 0;
    let tight = false;
    let spaceOnly = false;
    // A letter glued by an emoji to the rest of its word starts that word ("ở h📦ải quan"), it does not join the run.
    // Nor does a letter that starts a cut syllable ("t.rú", "v.iệc").
    while (
      runEnd < words &&
      isSpacedUnit(runEnd) &&
      ((wordGap[runEnd] ?? 0) & 4) === 0 &&
      !isGluedFirstLetter(runEnd, words) &&
      !(runEnd + 1 < words && wordGap[runEnd + 1] === 2 && countDottedPieces(runEnd, words) > 1)
    ) {
      const g = wordGap[runEnd] ?? 0;
      if (g === 2) tight = true;
      if (g === 1) spaceOnly = true;
      if (isLetterCode(charCodes[wordFrom[runEnd] ?? 0] ?? 0)) letters++;
      runEnd++;
    }
    const spacedPair = letters === 2 && runEnd - w === 2 && (isPronounNot(w, runEnd, words) || isPoliteParticle(w, runEnd, words));
    if (letters < 2 || spacedPair) {
      for (let k = w; k < runEnd; k++) {
        unitFrom[units] = wordFrom[k] ?? 0;
        unitTo[units] = wordTo[k] ?? 0;
        unitJoined[units] = 0;
        unitMixed[units] = wordMixed[k] ?? 1;
        units++;
      }
      w = runEnd;
      continue;
    }
    const splitAtSpaces = tight && spaceOnly;
    let groupStart = w;
    for (let k = w + 1; k <= runEnd; k++) {
      // A plain-space gap next to a tight marker gap ("c.ộ.n.g t.á.c") is a word break.
      const wordBreak =
        splitAtSpaces &&
        k < runEnd &&
        wordGap[k] === 1 &&
        ((k - 1 > w && wordGap[k - 1] === 2) || (k + 1 < runEnd && wordGap[k + 1] === 2));
      if (k === runEnd || wordBreak || isDigitStretchEdge(k, w, runEnd)) {
        unitFrom[units] = wordFrom[groupStart] ?? 0;
        unitTo[units] = wordTo[k - 1] ?? 0;
        unitJoined[units] = k - groupStart > 1 && !isDigitUnit(groupStart) ? 1 : 0;
        unitMixed[units] = 1;
        units++;
        groupStart = k;
      }
    }
    w = runEnd;
  }
  return units;
}

/** Start indices (in the output) of joined words, for the last normalization. */
let joinedStarts = new Int32Array(64);
let joinedCount = 0;

/** Resets the output (a new text starts). */
function resetOutput(): void {
  outLength = 0;
  lastOrigEnd = 0;
  joinedCount = 0;
}

/** Currency marks written after a grouped amount ("500.000đ", "2.000.000 VND"), folded. */
const CURRENCY_SUFFIXES: ReadonlySet<string> = new Set(['d', 'vnd', 'dong']);
/** Foreign currencies after an amount keep it in digits ("50.000 USD", "80.000 euro", "50.000 đô"). */
const FOREIGN_CURRENCIES: ReadonlySet<string> = new Set(['usd', 'do', 'dola', 'dollar', 'dollars', 'euro', 'eur', 'bang', 'gbp', 'yen', 'won', 'baht', 'sgd', 'aud', 'te']);

/** Set by `readGroupedAmount`: the amount's words ("2 trieu 5") and the original end of what it read. */
let groupedAmountWords = '';
let groupedAmountEnd = 0;

/** The original character between units `u` and `u + 1` when exactly one stands there ("." of "500.000"), else "". */
function readGapAfter(u: number): string {
  const end = charEnd[(unitTo[u] ?? 1) - 1] ?? 0;
  return (charStart[unitFrom[u + 1] ?? 0] ?? 0) - end === 1 ? scannedRaw.charAt(end) : '';
}

/** Whether unit `u` ends with a digit and the next one follows it after a single dot or comma. */
function isSeparatedDigits(u: number): boolean {
  const gap = readGapAfter(u);
  return (gap === '.' || gap === ',') && isDigitCode(charCodes[(unitTo[u] ?? 1) - 1] ?? 0);
}

/** The folded letters of chars [from, to). */
function readCodes(from: number, to: number): string {
  let text = '';
  for (let k = from; k < to; k++) text += String.fromCharCode(charCodes[k] ?? 0);
  return text;
}

/**
 * A whole amount written with thousands separators, from unit `u` (1–3 digits, no leading zero): "500.000đ",
 * "2.500.000", "1.200.000.000 VND", "2,000,000đ" — groups of exactly three digits after single dots (commas only
 * with a currency mark: "$2,000" stays digits), the last group 000. It reads like the decimal form people also write
 * ("500k", "2,5 triệu", "1,2 tỷ"): "500 nghin", "2 5 trieu", "1 2 ty" — the unit last, where patterns look for it
 * ("[\d ]{1,6}(nghin|trieu)"); a currency mark glued to it is part of it. Returns
 * the last unit read (> u) and sets `groupedAmountWords`/`groupedAmountEnd`, or returns -1. Phone and account
 * numbers do not read as amounts: their groups have four digits, a leading zero, or do not end in 000. An amount in
 * a foreign currency ("50.000 USD", "80.000 đô") stays in digits, as patterns for those write it.
 */
function readGroupedAmount(u: number, units: number): number {
  // Not the middle of a longer dotted number ("1.5.000", "10.10.000").
  if (u > 0 && isSeparatedDigits(u - 1)) return -1;
  const groups: string[] = [readCodes(unitFrom[u] ?? 0, unitTo[u] ?? 0)];
  let separator = '';
  let currency = false;
  let k = u + 1;
  for (; k < units && groups.length < 5; k++) {
    const gap = readGapAfter(k - 1);
    if ((gap !== '.' && gap !== ',') || (separator !== '' && gap !== separator)) break;
    const word = readCodes(unitFrom[k] ?? 0, unitTo[k] ?? 0);
    if (!/^\d{3}/.test(word)) break;
    const suffix = word.slice(3);
    if (suffix !== '' && !CURRENCY_SUFFIXES.has(suffix)) break;
    separator = gap;
    groups.push(word.slice(0, 3));
    if (suffix !== '') {
      currency = true;
      k++;
      break;
    }
  }
  const last = k - 1;
  if (groups.length < 2 || groups.length > 4 || groups[groups.length - 1] !== '000') return -1;
  // The digits must end there: "1.000.0001" or "2.000.000.5" are no amounts.
  if (!currency && last + 1 < units) {
    const gap = readGapAfter(last);
    if ((gap === '.' || gap === ',') && isDigitCode(charCodes[unitFrom[last + 1] ?? 0] ?? 0)) return -1;
    const next = readCodes(unitFrom[last + 1] ?? 0, unitTo[last + 1] ?? 0);
    if (FOREIGN_CURRENCIES.has(next)) return -1;
    if (separator === ',') currency = CURRENCY_SUFFIXES.has(next);
  }
  if (separator === ',' && !currency) return -1;
  const unit = groups.length === 4 ? 'ty' : groups.length === 3 ? 'trieu' : 'nghin';
  const rest = groups.length > 2 ? (groups[1] ?? '').replace(/0+$/, '') : '';
  groupedAmountWords = `${groups[0] ?? ''}${rest === '' ? '' : ` ${rest}`} ${unit}`;
  groupedAmountEnd = charEnd[(unitTo[last] ?? 1) - 1] ?? 0;
  return last;
}

/** Whether the original text between two offsets (of the text last scanned) is only whitespace on one line, or
 *  characters the normalizer ignores (a zero-width space, a soft hyphen: "500\u200b k" is still 500 thousand). */
function isBlankBetween(from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = scannedRaw.codePointAt(i) ?? 0;
    if (code === 32 || code === 9 || code === 0xa0 || code === 0x202f) continue;
    if (code < 128) return false;
    if (code > 0xffff) i++;
    const kind = (code > 0xffff ? classifyCodePoint(code) : classOfBmp(code)) & 15;
    if (kind !== KIND_SPACE && kind !== KIND_IGNORE) return false;
  }
  return true;
}

/** Phase 2 for the words of the text or slice last scanned, appended to the output. */
function normalizeWords(words: number): void {
  const units = buildUnits(words);
  let previousWasNumber = false;
  for (let u = 0; u < units; u++) {
    const from = unitFrom[u] ?? 0;
    const to = unitTo[u] ?? 0;
    const mixed = unitMixed[u] === 1;
    if (mixed) foldLeet(from, to);
    const length = to - from;
    const origStart = charStart[from] ?? 0;
    const origEnd = charEnd[to - 1] ?? 0;
    let digits = 0;
    if (mixed) while (digits < length && isDigitCode(charCodes[from + digits] ?? 0)) digits++;
    const allDigits = digits === length;
    if (allDigits && length <= 3 && (charCodes[from] ?? 48) !== 48) {
      const last = readGroupedAmount(u, units);
      if (last > u) {
        emitReplacement(groupedAmountWords, origStart, groupedAmountEnd);
        previousWasNumber = false;
        u = last;
        continue;
      }
    }
    const tail = mixed && digits > 0 && !allDigits ? findAmountTail(from, to) : -1;
    if (tail >= 0) {
      // "1tr350" → "1 trieu 350".
      const unit = amountUnits.find(charCodes, from + digits, tail, hashCodes(from + digits, tail));
      emitChars(from, from + digits);
      emitReplacement(amountUnits.values[unit] ?? '', charStart[from + digits] ?? origStart, charEnd[tail - 1] ?? origEnd);
      emitChars(tail, to);
      previousWasNumber = true;
      continue;
    }
    if (length <= maxTableKey + digits && !allDigits) {
      // Amount glued to its number: "500k", "5tr", "5cu".
      if (digits > 0 && length - digits <= maxTableKey) {
        const unit = amountUnits.find(charCodes, from + digits, to, hashCodes(from + digits, to));
        if (unit >= 0) {
          emitChars(from, from + digits);
          emitReplacement(amountUnits.values[unit] ?? '', charStart[from + digits] ?? origStart, origEnd);
          previousWasNumber = false;
          continue;
        }
      }
      if (digits === 0 && length <= maxTableKey && tableKeyFilter[length * 128 + (charCodes[from] ?? 0)] === 1) {
        const h = hashCodes(from, to);
        // A unit only right after its number, spaces between: "500 k" is 500 thousand, "100%, k cần" is "không".
        if (previousWasNumber && isBlankBetween(charEnd[(unitTo[u - 1] ?? 1) - 1] ?? origStart, origStart)) {
          const unit = amountUnits.find(charCodes, from, to, h);
          if (unit >= 0) {
            emitReplacement(amountUnits.values[unit] ?? '', origStart, origEnd);
            previousWasNumber = false;
            continue;
          }
        }
        if (u + 1 < units && pairFirstWords.find(charCodes, from, to, h) >= 0) {
          const nextFrom = unitFrom[u + 1] ?? 0;
          const nextTo = unitTo[u + 1] ?? 0;
          const merged = nextTo - nextFrom <= maxTableKey ? teenPairs.findPair(charCodes, from, to, nextFrom, nextTo) : -1;
          if (merged >= 0) {
            emitReplacement(teenPairs.values[merged] ?? '', origStart, charEnd[nextTo - 1] ?? origEnd);
            previousWasNumber = false;
            u++;
            continue;
          }
        }
        const contextual = contextFolds.find(charCodes, from, to, h);
        const rule = contextual >= 0 ? contextRules[Number(contextFolds.values[contextual])] : undefined;
        if (rule !== undefined) {
          emitReplacement(readContextWord(rule, u, units, origStart, origEnd), origStart, origEnd);
          previousWasNumber = false;
          continue;
        }
        const accented = accentedFolds.find(charCodes, from, to, h);
        const reading = accented >= 0 ? readAccentedWord(accentedFolds.values[accented] ?? '', origStart, origEnd) : null;
        if (reading !== null) {
          emitReplacement(reading, origStart, origEnd);
          previousWasNumber = false;
          continue;
        }
        const expansion = teenWords.find(charCodes, from, to, h);
        if (expansion >= 0) {
          emitReplacement(teenWords.values[expansion] ?? '', origStart, origEnd);
          previousWasNumber = false;
          continue;
        }
      }
    }
    if (unitJoined[u] === 0 && isClippedNg(from, to, origStart, origEnd)) {
      emitChars(from, to - 1);
      emitRestoredNg(to - 1);
      previousWasNumber = false;
      continue;
    }
    if (unitJoined[u] === 1) {
      if (joinedCount >= joinedStarts.length) {
        const grown = new Int32Array(joinedStarts.length * 2);
        grown.set(joinedStarts);
        joinedStarts = grown;
      }
      joinedStarts[joinedCount++] = outLength === 0 ? 0 : outLength + 1;
    }
    emitChars(from, to);
    previousWasNumber = allDigits;
  }
}

function buildText(): string {
  return outLength === 0 ? '' : decodeAscii(outCodes.subarray(0, outLength));
}

// ---------------------------------------------------------------------------------------------------------------
// Fast path. Most words of a post are "plain": two or more letters that each fold to one ASCII letter (accents,
// case, homoglyphs, combining marks and invisible characters inside are fine), between separators, and not a key of
// the teencode tables. Such a word folds to its letters whatever stands around it, and does not change how its
// neighbours fold: every rule of phase 2 that looks beyond one word starts at a "special" word — a single letter
// (letter-spaced runs, an emoji glued to a first letter), one with a digit, "@", "$", a multi-letter fold or an
// astral letter (leet, amounts, numbers, math alphabets), or a teencode word or first word of a pair — and reaches at
// most the next word. So the fast path folds plain words itself, in one pass over the raw text with a per-code-unit
// table, and hands each stretch of special words to the pipeline above as a slice: from the end of the last plain
// word (the gap before the first special word is part of the slice: a marker there changes how a single letter
// joins) to the end of the first plain word after the last special one. The result is the pipeline's own;
// `normalizeTextReference` and the property tests in normalize.test.ts check they are equal.

/** Fast-path classes per BMP code unit (lazily filled; 0 = not computed): a letter's folded code (97–122) or one of these. */
const FAST_SEPARATOR = 1;
const FAST_IGNORE = 2;
const FAST_COMBINING = 3;
/** Anything the fast path leaves to the pipeline: digits, "@"/"$", multi-letter folds, lone surrogates. */
const FAST_SPECIAL = 4;
/** A high surrogate: the class of the astral character decides. */
const FAST_HIGH_SURROGATE = 5;
const fastClasses = new Uint8Array(0x10000);

function computeFastClass(code: number): number {
  let fast: number;
  if (code >= 0xd800 && code <= 0xdbff) fast = FAST_HIGH_SURROGATE;
  else if (code >= 0xdc00 && code <= 0xdfff) fast = FAST_SPECIAL;
  else fast = fastClassOf(code < 128 ? (asciiClasses[code] ?? KIND_HARD) : classOfBmp(code));
  fastClasses[code] = fast;
  return fast;
}

function fastClassOf(cls: number): number {
  const kind = cls & 15;
  if (kind === KIND_LETTER) return cls >> 4;
  if (kind === KIND_SPACE || kind === KIND_MARKER || kind === KIND_HARD) return FAST_SEPARATOR;
  if (kind === KIND_IGNORE) return FAST_IGNORE;
  if (kind === KIND_COMBINING) return FAST_COMBINING;
  return FAST_SPECIAL;
}

/**
 * Whether the plain-looking word out[from, to) (unfinished hash `h`) of `raw` is a teencode word, the first word of a
 * pair, a context word, or spelled as one of the accented words (a look-alike — "đỏ", "hồng" — is plain: the pipeline
 * would leave it as it is too, so it needs no slice).
 */
function isTableWord(raw: string, from: number, to: number, h: number): boolean {
  // Most words are no key: one bit of the key filter says so without probing the tables.
  const bit = (h ^ (h >>> 16)) & TABLE_WORD_BITS_MASK;
  if (((tableWordBits[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false;
  const finished = finishHash(h);
  if (
    teenWords.find(outCodes, from, to, finished) >= 0 ||
    pairFirstWords.find(outCodes, from, to, finished) >= 0 ||
    contextFolds.find(outCodes, from, to, finished) >= 0
  ) {
    return true;
  }
  const accented = accentedFolds.find(outCodes, from, to, finished);
  if (accented < 0) return false;
  const key = readSpellingKey(raw, outStart[from] ?? 0, outEnd[to - 1] ?? 0);
  return (accentedByFold.get(accentedFolds.values[accented] ?? '') ?? []).some(([spelling]) => spelling === key);
}

/** A bit per (folded) hash of every teencode word and first word of a pair (`isTableWord`). */
const TABLE_WORD_BITS_MASK = 0xffff;
const tableWordBits = new Uint32Array((TABLE_WORD_BITS_MASK + 1) >>> 5);
for (const key of [...Object.keys(teencode.words), ...Object.keys(teencode.pairs).map((k) => k.split(' ')[0] ?? ''), ...accentedByFold.keys(), ...Object.keys(teencode.contextWords)]) {
  let h = HASH_SEED;
  for (let k = 0; k < key.length; k++) h = stepHash(h, key.charCodeAt(k));
  const bit = (h ^ (h >>> 16)) & TABLE_WORD_BITS_MASK;
  tableWordBits[bit >>> 5] = (tableWordBits[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

/** Runs the pipeline on raw[start, end) and appends its output (offsets into `raw`). */
function normalizeSlice(raw: string, start: number, end: number): void {
  normalizeWords(scanWords(raw, start, end));
}

/** The output's words (of the last `normalizeFast`): [from, to) in the output and the unfinished FNV hash of each. */
let outWordFrom = new Int32Array(256);
let outWordTo = new Int32Array(256);
let outWordHash = new Int32Array(256);
let outWordCount = 0;

function growOutWords(need: number): void {
  if (need <= outWordFrom.length) return;
  const size = Math.max(need, outWordFrom.length * 2);
  const grow = (a: Int32Array) => {
    const b = new Int32Array(size);
    b.set(a.subarray(0, outWordCount));
    return b;
  };
  outWordFrom = grow(outWordFrom);
  outWordTo = grow(outWordTo);
  outWordHash = grow(outWordHash);
}

/**
 * Calls `visit(from, to, h)` for each word of folded codes[from, to) — words are separated by single spaces — with `h`
 * the unfinished FNV hash (`stepHash` from `HASH_SEED`) of its letters.
 */
export function forEachFoldedWord(codes: Uint8Array, from: number, to: number, visit: (from: number, to: number, h: number) => void): void {
  let start = from;
  let h = HASH_SEED;
  for (let k = from; k <= to; k++) {
    const code = k < to ? (codes[k] ?? 32) : 32;
    if (code !== 32) {
      h = Math.imul(h ^ code, 0x01000193);
      continue;
    }
    if (k > start) visit(start, k, h);
    start = k + 1;
    h = HASH_SEED;
  }
}

function recordOutWord(from: number, to: number, h: number): void {
  growOutWords(outWordCount + 1);
  outWordFrom[outWordCount] = from;
  outWordTo[outWordCount] = to;
  outWordHash[outWordCount] = h;
  outWordCount++;
}

/** Records the words of output[from, to) (written by the pipeline for a slice). */
function recordSliceWords(from: number, to: number): void {
  forEachFoldedWord(outCodes, from, to, recordOutWord);
}

/** `normalizeWhole(raw)`, faster: plain words folded here, stretches of special words by the pipeline. */
function normalizeFast(raw: string): void {
  resetOutput();
  const n = raw.length;
  growOut(n + 16);
  let codes = outCodes;
  let starts = outStart;
  let ends = outEnd;
  // The output length and the end of the last word live in locals here (a module variable in this loop costs a
  // memory round trip per character); they are written back before the pipeline runs a slice.
  let out = 0;
  let lastEnd = 0;
  outWordCount = 0;
  let words = 0;
  growOutWords((n >> 1) + 2);
  let wordFromOut = outWordFrom;
  let wordToOut = outWordTo;
  let wordHashOut = outWordHash;
  const table = fastClasses;
  /** Where a slice of special words would start: the end of the last plain word (or slice). */
  let plainEnd = 0;
  /** Start of the open slice of special words, or -1. */
  let sliceStart = -1;
  let i = 0;
  while (i < n) {
    const first = raw.charCodeAt(i);
    let fast = table[first] ?? 0;
    if (fast === 0) fast = computeFastClass(first);
    if (fast === FAST_HIGH_SURROGATE) fast = classifySurrogatePair(raw, i);
    if (fast === FAST_SEPARATOR || fast === FAST_IGNORE || fast === FAST_COMBINING) {
      // Between words; a combining mark here is stray (dropped), an astral separator spans two units.
      i += first >= 0xd800 && first <= 0xdbff && i + 1 < n ? 2 : 1;
      continue;
    }
    // A word starts (a letter or a special character). Emit it as plain; take it back if it is not.
    const rollback = out;
    if (out > 0) {
      codes[out] = 32;
      starts[out] = lastEnd;
      ends[out] = i > lastEnd ? i : lastEnd;
      out++;
    }
    const from = out;
    // A hashtag may be words written together ("#vieclamtainha"): the pipeline marks it.
    let special = i > 0 && raw.charCodeAt(i - 1) === 35;
    let h = HASH_SEED;
    // Letters first: the commonest case is tested alone; the other classes, and a class not computed yet (0), after.
    while (i < n) {
      const code = raw.charCodeAt(i);
      fast = table[code] ?? 0;
      if (fast >= 97) {
        codes[out] = fast;
        starts[out] = i;
        ends[out] = i + 1;
        out++;
        h = Math.imul(h ^ fast, 0x01000193);
        i++;
      } else if (fast === FAST_SEPARATOR) {
        break;
      } else if (fast === FAST_COMBINING) {
        if (out > from) ends[out - 1] = i + 1;
        i++;
      } else if (fast === FAST_IGNORE) {
        // Between two letters, an invisible character may stand for a space ("cộng\u200btác"): the pipeline decides.
        if (out > from) special = true;
        i++;
      } else if (fast === 0) {
        computeFastClass(code);
      } else if (fast === FAST_HIGH_SURROGATE && classifySurrogatePair(raw, i) === FAST_SEPARATOR) {
        break;
      } else {
        special = true;
        i++;
      }
    }
    if (
      !special &&
      (out - from < 2 ||
        isTableWord(raw, from, out, h) ||
        (endsInVowelG(codes, from, out) && hasVietnameseMarks(raw.slice(starts[from] ?? 0, ends[out - 1] ?? 0))) ||
        (i < n && (raw.charCodeAt(i) >= 0x80 ? isGluedByMarkers(raw, i) : isPieceMarkerBeforeLetter(raw, i))))
    ) {
      special = true;
    }
    if (special || sliceStart >= 0) {
      out = rollback;
      if (sliceStart < 0) sliceStart = plainEnd;
      if (special) continue;
      // The first plain word after special ones closes the slice.
      outLength = out;
      lastOrigEnd = lastEnd;
      outWordCount = words;
      normalizeSlice(raw, sliceStart, i);
      recordSliceWords(out, outLength);
      words = outWordCount;
      wordFromOut = outWordFrom;
      wordToOut = outWordTo;
      wordHashOut = outWordHash;
      out = outLength;
      lastEnd = lastOrigEnd;
      sliceStart = -1;
      plainEnd = i;
      growOut(out + (n - i) + 16);
      codes = outCodes;
      starts = outStart;
      ends = outEnd;
      continue;
    }
    // The word's last letter, with the combining marks after it.
    lastEnd = ends[out - 1] ?? i;
    plainEnd = i;
    if (words >= wordFromOut.length) {
      outWordCount = words;
      growOutWords(words + 1);
      wordFromOut = outWordFrom;
      wordToOut = outWordTo;
      wordHashOut = outWordHash;
    }
    wordFromOut[words] = from;
    wordToOut[words] = out;
    wordHashOut[words] = h;
    words++;
    // The separator that ended the word (a BMP one; an astral one is read again above).
    if (i < n && table[raw.charCodeAt(i)] === FAST_SEPARATOR) i++;
  }
  outLength = out;
  lastOrigEnd = lastEnd;
  outWordCount = words;
  if (sliceStart >= 0) {
    normalizeSlice(raw, sliceStart, n);
    recordSliceWords(out, outLength);
  }
}

/**
 * Whether raw[i] (right after a word) is one ASCII piece marker with a letter right after it ("ch.uyển", "kh-oản"):
 * the pipeline's dotted-pieces rule (`countDottedPieces`) decides those, so the word goes to the pipeline.
 */
function isPieceMarkerBeforeLetter(raw: string, i: number): boolean {
  if (i + 1 >= raw.length || !PIECE_MARKER_CODES.has(raw.charCodeAt(i))) return false;
  const next = raw.charCodeAt(i + 1);
  let fast = fastClasses[next] || computeFastClass(next);
  // An astral letter after the marker ("củ.𝐚") is special too (its high surrogate alone says nothing).
  if (fast === FAST_HIGH_SURROGATE) fast = classifySurrogatePair(raw, i + 1);
  return fast >= 97 || fast === FAST_SPECIAL;
}

/**
 * Whether the non-ASCII separator at raw[i] (right after a word) is a run of emoji or symbols with a letter right
 * after it and no space or punctuation between ("tr🎉ung", "ch🔥uyen"): the pipeline's glued-pieces rule
 * (`countGluedPieces`) decides those, so the word goes to the pipeline.
 */
function isGluedByMarkers(raw: string, i: number): boolean {
  // The whole run, however long ("ch" + seven emoji + "uyển" is one word to the pipeline): each run is read here once,
  // by the word before it, so this stays linear.
  const limit = raw.length;
  let j = i;
  while (j < limit) {
    const code = raw.charCodeAt(j);
    if (code < 0x80) {
      // A letter glues; an invisible control (C0, DEL) is dropped by the pipeline inside the run too.
      const ascii = fastClasses[code] || computeFastClass(code);
      if (ascii !== FAST_IGNORE) return ascii >= 97;
      j++;
      continue;
    }
    const high = code >= 0xd800 && code <= 0xdbff;
    const fast = high ? classifySurrogatePair(raw, j) : fastClasses[code] || computeFastClass(code);
    // A letter, or a character only the pipeline folds (an astral letter: "thư🎁🅐" is "thua"), right after the run.
    if (fast >= 97 || fast === FAST_SPECIAL) return true;
    if (fast !== FAST_SEPARATOR && fast !== FAST_IGNORE && fast !== FAST_COMBINING) return false;
    if (!high) {
      const cls = classOfBmp(code) & 15;
      if (cls === KIND_SPACE || cls === KIND_HARD) return false;
    }
    j += high ? 2 : 1;
  }
  return false;
}

/** Fast classes of U+1D000–U+1FFFF (math letters, emoji), lazily filled (0 = not computed): a Map lookup per emoji
 *  was a sixth of the fast path. */
const ASTRAL_TABLE_START = 0x1d000;
const astralFastClasses = new Uint8Array(0x20000 - ASTRAL_TABLE_START);

/** The fast class of the astral character at `i` (a high surrogate): separator, ignorable, or special. */
function classifySurrogatePair(raw: string, i: number): number {
  const low = raw.charCodeAt(i + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return FAST_SPECIAL;
  const cp = ((raw.charCodeAt(i) - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  const cached = cp >= ASTRAL_TABLE_START && cp < 0x20000 ? (astralFastClasses[cp - ASTRAL_TABLE_START] ?? 0) : 0;
  if (cached !== 0) return cached;
  const kind = classOfAstral(cp) & 15;
  const fast = kind === KIND_SPACE || kind === KIND_MARKER || kind === KIND_HARD ? FAST_SEPARATOR : kind === KIND_IGNORE ? FAST_IGNORE : FAST_SPECIAL;
  if (cp >= ASTRAL_TABLE_START && cp < 0x20000) astralFastClasses[cp - ASTRAL_TABLE_START] = fast;
  return fast;
}

/** The whole pipeline (phases 1 and 2) over all of `raw`: the reference the fast path must equal. */
function normalizeWhole(raw: string): void {
  resetOutput();
  normalizeWords(scanWords(raw));
}

/** Folds `raw` (see the module comment) and maps every folded UTF-16 unit back to its original range. */
export function normalizeText(raw: string): NormalizedText {
  normalizeFast(raw);
  return collectResult();
}

/**
 * `normalizeText` by the whole two-phase pipeline, without the fast path for plain words: the reference the fast
 * path is tested against (normalize.test.ts). Same result, slower.
 */
export function normalizeTextReference(raw: string): NormalizedText {
  normalizeWhole(raw);
  return collectResult();
}

function collectResult(): NormalizedText {
  const text = buildText();
  const start = new Uint32Array(outLength);
  start.set(outStart.subarray(0, outLength));
  const end = new Uint32Array(outLength);
  end.set(outEnd.subarray(0, outLength));
  const joined: number[] = [];
  for (let k = 0; k < joinedCount; k++) joined.push(joinedStarts[k] ?? 0);
  return { text, start, end, joined };
}

/**
 * The normalizer's shared scratch result (for the phrase matcher's hot path): folded char codes and offsets of the
 * LAST call, valid only until the next call to any function of this module. Never keep it.
 */
export interface ScratchNormalized {
  codes: Uint8Array;
  start: Uint32Array;
  end: Uint32Array;
  length: number;
  joined: Int32Array;
  joinedCount: number;
  /** The words of `codes`, in order: [wordFrom[k], wordTo[k]) and the unfinished FNV hash (`stepHash` from
   *  `HASH_SEED`) of their letters, for k < wordCount. */
  wordFrom: Int32Array;
  wordTo: Int32Array;
  wordHash: Int32Array;
  wordCount: number;
}

const scratchResult: ScratchNormalized = {
  codes: outCodes,
  start: outStart,
  end: outEnd,
  length: 0,
  joined: joinedStarts,
  joinedCount: 0,
  wordFrom: outWordFrom,
  wordTo: outWordTo,
  wordHash: outWordHash,
  wordCount: 0,
};

/** Normalizes `raw` into the shared scratch buffers without allocating (see `ScratchNormalized`). */
export function normalizeIntoScratch(raw: string): ScratchNormalized {
  normalizeFast(raw);
  scratchResult.codes = outCodes;
  scratchResult.start = outStart;
  scratchResult.end = outEnd;
  scratchResult.length = outLength;
  scratchResult.joined = joinedStarts;
  scratchResult.joinedCount = joinedCount;
  scratchResult.wordFrom = outWordFrom;
  scratchResult.wordTo = outWordTo;
  scratchResult.wordHash = outWordHash;
  scratchResult.wordCount = outWordCount;
  return scratchResult;
}

/** Folds a pattern value the same way (no offsets), so authors write "cộng tác viên" and it becomes "cong tac vien". */
export function foldPhrase(phrase: string): string {
  normalizeWhole(phrase);
  return buildText();
}

/**
 * The accent-preserving key of a text, for accent-sensitive phrases: NFKC, lowercase, letters and digits only (all
 * separators and invisible characters dropped), Vietnamese tone/vowel marks and "đ" kept, homoglyphs folded. Two texts
 * with the same key spell the same letters with the same diacritics.
 */
export function foldAccented(text: string): string {
  let key = '';
  for (const ch of text.normalize('NFKD')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (VIETNAMESE_MARKS.has(cp)) {
      key += ch;
      continue;
    }
    if (cp === 0x111 || cp === 0x110) {
      key += 'đ';
      continue;
    }
    const cls = cp < 0x10000 ? (cp < 128 ? (asciiClasses[cp] ?? KIND_HARD) : classOfBmp(cp)) : classOfAstral(cp);
    const kind = cls & 15;
    if (kind === KIND_LETTER || kind === KIND_DIGIT) key += String.fromCharCode(cls >> 4);
    else if (kind === KIND_MULTI) key += multiFolds[cls >> 4] ?? '';
    else if (kind === KIND_LEET_SYMBOL) key += String.fromCharCode(leetMap[cls >> 4] ?? 0);
  }
  return key.normalize('NFC');
}

/**
 * Folds letters and digits character by character (accents, case, homoglyphs, "fancy" letters, đ→d), drops combining
 * marks and invisible characters, and keeps every other character as it is. No word logic (no teencode, no joining):
 * for folding the literal parts of a regular expression.
 */
export function foldCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const cls = cp < 0x10000 ? (cp < 128 ? (asciiClasses[cp] ?? KIND_HARD) : classOfBmp(cp)) : classOfAstral(cp);
    const kind = cls & 15;
    if (kind === KIND_LETTER || kind === KIND_DIGIT) out += String.fromCharCode(cls >> 4);
    else if (kind === KIND_MULTI) out += multiFolds[cls >> 4] ?? '';
    else if (kind !== KIND_COMBINING && kind !== KIND_IGNORE) out += ch;
  }
  return out;
}
