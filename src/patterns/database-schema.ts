/**
 * The zod schema of the pattern database's source format (`DatabaseSource` in src/engine/types.ts) and
 * `parseDatabaseSource`, the one entry point that turns untrusted JSON (bundled files, a feed download, an imported
 * file) into a typed database or a readable list of errors.
 *
 * Structural rules live here (strict objects, id format, enums, sizes, references between families and patterns,
 * uniqueness); content rules that need the engine (safe regexes, examples) live in src/cli/patterns-check.ts.
 */
import { z } from 'zod';
import type { DatabaseSource } from '../engine/types.ts';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Keys that could pollute prototypes when a parsed object is merged or used as a map. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Reserved for user/CLI-supplied phrases; a database may not define it. */
export const RESERVED_FAMILY_IDS: ReadonlySet<string> = new Set(['custom']);

export const LIMITS = {
  families: 100,
  patterns: 20_000,
  brands: 1_000,
  domainsPerBrand: 50,
  keywordsPerBrand: 50,
  allowlist: 20_000,
  freeHosts: 2_000,
  lureKeywords: 2_000,
  examplesPerList: 10,
  idLength: 80,
  valueLength: 300,
  textLength: 600,
  exampleLength: 2_000,
} as const;

const HOST_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const LOWER_ASCII_TOKEN = /^[a-z0-9]{2,40}$/;

const idSchema = z.string().max(LIMITS.idLength).regex(ID_PATTERN, 'must be lowercase words joined by single hyphens');
const hostSchema = z.string().max(253).regex(HOST_PATTERN, 'must be a lowercase host name such as example.com');
const textSchema = z.string().trim().min(1).max(LIMITS.textLength);

const localizedSchema = z.strictObject({ vi: textSchema, en: textSchema });

const signalSchema = z.enum(['lure', 'payment', 'credential', 'channel', 'pressure', 'authority', 'hallmark', 'warning']);
const kindSchema = z.enum(['phrase', 'regex', 'domain', 'url', 'number']);

const examplesSchema = z.strictObject({
  match: z.array(z.string().min(1).max(LIMITS.exampleLength)).max(LIMITS.examplesPerList).optional(),
  noMatch: z.array(z.string().min(1).max(LIMITS.exampleLength)).max(LIMITS.examplesPerList).optional(),
});

const patternSchema = z
  .strictObject({
    id: idSchema,
    family: idSchema,
    kind: kindSchema,
    value: z.string().min(1).max(LIMITS.valueLength),
    signal: signalSchema,
    weight: z.number().int().min(1).max(100),
    lang: z.enum(['vi', 'en', 'any']).optional(),
    accents: z.enum(['insensitive', 'sensitive']).optional(),
    message: localizedSchema.optional(),
    source: z.url({ protocol: /^https?$/ }).max(500).optional(),
    expires: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    examples: examplesSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const issue = (message: string, path: string): void => {
      ctx.addIssue({ code: 'custom', message, path: [path] });
    };
    if (p.value !== p.value.trim()) issue('must not start or end with white space', 'value');
    if (p.accents !== undefined && p.kind !== 'phrase') issue('`accents` applies to phrases only', 'accents');
    if ((p.signal === 'warning') !== (p.family === 'warning')) {
      issue('signal `warning` belongs to family `warning` and only there', 'signal');
    }
    switch (p.kind) {
      case 'phrase':
        if (p.value.length < 3) issue('a phrase needs at least 3 characters', 'value');
        break;
      case 'regex':
        try {
          new RegExp(p.value, 'u');
        } catch (error) {
          issue(`does not compile: ${error instanceof Error ? error.message : String(error)}`, 'value');
        }
        break;
      case 'domain': {
        const host = p.value.startsWith('=') ? p.value.slice(1) : p.value;
        if (!HOST_PATTERN.test(host)) issue('must be a lowercase host, optionally prefixed by "="', 'value');
        break;
      }
      case 'url':
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p.value)) issue('a URL prefix is written without its scheme', 'value');
        else if (!/^[a-z0-9.-]+\.[a-z]{2,}\/\S+$/.test(p.value)) issue('must be host/path without spaces', 'value');
        break;
      case 'number': {
        const digits = p.value.replace(/^\+84/, '0').replace(/[\s.-]/g, '');
        if (!/^\d{8,19}$/.test(digits)) issue('must be 8–19 digits (spaces, dots, hyphens and a leading +84 allowed)', 'value');
        break;
      }
    }
  });

const familySchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  description: localizedSchema,
  advice: localizedSchema,
});

const brandSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(100),
  domains: z.array(hostSchema).min(1).max(LIMITS.domainsPerBrand),
  keywords: z.array(z.string().regex(LOWER_ASCII_TOKEN, 'must be 2–40 lowercase ASCII letters/digits')).max(LIMITS.keywordsPerBrand),
  kind: z.enum(['bank', 'wallet', 'government', 'delivery', 'marketplace', 'telecom', 'utility', 'social', 'other']),
  lureOnly: z.boolean().optional(),
});

/** Reports every value that occurs more than once in `values`, at the path of its second occurrence. */
function reportDuplicates(values: readonly string[], path: (index: number) => PropertyKey[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `duplicate ${what} "${value}"`, path: path(index) });
    seen.add(value);
  });
}

export const databaseSourceSchema = z
  .strictObject({
    format: z.literal(1),
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    created: z.iso.datetime({ offset: true }),
    families: z.array(familySchema).min(1).max(LIMITS.families),
    patterns: z.array(patternSchema).max(LIMITS.patterns),
    brands: z.array(brandSchema).max(LIMITS.brands),
    allowlist: z.array(hostSchema).max(LIMITS.allowlist),
    freeHosts: z.array(hostSchema).max(LIMITS.freeHosts),
    lureKeywords: z.array(z.string().regex(LOWER_ASCII_TOKEN, 'must be 2–40 lowercase ASCII letters/digits')).max(LIMITS.lureKeywords),
  })
  .superRefine((db, ctx) => {
    const familyIds = db.families.map((f) => f.id);
    reportDuplicates(familyIds, (i) => ['families', i, 'id'], 'family id', ctx);
    reportDuplicates(db.patterns.map((p) => p.id), (i) => ['patterns', i, 'id'], 'pattern id', ctx);
    reportDuplicates(db.brands.map((b) => b.id), (i) => ['brands', i, 'id'], 'brand id', ctx);
    reportDuplicates(db.allowlist, (i) => ['allowlist', i], 'allowlisted domain', ctx);
    reportDuplicates(db.freeHosts, (i) => ['freeHosts', i], 'free host', ctx);
    reportDuplicates(db.lureKeywords, (i) => ['lureKeywords', i], 'lure keyword', ctx);
    db.families.forEach((family, i) => {
      if (RESERVED_FAMILY_IDS.has(family.id)) {
        ctx.addIssue({ code: 'custom', message: `family id "${family.id}" is reserved`, path: ['families', i, 'id'] });
      }
    });
    const known = new Set(familyIds);
    db.patterns.forEach((pattern, i) => {
      if (!known.has(pattern.family)) {
        ctx.addIssue({ code: 'custom', message: `unknown family "${pattern.family}"`, path: ['patterns', i, 'family'] });
      }
    });
  });

/** Paths of every forbidden key (`__proto__`, `constructor`, `prototype`) anywhere in a JSON value. */
export function findForbiddenKeys(json: unknown, path = '$', found: string[] = [], depth = 0): string[] {
  if (depth > 64) {
    found.push(`${path}: nested too deeply`);
    return found;
  }
  if (Array.isArray(json)) {
    json.forEach((item, index) => findForbiddenKeys(item, `${path}[${index}]`, found, depth + 1));
  } else if (typeof json === 'object' && json !== null) {
    for (const key of Object.keys(json)) {
      if (FORBIDDEN_KEYS.has(key)) found.push(`${path}.${key}: forbidden key`);
      else findForbiddenKeys((json as Record<string, unknown>)[key], `${path}.${key}`, found, depth + 1);
    }
  }
  return found;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`), '$');
}

export type ParseResult = { ok: true; db: DatabaseSource } | { ok: false; errors: string[] };

/** Validates untrusted JSON as a database source. Never throws. */
export function parseDatabaseSource(json: unknown): ParseResult {
  const forbidden = findForbiddenKeys(json);
  if (forbidden.length > 0) return { ok: false, errors: forbidden };
  const result = databaseSourceSchema.safeParse(json);
  if (result.success) return { ok: true, db: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
}

/** The database source format as a JSON Schema document (what src/cli/generate-schema.ts writes). */
export function renderDatabaseJsonSchema(): string {
  const schema = z.toJSONSchema(databaseSourceSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  const document = {
    ...schema,
    title: 'Cảnh Giác pattern database (source format)',
    description:
      'Generated from src/patterns/database-schema.ts by src/cli/generate-schema.ts; do not edit. Cross-field rules (unique ids, known families, safe regexes, examples) are checked by npm run patterns:check.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
