/**
 * Build step: defer tldts' public-suffix data until the first lookup.
 *
 * Every page evaluates the content script, and about 120 kB of it is tldts' public-suffix trie: typed-array literals
 * and a 68 kB label string in `data/trie.js`, plus a pass in `suffix-trie.js` that derives hashes from them at module
 * load. Evaluated at load, that made the bundle evaluation one task of ~55 ms CPU per page. This rewrites the two
 * modules so the data is built inside a function on the first lookup (V8 only pre-parses a function body it has not
 * run): same code and data, later. The rewrite checks the layout it expects and fails the build if tldts changed it.
 */
import type { Plugin } from 'vite';

const TRIE_DATA = /\/tldts\/dist\/es6\/src\/data\/trie\.js$/;
const SUFFIX_TRIE = /\/tldts\/dist\/es6\/src\/suffix-trie\.js$/;
const EXPORTED_CONST = /^export const (\w+) = (.*);$/gm;
const DERIVED_START = 'const numberOfNodes = nodeFlags.length;';
const DERIVED_END = '// Result of the last `walk`';
const LOOKUP_START = 'export default function suffixLookup(hostname, options, out) {';
const DATA_IMPORT = /import \{([^}]*)\} from '\.\/data\/trie';/;

class LayoutChangedError extends Error {
  constructor(what: string) {
    super(`defer-public-suffix-data: tldts changed (${what}); update src/build/defer-public-suffix-data.ts or drop it`);
  }
}

/** `export const a = …;` lines → `export let a;` and one `loadTrieData()` that assigns them once. */
export function deferTrieData(code: string): string {
  const names: string[] = [];
  const assignments: string[] = [];
  const rest = code.replace(EXPORTED_CONST, (_line, name: string, value: string) => {
    names.push(name);
    assignments.push(`  ${name} = ${value};`);
    return '';
  });
  for (const name of ['nodeFlags', 'edgeStart', 'edgeLength', 'edgeChild', 'labelText', 'rulesRoot', 'exceptionsRoot']) {
    if (!names.includes(name)) throw new LayoutChangedError(`data/trie.js has no "${name}"`);
  }
  return [
    rest.trim(),
    `export let ${names.join(', ')};`,
    'let trieDataLoaded = false;',
    'export function loadTrieData() {',
    '  if (trieDataLoaded) return;',
    '  trieDataLoaded = true;',
    ...assignments,
    '}',
    '',
  ].join('\n');
}

/** The derived tables become `let`s filled by `deriveTables()`, which `suffixLookup` calls first. */
export function deferSuffixTrie(code: string): string {
  const importMatch = DATA_IMPORT.exec(code);
  const start = code.indexOf(DERIVED_START);
  const end = code.indexOf(DERIVED_END);
  const lookup = code.indexOf(LOOKUP_START);
  if (!importMatch || start < 0 || end < start || lookup < end) throw new LayoutChangedError('suffix-trie.js layout');
  const derived = code.slice(start, end);
  const names = [...derived.matchAll(/^const (\w+) = /gm)].map((m) => m[1] ?? '');
  if (names.length === 0) throw new LayoutChangedError('no derived tables');
  const body = derived.replace(/^const (\w+) = /gm, '$1 = ');
  const imports = `import {${importMatch[1]} loadTrieData, } from './data/trie';`;
  return [
    code.slice(0, importMatch.index),
    imports,
    code.slice(importMatch.index + importMatch[0].length, start),
    `let ${names.join(', ')};`,
    'let tablesDerived = false;',
    'function deriveTables() {',
    '  if (tablesDerived) return;',
    '  tablesDerived = true;',
    '  loadTrieData();',
    body,
    '}',
    code.slice(end, lookup),
    `${LOOKUP_START}\n    deriveTables();`,
    code.slice(lookup + LOOKUP_START.length),
  ].join('\n');
}

export function deferPublicSuffixData(): Plugin {
  return {
    name: 'canhgiac:defer-public-suffix-data',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]?.replaceAll('\\', '/') ?? '';
      if (TRIE_DATA.test(file)) return { code: deferTrieData(code), map: null };
      if (SUFFIX_TRIE.test(file)) return { code: deferSuffixTrie(code), map: null };
      return null;
    },
  };
}
