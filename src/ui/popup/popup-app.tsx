import { useLanguage } from '@/src/ui/use-language';

export function PopupApp() {
  const { t } = useLanguage();
  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      <p>{t('popupLoading')}</p>
    </main>
  );
}
