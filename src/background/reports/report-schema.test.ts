import { describe, expect, it } from 'vitest';
import type { ReportPayload } from '@/src/shared/messages';
import { parseReportPayload } from './report-schema';

const valid: ReportPayload = {
  schema: 'canh-giac.report/1',
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  createdAt: '2026-11-29T10:00:00.000Z',
  subject: 'post',
  url: 'https://www.facebook.com/groups/123/posts/456',
  title: 'Nhóm việc làm',
  family: 'job-task',
  indicators: [{ patternId: 'job-task.deposit', family: 'job-task', signal: 'payment', kind: 'phrase', match: 'nạp tiền' }],
  note: 'Họ đòi chuyển khoản trước',
  extensionVersion: '0.1.0',
  dbVersion: 4,
};

describe('parseReportPayload', () => {
  it('accepts a complete report and returns it unchanged', () => {
    expect(parseReportPayload(valid)).toEqual(valid);
    const { note: _note, ...minimal } = valid;
    expect(parseReportPayload({ ...minimal, family: null, indicators: [] })).toEqual({ ...minimal, family: null, indicators: [] });
  });

  it.each([
    ['another schema', { ...valid, schema: 'canh-giac.report/2' }, /schema/],
    ['an id that is not a UUID', { ...valid, id: 'abc' }, /id/],
    ['a javascript: URL', { ...valid, url: 'javascript:alert(1)' }, /url/],
    ['a chrome-extension: URL', { ...valid, url: 'chrome-extension://x/popup.html' }, /url/],
    ['an empty note (omit it instead)', { ...valid, note: '' }, /note/],
    ['a text over 5000 characters', { ...valid, text: 'a'.repeat(5001) }, /text/],
    ['an extra field (no identifiers beyond the preview)', { ...valid, userId: 'u1' }, /userId|unrecognized/i],
    ['an indicator with extra fields', { ...valid, indicators: [{ ...valid.indicators[0], message: 'x' }] }, /indicators/],
    ['a non-integer db version', { ...valid, dbVersion: 1.5 }, /dbVersion/],
  ])('rejects %s', (_name, value, message) => {
    expect(() => parseReportPayload(value)).toThrow(message);
  });
});
