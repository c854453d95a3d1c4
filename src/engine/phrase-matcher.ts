/**
 * Whole-word multi-phrase matching over normalized text.
 *
 * Design (token trie): every phrase is folded with `foldPhrase` and split into words; each distinct word gets a token
 * id (the vocabulary). The phrases form a trie over token ids, stored in one open-addressing hash table keyed by
 * (parent node, token) whose slot index IS the child node id — one Int32Array holding, per slot, parent, token and
 * the first phrase entry ending at the node, side by side; the root's children are also in a small direct array. Matching maps each word of the normalized text to a token id
 * (one hash probe in a vocabulary table, no string allocation; unknown words break every walk) and walks the trie from
 * every word. Matches are whole words by construction and the work is linear: each start walks at most as many words
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
 * Serialized form: the vocabulary as one space-separated string and the trie's hash table itself (parent and token
 * per slot) as a base64 Int32Array; loading decodes and copies it — no folding, no rehashing.
 */
import { decodeInt32s, encodeInt32s } from './binary-codec.ts';
import { finishHash, foldAccented, foldPhrase, HASH_SEED, normalizeIntoScratch, stepHash, type NormalizedText } from './normalize.ts';

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
  format: 3;
  /** Vocabulary words separated by single spaces; token id = position. */
  vocab: string;
  /** The trie's hash table as stored in memory (size = a power of two; the root is node `size`): base64 Int32Array
   *  of (parent node, token) per slot, token -1 = empty slot. Loading copies it in place, without rehashing. */
  edges: string;
  /** base64 Int32Array of (node, phrase id) pairs, one per phrase entry, in entry order. */
  entries: string;
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
const JOINED_BUDGET_PER_CHAR = 8;
const JOINED_BUDGET_BASE = 4096;
/** Highest load factor of the trie's hash table (linear probing). */
const MAX_LOAD = 0.7;


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
  readonly mask: number;
  readonly maxWordLength: number;

  constructor(words: string[]) {
    this.text = words.join(' ');
    this.bytes = new Uint8Array(this.text.length);
    for (let k = 0; k < this.text.length; k++) this.bytes[k] = this.text.charCodeAt(k) & 0x7f;
    this.offsets = new Int32Array(words.length + 1);
    let offset = 0;
    let maxLength = 0;
    for (let i = 0; i < words.length; i++) {
      this.offsets[i] = offset;
      const length = words[i]?.length ?? 0;
      offset += length + 1;
      if (length > maxLength) maxLength = length;
    }
    this.offsets[words.length] = offset;
    this.maxWordLength = maxLength;
    const size = tableSizeFor(words.length, 0.5);
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(EMPTY);
    for (let id = 0; id < words.length; id++) {
      const start = this.offsets[id] ?? 0;
      const end = (this.offsets[id + 1] ?? 0) - 1;
      let h = HASH_SEED;
      for (let k = start; k < end; k++) h = stepHash(h, this.text.charCodeAt(k));
      let slot = finishHash(h) & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }

  get size(): number {
    return this.offsets.length - 1;
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

  constructor(capacity: number, edges?: Int32Array) {
    const size = edges !== undefined ? edges.length / 2 : tableSizeFor(capacity, MAX_LOAD);
    this.size = size;
    this.cells = new Int32Array(size * 3);
    if (edges === undefined) {
      for (let slot = 0; slot < size; slot++) this.cells[3 * slot + 1] = EMPTY;
    } else {
      for (let slot = 0; slot < size; slot++) {
        this.cells[3 * slot] = edges[2 * slot] ?? 0;
        const token = edges[2 * slot + 1] ?? EMPTY;
        this.cells[3 * slot + 1] = token;
        if (token !== EMPTY) this.nodeCount++;
      }
    }
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

  /** Parent and token of every slot, interleaved (the serialized form). */
  exportEdges(): Int32Array {
    const edges = new Int32Array(this.size * 2);
    for (let slot = 0; slot < this.size; slot++) {
      edges[2 * slot] = this.cells[3 * slot] ?? 0;
      edges[2 * slot + 1] = this.cells[3 * slot + 1] ?? EMPTY;
    }
    return edges;
  }
}

/** Scratch for `find`: per-word token ids and char ranges. */
let scratchTokens = new Int32Array(1024);
let scratchFrom = new Int32Array(1024);
let scratchTo = new Int32Array(1024);
let scratchJoined = new Uint8Array(1024);
/** Folded text codes when the caller passed a NormalizedText. */
let scratchCodes = new Uint8Array(1024);

function ensureScratch(words: number): void {
  if (scratchTokens.length >= words) return;
  const size = Math.max(words, scratchTokens.length * 2);
  scratchTokens = new Int32Array(size);
  scratchFrom = new Int32Array(size);
  scratchTo = new Int32Array(size);
  scratchJoined = new Uint8Array(size);
}

/** The text being matched (set at the start of `find`; `find` is not reentrant). */
let curCodes: Uint8Array = scratchCodes;
let curStart: Uint32Array = new Uint32Array(0);
let curEnd: Uint32Array = new Uint32Array(0);
let curRaw = '';
let curHits: PhraseHit[] = [];
let curWords = 0;

class TokenTrieMatcher implements PhraseMatcher {
  private readonly vocab: Vocabulary;
  private readonly trie: TrieTable;
  private readonly entryId: Int32Array;
  private readonly entryNext: Int32Array;
  private readonly entryNode: Int32Array;
  private readonly accentKeys: Map<number, string>;
  private readonly maxDepth: number;
  /** The root's child per token (or -1): the first step of every walk, without probing the big table. */
  private readonly rootChild: Int32Array;

  constructor(
    vocab: Vocabulary,
    trie: TrieTable,
    entryNode: Int32Array,
    entryId: Int32Array,
    accentKeys: Map<number, string>,
    maxDepth: number,
  ) {
    this.vocab = vocab;
    this.trie = trie;
    this.entryNode = entryNode;
    this.entryId = entryId;
    this.entryNext = new Int32Array(entryId.length);
    this.accentKeys = accentKeys;
    this.maxDepth = maxDepth;
    this.rootChild = new Int32Array(vocab.size).fill(EMPTY);
    for (let slot = 0; slot < trie.size; slot++) {
      const token = trie.tokenAt(slot);
      if (token >= 0 && token < vocab.size && trie.parentAt(slot) === trie.root) this.rootChild[token] = slot;
    }
    // Chain the entries of each node (kept in entry order).
    for (let e = entryId.length - 1; e >= 0; e--) {
      const node = entryNode[e] ?? 0;
      this.entryNext[e] = trie.terminalAt(node);
      trie.setTerminal(node, e + 1);
    }
  }

  get size(): number {
    return this.entryId.length;
  }

  find(raw: string, normalized?: NormalizedText): PhraseHit[] {
    const hits: PhraseHit[] = [];
    if (this.entryId.length === 0) return hits;
    let codes: Uint8Array;
    let length: number;
    let joined: ArrayLike<number>;
    let joinedCount: number;
    if (normalized === undefined) {
      const scratch = normalizeIntoScratch(raw);
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
    const trie = this.trie;
    const cells = trie.cells;
    const root = trie.root;
    const rootChild = this.rootChild;

    // 1. Words → tokens (one vocabulary probe per word).
    ensureScratch((length >> 1) + 2);
    const tokens = scratchTokens;
    const wordFrom = scratchFrom;
    const wordTo = scratchTo;
    const isJoined = scratchJoined;
    let joinedIndex = 0;
    let nextJoined = joinedCount > 0 ? (joined[0] ?? -1) : -1;
    let words = 0;
    let from = 0;
    let h = HASH_SEED;
    for (let i = 0; i <= length; i++) {
      const code = i < length ? (codes[i] ?? 32) : 32;
      if (code !== 32) {
        h = Math.imul(h ^ code, 0x01000193);
        continue;
      }
      if (i > from) {
        wordFrom[words] = from;
        wordTo[words] = i;
        tokens[words] = i - from <= maxWordLength ? vocab.lookup(codes, from, i, h) : EMPTY;
        if (from === nextJoined) {
          isJoined[words] = 1;
          joinedIndex++;
          nextJoined = joinedIndex < joinedCount ? (joined[joinedIndex] ?? -1) : -1;
        } else {
          isJoined[words] = 0;
        }
        words++;
      }
      from = i + 1;
      h = HASH_SEED;
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
      let node = rootChild[first] ?? EMPTY;
      if (node === EMPTY) continue;
      if ((cells[3 * node + 2] ?? 0) !== 0) this.emit(node, wordFrom[w] ?? 0, wordTo[w] ?? 0);
      let j = w + 1;
      const limit = Math.min(words, w + maxDepth);
      while (j < limit) {
        if (isJoined[j] === 1) {
          if (budget > 0) {
            sawJoined = true;
            budget = this.walkJoined(j, wordFrom[j] ?? 0, wordFrom[w] ?? 0, node, j - w, budget);
          }
          break;
        }
        const token = tokens[j] ?? EMPTY;
        if (token === EMPTY) break;
        node = trie.child(node, token);
        if (node === EMPTY) break;
        if ((cells[3 * node + 2] ?? 0) !== 0) this.emit(node, wordFrom[w] ?? 0, wordTo[j] ?? 0);
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
    const trie = this.trie;
    const end = scratchTo[w] ?? 0;
    const maxTo = Math.min(end, p + vocab.maxWordLength);
    let h = HASH_SEED;
    for (let q = p + 1; q <= maxTo; q++) {
      if (--budget <= 0) return 0;
      h = Math.imul(h ^ (codes[q - 1] ?? 0), 0x01000193);
      const token = vocab.lookup(codes, p, q, h);
      if (token === EMPTY) continue;
      const child = trie.child(node, token);
      if (child === EMPTY) continue;
      if (trie.terminalAt(child) !== 0) this.emit(child, startChar, q);
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
      if (scratchJoined[j] === 1) return this.walkJoined(j, scratchFrom[j] ?? 0, startChar, current, depth, budget);
      const token = scratchTokens[j] ?? EMPTY;
      if (token === EMPTY) return budget;
      current = this.trie.child(current, token);
      if (current === EMPTY) return budget;
      if (this.trie.terminalAt(current) !== 0) this.emit(current, startChar, scratchTo[j] ?? 0);
    }
    return budget;
  }

  /** Reports every entry ending at `node` for the folded range [fromChar, toChar). */
  private emit(node: number, fromChar: number, toChar: number): void {
    const start = curStart[fromChar] ?? 0;
    const end = curEnd[toChar - 1] ?? start;
    let e = this.trie.terminalAt(node) - 1;
    let accentKey: string | undefined;
    while (e >= 0) {
      const key = this.accentKeys.size > 0 ? this.accentKeys.get(e) : undefined;
      if (key === undefined) {
        curHits.push({ id: this.entryId[e] ?? 0, start, end });
      } else {
        accentKey ??= foldAccented(curRaw.slice(start, end));
        if (accentKey === key) curHits.push({ id: this.entryId[e] ?? 0, start, end });
      }
      e = (this.entryNext[e] ?? 0) - 1;
    }
  }

  serialize(): SerializedPhraseMatcher {
    const entries = new Int32Array(this.entryId.length * 2);
    for (let e = 0; e < this.entryId.length; e++) {
      entries[2 * e] = this.entryNode[e] ?? 0;
      entries[2 * e + 1] = this.entryId[e] ?? 0;
    }
    return {
      format: 3,
      vocab: this.vocab.text,
      edges: encodeInt32s(this.trie.exportEdges()),
      entries: encodeInt32s(entries),
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
  const vocab = new Vocabulary(words);
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
  return new TokenTrieMatcher(vocab, trie, keptNode, keptId, accentKeys, maxDepth);
}

export function loadPhraseMatcher(data: SerializedPhraseMatcher): PhraseMatcher {
  if (data.format !== 3) throw new Error(`unsupported phrase matcher format ${String(data.format)}`);
  const words = data.vocab.length === 0 ? [] : data.vocab.split(' ');
  const vocab = new Vocabulary(words);
  const edges = decodeInt32s(data.edges);
  const entries = decodeInt32s(data.entries);
  const size = edges.length / 2;
  if (!Number.isInteger(size) || size < 16 || (size & (size - 1)) !== 0 || entries.length % 2 !== 0) {
    throw new Error('corrupt phrase matcher');
  }
  const trie = new TrieTable(size, edges);
  const count = entries.length / 2;
  const entryNode = new Int32Array(count);
  const entryId = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const node = entries[2 * e] ?? -1;
    if (node < 0 || node >= size || trie.tokenAt(node) < 0) throw new Error('corrupt phrase matcher');
    entryNode[e] = node;
    entryId[e] = entries[2 * e + 1] ?? 0;
  }
  const maxDepth = data.maxDepth;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) throw new Error('corrupt phrase matcher');
  return new TokenTrieMatcher(vocab, trie, entryNode, entryId, new Map(data.accentKeys), maxDepth);
}
