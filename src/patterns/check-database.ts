/**
 * The pattern database's invariants, checked by `npm run patterns:check` (src/cli/patterns-check.ts) and by tests.
 *
 * Structural rules come from the zod schema (database-schema.ts). On top of them this module checks house rules
 * (id prefixes, duplicate values, weight bands per signal, regexes written against normalized text), the regex
 * safety filter, the allowlist's consistency with blocklisted domains, brand lookalikes and free hosts, and — through
 * the real engine — every pattern's own examples and the texts that must stay clean.
 *
 * The engine is passed in (`EngineApi`) rather than imported, so this module stays testable and the CLI can report a
 * missing or broken engine as one clear failure instead of crashing.
 */
import type { DatabaseSource, PatternSource, Signal, Verdict, VerdictLevel, ScanInput } from '../engine/types.ts';
import { parseDatabaseSource } from './database-schema.ts';

/** The parts of the engine the checker uses (src/engine/index.ts and src/engine/regex-filter.ts). */
export interface EngineApi {
  compileEngine(db: DatabaseSource, opts?: { now?: Date }): CompiledEngine;
  scanItem(engine: CompiledEngine, input: ScanInput): Verdict;
  checkSafeRegex(source: string): { ok: true } | { ok: false; reason: string };
  foldPhrase(phrase: string): string;
  registrableDomain(host: string): string | null;
}

/** What the checker needs from a compiled engine: the patterns the compiler left out (expired, unsafe regex). */
export interface CompiledEngine {
  readonly skipped: readonly { id: string; reason: string }[];
}

/** A text that must get a given verdict (the press release must stay `clean`). */
export interface ExpectedVerdict {
  name: string;
  text: string;
  verdict: VerdictLevel;
}

export interface CheckOptions {
  /** Clock for expiry (default: now). */
  now?: Date;
  /** The engine; when absent, every check that needs it is reported as one failure. */
  engine?: EngineApi;
  /** Why the engine is absent (shown in the failure). */
  engineError?: string;
  expectations?: readonly ExpectedVerdict[];
}

export interface CheckReport {
  /** Failures: the database must not ship while any exist. */
  errors: string[];
  /** Worth a look but not failing (expired entries…). */
  notes: string[];
  stats: DatabaseStats;
}

export interface DatabaseStats {
  patterns: number;
  /** Pattern counts by family, then by kind. */
  byFamily: Record<string, Record<string, number>>;
  byKind: Record<string, number>;
  bySignal: Record<string, number>;
  brands: number;
  allowlist: number;
  freeHosts: number;
  lureKeywords: number;
  examples: number;
}

/**
 * Weight bands per signal (inclusive). They encode the scoring rules in src/engine/README.md: a single warning
 * phrase never makes warning context on its own (< 40), hallmarks are strong but need a second signal to reach
 * `scam` (< 100), other signals stay in the band where one of them alone is at most `clean`/`suspicious`.
 */
export const WEIGHT_BANDS: Readonly<Record<Signal, readonly [number, number]>> = {
  lure: [5, 50],
  payment: [10, 50],
  credential: [10, 50],
  channel: [5, 30],
  pressure: [5, 45],
  authority: [5, 40],
  hallmark: [55, 90],
  warning: [5, 30],
};

/** Domain patterns are blocklist entries: they are meant to make a link `scam` on their own. */
const MIN_DOMAIN_WEIGHT = 80;

const URL_KINDS: ReadonlySet<PatternSource['kind']> = new Set(['domain', 'url']);

export function collectStats(db: DatabaseSource): DatabaseStats {
  const byFamily: Record<string, Record<string, number>> = {};
  const byKind: Record<string, number> = {};
  const bySignal: Record<string, number> = {};
  let examples = 0;
  for (const p of db.patterns) {
    const family = (byFamily[p.family] ??= {});
    family[p.kind] = (family[p.kind] ?? 0) + 1;
    byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    bySignal[p.signal] = (bySignal[p.signal] ?? 0) + 1;
    examples += (p.examples?.match?.length ?? 0) + (p.examples?.noMatch?.length ?? 0);
  }
  return {
    patterns: db.patterns.length,
    byFamily,
    byKind,
    bySignal,
    brands: db.brands.length,
    allowlist: db.allowlist.length,
    freeHosts: db.freeHosts.length,
    lureKeywords: db.lureKeywords.length,
    examples,
  };
}

function isExpired(expires: string | undefined, now: Date): boolean {
  if (expires === undefined) return false;
  const t = Date.parse(expires);
  if (Number.isNaN(t)) return false;
  return (/^\d{4}-\d{2}-\d{2}$/.test(expires) ? t + 86_400_000 : t) <= now.getTime();
}

/** The value a duplicate is judged by, per kind (phrases compare folded when an engine is available). */
function comparableValue(p: PatternSource, fold: ((s: string) => string) | undefined): string {
  switch (p.kind) {
    case 'phrase':
      return p.accents === 'sensitive' ? `sensitive:${p.value.normalize('NFC').toLowerCase()}` : (fold ?? ((s: string) => s.toLowerCase()))(p.value);
    case 'number':
      return p.value.replace(/^\+84/, '0').replace(/\D/g, '');
    case 'domain':
    case 'url':
      return p.value.toLowerCase();
    case 'regex':
      return p.value;
  }
}

/** House rules that need no engine. */
export function checkHouseRules(db: DatabaseSource, fold?: (s: string) => string): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const p of db.patterns) {
    const where = `pattern ${p.id}`;
    if (!p.id.startsWith(`${p.family}-`)) errors.push(`${where}: id must start with its family "${p.family}-"`);
    const [min, max] = WEIGHT_BANDS[p.signal];
    if (URL_KINDS.has(p.kind)) {
      if (p.weight < MIN_DOMAIN_WEIGHT) errors.push(`${where}: a ${p.kind} blocklist entry needs weight ≥ ${MIN_DOMAIN_WEIGHT}`);
    } else if (p.weight < min || p.weight > max) {
      errors.push(`${where}: weight ${p.weight} is outside the ${p.signal} band ${min}–${max}`);
    }
    if (p.kind === 'regex') {
      const bare = p.value.replace(/\\./g, '');
      if (/[A-Z]/.test(bare)) errors.push(`${where}: regexes run on lowercase normalized text; uppercase letters never match`);
      if (/[^\u0020-\u007e]/.test(bare)) errors.push(`${where}: regexes run on accent-folded ASCII text; write "viec" not "việc"`);
    }
    if (p.kind === 'phrase' && fold) {
      const folded = fold(p.value);
      if (!folded.includes(' ')) errors.push(`${where}: a phrase must have at least two words ("${folded}" alone is too generic)`);
    }
    if (!URL_KINDS.has(p.kind) && p.kind !== 'number' && (p.examples?.match?.length ?? 0) === 0) {
      errors.push(`${where}: needs at least one examples.match text`);
    }
    const key = `${p.kind}\u0000${comparableValue(p, fold)}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push(`${where}: same ${p.kind} value as ${first}`);
    else seen.set(key, p.id);
  }
  const used = new Set(db.patterns.map((p) => p.family));
  for (const f of db.families) {
    if (!used.has(f.id)) errors.push(`family ${f.id}: has no patterns`);
    for (const field of ['name', 'description', 'advice'] as const) {
      if (f[field].vi.trim() === f[field].en.trim()) errors.push(`family ${f.id}: ${field} is not translated (vi = en)`);
    }
  }
  return errors;
}

/** Allowlist vs blocklist, free hosts and (with an engine) brand lookalikes. */
function checkAllowlist(db: DatabaseSource, api: EngineApi | undefined, now: Date): string[] {
  const errors: string[] = [];
  const brandDomains = db.brands.flatMap((b) => b.domains.map((d) => ({ domain: d, brand: b.id })));
  const allowed = [...db.allowlist.map((d) => ({ domain: d, brand: undefined as string | undefined })), ...brandDomains];
  const covers = (allow: string, host: string): boolean => host === allow || host.endsWith(`.${allow}`);
  for (const p of db.patterns) {
    if (p.kind !== 'domain' && p.kind !== 'url') continue;
    const host = p.kind === 'domain' ? p.value.replace(/^=/, '') : (p.value.split('/')[0] ?? '');
    for (const a of allowed) {
      if (p.kind === 'domain' && (covers(a.domain, host) || covers(host, a.domain))) {
        errors.push(`pattern ${p.id}: blocks ${host}, which overlaps allowlisted ${a.domain}${a.brand ? ` (brand ${a.brand})` : ''}`);
      }
    }
  }
  // A free host under an allowlisted domain (sites.google.com under google.com) is fine: the engine never allowlists a
  // page on a free host (domains.ts, checkHost). An allowlisted domain that is a free host or a page on one would
  // silently not be allowlisted.
  for (const free of db.freeHosts) {
    for (const a of allowed) {
      if (covers(free, a.domain)) errors.push(`allowlist ${a.domain}${a.brand ? ` (brand ${a.brand})` : ''}: is on the free host ${free}, and a page on a free host is never allowlisted`);
    }
  }
  if (api) {
    // Scan every extra-allowlisted domain with an engine that does not allowlist it: it must not look like a brand.
    const probe = api.compileEngine({ ...db, allowlist: [], patterns: db.patterns.filter((p) => URL_KINDS.has(p.kind)) }, { now });
    for (const domain of db.allowlist) {
      if (!domain.includes('.') || !/[a-z]/.test(domain.split('.')[0] ?? '')) continue;
      const verdict = api.scanItem(probe, { text: '', links: [`https://${domain}/`] });
      for (const ind of verdict.indicators) {
        errors.push(`allowlist ${domain}: would otherwise be flagged (${ind.kind} ${ind.patternId}) — it is blocked or looks like a brand`);
      }
    }
  }
  return errors;
}

/** Runs every pattern's examples through the engine, plus the texts whose verdict is fixed. */
function checkWithEngine(db: DatabaseSource, api: EngineApi, options: CheckOptions, now: Date, notes: string[]): string[] {
  const errors: string[] = [];
  for (const p of db.patterns) {
    if (p.kind !== 'regex') continue;
    const safe = api.checkSafeRegex(p.value);
    if (!safe.ok) errors.push(`pattern ${p.id}: unsafe regex: ${safe.reason}`);
  }
  const engine = api.compileEngine(db, { now });
  for (const s of engine.skipped) {
    if (/^(expired|unsafe regex)/.test(s.reason)) continue; // expiry is a note; unsafe regexes are reported above
    errors.push(`pattern ${s.id}: left out by the engine: ${s.reason}`);
  }
  const skipped = new Set(engine.skipped.map((s) => s.id));
  const scanExample = (p: PatternSource, example: string): Verdict =>
    URL_KINDS.has(p.kind)
      ? api.scanItem(engine, { text: '', links: [/^[a-z][a-z0-9+.-]*:\/\//i.test(example) ? example : `https://${example}`] })
      : api.scanItem(engine, { text: example });
  for (const p of db.patterns) {
    if (skipped.has(p.id)) continue;
    for (const example of p.examples?.match ?? []) {
      const verdict = scanExample(p, example);
      if (!verdict.indicators.some((i) => i.patternId === p.id)) {
        errors.push(`pattern ${p.id}: does not match its example ${JSON.stringify(example)}`);
      }
    }
    for (const example of p.examples?.noMatch ?? []) {
      const verdict = scanExample(p, example);
      if (verdict.indicators.some((i) => i.patternId === p.id)) {
        errors.push(`pattern ${p.id}: matches its noMatch example ${JSON.stringify(example)}`);
      }
    }
  }
  for (const expected of options.expectations ?? []) {
    const verdict = api.scanItem(engine, { text: expected.text });
    const found = [...new Set(verdict.indicators.map((i) => `${i.patternId}(${i.weight})`))].join(', ');
    const line = `${expected.name}: ${verdict.verdict}, score ${verdict.score}, warning context ${String(verdict.warningContext)}; indicators: ${found || 'none'}`;
    if (verdict.verdict !== expected.verdict) errors.push(`${line} — expected ${expected.verdict}`);
    else notes.push(line);
  }
  return errors;
}

/** Checks a database given as untrusted JSON. Never throws. */
export function checkDatabase(json: unknown, options: CheckOptions = {}): CheckReport {
  const now = options.now ?? new Date();
  const parsed = parseDatabaseSource(json);
  const empty: DatabaseStats = collectStats({ format: 1, version: 1, created: '', families: [], patterns: [], brands: [], allowlist: [], freeHosts: [], lureKeywords: [] });
  if (!parsed.ok) return { errors: parsed.errors.map((e) => `schema ${e}`), notes: [], stats: empty };
  const db = parsed.db;
  const notes: string[] = [];
  const errors: string[] = [];
  const api = options.engine;
  const guard = (what: string, run: () => string[]): void => {
    try {
      errors.push(...run());
    } catch (error) {
      errors.push(`${what} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  guard('house rules', () => checkHouseRules(db, api?.foldPhrase));
  guard('allowlist check', () => checkAllowlist(db, api, now));
  for (const p of db.patterns) if (isExpired(p.expires, now)) notes.push(`pattern ${p.id}: expired on ${p.expires ?? ''} (ignored by the engine)`);
  if (api) guard('engine check', () => checkWithEngine(db, api, options, now, notes));
  else errors.push(`engine unavailable, examples and expected verdicts were NOT checked: ${options.engineError ?? 'no engine given'}`);
  return { errors, notes, stats: collectStats(db) };
}
