import { useEffect, useState } from 'preact/hooks';
import { readBuildConfig } from '@/src/shared/build-config';
import type { FamilySummary } from '@/src/shared/messages';
import { sendMessage } from '@/src/shared/send-message';
import type { Settings } from '@/src/shared/settings';
import { formatTime } from '@/src/ui/format-time';
import { isScamType } from '@/src/ui/report/compose-report';
import { dropExpiredPauses, removeTrustedSite, resumeSite, setFamilyEnabled, setGlobalPause } from '@/src/ui/settings-edits';
import { PrivacyStatement } from '@/src/ui/privacy-statement';
import { useLanguage } from '@/src/ui/use-language';
import { useSettings } from '@/src/ui/use-settings';
import { EndpointField } from './endpoint-field';
import { SettingsTransfer } from './settings-transfer';

export function OptionsApp() {
  const { language, t } = useLanguage();
  const { settings, save } = useSettings();
  const [families, setFamilies] = useState<FamilySummary[] | null>(null);
  const [familiesError, setFamiliesError] = useState<string | null>(null);

  useEffect(() => {
    document.body.classList.add('page');
    sendMessage('families:list', null).then(
      (value) => setFamilies(value.families.filter((f) => isScamType(f.id))),
      (err: unknown) => setFamiliesError(err instanceof Error ? err.message : String(err)),
    );
  }, []);

  if (!settings) {
    return (
      <main>
        <h1>{t('optionsTitle')}</h1>
        <p role="status">{t('popupLoading')}</p>
      </main>
    );
  }
  const build = readBuildConfig();
  const livePauses = Object.entries(dropExpiredPauses(settings, Date.now()).sitePauses);

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="sensitivity-heading">
        <h2 id="sensitivity-heading">{t('optionsSensitivityHeading')}</h2>
        <fieldset>
          <legend>{t('optionsSensitivityLegend')}</legend>
          {(['suspicious', 'scam'] as const).map((level) => (
            <div class="row" key={level}>
              <label>
                <input type="radio" name="warnOn" value={level} checked={settings.warnOn === level}
                  onChange={() => void save({ ...settings, warnOn: level })} />
                {t(level === 'suspicious' ? 'optionsWarnOnSuspicious' : 'optionsWarnOnScam')}
              </label>
            </div>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="families-heading">
        <h2 id="families-heading">{t('optionsFamiliesHeading')}</h2>
        <p class="muted">{t('optionsFamiliesIntro')}</p>
        {familiesError && <p class="error">{t('optionsFamiliesError', [familiesError])}</p>}
        {families === null && !familiesError && <p class="muted">{t('popupLoading')}</p>}
        {families?.map((family) => (
          <div class="row" key={family.id}>
            <label title={family.description[language]}>
              <input type="checkbox" checked={!settings.disabledFamilies.includes(family.id)}
                onChange={(e) => void save(setFamilyEnabled(settings, family.id, (e.currentTarget as HTMLInputElement).checked))} />
              {family.name[language]}
            </label>
          </div>
        ))}
      </section>

      <section aria-labelledby="paused-heading">
        <h2 id="paused-heading">{t('optionsPausedHeading')}</h2>
        <div class="row">
          <label>
            <input type="checkbox" checked={settings.globalPause !== undefined}
              onChange={(e) => void save(setGlobalPause(settings, (e.currentTarget as HTMLInputElement).checked))} />
            {t('popupGlobalPause')}
          </label>
        </div>
        {livePauses.length === 0 ? (
          <p class="muted">{t('optionsNoPausedSites')}</p>
        ) : (
          <ul data-testid="paused-sites">
            {livePauses.map(([host, until]) => (
              <li key={host} class="row">
                <span>
                  {host} — {until === null ? t('optionsPausedUntilResumed') : t('optionsPausedUntil', [formatTime(until, language)])}
                </span>
                <button type="button" aria-label={t('optionsResumeSite', [host])} onClick={() => void save(resumeSite(settings, host))}>
                  {t('popupResume')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('optionsTrustedHeading')}</h3>
        {settings.trustedSites.length === 0 ? (
          <p class="muted">{t('optionsNoTrustedSites')}</p>
        ) : (
          <ul>
            {settings.trustedSites.map((site) => (
              <li key={site} class="row">
                <span>{site}</span>
                <button type="button" aria-label={t('optionsRemoveTrusted', [site])} onClick={() => void save(removeTrustedSite(settings, site))}>
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">{t('optionsEndpointsHeading')}</h2>
        <EndpointField id="feed-url" label={t('optionsFeedUrl')} value={settings.feedUrl} buildDefault={build.feedUrl} t={t}
          onSave={(feedUrl) => save({ ...settings, feedUrl })} />
        <EndpointField id="report-url" label={t('optionsReportUrl')} value={settings.reportUrl} buildDefault={build.reportUrl} t={t}
          onSave={(reportUrl) => save({ ...settings, reportUrl })} />
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('optionsLanguageHeading')}</h2>
        <label for="language">{t('optionsLanguageLabel')}</label>{' '}
        <select id="language" value={settings.language}
          onChange={(e) => void save({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })}>
          <option value="auto">{t('optionsLanguageAuto')}</option>
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
      </section>

      <SettingsTransfer settings={settings} save={save} t={t} />
      <PrivacyStatement t={t} />
    </main>
  );
}
