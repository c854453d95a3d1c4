/**
 * `npm run corpus:misses -- [--family F] [--model off] [--quiet] FILE…` — for pattern authors: scans tuning-corpus files
 * (test/corpus/*.jsonl) with the bundled database and prints every miss (a scam judged `clean`) or false warning (a
 * benign text judged `scam`/`suspicious`) with its indicators, then recall / false-warning rate per family or kind.
 *
 * It refuses the blind sets (`*blind*`): those measure generalization and are read only by test/corpus-blind.test.ts,
 * as aggregates (test/corpus/README.md).
 *
 * FILE is a name in test/corpus (`scam-tune3.jsonl`) or a path; `scam*` files hold scams, the others benign texts.
 * `--family F` keeps the items of one family/kind; `--model off` judges with the rules alone; `--quiet` prints only the
 * figures.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileEngine, scanItem, type Verdict } from '../engine/index.ts';
import { assembleDatabase } from '../patterns/index.ts';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/corpus');

interface CorpusItem {
  id: string;
  family?: string;
  kind?: string;
  text: string;
  links?: string[];
}

/** A blind set, by name or as the file behind a link or copy under another name (same contents). */
function isBlindSet(path: string): boolean {
  if (/blind/i.test(basename(path))) return true;
  if (!existsSync(path)) return false;
  const real = realpathSync(path);
  if (/blind/i.test(basename(real))) return true;
  const contents = readFileSync(real, 'utf8');
  return ['scam-blind.jsonl', 'benign-blind.jsonl', 'scam-blind2.jsonl', 'benign-blind2.jsonl', 'scam-blind3.jsonl', 'benign-blind3.jsonl', 'scam-blind4.jsonl', 'benign-blind4.jsonl']
    .map((name) => resolve(CORPUS, name))
    .some((blind) => existsSync(blind) && readFileSync(blind, 'utf8') === contents);
}

function readItems(path: string): CorpusItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusItem);
}

function describeVerdict(v: Verdict): string[] {
  const head = `${v.verdict} ${v.score}${v.warningContext ? ' (warning context)' : ''}`;
  return [
    head,
    ...v.indicators.map((i) => `    · ${i.patternId} [${i.family}/${i.signal}] ${i.weight} “${(i.match ?? '').replace(/\s+/g, ' ').slice(0, 70)}”`),
  ];
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      family: { type: 'string' },
      model: { type: 'string', default: 'on' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) {
    console.error('Usage: npm run corpus:misses -- [--family F] [--model off] [--quiet] FILE…');
    return 1;
  }
  const db = await assembleDatabase();
  const engine = compileEngine(db, values.model === 'off' ? { model: null } : {});
  for (const arg of positionals) {
    const path = existsSync(arg) ? resolve(arg) : resolve(CORPUS, arg);
    if (isBlindSet(path)) {
      console.error(`${basename(path)}: the blind sets are never read item by item (test/corpus/README.md)`);
      return 1;
    }
    if (!existsSync(path)) {
      console.error(`${arg}: no such file`);
      return 1;
    }
    const scams = basename(path).startsWith('scam');
    const items = readItems(path).filter((it) => values.family === undefined || (it.family ?? it.kind) === values.family);
    const groups = new Map<string, [number, number]>();
    let wrong = 0;
    for (const item of items) {
      const verdict = scanItem(engine, item.links ? { text: item.text, links: item.links } : { text: item.text });
      const ok = scams ? verdict.verdict !== 'clean' : verdict.verdict === 'clean';
      const group = item.family ?? item.kind ?? '?';
      const cell = groups.get(group) ?? [0, 0];
      cell[1]++;
      if (ok) cell[0]++;
      groups.set(group, cell);
      if (ok) continue;
      wrong++;
      if (!values.quiet) {
        const [head, ...lines] = describeVerdict(verdict);
        console.log(`— ${item.id}: ${head}`);
        console.log(`    ${item.text.replace(/\n/g, ' ⏎ ').slice(0, 500)}`);
        for (const line of lines) console.log(line);
      }
    }
    const rate = items.length === 0 ? 0 : (100 * (scams ? items.length - wrong : wrong)) / items.length;
    console.log(`${basename(path)}: ${scams ? `missed ${wrong}/${items.length}, recall` : `false warnings ${wrong}/${items.length}, rate`} ${rate.toFixed(1)} %`);
    console.log(`  ${[...groups].map(([g, [ok, n]]) => `${g} ${ok}/${n}`).join('; ')}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
