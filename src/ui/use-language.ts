import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { resolveLanguage, translate, type Language } from '@/src/shared/i18n';
import { settingsItem } from '@/src/shared/settings';

export type Translate = (key: string, subs?: (string | number)[]) => string;

/** The UI language from settings (live), and a `t()` bound to it. */
export function useLanguage(): { language: Language; t: Translate } {
  const [language, setLanguage] = useState<Language>(() => resolveLanguage('auto', browser.i18n.getUILanguage()));
  useEffect(() => {
    const apply = (choice: 'auto' | Language) => setLanguage(resolveLanguage(choice, browser.i18n.getUILanguage()));
    void settingsItem.getValue().then((s) => apply(s.language));
    return settingsItem.watch((s) => apply(s.language));
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return { language, t: (key, subs) => translate(language, key, subs) };
}
