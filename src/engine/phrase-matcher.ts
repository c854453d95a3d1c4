/**
 * Whole-word multi-phrase matching over normalized text.
 *
 * Design (token trie): every phrase is folded with `foldPhrase` and split into words; each distinct word gets a token
 * id (the vocabulary). The phrases form a trie over token ids, stored in one open-addressing hash table keyed by
 * (parent node, token) whose slot index IS the child node id — two Int32Arrays (`edgeParent`, `edgeToken`) plus
 * `terminal` (first phrase entry ending at the node). Matching maps each word of the normalized text to a token id
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
 * Serialized form: the vocabulary as one space-separated string and the trie as nodes in topological order (parent
 * index, token) in base64 Int32Arrays; loading rebuilds the hash table without folding anything.
 */
import { decodeInt32s, encodeInt32s } from './binary-codec.ts';
import { foldAccented, foldPhrase, normalizeText, type NormalizedText } from './normalize.ts';

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
  format: 1;
  /** Vocabulary words separated by single spaces; token id = position. */
  vocab: string;
  /** Trie nodes in topological order: base64 Int32Array of parent node indexes (-1 = root). */
  parents: string;
  /** base64 Int32Array of each node's token id. */
  tokens: string;
  /** base64 Int32Array of (node index, phrase id) pairs, one per phrase entry. */
  entries: string;
  /** Accent-sensitive entries: [entry index, accent key]. */
  accentKeys: [number, string][];
}

export interface PhraseMatcher {
  /** All whole-word occurrences of every phrase (each occurrence once). `normalized` may be passed if already computed. */
  find(raw: string, normalized?: NormalizedText): PhraseHit[];
  serialize(): SerializedPhraseMatcher;
  readonly size: number;
}

const EMPTY = -1;
const JOINED_BUDGET_PER_CHAR = 32;
const JOINED_BUDGET_BASE = 4096;

function hashChars(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}
const HASH_SEED = 0x811c9dc5 | 0;

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

/** Vocabulary: word → token id, probed straight from char codes of a string range. */
class Vocabulary {
  readonly text: string;
  readonly offsets: Int32Array;
  readonly slots: Int32Array;
  readonly mask: number;
  readonly maxWordLength: number;

  constructor(words: string[]) {
    this.text = words.join(' ');
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
      for (let k = start; k < end; k++) h = hashChars(h, this.text.charCodeAt(k));
      let slot = h & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = id;
    }
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /** Token id of text[from, to) whose hash is `h`, or -1. */
  lookup(text: string, from: number, to: number, h: number): number {
    const slots = this.slots;
    const offsets = this.offsets;
    const vocab = this.text;
    const length = to - from;
    let slot = h & this.mask;
    for (;;) {
      const id = slots[slot] ?? EMPTY;
      if (id === EMPTY) return EMPTY;
      const start = offsets[id] ?? 0;
      if ((offsets[id + 1] ?? 0) - 1 - start === length) {
        let k = 0;
        while (k < length && vocab.charCodeAt(start + k) === text.charCodeAt(from + k)) k++;
        if (k === length) return id;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  wordOf(id: number): string {
    return this.text.slice(this.offsets[id] ?? 0, (this.offsets[id + 1] ?? 1) - 1);
  }
}

/** The trie's edge table. Node ids are slot indexes; the root is `root` (= table size, never a slot). */
class TrieTable {
  readonly parent: Int32Array;
  readonly token: Int32Array;
  /** First entry index + 1 ending at each node (0 = none). */
  readonly terminal: Int32Array;
  readonly mask: number;
  readonly root: number;
  nodeCount = 0;

  constructor(capacity: number) {
    const size = tableSizeFor(capacity, 0.6);
    this.parent = new Int32Array(size);
    this.token = new Int32Array(size).fill(EMPTY);
    this.terminal = new Int32Array(size);
    this.mask = size - 1;
    this.root = size;
  }

  child(node: number, token: number): number {
    const tokens = this.token;
    const parents = this.parent;
    let slot = mixEdge(node, token) & this.mask;
    for (;;) {
      const t = tokens[slot] ?? EMPTY;
      if (t === EMPTY) return EMPTY;
      if (t === token && parents[slot] === node) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  addChild(node: number, token: number): number {
    let slot = mixEdge(node, token) & this.mask;
    for (;;) {
      const t = this.token[slot] ?? EMPTY;
      if (t === EMPTY) {
        this.token[slot] = token;
        this.parent[slot] = node;
        this.nodeCount++;
        return slot;
      }
      if (t === token && this.parent[slot] === node) return slot;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Scratch for `find`: per-word token ids and char ranges. */
let scratchTokens = new Int32Array(1024);
let scratchFrom = new Int32Array(1024);
let scratchTo = new Int32Array(1024);
let scratchJoined = new Uint8Array(1024);

function ensureScratch(words: number): void {
  if (scratchTokens.length >= words) return;
  const size = Math.max(words, scratchTokens.length * 2);
  scratchTokens = new Int32Array(size);
  scratchFrom = new Int32Array(size);
  scratchTo = new Int32Array(size);
  scratchJoined = new Uint8Array(size);
}

class TokenTrieMatcher implements PhraseMatcher {
  private readonly vocab: Vocabulary;
  private readonly trie: TrieTable;
  private readonly entryId: Int32Array;
  private readonly entryNext: Int32Array;
  private readonly entryNode: Int32Array;
  private readonly accentKeys: Map<number, string>;
  private readonly maxDepth: number;

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
    // Chain the entries of each node (kept in entry order).
    for (let e = entryId.length - 1; e >= 0; e--) {
      const node = entryNode[e] ?? 0;
      this.entryNext[e] = trie.terminal[node] ?? 0;
      trie.terminal[node] = e + 1;
    }
  }

  get size(): number {
    return this.entryId.length;
  }

  find(raw: string, normalized?: NormalizedText): PhraseHit[] {
    const n = normalized ?? normalizeText(raw);
    const text = n.text;
    const length = text.length;
    const hits: PhraseHit[] = [];
    if (length === 0 || this.entryId.length === 0) return hits;
    const vocab = this.vocab;
    const trie = this.trie;
    const terminal = trie.terminal;
    const root = trie.root;

    // 1. Words → tokens (one vocabulary probe per word).
    ensureScratch(Math.ceil(length / 2) + 1);
    const tokens = scratchTokens;
    const wordFrom = scratchFrom;
    const wordTo = scratchTo;
    const isJoined = scratchJoined;
    const joined = n.joined ?? [];
    let joinedIndex = 0;
    let words = 0;
    let from = 0;
    let h = HASH_SEED;
    for (let i = 0; i <= length; i++) {
      const code = i < length ? text.charCodeAt(i) : 32;
      if (code !== 32) {
        h = Math.imul(h ^ code, 0x01000193);
        continue;
      }
      if (i > from) {
        wordFrom[words] = from;
        wordTo[words] = i;
        tokens[words] = i - from <= vocab.maxWordLength ? vocab.lookup(text, from, i, h) : EMPTY;
        let flag = 0;
        while (joinedIndex < joined.length && (joined[joinedIndex] ?? 0) < from) joinedIndex++;
        if (joined[joinedIndex] === from) flag = 1;
        isJoined[words] = flag;
        words++;
      }
      from = i + 1;
      h = HASH_SEED;
    }

    // 2. Walk the trie from every word.
    const maxDepth = this.maxDepth;
    let budget = JOINED_BUDGET_BASE + JOINED_BUDGET_PER_CHAR * length;
    let sawJoined = false;
    for (let w = 0; w < words; w++) {
      if (isJoined[w] === 1) {
        sawJoined = true;
        const a = wordFrom[w] ?? 0;
        const b = wordTo[w] ?? 0;
        for (let p = a; p < b && budget > 0; p++) budget = this.walkJoined(raw, n, words, w, p, p, root, 0, budget, hits);
        continue;
      }
      let node = root;
      let j = w;
      const limit = Math.min(words, w + maxDepth);
      while (j < limit) {
        if (isJoined[j] === 1) {
          if (budget > 0) {
            sawJoined = true;
            budget = this.walkJoined(raw, n, words, j, wordFrom[j] ?? 0, wordFrom[w] ?? 0, node, j - w, budget, hits);
          }
          break;
        }
        const token = tokens[j] ?? EMPTY;
        if (token === EMPTY) break;
        node = trie.child(node, token);
        if (node === EMPTY) break;
        if ((terminal[node] ?? 0) !== 0) this.emit(raw, n, node, wordFrom[w] ?? 0, wordTo[j] ?? 0, hits);
        j++;
      }
    }
    return sawJoined ? sortUnique(hits) : hits;
  }

  /**
   * Depth-first segmentation inside joined word `w` from char `p` with trie node `node` (the walk started at char
   * `startChar`, `depth` tokens ago). Returns the remaining budget.
   */
  private walkJoined(
    raw: string,
    n: NormalizedText,
    words: number,
    w: number,
    p: number,
    startChar: number,
    node: number,
    depth: number,
    budget: number,
    hits: PhraseHit[],
  ): number {
    if (depth >= this.maxDepth) return budget;
    const text = n.text;
    const vocab = this.vocab;
    const trie = this.trie;
    const end = scratchTo[w] ?? 0;
    const maxTo = Math.min(end, p + vocab.maxWordLength);
    let h = HASH_SEED;
    for (let q = p + 1; q <= maxTo; q++) {
      if (--budget <= 0) return 0;
      h = Math.imul(h ^ text.charCodeAt(q - 1), 0x01000193);
      const token = vocab.lookup(text, p, q, h);
      if (token === EMPTY) continue;
      const child = trie.child(node, token);
      if (child === EMPTY) continue;
      if ((trie.terminal[child] ?? 0) !== 0) this.emit(raw, n, child, startChar, q, hits);
      if (q < end) {
        budget = this.walkJoined(raw, n, words, w, q, startChar, child, depth + 1, budget, hits);
      } else {
        budget = this.walkAfterJoined(raw, n, words, w + 1, startChar, child, depth + 1, budget, hits);
      }
      if (budget <= 0) return 0;
    }
    return budget;
  }

  /** Continues a walk at word `w` (after a joined word). */
  private walkAfterJoined(
    raw: string,
    n: NormalizedText,
    words: number,
    w: number,
    startChar: number,
    node: number,
    depth: number,
    budget: number,
    hits: PhraseHit[],
  ): number {
    let current = node;
    for (let j = w; j < words && depth < this.maxDepth; j++, depth++) {
      if (--budget <= 0) return 0;
      if (scratchJoined[j] === 1) {
        return this.walkJoined(raw, n, words, j, scratchFrom[j] ?? 0, startChar, current, depth, budget, hits);
      }
      const token = scratchTokens[j] ?? EMPTY;
      if (token === EMPTY) return budget;
      current = this.trie.child(current, token);
      if (current === EMPTY) return budget;
      if ((this.trie.terminal[current] ?? 0) !== 0) this.emit(raw, n, current, startChar, scratchTo[j] ?? 0, hits);
    }
    return budget;
  }

  /** Reports every entry ending at `node` for the folded range [fromChar, toChar). */
  private emit(raw: string, n: NormalizedText, node: number, fromChar: number, toChar: number, hits: PhraseHit[]): void {
    const start = n.start[fromChar] ?? 0;
    const end = n.end[toChar - 1] ?? start;
    let e = (this.trie.terminal[node] ?? 0) - 1;
    let accentKey: string | undefined;
    while (e >= 0) {
      const key = this.accentKeys.size > 0 ? this.accentKeys.get(e) : undefined;
      if (key === undefined) {
        hits.push({ id: this.entryId[e] ?? 0, start, end });
      } else {
        accentKey ??= foldAccented(raw.slice(start, end));
        if (accentKey === key) hits.push({ id: this.entryId[e] ?? 0, start, end });
      }
      e = (this.entryNext[e] ?? 0) - 1;
    }
  }

  serialize(): SerializedPhraseMatcher {
    const trie = this.trie;
    const size = trie.token.length;
    // Topological order: sort nodes by depth (parents first).
    const depth = new Int32Array(size).fill(-1);
    const depthOf = (slot: number): number => {
      const stack: number[] = [];
      let s = slot;
      while (s !== trie.root && (depth[s] ?? -1) < 0) {
        stack.push(s);
        s = trie.parent[s] ?? trie.root;
      }
      let d = s === trie.root ? 0 : (depth[s] ?? 0);
      for (let k = stack.length - 1; k >= 0; k--) {
        d++;
        depth[stack[k] ?? 0] = d;
      }
      return depth[slot] ?? 0;
    };
    let maxDepth = 0;
    for (let s = 0; s < size; s++) if ((trie.token[s] ?? EMPTY) !== EMPTY) maxDepth = Math.max(maxDepth, depthOf(s));
    const countByDepth = new Int32Array(maxDepth + 2);
    for (let s = 0; s < size; s++) if ((trie.token[s] ?? EMPTY) !== EMPTY) countByDepth[(depth[s] ?? 0) + 1]!++;
    for (let d = 1; d < countByDepth.length; d++) countByDepth[d]! += countByDepth[d - 1] ?? 0;
    const order = new Int32Array(trie.nodeCount);
    const indexOfSlot = new Int32Array(size);
    for (let s = 0; s < size; s++) {
      if ((trie.token[s] ?? EMPTY) === EMPTY) continue;
      const d = depth[s] ?? 0;
      const index = countByDepth[d]!++;
      order[index] = s;
    }
    for (let i = 0; i < order.length; i++) indexOfSlot[order[i] ?? 0] = i;
    const parents = new Int32Array(order.length);
    const tokens = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const slot = order[i] ?? 0;
      const parent = trie.parent[slot] ?? trie.root;
      parents[i] = parent === trie.root ? -1 : (indexOfSlot[parent] ?? 0);
      tokens[i] = trie.token[slot] ?? 0;
    }
    const entries = new Int32Array(this.entryId.length * 2);
    for (let e = 0; e < this.entryId.length; e++) {
      entries[2 * e] = indexOfSlot[this.entryNode[e] ?? 0] ?? 0;
      entries[2 * e + 1] = this.entryId[e] ?? 0;
    }
    return {
      format: 1,
      vocab: this.vocab.text,
      parents: encodeInt32s(parents),
      tokens: encodeInt32s(tokens),
      entries: encodeInt32s(entries),
      accentKeys: [...this.accentKeys.entries()],
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

export function compilePhraseMatcher(entries: PhraseEntry[]): PhraseMatcher {
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const folded: number[][] = [];
  const kept: PhraseEntry[] = [];
  const keys: (string | undefined)[] = [];
  let edgeEstimate = 0;
  let maxDepth = 1;
  const seen = new Set<string>();
  for (const entry of entries) {
    const fold = foldPhrase(entry.phrase);
    if (fold.length === 0) continue;
    const key = entry.accentSensitive === true ? foldAccented(entry.phrase) : undefined;
    const dedupe = `${entry.id}\u0000${fold}\u0000${key ?? ''}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const tokenIds: number[] = [];
    for (const word of fold.split(' ')) {
      let id = wordIds.get(word);
      if (id === undefined) {
        id = words.length;
        words.push(word);
        wordIds.set(word, id);
      }
      tokenIds.push(id);
    }
    folded.push(tokenIds);
    kept.push(entry);
    keys.push(key);
    edgeEstimate += tokenIds.length;
    if (tokenIds.length > maxDepth) maxDepth = tokenIds.length;
  }
  const vocab = new Vocabulary(words);
  const trie = new TrieTable(Math.max(16, edgeEstimate));
  const entryNode = new Int32Array(kept.length);
  const entryId = new Int32Array(kept.length);
  const accentKeys = new Map<number, string>();
  for (let e = 0; e < kept.length; e++) {
    let node = trie.root;
    for (const token of folded[e] ?? []) node = trie.addChild(node, token);
    entryNode[e] = node;
    entryId[e] = kept[e]?.id ?? 0;
    const key = keys[e];
    if (key !== undefined) accentKeys.set(e, key);
  }
  return new TokenTrieMatcher(vocab, trie, entryNode, entryId, accentKeys, maxDepth);
}

export function loadPhraseMatcher(data: SerializedPhraseMatcher): PhraseMatcher {
  if (data.format !== 1) throw new Error(`unsupported phrase matcher format ${String(data.format)}`);
  const words = data.vocab.length === 0 ? [] : data.vocab.split(' ');
  const vocab = new Vocabulary(words);
  const parents = decodeInt32s(data.parents);
  const tokens = decodeInt32s(data.tokens);
  const entries = decodeInt32s(data.entries);
  if (parents.length !== tokens.length || entries.length % 2 !== 0) throw new Error('corrupt phrase matcher');
  const trie = new TrieTable(Math.max(16, parents.length));
  const slotOf = new Int32Array(parents.length);
  const depthOf = new Int32Array(parents.length);
  let maxDepth = 1;
  for (let i = 0; i < parents.length; i++) {
    const parent = parents[i] ?? -1;
    const token = tokens[i] ?? -1;
    if (parent >= i || token < 0 || token >= vocab.size) throw new Error('corrupt phrase matcher');
    slotOf[i] = trie.addChild(parent < 0 ? trie.root : (slotOf[parent] ?? 0), token);
    const depth = parent < 0 ? 1 : (depthOf[parent] ?? 0) + 1;
    depthOf[i] = depth;
    if (depth > maxDepth) maxDepth = depth;
  }
  const count = entries.length / 2;
  const entryNode = new Int32Array(count);
  const entryId = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const index = entries[2 * e] ?? -1;
    if (index < 0 || index >= parents.length) throw new Error('corrupt phrase matcher');
    entryNode[e] = slotOf[index] ?? 0;
    entryId[e] = entries[2 * e + 1] ?? 0;
  }
  return new TokenTrieMatcher(vocab, trie, entryNode, entryId, new Map(data.accentKeys), maxDepth);
}
