import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readBuildConfig } from '@/src/shared/build-config';
import type { FamilySummary, ReportSummary, TabFindings } from '@/src/shared/messages';
import { sendMessage } from '@/src/shared/send-message';
import { isProtectionPaused } from '@/src/shared/settings';
import { describeDraftReport, describePageReport, type ReportBasis } from '@/src/ui/report/compose-report';
import { hostOf } from '@/src/ui/settings-edits';
import { useLanguage } from '@/src/ui/use-language';
import { useSettings } from '@/src/ui/use-settings';
import { FeedStatusPanel } from './feed-status-panel';
import { ProtectionControls } from './protection-controls';
import { ReportForm } from './report-form';
import { ReportHistory } from './report-history';
import { TabStatus } from './tab-status';

interface Target {
  tabId: number | null;
  url: string | null;
  title: string;
  findings: TabFindings | null;
}

/** `popup.html?tabId=N` describes tab N (popup-in-a-tab); without it, the active tab of the current window. */
export function readPopupParams(search: string): { tabId: number | null; draftId: string | null } {
  const params = new URLSearchParams(search);
  const raw = params.get('tabId');
  const tabId = raw !== null && /^\d+$/.test(raw) ? Number(raw) : null;
  return { tabId, draftId: params.get('draft') };
}

async function loadTarget(requestedTabId: number | null): Promise<Target> {
  let tabId = requestedTabId;
  if (tabId === null) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = active?.id ?? null;
  }
  if (tabId === null) return { tabId: null, url: null, title: '', findings: null };
  const [tab, state] = await Promise.all([
    browser.tabs.get(tabId).catch(() => undefined),
    sendMessage('tab:get-state', { tabId }).catch(() => null),
  ]);
  const findings = state?.findings ?? null;
  return { tabId, url: findings?.url ?? tab?.url ?? null, title: findings?.title ?? tab?.title ?? '', findings };
}

export function PopupApp() {
  const { language, t } = useLanguage();
  const { settings, save } = useSettings();
  const [{ tabId: requestedTabId, draftId }] = useState(() => readPopupParams(location.search));
  const [target, setTarget] = useState<Target | null>(null);
  const [families, setFamilies] = useState<FamilySummary[]>([]);
  const [dbVersion, setDbVersion] = useState(0);
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [reportsError, setReportsError] = useState<string | null>(null);
  const [draftMissing, setDraftMissing] = useState(false);
  const [form, setForm] = useState<{ basis: ReportBasis; draftId: string | null } | null>(null);

  const refreshReports = useCallback(() => {
    sendMessage('report:list', null).then(
      (list) => {
        setReports(list);
        setReportsError(null);
      },
      (err: unknown) => setReportsError(err instanceof Error ? err.message : String(err)),
    );
  }, []);

  useEffect(() => {
    document.body.classList.add(requestedTabId !== null || draftId !== null ? 'page' : 'popup');
    const refreshTarget = () => void loadTarget(requestedTabId).then(setTarget, () => undefined);
    refreshTarget();
    refreshReports();
    sendMessage('families:list', null).then(
      (value) => {
        setFamilies(value.families);
        setDbVersion(value.dbVersion);
      },
      () => undefined,
    );
    if (draftId) {
      sendMessage('report:get-draft', { draftId }).then(
        (value) => {
          if (!value) setDraftMissing(true);
          if (value) setForm({ basis: describeDraftReport(value), draftId });
        },
        () => setDraftMissing(true),
      );
    }
    // The tab's findings and the outbox change while the popup is open (scanning, delivery): refresh both.
    const timer = setInterval(() => {
      refreshTarget();
      refreshReports();
    }, 2000);
    return () => clearInterval(timer);
  }, [requestedTabId, draftId, refreshReports]);

  const reportButton = useRef<HTMLButtonElement>(null);
  // Closing the form puts keyboard focus back on the button that opened it.
  const closeForm = () => {
    setForm(null);
    setTimeout(() => reportButton.current?.focus(), 0);
  };
  const host = hostOf(target?.url);
  const paused = settings !== null && host !== null && isProtectionPaused(settings, host);
  const endpointConfigured = Boolean(settings?.reportUrl || readBuildConfig().reportUrl);
  const openPageReport = () => {
    if (!target?.url) return;
    setForm({ basis: describePageReport(target.url, target.title, target.findings), draftId: null });
  };

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {target === null ? (
        <p role="status">{t('popupLoading')}</p>
      ) : (
        <>
          {target.url && (
            <p class="muted truncate" title={target.url} data-testid="target-url">
              {target.title || target.url}
            </p>
          )}
          <TabStatus
            findings={target.findings}
            scannable={host !== null}
            paused={paused}
            families={families}
            language={language}
            t={t}
            action={
              host !== null &&
              !form && (
                <div class="row">
                  <button type="button" class="primary" ref={reportButton} onClick={openPageReport}>
                    {t('popupReport')}
                  </button>
                  <span class="muted">{t('popupReportHint')}</span>
                </div>
              )
            }
          />
          {draftMissing && <p class="error">{t('reportDraftExpired')}</p>}
          {form && (
            <ReportForm
              key={form.draftId ?? 'page'}
              basis={form.basis}
              draftId={form.draftId}
              families={families}
              dbVersion={dbVersion}
              endpointConfigured={endpointConfigured}
              language={language}
              t={t}
              onSubmitted={refreshReports}
              onCancel={closeForm}
            />
          )}
          {settings && <ProtectionControls host={host} settings={settings} save={save} language={language} t={t} />}
        </>
      )}
      <ReportHistory reports={reports} error={reportsError} onChanged={refreshReports} language={language} t={t} />
      <FeedStatusPanel language={language} t={t} />
      <footer class="row">
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {t('popupOpenOptions')}
        </a>
        {requestedTabId === null && target?.tabId != null && (
          <a href={browser.runtime.getURL(`/popup.html?tabId=${target.tabId}`)} target="_blank" rel="noopener">
            {t('popupOpenInTab')}
          </a>
        )}
      </footer>
    </main>
  );
}
