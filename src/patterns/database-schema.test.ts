import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatabaseSource, PatternSource } from '../engine/types.ts';
import { findForbiddenKeys, parseDatabaseSource, renderDatabaseJsonSchema } from './database-schema.ts';
import { assembleDatabase } from './index.ts';

function makeDb(patterns: Partial<PatternSource>[] = []): DatabaseSource {
  const family = (id: string) => ({
    id,
    name: { vi: `Tên ${id}`, en: `Name ${id}` },
    description: { vi: 'Mô tả.', en: 'Description.' },
    advice: { vi: 'Lời khuyên.', en: 'Advice.' },
  });
  return {
    format: 1,
    version: 3,
    created: '2026-11-29T00:00:00Z',
    families: [family('job-task'), family('warning')],
    patterns: patterns.map((p, i) => ({
      id: `job-task-p${i}`,
      family: 'job-task',
      kind: 'phrase',
      value: 'việc nhẹ lương cao',
      signal: 'lure',
      weight: 30,
      ...p,
    })) as PatternSource[],
    brands: [{ id: 'vietcombank', name: 'Vietcombank', domains: ['vietcombank.com.vn'], keywords: ['vietcombank'], kind: 'bank' }],
    allowlist: ['gov.vn'],
    freeHosts: ['web.app'],
    lureKeywords: ['xacminh'],
  };
}

function errorsOf(json: unknown): string[] {
  const result = parseDatabaseSource(json);
  return result.ok ? [] : result.errors;
}

describe('parseDatabaseSource', () => {
  it('accepts the bundled database and a minimal one', () => {
    expect(errorsOf(JSON.parse(JSON.stringify(assembleDatabase())))).toEqual([]);
    expect(errorsOf(makeDb([{}]))).toEqual([]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s anywhere, with its path', (key) => {
    const text = JSON.stringify(makeDb([{}])).replace('"value":', `"${key}":{"polluted":true},"value":`);
    const errors = errorsOf(JSON.parse(text));
    expect(errors).toEqual([`$.patterns[0].${key}: forbidden key`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds forbidden keys nested in arrays', () => {
    expect(findForbiddenKeys(JSON.parse('{"a":[{"b":{"__proto__":1}}]}'))).toEqual(['$.a[0].b.__proto__: forbidden key']);
  });

  it.each<[string, (db: DatabaseSource) => unknown, RegExp]>([
    ['an unknown format', (db) => ({ ...db, format: 2 }), /\$\.format/],
    ['an unknown top-level key', (db) => ({ ...db, extra: 1 }), /extra/],
    ['a bad created date', (db) => ({ ...db, created: '29/11/2026' }), /\$\.created/],
    ['a reserved family id', (db) => ({ ...db, families: [...db.families, { ...db.families[0], id: 'custom' }] }), /reserved/],
    ['a duplicate family id', (db) => ({ ...db, families: [...db.families, db.families[0]] }), /duplicate family id/],
    ['a bad brand keyword', (db) => ({ ...db, brands: [{ ...db.brands[0], keywords: ['Viet Com'] }] }), /keywords/],
    ['a host with a scheme in the allowlist', (db) => ({ ...db, allowlist: ['https://gov.vn'] }), /allowlist\[0\]/],
    ['a duplicate free host', (db) => ({ ...db, freeHosts: ['web.app', 'web.app'] }), /duplicate free host/],
  ])('rejects %s', (_name, mutate, expected) => {
    const errors = errorsOf(mutate(makeDb([{}])));
    expect(errors.join('\n')).toMatch(expected);
  });

  it.each<[string, Partial<PatternSource> | Record<string, unknown>, RegExp]>([
    ['an id with capitals', { id: 'Job-Task-X' }, /id/],
    ['a weight of 0', { weight: 0 }, /weight/],
    ['a weight of 101', { weight: 101 }, /weight/],
    ['an unknown signal', { signal: 'scary' }, /signal/],
    ['an unknown kind', { kind: 'glob' }, /kind/],
    ['an unknown family', { family: 'lottery' }, /unknown family "lottery"/],
    ['a warning signal outside the warning family', { signal: 'warning' }, /warning/],
    ['a non-URL source', { source: 'police advisory' }, /source/],
    ['a javascript: source', { source: 'javascript:alert(1)' }, /source/],
    ['a bad expiry date', { expires: 'next year' }, /expires/],
    ['a regex that does not compile', { kind: 'regex', value: 'nap (tien' }, /does not compile/],
    ['a domain with a scheme', { kind: 'domain', value: 'https://scam.example' }, /lowercase host/],
    ['a url with a scheme', { kind: 'url', value: 'https://t.me/abc' }, /without its scheme/],
    ['a number with letters', { kind: 'number', value: '09x1234567' }, /digits/],
    ['accents on a regex', { kind: 'regex', value: 'nap tien', accents: 'sensitive' }, /phrases only/],
    ['an unknown pattern key', { colour: 'red' }, /colour/],
    ['too many examples', { examples: { match: Array.from({ length: 11 }, (_, i) => `x${i}`) } }, /examples/],
    ['a value longer than the engine accepts', { kind: 'regex', value: `abc${'d'.repeat(300)}` }, /value/],
  ])('rejects a pattern with %s', (_name, patch, expected) => {
    expect(errorsOf(makeDb([patch as Partial<PatternSource>])).join('\n')).toMatch(expected);
  });

  it('rejects duplicate pattern ids', () => {
    const db = makeDb([{}, {}]);
    const second = db.patterns[1];
    if (second) second.id = 'job-task-p0';
    expect(errorsOf(db).join('\n')).toMatch(/duplicate pattern id "job-task-p0"/);
  });

  it.each([null, undefined, 42, 'db', [], {}, { format: 1 }])('never throws on %j', (json) => {
    expect(() => parseDatabaseSource(json)).not.toThrow();
    expect(parseDatabaseSource(json).ok).toBe(false);
  });

  it('reports deeply nested input instead of overflowing the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(() => parseDatabaseSource(deep)).not.toThrow();
    expect(parseDatabaseSource(deep).ok).toBe(false);
  });
});

describe('database.schema.json', () => {
  it('is the committed output of the zod schema (run tsx src/cli/generate-schema.ts)', () => {
    const committed = readFileSync(new URL('./database.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderDatabaseJsonSchema());
  });

  it('describes patterns strictly', () => {
    const schema = JSON.parse(renderDatabaseJsonSchema()) as {
      properties: { patterns: { items: { additionalProperties: boolean; properties: Record<string, unknown> } } };
    };
    expect(schema.properties.patterns.items.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.patterns.items.properties)).toContain('signal');
  });
});
