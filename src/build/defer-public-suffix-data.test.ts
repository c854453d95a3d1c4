/**
 * The deferred tldts (rewritten as the build does) gives the same answers as tldts itself: the rewrite is applied to
 * the installed package's files in a temporary copy, which is then imported and compared host by host.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runInNewContext } from 'node:vm';
import { join, resolve } from 'node:path';
import { parse as parseOriginal } from 'tldts';
import { afterAll, describe, expect, it } from 'vitest';
import { DECODE_TYPED_ARRAY, deferSuffixTrie, deferTrieData, encodeTypedArray } from './defer-public-suffix-data';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = join(ROOT, 'node_modules/tldts/dist/es6');
const copy = mkdtempSync(join(tmpdir(), 'deferred-tldts-'));
cpSync(SOURCE, copy, { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
writeFileSync(join(copy, 'src/data/trie.js'), deferTrieData(readFileSync(join(SOURCE, 'src/data/trie.js'), 'utf8')));
writeFileSync(join(copy, 'src/suffix-trie.js'), deferSuffixTrie(readFileSync(join(SOURCE, 'src/suffix-trie.js'), 'utf8')));

afterAll(() => rmSync(copy, { recursive: true, force: true }));

const HOSTS = [
  'www.vietcombank.com.vn', 'vietcombank-xacminh.com', 'a.b.github.io', 'x.web.app', 'www.ck', 'foo.www.ck', 'bar.ck',
  'a.kawasaki.jp', 'city.kawasaki.jp', 'shop.blogspot.com', 'mail.gov.vn', 'x.y.z.edu.vn', 'example', '127.0.0.1',
  'xn--vietcmbank-7ob.com', 'a.b.c.d.e.f.co.uk', 'test.pages.dev', 'evil.weebly.com', 'localhost', 'ab.com.',
  'sub.dominio.com.br', 'x.s3.amazonaws.com', 'nhanqua-shopee.firebaseapp.com', 't.me', 'l.facebook.com',
];

describe('deferred public-suffix data', () => {
  it('parses every host exactly like tldts, ICANN and private rules alike', async () => {
    const deferred = (await import(join(copy, 'index.js'))) as typeof import('tldts');
    for (const host of HOSTS) {
      for (const options of [{}, { allowPrivateDomains: true }]) {
        expect(deferred.parse(host, options), host).toEqual(parseOriginal(host, options));
      }
    }
  });

  it('builds the data in a function, not at module load', () => {
    const data = deferTrieData(readFileSync(join(SOURCE, 'src/data/trie.js'), 'utf8'));
    expect(data).not.toMatch(/^export const /m);
    expect(data).toMatch(/export function loadTrieData\(\)/);
    const trie = deferSuffixTrie(readFileSync(join(SOURCE, 'src/suffix-trie.js'), 'utf8'));
    expect(trie).toMatch(/suffixLookup\(hostname, options, out\) \{\n\s+deriveTables\(\);/);
  });

  it('writes the typed arrays as base64 that decodes to the same numbers', async () => {
    type TrieData = Record<string, unknown> & { loadTrieData: () => void };
    const original = (await import(join(SOURCE, 'src/data/trie.js'))) as Record<string, unknown>;
    const deferred = (await import(join(copy, 'src/data/trie.js'))) as TrieData;
    deferred.loadTrieData();
    const arrays = Object.keys(original).filter((name) => ArrayBuffer.isView(original[name]));
    expect(arrays.sort()).toEqual(['edgeChild', 'edgeLength', 'edgeStart', 'nodeFlags']);
    for (const name of Object.keys(original)) expect(deferred[name], name).toEqual(original[name]);
    const data = deferTrieData(readFileSync(join(SOURCE, 'src/data/trie.js'), 'utf8'));
    expect(data).not.toMatch(/new Uint(8|16|32)Array\(\[/);
  });

  it('encodes each element width and refuses a number that does not fit', () => {
    const decode = (source: string) => runInNewContext(`${DECODE_TYPED_ARRAY}; ${source}`, { atob }) as ArrayLike<number>;
    expect(Array.from(decode(encodeTypedArray('new Uint8Array([0, 255, 7])')))).toEqual([0, 255, 7]);
    expect(Array.from(decode(encodeTypedArray('/*#__PURE__*/ new Uint16Array([65535, 256, 1])')))).toEqual([65535, 256, 1]);
    expect(Array.from(decode(encodeTypedArray('new Uint32Array([4294967295, 65536, 0])')))).toEqual([4294967295, 65536, 0]);
    expect(Array.from(decode(encodeTypedArray('new Uint16Array([])')))).toEqual([]);
    expect(() => encodeTypedArray('new Uint8Array([256])')).toThrow(/tldts changed/);
    expect(encodeTypedArray('"a string"')).toBe('"a string"');
  });

  it('fails loudly when the layout it expects is gone', () => {
    expect(() => deferTrieData('export const other = 1;')).toThrow(/tldts changed/);
    expect(() => deferSuffixTrie('export default function x() {}')).toThrow(/tldts changed/);
  });
});
