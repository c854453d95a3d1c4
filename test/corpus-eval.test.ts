/**
 * Corpus evaluation: scans the labelled corpus with the bundled database and prints recall per family and the
 * false-warning rate per kind, for the dev and holdout splits separately, plus every miss. Fails when overall recall
 * is below 90 %, false warnings exceed 3 %, or the police press release is not clean.
 *
 * The `fresh` set (scam-fresh.jsonl, benign-fresh.jsonl) was written later by someone who had seen neither the
 * patterns nor the other texts. It was the untouched estimate until 2026-11-29; since session 2 it has been tuned on
 * by class like dev/holdout (test/corpus/README.md), so its bars are now a regression guard at the level reached
 * then, and the blind sets (test/corpus-blind.test.ts) are the honest estimate. Only its aggregate figures are
 * printed here.
 *
 * A scam item passes when its verdict is `scam` or `suspicious`; a benign item passes when it is `clean`
 * (test/corpus/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileEngine, scanItem, type Engine, type ScanInput, type Verdict } from '../src/engine/index.ts';
import { assembleDatabase } from '../src/patterns/index.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
const MIN_RECALL = 0.9;
const MAX_FALSE_WARNINGS = 0.03;
const FRESH_MIN_RECALL = 0.97;
const FRESH_MAX_FALSE_WARNINGS = 0.03;
/** Tuning set 3 (session 3): a regression guard at the level reached when it was tuned on (README). */
const TUNE3_MIN_RECALL = 0.95;
const TUNE3_MAX_FALSE_WARNINGS = 0.02;
/** Tuning set 4 (session 3, second round): a regression guard at the level reached when it was tuned on. */
const TUNE4_MIN_RECALL = 0.93;
const TUNE4_MAX_FALSE_WARNINGS = 0.05;
type Split = 'dev' | 'holdout' | 'fresh' | 'tune3' | 'tune4';

interface ScamItem {
  id: string;
  family: string;
  text: string;
  links?: string[];
  split: Split;
}
interface BenignItem {
  id: string;
  kind: string;
  text: string;
  links?: string[];
  split: Split;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(join(CORPUS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function toInput(item: { text: string; links?: string[] }): ScanInput {
  return item.links ? { text: item.text, links: item.links } : { text: item.text };
}

interface Row {
  group: string;
  dev: [number, number];
  holdout: [number, number];
  fresh: [number, number];
  tune3: [number, number];
  tune4: [number, number];
}

function tabulate<T extends { split: Split }>(items: T[], groupOf: (t: T) => string, pass: (t: T) => boolean): Row[] {
  const rows = new Map<string, Row>();
  for (const item of items) {
    const g = groupOf(item);
    const row = rows.get(g) ?? { group: g, dev: [0, 0], holdout: [0, 0], fresh: [0, 0], tune3: [0, 0], tune4: [0, 0] };
    const cell = row[item.split];
    if (pass(item)) cell[0]++;
    cell[1]++;
    rows.set(g, row);
  }
  return [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));
}

function formatCell([n, total]: [number, number]): string {
  return total === 0 ? '—' : `${n}/${total} ${((100 * n) / total).toFixed(0)}%`;
}

function formatTable(title: string, rows: Row[]): string {
  const total = rows.reduce<Row>(
    (acc, r) => ({
      group: 'ALL',
      dev: [acc.dev[0] + r.dev[0], acc.dev[1] + r.dev[1]],
      holdout: [acc.holdout[0] + r.holdout[0], acc.holdout[1] + r.holdout[1]],
      fresh: [acc.fresh[0] + r.fresh[0], acc.fresh[1] + r.fresh[1]],
      tune3: [acc.tune3[0] + r.tune3[0], acc.tune3[1] + r.tune3[1]],
      tune4: [acc.tune4[0] + r.tune4[0], acc.tune4[1] + r.tune4[1]],
    }),
    { group: 'ALL', dev: [0, 0], holdout: [0, 0], fresh: [0, 0], tune3: [0, 0], tune4: [0, 0] },
  );
  const lines = [...rows, total].map(
    (r) =>
      `${r.group.padEnd(26)} ${formatCell(r.dev).padStart(14)} ${formatCell(r.holdout).padStart(14)} ${formatCell(r.fresh).padStart(14)} ${formatCell(r.tune3).padStart(14)} ${formatCell(r.tune4).padStart(14)}`,
  );
  return [`${title.padEnd(26)} ${'dev'.padStart(14)} ${'holdout'.padStart(14)} ${'fresh'.padStart(14)} ${'tune3'.padStart(14)} ${'tune4'.padStart(14)}`, ...lines].join('\n');
}

function summarize(v: Verdict): string {
  const ids = [...new Set(v.indicators.map((i) => i.patternId))].join(', ');
  return `${v.verdict} ${v.score}${v.warningContext ? ' (warning ctx)' : ''} [${ids}]`;
}

let engine: Engine;
let scams: ScamItem[] = [];
let benign: BenignItem[] = [];
let freshScams: ScamItem[] = [];
let freshBenign: BenignItem[] = [];
let tune3Scams: ScamItem[] = [];
let tune3Benign: BenignItem[] = [];
let tune4Scams: ScamItem[] = [];
let tune4Benign: BenignItem[] = [];
let tune5Benign: BenignItem[] = [];
let tune6Scams: ScamItem[] = [];
const verdicts = new Map<string, Verdict>();

beforeAll(async () => {
  engine = compileEngine(await assembleDatabase());
  scams = readJsonl<ScamItem>('scam.jsonl');
  benign = readJsonl<BenignItem>('benign.jsonl');
  freshScams = readJsonl<ScamItem>('scam-fresh.jsonl');
  freshBenign = readJsonl<BenignItem>('benign-fresh.jsonl');
  tune3Scams = readJsonl<ScamItem>('scam-tune3.jsonl');
  tune3Benign = readJsonl<BenignItem>('benign-tune3.jsonl');
  tune4Scams = readJsonl<ScamItem>('scam-tune4.jsonl');
  tune4Benign = readJsonl<BenignItem>('benign-tune4.jsonl');
  tune5Benign = readJsonl<BenignItem>('benign-tune5.jsonl');
  tune6Scams = readJsonl<ScamItem>('scam-tune6.jsonl');
  for (const item of [...scams, ...benign, ...freshScams, ...freshBenign, ...tune3Scams, ...tune3Benign, ...tune4Scams, ...tune4Benign, ...tune5Benign, ...tune6Scams])
    verdicts.set(item.id, scanItem(engine, toInput(item)));
});

describe('corpus evaluation (bundled database)', () => {
  it('prints the tables and misses; recall ≥ 90 %, false warnings ≤ 3 %', () => {
    const caught = (item: ScamItem): boolean => verdicts.get(item.id)?.verdict !== 'clean';
    const quiet = (item: BenignItem): boolean => verdicts.get(item.id)?.verdict === 'clean';
    const recallRows = tabulate(scams, (s) => s.family, caught);
    const warnRows = tabulate(benign, (b) => b.kind, (b) => !quiet(b));
    const scamVerdicts = tabulate(scams, (s) => s.family, (s) => verdicts.get(s.id)?.verdict === 'scam');

    const missed = scams.filter((s) => !caught(s));
    const falseWarnings = benign.filter((b) => !quiet(b));
    const report = [
      formatTable('RECALL (scam|suspicious)', recallRows),
      '',
      formatTable('verdict = scam', scamVerdicts),
      '',
      formatTable('FALSE WARNINGS (benign)', warnRows),
      '',
      `MISSED SCAMS (${missed.length}):`,
      ...missed.map((s) => `  ${s.id} [${s.split}] ${summarize(verdicts.get(s.id) as Verdict)}\n    ${s.text.slice(0, 160).replace(/\n/g, ' ')}`),
      '',
      `FALSE WARNINGS (${falseWarnings.length}):`,
      ...falseWarnings.map((b) => `  ${b.id} [${b.split}] ${summarize(verdicts.get(b.id) as Verdict)}\n    ${b.text.slice(0, 160).replace(/\n/g, ' ')}`),
    ].join('\n');
    console.log(report);

    const recall = (scams.length - missed.length) / scams.length;
    const falseRate = falseWarnings.length / benign.length;
    console.log(`overall recall ${(100 * recall).toFixed(1)} %, false warnings ${(100 * falseRate).toFixed(1)} %`);
    expect(scams.length).toBeGreaterThan(0);
    expect(benign.length).toBeGreaterThan(0);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(falseRate).toBeLessThanOrEqual(MAX_FALSE_WARNINGS);
  });

  it(`the fresh set (tuned since session 2, a regression guard): recall ≥ ${100 * FRESH_MIN_RECALL} %, false warnings ≤ ${100 * FRESH_MAX_FALSE_WARNINGS} % (aggregates only)`, () => {
    const caught = (item: ScamItem): boolean => verdicts.get(item.id)?.verdict !== 'clean';
    const flagged = (item: BenignItem): boolean => verdicts.get(item.id)?.verdict !== 'clean';
    console.log(
      [
        formatTable('FRESH RECALL', tabulate(freshScams, (s) => s.family, caught)),
        '',
        formatTable('FRESH FALSE WARNINGS', tabulate(freshBenign, (b) => b.kind, flagged)),
      ].join('\n'),
    );
    const recall = freshScams.filter(caught).length / freshScams.length;
    const falseRate = freshBenign.filter(flagged).length / freshBenign.length;
    console.log(`fresh recall ${(100 * recall).toFixed(1)} %, false warnings ${(100 * falseRate).toFixed(1)} %`);
    expect(freshScams.length).toBeGreaterThanOrEqual(100);
    expect(freshBenign.length).toBeGreaterThanOrEqual(90);
    expect(recall).toBeGreaterThanOrEqual(FRESH_MIN_RECALL);
    expect(falseRate).toBeLessThanOrEqual(FRESH_MAX_FALSE_WARNINGS);
  });

  it(`tuning set 3 (tuned in session 3, a regression guard): recall ≥ ${100 * TUNE3_MIN_RECALL} %, false warnings ≤ ${100 * TUNE3_MAX_FALSE_WARNINGS} % (aggregates; misses via npm run corpus:misses)`, () => {
    const caught = (item: ScamItem): boolean => verdicts.get(item.id)?.verdict !== 'clean';
    const flagged = (item: BenignItem): boolean => verdicts.get(item.id)?.verdict !== 'clean';
    console.log(
      [
        formatTable('TUNE3 RECALL', tabulate(tune3Scams, (s) => s.family, caught)),
        '',
        formatTable('TUNE3 FALSE WARNINGS', tabulate(tune3Benign, (b) => b.kind, flagged)),
      ].join('\n'),
    );
    const recall = tune3Scams.filter(caught).length / tune3Scams.length;
    const falseRate = tune3Benign.filter(flagged).length / tune3Benign.length;
    console.log(`tune3 recall ${(100 * recall).toFixed(1)} %, false warnings ${(100 * falseRate).toFixed(1)} %`);
    expect(tune3Scams.length).toBeGreaterThanOrEqual(200);
    expect(tune3Benign.length).toBeGreaterThanOrEqual(200);
    expect(recall).toBeGreaterThanOrEqual(TUNE3_MIN_RECALL);
    expect(falseRate).toBeLessThanOrEqual(TUNE3_MAX_FALSE_WARNINGS);
  });

  it(`tuning set 4 (tuned in session 3, a regression guard): recall ≥ ${100 * TUNE4_MIN_RECALL} %, false warnings ≤ ${100 * TUNE4_MAX_FALSE_WARNINGS} % (aggregates; misses via npm run corpus:misses)`, () => {
    const caught = (item: ScamItem): boolean => verdicts.get(item.id)?.verdict !== 'clean';
    const flagged = (item: BenignItem): boolean => verdicts.get(item.id)?.verdict !== 'clean';
    const recall = tune4Scams.filter(caught).length / tune4Scams.length;
    const falseRate = tune4Benign.filter(flagged).length / tune4Benign.length;
    console.log(`tune4 recall ${(100 * recall).toFixed(1)} %, false warnings ${(100 * falseRate).toFixed(1)} %`);
    expect(tune4Scams.length).toBeGreaterThanOrEqual(120);
    expect(tune4Benign.length).toBeGreaterThanOrEqual(130);
    expect(recall).toBeGreaterThanOrEqual(TUNE4_MIN_RECALL);
    expect(falseRate).toBeLessThanOrEqual(TUNE4_MAX_FALSE_WARNINGS);
  });

  it('hard negatives round 5 (tuned in session 3, a regression guard): false warnings ≤ 8 %', () => {
    const flagged = tune5Benign.filter((item) => verdicts.get(item.id)?.verdict !== 'clean').length;
    console.log(`tune5 false warnings ${((100 * flagged) / tune5Benign.length).toFixed(1)} % (${flagged}/${tune5Benign.length})`);
    expect(tune5Benign.length).toBeGreaterThanOrEqual(90);
    expect(flagged / tune5Benign.length).toBeLessThanOrEqual(0.08);
  });

  it('scams round 6 (tuned in session 3, a regression guard): recall ≥ 95 %', () => {
    const caught = tune6Scams.filter((item) => verdicts.get(item.id)?.verdict !== 'clean').length;
    console.log(`tune6 recall ${((100 * caught) / tune6Scams.length).toFixed(1)} % (${caught}/${tune6Scams.length})`);
    expect(tune6Scams.length).toBeGreaterThanOrEqual(70);
    expect(caught / tune6Scams.length).toBeGreaterThanOrEqual(0.95);
  });

  it('the police press release is clean', () => {
    const text = readFileSync(join(CORPUS, 'press-release-phu-ly-2022-10-14.txt'), 'utf8');
    const v = scanItem(engine, { text });
    console.log(`press release: ${summarize(v)}`);
    expect(v.verdict).toBe('clean');
  });

  it('offsets of every indicator point at its match', () => {
    for (const item of [...scams, ...benign]) {
      for (const ind of verdicts.get(item.id)?.indicators ?? []) {
        if (ind.start !== undefined) expect(item.text.slice(ind.start, ind.end)).toBe(ind.match);
      }
    }
  });
});
