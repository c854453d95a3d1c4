import type { ReportRecord } from '@/src/background/database';
import type { ReportSummary } from '@/src/shared/messages';

/** What the popup lists for a report in the outbox (no note or post text: those stay in the database). */
export function summarizeReport(record: ReportRecord): ReportSummary {
  const { payload } = record;
  return {
    id: record.id,
    createdAt: record.createdAt,
    state: record.state,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    lastError: record.lastError,
    sentAt: record.sentAt,
    url: typeof payload.url === 'string' ? payload.url : '',
    title: typeof payload.title === 'string' ? payload.title : '',
    family: typeof payload.family === 'string' ? payload.family : null,
  };
}
