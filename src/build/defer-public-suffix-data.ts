/**
 * Build step: defer tldts' public-suffix data until the first lookup.
 *
 * Every page evaluates the content script, and about 120 kB of it is tldts' public-suffix trie: typed-array literals
 * and a 68 kB label string in `data/trie.js`, plus a pass in `suffix-trie.js` that derives hashes from them at module
 * load. Evaluated at load, that made the bundle evaluation one task of ~55 ms CPU per page. This rewrites the two
 * modules so the data is built inside a function on the first lookup (V8 only pre-parses a function body it has not
 * run): same code and data, later. The typed-array literals (~12,000 numbers, ~50 kB of tokens the parser still has
 * to scan in every page's first task) are written as base64 strings decoded in that function. The rewrite checks the
 * layout it expects and fails the build if tldts changed it.
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

const TYPED_ARRAY_LITERAL = /^(?:\/\*#__PURE__\*\/\s*)?new (Uint8Array|Uint16Array|Uint32Array)\(\[([\d,\s]*)\]\)$/;
const BYTES_PER_ELEMENT = { Uint8Array: 1, Uint16Array: 2, Uint32Array: 4 } as const;

/** Decodes what `encodeTypedArray` wrote (emitted into the rewritten module as source). */
export const DECODE_TYPED_ARRAY = `function decodeTypedArray(Type, bytesPerElement, base64) {
  const bytes = atob(base64);
  const out = new Type(bytes.length / bytesPerElement);
  for (let i = 0, j = 0; i < out.length; i++) {
    let value = 0;
    for (let k = 0; k < bytesPerElement; k++) value |= bytes.charCodeAt(j++) << (8 * k);
    out[i] = value;
  }
  return out;
}`;

/** `new Uint16Array([1, 2, …])` → `decodeTypedArray(Uint16Array, 2, "AQACAA…")` (little-endian bytes, base64). */
export function encodeTypedArray(value: string): string {
  const literal = TYPED_ARRAY_LITERAL.exec(value.trim());
  if (!literal) return value;
  const type = literal[1] as keyof typeof BYTES_PER_ELEMENT;
  const size = BYTES_PER_ELEMENT[type];
  const numbers = (literal[2] ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '').map(Number);
  const bytes = Buffer.alloc(numbers.length * size);
  numbers.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 0 || n >= 2 ** (8 * size)) throw new LayoutChangedError(`${n} does not fit a ${type}`);
    bytes.writeUIntLE(n, i * size, size);
  });
  return `decodeTypedArray(${type}, ${size}, ${JSON.stringify(bytes.toString('base64'))})`;
}

/** `export const a = …;` lines → `export let a;` and one `loadTrieData()` that assigns them once. */
export function deferTrieData(code: string): string {
  const names: string[] = [];
  const assignments: string[] = [];
  const rest = code.replace(EXPORTED_CONST, (_line, name: string, value: string) => {
    names.push(name);
    assignments.push(`  ${name} = ${encodeTypedArray(value)};`);
    return '';
  });
  for (const name of ['nodeFlags', 'edgeStart', 'edgeLength', 'edgeChild', 'labelText', 'rulesRoot', 'exceptionsRoot']) {
    if (!names.includes(name)) throw new LayoutChangedError(`data/trie.js has no "${name}"`);
  }
  return [
    rest.trim(),
    DECODE_TYPED_ARRAY,
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
