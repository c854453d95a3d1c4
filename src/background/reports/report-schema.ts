import { z } from 'zod';
import type { ReportPayload } from '@/src/shared/messages';

/** The JSON schema identifier; a breaking change to the report shape gets a new number (`canh-giac.report/2`). */
export const REPORT_SCHEMA = 'canh-giac.report/1';

/** Limits that keep a report small and free of whole-page dumps (documented in README.md). */
export const REPORT_LIMITS = { url: 2048, title: 300, note: 1000, text: 5000, indicators: 50, match: 300 } as const;

const httpUrl = z
  .string()
  .max(REPORT_LIMITS.url)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** Validates a report before it enters the outbox (and documents the shape for the endpoint). */
export const reportPayloadSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA),
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    subject: z.enum(['page', 'post', 'comment', 'link', 'selection']),
    url: httpUrl,
    title: z.string().max(REPORT_LIMITS.title),
    family: z.string().min(1).max(64).nullable(),
    indicators: z
      .array(
        z
          .object({
            patternId: z.string().min(1).max(128),
            family: z.string().min(1).max(64),
            signal: z.string().min(1).max(32),
            kind: z.string().min(1).max(32),
            match: z.string().max(REPORT_LIMITS.match),
          })
          .strict(),
      )
      .max(REPORT_LIMITS.indicators),
    note: z.string().min(1).max(REPORT_LIMITS.note).optional(),
    text: z.string().min(1).max(REPORT_LIMITS.text).optional(),
    extensionVersion: z.string().min(1).max(32),
    dbVersion: z.number().int().nonnegative(),
  })
  .strict();

// The protocol type (src/shared/messages.ts) and the schema must describe the same object.
type SchemaShape = z.infer<typeof reportPayloadSchema>;
const _sameShape: [SchemaShape extends ReportPayload ? true : false, ReportPayload extends SchemaShape ? true : false] = [true, true];
void _sameShape;

/** Parses an untrusted report (from a message); throws a readable error listing the invalid fields. */
export function parseReportPayload(value: unknown): ReportPayload {
  const result = reportPayloadSchema.safeParse(value);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${issue.path.join('.') || '(report)'}: ${issue.message}`);
    throw new Error(`invalid report — ${fields.join('; ')}`);
  }
  return result.data;
}
