import type { FamilySummary, FlaggedItem, ReportDraft, ReportPayload, ReportSubject, TabFindings } from '@/src/shared/messages';
import type { Language } from '@/src/shared/i18n';

/** What the report form starts from: a draft (inline warning, context menu) or the tab's findings. */
export interface ReportBasis {
  subject: ReportSubject;
  url: string;
  title: string;
  /** Families found, strongest first (the first one is preselected). */
  categories: string[];
  indicators: ReportPayload['indicators'];
  /** Text the person may choose to include (a flagged post, a selection); '' when there is none. */
  text: string;
}

export interface ReportChoices {
  family: string | null;
  note: string;
  includeText: boolean;
}

/** Families that are not a kind of scam (supporting signals, warning/news context, the person's own phrases). */
const NOT_A_SCAM_TYPE = new Set(['generic', 'warning', 'custom']);

/** Whether a family is a kind of scam the person can report or switch off (not generic/warning/custom). */
export function isScamType(family: string): boolean {
  return !NOT_A_SCAM_TYPE.has(family);
}

const LIMITS = { title: 300, note: 1000, text: 5000, indicators: 50, match: 300 };

function collectIndicators(items: readonly FlaggedItem[]): ReportPayload['indicators'] {
  const seen = new Set<string>();
  const out: ReportPayload['indicators'] = [];
  for (const item of items) {
    for (const { patternId, family, signal, kind, match } of item.indicators) {
      const key = `${patternId}\u0000${match}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ patternId, family, signal, kind, match: match.slice(0, LIMITS.match) });
    }
  }
  return out.slice(0, LIMITS.indicators);
}

function rankCategories(items: readonly FlaggedItem[]): string[] {
  const ordered: string[] = [];
  for (const item of [...items].sort((a, b) => b.score - a.score)) {
    for (const family of item.categories) if (!ordered.includes(family)) ordered.push(family);
  }
  return ordered.filter(isScamType);
}

/** A report about the whole page: everything this tab's scanner flagged. */
export function describePageReport(url: string, title: string, findings: TabFindings | null): ReportBasis {
  const items = findings?.items ?? [];
  return { subject: 'page', url, title, categories: rankCategories(items), indicators: collectIndicators(items), text: '' };
}

/** A report from a draft (one flagged post from an inline warning, or a link/selection from the context menu). */
export function describeDraftReport(draft: ReportDraft): ReportBasis {
  const items = draft.item ? [draft.item] : [];
  return {
    subject: draft.subject,
    url: draft.url,
    title: draft.title,
    categories: rankCategories(items),
    indicators: collectIndicators(items),
    text: draft.selection ?? draft.item?.excerpt ?? '',
  };
}

/** The exact JSON that will be sent (`canh-giac.report/1`): what the preview shows and the confirm button submits. */
export function composeReport(
  basis: ReportBasis,
  choices: ReportChoices,
  meta: { id: string; createdAt: string; extensionVersion: string; dbVersion: number },
): ReportPayload {
  const note = choices.note.trim().slice(0, LIMITS.note);
  const text = choices.includeText ? basis.text.trim().slice(0, LIMITS.text) : '';
  return {
    schema: 'canh-giac.report/1',
    id: meta.id,
    createdAt: meta.createdAt,
    subject: basis.subject,
    url: basis.url,
    title: basis.title.slice(0, LIMITS.title),
    family: choices.family,
    indicators: basis.indicators,
    ...(note ? { note } : {}),
    ...(text ? { text } : {}),
    extensionVersion: meta.extensionVersion,
    dbVersion: meta.dbVersion,
  };
}

/** Plain-text evidence for the authorities' forms (copied to the clipboard): what was seen, where and why. */
export function formatEvidence(
  report: ReportPayload,
  families: readonly FamilySummary[],
  language: Language,
  labels: { url: string; title: string; family: string; indicators: string; note: string; text: string; seenAt: string },
): string {
  const familyName = families.find((f) => f.id === report.family)?.name[language] ?? report.family ?? '—';
  const lines = [
    `${labels.url}: ${report.url}`,
    `${labels.title}: ${report.title || '—'}`,
    `${labels.family}: ${familyName}`,
    `${labels.seenAt}: ${report.createdAt}`,
  ];
  if (report.indicators.length > 0) {
    lines.push(`${labels.indicators}:`, ...report.indicators.map((i) => `- "${i.match}" (${i.signal}, ${i.family})`));
  }
  if (report.note) lines.push(`${labels.note}: ${report.note}`);
  if (report.text) lines.push(`${labels.text}:`, report.text);
  return lines.join('\n');
}
