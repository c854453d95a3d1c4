/**
 * The compiled engine as a JSON-able object, so the background can store it (IndexedDB) and load it without
 * recompiling the phrase automaton. `loadEngine` throws on anything it does not recognise (wrong magic, format,
 * checksum, shape): callers then recompile from the database source.
 *
 * Bump ENGINE_FORMAT whenever the layout of `data` changes (including the phrase matcher's or regex set's own
 * serialized layout), so stale stored engines are rejected instead of misread.
 */
import type { Engine, PatternInfo, SkippedPattern } from './compile.ts';
import { loadDomainIndex, type DomainIndexSource } from './domains.ts';
import { loadNumberIndex, type NumberPatternSource } from './numbers.ts';
import { loadPhraseMatcher, type SerializedPhraseMatcher } from './phrase-matcher.ts';
import { loadRegexSet } from './regex-filter.ts';
import { loadTextModel, type TextModelSource } from './text-model.ts';
import type { FamilyId, FamilySource } from './types.ts';
import { loadUrlIndex, type UrlPatternSource } from './urls.ts';

export const ENGINE_MAGIC = 'canhgiac-engine';
/** Format 10: the largest sections moved from `data` to `parts`, each parsed in a step of its own (`loadEngineSteps`). */
export const ENGINE_FORMAT = 10;

/**
 * The sections of `SerializedEngineData` kept out of `data`, one JSON text each in `SerializedEngine.parts` (in this
 * order): the largest ones, so that no single `JSON.parse` of the engine is long. With 2,091 patterns the whole data
 * was ~1.9 MB; parsed at once in a content script it made one task of ~76 ms (58 ms of CPU, half of it the parse and
 * the garbage collection after it) in `npm run bench:browser`. Split here, the largest part is ~0.8 MB.
 */
export const ENGINE_PARTS: readonly (readonly [keyof SerializedEngineData, ...string[]])[] = [
  ['patterns'],
  ['regexes', 'entries'],
  ['regexes', 'index'],
  ['model'],
];

export interface SerializedEngineData {
  version: number;
  created: string;
  families: FamilySource[];
  patterns: PatternInfo[];
  brandFamilies: FamilyId[];
  phrases: SerializedPhraseMatcher;
  regexes: unknown;
  domains: DomainIndexSource;
  urls: UrlPatternSource[];
  numbers: NumberPatternSource[];
  /** The text model without its training description (format 6+). */
  model: TextModelSource | null;
  skipped: SkippedPattern[];
}

export interface SerializedEngine {
  magic: typeof ENGINE_MAGIC;
  format: number;
  dbVersion: number;
  /** cyrb53 of `data` and then each of `parts` (`hashEngineText`), 14 hex digits. */
  checksum: string;
  /**
   * The engine's data as JSON text. A string, not an object: stores such as Chromium's `storage.local` give objects
   * back with their keys reordered, which would break a checksum over re-stringified data (format 1's bug).
   */
  data: string;
  /** The sections of ENGINE_PARTS, one JSON text each, in that order (left out of `data`). */
  parts: string[];
}

/**
 * cyrb53: a fast 53-bit non-cryptographic string hash (public domain, bryc). Detects corruption, not tampering. An
 * array is hashed as its strings in turn with a 0 code unit before each but the first (["ab", "c"] ≠ ["a", "bc"]).
 */
export function hashString(input: string | readonly string[], seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  const pieces = typeof input === 'string' ? [input] : input;
  for (let p = 0; p < pieces.length; p++) {
    if (p > 0) {
      h1 = Math.imul(h1, 2654435761);
      h2 = Math.imul(h2, 1597334677);
    }
    const piece = pieces[p] ?? '';
    for (let i = 0; i < piece.length; i++) {
      const ch = piece.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}

/** Serializes a compiled engine (see `SerializedEngine`); `loadEngine` reverses it without recompiling. */
export function serializeEngine(engine: Engine): SerializedEngine {
  const data: SerializedEngineData = {
    version: engine.version,
    created: engine.created,
    families: Object.values(engine.families),
    patterns: engine.patterns.map((p) => ({ ...p })),
    brandFamilies: [...engine.brandFamilies],
    phrases: engine.phrases.serialize(),
    regexes: engine.regexes.serialize(),
    domains: engine.domains.serialize(),
    urls: engine.urls.serialize(),
    numbers: engine.numbers.serialize(),
    model: engine.model ? { ...engine.model.source, training: undefined } : null,
    skipped: [...engine.skipped],
  };
  const rest = data as unknown as Record<string, unknown>;
  const parts = ENGINE_PARTS.map((path) => JSON.stringify(takeAt(rest, path) ?? null));
  const json = JSON.stringify(rest);
  return { magic: ENGINE_MAGIC, format: ENGINE_FORMAT, dbVersion: engine.version, checksum: hashEngineText(json, parts), data: json, parts };
}

/** The checksum of an engine's texts: `data`, then each part. */
export function hashEngineText(data: string, parts: readonly string[]): string {
  // With no parts this is hashString(data), format 9's checksum: the format and the number of parts tell them apart.
  return hashString([data, ...parts]);
}

/** Whether a stored engine's texts still match its checksum (the background's check before it keeps a copy). */
export function isEngineIntact(stored: unknown): boolean {
  if (!isRecord(stored)) return false;
  const { data, parts, checksum } = stored;
  return typeof data === 'string' && isTextList(parts) && hashEngineText(data, parts) === checksum;
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((part) => typeof part === 'string');
}

/** Removes and returns the value at `path` of `record` (undefined when a step is missing). */
function takeAt(record: Record<string, unknown>, path: readonly string[]): unknown {
  let holder: unknown = record;
  for (const key of path.slice(0, -1)) holder = isRecord(holder) ? holder[key] : undefined;
  const last = path[path.length - 1] ?? '';
  if (!isRecord(holder) || !(last in holder)) return undefined;
  const value = holder[last];
  delete holder[last];
  return value;
}

/** Sets the value at `path` of `record`; false when a step before the last is not an object. */
function putAt(record: Record<string, unknown>, path: readonly string[], value: unknown): boolean {
  let holder: unknown = record;
  for (const key of path.slice(0, -1)) holder = isRecord(holder) ? holder[key] : undefined;
  if (!isRecord(holder)) return false;
  holder[path[path.length - 1] ?? ''] = value;
  return true;
}

export class EngineLoadError extends Error {
  override name = 'EngineLoadError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface LoadEngineOptions {
  /**
   * Check the data against its checksum (default true). Content scripts skip it: the copy they read from
   * storage.local is written in one atomic `set()` by the background from an engine it has just compiled, and the
   * background re-checks that copy before it keeps it (src/background/engine-store.ts); hashing ~0.5 MB in code that
   * runs once per page — never optimized — cost ~25 ms of a tab's start-up. Magic, format, JSON and shape are still
   * checked.
   */
  verifyChecksum?: boolean;
}

/** Loads a serialized engine at once (`loadEngineSteps` run to the end). Throws `EngineLoadError`. */
export function loadEngine(serialized: unknown, options: LoadEngineOptions = {}): Engine {
  const steps = loadEngineSteps(serialized, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Loads a serialized engine in steps: each `next()` does one bounded piece (check the envelope, parse `data`, parse
 * one part, build the indexes) and the last returns the engine. A content script yields to the page between steps, so
 * no step makes a long task. Throws `EngineLoadError` from the step that finds the problem.
 */
export function* loadEngineSteps(serialized: unknown, options: LoadEngineOptions = {}): Generator<void, Engine, void> {
  if (!isRecord(serialized)) throw new EngineLoadError('not a serialized engine');
  if (serialized['magic'] !== ENGINE_MAGIC) throw new EngineLoadError('wrong magic');
  if (serialized['format'] !== ENGINE_FORMAT) {
    throw new EngineLoadError(`unsupported format ${String(serialized['format'])} (expected ${ENGINE_FORMAT})`);
  }
  const json = serialized['data'];
  if (typeof json !== 'string') throw new EngineLoadError('missing data');
  const given = serialized['parts'];
  if (!isTextList(given) || given.length !== ENGINE_PARTS.length) throw new EngineLoadError('missing parts');
  // A copy: the parts are read in later steps, and the caller's array could change between them.
  const parts = [...given];
  if (options.verifyChecksum !== false) {
    if (hashEngineText(json, parts) !== serialized['checksum']) throw new EngineLoadError('checksum mismatch');
    yield;
  }
  const data = parseJson(json);
  if (!isRecord(data)) throw new EngineLoadError('malformed data');
  for (let p = 0; p < ENGINE_PARTS.length; p++) {
    yield;
    if (!putAt(data, ENGINE_PARTS[p] ?? [], parseJson(parts[p] ?? ''))) throw new EngineLoadError('malformed data');
  }
  yield;
  const d = data as unknown as SerializedEngineData;
  if (
    typeof d.version !== 'number' ||
    !Array.isArray(d.families) ||
    !Array.isArray(d.patterns) ||
    !Array.isArray(d.brandFamilies) ||
    !isRecord(d.domains) ||
    !Array.isArray(d.urls) ||
    !Array.isArray(d.numbers)
  ) {
    throw new EngineLoadError('malformed data');
  }
  if (serialized['dbVersion'] !== d.version) throw new EngineLoadError('dbVersion does not match data');
  const families: Record<FamilyId, FamilySource> = {};
  for (const f of d.families) families[f.id] = f;
  try {
    return {
      version: d.version,
      created: d.created,
      families,
      patterns: d.patterns,
      brandFamilies: d.brandFamilies,
      phrases: loadPhraseMatcher(d.phrases),
      regexes: loadRegexSet(d.regexes),
      domains: loadDomainIndex(d.domains),
      urls: loadUrlIndex(d.urls),
      numbers: loadNumberIndex(d.numbers),
      model: d.model === null ? null : loadTextModel(d.model),
      skipped: Array.isArray(d.skipped) ? d.skipped : [],
    };
  } catch (err) {
    throw new EngineLoadError(`malformed data: ${String(err)}`);
  }
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new EngineLoadError('malformed data: not JSON');
  }
}
