import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_CONTEXT_EXPRESSIONS } from './ask-context.ts';
import { compileExpression, listCompileSteps } from './compile-ahead.ts';
import { compileEngine } from './compile.ts';
import { DOMAIN_EXPRESSIONS } from './domains.ts';
import { NUMBER_EXPRESSIONS } from './numbers.ts';
import { SCAN_EXPRESSIONS, prepareScan, scanItem } from './scan-item.ts';
import { SCORE_EXPRESSIONS } from './score.ts';
import { MINI_DATABASE } from './mini-database.fixture.ts';
import { TEXT_MODEL_EXPRESSIONS } from './text-model.ts';
import { URL_EXPRESSIONS } from './urls.ts';

const LISTS: ReadonlyArray<[file: string, name: string, list: readonly RegExp[]]> = [
  ['ask-context.ts', 'ASK_CONTEXT_EXPRESSIONS', ASK_CONTEXT_EXPRESSIONS],
  ['scan-item.ts', 'SCAN_EXPRESSIONS', SCAN_EXPRESSIONS],
  ['score.ts', 'SCORE_EXPRESSIONS', SCORE_EXPRESSIONS],
  ['domains.ts', 'DOMAIN_EXPRESSIONS', DOMAIN_EXPRESSIONS],
  ['urls.ts', 'URL_EXPRESSIONS', URL_EXPRESSIONS],
  ['numbers.ts', 'NUMBER_EXPRESSIONS', NUMBER_EXPRESSIONS],
  ['text-model.ts', 'TEXT_MODEL_EXPRESSIONS', TEXT_MODEL_EXPRESSIONS],
];

/** The names of a module's module-level constants whose value is a RegExp literal or `new RegExp(…)`. */
function readModuleExpressions(source: string): string[] {
  const lines = source.split('\n');
  const names: string[] = [];
  lines.forEach((line, i) => {
    const declared = /^(?:export )?const ([A-Z0-9_]+)(?:: RegExp)? *=(.*)$/.exec(line);
    if (!declared?.[1]) return;
    const value = (declared[2] ?? '').trim() || (lines[i + 1] ?? '').trim();
    if (value.startsWith('/') || value.startsWith('new RegExp(')) names.push(declared[1]);
  });
  return names;
}

/** The names written in `export const NAME: readonly RegExp[] = [ … ];`. */
function readListedNames(source: string, name: string): string[] {
  const body = new RegExp(`export const ${name}: readonly RegExp\\[\\] = \\[([^\\]]*)\\];`).exec(source)?.[1] ?? '';
  return body.split(',').map((n) => n.trim()).filter((n) => n !== '');
}

/**
 * Engine modules whose module-level expressions are not compiled ahead, and why: the normalizer's run on every text
 * `prepareScan` reads (so its first call compiles them, in a step of its own); the phrase matcher's and the regex
 * set's check loaded data or stand in for an expression that failed to compile (the load steps run them); this module's
 * own runs in its first step.
 */
const NOT_AHEAD = new Set(['normalize.ts', 'phrase-matcher.ts', 'regex-filter.ts', 'compile-ahead.ts']);

describe('compile-ahead', () => {
  it('every engine module with module-level expressions lists them, or is named as not needing to', () => {
    const modules = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.fixture.ts'));
    const withExpressions = modules.filter((f) => readModuleExpressions(readFileSync(join(import.meta.dirname, f), 'utf8')).length > 0);
    expect(withExpressions.filter((f) => !NOT_AHEAD.has(f)).sort()).toEqual(LISTS.map(([file]) => file).sort());
  });

  it.each(LISTS)('%s lists every module-level expression it has (%s)', (file, name, list) => {
    const source = readFileSync(join(import.meta.dirname, file), 'utf8');
    const declared = readModuleExpressions(source);
    expect(declared.length).toBeGreaterThan(0);
    expect(readListedNames(source, name)).toEqual(declared);
    expect(list).toHaveLength(declared.length);
    for (const expression of list) expect(expression).toBeInstanceOf(RegExp);
  });

  it('runs an expression without leaving state behind', () => {
    const sticky = /b/gy;
    sticky.lastIndex = 5;
    compileExpression(sticky);
    expect(sticky.lastIndex).toBe(0);
    for (const [, , list] of LISTS) for (const expression of list) {
      compileExpression(expression);
      expect(expression.lastIndex).toBe(0);
    }
  });

  it('makes one step per expression', () => {
    const steps = listCompileSteps([[/a/, /b/u], [/c/g]]);
    expect(steps).toHaveLength(3);
    const seen: string[] = [];
    const expression = /x/g;
    const exec = expression.exec.bind(expression);
    expression.exec = (subject: string) => {
      seen.push(subject);
      return exec(subject);
    };
    listCompileSteps([[expression]])[0]?.();
    expect(seen).toEqual(['a', 'a']); // ASCII source, no u flag: only one-byte subjects, twice
    const unicode = /ạ/u;
    const seenUnicode: string[] = [];
    const execUnicode = unicode.exec.bind(unicode);
    unicode.exec = (subject: string) => {
      seenUnicode.push(subject);
      return execUnicode(subject);
    };
    compileExpression(unicode);
    expect(seenUnicode).toEqual(['a\u0100', 'a\u0100']); // reads the original text: two-byte subjects, twice
  });

  it("prepareScan runs the built-in steps one per call when out of time, and the verdict is scanItem's", () => {
    const engine = compileEngine(MINI_DATABASE, { now: new Date('2026-11-29T00:00:00Z') });
    const input = { text: 'chào cả nhà' };
    const total = LISTS.reduce((n, [, , list]) => n + list.length, 0);
    let calls = 1;
    while (!prepareScan(engine, input, () => false) && calls < 10_000) calls++;
    // Four runs of the scan's own large expressions, then one call per listed expression (and the text's own).
    expect(calls).toBeGreaterThanOrEqual(4 + total);
    expect(calls).toBeLessThan(10_000);
    expect(prepareScan(engine, input, () => false)).toBe(true);
    expect(scanItem(engine, input)).toEqual(scanItem(compileEngine(MINI_DATABASE, { now: new Date('2026-11-29T00:00:00Z') }), input));
  });
});
