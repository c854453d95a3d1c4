import { describe, expect, it } from 'vitest';
import { isSyllable, segmentSyllables } from './segment-syllables.ts';

describe('isSyllable', () => {
  it.each(['nap', 'tien', 'nghieng', 'khuyen', 'quy', 'gia', 'a', 'oai', 'chuyen'])('%s is a syllable', (s) => {
    expect(isSyllable(s)).toBe(true);
  });
  it.each(['tie', 'hello', 'str', 'napt', 'x', 'bcd'])('%s is not', (s) => {
    expect(isSyllable(s)).toBe(false);
  });
});

describe('segmentSyllables', () => {
  it.each([
    ['naptienlamnhiemvu', 'nap tien lam nhiem vu'],
    ['chuyenkhoantruoc', 'chuyen khoan truoc'],
    ['vaotaikhoanantoan', 'vao tai khoan an toan'],
    ['hoanthanhnhiemvunhanhoahong', 'hoan thanh nhiem vu nhan hoa hong'],
    ['chuyengiadanlenh', 'chuyen gia dan lenh'],
    ['tienao', 'tien ao'],
  ])('%s → %s', (word, expected) => {
    expect(segmentSyllables(word)?.join(' ')).toBe(expected);
  });

  it('groups letters that fit no syllable into one piece, and returns null when nothing is a syllable', () => {
    expect(segmentSyllables('lamctvdatdon')?.join(' ')).toBe('lam ctv dat don');
    expect(segmentSyllables('bcd')).toBeNull();
    expect(segmentSyllables('abc123')).toBeNull();
    expect(segmentSyllables('')).toBeNull();
  });
});
