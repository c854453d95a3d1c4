/**
 * `npm run patterns:check` — validates the bundled pattern database (src/patterns): schema, house rules, safe regexes,
 * allowlist consistency, every pattern's examples run through the real engine, and the police press release that must
 * scan `clean`. Prints a readable report; exits 1 when anything fails.
 *
 * Options: `--db FILE` checks a database JSON file instead of the bundled one; `--quiet` prints only failures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkDatabase, type CheckReport, type EngineApi, type ExpectedVerdict } from '../patterns/check-database.ts';
import { assembleDatabase } from '../patterns/index.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PRESS_RELEASE = 'press-release-phu-ly-2022-10-14.txt';
/** The press release lives in test/corpus once the corpus is committed, in the shared folder before that. */
const PRESS_RELEASE_PATHS = [resolve(REPO_ROOT, 'test/corpus', PRESS_RELEASE), resolve(REPO_ROOT, '../shared/corpus', PRESS_RELEASE)];

/** Loads the engine lazily so a missing or broken engine becomes one readable failure. */
async function loadEngineApi(): Promise<{ api: EngineApi } | { error: string }> {
  try {
    const { createEngineApi } = await import('../patterns/engine-api.ts');
    return { api: createEngineApi() };
  } catch (error) {
    return { error: `cannot load src/engine (${error instanceof Error ? error.message : String(error)})` };
  }
}

function loadExpectations(): { expectations: ExpectedVerdict[]; errors: string[] } {
  const path = PRESS_RELEASE_PATHS.find((p) => existsSync(p));
  if (path === undefined) return { expectations: [], errors: [`press release not found in ${PRESS_RELEASE_PATHS.join(' or ')}`] };
  return { expectations: [{ name: `press release (${path})`, text: readFileSync(path, 'utf8'), verdict: 'clean' }], errors: [] };
}

function formatStats(report: CheckReport): string {
  const s = report.stats;
  const kinds = ['phrase', 'regex', 'domain', 'url', 'number'];
  const rows = Object.entries(s.byFamily).map(([family, byKind]) => {
    const total = Object.values(byKind).reduce((a, b) => a + b, 0);
    return `  ${family.padEnd(24)} ${String(total).padStart(4)}   ${kinds.map((k) => `${k} ${byKind[k] ?? 0}`).join(', ')}`;
  });
  return [
    `patterns: ${s.patterns} (${kinds.map((k) => `${k} ${s.byKind[k] ?? 0}`).join(', ')}); examples: ${s.examples}`,
    `signals: ${Object.entries(s.bySignal).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    `brands: ${s.brands}, allowlist: ${s.allowlist}, freeHosts: ${s.freeHosts}, lureKeywords: ${s.lureKeywords}`,
    'by family:',
    ...rows,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, quiet: { type: 'boolean' } } });
  let json: unknown;
  if (values.db !== undefined) {
    try {
      json = JSON.parse(readFileSync(values.db, 'utf8'));
    } catch (error) {
      console.error(`cannot read ${values.db}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  } else {
    json = assembleDatabase();
  }
  const loaded = await loadEngineApi();
  const { expectations, errors: expectationErrors } = loadExpectations();
  const report = checkDatabase(json, {
    ...('api' in loaded ? { engine: loaded.api } : { engineError: loaded.error }),
    expectations,
  });
  report.errors.push(...expectationErrors);
  if (!values.quiet) {
    console.log(formatStats(report));
    for (const note of report.notes) console.log(`note: ${note}`);
  }
  if (report.errors.length > 0) {
    console.error(`\n${report.errors.length} problem(s):`);
    for (const error of report.errors) console.error(`  ✗ ${error}`);
    return 1;
  }
  console.log('\npatterns:check passed');
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
