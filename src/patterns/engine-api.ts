/**
 * The real engine behind `EngineApi` (what check-database.ts needs), for the patterns:check CLI and the tests.
 * Kept apart from check-database.ts so the checker itself does not depend on the engine being present.
 */
import { compileEngine, registrableDomain, scanItem, type Engine } from '../engine/index.ts';
import { foldPhrase } from '../engine/normalize.ts';
import { checkSafeRegex } from '../engine/regex-filter.ts';
import type { CompiledEngine, EngineApi } from './check-database.ts';

function isEngine(value: CompiledEngine): value is Engine {
  return 'phrases' in value && 'regexes' in value && 'domains' in value;
}

export function createEngineApi(): EngineApi {
  return {
    compileEngine: (db, opts) => compileEngine(db, opts),
    scanItem: (engine, input) => {
      if (!isEngine(engine)) throw new TypeError('scanItem needs an engine made by compileEngine');
      return scanItem(engine, input);
    },
    checkSafeRegex: (source) => checkSafeRegex(source),
    foldPhrase: (phrase) => foldPhrase(phrase),
    registrableDomain: (host) => registrableDomain(host),
  };
}
