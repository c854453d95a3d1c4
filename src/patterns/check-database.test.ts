import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatabaseSource, PatternSource } from '../engine/types.ts';
import { checkDatabase, checkHouseRules } from './check-database.ts';
import { createEngineApi } from './engine-api.ts';
import { assembleDatabase } from './index.ts';

const engine = createEngineApi();
/** The police press release that must stay clean: in test/corpus once committed, in the shared folder before. */
const PRESS_RELEASE_PATH = [
  new URL('../../test/corpus/press-release-phu-ly-2022-10-14.txt', import.meta.url),
  new URL('../../../shared/corpus/press-release-phu-ly-2022-10-14.txt', import.meta.url),
].find((url) => existsSync(url));
if (PRESS_RELEASE_PATH === undefined) throw new Error('press-release-phu-ly-2022-10-14.txt not found');
const PRESS_RELEASE = readFileSync(PRESS_RELEASE_PATH, 'utf8');

function family(id: string) {
  return {
    id,
    name: { vi: `Tên ${id}`, en: `Name ${id}` },
    description: { vi: 'Mô tả.', en: 'Description.' },
    advice: { vi: 'Lời khuyên.', en: 'Advice.' },
  };
}

function pattern(patch: Partial<PatternSource>): PatternSource {
  return {
    id: 'job-task-easy-job',
    family: 'job-task',
    kind: 'phrase',
    value: 'việc nhẹ lương cao',
    signal: 'lure',
    weight: 40,
    examples: { match: ['Tuyển gấp, việc nhẹ lương cao'], noMatch: ['Công việc nhẹ nhàng'] },
    ...patch,
  };
}

function makeDb(patterns: PatternSource[], extra: Partial<DatabaseSource> = {}): DatabaseSource {
  return {
    format: 1,
    version: 1,
    created: '2026-11-29T00:00:00Z',
    families: [family('job-task'), family('warning')],
    patterns: [
      ...patterns,
      pattern({ id: 'warning-thu-doan', family: 'warning', signal: 'warning', weight: 30, value: 'thủ đoạn lừa đảo', examples: { match: ['thủ đoạn lừa đảo'] } }),
    ],
    brands: [{ id: 'vietcombank', name: 'Vietcombank', domains: ['vietcombank.com.vn'], keywords: ['vietcombank', 'vcb'], kind: 'bank' }],
    allowlist: ['gov.vn', 'vnexpress.net'],
    freeHosts: ['web.app'],
    lureKeywords: ['xacminh', 'verify'],
    ...extra,
  };
}

describe('the bundled database', () => {
  it('passes every check with the real engine, and the press release stays clean', () => {
    const report = checkDatabase(assembleDatabase(), {
      engine,
      expectations: [{ name: 'press release', text: PRESS_RELEASE, verdict: 'clean' }],
    });
    expect(report.errors).toEqual([]);
    expect(report.stats.patterns).toBeGreaterThanOrEqual(350);
    expect(report.notes.some((n) => n.startsWith('press release: clean'))).toBe(true);
    // Every example of ~3,700 patterns through the real engine: ~10 s on a quiet machine, twice that when it is busy.
  }, 90_000);
});

describe('checkDatabase', () => {
  it('passes a small valid database', () => {
    expect(checkDatabase(makeDb([pattern({})]), { engine }).errors).toEqual([]);
  });

  it('reports schema errors and stops there', () => {
    const report = checkDatabase({ ...makeDb([pattern({})]), format: 2 }, { engine });
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.errors.every((e) => e.startsWith('schema '))).toBe(true);
  });

  it('fails, readably, when the engine is unavailable', () => {
    const report = checkDatabase(makeDb([pattern({})]), { engineError: 'cannot load src/engine' });
    expect(report.errors).toEqual(['engine unavailable, examples and expected verdicts were NOT checked: cannot load src/engine']);
  });

  it('runs examples through the engine both ways', () => {
    const db = makeDb([pattern({ examples: { match: ['Tuyển gấp, việc nhẹ nhàng'], noMatch: ['việc nhẹ lương cao đây'] } })]);
    expect(checkDatabase(db, { engine }).errors).toEqual([
      'pattern job-task-easy-job: does not match its example "Tuyển gấp, việc nhẹ nhàng"',
      'pattern job-task-easy-job: matches its noMatch example "việc nhẹ lương cao đây"',
    ]);
  });

  it('checks domain and url examples as links', () => {
    const db = makeDb([
      pattern({ id: 'job-task-example-domain', kind: 'domain', value: 'viec-nhe-example.top', weight: 90, examples: { match: ['https://a.viec-nhe-example.top/x', 'viec-nhe-example.top'], noMatch: ['example.top'] } }),
    ]);
    expect(checkDatabase(db, { engine }).errors).toEqual([]);
  });

  it('reports unsafe regexes', () => {
    const db = makeDb([pattern({ kind: 'regex', value: '(a+)+b', examples: { match: ['aab'] } })]);
    expect(checkDatabase(db, { engine }).errors.join('\n')).toMatch(/job-task-easy-job: unsafe regex/);
  });

  it('reports an allowlisted domain that is blocked or looks like a brand', () => {
    const blocked = makeDb([pattern({}), pattern({ id: 'job-task-blocked', kind: 'domain', value: 'vnexpress.net', weight: 90, examples: {} })]);
    expect(checkDatabase(blocked, { engine }).errors.join('\n')).toMatch(/blocks vnexpress\.net, which overlaps allowlisted vnexpress\.net/);
    const lookalike = makeDb([pattern({})], { allowlist: ['vietcombank-xacminh.com'] });
    expect(checkDatabase(lookalike, { engine }).errors.join('\n')).toMatch(/allowlist vietcombank-xacminh\.com: would otherwise be flagged/);
  });

  it('accepts a free host under an allowlisted domain (the engine never allowlists a page on a free host)', () => {
    const db = makeDb([pattern({})], { freeHosts: ['sites.google.com'], allowlist: ['google.com'] });
    expect(checkDatabase(db, { engine }).errors).toEqual([]);
  });

  it('reports an allowlisted domain that is a free host or a page on one (it would silently not be allowlisted)', () => {
    const itself = makeDb([pattern({})], { freeHosts: ['google.com'], allowlist: ['google.com'] });
    expect(checkDatabase(itself, { engine }).errors.join('\n')).toMatch(/allowlist google\.com: is on the free host google\.com/);
    const page = makeDb([pattern({})], { freeHosts: ['blogspot.com'], allowlist: ['tinnhiem.blogspot.com'] });
    expect(checkDatabase(page, { engine }).errors.join('\n')).toMatch(/allowlist tinnhiem\.blogspot\.com: is on the free host blogspot\.com/);
  });

  it('notes expired entries without failing', () => {
    const report = checkDatabase(makeDb([pattern({ expires: '2020-01-01' })]), { engine });
    expect(report.errors).toEqual([]);
    expect(report.notes).toContain('pattern job-task-easy-job: expired on 2020-01-01 (ignored by the engine)');
  });

  it('fails when a text gets another verdict than expected', () => {
    const db = makeDb([pattern({})]);
    const report = checkDatabase(db, { engine, expectations: [{ name: 'ad', text: 'việc nhẹ lương cao', verdict: 'scam' }] });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(/^ad: clean, score 40.*expected scam$/);
  });
});

describe('checkHouseRules', () => {
  const fold = engine.foldPhrase;
  it.each<[string, Partial<PatternSource>, RegExp]>([
    ['an id without its family prefix', { id: 'easy-job' }, /must start with its family "job-task-"/],
    ['a lure above its band', { weight: 70 }, /outside the lure band/],
    ['a hallmark below its band', { signal: 'hallmark', weight: 30 }, /outside the hallmark band/],
    ['a weak blocklisted domain', { kind: 'domain', value: 'scam.example', weight: 40, examples: {} }, /needs weight ≥ 80/],
    ['a regex with accents', { kind: 'regex', value: 'việc nhẹ' }, /accent-folded/],
    ['a regex with capitals', { kind: 'regex', value: 'Viec nhe' }, /lowercase/],
    ['a one-word phrase', { value: 'Inbox' }, /at least two words/],
    ['a phrase without match examples', { examples: { noMatch: ['x'] } }, /needs at least one examples\.match/],
  ])('reports %s', (_name, patch, expected) => {
    expect(checkHouseRules(makeDb([pattern(patch)]), fold).join('\n')).toMatch(expected);
  });

  it('reports phrases that fold to the same text', () => {
    const errors = checkHouseRules(makeDb([pattern({}), pattern({ id: 'job-task-dup', value: 'VIEC NHE luong cao' })]), fold);
    expect(errors).toContain('pattern job-task-dup: same phrase value as job-task-easy-job');
  });

  it('reports a family without patterns or without a translation', () => {
    const db = makeDb([pattern({})]);
    db.families.push({ ...family('charity'), advice: { vi: 'Same', en: 'Same' } });
    const errors = checkHouseRules(db, fold);
    expect(errors).toContain('family charity: has no patterns');
    expect(errors).toContain('family charity: advice is not translated (vi = en)');
  });
});
