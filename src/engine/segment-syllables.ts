/**
 * Splits a run of folded Vietnamese letters written without spaces ("naptienlamnhiemvu", what the normalizer makes of
 * the letter-spaced evasion "n ạ p t i ề n l à m n h i ệ m v ụ") back into syllables ("nap tien lam nhiem vu"), so that
 * regex patterns, which need word boundaries, can run on it. Pure structure, no dictionary: every piece must be a
 * well-formed folded Vietnamese syllable (onset + vowel nucleus + coda); the split with the fewest syllables wins, a
 * syllable missing from the common list (`data/syllables.json`) counting as two,
 * ties go to fewer vowel-initial syllables and cuts inside "nh"/"ng"/"ch"…, then to the longer first syllable ("conga" → "con ga",
 * "nhanhoahong" → "nhan hoa hong"). Returns null when no split exists
 * (English, numbers, names…).
 */

import syllablesTable from './data/syllables.json';

const COMMON: ReadonlySet<string> = new Set((syllablesTable as { syllables: string[] }).syllables);

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
/** Folded vowel nuclei (with glides); the ones marked `true` need a final consonant (tiên, muốn, chuyển). */
const NUCLEI: ReadonlyMap<string, boolean> = new Map([
  ...['a', 'e', 'i', 'o', 'u', 'y', 'ai', 'ao', 'au', 'ay', 'eo', 'eu', 'ia', 'iu', 'oa', 'oe', 'oi', 'ua', 'ue', 'ui', 'uu', 'uy', 'ieu', 'yeu', 'oai', 'oay', 'oeo', 'uay', 'uoi', 'uou', 'uya', 'uyu', 'ua'].map(
    (n): [string, boolean] => [n, false],
  ),
  ...['ie', 'ye', 'uo', 'uye', 'uyu'].map((n): [string, boolean] => [n, true]),
]);
const CODAS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't', ''];
const MAX_SYLLABLE = 7;

/** Is `s` one of the common folded Vietnamese syllables (`data/syllables.json`)? */
export function isCommonSyllable(s: string): boolean {
  return COMMON.has(s);
}

/** Is `s` one well-formed folded syllable? */
export function isSyllable(s: string): boolean {
  for (const onset of ONSETS) {
    if (!s.startsWith(onset)) continue;
    const rest = s.slice(onset.length);
    for (const coda of CODAS) {
      if (!rest.endsWith(coda)) continue;
      const nucleus = rest.slice(0, rest.length - coda.length);
      const needsCoda = NUCLEI.get(nucleus);
      if (needsCoda === undefined) continue;
      if (needsCoda && coda === '') continue;
      return true;
    }
  }
  return false;
}

/** Consonant pairs that usually begin a syllable together: a cut between them ("vun|han") is a worse guess. */
const DIGRAPHS = new Set(['nh', 'ng', 'ch', 'kh', 'th', 'tr', 'ph', 'gh']);

function splitsDigraph(word: string, cut: number): boolean {
  return cut > 0 && cut < word.length && DIGRAPHS.has(word.slice(cut - 1, cut + 1));
}

/** The syllables of `word` (lowercase ASCII letters), or null when it cannot be split into syllables. */
/** Cost of one letter that belongs to no syllable ("ctv", "shop" inside a spaced run): dearer than any split. */
const JUNK_LETTER = 3;

/**
 * The syllables of `word` (lowercase ASCII letters), letters that fit no syllable grouped as one piece ("ctv"), or null
 * when nothing in it is a syllable.
 */
export function segmentSyllables(word: string): string[] | null {
  const n = word.length;
  if (n === 0 || !/^[a-z]+$/.test(word)) return null;
  // Over suffixes: count[i] = cost of word[i..] (a common syllable 1, another syllable 2, a stray letter 3) and
  // cuts[i] = cuts inside "nh", "ch"…; next[i] = end of its first piece, junk[i] = that piece is a stray letter.
  const count = new Array<number>(n + 1).fill(Infinity);
  const cuts = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  const junk = new Array<boolean>(n + 1).fill(false);
  count[n] = 0;
  cuts[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    // Longest first piece first, so that ties keep it ("nhanhoahong" → "nhan hoa hong", not "nha nhoa hong").
    for (let len = Math.min(MAX_SYLLABLE, n - i); len >= 1; len--) {
      const j = i + len;
      const piece = word.slice(i, j);
      const stray = !isSyllable(piece);
      if (stray && len > 1) continue;
      const c = (count[j] ?? Infinity) + (stray ? JUNK_LETTER : COMMON.has(piece) ? 1 : 2);
      const v = (cuts[j] ?? 0) + (splitsDigraph(word, j) ? 0.5 : 0);
      if (c < (count[i] ?? Infinity) || (c === count[i] && v < (cuts[i] ?? Infinity))) {
        count[i] = c;
        cuts[i] = v;
        next[i] = j;
        junk[i] = stray;
      }
    }
  }
  const out: string[] = [];
  let syllables = 0;
  let previousStray = false;
  for (let i = 0; i < n; i = next[i] ?? n) {
    const piece = word.slice(i, next[i] ?? n);
    const stray = junk[i] === true;
    if (stray && previousStray && out.length > 0) out[out.length - 1] += piece;
    else out.push(piece);
    if (!stray) syllables++;
    previousStray = stray;
  }
  return syllables === 0 ? null : out;
}
