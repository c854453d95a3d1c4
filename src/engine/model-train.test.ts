import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.ts';
import { assignGroupFolds, assignStratifiedFolds, computeAuc, createRandom, selectFeatures, trainTextModel, type TrainingDoc } from './model-train.ts';
import { extractTextFeatures, loadTextModel, scoreTextFeatures } from './text-model.ts';

function doc(text: string, label: 0 | 1): TrainingDoc {
  return { label, features: extractTextFeatures(normalizeText(text).text, text) };
}

const DOCS: TrainingDoc[] = [
  doc('Nạp tiền làm nhiệm vụ nhận hoa hồng cao, chuyển khoản trước', 1),
  doc('Làm nhiệm vụ like video, nạp tiền để nhận thưởng gấp đôi', 1),
  doc('Chuyển khoản phí kích hoạt để nhận khoản vay, inbox zalo', 1),
  doc('Đóng phí hồ sơ trước để giải ngân khoản vay, liên hệ zalo', 1),
  doc('Nhận thưởng iPhone, chỉ cần đóng phí vận chuyển, chuyển khoản ngay', 1),
  doc('Hôm nay trời đẹp, cả nhà đi chơi công viên', 0),
  doc('Bán xe đạp cũ, ai cần thì qua xem trực tiếp', 0),
  doc('Công an cảnh báo thủ đoạn lừa đảo nạp tiền làm nhiệm vụ', 0),
  doc('Ngân hàng thông báo lịch nghỉ lễ, giao dịch vẫn bình thường', 0),
  doc('Chúc mừng sinh nhật bạn, chúc bạn nhiều sức khỏe', 0),
];
const OPTS = { maxFeatures: 50, minDocFrequency: 1, l2: 1e-4, iterations: 200 };

describe('trainTextModel', () => {
  it('is deterministic: the same documents give the same model, byte for byte', () => {
    const a = JSON.stringify(trainTextModel(DOCS, OPTS, 0.9));
    const b = JSON.stringify(trainTextModel([...DOCS], { ...OPTS }, 0.9));
    expect(a).toBe(b);
  });

  it('learns to separate the classes and keeps at most maxFeatures, rounded', () => {
    const source = trainTextModel(DOCS, OPTS, 0.9);
    expect(source.features.length).toBeLessThanOrEqual(50);
    expect(source.weights.every((w) => Math.round(w * 1000) / 1000 === w && w !== 0)).toBe(true);
    const model = loadTextModel(source);
    const probs = DOCS.map((d) => scoreTextFeatures(model, d.features).probability);
    expect(
      computeAuc(
        probs,
        DOCS.map((d) => d.label),
      ),
    ).toBe(1);
    // A held-out text in the same script reads as a scam, an everyday one does not.
    const scam = doc('Nạp tiền làm nhiệm vụ, chuyển khoản trước để nhận hoa hồng', 1);
    const calm = doc('Cả nhà đi chơi công viên hôm nay', 0);
    expect(scoreTextFeatures(model, scam.features).probability).toBeGreaterThan(scoreTextFeatures(model, calm.features).probability);
  });
});

describe('selectFeatures', () => {
  it('keeps features in at least minDocFrequency documents, most label-dependent first, ties by name', () => {
    const docs: TrainingDoc[] = [
      { label: 1, features: ['scam', 'both', 'once'] },
      { label: 1, features: ['scam', 'both'] },
      { label: 0, features: ['calm', 'both'] },
      { label: 0, features: ['calm', 'both'] },
    ];
    const picked = selectFeatures(docs, 10, 2);
    expect(picked).not.toContain('once');
    expect(picked.slice(0, 2)).toEqual(['calm', 'scam']);
    expect(picked).toContain('both');
    expect(selectFeatures(docs, 1, 2)).toEqual(['calm']);
  });
});

describe('assignGroupFolds', () => {
  it('holds each group out as one fold, numbered by first appearance', () => {
    const { folds, count } = assignGroupFolds(['tune9', 'tune9', 'dev', 'tune17', 'dev', 'tune9']);
    expect(count).toBe(3);
    expect(folds).toEqual([0, 0, 1, 2, 1, 0]);
    expect(assignGroupFolds([])).toEqual({ folds: [], count: 0 });
  });
});

describe('assignStratifiedFolds', () => {
  it('deals each class evenly over the folds, the same way for the same seed', () => {
    const labels: (0 | 1)[] = [...Array<0 | 1>(23).fill(1), ...Array<0 | 1>(17).fill(0)];
    const folds = assignStratifiedFolds(labels, 5, 42);
    expect(assignStratifiedFolds(labels, 5, 42)).toEqual(folds);
    expect(assignStratifiedFolds(labels, 5, 43)).not.toEqual(folds);
    for (let k = 0; k < 5; k++) {
      const pos = labels.filter((l, i) => l === 1 && folds[i] === k).length;
      const neg = labels.filter((l, i) => l === 0 && folds[i] === k).length;
      expect(pos === 4 || pos === 5).toBe(true);
      expect(neg === 3 || neg === 4).toBe(true);
    }
  });

  it('the seeded random numbers repeat and stay in [0, 1)', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('computeAuc', () => {
  it('is 1 for a perfect ranking, 0.5 for ties, 0 for a reversed one', () => {
    expect(computeAuc([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0])).toBe(1);
    expect(computeAuc([0.5, 0.5, 0.5, 0.5], [1, 1, 0, 0])).toBe(0.5);
    expect(computeAuc([0.1, 0.2, 0.9, 0.8], [1, 1, 0, 0])).toBe(0);
  });
});
