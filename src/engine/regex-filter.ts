/**
 * Safe regular expressions over normalized text.
 *
 * `checkSafeRegex` parses a pattern (a small recursive-descent parser, no regex over the pattern) and accepts only a
 * subset that cannot backtrack catastrophically:
 * - at most 300 chars; no backreferences (\1, \k<…>), no lookaround, no inline flags, no anchors (^ $ — the text is a
 *   whole post), no \p/\c/\0 escapes;
 * - quantifiers: * + ? {m} {m,n} (lazy variants too) with n ≤ 50; no open {m,}; nothing quantified inside a
 *   quantified group ((a+)+, (ab?)*); alternation inside a quantified group only between plain literals none of which
 *   is a prefix of another ((ab|cd)+ is fine, (a|ab)+ is not); at most 2 unbounded quantifiers over wide sets (., \w, \S, \D, […], groups — \s+, \d+ and
 *   a+ are not counted);
 * - at least one required literal of ≥ 3 chars: for a pattern with top-level alternatives, one per alternative.
 * Letters in the pattern are folded like the text (accents, case, đ→d), so "nạp\s+tiền" is read as "nap\s+tien".
 *
 * Running: one pass over the text finds every required literal at once (a trigram index); a regex runs only when, for
 * some alternative, all its required literal runs occur (FilteredRE2's AND; a required group "(phi|tien)" counts as
 * the OR of its alternatives' runs: the alternative is expanded, up to MAX_EXPANSIONS ways, groups beyond read as gaps), and then only inside windows of the normalized text around occurrences of its literals (±WINDOW chars,
 * widened to word boundaries, overlapping windows merged, each region at most MAX_REGION chars). Every match contains
 * a required literal, so a match of length ≤ WINDOW is always found; longer matches may be cut. Together with the
 * safe subset this keeps the cost linear in the text length. Hits are mapped back to original offsets.
 */
import { foldCharacters, type NormalizedText } from './normalize.ts';
import type { PhraseHit } from './phrase-matcher.ts';

export type RegexCheck = { ok: true; literals: string[] } | { ok: false; reason: string };

export interface RegexEntry {
  id: number;
  source: string;
}

export interface RegexSet {
  find(normalized: NormalizedText): PhraseHit[];
  /**
   * Compiles the expressions `find(normalized)` would run and that have not run yet, one by one while `hasTime()`;
   * true when none is left. V8 compiles a RegExp on its first run and again (to machine code) on its second: ~0.3 ms
   * each here, and a long post that needs 150 new ones paid that in one task. Compiles at least one per call.
   */
  prepare(normalized: NormalizedText, hasTime: () => boolean): boolean;
  serialize(): unknown;
  readonly size: number;
}

const MAX_SOURCE_LENGTH = 300;
const MAX_BOUND = 50;
const MAX_UNBOUNDED = 2;
const MIN_LITERAL = 3;
const WINDOW = 200;
const MAX_REGION = 1200;

type RegexNode =
  | { type: 'char'; text: string }
  | { type: 'set'; wide: boolean }
  | { type: 'assert' }
  | { type: 'group'; alternatives: RegexNode[][] }
  | { type: 'quant'; node: RegexNode; min: number; max: number };

class UnsafeRegexError extends Error {}

/** Recursive-descent parser for the safe subset; builds the folded source as it goes. */
class SafeRegexParser {
  private pos = 0;
  private unbounded = 0;
  folded = '';

  constructor(private readonly source: string) {}

  parse(): RegexNode[][] {
    const alternatives = this.parseAlternatives();
    if (this.pos < this.source.length) this.fail(`unexpected "${this.source[this.pos] ?? ''}"`);
    return alternatives;
  }

  private fail(reason: string): never {
    throw new UnsafeRegexError(`${reason} at ${this.pos}`);
  }

  private parseAlternatives(): RegexNode[][] {
    const alternatives: RegexNode[][] = [this.parseSequence()];
    while (this.source[this.pos] === '|') {
      this.pos++;
      this.folded += '|';
      alternatives.push(this.parseSequence());
    }
    return alternatives;
  }

  private parseSequence(): RegexNode[] {
    const sequence: RegexNode[] = [];
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos] ?? '';
      if (ch === '|' || ch === ')') break;
      const atom = this.parseAtom();
      sequence.push(this.parseQuantifier(atom));
    }
    return sequence;
  }

  private parseAtom(): RegexNode {
    const src = this.source;
    const ch = src[this.pos] ?? '';
    if (ch === '(') {
      this.pos++;
      let prefix = '(';
      if (src[this.pos] === '?') {
        if (src[this.pos + 1] === ':') {
          this.pos += 2;
          prefix = '(?:';
        } else if (src[this.pos + 1] === '=' || src[this.pos + 1] === '!' || src[this.pos + 1] === '<') {
          this.fail(src[this.pos + 1] === '<' && /^<[A-Za-z]/.test(src.slice(this.pos + 1)) ? 'named group' : 'lookaround');
        } else {
          this.fail('inline group modifier');
        }
      }
      this.folded += prefix;
      const alternatives = this.parseAlternatives();
      if (src[this.pos] !== ')') this.fail('unclosed group');
      this.pos++;
      this.folded += ')';
      return { type: 'group', alternatives };
    }
    if (ch === '[') return this.parseClass();
    if (ch === '\\') return this.parseEscape(false);
    if (ch === '.') {
      this.pos++;
      this.folded += '.';
      return { type: 'set', wide: true };
    }
    if (ch === '^' || ch === '$') this.fail('anchor');
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{') this.fail('quantifier without target');
    if (ch === ']' || ch === '}') this.fail(`unescaped "${ch}"`);
    // A literal character (one code point), folded.
    const cp = src.codePointAt(this.pos) ?? 0;
    const char = String.fromCodePoint(cp);
    this.pos += char.length;
    const fold = foldCharacters(char);
    if (fold.length === 0) {
      // An ignorable character (combining mark, zero-width): an empty group, so that a quantifier after it applies to
      // nothing instead of to the previous letter ("abc\u0301?" must not become "abc?").
      this.folded += '(?:)';
      return { type: 'group', alternatives: [[]] };
    }
    this.folded += fold.length === 1 ? escapeLiteral(fold) : `(?:${escapeLiteral(fold)})`;
    return fold.length === 1 ? { type: 'char', text: fold } : { type: 'group', alternatives: [[...fold].map((c) => ({ type: 'char', text: c }) as RegexNode)] };
  }

  private parseEscape(inClass: boolean): RegexNode {
    const src = this.source;
    const next = src[this.pos + 1];
    if (next === undefined) this.fail('trailing backslash');
    if (/[1-9]/.test(next)) this.fail('backreference');
    if (next === 'k') this.fail('backreference');
    if (next === 'p' || next === 'P' || next === 'c' || next === '0') this.fail(`unsupported escape \\${next}`);
    this.pos += 2;
    if ('dDwWsS'.includes(next)) {
      this.folded += '\\' + next;
      return { type: 'set', wide: next !== 'd' && next !== 's' };
    }
    if (next === 'b' || next === 'B') {
      if (inClass) this.fail('\\b in a class');
      this.folded += '\\' + next;
      return { type: 'assert' };
    }
    if (next === 'x' || next === 'u') {
      const digits = next === 'x' ? 2 : 4;
      const hex = src.slice(this.pos, this.pos + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) this.fail(`bad \\${next} escape`);
      this.pos += digits;
      const char = String.fromCharCode(parseInt(hex, 16));
      const fold = foldCharacters(char);
      if (fold.length === 0) {
        this.folded += '(?:)';
        return { type: 'group', alternatives: [[]] };
      }
      this.folded += escapeLiteral(fold);
      return fold.length === 1 ? { type: 'char', text: fold } : { type: 'set', wide: false };
    }
    if ('tnrfv'.includes(next)) {
      this.folded += '\\' + next;
      return { type: 'set', wide: false };
    }
    if (/[A-Za-z0-9]/.test(next)) this.fail(`unknown escape \\${next}`);
    // An escaped punctuation character: a literal.
    this.folded += '\\' + next;
    return { type: 'char', text: next };
  }

  private parseClass(): RegexNode {
    const src = this.source;
    this.pos++;
    this.folded += '[';
    if (src[this.pos] === '^') {
      this.pos++;
      this.folded += '^';
    }
    while (this.pos < src.length && src[this.pos] !== ']') {
      const ch = src[this.pos] ?? '';
      if (ch === '\\') {
        this.parseEscape(true);
        continue;
      }
      const cp = src.codePointAt(this.pos) ?? 0;
      const char = String.fromCodePoint(cp);
      this.pos += char.length;
      if (char === '[') {
        this.folded += '\\[';
        continue;
      }
      const fold = char === '-' || char === '^' ? char : foldCharacters(char);
      this.folded += fold.length === 1 && fold !== '-' && fold !== '^' ? escapeClassChar(fold) : fold.slice(0, 1);
    }
    if (src[this.pos] !== ']') this.fail('unclosed character class');
    this.pos++;
    this.folded += ']';
    return { type: 'set', wide: true };
  }

  private parseQuantifier(atom: RegexNode): RegexNode {
    const src = this.source;
    const ch = src[this.pos];
    let min: number;
    let max: number;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
      this.folded += ch;
    } else if (ch === '{') {
      const match = /^\{(\d{1,3})(?:(,)(\d{1,3})?)?\}/.exec(src.slice(this.pos, this.pos + 10));
      if (match === null) this.fail('malformed {m,n}');
      min = Number(match[1]);
      if (match[2] === undefined) max = min;
      else if (match[3] === undefined) this.fail('open {m,} quantifier');
      else max = Number(match[3]);
      if (max > MAX_BOUND) this.fail(`bound above ${MAX_BOUND}`);
      if (min > max) this.fail('{m,n} with m > n');
      this.pos += match[0].length;
      this.folded += match[0];
    } else {
      return atom;
    }
    if (src[this.pos] === '?') {
      this.pos++;
      this.folded += '?';
    }
    if (src[this.pos] === '*' || src[this.pos] === '+' || src[this.pos] === '?' || src[this.pos] === '{') {
      this.fail('stacked quantifiers');
    }
    if (atom.type === 'assert') this.fail('quantified assertion');
    if (atom.type === 'group') {
      if (containsQuantifier(atom)) this.fail('nested quantifier');
      if (max > 1 && atom.alternatives.length > 1 && !isPrefixFreeLiterals(atom.alternatives)) {
        this.fail('ambiguous alternation under a quantifier');
      }
    }
    const wide = atom.type === 'group' || (atom.type === 'set' && atom.wide);
    if (max === Infinity && wide && ++this.unbounded > MAX_UNBOUNDED) {
      this.fail(`more than ${MAX_UNBOUNDED} unbounded quantifiers over wide sets`);
    }
    return { type: 'quant', node: atom, min, max };
  }
}

function containsQuantifier(node: RegexNode): boolean {
  if (node.type === 'quant') return true;
  if (node.type === 'group') return node.alternatives.some((alt) => alt.some(containsQuantifier));
  return false;
}

/** Flattens a sequence of plain literal chars (through unquantified single-alternative groups), or undefined. */
function readPlainLiteral(sequence: RegexNode[]): string | undefined {
  let text = '';
  for (const node of sequence) {
    if (node.type === 'char') text += node.text;
    else if (node.type === 'group' && node.alternatives.length === 1) {
      const inner = readPlainLiteral(node.alternatives[0] ?? []);
      if (inner === undefined) return undefined;
      text += inner;
    } else return undefined;
  }
  return text;
}

function isPrefixFreeLiterals(alternatives: RegexNode[][]): boolean {
  const literals: string[] = [];
  for (const alt of alternatives) {
    const literal = readPlainLiteral(alt);
    if (literal === undefined || literal.length === 0) return false;
    literals.push(literal);
  }
  return literals.every((a, i) => literals.every((b, j) => i === j || !b.startsWith(a)));
}

/** The literal runs every match of `sequence` contains (chars adjacent in the pattern). */
function collectRequiredRuns(sequence: RegexNode[], runs: string[], current: { text: string }): void {
  for (const node of sequence) {
    if (node.type === 'char') {
      current.text += node.text;
    } else if (node.type === 'group' && node.alternatives.length === 1) {
      collectRequiredRuns(node.alternatives[0] ?? [], runs, current);
    } else if (node.type === 'assert') {
      // Zero-width: does not break a run.
    } else {
      if (current.text.length > 0) runs.push(current.text);
      current.text = '';
    }
  }
}

/** Every literal run each match of `sequence` contains, in pattern order. */
function findRequiredRuns(sequence: RegexNode[]): string[] {
  const runs: string[] = [];
  const current = { text: '' };
  collectRequiredRuns(sequence, runs, current);
  if (current.text.length > 0) runs.push(current.text);
  return runs;
}

/** Most expansions of one top-level alternative's required groups kept for the prefilter (each adds literals to the
 *  stored index; a group that would exceed it is read as a gap instead). */
const MAX_EXPANSIONS = 8;
/** Stands for a group left unexpanded: it breaks a literal run like any non-literal. */
const GAP: RegexNode = { type: 'set', wide: false };

/**
 * The sequences one alternative can take, each unquantified multi-alternative group replaced by one of its
 * alternatives (recursively): "\\bhoan (phi|tien) thuong nien" → "hoan phi thuong nien", "hoan tien thuong nien".
 * Every match follows one of them, so it contains all the literal runs of that one (FilteredRE2's OR of atoms).
 * Groups are expanded left to right while the count stays within MAX_EXPANSIONS; a group beyond that is a gap.
 */
function expandGroups(sequence: RegexNode[]): RegexNode[][] {
  let expansions: RegexNode[][] = [[]];
  for (const node of sequence) {
    let options: RegexNode[][];
    if (node.type === 'group' && node.alternatives.length > 1) {
      options = node.alternatives.flatMap((alternative) => expandGroups(alternative));
    } else if (node.type === 'group') {
      options = expandGroups(node.alternatives[0] ?? []);
    } else {
      options = [[node]];
    }
    if (expansions.length * options.length > MAX_EXPANSIONS) options = [[GAP]];
    expansions = expansions.flatMap((prefix) => options.map((option) => [...prefix, ...option]));
  }
  return expansions;
}

/**
 * Per expansion of `sequence`, the literal runs (≥ MIN_LITERAL) every match taking it contains; falls back to the runs
 * outside groups when an expansion has no run of that length (it could not be filtered).
 */
function findRequirementSets(sequence: RegexNode[], outside: string[]): string[][] {
  const fallback = [[...new Set(outside.filter((run) => run.length >= MIN_LITERAL))]];
  const sets: string[][] = [];
  for (const expansion of expandGroups(sequence)) {
    const runs = [...new Set(findRequiredRuns(expansion).filter((run) => run.length >= MIN_LITERAL))];
    if (runs.length === 0) return fallback;
    if (!sets.some((set) => set.length === runs.length && set.every((run, i) => run === runs[i]))) sets.push(runs);
  }
  return sets;
}

function findLongestRun(runs: string[]): string | undefined {
  let best: string | undefined;
  for (const run of runs) if (best === undefined || run.length > best.length) best = run;
  return best;
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function escapeClassChar(ch: string): string {
  return ch === ']' || ch === '\\' || ch === '^' || ch === '-' ? '\\' + ch : ch;
}

interface CheckedRegex {
  folded: string;
  literals: string[];
  requires: string[][];
}

function checkRegex(source: string): CheckedRegex | string {
  if (source.length === 0) return 'empty pattern';
  if (source.length > MAX_SOURCE_LENGTH) return `longer than ${MAX_SOURCE_LENGTH} chars`;
  const parser = new SafeRegexParser(source);
  let alternatives: RegexNode[][];
  try {
    alternatives = parser.parse();
  } catch (error) {
    if (error instanceof UnsafeRegexError) return error.message;
    throw error;
  }
  const literals: string[] = [];
  const requires: string[][] = [];
  for (const alt of alternatives) {
    const runs = findRequiredRuns(alt);
    const literal = findLongestRun(runs);
    if (literal === undefined || literal.length < MIN_LITERAL) {
      return alternatives.length > 1
        ? `an alternative has no required literal of ≥ ${MIN_LITERAL} chars`
        : `no required literal of ≥ ${MIN_LITERAL} chars`;
    }
    if (!literals.includes(literal)) literals.push(literal);
    requires.push(...findRequirementSets(alt, runs));
  }
  try {
    new RegExp(parser.folded, 'g');
  } catch {
    return 'not a valid JavaScript regular expression';
  }
  return { folded: parser.folded, literals, requires };
}

/** Safe subset check (see the module comment). Returns the required literals (folded) when safe. */
export function checkSafeRegex(source: string): RegexCheck {
  const result = checkRegex(source);
  return typeof result === 'string' ? { ok: false, reason: result } : { ok: true, literals: result.literals };
}

/** Stands in for a stored pattern that does not build: matches nothing. */
const NEVER = /(?!)/g;

interface CompiledRegex {
  id: number;
  source: string;
  /** The folded pattern; its RegExp is built on first use (most entries never run on a given page). */
  folded: string;
  regex: RegExp | null;
  /** Whether the RegExp has run twice (V8 has compiled it to machine code): see `RegexSet.prepare`. */
  warm?: boolean;
}

/**
 * What `prepare` runs a new expression on: V8 compiles an expression separately for one-byte (Latin-1) and two-byte
 * strings, so the subject has the width of the text it will search (folded text is one-byte unless it keeps a
 * character beyond U+00FF).
 */
const WARM_SUBJECT_ONE_BYTE = 'a';
const WARM_SUBJECT_TWO_BYTE = 'a\u0100';
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** What the safety check found for one entry (compile only; the set keeps them in its `LiteralIndex`). */
interface EntryLiterals {
  /** The longest required literal of each alternative: regions are cut around their occurrences. */
  literals: string[];
  /** Per alternative — per expansion of its required groups, when they expand to few — every literal run (≥ 3 chars)
   *  each match taking it contains: the entry runs only when, for some of these, all of them occur in the text
   *  (FilteredRE2's AND of required atoms, OR over a required group's alternatives). */
  requires: string[][];
}

/**
 * Format 2 stored each regex already checked and folded, so loading (in every content script) does not re-run the
 * safety parser (~50 ms for 600 regexes, a long task on every page); the RegExp objects are built on first use.
 * Format 4 also stores the literal index ready to use (ids, not strings; the trigram table as [key, ids] pairs for
 * one native `new Map`): building it on load took ~35 ms of never-optimized code in each tab. The serialized engine
 * is written only by our background, from regexes it checked.
 */
interface SerializedRegexSet {
  format: 4;
  entries: { id: number; source: string; folded: string }[];
  index: SerializedLiteralIndex;
}

interface SerializedLiteralIndex {
  literals: string[];
  entriesOf: number[][];
  literalsOf: number[][];
  requiresOf: number[][][];
  byTrigram: [number, number[]][];
  short: number[];
}

/** Start positions of `literal` in `text` (for literals too short for the trigram index). */
function findOccurrences(text: string, literal: string): number[] {
  const positions: number[] = [];
  let at = text.indexOf(literal);
  while (at >= 0) {
    positions.push(at);
    at = text.indexOf(literal, at + 1);
  }
  return positions;
}

/** Key of the three chars at `at` (the normalized text is ASCII: 7 bits each), or -1 when one is not ASCII. */
function trigramAt(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return (a | b | c) > 127 ? -1 : (a << 14) | (b << 7) | c;
}

/**
 * Every distinct required literal of the set, indexed by its first three chars, so one pass over the text finds the
 * occurrences of all of them (one Map probe per position) instead of one `indexOf` scan per literal: with ~600
 * regexes the scans cost ~0.3 ms per post, the pass a few microseconds.
 */
class LiteralIndex {
  readonly literals: string[];
  /** Per literal, the indexes of the entries that require it. */
  readonly entriesOf: number[][];
  /** Per entry, the ids of its literals (in the entry's order). */
  readonly literalsOf: number[][];
  /** Per entry, per alternative, the ids of the runs it requires. */
  readonly requiresOf: number[][][];
  private readonly byTrigram: Map<number, number[]>;
  /** Literals shorter than three chars (none pass the safety check; kept for completeness). */
  private readonly short: number[];

  constructor(private readonly data: SerializedLiteralIndex) {
    this.literals = data.literals;
    this.entriesOf = data.entriesOf;
    this.literalsOf = data.literalsOf;
    this.requiresOf = data.requiresOf;
    this.byTrigram = new Map(data.byTrigram);
    this.short = data.short;
  }

  /** Interns every literal and run of `entries` (compile time). */
  static build(entries: readonly EntryLiterals[]): LiteralIndex {
    const data: SerializedLiteralIndex = { literals: [], entriesOf: [], literalsOf: [], requiresOf: [], byTrigram: [], short: [] };
    const idOf = new Map<string, number>();
    const byTrigram = new Map<number, number[]>();
    const intern = (literal: string, index: number): number => {
      let id = idOf.get(literal);
      if (id === undefined) {
        id = data.literals.push(literal) - 1;
        idOf.set(literal, id);
        data.entriesOf.push([]);
        const key = literal.length < 3 ? -1 : trigramAt(literal, 0);
        if (literal.length < 3) data.short.push(id);
        else if (key >= 0) byTrigram.set(key, [...(byTrigram.get(key) ?? []), id]);
      }
      const owners = data.entriesOf[id];
      if (owners !== undefined && owners[owners.length - 1] !== index) owners.push(index);
      return id;
    };
    entries.forEach((entry, index) => {
      data.literalsOf.push(entry.literals.map((literal) => intern(literal, index)));
      data.requiresOf.push(entry.requires.map((runs) => runs.map((run) => intern(run, index))));
    });
    data.byTrigram = [...byTrigram.entries()];
    return new LiteralIndex(data);
  }

  serialize(): SerializedLiteralIndex {
    return this.data;
  }

  /** Whether some alternative of entry `index` has all its required runs in `found`. */
  isPossible(index: number, found: Map<number, number[]>): boolean {
    const alternatives = this.requiresOf[index] ?? [];
    if (alternatives.length === 0) return true;
    return alternatives.some((runs) => runs.every((id) => found.has(id)));
  }

  /** Positions of every literal that occurs in `text` (all occurrences, overlapping ones too), by literal id. */
  findAll(text: string): Map<number, number[]> {
    const found = new Map<number, number[]>();
    const add = (id: number, at: number): void => {
      const list = found.get(id);
      if (list === undefined) found.set(id, [at]);
      else list.push(at);
    };
    const byTrigram = this.byTrigram;
    const literals = this.literals;
    for (let at = 0; at + 3 <= text.length; at++) {
      const key = trigramAt(text, at);
      if (key < 0) continue;
      const candidates = byTrigram.get(key);
      if (candidates === undefined) continue;
      for (const id of candidates) if (text.startsWith(literals[id] ?? '', at)) add(id, at);
    }
    for (const id of this.short) for (const at of findOccurrences(text, literals[id] ?? '')) add(id, at);
    return found;
  }
}

/** The entries a text may match (see `selectEntries`) and where the literals of the index occur in it. */
interface Selection {
  selected: number[];
  occurrences: Map<number, number[]>;
}

class WindowedRegexSet implements RegexSet {
  constructor(
    private readonly entries: CompiledRegex[],
    private readonly index: LiteralIndex,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** The last selection and the text it was made for: `prepare` then `find` on one text reads its literals once. */
  private lastSelection: { text: string; selection: Selection } | null = null;

  /** `selectEntries`, remembered for the last text. */
  private select(text: string): Selection {
    if (this.lastSelection?.text === text) return this.lastSelection.selection;
    const selection = this.selectEntries(text);
    this.lastSelection = { text, selection };
    return selection;
  }

  /** The entries whose required literals all occur in `text`, in the set's order, with where their literals are. */
  private selectEntries(text: string): Selection {
    const selected: number[] = [];
    if (text.length === 0) return { selected, occurrences: new Map() };
    const occurrences = this.index.findAll(text);
    if (occurrences.size === 0) return { selected, occurrences };
    // The entries with at least one literal present, in the set's order (hits come out in the same order as before).
    const touched: number[] = [];
    for (const id of occurrences.keys()) for (const index of this.index.entriesOf[id] ?? []) touched.push(index);
    touched.sort((a, b) => a - b);
    let previous = -1;
    for (const index of touched) {
      if (index === previous) continue;
      previous = index;
      if (this.entries[index] !== undefined && this.index.isPossible(index, occurrences)) selected.push(index);
    }
    return { selected, occurrences };
  }

  prepare(normalized: NormalizedText, hasTime: () => boolean): boolean {
    let compiled = 0;
    let subject: string | null = null;
    for (const index of this.select(normalized.text).selected) {
      const entry = this.entries[index] as CompiledRegex;
      if (entry.warm) continue;
      if (compiled > 0 && !hasTime()) return false;
      subject ??= BEYOND_LATIN1.test(normalized.text) ? WARM_SUBJECT_TWO_BYTE : WARM_SUBJECT_ONE_BYTE;
      const regex = buildRegex(entry);
      regex.lastIndex = 0;
      regex.exec(subject);
      regex.lastIndex = 0;
      regex.exec(subject);
      regex.lastIndex = 0;
      entry.warm = true;
      compiled++;
    }
    return true;
  }

  find(normalized: NormalizedText): PhraseHit[] {
    const text = normalized.text;
    const hits: PhraseHit[] = [];
    const { selected, occurrences } = this.select(text);
    for (const index of selected) {
      const entry = this.entries[index] as CompiledRegex;
      const windows: [number, number][] = [];
      for (const id of this.index.literalsOf[index] ?? []) {
        const positions = occurrences.get(id);
        const length = this.index.literals[id]?.length ?? 0;
        if (positions !== undefined) for (const at of positions) windows.push([at - WINDOW, at + length + WINDOW]);
      }
      if (windows.length === 0) continue;
      windows.sort((a, b) => a[0] - b[0]);
      const seen = new Set<number>();
      let regionStart = -1;
      let regionEnd = -1;
      const flush = (): void => {
        if (regionStart >= 0) this.runRegion(entry, normalized, regionStart, regionEnd, seen, hits);
      };
      for (const [a, b] of windows) {
        const start = widenLeft(text, Math.max(0, a));
        const end = widenRight(text, Math.min(text.length, b));
        if (regionStart >= 0 && start <= regionEnd && end - regionStart <= MAX_REGION) {
          regionEnd = Math.max(regionEnd, end);
        } else {
          flush();
          regionStart = start;
          regionEnd = end;
        }
      }
      flush();
    }
    return hits;
  }

  private runRegion(
    entry: CompiledRegex,
    n: NormalizedText,
    from: number,
    to: number,
    seen: Set<number>,
    hits: PhraseHit[],
  ): void {
    const region = n.text.slice(from, to);
    const regex = buildRegex(entry);
    regex.lastIndex = 0;
    for (let match = regex.exec(region); match !== null; match = regex.exec(region)) {
      let a = from + match.index;
      let b = a + match[0].length;
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      while (a < b && n.text.charCodeAt(a) === 32) a++;
      while (b > a && n.text.charCodeAt(b - 1) === 32) b--;
      if (a === b) continue;
      const key = a * 65536 + (b - a);
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ id: entry.id, start: n.start[a] ?? 0, end: n.end[b - 1] ?? 0 });
    }
  }

  serialize(): SerializedRegexSet {
    return {
      format: 4,
      entries: this.entries.map(({ id, source, folded }) => ({ id, source, folded })),
      index: this.index.serialize(),
    };
  }
}


/** The entry's RegExp, built on first use; one that does not build never matches (it disables only its entry). */
function buildRegex(entry: CompiledRegex): RegExp {
  if (entry.regex === null) {
    try {
      entry.regex = new RegExp(entry.folded, 'g');
    } catch {
      entry.regex = NEVER;
    }
  }
  return entry.regex;
}

/** Moves a window start left to the start of its word. */
function widenLeft(text: string, at: number): number {
  let i = at;
  while (i > 0 && text.charCodeAt(i - 1) !== 32 && at - i < 64) i--;
  return i;
}

function widenRight(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) !== 32 && i - at < 64) i++;
  return i;
}

/** Compiles checked regexes; throws on an unsafe entry, naming its id and reason. */
export function compileRegexSet(entries: RegexEntry[]): RegexSet {
  const compiled: CompiledRegex[] = [];
  const literals: EntryLiterals[] = [];
  for (const entry of entries) {
    const result = checkRegex(entry.source);
    if (typeof result === 'string') throw new Error(`unsafe regex (id ${entry.id}): ${result}`);
    compiled.push({ id: entry.id, source: entry.source, folded: result.folded, regex: new RegExp(result.folded, 'g') });
    literals.push({ literals: result.literals, requires: result.requires });
  }
  return new WindowedRegexSet(compiled, LiteralIndex.build(literals));
}

/**
 * Loads a serialized set written by `serialize` (checks its shape; the safety check ran when it was compiled, and the
 * serialized engine is checksummed). RegExp objects are built on first use; one that does not build disables only
 * its own entry.
 */
export function loadRegexSet(data: unknown): RegexSet {
  if (typeof data !== 'object' || data === null) throw new Error('corrupt regex set');
  const record = data as Partial<SerializedRegexSet>;
  if (record.format !== 4 || !Array.isArray(record.entries) || !isLiteralIndex(record.index)) throw new Error('corrupt regex set');
  const index = record.index;
  const count = record.entries.length;
  if (index.literalsOf.length !== count || index.requiresOf.length !== count || index.entriesOf.length !== index.literals.length) {
    throw new Error('corrupt regex set');
  }
  const compiled: CompiledRegex[] = [];
  for (const item of record.entries as unknown[]) {
    if (typeof item !== 'object' || item === null) throw new Error('corrupt regex set');
    const { id, source, folded } = item as { id?: unknown; source?: unknown; folded?: unknown };
    if (typeof id !== 'number' || typeof source !== 'string' || typeof folded !== 'string') throw new Error('corrupt regex set');
    compiled.push({ id, source, folded, regex: null });
  }
  return new WindowedRegexSet(compiled, new LiteralIndex(index));
}

function isLiteralIndex(value: unknown): value is SerializedLiteralIndex {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v['literals']) &&
    v['literals'].every((l) => typeof l === 'string' && l.length > 0) &&
    ['entriesOf', 'literalsOf', 'requiresOf', 'byTrigram', 'short'].every((key) => Array.isArray(v[key]))
  );
}
