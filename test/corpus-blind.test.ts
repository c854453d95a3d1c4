/**
 * The blind sets, written on 2026-11-29 by people who had seen neither src/ (patterns, engine) nor any other corpus
 * text, and never run through the detector while being written (test/corpus/README.md). Nobody tunes against them.
 * - `blind` (scam-blind.jsonl, benign-blind.jsonl): prints per-family/kind counts (never a text or an id). Its
 *   per-family table was looked at once, which showed two families the database lacked (shopping deposits, fake
 *   support); so it is no longer fully untouched.
 * - `blind2` (scam-blind2.jsonl, benign-blind2.jsonl): prints only its two overall figures — the untouched estimate.
 * - `blind3` (scam-blind3.jsonl, benign-blind3.jsonl, written in session 3 while the database was tuned on tune3):
 *   prints only its two overall figures — an untouched estimate of the session-3 database.
 * - `blind4` (scam-blind4.jsonl, benign-blind4.jsonl, written in session 4 while the database was tuned on tune7):
 *   prints only its two overall figures — an untouched estimate of the session-4 database.
 * - `blind5` (scam-blind5.jsonl, benign-blind5.jsonl, written at the start of session 5, read once before and once
 *   after that session's changes): prints only its two overall figures — the untouched estimate of the session-5 engine.
 * - `blind6` (scam-blind6.jsonl, benign-blind6.jsonl, written at the start of session 6, read once before and once
 *   after that session's changes): prints only its two overall figures — the untouched estimate of the session-6 engine.
 * - `blind7` (scam-blind7.jsonl, benign-blind7.jsonl, written at the start of session 7, read once before that
 *   session's changes and after them): prints only its two overall figures — the untouched estimate of the session-7
 *   engine.
 * - `blind8` (scam-blind8.jsonl, benign-blind8.jsonl, written at the start of session 8, read once before that
 *   session's changes and after them): prints only its two overall figures — the untouched estimate of the session-8
 *   engine.
 * - `blind9` (scam-blind9.jsonl, benign-blind9.jsonl, written at the start of session 9, read once on the session-8
 *   commit before that session's changes were measured on it, and at the end): prints only its two overall figures —
 *   the untouched estimate of the session-9 engine.
 * - `blind10` (scam-blind10.jsonl, benign-blind10.jsonl, written at the start of session 10, read once on the
 *   session-9 engine before any change of that session, and at the end): prints only its two overall figures.
 * - `blind11` (scam-blind11.jsonl, benign-blind11.jsonl, written in the middle of session 10 and not read until its
 *   end, once on the session-9 commit and once on the session-10 one): prints only its two overall figures.
 * - `blind12` (scam-blind12.jsonl, benign-blind12.jsonl, written at the start of session 11, read once on the
 *   session-10 engine before any change of that session, and at the end): prints only its two overall figures.
 * - `blind13`, `blind14` (written at the start of session 12, read once on the session-11 engine before any change of
 *   that session, and at the end): prints only their two overall figures.
 * - `blind15`, `blind16` (written at the start of session 13, read once on the session-12 engine before any change of
 *   that session, and at the end): prints only their two overall figures.
 * - `blind17`, `blind18` (written at the start of session 14, read once on the session-13 engine before any change of
 *   that session, and at the end): prints only their two overall figures.
 * - `blind19`, `blind20` (written at the start of session 15, read once on the session-14 engine before any change of
 *   that session, and at the end): prints only their two overall figures.
 * - `blind21` (written at the start of session 16, read once on the session-15 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind22` (written at the start of session 17, read once on the session-16 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind23` (written at the start of session 18, read once on the session-17 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind24` (written at the start of session 19, read once on the session-18 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind25` (written at the start of session 20, read once on the session-19 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind26` (written at the start of session 22, read once on the session-20 engine before any change of that
 *   session, and at the end): prints only its two overall figures. (Session 21's work did not land.)
 * - `blind27` (written at the start of session 23, read once on the session-22 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind28` (written at the start of session 24, read once on the session-23 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind29` (written at the start of session 25, read once on the session-24 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind30` (written at the start of session 26, read once on the session-25 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * - `blind31` (written at the start of session 27, read once on the session-26 engine before any change of that
 *   session, and at the end): prints only its two overall figures.
 * Since session 11, `blind` to `blind9` are RETIRED into the text model's training data (src/cli/training-files.ts;
 * still never read item by item, never used to tune a pattern), since session 12 blind10–12 too, since session 13
 * blind13–14, since session 14 blind15–16, since session 15 blind17–18, since session 16 blind19–20, since session 17
 * blind21, since session 18 blind22, since session 19 blind23, since session 20 blind24, since session 22 blind25, since session 23 blind26, since session 24 blind27, since session 25 blind28, since session 26 blind29 and since session 27 blind30 — whose misses and false warnings were READ in the session after they were written, once their held-out
 * figures were final, and handed to the pattern writers as situations to cover (so they are tuning data now). Their
 * figures guard against regressions but no longer estimate generalization. The held-out set is blind31.
 * All guard against regressions with bars a few items below the last measurement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileEngine, scanItem, type Engine, type ScanInput } from '../src/engine/index.ts';
import { assembleDatabase } from '../src/patterns/index.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
// Session 27 (2026-12-02). Held out: blind31 (one week of ten more people's Facebook), first read on the session-26
// engine (fddb514): 88.0 % / 4.0 %; at the end 88.0 % / 4.0 % (one engine rule — a negated install is advice — a
// pattern round, three sweeps and two reviews; the retrained text model was not kept). blind30 retired (its figures at
// the end of session 26 were final: 95.0 / 2.0; after this session's round, 99 / 2).
// Session 26 (2026-12-02). Held out: blind30 (one week of ten more people's Facebook), first read on the session-25
// engine (4cfe7ec): 95.0 % / 5.0 %; at the end 95.0 % / 2.0 % (four engine rules — long quotes asked about, an emoji
// ending a report, a warning-opened scam sending the reader to a fake site, dotted syllables — a pattern round, two
// sweeps and three reviews). blind29 retired (its figures at the end of session 25 were final: 98.0 / 1.0; after this
// session's round, 99 / 0).
// Session 25 (2026-12-02). Held out: blind29 (one week of ten more people's Facebook), first read on the session-24
// engine (f912ae2): 98.0 % / 1.0 %; at the end 98.0 % / 1.0 % (the retrained text model was not kept; the brand and
// engine rules, two pattern rounds, four reviews and two sweeps on the tuning sets moved it by nothing). blind28
// retired (its figures at the end of session 24 were final: 98.0 / 1.0; after this session's rounds, 100 / 1).
// Session 24 (2026-12-02). Held out: blind28 (one week of ten more people's Facebook), first read on the session-23
// engine (b124cb0): 95.0 % / 1.0 %; at the end 98.0 % / 1.0 % (the retrained text model: 97 / 1 with the session-start
// patterns; two pattern rounds, four reviews and two sweeps on the tuning sets: one more). blind27 retired (its figures
// at the end of session 23 were final: 89.0 / 1.0; after this session's rounds, 99 / 0).
// Session 23 (2026-12-02). Held out: blind27 (one week of ten more people's Facebook), first read on the session-22
// engine (b1bdf75): 86.0 % / 1.0 %; at the end 89.0 % / 1.0 % (the retrained text model: 89 / 1 with the session-start
// patterns; two pattern rounds, four reviews and three sweeps on the tuning sets added nothing to it). blind26 retired (its
// figures at the end of session 22 were final: 98.0 / 1.0; after this session's rounds, 100 / 0).
// Session 22 (2026-12-02). Held out: blind26 (one week of ten more people's Facebook), first read on the session-20
// engine (bb300ea): 98.0 % / 1.0 %; at the end 98.0 % / 1.0 % (one pattern round on tune43b, tune42, tune41 and blind25
// and two reviews). blind25 retired (its figures at the end of session 20 were final: 90.0 / 1.0; after this session's
// round, 96.0 / 1.0).
// Session 20 (2026-12-01). Held out: blind25 (one week of ten more people's Facebook), first read on the session-19
// engine (79e7cf1): 90.0 % / 1.0 %; at the end 90.0 % / 1.0 % (one pattern round on tune42, tune41 and blind24 and two
// reviews). blind24 retired (its figures at the end of session 19 were final: 78.0 / 2.0; after this session's round,
// 86 / 0).
// Session 19 (2026-12-01). Held out: blind24 (one week of ten more people's Facebook), first read on the session-18
// engine (56dca33): 78.0 % / 2.0 %; at the end 78.0 % / 2.0 % (one pattern round on tune40, tune41b and blind23 and its
// review; the session-17 model kept — neither retrained candidate met the rule set before tune41 existed). blind23
// retired (its figures at the end of session 18 were final: 91.0 / 4.0; after this session's round, 97 / 2).
// Session 18 (2026-12-01). Held out: blind23 (one week of ten people's Facebook: feed, ads, comments, Marketplace,
// messages, landing pages), first read on the session-17 engine (9c148b3): 89.0 % / 3.0 %; at the end 91.0 % / 4.0 %
// (the retrained model, kept by a rule on tune38 ∪ tune39, read 90 / 4 on it before any pattern change). blind22 retired
// (its figures at the end of session 17 were final: 73.0 / 1.0; with the new model, before the round: 76 / 1; after
// this session's round, 94 / 0).
// Session 17 (2026-12-01). Held out: blind22 (Facebook groups and community pages in other communities), first read on
// the session-16 engine (51583ae): 71.0 % / 1.0 %; at the end 73.0 % / 1.0 % — after a pattern round on tune37, a
// tuning set of the same communities by two other writers (72.0 % -> 96.5 % there). blind21 retired (its figures at
// the end of session 16 were final: 81.0 / 2.0; after this session's round, 100 / 0).
// Session 16 (2026-11-30). Held out: blind21 (Facebook groups, community by community), first read on the session-15
// engine (d9682b9): 79.0 % / 2.0 %; at the end 81.0 % / 2.0 % — after two pattern rounds, one of them on tune36, a
// tuning set of the same angle written by two other helpers (77.0 % -> 97.5 % there). blind19–20 retired (their
// figures at the end of session 15 were final: 98.0 / 1.0, 94.0 / 1.0; after this session's rounds, 100 / 0 both).
// Session 15 (2026-11-30). Held out: blind19 and blind20, first read on the session-14 engine (621320f): 96.0 % / 1.0 %
// and 94.0 % / 1.0 %. blind17–18 retired (their figures at the end of session 14 were final: 95.0 / 3.0, 88.0 / 0.0).
// Measured at the end of session 14 (2026-11-30). Held out: blind17 95.0 % / 3.0 %, blind18 88.0 % / 0.0 % — the same
// as their first read on the session-13 engine (fe91290). blind15 100.0 / 0.0 and blind16 99.0 / 2.0 (read and tuned on
// this session, see above); the other blind sets as in session 13, blind14 84.7 / 1.3.
// Measured at the end of session 13 (2026-11-30). Held out: blind15 96.0 % / 1.0 %, blind16 89.0 % / 6.0 % — the same
// as their first read on the session-12 engine (96.0 / 1.0 and 89.0 / 6.0). blind13 and blind14 (retired now) 90.0 / 1.3
// and 84.0 / 1.3, the other blind sets as below.
// Measured at the end of session 12 (2026-11-30). Held out: blind13 90.0 % / 1.3 %, blind14 84.0 % / 1.3 % (read at the
// start of session 12 on the session-11 engine: 85.3 / 1.3 and 80.7 / 2.0). Retired into the model's training in session
// 12 (fitted now): blind10 94.0 / 0.7, blind11 96.0 / 1.3, blind12 94.7 / 0; blind … blind9 98.2 / 0, 97.1 / 0, 91.9 / 0,
// 94.7 / 1.3, 95.3 / 1.3, 97.3 / 0.7, 95.3 / 2.0, 96.7 / 0.7, 96.7 / 1.3.
// Session 11 (2026-11-30). Held out then: blind10 88.0 % / 0.7 %, blind11 92.0 % / 1.3 %, blind12
// 89.3 % / 0.7 % (end of session 10: 80.0 / 2.0, 84.7 / 2.0; blind12 read at the start of session 11: 82.7 / 1.3).
// Retired into the model's training this session (fitted now): blind 98.8 / 0, blind2 97.7 / 0, blind3 90.0 / 0,
// blind4 94.7 / 1.3, blind5 94.0 / 1.3, blind6 97.3 / 0.7, blind7 95.3 / 2.0, blind8 96.0 / 0.7, blind9 98.0 / 1.3
// (end of session 10, before they were training data: 95.2 / 0.7, 92.4 / 0.7, 80.6 / 1.4, 88.0 / 2.7, 88.0 / 3.3,
// 92.0 / 0.7, 86.0 / 2.7, 88.0 / 2.0, 88.0 / 3.3). The bars sit a few items below, as a guard against regressions.
const BLIND_MIN_RECALL = 0.95;
const BLIND_MAX_FALSE_WARNINGS = 0.02;
/** The sets of which only their two overall figures are ever printed. */
/** `minItems`: scams and honest texts the set must hold (default 150 and 130; the sets of sessions 13–15 have 100 each). */
const OVERALL_ONLY: ReadonlyArray<{ name: string; minRecall: number; maxFalseWarnings: number; minItems?: number }> = [
  { name: 'blind2', minRecall: 0.94, maxFalseWarnings: 0.02 },
  { name: 'blind3', minRecall: 0.87, maxFalseWarnings: 0.02 },
  { name: 'blind4', minRecall: 0.92, maxFalseWarnings: 0.03 },
  { name: 'blind5', minRecall: 0.91, maxFalseWarnings: 0.03 },
  { name: 'blind6', minRecall: 0.94, maxFalseWarnings: 0.02 },
  { name: 'blind7', minRecall: 0.92, maxFalseWarnings: 0.035 },
  { name: 'blind8', minRecall: 0.93, maxFalseWarnings: 0.02 },
  { name: 'blind9', minRecall: 0.95, maxFalseWarnings: 0.03 },
  { name: 'blind10', minRecall: 0.91, maxFalseWarnings: 0.025 },
  { name: 'blind11', minRecall: 0.93, maxFalseWarnings: 0.03 },
  { name: 'blind12', minRecall: 0.92, maxFalseWarnings: 0.02 },
  { name: 'blind13', minRecall: 0.87, maxFalseWarnings: 0.025 },
  { name: 'blind14', minRecall: 0.81, maxFalseWarnings: 0.025 },
  { name: 'blind15', minRecall: 0.97, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind16', minRecall: 0.96, maxFalseWarnings: 0.04, minItems: 100 },
  { name: 'blind17', minRecall: 0.92, maxFalseWarnings: 0.05, minItems: 100 },
  { name: 'blind18', minRecall: 0.85, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind19', minRecall: 0.96, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind20', minRecall: 0.96, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind21', minRecall: 0.96, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind22', minRecall: 0.92, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind23', minRecall: 0.95, maxFalseWarnings: 0.03, minItems: 100 },
  { name: 'blind24', minRecall: 0.84, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind25', minRecall: 0.93, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind26', minRecall: 0.97, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind27', minRecall: 0.96, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind28', minRecall: 0.98, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind29', minRecall: 0.97, maxFalseWarnings: 0.02, minItems: 100 },
  { name: 'blind30', minRecall: 0.97, maxFalseWarnings: 0.03, minItems: 100 },
  { name: 'blind31', minRecall: 0.86, maxFalseWarnings: 0.05, minItems: 100 },
];

interface Item {
  id: string;
  family?: string;
  kind?: string;
  lang: string;
  text: string;
  links?: string[];
}

function readJsonl(file: string): Item[] {
  return readFileSync(join(CORPUS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Item);
}

function toInput(item: Item): ScanInput {
  return item.links ? { text: item.text, links: item.links } : { text: item.text };
}

/** "group  n/total pct" lines, sorted by group. */
function tabulate(items: Item[], groupOf: (item: Item) => string, pass: (item: Item) => boolean): string[] {
  const rows = new Map<string, [number, number]>();
  for (const item of items) {
    const cell = rows.get(groupOf(item)) ?? [0, 0];
    if (pass(item)) cell[0]++;
    cell[1]++;
    rows.set(groupOf(item), cell);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, [n, total]]) => `  ${group.padEnd(28)} ${`${n}/${total}`.padStart(7)} ${((100 * n) / total).toFixed(0).padStart(4)}%`);
}

let engine: Engine;
let scams: Item[] = [];
let benign: Item[] = [];

beforeAll(() => {
  engine = compileEngine(assembleDatabase());
  scams = readJsonl('scam-blind.jsonl');
  benign = readJsonl('benign-blind.jsonl');
});

describe('blind set (aggregates only)', () => {
  it(`recall ≥ ${100 * BLIND_MIN_RECALL} %, false warnings ≤ ${100 * BLIND_MAX_FALSE_WARNINGS} %`, () => {
    const flagged = (item: Item): boolean => scanItem(engine, toInput(item)).verdict !== 'clean';
    const group = (item: Item): string => `${item.family ?? item.kind ?? '?'}${item.lang === 'en' ? ' (en)' : ''}`;
    const caught = scams.filter(flagged).length;
    const warned = benign.filter(flagged).length;
    console.log(
      [
        'BLIND RECALL (scam|suspicious)',
        ...tabulate(scams, group, flagged),
        'BLIND FALSE WARNINGS',
        ...tabulate(benign, group, flagged),
        `blind recall ${((100 * caught) / scams.length).toFixed(1)} % (${caught}/${scams.length}), ` +
          `false warnings ${((100 * warned) / benign.length).toFixed(1)} % (${warned}/${benign.length})`,
      ].join('\n'),
    );
    expect(scams.length).toBeGreaterThanOrEqual(150);
    expect(benign.length).toBeGreaterThanOrEqual(120);
    expect(caught / scams.length).toBeGreaterThanOrEqual(BLIND_MIN_RECALL);
    expect(warned / benign.length).toBeLessThanOrEqual(BLIND_MAX_FALSE_WARNINGS);
  });

  it.each(OVERALL_ONLY)('$name, overall figures only: recall ≥ $minRecall, false warnings ≤ $maxFalseWarnings', ({ name, minRecall, maxFalseWarnings, minItems }) => {
    const setScams = readJsonl(`scam-${name}.jsonl`);
    const setBenign = readJsonl(`benign-${name}.jsonl`);
    const flagged = (item: Item): boolean => scanItem(engine, toInput(item)).verdict !== 'clean';
    const caught = setScams.filter(flagged).length;
    const warned = setBenign.filter(flagged).length;
    console.log(
      `${name} recall ${((100 * caught) / setScams.length).toFixed(1)} % (${caught}/${setScams.length}), ` +
        `false warnings ${((100 * warned) / setBenign.length).toFixed(1)} % (${warned}/${setBenign.length})`,
    );
    expect(setScams.length).toBeGreaterThanOrEqual(minItems ?? 150);
    expect(setBenign.length).toBeGreaterThanOrEqual(minItems ?? 130);
    expect(caught / setScams.length).toBeGreaterThanOrEqual(minRecall);
    expect(warned / setBenign.length).toBeLessThanOrEqual(maxFalseWarnings);
  });
});
