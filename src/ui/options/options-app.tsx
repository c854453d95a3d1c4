import { useLanguage } from '@/src/ui/use-language';

export function OptionsApp() {
  const { t } = useLanguage();
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
    </main>
  );
}
