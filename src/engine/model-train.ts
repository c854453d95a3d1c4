/**
 * Training the text model (`text-model.ts`): feature selection by χ² with a minimum document frequency, L2 logistic
 * regression by full-batch Adam (no randomness: the same documents give the same model), seeded stratified k-fold
 * splits. Pure and deterministic; used by `src/cli/train-model.ts` (`npm run model:train`), never by the extension.
 */
import { TEXT_MODEL_FORMAT, type TextModelSource } from './text-model.ts';

export interface TrainingDoc {
  /** Distinct features of the text (`extractTextFeatures`). */
  features: readonly string[];
  /** 1 = scam, 0 = benign. */
  label: 0 | 1;
}

export interface TrainOptions {
  /** How many features to keep (highest χ²). */
  maxFeatures: number;
  /** A feature must occur in at least this many training documents. */
  minDocFrequency: number;
  /** L2 penalty on the weights (per document, the objective is the mean class-balanced log-loss + λ/2·‖w‖²). */
  l2: number;
  /** Adam steps (full batch). */
  iterations?: number;
  learningRate?: number;
  /** Weights are rounded to this many decimals (and zeros dropped) so the file stays small. */
  decimals?: number;
}

/** Seeded PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold number (0…k-1) of each document: each class shuffled with the seed and dealt round-robin. */
export function assignStratifiedFolds(labels: readonly (0 | 1)[], k: number, seed: number): number[] {
  const random = createRandom(seed);
  const folds = new Array<number>(labels.length).fill(0);
  for (const cls of [0, 1] as const) {
    const idx = labels.flatMap((l, i) => (l === cls ? [i] : []));
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = idx[i] as number;
      idx[i] = idx[j] as number;
      idx[j] = t;
    }
    idx.forEach((docIndex, n) => {
      folds[docIndex] = n % k;
    });
  }
  return folds;
}

/**
 * Fold number of each document when every group (a corpus set, written by one helper with one brief) is held out in
 * turn: leave-one-group-out. Groups are numbered in order of first appearance, so the same list gives the same folds.
 * A held-out set is new wording to a model trained on the others — what real posts are to the shipped model — where
 * stratified folds let each set's style reach the training folds.
 */
export function assignGroupFolds(groups: readonly string[]): { folds: number[]; count: number } {
  const index = new Map<string, number>();
  const folds = groups.map((g) => {
    let k = index.get(g);
    if (k === undefined) {
      k = index.size;
      index.set(g, k);
    }
    return k;
  });
  return { folds, count: index.size };
}

/** The `maxFeatures` features of highest χ² (label vs presence) among those in ≥ `minDocFrequency` documents. */
export function selectFeatures(docs: readonly TrainingDoc[], maxFeatures: number, minDocFrequency: number): string[] {
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  let nPos = 0;
  for (const d of docs) {
    if (d.label === 1) nPos++;
    const m = d.label === 1 ? pos : neg;
    for (const f of d.features) m.set(f, (m.get(f) ?? 0) + 1);
  }
  const n = docs.length;
  const nNeg = n - nPos;
  const scored: { f: string; chi: number }[] = [];
  for (const f of new Set([...pos.keys(), ...neg.keys()])) {
    const a = pos.get(f) ?? 0; // scam with f
    const b = neg.get(f) ?? 0; // benign with f
    if (a + b < minDocFrequency) continue;
    const c = nPos - a;
    const d = nNeg - b;
    const den = (a + b) * (c + d) * (a + c) * (b + d);
    const chi = den === 0 ? 0 : (n * (a * d - b * c) ** 2) / den;
    scored.push({ f, chi });
  }
  scored.sort((x, y) => y.chi - x.chi || (x.f < y.f ? -1 : x.f > y.f ? 1 : 0));
  return scored.slice(0, maxFeatures).map((s) => s.f);
}

function roundTo(x: number, decimals: number): number {
  const p = 10 ** decimals;
  const r = Math.round(x * p) / p;
  return Object.is(r, -0) ? 0 : r;
}

/** Trains a model on `docs` (threshold set to `threshold`, default 1: the caller picks it by cross-validation). */
export function trainTextModel(docs: readonly TrainingDoc[], opts: TrainOptions, threshold = 1): TextModelSource {
  const features = selectFeatures(docs, opts.maxFeatures, opts.minDocFrequency);
  const index = new Map(features.map((f, i) => [f, i]));
  const rows = docs.map((d) => Int32Array.from(d.features.flatMap((f) => (index.has(f) ? [index.get(f) as number] : []))));
  const n = docs.length;
  const nPos = docs.filter((d) => d.label === 1).length;
  // Class-balanced: each class weighs half of the loss.
  const wPos = nPos === 0 ? 0 : n / (2 * nPos);
  const wNeg = nPos === n ? 0 : n / (2 * (n - nPos));
  const dim = features.length;
  const w = new Float64Array(dim);
  let bias = 0;
  const m = new Float64Array(dim + 1);
  const v = new Float64Array(dim + 1);
  const grad = new Float64Array(dim + 1);
  const lr = opts.learningRate ?? 0.05;
  const iterations = opts.iterations ?? 400;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let step = 1; step <= iterations; step++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const row = rows[i] as Int32Array;
      const doc = docs[i] as TrainingDoc;
      // Unit-length rows, as scoreTextFeatures reads them: each feature weighs 1/√(distinct features of the text).
      const scale = 1 / Math.sqrt(Math.max(1, doc.features.length));
      let sum = 0;
      for (const j of row) sum += w[j] as number;
      const p = 1 / (1 + Math.exp(-(bias + scale * sum)));
      const g = ((p - doc.label) * (doc.label === 1 ? wPos : wNeg)) / n;
      for (const j of row) grad[j] = (grad[j] as number) + g * scale;
      grad[dim] = (grad[dim] as number) + g;
    }
    for (let j = 0; j < dim; j++) grad[j] = (grad[j] as number) + opts.l2 * (w[j] as number);
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    for (let j = 0; j <= dim; j++) {
      const g = grad[j] as number;
      const mj = beta1 * (m[j] as number) + (1 - beta1) * g;
      const vj = beta2 * (v[j] as number) + (1 - beta2) * g * g;
      m[j] = mj;
      v[j] = vj;
      const delta = (lr * (mj / c1)) / (Math.sqrt(vj / c2) + 1e-8);
      if (j === dim) bias -= delta;
      else w[j] = (w[j] as number) - delta;
    }
  }
  const decimals = opts.decimals ?? 3;
  const kept: string[] = [];
  const weights: number[] = [];
  features.forEach((f, j) => {
    const r = roundTo(w[j] as number, decimals);
    if (r !== 0) {
      kept.push(f);
      weights.push(r);
    }
  });
  return { format: TEXT_MODEL_FORMAT, kind: 'logistic-regression', features: kept, weights, bias: roundTo(bias, decimals), threshold };
}

/** Area under the ROC curve of `scores` for `labels` (ties count half). */
export function computeAuc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = scores.map((s, i) => ({ s, l: labels[i] ?? 0 })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let nPos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]?.s === order[i]?.s) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]?.l === 1) {
        rankSum += rank;
        nPos++;
      }
    }
    i = j;
  }
  const nNeg = order.length - nPos;
  return nPos === 0 || nNeg === 0 ? 0.5 : (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
