import { z } from 'zod';
import { withDefaults, type Settings } from '@/src/shared/settings';

/** The settings export file: `{ format, exportedAt, settings }`. Import accepts only this shape. */
export const SETTINGS_FILE_FORMAT = 'canh-giac.settings/1';

/** An endpoint URL: https anywhere, plain http only on this computer (a local collector or feed for testing). */
export function isAcceptableEndpoint(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

const endpoint = z.string().max(2048).refine(isAcceptableEndpoint, 'must be an https URL (or http on localhost)').nullable();
const host = z.string().min(1).max(253).regex(/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/i, 'must be a host name');
const pauseUntil = z.number().int().nonnegative().nullable();

const settingsSchema = z
  .object({
    globalPause: z.object({ until: pauseUntil }).strict().optional(),
    sitePauses: z.record(host, pauseUntil),
    warnOn: z.enum(['scam', 'suspicious']),
    disabledFamilies: z.array(z.string().min(1).max(64)).max(500),
    feedUrl: endpoint,
    reportUrl: endpoint,
    language: z.enum(['auto', 'vi', 'en']),
    trustedSites: z.array(host).max(5000),
  })
  .strict()
  .partial();

const fileSchema = z
  .object({ format: z.literal(SETTINGS_FILE_FORMAT), exportedAt: z.string().optional(), settings: settingsSchema })
  .strict();

export function serializeSettingsFile(settings: Settings, now: Date): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, exportedAt: now.toISOString(), settings }, null, 2)}\n`;
}

/** Parses an exported settings file; throws an Error whose message lists what is wrong. Missing fields get defaults. */
export function parseSettingsFile(text: string): Settings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not a JSON file');
  }
  const result = fileSchema.safeParse(json);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; '));
  }
  return withDefaults(result.data.settings as Partial<Settings>);
}
