import type { Language } from '@/src/shared/i18n';
import type { FamilySummary, TabFindings } from '@/src/shared/messages';
import { isScamType } from '@/src/ui/report/compose-report';
import type { Translate } from '@/src/ui/use-language';

/** Matched words shown per explanation (the rest are counted). */
const MAX_MATCHES_SHOWN = 4;

interface Props {
  /** Rendered right under the verdict (the Report button), before the details. */
  action?: preact.ComponentChildren;
  findings: TabFindings | null;
  /** Whether Cảnh Giác checks this kind of page at all (http/https). */
  scannable: boolean;
  paused: boolean;
  families: FamilySummary[];
  language: Language;
  t: Translate;
}

/** The tab at a glance: scam / suspicious / nothing found (never "safe"), what was found and why. */
export function TabStatus({ action, findings, scannable, paused, families, language, t }: Props) {
  const familyName = (id: string) => families.find((f) => f.id === id)?.name[language] ?? id;
  let tone: 'scam' | 'suspicious' | 'none' | 'paused';
  let heading: string;
  let detail: string;
  if (!scannable) {
    tone = 'none';
    heading = t('popupNotScanned');
    detail = t('popupNotScannedDetail');
  } else if (paused) {
    tone = 'paused';
    heading = t('popupPausedHere');
    detail = t('popupPausedHereDetail');
  } else if (findings?.verdict === 'scam' || findings?.verdict === 'suspicious') {
    tone = findings.verdict;
    heading = t(findings.verdict === 'scam' ? 'popupVerdictScam' : 'popupVerdictSuspicious');
    detail = t(findings.verdict === 'scam' ? 'popupVerdictScamDetail' : 'popupVerdictSuspiciousDetail');
  } else {
    tone = 'none';
    heading = t('popupNothingFound');
    detail = t('popupNothingFoundDetail');
  }
  const items = findings && !paused ? findings.items : [];
  const posts = items.filter((item) => item.kind !== 'page').length;
  // Indicators that share an explanation (e.g. a family's description) are listed once, with what matched.
  const indicators = new Map<string, string[]>();
  for (const item of items) {
    for (const indicator of item.indicators) {
      const message = indicator.message[language];
      const matches = indicators.get(message) ?? [];
      const lower = indicator.match.toLocaleLowerCase();
      if (!matches.some((m) => m.toLocaleLowerCase() === lower)) matches.push(indicator.match);
      indicators.set(message, matches);
    }
  }
  const categories = [...new Set(items.flatMap((item) => item.categories))].filter(isScamType);

  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading" class="visually-hidden">
        {t('popupStatusHeading')}
      </h2>
      <div class={`verdict verdict-${tone}`} role="status" data-verdict={tone}>
        <strong>{heading}</strong>
        <span>{detail}</span>
      </div>
      {action}
      {posts > 0 && <p>{t('popupFlaggedPosts', [posts])}</p>}
      {categories.length > 0 && <p>{t('popupFamiliesFound', [categories.map(familyName).join(', ')])}</p>}
      {indicators.size > 0 && (
        <>
          <h3>{t('popupIndicatorsHeading')}</h3>
          <ul class="indicators">
            {[...indicators.entries()].map(([message, matches]) => (
              <li key={message}>
                {message}{' '}
                <span class="muted">
                  ({matches.slice(0, MAX_MATCHES_SHOWN).map((m) => `“${m}”`).join(', ')}
                  {matches.length > MAX_MATCHES_SHOWN ? `, +${matches.length - MAX_MATCHES_SHOWN}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
