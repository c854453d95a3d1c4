import { describe, expect, it } from 'vitest';
import type { Indicator, Verdict } from '@/src/engine/types';
import { addDismissed } from './dismissed-items';
import { describeVerdict } from './describe-verdict';
import { mergeFormFinding, selectShownVerdict } from './shown-verdict';

const indicator = (family: string, match: string, extra: Partial<Indicator> = {}): Indicator => ({
  patternId: `${family}-${match}`, family, signal: 'hallmark', weight: 60, kind: 'phrase', match, message: { vi: `vi ${match}`, en: `en ${match}` }, ...extra,
});
const verdict = (level: Verdict['verdict'], indicators: Indicator[]): Verdict => ({
  verdict: level, score: 100, categories: [...new Set(indicators.map((i) => i.family))], indicators, warningContext: false, allowlisted: [],
});
const prefs = { warnOn: 'suspicious' as const, disabledFamilies: [] as string[] };

describe('selectShownVerdict', () => {
  it.each([
    ['clean', 'suspicious', null],
    ['suspicious', 'suspicious', 'suspicious'],
    ['suspicious', 'scam', null],
    ['scam', 'scam', 'scam'],
  ] as const)('%s with warnOn=%s shows %s', (level, warnOn, shown) => {
    expect(selectShownVerdict(verdict(level, [indicator('job-task', 'x')]), { ...prefs, warnOn })?.verdict ?? null).toBe(shown);
  });

  it('hides an item whose families are all turned off, and drops their indicators otherwise', () => {
    const v = verdict('scam', [indicator('job-task', 'a'), indicator('generic', 'zalo'), indicator('loan-app', 'vay')]);
    expect(selectShownVerdict(v, { ...prefs, disabledFamilies: ['job-task', 'loan-app'] })).toBeNull();
    const shown = selectShownVerdict(v, { ...prefs, disabledFamilies: ['loan-app'] });
    expect(shown?.indicators.map((i) => i.match)).toEqual(['a', 'zalo']);
  });
});

describe('selectShownVerdict: weightless ask hints', () => {
  const hint = indicator('generic', 'quét mã QR', { patternId: 'ask-hint-quet-ma-qr', weight: 0, signal: 'payment', kind: 'regex' });
  const lift = indicator('generic', 'quét, mã qr', { patternId: 'model:scam-script', weight: 50, kind: 'model' });

  it('explain a verdict the text model lifted (the ask they read opened the lift)', () => {
    const shown = selectShownVerdict(verdict('suspicious', [hint, lift]), prefs);
    expect(shown?.indicators.map((i) => i.patternId)).toEqual(['ask-hint-quet-ma-qr', 'model:scam-script']);
  });

  it('are left out of a verdict the rules made (they took no part in it)', () => {
    const shown = selectShownVerdict(verdict('scam', [indicator('job-task', 'a'), hint, indicator('generic', 'zalo')]), prefs);
    expect(shown?.indicators.map((i) => i.match)).toEqual(['a', 'zalo']);
  });
});

describe('selectShownVerdict: the demotion indicator', () => {
  // A page whose words the text model lowered to clean ("written like an ordinary post"), raised again by a secret
  // form on a site the brand does not own: the demotion explains a clean verdict, never a warning.
  const demoted = indicator('warning', '', { patternId: 'model:ordinary-post', family: 'warning', signal: 'warning', weight: 0, kind: 'model' });
  const form = indicator('bank-phishing', 'fake.example', { kind: 'lookalike', weight: 80, signal: 'credential' });

  it('is left out of a warning a form finding raised', () => {
    const page = { ...verdict('clean', [indicator('bank-phishing', 'xác minh tài khoản'), demoted]), score: 49 };
    const finding = { indicator: form, brand: 'vcb', fields: ['otp' as const], level: 'scam' as const };
    const shown = selectShownVerdict(mergeFormFinding(page, finding), prefs);
    expect(shown?.verdict).toBe('scam');
    expect(shown?.indicators.map((i) => i.patternId)).toEqual(['bank-phishing-fake.example', 'bank-phishing-xác minh tài khoản']);
  });
});

describe('mergeFormFinding', () => {
  it('raises the page verdict and puts the form indicator first', () => {
    const form = indicator('bank-phishing', 'fake.example', { kind: 'lookalike', weight: 80, signal: 'credential' });
    const merged = mergeFormFinding(verdict('clean', []), { indicator: form, brand: 'VCB', fields: ['otp'], level: 'scam' });
    expect(merged.verdict).toBe('scam');
    expect(merged.categories[0]).toBe('bank-phishing');
    expect(merged.indicators[0]).toBe(form);
  });
});

describe('describeVerdict', () => {
  it('names the strongest non-generic family, dedupes signs and marks dangerous hosts', () => {
    const v = verdict('scam', [
      indicator('generic', 'Zalo'),
      indicator('bank-phishing', 'vcb-xacminh.com', { kind: 'lookalike', weight: 85 }),
      indicator('generic', 'zalo'),
      indicator('warning', 'cảnh báo', { signal: 'warning' }),
    ]);
    const family = { id: 'bank-phishing', name: { vi: 'Giả ngân hàng', en: 'Fake bank' }, description: { vi: 'd', en: 'd' }, advice: { vi: 'a', en: 'a' } };
    const view = describeVerdict(v as Verdict & { verdict: 'scam' }, { 'bank-phishing': family }, 'en');
    expect(view.familyName).toBe('Fake bank');
    expect(view.signs).toEqual(['Zalo', 'vcb-xacminh.com']);
    expect(view.dangerousHost).toBe('vcb-xacminh.com');
    expect(view.reasons).toEqual(['en Zalo', 'en vcb-xacminh.com', 'en zalo']);
  });
});

describe('describeVerdict (long matches, links, description)', () => {
  it('shortens long matches, drops links on a host already named, and does not repeat the description', () => {
    const family = { id: 'bank-phishing', name: { vi: 'G', en: 'F' }, description: { vi: 'mô tả', en: 'desc' }, advice: { vi: 'a', en: 'a' } };
    const v = verdict('scam', [
      indicator('bank-phishing', 'vcb-xacminh.com', { kind: 'lookalike', weight: 85 }),
      indicator('bank-phishing', 'http://vcb-xacminh.com/login', { kind: 'url', weight: 85 }),
      indicator('bank-phishing', 'x'.repeat(100), { message: { vi: 'mô tả', en: 'desc' } }),
    ]);
    const view = describeVerdict(v as Verdict & { verdict: 'scam' }, { 'bank-phishing': family }, 'vi');
    expect(view.signs).toHaveLength(2);
    expect(view.signs[1]!.length).toBeLessThanOrEqual(60);
    expect(view.signs[1]!.endsWith('…')).toBe(true);
    expect(view.reasons).not.toContain('mô tả');
  });
});

describe('addDismissed', () => {
  it('keeps the newest entries up to the cap', () => {
    let list = {};
    for (let i = 0; i < 5; i++) list = addDismissed(list, `k${i}`, i, 3);
    expect(Object.keys(list).sort()).toEqual(['k2', 'k3', 'k4']);
  });
});
