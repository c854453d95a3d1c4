import vi from '@/public/_locales/vi/messages.json';
import en from '@/public/_locales/en/messages.json';

export type Language = 'vi' | 'en';
type Catalog = Record<string, { message: string }>;
const CATALOGS: Record<Language, Catalog> = { vi, en };

/** Keys of the UI text catalogs (`public/_locales/<lang>/messages.json`; Vietnamese is the default). */
export type MessageKey = keyof typeof vi;

/**
 * Picks the UI language: the person's choice in options, else the browser's UI language when it is English,
 * else Vietnamese (the default locale).
 */
export function resolveLanguage(choice: 'auto' | Language, browserLanguage: string | undefined): Language {
  if (choice !== 'auto') return choice;
  return browserLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * Looks a UI string up in the chosen language. We read the `_locales` catalogs ourselves (rather than only
 * `browser.i18n.getMessage`) so the language can be switched in options without changing the browser's.
 * `$1`, `$2`… are replaced by `substitutions`; a missing key falls back to Vietnamese, then to the key itself.
 */
export function translate(language: Language, key: string, substitutions: readonly (string | number)[] = []): string {
  const entry = CATALOGS[language][key] ?? CATALOGS.vi[key];
  const text = entry?.message ?? key;
  return text.replace(/\$(\d)/g, (whole, digit: string) => {
    const value = substitutions[Number(digit) - 1];
    return value === undefined ? whole : String(value);
  });
}
