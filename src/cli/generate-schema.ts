/**
 * `tsx src/cli/generate-schema.ts [--check]` — writes src/patterns/database.schema.json from the zod schema in
 * src/patterns/database-schema.ts (JSON Schema draft 2020-12, for editors and external tools). With `--check`, only
 * verifies the committed file is up to date (exit 1 when it is not).
 *
 * The JSON Schema carries the structure; cross-field rules (unique ids, known families, the warning signal) live only in
 * the zod refinements and `npm run patterns:check`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderDatabaseJsonSchema } from '../patterns/database-schema.ts';

export const SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../patterns/database.schema.json');

function main(argv: string[]): number {
  const text = renderDatabaseJsonSchema();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_PATH, 'utf8');
    } catch {
      // A missing file is out of date.
    }
    if (current !== text) {
      console.error(`${SCHEMA_PATH} is out of date: run tsx src/cli/generate-schema.ts`);
      return 1;
    }
    console.log(`${SCHEMA_PATH} is up to date`);
    return 0;
  }
  writeFileSync(SCHEMA_PATH, text);
  console.log(`wrote ${SCHEMA_PATH}`);
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) process.exitCode = main(process.argv.slice(2));
