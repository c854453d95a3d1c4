import type { Translate } from '@/src/ui/use-language';

/** What Cảnh Giác keeps, sends and never does (options page and onboarding). */
export function PrivacyStatement({ t }: { t: Translate }) {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('optionsPrivacyHeading')}</h2>
      <ul>
        <li>{t('optionsPrivacyOnDevice')}</li>
        <li>{t('optionsPrivacyFeed')}</li>
        <li>{t('optionsPrivacyReports')}</li>
        <li>{t('optionsPrivacyNoTracking')}</li>
        <li>{t('optionsPrivacyStorage')}</li>
      </ul>
    </section>
  );
}
