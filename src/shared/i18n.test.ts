import { describe, expect, it } from 'vitest';
import vi from '@/public/_locales/vi/messages.json';
import en from '@/public/_locales/en/messages.json';
import { resolveLanguage, translate } from './i18n';

describe('UI text catalogs', () => {
  it('have the same keys in Vietnamese and English (no untranslated string)', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });
  it('have no empty message', () => {
    for (const catalog of [vi, en]) {
      for (const [key, { message }] of Object.entries(catalog as Record<string, { message: string }>)) {
        expect(message.trim(), key).not.toBe('');
      }
    }
  });
});

describe('translate', () => {
  it('looks up by language', () => {
    expect(translate('vi', 'popupLoading')).toBe('Đang tải…');
    expect(translate('en', 'popupLoading')).toBe('Loading…');
  });
  it('falls back to the key for an unknown key', () => {
    expect(translate('en', 'no-such-key')).toBe('no-such-key');
  });
});

describe('resolveLanguage', () => {
  it.each([
    ['auto', 'en-US', 'en'],
    ['auto', 'vi', 'vi'],
    ['auto', 'fr', 'vi'],
    ['auto', undefined, 'vi'],
    ['en', 'vi', 'en'],
    ['vi', 'en-GB', 'vi'],
  ] as const)('%s with browser %s → %s', (choice, browserLanguage, expected) => {
    expect(resolveLanguage(choice, browserLanguage)).toBe(expected);
  });
});
