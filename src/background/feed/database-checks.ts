import { compileEngine, serializeEngine } from '@/src/engine';
import { checkSafeRegex } from '@/src/engine/regex-filter';
import type { DatabaseSource } from '@/src/engine/types';
import { parseDatabaseSource } from '@/src/patterns/database-schema';
import type { DatabaseChecks } from './verify-feed';

/** The real checks a feed database must pass (schema, regex safety): the service worker and the tests use these. */
export const DATABASE_CHECKS: DatabaseChecks = {
  parse: parseDatabaseSource,
  checkRegex: (source) => {
    const result = checkSafeRegex(source);
    return result.ok ? null : result.reason;
  },
};

/** Compiles a verified database into the serialized engine content scripts load. */
export async function compileForPublishing(source: DatabaseSource) {
  return serializeEngine(compileEngine(source));
}
