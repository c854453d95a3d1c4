import { describe, expect, it } from 'vitest';
import { compileNumberIndex, findNumberCandidates, foldDigitLookalikes, normalizeNumber } from './numbers.ts';

describe('normalizeNumber', () => {
  it.each([
    ['0987 654 321', '0987654321'],
    ['+84 987 654 321', '0987654321'],
    ['(+84) 987-654-321', '0987654321'],
    ['84987654321', '84987654321'],
    ['1903 4567 8901', '190345678901'],
  ])('%s → %s', (value, digits) => {
    expect(normalizeNumber(value)).toBe(digits);
  });
});

describe('number patterns in text', () => {
  const index = compileNumberIndex([
    { pattern: 0, value: '0987654321' },
    { pattern: 1, value: '19034567890123' },
    { pattern: 2, value: '+84 912 345 678' },
  ]);

  it.each([
    ['gọi 0987654321 nhé', 0, '0987654321'],
    ['zalo 0987.654.321', 0, '0987.654.321'],
    ['sđt: 0987 654 321.', 0, '0987 654 321'],
    ['liên hệ +84 987 654 321', 0, '84 987 654 321'],
    ['liên hệ (+84)987-654-321', 0, '84)987-654-321'],
    ['ib o98 765 4321 gấp', 0, 'o98 765 4321'],
    ['zalo0987654321', 0, '0987654321'],
    ['STK 1903 4567 8901 23 Techcombank', 1, '1903 4567 8901 23'],
    ['hai số 0912345678 0987654321', 0, '0987654321'],
    ['số 0912 345 678 nhé', 2, '0912 345 678'],
    ['call 84912345678', 2, '84912345678'],
    // Digit look-alikes: full-width, mathematical (two code units each), circled, keycap emoji.
    ['zalo ０９８７ ６５４ ３２１ nhé', 0, '０９８７ ６５４ ３２１'],
    ['ib 𝟎𝟗𝟖𝟕𝟔𝟓𝟒𝟑𝟐𝟏', 0, '𝟎𝟗𝟖𝟕𝟔𝟓𝟒𝟑𝟐𝟏'],
    ['ib 𝟘𝟡𝟠𝟟.𝟞𝟝𝟜.𝟛𝟚𝟙 gấp', 0, '𝟘𝟡𝟠𝟟.𝟞𝟝𝟜.𝟛𝟚𝟙'],
    ['gọi ⓪⑨⑧⑦⑥⑤④③②① nha', 0, '⓪⑨⑧⑦⑥⑤④③②①'],
    ['zalo 0️⃣9️⃣8️⃣7️⃣6️⃣5️⃣4️⃣3️⃣2️⃣1️⃣ ạ', 0, '0️⃣9️⃣8️⃣7️⃣6️⃣5️⃣4️⃣3️⃣2️⃣1️⃣'],
    ['zalo 0⃣9⃣8⃣7⃣ 654 321', 0, '0⃣9⃣8⃣7⃣ 654 321'],
    ['gọi ０９８７．６５４－３２１', 0, '０９８７．６５４－３２１'],
    ['gọi ⓿❾➇➐ 654 321', 0, '⓿❾➇➐ 654 321'],
  ])('%s → pattern %i at %j', (text, pattern, match) => {
    const hits = index.find(text).filter((h) => h.pattern === pattern);
    expect(hits.length).toBeGreaterThan(0);
    const h = hits[0];
    expect(text.slice(h?.start ?? 0, h?.end ?? 0)).toBe(match);
  });

  it.each([
    ['gọi 0987654322 nhé'],
    ['số 098765432 thiếu số'],
    ['zalo 0987   654321 (three spaces split it)'],
    ['so 098 không phải'],
    ['giá 1.500.000đ, ngày 14.10.2022'],
  ])('no hit in %s', (text) => {
    expect(index.find(text)).toEqual([]);
  });

  it('folds digit look-alikes code unit for code unit (offsets unchanged), and leaves other text alone', () => {
    for (const text of ['０９８', '𝟎𝟗𝟖', '⓪①⑨', '0️⃣9️⃣', 'không có số', '😀 emoji ❤️ tim']) {
      expect(foldDigitLookalikes(text)).toHaveLength(text.length);
    }
    expect(foldDigitLookalikes('không có số ❤️')).toBe('không có số ❤️');
    expect(foldDigitLookalikes('０９８').replace(/\u2060/g, '')).toBe('098');
    expect(foldDigitLookalikes('𝟎𝟗𝟖').replace(/\u2060/g, '')).toBe('098');
    expect(foldDigitLookalikes('0️⃣9️⃣').replace(/\u2060/g, '')).toBe('09');
    expect(index.find('giá ❤️ 0987654321 ❤️')).toHaveLength(1);
  });

  it('does not read the o of a word as zero', () => {
    expect(findNumberCandidates('zalo 987654321').map((c) => c.digits)).not.toContain('0987654321');
    expect(findNumberCandidates('no987654321').map((c) => c.digits)).not.toContain('0987654321');
  });
});
