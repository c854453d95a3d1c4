import { useState } from 'preact/hooks';
import type { Language } from '@/src/shared/i18n';
import type { ReportSummary } from '@/src/shared/messages';
import { sendMessage } from '@/src/shared/send-message';
import { formatTime } from '@/src/ui/format-time';
import type { Translate } from '@/src/ui/use-language';
import { describeDelivery } from './report-form';

interface Props {
  reports: ReportSummary[] | null;
  error: string | null;
  onChanged: () => void;
  language: Language;
  t: Translate;
}

/** The person's reports with their delivery state; pending and failed ones can be retried now. */
export function ReportHistory({ reports, error, onChanged, language, t }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const retry = async (id: string) => {
    setBusy(id);
    try {
      const summary = await sendMessage('report:retry', { id });
      setMessage(describeDelivery(summary, t));
    } catch (err) {
      setMessage(t('reportSubmitError', [err instanceof Error ? err.message : String(err)]));
    } finally {
      setBusy(null);
      onChanged();
    }
  };
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('popupHistoryHeading')}</h2>
      {error && <p class="error">{t('popupHistoryError', [error])}</p>}
      {reports !== null && reports.length === 0 && <p class="muted">{t('popupHistoryEmpty')}</p>}
      {reports !== null && reports.length > 0 && (
        <ul class="history" data-testid="report-history">
          {reports.slice(0, 20).map((report) => (
            <li key={report.id} data-report-id={report.id} data-state={report.state}>
              <span class="truncate" title={report.url}>
                {report.title || report.url}
              </span>
              <span class="muted">{formatTime(report.createdAt, language)} · </span>
              <span class={`state state-${report.state}`}>{describeDelivery(report, t)}</span>
              {report.state !== 'sent' && (
                <div class="row">
                  <button type="button" disabled={busy === report.id} onClick={() => void retry(report.id)}>
                    {t('popupRetryNow')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
