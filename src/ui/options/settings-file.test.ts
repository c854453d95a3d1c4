import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/src/shared/settings';
import { isAcceptableEndpoint, parseSettingsFile, serializeSettingsFile } from './settings-file';

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  globalPause: { until: null },
  sitePauses: { 'example.com': null, 'shop.example.vn': 1_800_000_000_000 },
  warnOn: 'scam',
  disabledFamilies: ['charity'],
  reportUrl: 'https://reports.example.org/v1/reports',
  language: 'en',
  trustedSites: ['example.org'],
};

describe('settings file', () => {
  it('round-trips an export', () => {
    expect(parseSettingsFile(serializeSettingsFile(custom, new Date(0)))).toEqual(custom);
  });
  it('fills in defaults for missing fields', () => {
    const parsed = parseSettingsFile(JSON.stringify({ format: 'canh-giac.settings/1', settings: { warnOn: 'scam' } }));
    expect(parsed).toEqual({ ...DEFAULT_SETTINGS, warnOn: 'scam' });
  });
  it.each([
    ['not JSON', '{', /not a JSON file/],
    ['another format', JSON.stringify({ format: 'other/1', settings: {} }), /format/],
    ['a bad verdict level', JSON.stringify({ format: 'canh-giac.settings/1', settings: { warnOn: 'all' } }), /warnOn/],
    ['an unknown field', JSON.stringify({ format: 'canh-giac.settings/1', settings: { evil: 1 } }), /settings/],
    [
      'a plain-http remote endpoint',
      JSON.stringify({ format: 'canh-giac.settings/1', settings: { reportUrl: 'http://reports.example.org/' } }),
      /reportUrl/,
    ],
    [
      'a host with a path in sitePauses',
      JSON.stringify({ format: 'canh-giac.settings/1', settings: { sitePauses: { 'a.com/x': null } } }),
      /sitePauses/,
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseSettingsFile(text)).toThrow(message);
  });
});

describe('isAcceptableEndpoint', () => {
  it.each([
    ['https://reports.example.org/v1', true],
    ['http://127.0.0.1:4000/reports', true],
    ['http://localhost/reports', true],
    ['http://reports.example.org/', false],
    ['https://user:pw@reports.example.org/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isAcceptableEndpoint(url)).toBe(ok);
  });
});
