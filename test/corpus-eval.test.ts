/**
 * Corpus evaluation: scans the labelled corpus with the bundled database and prints recall per family and the
 * false-warning rate per kind, for the dev and holdout splits separately, plus every miss. Fails when overall recall
 * is below 90 %, false warnings exceed 3 %, or the police press release is not clean.
 *
 * The `fresh` set (scam-fresh.jsonl, benign-fresh.jsonl) was written later by someone who had seen neither the
 * patterns nor the other texts. It was the untouched estimate until 2026-11-29; since session 2 it has been tuned on
 * by class like dev/holdout (test/corpus/README.md), so its bars are now a regression guard at the level reached
 * then, and the blind sets (test/corpus-blind.test.ts) are the honest estimate. The tuning sets of sessions 3 to 27 (tune3
 * to tune48) are guarded the same way (`GUARDED_SETS`). Only their aggregate figures are printed here.
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
/**
 * The tuning sets written after the dev/holdout split, each guarded a few items below the level reached when it was
 * tuned on (README). A set without scams (`scam: null`) or without negatives (`benign: null`) guards one side only.
 */
const GUARDED_SETS: { split: string; scam: string | null; benign: string | null; minRecall: number; maxFalseWarnings: number; minItems: [number, number] }[] = [
  { split: 'fresh', scam: 'scam-fresh.jsonl', benign: 'benign-fresh.jsonl', minRecall: 0.97, maxFalseWarnings: 0.03, minItems: [100, 90] },
  { split: 'tune3', scam: 'scam-tune3.jsonl', benign: 'benign-tune3.jsonl', minRecall: 0.95, maxFalseWarnings: 0.02, minItems: [200, 200] },
  { split: 'tune4', scam: 'scam-tune4.jsonl', benign: 'benign-tune4.jsonl', minRecall: 0.93, maxFalseWarnings: 0.05, minItems: [120, 130] },
  { split: 'tune5', scam: null, benign: 'benign-tune5.jsonl', minRecall: 0, maxFalseWarnings: 0.08, minItems: [0, 90] },
  { split: 'tune6', scam: 'scam-tune6.jsonl', benign: null, minRecall: 0.95, maxFalseWarnings: 0, minItems: [70, 0] },
  // Session 4: 98.3 % / 1.1 % after tuning (71.7 % / 7.8 % before), tune8 0/90.
  { split: 'tune7', scam: 'scam-tune7.jsonl', benign: 'benign-tune7.jsonl', minRecall: 0.96, maxFalseWarnings: 0.025, minItems: [170, 170] },
  { split: 'tune8', scam: null, benign: 'benign-tune8.jsonl', minRecall: 0, maxFalseWarnings: 0.02, minItems: [0, 85] },
  // Session 5 (the text model trains on them; one pattern round at the end): tune9 93.2 % / 1.4 % (66.8 % / 3.2 %
  // before the session), tune10 93.0 % / 0 % (first 81.5 % / 1.5 %), tune11 90.6 % / 1.7 % (first 66.1 % / 2.2 %),
  // tune12 92.0 % / 1.5 % (first 72.5 % / 2.0 %).
  { split: 'tune9', scam: 'scam-tune9.jsonl', benign: 'benign-tune9.jsonl', minRecall: 0.94, maxFalseWarnings: 0.025, minItems: [210, 210] },
  { split: 'tune10', scam: 'scam-tune10.jsonl', benign: 'benign-tune10.jsonl', minRecall: 0.93, maxFalseWarnings: 0.015, minItems: [190, 190] },
  { split: 'tune11', scam: 'scam-tune11.jsonl', benign: 'benign-tune11.jsonl', minRecall: 0.93, maxFalseWarnings: 0.03, minItems: [170, 170] },
  { split: 'tune12', scam: 'scam-tune12.jsonl', benign: 'benign-tune12.jsonl', minRecall: 0.94, maxFalseWarnings: 0.025, minItems: [190, 190] },
  // Session 6 (one pattern round, the model trains on them): tune13 97.5 % / 0 % (first 69.0 % / 2.0 %), tune14
  // 0/160 (first 1/160); tune9–12 above rose to 97.3 / 95.0 / 96.1 / 97.0 % after the retrain.
  { split: 'tune13', scam: 'scam-tune13.jsonl', benign: 'benign-tune13.jsonl', minRecall: 0.95, maxFalseWarnings: 0.015, minItems: [190, 190] },
  { split: 'tune14', scam: null, benign: 'benign-tune14.jsonl', minRecall: 0, maxFalseWarnings: 0.015, minItems: [0, 150] },
  // Session 7 (one pattern round, the model trains on them): tune15 93.5 % / 1.0 % (first 65.0 % / 7.0 %).
  { split: 'tune15', scam: 'scam-tune15.jsonl', benign: 'benign-tune15.jsonl', minRecall: 0.92, maxFalseWarnings: 0.02, minItems: [190, 190] },
  // Session 8 (two pattern rounds and a review, the model trains on them): tune16 96.5 % / 0 % (first 74.5 % / 0.5 %),
  // tune17 97.5 % / 1.6 % (first, during the tune16 round: 79.5 % / 7.6 %).
  { split: 'tune16', scam: 'scam-tune16.jsonl', benign: 'benign-tune16.jsonl', minRecall: 0.95, maxFalseWarnings: 0.015, minItems: [200, 200] },
  { split: 'tune17', scam: 'scam-tune17.jsonl', benign: 'benign-tune17.jsonl', minRecall: 0.95, maxFalseWarnings: 0.03, minItems: [200, 250] },
  // Session 9 (two pattern rounds and a review, the model trains on them): tune18 97.5 % / 0.5 % (first 76.5 % / 4.5 %),
  // tune19 99.0 % / 0 % (first 68.0 % / 1.5 %).
  { split: 'tune18', scam: 'scam-tune18.jsonl', benign: 'benign-tune18.jsonl', minRecall: 0.95, maxFalseWarnings: 0.02, minItems: [200, 200] },
  { split: 'tune19', scam: 'scam-tune19.jsonl', benign: 'benign-tune19.jsonl', minRecall: 0.96, maxFalseWarnings: 0.015, minItems: [200, 200] },
  // Session 10 (two pattern rounds and three reviews, the model trains on them): tune20 97.0 % / 1.0 % (first 73.5 % /
  // 2.5 %), tune21 99.0 % / 0 % (first 73.0 % / 1.0 %).
  { split: 'tune20', scam: 'scam-tune20.jsonl', benign: 'benign-tune20.jsonl', minRecall: 0.95, maxFalseWarnings: 0.02, minItems: [200, 200] },
  { split: 'tune21', scam: 'scam-tune21.jsonl', benign: 'benign-tune21.jsonl', minRecall: 0.96, maxFalseWarnings: 0.015, minItems: [200, 200] },
  // Session 11 (one pattern round on generic and English asks; the model trains on them): tune22 90.0 % / 2.7 % (first
  // 71.3 % / 3.3 %), tune23 91.3 / 0.7 (first 71.3 / 0.7), tune24 93.3 / 2.0 (first 79.3 / 2.7), tune25 88.7 / 0 (first
  // 62.0 / 0.7); benign-tune26 1 of 120 (first 1).
  { split: 'tune22', scam: 'scam-tune22.jsonl', benign: 'benign-tune22.jsonl', minRecall: 0.87, maxFalseWarnings: 0.04, minItems: [150, 150] },
  { split: 'tune23', scam: 'scam-tune23.jsonl', benign: 'benign-tune23.jsonl', minRecall: 0.88, maxFalseWarnings: 0.02, minItems: [150, 150] },
  { split: 'tune24', scam: 'scam-tune24.jsonl', benign: 'benign-tune24.jsonl', minRecall: 0.9, maxFalseWarnings: 0.035, minItems: [150, 150] },
  { split: 'tune25', scam: 'scam-tune25.jsonl', benign: 'benign-tune25.jsonl', minRecall: 0.86, maxFalseWarnings: 0.015, minItems: [150, 150] },
  { split: 'tune26', scam: null, benign: 'benign-tune26.jsonl', minRecall: 0, maxFalseWarnings: 0.02, minItems: [0, 120] },
  // Session 12 (one pattern round by four helpers and a review by two; the model trains on them): tune27 98.5 % / 1.0 %
  // (first 87.0 % / 2.0 %), tune28 97.5 / 0.5 (first 70.5 / 3.0).
  { split: 'tune27', scam: 'scam-tune27.jsonl', benign: 'benign-tune27.jsonl', minRecall: 0.96, maxFalseWarnings: 0.03, minItems: [200, 200] },
  { split: 'tune28', scam: 'scam-tune28.jsonl', benign: 'benign-tune28.jsonl', minRecall: 0.95, maxFalseWarnings: 0.025, minItems: [200, 200] },
  // Session 13 (one pattern round by four helpers and a review by two; context and warning rules): tune29 98.0 % / 2.0 %
  // (first 75.3 % / 4.0 %), tune30 98.0 / 1.3 (first 86.0 / 4.0). The model that ships never trained on them.
  { split: 'tune29', scam: 'scam-tune29.jsonl', benign: 'benign-tune29.jsonl', minRecall: 0.95, maxFalseWarnings: 0.035, minItems: [150, 150] },
  { split: 'tune30', scam: 'scam-tune30.jsonl', benign: 'benign-tune30.jsonl', minRecall: 0.95, maxFalseWarnings: 0.025, minItems: [150, 150] },
  // benign-tune31: 200 short feed texts (half English or mixed), written at the end of session 13 to look for the kind of
  // false warning blind16 shows; first figure 2 of 200 (1.0 %), not tuned on yet.
  { split: 'tune31', scam: null, benign: 'benign-tune31.jsonl', minRecall: 0, maxFalseWarnings: 0.02, minItems: [0, 200] },
  // Session 14 (one pattern round by three helpers and a review by three; warning rules): tune32, the English and
  // Vietnamese–English feed, 98.7 % / 1.3 % (first 82.7 % / 2.7 %). The model that ships never trained on it.
  { split: 'tune32', scam: 'scam-tune32.jsonl', benign: 'benign-tune32.jsonl', minRecall: 0.96, maxFalseWarnings: 0.03, minItems: [150, 150] },
  // Session 15 (two pattern rounds by three helpers each, each reviewed by three; context rules; the lure gate of the
  // model lift): tune33, rare situations, 98.0 % / 0.7 % (first 80.0 % / 2.0 %); tune34, the short feed, 98.5 % / 1.5 %
  // (first 81.5 % / 2.0 %). The model that ships never trained on them.
  { split: 'tune33', scam: 'scam-tune33.jsonl', benign: 'benign-tune33.jsonl', minRecall: 0.95, maxFalseWarnings: 0.02, minItems: [150, 150] },
  { split: 'tune34', scam: 'scam-tune34.jsonl', benign: 'benign-tune34.jsonl', minRecall: 0.95, maxFalseWarnings: 0.03, minItems: [200, 200] },
  // Session 16 (two pattern rounds by three helpers each, reviewed by three): tune35, the newest scripts (VNeID,
  // biometrics, "phạt nguội", voice clones, QR stickers, eSIM), 100 % / 0.0 % (first 88.0 % / 0.0 %); tune36, Facebook
  // groups community by community, 97.5 % / 0.0 % (first 77.0 % / 0.5 %). The session-12 model never trained on them;
  // the model shipped in session 18 (trained in session 17) did.
  { split: 'tune35', scam: 'scam-tune35.jsonl', benign: 'benign-tune35.jsonl', minRecall: 0.97, maxFalseWarnings: 0.02, minItems: [150, 150] },
  { split: 'tune36', scam: 'scam-tune36.jsonl', benign: 'benign-tune36.jsonl', minRecall: 0.94, maxFalseWarnings: 0.02, minItems: [200, 200] },
  // Session 17 (one pattern round by four helpers, reviewed by three): tune37, Facebook groups and community pages,
  // 96.5 % / 0.0 % (first 72.0 % / 1.5 %); tune38, the same communities under posts and in inboxes, written after that
  // round and not tuned on then: 73.5 % / 2.5 % (73.0 % / 3.0 % on the session-16 engine).
  // Session 18 (the model trained in session 17 shipped — it trained on tune37, not on tune38 or tune39 —, one pattern
  // round by four helpers on tune38, tune39 and the retired blind22, reviewed by three): tune37 96.5 % / 0.0 %; tune38
  // 98.5 % / 2.0 % (77.5 % / 3.0 % with the new model before the round); tune39, one week of ten people's Facebook,
  // 98.0 % / 0.5 % (first 81.5 % / 3.0 % on the session-17 engine).
  { split: 'tune37', scam: 'scam-tune37.jsonl', benign: 'benign-tune37.jsonl', minRecall: 0.94, maxFalseWarnings: 0.02, minItems: [200, 200] },
  { split: 'tune38', scam: 'scam-tune38.jsonl', benign: 'benign-tune38.jsonl', minRecall: 0.96, maxFalseWarnings: 0.03, minItems: [200, 200] },
  { split: 'tune39', scam: 'scam-tune39.jsonl', benign: 'benign-tune39.jsonl', minRecall: 0.96, maxFalseWarnings: 0.02, minItems: [200, 200] },
  // tune40, ten other people's weeks by two more writers, written at the end of session 18 and not tuned on then: 81.5 %
  // / 1.0 % (81.0 % / 1.0 % on the session-17 engine and model): the round and the model did not carry over.
  // Session 19 (one pattern round by four helpers on tune40, tune41b and the retired blind23, reviewed by three; the
  // session-17 model kept): tune40 98.0 % / 0.5 %; tune41, ten more people's weeks, 90.0 % / 2.0 % (first 84.5 % / 2.0 %
  // on the session-18 engine; its half tune41a was never shown to the pattern writers and stayed at 85 %).
  { split: 'tune40', scam: 'scam-tune40.jsonl', benign: 'benign-tune40.jsonl', minRecall: 0.96, maxFalseWarnings: 0.02, minItems: [200, 200] },
  { split: 'tune41', scam: 'scam-tune41.jsonl', benign: 'benign-tune41.jsonl', minRecall: 0.95, maxFalseWarnings: 0.025, minItems: [200, 200] },
  // Session 20 (one pattern round by two helpers on tune42, tune41 and the retired blind24, reviewed by two): tune41
  // 94.0 % / 1.5 %; tune42, ten more people's weeks by two other writers, 95.5 % / 0.5 % (first 89.5 % / 1.0 % on the
  // session-19 engine).
  { split: 'tune42', scam: 'scam-tune42.jsonl', benign: 'benign-tune42.jsonl', minRecall: 0.96, maxFalseWarnings: 0.015, minItems: [200, 200] },
  // Session 22 (one pattern round by three helpers on tune43b, tune42, tune41 and the retired blind25, reviewed twice
  // with 116 honest probes; tune41 → 97.5 % / 1.5 %, tune42 → 98.0 % / 0.5 %): tune43, ten more people's weeks by two
  // other writers, 89.0 % / 0 % (first 86.5 % / 0 % on the session-20 engine; tune43a, kept from the pattern writers,
  // 88 → 88 %).
  // Session 23 (the text model retrained; two pattern rounds by five helpers on tune44b, tune43 and the retired blind26
  // and on the scams the retrained model no longer lifted, four reviews, a fake-police-refund class, two precision
  // sweeps with 776 honest texts and a recall sweep): tune43 → 97.0 % / 0 %; tune44, ten more people's weeks by two
  // other writers, 92.0 % / 0.5 % (first 88.5 % / 1.5 % on the session-22 engine; tune44a, kept from the pattern
  // writers, 86 → 87 %, the one scam the retrained model adds).
  { split: 'tune43', scam: 'scam-tune43.jsonl', benign: 'benign-tune43.jsonl', minRecall: 0.95, maxFalseWarnings: 0.01, minItems: [200, 200] },
  // Session 24 (the text model retrained and kept on tune45; two pattern rounds by five helpers on tune45b, tune44,
  // tune43 and the retired blind27 and on the scams the retrained model no longer lifts, two reviews, two sweeps with
  // 611 honest texts, two whole-change reviews): tune44 → 98.0 % / 0 %; tune45, ten more people's weeks by two other
  // writers, 93.0 % / 0 % (first 88.5 % / 0 % on the session-23 engine; tune45a, kept from the pattern writers,
  // 87 → 88 %, the one scam the retrained model adds).
  { split: 'tune44', scam: 'scam-tune44.jsonl', benign: 'benign-tune44.jsonl', minRecall: 0.97, maxFalseWarnings: 0.01, minItems: [200, 200] },
  // Session 25 (three brand and engine rules, two pattern rounds by five helpers on tune46b, tune45, tune44, the retired
  // blind28 and every older set's remaining misses, four reviews with 436 honest probes, two sweeps with 500 honest
  // texts, two whole-change reviews): tune45 → 99.5 % / 0 %, tune44 → 98.5 % / 0 %; tune46, ten more people's weeks by
  // two other writers, 91.0 % / 0 % (first 85.5 % / 0 % on the session-24 engine; tune46a, kept from the pattern
  // writers, 89 → 89 %).
  { split: 'tune45', scam: 'scam-tune45.jsonl', benign: 'benign-tune45.jsonl', minRecall: 0.97, maxFalseWarnings: 0.01, minItems: [200, 200] },
  // Session 26 (four engine rules, a pattern round by three helpers on tune47b, tune46, blind29, tune45, tune44 and every
  // older set's remaining false warnings, two sweeps with 210 honest texts and 194 scams, three reviews with 403 honest
  // probes, a review of the engine code): tune46 → 97.5 % / 0 %; tune47, ten more people's weeks by two other writers,
  // 94.5 % / 0.5 % (first 90.0 % / 2.0 % on the session-25 engine; tune47a, kept from the pattern writers, 91 / 2 → 91 / 1).
  { split: 'tune46', scam: 'scam-tune46.jsonl', benign: 'benign-tune46.jsonl', minRecall: 0.96, maxFalseWarnings: 0.01, minItems: [200, 200] },
  // Session 27 (one engine rule, a pattern round by three helpers on tune48b, the retired blind30, tune47 and every
  // older set's remaining false warnings, three sweeps with 322 honest texts and 120 scams, two reviews with about 200
  // probes): tune47 → 99.5 % / 0 %; tune48, ten more people's weeks by two other writers, 90.4 % / 1.0 % (first 84.3 %
  // / 1.5 % on the session-26 engine; tune48a, kept from the pattern writers, 81.4 / 2.0 → 81.4 / 2.0).
  { split: 'tune47', scam: 'scam-tune47.jsonl', benign: 'benign-tune47.jsonl', minRecall: 0.97, maxFalseWarnings: 0.01, minItems: [200, 200] },
  { split: 'tune48', scam: 'scam-tune48.jsonl', benign: 'benign-tune48.jsonl', minRecall: 0.88, maxFalseWarnings: 0.02, minItems: [195, 195] },
];
type Split = string;

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
  /** Per split: [passed, total]. */
  cells: Map<Split, [number, number]>;
}

function tabulate<T extends { split: Split }>(items: T[], groupOf: (t: T) => string, pass: (t: T) => boolean): Row[] {
  const rows = new Map<string, Row>();
  for (const item of items) {
    const g = groupOf(item);
    const row = rows.get(g) ?? { group: g, cells: new Map() };
    const cell = row.cells.get(item.split) ?? [0, 0];
    if (pass(item)) cell[0]++;
    cell[1]++;
    row.cells.set(item.split, cell);
    rows.set(g, row);
  }
  return [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));
}

function formatCell([n, total]: [number, number]): string {
  return total === 0 ? '—' : `${n}/${total} ${((100 * n) / total).toFixed(0)}%`;
}

/** One column per split, plus an ALL row. */
function formatTable(title: string, rows: Row[], splits: readonly Split[]): string {
  const total: Row = { group: 'ALL', cells: new Map() };
  for (const row of rows) {
    for (const [split, [n, t]] of row.cells) {
      const cell = total.cells.get(split) ?? [0, 0];
      total.cells.set(split, [cell[0] + n, cell[1] + t]);
    }
  }
  const lines = [...rows, total].map((r) => `${r.group.padEnd(26)} ${splits.map((sp) => formatCell(r.cells.get(sp) ?? [0, 0]).padStart(14)).join(' ')}`);
  return [`${title.padEnd(26)} ${splits.map((sp) => sp.padStart(14)).join(' ')}`, ...lines].join('\n');
}

function summarize(v: Verdict): string {
  const ids = [...new Set(v.indicators.map((i) => i.patternId))].join(', ');
  return `${v.verdict} ${v.score}${v.warningContext ? ' (warning ctx)' : ''} [${ids}]`;
}

let engine: Engine;
let scams: ScamItem[] = [];
let benign: BenignItem[] = [];
const guardedScams = new Map<Split, ScamItem[]>();
const guardedBenign = new Map<Split, BenignItem[]>();
const verdicts = new Map<string, Verdict>();

beforeAll(async () => {
  engine = compileEngine(await assembleDatabase());
  scams = readJsonl<ScamItem>('scam.jsonl');
  benign = readJsonl<BenignItem>('benign.jsonl');
  for (const set of GUARDED_SETS) {
    guardedScams.set(set.split, set.scam === null ? [] : readJsonl<ScamItem>(set.scam));
    guardedBenign.set(set.split, set.benign === null ? [] : readJsonl<BenignItem>(set.benign));
  }
  const all = [...scams, ...benign, ...[...guardedScams.values()].flat(), ...[...guardedBenign.values()].flat()];
  for (const item of all) verdicts.set(item.id, scanItem(engine, toInput(item)));
  // ~22,000 texts: ~40 s on a quiet 2-core machine, more when it is busy (the default hook budget is 60 s).
}, 240_000);

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
      formatTable('RECALL (scam|suspicious)', recallRows, ['dev', 'holdout']),
      '',
      formatTable('verdict = scam', scamVerdicts, ['dev', 'holdout']),
      '',
      formatTable('FALSE WARNINGS (benign)', warnRows, ['dev', 'holdout']),
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

  it.each(GUARDED_SETS)(
    'tuning set $split (a regression guard): recall ≥ $minRecall, false warnings ≤ $maxFalseWarnings (aggregates; misses via npm run corpus:misses)',
    ({ split, minRecall, maxFalseWarnings, minItems }) => {
      const setScams = guardedScams.get(split) ?? [];
      const setBenign = guardedBenign.get(split) ?? [];
      const flagged = (item: { id: string }): boolean => verdicts.get(item.id)?.verdict !== 'clean';
      console.log(
        [
          formatTable(`${split.toUpperCase()} RECALL`, tabulate(setScams, (s) => s.family, flagged), [split]),
          formatTable(`${split.toUpperCase()} FALSE WARNINGS`, tabulate(setBenign, (b) => b.kind, flagged), [split]),
        ].join('\n\n'),
      );
      expect(setScams.length).toBeGreaterThanOrEqual(minItems[0]);
      expect(setBenign.length).toBeGreaterThanOrEqual(minItems[1]);
      if (setScams.length > 0) expect(setScams.filter(flagged).length / setScams.length).toBeGreaterThanOrEqual(minRecall);
      if (setBenign.length > 0) expect(setBenign.filter(flagged).length / setBenign.length).toBeLessThanOrEqual(maxFalseWarnings);
    },
  );

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
