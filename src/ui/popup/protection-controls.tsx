import type { Settings } from '@/src/shared/settings';
import type { Language } from '@/src/shared/i18n';
import { formatTime } from '@/src/ui/format-time';
import { HOUR_MS, pauseSite, resumeSite, setGlobalPause } from '@/src/ui/settings-edits';
import type { Translate } from '@/src/ui/use-language';

interface Props {
  host: string | null;
  settings: Settings;
  save: (next: Settings) => Promise<void>;
  language: Language;
  t: Translate;
}

/** Pause for an hour / until turned back on / resume for this site, and the global pause. Content scripts react live. */
export function ProtectionControls({ host, settings, save, language, t }: Props) {
  const now = Date.now();
  const globalUntil = settings.globalPause?.until;
  const globallyPaused = settings.globalPause !== undefined && (globalUntil === null || (globalUntil ?? 0) > now);
  const siteUntil = host !== null && Object.prototype.hasOwnProperty.call(settings.sitePauses, host) ? settings.sitePauses[host] : undefined;
  const sitePaused = host !== null && siteUntil !== undefined && (siteUntil === null || siteUntil > now);

  let siteState = '';
  if (host !== null) {
    if (!sitePaused) siteState = t('popupProtectionOn', [host]);
    else if (siteUntil === null || siteUntil === undefined) siteState = t('popupPausedUntilResumed', [host]);
    else siteState = t('popupPausedUntil', [host, formatTime(siteUntil, language)]);
  }

  return (
    <section aria-labelledby="protection-heading">
      <h2 id="protection-heading">{t('popupProtectionHeading')}</h2>
      {host !== null && (
        <>
          <p aria-live="polite">{siteState}</p>
          <div class="row">
            {sitePaused ? (
              <button type="button" class="primary" onClick={() => void save(resumeSite(settings, host))}>
                {t('popupResume')}
              </button>
            ) : (
              <>
                <button type="button" onClick={() => void save(pauseSite(settings, host, Date.now() + HOUR_MS))}>
                  {t('popupPauseHour')}
                </button>
                <button type="button" onClick={() => void save(pauseSite(settings, host, null))}>
                  {t('popupPauseUntilResumed')}
                </button>
              </>
            )}
          </div>
        </>
      )}
      <div class="row">
        <label>
          <input
            type="checkbox"
            checked={globallyPaused}
            onChange={(event) => void save(setGlobalPause(settings, (event.currentTarget as HTMLInputElement).checked))}
          />
          {t('popupGlobalPause')}
        </label>
      </div>
    </section>
  );
}
