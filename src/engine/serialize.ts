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
export const ENGINE_FORMAT = 9;

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
  /** cyrb53 of `data` (the JSON text), 14 hex digits. */
  checksum: string;
  /**
   * The engine's data as JSON text. A string, not an object: stores such as Chromium's `storage.local` give objects
   * back with their keys reordered, which would break a checksum over re-stringified data (format 1's bug).
   */
  data: string;
}

/** cyrb53: a fast 53-bit non-cryptographic string hash (public domain, bryc). Detects corruption, not tampering. */
export function hashString(input: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
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
  const json = JSON.stringify(data);
  return { magic: ENGINE_MAGIC, format: ENGINE_FORMAT, dbVersion: engine.version, checksum: hashString(json), data: json };
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

export function loadEngine(serialized: unknown, options: LoadEngineOptions = {}): Engine {
  if (!isRecord(serialized)) throw new EngineLoadError('not a serialized engine');
  if (serialized['magic'] !== ENGINE_MAGIC) throw new EngineLoadError('wrong magic');
  if (serialized['format'] !== ENGINE_FORMAT) {
    throw new EngineLoadError(`unsupported format ${String(serialized['format'])} (expected ${ENGINE_FORMAT})`);
  }
  const json = serialized['data'];
  if (typeof json !== 'string') throw new EngineLoadError('missing data');
  if (options.verifyChecksum !== false && hashString(json) !== serialized['checksum']) throw new EngineLoadError('checksum mismatch');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new EngineLoadError('malformed data: not JSON');
  }
  if (!isRecord(data)) throw new EngineLoadError('malformed data');
  const d = data as unknown as SerializedEngineData;
  if (
    typeof d.version !== 'number' ||
    !Array.isArray(d.families) ||
    !Array.isArray(d.patterns) ||
    !Array.isArray(d.brandFamilies) ||
    !isRecord(d.domains) ||
    !Array.isArray(d.urls) ||
    !Array.isArray(d.numbers) ||
    d.model === undefined
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
