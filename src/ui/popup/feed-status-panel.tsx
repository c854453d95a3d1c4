import { useEffect, useState } from 'preact/hooks';
import type { Language } from '@/src/shared/i18n';
import type { FeedStatus } from '@/src/shared/messages';
import { sendMessage } from '@/src/shared/send-message';
import { formatTime } from '@/src/ui/format-time';
import type { Translate } from '@/src/ui/use-language';

/** The pattern database in use (version, pattern count, last sync, last error) and "sync now". */
export function FeedStatusPanel({ language, t }: { language: Language; t: Translate }) {
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    sendMessage('feed:status', null).then(setStatus, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);

  const syncNow = async () => {
    setSyncing(true);
    setAnnouncement(t('popupFeedSyncing'));
    try {
      const next = await sendMessage('feed:sync-now', null);
      setStatus(next);
      setError(null);
      setAnnouncement(
        next.updates !== 'on'
          ? t(next.updates === 'no-key' ? 'popupFeedOffNoKey' : 'popupFeedOffNoUrl')
          : next.lastError
            ? t('popupFeedSyncFailed', [next.lastError])
            : t('popupFeedSynced', [next.version]),
      );
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      setError(text);
      setAnnouncement(t('popupFeedSyncFailed', [text]));
    } finally {
      setSyncing(false);
    }
  };

  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('popupFeedHeading')}</h2>
      {status && (
        <>
          <p data-testid="feed-version">
            {t('popupFeedVersion', [status.version, status.patternCount])} ·{' '}
            {t(status.source === 'feed' ? 'popupFeedSourceFeed' : 'popupFeedSourceBundled')}
          </p>
          <p class="muted">
            {status.lastSuccess ? t('popupFeedLastSync', [formatTime(status.lastSuccess, language)]) : t('popupFeedNeverSynced')}
          </p>
          {status.updates !== 'on' && (
            <p class="muted" data-testid="feed-updates-off">
              {t(status.updates === 'no-key' ? 'popupFeedOffNoKey' : 'popupFeedOffNoUrl')}
            </p>
          )}
          {status.lastError && (
            <p class="error">
              {t('popupFeedLastError', [status.lastError, status.lastErrorAt ? formatTime(status.lastErrorAt, language) : '—'])}
            </p>
          )}
        </>
      )}
      {!status && !error && <p class="muted">{t('popupLoading')}</p>}
      {error && <p class="error">{t('popupFeedError', [error])}</p>}
      <div class="row">
        <button type="button" disabled={syncing || (status !== null && status.updates !== 'on')} onClick={() => void syncNow()}>
          {t('popupFeedSyncNow')}
        </button>
      </div>
      <p class="status" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
