import { describe, expect, it } from 'vitest';
import type { FamilySource, Indicator, Verdict } from '@/src/engine/types';
import { describeVerdict } from './describe-verdict';

const family: FamilySource = {
  id: 'loan-app',
  name: { vi: 'Vay tiền qua ứng dụng', en: 'Loan apps' },
  description: { vi: 'Mô tả', en: 'Description' },
  advice: { vi: 'Lời khuyên', en: 'Advice' },
} as FamilySource;

function indicator(partial: Partial<Indicator>): Indicator {
  return {
    patternId: 'p',
    family: 'loan-app',
    signal: 'payment',
    weight: 30,
    kind: 'phrase',
    match: 'đóng phí',
    message: { vi: 'Đòi phí trước', en: 'Asks for a fee first' },
    ...partial,
  } as Indicator;
}

describe('describeVerdict', () => {
  it('shows the text model as a reason naming its words, never as a quoted sign', () => {
    const verdict = {
      verdict: 'suspicious',
      score: 80,
      categories: ['loan-app'],
      warningContext: false,
      allowlisted: [],
      indicators: [
        indicator({ start: 0, end: 8 }),
        indicator({
          patternId: 'model:scam-script',
          signal: 'hallmark',
          kind: 'model',
          weight: 50,
          match: 'giải ngân, phí, zalo',
          message: { vi: 'Cách viết giống các bài lừa đảo đã biết', en: 'Written like known scam posts' },
        }),
      ],
    } as unknown as Verdict & { verdict: 'suspicious' };
    const view = describeVerdict(verdict, { 'loan-app': family }, 'en');
    expect(view.signs).toEqual(['đóng phí']);
    expect(view.reasons).toEqual(['Asks for a fee first', 'Written like known scam posts (giải ngân, phí, zalo)']);
  });
});
