import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PrivacyStatement } from '@/src/ui/privacy-statement';
import { useLanguage } from '@/src/ui/use-language';
import { useSettings } from '@/src/ui/use-settings';

/** The first-install page: what Cảnh Giác does and does not do, and where its settings are. */
export function OnboardingApp() {
  const { t } = useLanguage();
  const { settings, save } = useSettings();
  useEffect(() => document.body.classList.add('page'), []);
  return (
    <main>
      <h1>{t('onboardingTitle')}</h1>
      <p>{t('onboardingIntro')}</p>
      {settings && (
        <div class="row">
          <label for="onboarding-language">{t('optionsLanguageLabel')}</label>
          <select id="onboarding-language" value={settings.language}
            onChange={(e) => void save({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as typeof settings.language })}>
            <option value="auto">{t('optionsLanguageAuto')}</option>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </div>
      )}
      <section aria-labelledby="does-heading">
        <h2 id="does-heading">{t('onboardingDoesHeading')}</h2>
        <ul>
          <li>{t('onboardingDoesInline')}</li>
          <li>{t('onboardingDoesPages')}</li>
          <li>{t('onboardingDoesExplain')}</li>
          <li>{t('onboardingDoesReport')}</li>
        </ul>
      </section>
      <section aria-labelledby="doesnt-heading">
        <h2 id="doesnt-heading">{t('onboardingDoesntHeading')}</h2>
        <ul>
          <li>{t('onboardingDoesntUpload')}</li>
          <li>{t('onboardingDoesntSafe')}</li>
          <li>{t('onboardingDoesntBlock')}</li>
          <li>{t('onboardingDoesntAccounts')}</li>
        </ul>
      </section>
      <section aria-labelledby="tips-heading">
        <h2 id="tips-heading">{t('onboardingTipsHeading')}</h2>
        <ul>
          <li>{t('onboardingTipPopup')}</li>
          <li>{t('onboardingTipPause')}</li>
          <li>{t('onboardingTipHotline')}</li>
        </ul>
      </section>
      <PrivacyStatement t={t} />
      <div class="row">
        <a class="button primary" href={browser.runtime.getURL('/options.html')}>
          {t('onboardingOpenOptions')}
        </a>
      </div>
    </main>
  );
}
