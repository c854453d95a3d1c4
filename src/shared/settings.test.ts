import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isProtectionPaused, withDefaults } from './settings';

describe('isProtectionPaused', () => {
  const now = 1_000_000;
  it.each([
    ['nothing paused', {}, false],
    ['site paused until turned back on', { sitePauses: { 'www.facebook.com': null } }, true],
    ['site paused for another hour', { sitePauses: { 'www.facebook.com': now + 3_600_000 } }, true],
    ['site pause expired', { sitePauses: { 'www.facebook.com': now - 1 } }, false],
    ['another site paused', { sitePauses: { 'example.com': null } }, false],
    ['global pause', { globalPause: { until: null } }, true],
    ['global pause expired', { globalPause: { until: now - 5 } }, false],
  ] as const)('%s', (_name, partial, expected) => {
    expect(isProtectionPaused(withDefaults(partial), 'www.facebook.com', now)).toBe(expected);
  });

  it('does not treat inherited object keys as paused sites', () => {
    expect(isProtectionPaused(DEFAULT_SETTINGS, 'constructor', now)).toBe(false);
  });
});
