/**
 * Whole-word multi-phrase matching over normalized text.
 *
 * Design (token trie): every phrase is folded with `foldPhrase` and split into words; each distinct word gets a token
 * id (the vocabulary). The phrases form a trie over token ids, stored in one open-addressing hash table keyed by
 * (parent node, token) whose slot index IS the child node id — holding, per slot, parent, token and the first phrase
 * entry ending at the node, side by side (the packed form below); the root's children are also in a small direct
 * array. Matching maps each word of the normalized text to a token id
 * (one probe in a vocabulary table by the word's hash, which the normalizer computed while folding it; the letters are
 * compared only when a match is reported, so a hash collision never reports a match; unknown words break every walk)
 * and walks the trie from every word. Most children looked up do not exist: an edge filter stored with the trie (a bit per
 * hashed (parent, token) pair, ~8 bits per edge) answers those without probing the table. Matches are whole words by construction and the work is linear: each start walks at most as many words
 * as the longest phrase has, and stops at the first word the trie does not continue with.
 *
 * Letter-spaced runs: the normalizer joins "c o n g t a c v i e n" into one word "congtacvien" and lists it in
 * `joined`. Inside such a word the matcher also segments: from every character position it consumes any vocabulary
 * word that is a prefix of the rest (so "congtacvien" reads as "cong"+"tac"+"vien"), continuing into the following
 * words when it reaches the joined word's end. That search is bounded by a work budget proportional to the text's
 * length (`JOINED_BUDGET_PER_CHAR`), so adversarial runs stay linear (at worst some letter-spaced matches are skipped).
 *
 * Accent-sensitive entries are verified after the fact: the original slice's `foldAccented` key must equal the
 * phrase's.
 *
 * Packed form: compile re-inserts the trie into a final table at load factor PACK_LOAD and writes it, the entry chains
 * and the root's children as strings of 15-bit characters (U+0800..U+87FF, which JSON copies unescaped); `find` reads
 * those strings in place with `charCodeAt`. They ARE the serialized form, so loading only checks them once (ranges,
 * an empty slot, forward entry chains) and hashes the vocabulary's words: no decoding, no per-node allocation, no
 * rehashing. (Decoding into fresh typed arrays cost more in page faults of the new memory than in the decoding.)
 */
import { finishHash, foldAccented, foldPhrase, forEachFoldedWord, HASH_SEED, normalizeIntoScratch, stepHash, type NormalizedText, type ScratchNormalized } from './normalize.ts';

export interface PhraseEntry {
  id: number;
  phrase: string;
  accentSensitive?: boolean;
}

/** UTF-16 offsets in the ORIGINAL raw text. */
export interface PhraseHit {
  id: number;
  start: number;
  end: number;
}

export interface SerializedPhraseMatcher {
  format: 5;
  /** Vocabulary words separated by single spaces; token id = position. */
  vocab: string;
  /** Slots of the trie's hash table; the root is node `tableSize`. */
  tableSize: number;
  /** The packed strings the matcher reads in place (see `PackedTrie`): characters U+0800..U+87FF, 15 bits each, which
   *  JSON copies unescaped. Loading checks them once and keeps them: no decoding, copying or rehashing. */
  table: string;
  entries: string;
  roots: string;
  /** The edge filter: 8 bits per character (CHAR_BASE + byte), read in place. */
  edges: string;
  /** Accent-sensitive entries: [entry index, accent key]. */
  accentKeys: [number, string][];
  /** Most tokens in one phrase. */
  maxDepth: number;
}

export interface PhraseMatcher {
  /** All whole-word occurrences of every phrase (each occurrence once). `normalized` may be passed if already computed. */
  find(raw: string, normalized?: NormalizedText): PhraseHit[];
  serialize(): SerializedPhraseMatcher;
  readonly size: number;
}

const EMPTY = -1;
/** `Vocabulary.probe`: two vocabulary words share this hash; compare letters (`lookup`). */
const AMBIGUOUS = -2;
const JOINED_BUDGET_PER_CHAR = 8;
const JOINED_BUDGET_BASE = 4096;
/** Highest load factor of the trie's hash table (linear probing). */
const MAX_LOAD = 0.7;
/** Load factor of the packed table (linear probing; most probes in `find` miss, so keep it low). */
const PACK_LOAD = 0.5;
/** Packed strings: 15 bits per character, character = CHAR_BASE + value. */
const CHAR_BASE = 0x0800;
const SLOT_WIDTH = 6;
const ENTRY_WIDTH = 5;
const OUTSIDE_ALPHABET = /[^\u0800-\u87ff]/;
/** The edge filter's characters: CHAR_BASE + one byte. */
const OUTSIDE_BYTE_ALPHABET = /[^\u0800-\u08ff]/;

/** An unsigned integer < 2^30 stored in two characters at `at`. */
function read30(text: string, at: number): number {
  return (text.charCodeAt(at) - CHAR_BASE) | ((text.charCodeAt(at + 1) - CHAR_BASE) << 15);
}

function write30(units: Uint16Array, at: number, value: number): void {
  units[at] = CHAR_BASE + (value & 0x7fff);
  units[at + 1] = CHAR_BASE + (value >>> 15);
}

/** An Int32 stored in three characters at `at` (15 + 15 + 2 bits). */
function readId(text: string, at: number): number {
  return (
    (text.charCodeAt(at) - CHAR_BASE) |
    ((text.charCodeAt(at + 1) - CHAR_BASE) << 15) |
    ((text.charCodeAt(at + 2) - CHAR_BASE) << 30)
  );
}

/** Home slot of edge (parent, token) in a table of `size` slots (any size: multiply-shift on 24 hash bits, exact). */
function packedSlot(parent: number, token: number, size: number): number {
  return Math.floor(((mixEdge(parent, token) >>> 8) * size) / 16777216);
}

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
/** UTF-16LE decoder where the platform has one (one native call, one flat string); all our platforms are little-endian. */
const utf16Decoder: TextDecoderLike | undefined = (() => {
  const ctor = (globalThis as { TextDecoder?: new (label: string) => TextDecoderLike }).TextDecoder;
  try {
    return ctor === undefined ? undefined : new ctor('utf-16le');
  } catch {
    return undefined;
  }
})();

function unitsToString(units: Uint16Array): string {
  if (utf16Decoder !== undefined) return utf16Decoder.decode(new Uint8Array(units.buffer, units.byteOffset, units.byteLength));
  const parts: string[] = [];
  for (let k = 0; k < units.length; k += 8192) {
    parts.push(String.fromCharCode.apply(null, units.subarray(k, Math.min(units.length, k + 8192)) as unknown as number[]));
  }
  return parts.join('');
}

function mixEdge(parent: number, token: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(token + 1, 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12);
}

function tableSizeFor(count: number, maxLoad: number): number {
  let size = 16;
  while (size * maxLoad < count + 1) size *= 2;
  return size;
}

/** Vocabulary: word → token id, probed straight from char codes (no string allocation). */
class Vocabulary {
  readonly text: string;
  private readonly bytes: Uint8Array;
  readonly offsets: Int32Array;
  readonly slots: Int32Array;
  /** Per slot, the unfinished FNV hash of its word (for `probe`, which compares hashes only). */
  readonly slotHashes: Int32Array;
  /** Hashes two vocabulary words share (almost always none). */
  private readonly sharedHashes: Set<number> | null;
  readonly mask: number;
  readonly maxWordLength: number;

  /** `text`: the words separated by single spaces (token id = position). */
  constructor(text: string) {
    this.text = text;
    const n = text.length;
    this.bytes = new Uint8Array(n);
    let count = n === 0 ? 0 : 1;
    for (let k = 0; k < n; k++) {
      const code = text.charCodeAt(k);
      this.bytes[k] = code & 0x7f;
      if (code === 32) count++;
    }
    this.offsets = new Int32Array(count + 1);
    const size = tableSizeFor(count, 0.5);
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.slotHashes = new Int32Array(size);
    let maxLength = 0;
    let id = 0;
    let start = 0;
    let h = HASH_SEED;
    for (let k = 0; k <= n && count > 0; k++) {
      const code = k < n ? text.charCodeAt(k) : 32;
      if (code !== 32) {
        h = stepHash(h, code);
        continue;
      }
      this.offsets[id] = start;
      if (k - start > maxLength) maxLength = k - start;
      let slot = finishHash(h) & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
      this.slotHashes[slot] = h;
      id++;
      start = k + 1;
      h = HASH_SEED;
    }
    this.offsets[count] = n + 1;
    this.maxWordLength = maxLength;
    let shared: Set<number> | null = null;
    const seen = new Set<number>();
    for (let slot = 0; slot < size; slot++) {
      if (this.slots[slot] === EMPTY) continue;
      const h = this.slotHashes[slot] ?? 0;
      if (seen.has(h)) (shared ??= new Set()).add(h);
      seen.add(h);
    }
    this.sharedHashes = shared;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /**
   * Token id of the vocabulary word whose unfinished FNV hash is `h`, or -1 — by the hash alone: another word with the
   * same 32-bit hash would read as that token, so `find` checks the words of every match with `isWord` before
   * reporting it (most words start no match, and comparing every word's letters cost a fifth of `find`).
   */
  probe(h: number): number {
    const slots = this.slots;
    const hashes = this.slotHashes;
    const mask = this.mask;
    let slot = finishHash(h) & mask;
    for (;;) {
      const id = slots[slot] ?? EMPTY;
      if (id === EMPTY) return EMPTY;
      if (hashes[slot] === h) return this.sharedHashes === null || !this.sharedHashes.has(h) ? id : AMBIGUOUS;
      slot = (slot + 1) & mask;
    }
  }

  /** Whether codes[from, to) spells token `id`. */
  isWord(id: number, codes: Uint8Array, from: number, to: number): boolean {
    const start = this.offsets[id] ?? 0;
    if ((this.offsets[id + 1] ?? 0) - 1 - start !== to - from) return false;
    const bytes = this.bytes;
    for (let k = 0; k < to - from; k++) if (bytes[start + k] !== codes[from + k]) return false;
    return true;
  }

  /** Token id of codes[from, to) whose unfinished FNV hash is `h`, or -1. */
  lookup(codes: Uint8Array, from: number, to: number, h: number): number {
    const slots = this.slots;
    const offsets = this.offsets;
    const bytes = this.bytes;
    const length = to - from;
    let slot = finishHash(h) & this.mask;
    for (;;) {
      const id = slots[slot] ?? EMPTY;
      if (id === EMPTY) return EMPTY;
      const start = offsets[id] ?? 0;
      if ((offsets[id + 1] ?? 0) - 1 - start === length) {
        let k = 0;
        while (k < length && bytes[start + k] === codes[from + k]) k++;
        if (k === length) return id;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * The trie's edge table. Node ids are slot indexes; the root is `root` (= table size, never a slot). Each slot holds
 * three Int32s side by side in `cells` — parent, token (-1 = empty), first entry index + 1 ending there (0 = none) —
 * so one walk step touches one cache line.
 */
class TrieTable {
  readonly cells: Int32Array;
  readonly size: number;
  readonly mask: number;
  readonly root: number;
  nodeCount = 0;

  /** A table for `capacity` nodes (compile only; the matcher reads the packed form). */
  constructor(capacity: number) {
    const size = tableSizeFor(capacity, MAX_LOAD);
    this.size = size;
    this.cells = new Int32Array(size * 3);
    for (let slot = 0; slot < size; slot++) this.cells[3 * slot + 1] = EMPTY;
    this.mask = size - 1;
    this.root = size;
  }

  parentAt(slot: number): number {
    return this.cells[3 * slot] ?? this.root;
  }

  tokenAt(slot: number): number {
    return this.cells[3 * slot + 1] ?? EMPTY;
  }

  terminalAt(slot: number): number {
    return this.cells[3 * slot + 2] ?? 0;
  }

  setTerminal(slot: number, value: number): void {
    this.cells[3 * slot + 2] = value;
  }

  child(node: number, token: number): number {
    const cells = this.cells;
    let slot = mixEdge(node, token) & this.mask;
    for (;;) {
      const t = cells[3 * slot + 1] ?? EMPTY;
      if (t === EMPTY) return EMPTY;
      if (t === token && cells[3 * slot] === node) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  addChild(node: number, token: number): number {
    const cells = this.cells;
    let slot = mixEdge(node, token) & this.mask;
    for (;;) {
      const t = cells[3 * slot + 1] ?? EMPTY;
      if (t === EMPTY) {
        cells[3 * slot + 1] = token;
        cells[3 * slot] = node;
        this.nodeCount++;
        return slot;
      }
      if (t === token && cells[3 * slot] === node) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

}

/** Scratch for `find`: per-word token ids and char ranges. */
let scratchTokens = new Int32Array(1024);
let scratchFrom = new Int32Array(1024);
let scratchTo = new Int32Array(1024);
let scratchJoined = new Uint8Array(1024);
/** Per word: 0 = its token not checked yet, 1 = checked (the word's letters spell it), 2 = a hash collision. */
let scratchChecked = new Uint8Array(1024);
/** Folded text codes when the caller passed a NormalizedText. */
let scratchCodes = new Uint8Array(1024);

function ensureScratch(words: number): void {
  if (scratchTokens.length >= words) return;
  const size = Math.max(words, scratchTokens.length * 2);
  scratchTokens = new Int32Array(size);
  scratchFrom = new Int32Array(size);
  scratchTo = new Int32Array(size);
  scratchJoined = new Uint8Array(size);
  scratchChecked = new Uint8Array(size);
}

/** Bits of the edge filter of a packed trie of `size` slots: a power of two, ≥ 4 per slot (≈ 8 per edge). */
function edgeFilterBits(size: number): number {
  let bits = 1024;
  while (bits < size * 4) bits *= 2;
  return bits;
}

/** Sets the edge filter's bit of edge (parent, token): `mixEdge(parent, token) & (bits - 1)`, 8 bits per unit. */
function setEdgeBit(bytes: Uint16Array, parent: number, token: number): void {
  const bit = mixEdge(parent, token) & (bytes.length * 8 - 1);
  bytes[bit >>> 3] = (bytes[bit >>> 3] ?? 0) | (1 << (bit & 7));
}

/**
 * Whether words [from, to] of the current text really spell their tokens (tokens come from `Vocabulary.probe`, by hash
 * only). Each word is compared once per `find`; a word that does not is a hash collision and stops being a token.
 */
function checkWords(vocab: Vocabulary, from: number, to: number): boolean {
  for (let w = from; w <= to; w++) {
    let state = scratchChecked[w] ?? 0;
    if (state === 0) {
      state = vocab.isWord(scratchTokens[w] ?? EMPTY, curCodes, scratchFrom[w] ?? 0, scratchTo[w] ?? 0) ? 1 : 2;
      scratchChecked[w] = state;
      if (state === 2) scratchTokens[w] = EMPTY;
    }
    if (state === 2) return false;
  }
  return true;
}

/** The text being matched (set at the start of `find`; `find` is not reentrant). */
let curCodes: Uint8Array = scratchCodes;
let curStart: Uint32Array = new Uint32Array(0);
let curEnd: Uint32Array = new Uint32Array(0);
let curRaw = '';
let curHits: PhraseHit[] = [];
let curWords = 0;

/**
 * The packed trie, read in place from strings (the serialized form IS the in-memory form: loading copies nothing).
 * Every field is an unsigned integer < 2^30 in two characters (`read30`); entry ids take three (`readId`).
 */
interface PackedTrie {
  /** Slots of the trie's hash table (linear probing, `packedSlot`); the root is node `size`. */
  size: number;
  /** Per slot, SLOT_WIDTH chars: parent + 1, token + 1 (0 = empty slot), first entry index + 1 ending there (0 = none). */
  table: string;
  /** Per entry, ENTRY_WIDTH chars: the next entry index + 1 ending at the same node (0 = none), then its id. */
  entries: string;
  /** Per token, 2 chars: the root's child slot + 1 (0 = none). */
  roots: string;
  /** The edge filter (`setEdgeBit`): edgeFilterBits(size) / 8 chars, CHAR_BASE + one byte each. */
  edges: string;
}

class TokenTrieMatcher implements PhraseMatcher {
  private readonly vocab: Vocabulary;
  private readonly packed: PackedTrie;
  private readonly table: string;
  private readonly tableSize: number;
  private readonly entries: string;
  private readonly roots: string;
  private readonly entryCount: number;
  private readonly accentKeys: Map<number, string>;
  private readonly maxDepth: number;
  /** One bit per (parent, token) edge hash: most child lookups in `find` miss, and a miss here costs one bit test
   *  instead of probing the packed table (~8 bits per edge, stored with the trie). */
  private readonly edges: string;
  private readonly edgeMask: number;

  constructor(vocab: Vocabulary, packed: PackedTrie, accentKeys: Map<number, string>, maxDepth: number) {
    this.vocab = vocab;
    this.packed = packed;
    this.table = packed.table;
    this.tableSize = packed.size;
    this.entries = packed.entries;
    this.roots = packed.roots;
    this.entryCount = packed.entries.length / ENTRY_WIDTH;
    this.accentKeys = accentKeys;
    this.maxDepth = maxDepth;
    this.edges = packed.edges;
    this.edgeMask = packed.edges.length * 8 - 1;
  }

  get size(): number {
    return this.entryCount;
  }

  /** The child of `node` by `token`, or -1. */
  private child(node: number, token: number): number {
    const bit = mixEdge(node, token) & this.edgeMask;
    if (((this.edges.charCodeAt(bit >>> 3) - CHAR_BASE) & (1 << (bit & 7))) === 0) return EMPTY;
    const table = this.table;
    const size = this.tableSize;
    const wantToken = token + 1;
    const wantParent = node + 1;
    let slot = packedSlot(node, token, size);
    for (;;) {
      const at = slot * SLOT_WIDTH;
      const t = read30(table, at + 2);
      if (t === 0) return EMPTY;
      if (t === wantToken && read30(table, at) === wantParent) return slot;
      if (++slot === size) slot = 0;
    }
  }

  private terminalAt(node: number): number {
    return read30(this.table, node * SLOT_WIDTH + 4);
  }

  find(raw: string, normalized?: NormalizedText): PhraseHit[] {
    const hits: PhraseHit[] = [];
    if (this.entryCount === 0) return hits;
    let codes: Uint8Array;
    let length: number;
    let joined: ArrayLike<number>;
    let joinedCount: number;
    let scratchWords: ScratchNormalized | null = null;
    if (normalized === undefined) {
      const scratch = normalizeIntoScratch(raw);
      scratchWords = scratch;
      codes = scratch.codes;
      length = scratch.length;
      curStart = scratch.start;
      curEnd = scratch.end;
      joined = scratch.joined;
      joinedCount = scratch.joinedCount;
    } else {
      const text = normalized.text;
      length = text.length;
      if (scratchCodes.length < length) scratchCodes = new Uint8Array(Math.max(length, scratchCodes.length * 2));
      codes = scratchCodes;
      for (let i = 0; i < length; i++) codes[i] = text.charCodeAt(i) & 0x7f;
      curStart = normalized.start;
      curEnd = normalized.end;
      joined = normalized.joined ?? [];
      joinedCount = joined.length;
    }
    if (length === 0) return hits;
    curCodes = codes;
    curRaw = raw;
    curHits = hits;
    const vocab = this.vocab;
    const maxWordLength = vocab.maxWordLength;
    const table = this.table;
    const root = this.tableSize;
    const roots = this.roots;

    // 1. Words → tokens (one vocabulary probe per word).
    ensureScratch((length >> 1) + 2);
    const tokens = scratchTokens;
    const wordFrom = scratchFrom;
    const wordTo = scratchTo;
    const isJoined = scratchJoined;
    let joinedIndex = 0;
    let nextJoined = joinedCount > 0 ? (joined[0] ?? -1) : -1;
    let words = 0;
    const addWord = (from: number, to: number, h: number): void => {
      wordFrom[words] = from;
      wordTo[words] = to;
      let token = to - from <= maxWordLength ? vocab.probe(h) : EMPTY;
      if (token === AMBIGUOUS) token = vocab.lookup(codes, from, to, h);
      tokens[words] = token;
      scratchChecked[words] = 0;
      if (from === nextJoined) {
        isJoined[words] = 1;
        joinedIndex++;
        nextJoined = joinedIndex < joinedCount ? (joined[joinedIndex] ?? -1) : -1;
      } else {
        isJoined[words] = 0;
      }
      words++;
    };
    if (scratchWords !== null) {
      // The normalizer found the words and hashed them already.
      const count = scratchWords.wordCount;
      const froms = scratchWords.wordFrom;
      const tos = scratchWords.wordTo;
      const hashes = scratchWords.wordHash;
      for (let k = 0; k < count; k++) addWord(froms[k] ?? 0, tos[k] ?? 0, hashes[k] ?? 0);
    } else {
      forEachFoldedWord(codes, 0, length, addWord);
    }
    curWords = words;

    // 2. Walk the trie from every word.
    const maxDepth = this.maxDepth;
    let budget = JOINED_BUDGET_BASE + JOINED_BUDGET_PER_CHAR * length;
    let sawJoined = false;
    for (let w = 0; w < words; w++) {
      if (isJoined[w] === 1) {
        sawJoined = true;
        const a = wordFrom[w] ?? 0;
        const b = wordTo[w] ?? 0;
        for (let p = a; p < b && budget > 0; p++) budget = this.walkJoined(w, p, p, root, 0, budget);
        continue;
      }
      const first = tokens[w] ?? EMPTY;
      if (first === EMPTY) continue;
      let node = read30(roots, 2 * first) - 1;
      if (node === EMPTY) continue;
      if (read30(table, node * SLOT_WIDTH + 4) !== 0) {
        if (!checkWords(vocab, w, w)) continue;
        this.emit(node, wordFrom[w] ?? 0, wordTo[w] ?? 0);
      }
      let j = w + 1;
      const limit = Math.min(words, w + maxDepth);
      while (j < limit) {
        if (isJoined[j] === 1) {
          if (budget > 0 && checkWords(vocab, w, j - 1)) {
            sawJoined = true;
            budget = this.walkJoined(j, wordFrom[j] ?? 0, wordFrom[w] ?? 0, node, j - w, budget);
          }
          break;
        }
        const token = tokens[j] ?? EMPTY;
        if (token === EMPTY) break;
        node = this.child(node, token);
        if (node === EMPTY) break;
        if (read30(table, node * SLOT_WIDTH + 4) !== 0) {
          if (!checkWords(vocab, w, j)) break;
          this.emit(node, wordFrom[w] ?? 0, wordTo[j] ?? 0);
        }
        j++;
      }
    }
    curHits = [];
    return sawJoined || this.accentKeys.size > 0 ? sortUnique(hits) : hits;
  }

  /**
   * Depth-first segmentation inside joined word `w` from char `p` with trie node `node` (the walk started at char
   * `startChar`, `depth` tokens ago). Returns the remaining budget.
   */
  private walkJoined(w: number, p: number, startChar: number, node: number, depth: number, budget: number): number {
    if (depth >= this.maxDepth) return budget;
    const codes = curCodes;
    const vocab = this.vocab;
    const end = scratchTo[w] ?? 0;
    const maxTo = Math.min(end, p + vocab.maxWordLength);
    let h = HASH_SEED;
    for (let q = p + 1; q <= maxTo; q++) {
      if (--budget <= 0) return 0;
      h = Math.imul(h ^ (codes[q - 1] ?? 0), 0x01000193);
      const token = vocab.lookup(codes, p, q, h);
      if (token === EMPTY) continue;
      const child = node === this.tableSize ? read30(this.roots, 2 * token) - 1 : this.child(node, token);
      if (child === EMPTY) continue;
      if (this.terminalAt(child) !== 0) this.emit(child, startChar, q);
      if (q < end) {
        budget = this.walkJoined(w, q, startChar, child, depth + 1, budget);
      } else {
        budget = this.walkAfterJoined(w + 1, startChar, child, depth + 1, budget);
      }
      if (budget <= 0) return 0;
    }
    return budget;
  }

  /** Continues a walk at word `w` (after a joined word). */
  private walkAfterJoined(w: number, startChar: number, node: number, depth: number, budget: number): number {
    let current = node;
    for (let j = w; j < curWords && depth < this.maxDepth; j++, depth++) {
      if (--budget <= 0) return 0;
      if (scratchJoined[j] === 1) {
        // The plain words walked since the last joined word are checked before the walk goes on inside the next one.
        if (j > w && !checkWords(this.vocab, w, j - 1)) return budget;
        return this.walkJoined(j, scratchFrom[j] ?? 0, startChar, current, depth, budget);
      }
      const token = scratchTokens[j] ?? EMPTY;
      if (token === EMPTY) return budget;
      current = this.child(current, token);
      if (current === EMPTY) return budget;
      if (this.terminalAt(current) !== 0) {
        if (!checkWords(this.vocab, w, j)) return budget;
        this.emit(current, startChar, scratchTo[j] ?? 0);
      }
    }
    return budget;
  }

  /** Reports every entry ending at `node` for the folded range [fromChar, toChar). */
  private emit(node: number, fromChar: number, toChar: number): void {
    const start = curStart[fromChar] ?? 0;
    const end = curEnd[toChar - 1] ?? start;
    const entries = this.entries;
    const count = this.entryCount;
    let e = this.terminalAt(node) - 1;
    let accentKey: string | undefined;
    while (e >= 0 && e < count) {
      const at = e * ENTRY_WIDTH;
      const key = this.accentKeys.size > 0 ? this.accentKeys.get(e) : undefined;
      if (key === undefined) {
        curHits.push({ id: readId(entries, at + 2), start, end });
      } else {
        accentKey ??= foldAccented(curRaw.slice(start, end));
        if (accentKey === key) curHits.push({ id: readId(entries, at + 2), start, end });
      }
      e = read30(entries, at) - 1;
    }
  }

  serialize(): SerializedPhraseMatcher {
    return {
      format: 5,
      vocab: this.vocab.text,
      tableSize: this.packed.size,
      table: this.packed.table,
      entries: this.packed.entries,
      roots: this.packed.roots,
      edges: this.packed.edges,
      accentKeys: [...this.accentKeys.entries()],
      maxDepth: this.maxDepth,
    };
  }
}

function sortUnique(hits: PhraseHit[]): PhraseHit[] {
  hits.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
  const out: PhraseHit[] = [];
  for (const hit of hits) {
    const last = out[out.length - 1];
    if (last !== undefined && last.start === hit.start && last.end === hit.end && last.id === hit.id) continue;
    out.push(hit);
  }
  return out;
}

/** Word interning during compile: char codes of a string range → word id, slicing only new words. */
class WordInterner {
  readonly words: string[] = [];
  private slots = new Int32Array(1024).fill(EMPTY);

  intern(text: string, from: number, to: number): number {
    let h = HASH_SEED;
    for (let k = from; k < to; k++) h = stepHash(h, text.charCodeAt(k));
    const mask = this.slots.length - 1;
    let slot = finishHash(h) & mask;
    for (;;) {
      const id = this.slots[slot] ?? EMPTY;
      if (id === EMPTY) break;
      const word = this.words[id] ?? '';
      if (word.length === to - from && text.startsWith(word, from)) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.words.length;
    this.words.push(text.slice(from, to));
    this.slots[slot] = id;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = this.slots.length - 1;
    this.words.forEach((word, id) => {
      let h = HASH_SEED;
      for (let k = 0; k < word.length; k++) h = stepHash(h, word.charCodeAt(k));
      let slot = finishHash(h) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    });
  }
}

export function compilePhraseMatcher(entries: PhraseEntry[]): PhraseMatcher {
  const interner = new WordInterner();
  const words = interner.words;
  // Folded phrases as token ids, flat: phrase k is tokenBuf[tokenStart[k], tokenStart[k + 1]).
  const tokenBuf: number[] = [];
  const tokenStart: number[] = [0];
  const ids: number[] = [];
  const keys: (string | undefined)[] = [];
  let maxDepth = 1;
  for (const entry of entries) {
    const fold = foldPhrase(entry.phrase);
    if (fold.length === 0) continue;
    let from = 0;
    while (from <= fold.length) {
      let to = fold.indexOf(' ', from);
      if (to < 0) to = fold.length;
      tokenBuf.push(interner.intern(fold, from, to));
      from = to + 1;
    }
    const length = tokenBuf.length - (tokenStart[tokenStart.length - 1] ?? 0);
    tokenStart.push(tokenBuf.length);
    ids.push(entry.id);
    keys.push(entry.accentSensitive === true ? foldAccented(entry.phrase) : undefined);
    if (length > maxDepth) maxDepth = length;
  }
  const count = ids.length;
  const vocab = new Vocabulary(words.join(' '));
  // The table starts small and doubles when the next phrase could push its load above MAX_LOAD; node ids (slots)
  // are remapped by re-inserting the nodes in creation order (parents before children).
  let trie = new TrieTable(Math.max(16, Math.min(tokenBuf.length, count * 2)));
  const order = new Int32Array(Math.max(16, tokenBuf.length));
  const entryNode = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const from = tokenStart[e] ?? 0;
    const to = tokenStart[e + 1] ?? 0;
    if (trie.nodeCount + (to - from) + 1 > trie.size * MAX_LOAD) {
      const grown = new TrieTable((trie.size * 2 * MAX_LOAD) | 0);
      const remap = new Int32Array(trie.size + 1);
      remap[trie.root] = grown.root;
      for (let k = 0; k < trie.nodeCount; k++) {
        const slot = order[k] ?? 0;
        const next = grown.addChild(remap[trie.parentAt(slot)] ?? grown.root, trie.tokenAt(slot));
        remap[slot] = next;
        order[k] = next;
      }
      for (let k = 0; k < e; k++) entryNode[k] = remap[entryNode[k] ?? 0] ?? 0;
      trie = grown;
    }
    let node = trie.root;
    for (let t = from; t < to; t++) {
      const before = trie.nodeCount;
      node = trie.addChild(node, tokenBuf[t] ?? 0);
      if (trie.nodeCount > before) order[before] = node;
    }
    entryNode[e] = node;
  }
  // Drop duplicates (same node, id and accent key), chaining entries per node through `terminal` for the check.
  const next = new Int32Array(count);
  const kept: number[] = [];
  for (let e = 0; e < count; e++) {
    const node = entryNode[e] ?? 0;
    let k = trie.terminalAt(node) - 1;
    while (k >= 0 && !(ids[k] === ids[e] && keys[k] === keys[e])) k = (next[k] ?? 0) - 1;
    if (k >= 0) continue;
    next[e] = trie.terminalAt(node);
    trie.setTerminal(node, e + 1);
    kept.push(e);
  }
  for (const e of kept) trie.setTerminal(entryNode[e] ?? 0, 0);
  const keptNode = new Int32Array(kept.length);
  const keptId = new Int32Array(kept.length);
  const accentKeys = new Map<number, string>();
  kept.forEach((e, index) => {
    keptNode[index] = entryNode[e] ?? 0;
    keptId[index] = ids[e] ?? 0;
    const key = keys[e];
    if (key !== undefined) accentKeys.set(index, key);
  });
  return new TokenTrieMatcher(vocab, packTrie(trie, order, vocab.size, keptNode, keptId), accentKeys, maxDepth);
}

/** Re-inserts the nodes (in creation order: parents first) into a table at PACK_LOAD and writes the packed strings. */
function packTrie(trie: TrieTable, order: Int32Array, vocabSize: number, entryNode: Int32Array, entryId: Int32Array): PackedTrie {
  const count = trie.nodeCount;
  const size = Math.max(16, Math.ceil(count / PACK_LOAD) + 1);
  const table = new Uint16Array(size * SLOT_WIDTH).fill(CHAR_BASE);
  const roots = new Uint16Array(vocabSize * 2).fill(CHAR_BASE);
  const remap = new Int32Array(trie.size + 1);
  // The edge filter, stored with the trie and read in place (CHAR_BASE + one byte per character): building it at load
  // cost ~1.8 ms at 50k phrases.
  const edges = new Uint16Array(edgeFilterBits(size) >>> 3);
  remap[trie.root] = size;
  for (let k = 0; k < count; k++) {
    const old = order[k] ?? 0;
    const parent = remap[trie.parentAt(old)] ?? size;
    const token = trie.tokenAt(old);
    let slot = packedSlot(parent, token, size);
    while (table[slot * SLOT_WIDTH + 2] !== CHAR_BASE || table[slot * SLOT_WIDTH + 3] !== CHAR_BASE) {
      if (++slot === size) slot = 0;
    }
    write30(table, slot * SLOT_WIDTH, parent + 1);
    write30(table, slot * SLOT_WIDTH + 2, token + 1);
    setEdgeBit(edges, parent, token);
    if (parent === size) write30(roots, 2 * token, slot + 1);
    remap[old] = slot;
  }
  // Entry chains per node, in entry order: the node's slot holds the first entry, each entry the next one.
  const n = entryId.length;
  const entries = new Uint16Array(n * ENTRY_WIDTH);
  for (let e = n - 1; e >= 0; e--) {
    const at = (remap[entryNode[e] ?? 0] ?? 0) * SLOT_WIDTH + 4;
    write30(entries, e * ENTRY_WIDTH, ((table[at] ?? CHAR_BASE) - CHAR_BASE) | (((table[at + 1] ?? CHAR_BASE) - CHAR_BASE) << 15));
    write30(table, at, e + 1);
    const id = (entryId[e] ?? 0) >>> 0;
    entries[e * ENTRY_WIDTH + 2] = CHAR_BASE + (id & 0x7fff);
    entries[e * ENTRY_WIDTH + 3] = CHAR_BASE + ((id >>> 15) & 0x7fff);
    entries[e * ENTRY_WIDTH + 4] = CHAR_BASE + (id >>> 30);
  }
  for (let k = 0; k < edges.length; k++) edges[k] = CHAR_BASE + (edges[k] ?? 0);
  return { size, table: unitsToString(table), entries: unitsToString(entries), roots: unitsToString(roots), edges: unitsToString(edges) };
}

function corrupt(): Error {
  return new Error('corrupt phrase matcher');
}

/** 0..0x7fff for a character of the packed alphabet, else -1. */
function unitAt(text: string, at: number): number {
  const unit = text.charCodeAt(at) - CHAR_BASE;
  return unit >= 0 && unit <= 0x7fff ? unit : -1;
}

function check30(text: string, at: number): number {
  const lo = unitAt(text, at);
  const hi = unitAt(text, at + 1);
  if (lo < 0 || hi < 0) throw corrupt();
  return lo | (hi << 15);
}

/**
 * Loads a serialized matcher: checks the packed strings once (so a corrupt one cannot make `find` loop or read out of
 * range) and reads them in place.
 */
export function loadPhraseMatcher(data: SerializedPhraseMatcher): PhraseMatcher {
  if (data.format !== 5) throw new Error(`unsupported phrase matcher format ${String(data.format)}`);
  const { vocab: vocabText, table, entries, roots, edges, tableSize: size, maxDepth } = data;
  if (
    typeof vocabText !== 'string' || typeof table !== 'string' || typeof entries !== 'string' || typeof roots !== 'string' ||
    typeof edges !== 'string' ||
    !Number.isInteger(size) || size < 16 || size >= 2 ** 28 || table.length !== size * SLOT_WIDTH ||
    entries.length % ENTRY_WIDTH !== 0 || !Number.isInteger(maxDepth) || maxDepth < 1 || !Array.isArray(data.accentKeys)
  ) {
    throw corrupt();
  }
  const vocab = new Vocabulary(vocabText);
  const vocabSize = vocab.size;
  const count = entries.length / ENTRY_WIDTH;
  if (roots.length !== vocabSize * 2) throw corrupt();
  // Every character in the alphabet (one native regex pass), and at least one empty slot so every probe ends. Other
  // out-of-range values cannot make `find` misbehave (an edge that matches nothing is unreachable; `emit` checks
  // entry indexes), and the engine's checksum guards the content.
  if (OUTSIDE_ALPHABET.test(table) || OUTSIDE_ALPHABET.test(entries) || OUTSIDE_ALPHABET.test(roots)) throw corrupt();
  // The edge filter: its length follows from the table's, one byte per character (a missing bit only loses matches,
  // which the engine's checksum guards against like any other content).
  if (edges.length * 8 !== edgeFilterBits(size) || OUTSIDE_BYTE_ALPHABET.test(edges)) throw corrupt();
  let empty = -1;
  for (let slot = 0; slot < size && empty < 0; slot++) {
    if (read30(table, slot * SLOT_WIDTH + 2) === 0) empty = slot;
  }
  if (empty < 0) throw corrupt();
  for (let e = 0; e < count; e++) {
    const at = e * ENTRY_WIDTH;
    const next = check30(entries, at);
    // Chains run forward (no cycles).
    if (next !== 0 && (next <= e + 1 || next > count)) throw corrupt();
    const high = unitAt(entries, at + 4);
    if (unitAt(entries, at + 2) < 0 || unitAt(entries, at + 3) < 0 || high < 0 || high > 3) throw corrupt();
  }
  for (let token = 0; token < vocabSize; token++) {
    const slot = check30(roots, 2 * token) - 1;
    if (slot < 0) continue;
    if (slot >= size || read30(table, slot * SLOT_WIDTH) !== size + 1 || read30(table, slot * SLOT_WIDTH + 2) !== token + 1) {
      throw corrupt();
    }
  }
  const accentKeys = new Map<number, string>();
  for (const pair of data.accentKeys) {
    const [index, key] = pair;
    if (!Number.isInteger(index) || index < 0 || index >= count || typeof key !== 'string') throw corrupt();
    accentKeys.set(index, key);
  }
  return new TokenTrieMatcher(vocab, { size, table, entries, roots, edges }, accentKeys, maxDepth);
}
