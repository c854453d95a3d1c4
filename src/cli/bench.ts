/**
 * `npm run bench`: the phrase matcher against a big RegExp alternation and Aho–Corasick, on a seeded synthetic
 * Vietnamese corpus (several MB of posts with planted phrases in every evasion form), at 1k, 10k and 50k phrases.
 *
 * - "ours" is end to end: raw post in, hits out (normalization included).
 * - The baselines get the posts pre-folded by our normalizer (not timed) and match whole words on the folded text:
 *   (a) one escaped RegExp `\b(?:p1|p2|…)\b`, (b) modern-ahocorasick with `boundary: 'ascii'` (the faster of its
 *   default and double-array backends).
 * - The scan floor reads every char code of every raw post once.
 * - MB = UTF-8 megabytes (10^6 bytes) of the raw posts, for every row.
 * Every method processes the corpus post by post (the engine's real use).
 */
import os from 'node:os';
import AhoCorasick from 'modern-ahocorasick';
import FastAhoCorasick from 'modern-ahocorasick/fast';
import { createRandom } from '../engine/model-train.ts';
import { foldPhrase, normalizeText } from '../engine/normalize.ts';
import { compilePhraseMatcher, loadPhraseMatcher, type PhraseEntry, type PhraseMatcher, type SerializedPhraseMatcher } from '../engine/phrase-matcher.ts';

// ---------------------------------------------------------------------------------------------------------------
// Seeded synthetic data.


const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const RIMES = [
  'a', 'ai', 'am', 'an', 'ang', 'anh', 'ao', 'au', 'ay', 'ăm', 'ăn', 'ăng', 'âm', 'ân', 'âu', 'ây', 'e', 'em', 'en', 'eo',
  'ê', 'ên', 'ênh', 'êu', 'i', 'ia', 'im', 'in', 'inh', 'iu', 'o', 'oa', 'oai', 'oan', 'oang', 'oi', 'om', 'on', 'ong',
  'ô', 'ôi', 'ôm', 'ôn', 'ông', 'ơ', 'ơi', 'ơn', 'u', 'ua', 'ui', 'um', 'un', 'ung', 'uy', 'uyên', 'ư', 'ưa', 'ưng',
  'ươi', 'ương', 'iêu', 'iên', 'iêm',
];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Puts the tone mark on the rime's main vowel (the marked vowel, else the first vowel; second of a final pair). */
function applyTone(rime: string, tone: string): string {
  const chars = [...rime];
  const vowels = chars.map((c, i) => (/[aăâeêioôơuưy]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const marked = chars.findIndex((c) => /[ăâêôơư]/.test(c));
  const at = marked >= 0 ? marked : vowels.length > 1 && vowels.length === chars.length ? (vowels[0] ?? 0) : (vowels[vowels.length > 1 ? 1 : 0] ?? 0);
  chars[at] = (chars[at] ?? '') + tone;
  return chars.join('').normalize('NFC');
}

function generateSyllables(random: () => number, count: number): string[] {
  const all = new Set<string>();
  for (const onset of ONSETS) for (const rime of RIMES) for (const tone of TONES) all.add(onset + applyTone(rime, tone));
  const list = [...all];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j] ?? '', list[i] ?? ''];
  }
  // Drop syllables that fold to a teencode key or a single letter, so phrases keep their syllable count.
  return list.filter((s) => foldPhrase(s).split(' ').length === 1 && foldPhrase(s).length > 1).slice(0, count);
}

/** Zipf-like pick: low indexes are much more frequent. */
function pickZipf<T>(random: () => number, list: T[]): T {
  const index = Math.floor(list.length * Math.pow(random(), 2.2));
  return list[Math.min(index, list.length - 1)] as T;
}

function generatePhrases(random: () => number, syllables: string[], count: number): string[] {
  const seen = new Set<string>();
  const phrases: string[] = [];
  while (phrases.length < count) {
    const length = 2 + Math.floor(random() * 3);
    const words: string[] = [];
    for (let k = 0; k < length; k++) words.push(pickZipf(random, syllables));
    const phrase = words.join(' ');
    const fold = foldPhrase(phrase);
    if (seen.has(fold)) continue;
    seen.add(fold);
    phrases.push(phrase);
  }
  return phrases;
}

const BOLD_A = 0x1d41a;
const CYRILLIC: Record<string, string> = { a: 'а', o: 'о', e: 'е', c: 'с', p: 'р', x: 'х' };
const EVASIONS: ((phrase: string) => string)[] = [
  (p) => p,
  (p) => p.toUpperCase(),
  (p) => p.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'),
  (p) => p.normalize('NFD'),
  (p) => p.split(' ').map((w) => [...w].join('.')).join(' '),
  (p) => p.split(' ').map((w) => [...w].join('-')).join(' '),
  (p) => [...p.replace(/ /g, '')].join(' '),
  (p) => p.split(' ').map((w) => [...w].join(' 🔥 ')).join(' '),
  (p) => p.split(' ').map((w) => [...w].join('\u200B')).join(' '),
  (p) => [...p.normalize('NFD')].map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(BOLD_A + c.charCodeAt(0) - 97) : c)).join(''),
  (p) => [...p.normalize('NFD')].map((c) => CYRILLIC[c] ?? c).join('').normalize('NFC'),
  (p) => p.replace(/([a-z])o([a-z])/g, '$10$2'),
];
const FILLERS = ['500k', '5tr', '0987654321', 'ib', 'ck', 'stk', 'zalo', 'https://bit.ly/abc', '😍', '🔥🔥', '!!!', '...'];
const PUNCT = [' ', ' ', ' ', ' ', ' ', ', ', '. ', '! ', '? ', '\n', ' - ', ' … '];

function generatePost(random: () => number, syllables: string[], planted: string[], targetLength: number): string {
  let post = '';
  let sentenceStart = true;
  while (post.length < targetLength) {
    const roll = random();
    let word: string;
    if (roll < 0.015 && planted.length > 0) {
      word = (EVASIONS[Math.floor(random() * EVASIONS.length)] ?? ((p: string) => p))(pickZipf(random, planted));
    } else if (roll < 0.03) {
      word = FILLERS[Math.floor(random() * FILLERS.length)] ?? '';
    } else {
      word = pickZipf(random, syllables);
    }
    if (sentenceStart) word = word.charAt(0).toUpperCase() + word.slice(1);
    const punct = PUNCT[Math.floor(random() * PUNCT.length)] ?? ' ';
    sentenceStart = punct.includes('.') || punct.includes('!') || punct.includes('?');
    post += word + punct;
  }
  return post;
}

function generateCorpus(random: () => number, syllables: string[], planted: string[], totalChars: number): string[] {
  const posts: string[] = [];
  let total = 0;
  while (total < totalChars) {
    const post = generatePost(random, syllables, planted, 100 + Math.floor(random() * 1500));
    posts.push(post);
    total += post.length;
  }
  return posts;
}

// ---------------------------------------------------------------------------------------------------------------
// Timing helpers.

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * CPU time (user + system, ms) of this process since `since` — the machine this runs on is shared, and wall time
 * mostly measures the other jobs. All rows use the same clock.
 */
function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Best CPU time (ms) of `runs` runs of fn (after one warm-up run). */
function timeBest(runs: number, fn: () => unknown): number {
  fn();
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = cpuNow();
    fn();
    best = Math.min(best, cpuNow() - t0);
  }
  return best;
}

/** Median CPU time (ms) of fn over `runs` runs. */
function timeMedian(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = cpuNow();
    fn();
    times.push(cpuNow() - t0);
  }
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

function measureMemory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

let sink = 0;

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------------

interface Row {
  phrases: number;
  oursMBs: number;
  regexMBs: number;
  regexNote: string;
  acMBs: number;
  acBackend: string;
  floorMBs: number;
  compileMs: number;
  serializeMs: number;
  serializedKB: number;
  loadMs: number;
  parseLoadMs: number;
  retainedMiB: number;
  hits: number;
}

function formatRate(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function run(): void {
  const random = createRandom(20240611);
  const syllables = generateSyllables(random, 1800);
  const allPhrases = generatePhrases(random, syllables, 50_000);
  const planted = allPhrases.slice(0, 800);
  const posts = generateCorpus(random, syllables, planted, 3_000_000);
  const corpusBytes = posts.reduce((sum, post) => sum + utf8Bytes(post), 0);
  const corpusChars = posts.reduce((sum, post) => sum + post.length, 0);
  const MB = corpusBytes / 1e6;
  const folded = posts.map((post) => normalizeText(post).text);
  const shortPosts: string[] = [];
  while (shortPosts.length < 500) shortPosts.push(generatePost(random, syllables, planted, 260 + Math.floor(random() * 80)));
  const shortChars = shortPosts.reduce((sum, post) => sum + post.length, 0);

  console.log(`Corpus: ${posts.length} posts, ${corpusChars.toLocaleString('en')} UTF-16 chars, ${MB.toFixed(2)} MB UTF-8 (seeded, ${planted.length} phrases planted in ${EVASIONS.length} evasion forms).`);
  console.log(`Node ${process.version}, ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'gc exposed' : 'NO gc (memory figures unreliable)'}; times are this process's CPU time (the machine is shared; load average ${os.loadavg()[0]?.toFixed(1)}).`);

  const floorMs = timeBest(5, () => {
    let s = 0;
    for (const post of posts) for (let i = 0; i < post.length; i++) s += post.charCodeAt(i);
    sink += s;
  });
  const floorMBs = MB / (floorMs / 1000);

  const rows: Row[] = [];
  let rescanMs = NaN;
  for (const size of [1_000, 10_000, 50_000]) {
    const phrases = allPhrases.slice(0, size);
    const entries: PhraseEntry[] = phrases.map((phrase, id) => ({ id, phrase }));

    // Compile (median of 3), memory.
    collectGarbage();
    const before = measureMemory();
    const compileTimes: number[] = [];
    let matcher: PhraseMatcher = compilePhraseMatcher([]);
    for (let r = 0; r < 3; r++) {
      const t0 = cpuNow();
      matcher = compilePhraseMatcher(entries);
      compileTimes.push(cpuNow() - t0);
    }
    collectGarbage();
    const retainedMiB = (measureMemory() - before) / 1024 / 1024;

    // Serialize / load.
    let json = '';
    const serializeMs = timeMedian(3, () => {
      json = JSON.stringify(matcher.serialize());
    });
    const parsed = JSON.parse(json) as SerializedPhraseMatcher;
    const loadMs = timeMedian(5, () => {
      sink += loadPhraseMatcher(parsed).size;
    });
    const parseLoadMs = timeMedian(3, () => {
      sink += loadPhraseMatcher(JSON.parse(json) as SerializedPhraseMatcher).size;
    });
    const loaded = loadPhraseMatcher(parsed);

    // Ours, end to end.
    let hits = 0;
    const oursMs = timeBest(3, () => {
      hits = 0;
      for (const post of posts) hits += matcher.find(post).length;
    });
    let loadedHits = 0;
    for (const post of posts) loadedHits += loaded.find(post).length;
    if (loadedHits !== hits) throw new Error(`loaded matcher disagrees: ${loadedHits} vs ${hits}`);

    // (a) big RegExp over pre-folded text (on a slice when slow).
    const alternation = [...phrases.map((p) => foldPhrase(p))].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    const big = new RegExp(`\\b(?:${alternation})\\b`, 'g');
    const probeCount = Math.max(1, Math.floor(folded.length / 50));
    const probeStart = cpuNow();
    for (let i = 0; i < probeCount; i++) sink += (folded[i] ?? '').match(big)?.length ?? 0;
    const probeMs = cpuNow() - probeStart;
    const estimatedFull = (probeMs * folded.length) / probeCount;
    const regexPosts = estimatedFull > 10_000 ? folded.slice(0, Math.max(probeCount, Math.floor((folded.length * 10_000) / estimatedFull))) : folded;
    const regexBytes = regexPosts.reduce((sum, _p, i) => sum + utf8Bytes(posts[i] ?? ''), 0);
    const regexMs = timeBest(regexPosts === folded ? 2 : 1, () => {
      for (const text of regexPosts) sink += text.match(big)?.length ?? 0;
    });
    const regexMBs = regexBytes / 1e6 / (regexMs / 1000);
    const regexNote = regexPosts === folded ? '' : `on ${((100 * regexBytes) / corpusBytes).toFixed(1)}% of the corpus, scaled`;

    // (b) Aho–Corasick over pre-folded text.
    const foldedPhrases = phrases.map((p) => foldPhrase(p));
    let acMBs = 0;
    let acBackend = '';
    for (const [name, Ctor] of [
      ['compact', AhoCorasick],
      ['double-array', FastAhoCorasick],
    ] as const) {
      const ac = new Ctor(foldedPhrases, { boundary: 'ascii' });
      const acMs = timeBest(1, () => {
        for (const text of folded) sink += ac.search(text).length;
      });
      const rate = MB / (acMs / 1000);
      if (rate > acMBs) {
        acMBs = rate;
        acBackend = name;
      }
    }

    rows.push({
      phrases: size,
      oursMBs: MB / (oursMs / 1000),
      regexMBs,
      regexNote,
      acMBs,
      acBackend,
      floorMBs,
      compileMs: median(compileTimes),
      serializeMs,
      serializedKB: json.length / 1024,
      loadMs,
      parseLoadMs,
      retainedMiB,
      hits,
    });

    if (size === 50_000) {
      rescanMs = timeMedian(7, () => {
        for (const post of shortPosts) sink += matcher.find(post).length;
      });
    }
  }

  console.log('');
  console.log('| phrases | ours MB/s (e2e) | big RegExp MB/s | Aho–Corasick MB/s | scan floor MB/s | ours/RegExp | ours/AC | floor/ours | compile ms | serialize ms (KB) | load ms (parse+load) | retained MiB | hits |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.phrases.toLocaleString('en')} | ${formatRate(r.oursMBs)} | ${formatRate(r.regexMBs)}${r.regexNote ? ` (${r.regexNote})` : ''} | ${formatRate(r.acMBs)} (${r.acBackend}) | ${formatRate(r.floorMBs)} | ${(r.oursMBs / r.regexMBs).toFixed(1)}× | ${(r.oursMBs / r.acMBs).toFixed(2)}× | ${(r.floorMBs / r.oursMBs).toFixed(1)}× | ${r.compileMs.toFixed(1)} | ${r.serializeMs.toFixed(1)} (${r.serializedKB.toFixed(0)}) | ${r.loadMs.toFixed(2)} (${r.parseLoadMs.toFixed(2)}) | ${r.retainedMiB.toFixed(2)} | ${r.hits.toLocaleString('en')} |`,
    );
  }
  console.log('');
  console.log(`Rescan of 500 posts (${shortChars.toLocaleString('en')} chars, ~${Math.round(shortChars / 500)} each) at 50k phrases: ${rescanMs.toFixed(2)} ms (median of 7).`);

  const r10 = rows.find((r) => r.phrases === 10_000);
  const r50 = rows.find((r) => r.phrases === 50_000);
  if (!r10 || !r50) return;
  const targets: [string, boolean, string][] = [
    ['10k phrases: ≥ 10× the big RegExp', r10.oursMBs / r10.regexMBs >= 10, `${(r10.oursMBs / r10.regexMBs).toFixed(1)}×`],
    ['10k phrases: ≥ 1.5× Aho–Corasick', r10.oursMBs / r10.acMBs >= 1.5, `${(r10.oursMBs / r10.acMBs).toFixed(2)}×`],
    ['50k phrases: within 35× of the scan floor', r50.floorMBs / r50.oursMBs <= 35, `${(r50.floorMBs / r50.oursMBs).toFixed(1)}×`],
    ['50k phrases: compile ≤ 100 ms OR load ≤ 5 ms', r50.compileMs <= 100 || r50.loadMs <= 5, `compile ${r50.compileMs.toFixed(1)} ms, load ${r50.loadMs.toFixed(2)} ms`],
    ['50k phrases: ≤ 6 MiB retained', r50.retainedMiB <= 6, `${r50.retainedMiB.toFixed(2)} MiB`],
    ['50k phrases: rescan 500 posts ≤ 20 ms', rescanMs <= 20, `${rescanMs.toFixed(2)} ms`],
  ];
  console.log('');
  for (const [name, ok, value] of targets) console.log(`${ok ? 'PASS' : 'MISS'}  ${name}: ${value}`);
  if (sink === 0.5) console.log('');
}

run();
