import type { Language } from '@/src/shared/i18n';

/** A short local date and time in the UI language. */
export function formatTime(ms: number, language: Language): string {
  return new Date(ms).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}
