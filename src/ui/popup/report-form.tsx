import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Language } from '@/src/shared/i18n';
import type { FamilySummary, ReportSummary } from '@/src/shared/messages';
import { sendMessage } from '@/src/shared/send-message';
import { composeReport, formatEvidence, isScamType, type ReportBasis } from '@/src/ui/report/compose-report';
import type { Translate } from '@/src/ui/use-language';

/** Official Vietnamese channels (named in the README): the national cyber-security warning portal and the trusted-network check. */
export const AUTHORITY_LINKS = {
  warningPortal: 'https://canhbao.khonggianmang.vn/',
  trustedNetwork: 'https://tinnhiemmang.vn/',
} as const;

interface Props {
  basis: ReportBasis;
  draftId: string | null;
  families: FamilySummary[];
  dbVersion: number;
  endpointConfigured: boolean;
  language: Language;
  t: Translate;
  onSubmitted: (summary: ReportSummary) => void;
  onCancel: () => void;
}

/**
 * The report preview: exactly the JSON that will be sent, with the few choices the person makes (family, note,
 * whether to include the post's text — off by default). Nothing leaves the browser until "Send report" is pressed.
 */
export function ReportForm({ basis, draftId, families, dbVersion, endpointConfigured, language, t, onSubmitted, onCancel }: Props) {
  const [meta] = useState(() => ({
    id: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    extensionVersion: browser.runtime.getManifest().version,
  }));
  const [family, setFamily] = useState<string | null>(basis.categories[0] ?? null);
  const [note, setNote] = useState('');
  const [includeText, setIncludeText] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [submitted, setSubmitted] = useState<ReportSummary | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const report = composeReport(basis, { family, note, includeText }, { ...meta, dbVersion });
  const familyOptions = families.filter((f) => isScamType(f.id));
  for (const id of basis.categories) {
    if (!familyOptions.some((f) => f.id === id)) familyOptions.push({ id, name: { vi: id, en: id }, description: { vi: '', en: '' } });
  }

  const submit = async () => {
    setBusy(true);
    setStatus({ text: t('reportSending'), error: false });
    try {
      const summary = await sendMessage('report:submit', { report, ...(draftId ? { draftId } : {}) });
      setSubmitted(summary);
      setStatus({ text: describeDelivery(summary, t), error: summary.state === 'failed' });
      onSubmitted(summary);
    } catch (error) {
      setStatus({ text: t('reportSubmitError', [error instanceof Error ? error.message : String(error)]), error: true });
    } finally {
      setBusy(false);
    }
  };

  const copyEvidence = async () => {
    const evidence = formatEvidence(report, families, language, {
      url: t('reportFieldUrl'),
      title: t('reportFieldTitle'),
      family: t('reportFieldFamily'),
      indicators: t('reportFieldIndicators'),
      note: t('reportFieldNote'),
      text: t('reportFieldText'),
      seenAt: t('reportFieldSeenAt'),
    });
    try {
      await navigator.clipboard.writeText(evidence);
      setStatus({ text: t('reportEvidenceCopied'), error: false });
    } catch {
      setStatus({ text: t('reportEvidenceCopyFailed'), error: true });
    }
  };

  return (
    <section aria-labelledby="report-heading" class="stack" data-testid="report-form">
      <h2 id="report-heading" tabIndex={-1} ref={heading}>
        {t('reportFormHeading')}
      </h2>
      <p class="muted">{t('reportFormIntro')}</p>
      <dl>
        <dt>{t('reportFieldUrl')}</dt>
        <dd class="truncate" title={report.url}>
          {report.url}
        </dd>
        <dt>{t('reportFieldTitle')}</dt>
        <dd>{report.title || '—'}</dd>
      </dl>
      <label class="stack" for="report-family">
        {t('reportFieldFamily')}
      </label>
      <select id="report-family" value={family ?? ''} disabled={submitted !== null}
        onChange={(e) => setFamily((e.currentTarget as HTMLSelectElement).value || null)}>
        {familyOptions.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name[language]}
          </option>
        ))}
        <option value="">{t('reportFamilyUnknown')}</option>
      </select>
      <label for="report-note">{t('reportFieldNoteOptional')}</label>
      <textarea id="report-note" rows={3} maxLength={1000} value={note} disabled={submitted !== null}
        onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      {basis.text && (
        <label>
          <input type="checkbox" checked={includeText} disabled={submitted !== null}
            onChange={(e) => setIncludeText((e.currentTarget as HTMLInputElement).checked)} />
          {t(basis.subject === 'selection' ? 'reportIncludeSelection' : 'reportIncludeText')}
        </label>
      )}
      <h3 id="report-preview-heading">{t('reportPreviewHeading')}</h3>
      <pre class="report-preview" aria-labelledby="report-preview-heading" data-testid="report-preview" tabIndex={0}>
        {JSON.stringify(report, null, 2)}
      </pre>
      {!endpointConfigured && <p class="muted">{t('reportNoEndpoint')}</p>}
      <div class="row">
        {submitted === null ? (
          <>
            <button type="button" class="primary" disabled={busy} onClick={() => void submit()}>
              {t('reportConfirm')}
            </button>
            <button type="button" onClick={onCancel}>
              {t('reportCancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={onCancel}>
            {t('reportClose')}
          </button>
        )}
      </div>
      <p class={`status${status?.error ? ' error' : ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      <h3>{t('reportAuthoritiesHeading')}</h3>
      <p class="muted">{t('reportAuthoritiesIntro')}</p>
      <div class="row">
        <button type="button" onClick={() => void copyEvidence()}>
          {t('reportCopyEvidence')}
        </button>
      </div>
      <ul>
        <li>
          <a href={AUTHORITY_LINKS.warningPortal} target="_blank" rel="noopener noreferrer">
            {t('reportWarningPortal')}
          </a>{' '}
          <span class="muted">(canhbao.khonggianmang.vn)</span>
        </li>
        <li>
          <a href={AUTHORITY_LINKS.trustedNetwork} target="_blank" rel="noopener noreferrer">
            {t('reportTrustedNetwork')}
          </a>{' '}
          <span class="muted">(tinnhiemmang.vn)</span>
        </li>
      </ul>
    </section>
  );
}

/** One line about where a report is: sent, waiting to be retried, or rejected (with the reason). */
export function describeDelivery(summary: ReportSummary, t: Translate): string {
  if (summary.state === 'sent') return t('reportStateSent');
  if (summary.state === 'failed') return t('reportStateFailed', [summary.lastError ?? '']);
  if (summary.attempts === 0) return t('reportStateQueued');
  return t('reportStateRetrying', [summary.attempts]);
}
