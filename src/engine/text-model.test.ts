import { describe, expect, it } from 'vitest';
import bundledModel from './data/scam-model.json';
import { compileEngine } from './compile.ts';
import { MINI_DATABASE } from './mini-database.fixture.ts';
import { normalizeText } from './normalize.ts';
import { ENGINE_PARTS, EngineLoadError, hashString, loadEngine, serializeEngine } from './serialize.ts';
import { describeContributors, extractTextFeatures, loadTextModel, scoreText, TextModelError, type TextModelSource } from './text-model.ts';

function featuresOf(text: string): string[] {
  return extractTextFeatures(normalizeText(text).text, text);
}

const TOY: TextModelSource = {
  format: 1,
  kind: 'logistic-regression',
  features: ['nap tien', 'nhiem vu', 'thoi tiet'],
  weights: [2, 1.5, -3],
  bias: -1,
  threshold: 0.9,
};

describe('extractTextFeatures', () => {
  it('reads words, bigrams and number shapes of the normalized text', () => {
    const f = featuresOf('Nạp tiền 500k làm nhiệm vụ, lãi 30%, gọi 0936.xxx.812');
    expect(f).toEqual(expect.arrayContaining(['nap', 'tien', 'nap tien', 'nhiem vu', '#d nghin', '#amount', '#percent', '#phone']));
    // Numbers are read by shape, never by value; function words only inside bigrams.
    expect(f.some((x) => /\d/.test(x))).toBe(false);
    expect(f).not.toContain('#d');
    expect(f).not.toContain('lai');
    expect(f).toContain('vu lai');
  });

  it('folds evasions the way the normalizer does (dotted, no accents)', () => {
    expect(featuresOf('n.ạ.p t.i.ề.n')).toEqual(featuresOf('nap tien'));
    expect(featuresOf('hello world')).not.toContain('#phone');
    expect(featuresOf('')).toEqual([]);
  });
});

describe('loadTextModel', () => {
  it('scores by the weights of the present features (unit-length) and names the words that weighed most', () => {
    const model = loadTextModel(TOY);
    const text = 'Nạp tiền làm nhiệm vụ';
    const n = normalizeText(text);
    const s = scoreText(model, n, text);
    const count = extractTextFeatures(n.text, text).length;
    expect(s.probability).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 3.5 / Math.sqrt(count)))), 10);
    expect(s.contributors.map((c) => c.feature)).toEqual(['nap tien', 'nhiem vu']);
    expect(describeContributors(s, n, text)).toEqual(['Nạp tiền', 'nhiệm vụ']);
    const calm = 'Thời tiết hôm nay đẹp';
    // Only the negative feature is present: below the bias alone.
    expect(scoreText(model, normalizeText(calm), calm).probability).toBeLessThan(1 / (1 + Math.exp(1)));
  });

  it('does not name the parts of a web address ("com", "www", "https") as the words that weighed', () => {
    const model = loadTextModel({ ...TOY, features: ['com', 'www', 'nhan qua', 'https'], weights: [3, 3, 1, 3] });
    const text = 'Nhận quà tại https://www.qua-tang.com ngay';
    const n = normalizeText(text);
    expect(describeContributors(scoreText(model, n, text), n, text)).toEqual(['Nhận quà']);
  });

  it('rejects a corrupted model', () => {
    const bad: unknown[] = [
      null,
      [],
      { ...TOY, format: 2 },
      { ...TOY, kind: 'naive-bayes' },
      { ...TOY, weights: [1, 2] },
      { ...TOY, weights: [1, Number.NaN, 2] },
      { ...TOY, weights: [1, '2', 3] },
      { ...TOY, features: ['a', 'a', 'b'] },
      { ...TOY, features: ['a', '', 'b'] },
      { ...TOY, bias: Number.POSITIVE_INFINITY },
      { ...TOY, threshold: 0 },
      { ...TOY, threshold: 1.5 },
    ];
    for (const value of bad) expect(() => loadTextModel(value), JSON.stringify(value)).toThrow(TextModelError);
  });

  it('the bundled model loads, is small and records how it was trained', () => {
    const model = loadTextModel(bundledModel);
    expect(model.weights.size).toBeGreaterThan(500);
    // Up to 12,000 features since session 11 (~150–210 KB): the engine stores it as a part of its own, parsed in a step
    // of its own in the content script.
    expect(JSON.stringify(bundledModel).length).toBeLessThanOrEqual(256 * 1024);
    expect(model.source.threshold).toBeGreaterThanOrEqual(0.9);
    const training = bundledModel.training as { trainedOn: { files: string[] }; cv: { threshold: number } };
    expect(training.cv.threshold).toBe(model.source.threshold);
    // Only the blind sets retired into training (src/cli/training-files.ts); blind29 and later are held out.
    expect(training.trainedOn.files.some((f) => f.includes('blind'))).toBe(true);
    expect(training.trainedOn.files.filter((f) => /blind(?:29|[3-9]\d|\d{3,})\b/.test(f))).toEqual([]);
  });
});

describe('the model inside the compiled engine', () => {
  it('compiles with the bundled model by default, or another, or none', () => {
    expect(compileEngine(MINI_DATABASE).model?.source.features).toEqual(bundledModel.features);
    expect(compileEngine(MINI_DATABASE, { model: TOY }).model?.source.features).toEqual(TOY.features);
    expect(compileEngine(MINI_DATABASE, { model: null }).model).toBeNull();
    expect(() => compileEngine(MINI_DATABASE, { model: { ...TOY, weights: [] } })).toThrow(TextModelError);
  });

  it('serializes and loads with the engine (without its training description)', () => {
    const engine = compileEngine(MINI_DATABASE);
    const stored = JSON.parse(JSON.stringify(serializeEngine(engine))) as unknown;
    const loaded = loadEngine(stored);
    expect(loaded.model?.source.features).toEqual(engine.model?.source.features);
    expect(loaded.model?.source.weights).toEqual(engine.model?.source.weights);
    expect(loaded.model?.source.training).toBeUndefined();
    const text = 'Chuyển khoản trước phí kích hoạt 500k để nhận khoản hỗ trợ, ib zalo';
    const n = normalizeText(text);
    if (!engine.model || !loaded.model) throw new Error('no model');
    expect(scoreText(loaded.model, n, text).probability).toBe(scoreText(engine.model, n, text).probability);
    expect(loadEngine(serializeEngine(compileEngine(MINI_DATABASE, { model: null }))).model).toBeNull();
  });

  it('rejects a stored engine whose model is corrupted or missing, even with a valid checksum', () => {
    const stored = serializeEngine(compileEngine(MINI_DATABASE, { model: TOY }));
    // The model is one of the parts (format 10); resealed, only the shape check can reject it.
    const at = ENGINE_PARTS.findIndex((path) => path.join('.') === 'model');
    expect(at).toBeGreaterThanOrEqual(0);
    const reseal = (parts: string[]): unknown => ({ ...stored, parts, checksum: hashString([stored.data, ...parts]) });
    const withModel = (model: unknown): unknown => reseal(stored.parts.map((part, i) => (i === at ? JSON.stringify(model) : part)));
    expect(loadEngine(withModel(TOY)).model).not.toBeNull();
    expect(() => loadEngine(withModel({ ...TOY, weights: [1] }))).toThrow(EngineLoadError);
    expect(() => loadEngine(withModel({ ...TOY, format: 99 }))).toThrow(EngineLoadError);
    expect(() => loadEngine(reseal(stored.parts.filter((_part, i) => i !== at)))).toThrow(/missing parts/);
    // A flipped weight without resealing fails the checksum.
    const flipped = stored.parts.map((part, i) => (i === at ? part.replace('"weights":[2,', '"weights":[9,') : part));
    expect(flipped[at]).not.toBe(stored.parts[at]);
    expect(() => loadEngine({ ...stored, parts: flipped })).toThrow(/checksum/);
  });
});
