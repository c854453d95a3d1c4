import { describe, expect, it } from 'vitest';
import type { FlaggedItem, TabFindings } from '@/src/shared/messages';
import { composeReport, describeDraftReport, describePageReport, formatEvidence } from './compose-report';

const item = (over: Partial<FlaggedItem>): FlaggedItem => ({
  key: 'k',
  kind: 'post',
  verdict: 'scam',
  score: 120,
  categories: ['job-task', 'generic'],
  indicators: [
    { patternId: 'job-task.deposit', family: 'job-task', signal: 'payment', kind: 'phrase', match: 'nạp tiền', message: { vi: 'v', en: 'e' } },
    { patternId: 'generic.zalo', family: 'generic', signal: 'channel', kind: 'phrase', match: 'ib zalo', message: { vi: 'v', en: 'e' } },
  ],
  excerpt: 'Việc nhẹ lương cao, nạp tiền làm nhiệm vụ, ib zalo',
  ...over,
});

const findings: TabFindings = {
  url: 'https://scam.example/',
  title: 'Scam',
  verdict: 'scam',
  paused: false,
  items: [item({ score: 60, categories: ['charity'] }), item({ key: 'k2' })],
};
const meta = { id: '00000000-0000-4000-8000-000000000001', createdAt: '2026-11-29T10:00:00.000Z', extensionVersion: '0.1.0', dbVersion: 3 };

describe('composeReport', () => {
  it('preselects the strongest family (not generic) and dedupes indicators', () => {
    const basis = describePageReport('https://scam.example/', 'Scam', findings);
    expect(basis.categories).toEqual(['job-task', 'charity']);
    expect(basis.indicators.map((i) => i.patternId)).toEqual(['job-task.deposit', 'generic.zalo']);
    expect(basis.text).toBe('');
  });

  it('sends no text and no note unless the person adds them', () => {
    const basis = describeDraftReport({ id: 'd', createdAt: 0, subject: 'post', url: 'https://www.facebook.com/groups/1', title: 'FB', item: item({}) });
    const plain = composeReport(basis, { family: 'job-task', note: '  ', includeText: false }, meta);
    expect(plain).not.toHaveProperty('text');
    expect(plain).not.toHaveProperty('note');
    expect(plain).toMatchObject({ schema: 'canh-giac.report/1', subject: 'post', family: 'job-task', dbVersion: 3 });
    const full = composeReport(basis, { family: null, note: 'Họ đòi chuyển 500k', includeText: true }, meta);
    expect(full.text).toBe(item({}).excerpt);
    expect(full.note).toBe('Họ đòi chuyển 500k');
    expect(full.family).toBeNull();
  });

  it('takes the selection as the text of a context-menu report', () => {
    const basis = describeDraftReport({ id: 'd', createdAt: 0, subject: 'selection', url: 'https://a.example/', title: 'A', item: null, selection: 'chuyển khoản trước' });
    expect(composeReport(basis, { family: null, note: '', includeText: true }, meta).text).toBe('chuyển khoản trước');
  });

  it('formats evidence with the family name in the chosen language', () => {
    const report = composeReport(describePageReport('https://scam.example/', 'Scam', findings), { family: 'job-task', note: '', includeText: false }, meta);
    const labels = { url: 'URL', title: 'Title', family: 'Type', indicators: 'Signs', note: 'Note', text: 'Text', seenAt: 'Seen' };
    const text = formatEvidence(report, [{ id: 'job-task', name: { vi: 'Việc làm nhiệm vụ', en: 'Task job scam' }, description: { vi: '', en: '' } }], 'en', labels);
    expect(text).toContain('URL: https://scam.example/');
    expect(text).toContain('Type: Task job scam');
    expect(text).toContain('- "nạp tiền" (payment, job-task)');
  });
});
