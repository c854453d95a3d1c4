import { describe, expect, it } from 'vitest';
import { compileUrlIndex, toUrlKey, unwrapRedirect } from './urls.ts';

describe('unwrapRedirect', () => {
  it.each([
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.com%2Flogin%3Fa%3D1&h=AT0xyz', 'https://evil.com/login?a=1'],
    ['https://lm.facebook.com/l.php?u=http%3A%2F%2Fvcb-online.web.app%2F&h=x', 'http://vcb-online.web.app/'],
    ['https://www.google.com/url?sa=t&q=https%3A%2F%2Fevil.com%2F&usg=x', 'https://evil.com/'],
    ['https://www.google.com.vn/url?url=https://evil.com/x', 'https://evil.com/x'],
    // nested wrappers
    [
      'https://l.facebook.com/l.php?u=' + encodeURIComponent('https://www.google.com/url?q=' + encodeURIComponent('https://evil.com/')),
      'https://evil.com/',
    ],
    // not wrappers / not unwrappable targets
    ['https://evil.com/l.php?u=https%3A%2F%2Fx.com', 'https://evil.com/l.php?u=https%3A%2F%2Fx.com'],
    ['https://l.facebook.com/l.php?u=javascript%3Aalert(1)', 'https://l.facebook.com/l.php?u=javascript%3Aalert(1)'],
    ['https://www.facebook.com/profile.php?id=1', 'https://www.facebook.com/profile.php?id=1'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, expected) => {
    expect(unwrapRedirect(input)).toBe(expected);
  });
});

describe('url patterns', () => {
  const index = compileUrlIndex([
    { pattern: 0, value: 't.me/nhiemvu_vn' },
    { pattern: 1, value: 'facebook.com/profile.php?id=100012345' },
    { pattern: 2, value: 'zalo.me/0987654321' },
    { pattern: 3, value: 'facebook.com/groups/vieclamonline' },
    { pattern: 4, value: 't.me' }, // a whole shared host: never used
    { pattern: 5, value: 'facebook.com/' },
  ]);

  it('drops whole-host patterns', () => {
    expect(index.size).toBe(4);
  });

  it.each([
    ['https://t.me/nhiemvu_vn', [0]],
    ['http://T.ME/NhiemVu_VN/123', [0]],
    ['https://telegram.me/nhiemvu_vn', [0]],
    ['t.me/nhiemvu_vn2', []],
    ['https://t.me/other', []],
    ['https://www.facebook.com/profile.php?id=100012345', [1]],
    ['https://m.facebook.com/profile.php?ref=bookmarks&id=100012345', [1]],
    ['https://facebook.com/profile.php?id=1000123456', []],
    ['https://fb.com/groups/vieclamonline/posts/1', [3]],
    ['https://www.facebook.com/groups/vieclamonline2', []],
    ['https://zalo.me/0987654321', [1 + 1]],
    ['https://facebook.com/', []],
    ['https://evil.com/t.me/nhiemvu_vn', []],
  ])('%s → %j', (url, patterns) => {
    expect(index.match(url)).toEqual(patterns);
  });

  it('serializes to its source list', () => {
    const again = compileUrlIndex(index.serialize());
    expect(again.match('t.me/nhiemvu_vn')).toEqual([0]);
  });

  it.each([
    ['HTTPS://WWW.Example.com/A/B/?X=1#frag', { host: 'example.com', path: '/a/b', params: [['x', '1']] }],
    ['hxxps://t[.]me/abc', { host: 't.me', path: '/abc', params: [] }],
    ['no-host', null],
    ['hxxps://t.me/abc', { host: 't.me', path: '/abc', params: [] }],
  ])('toUrlKey %s', (url, expected) => {
    const key = toUrlKey(url);
    expect(key === null ? null : { host: key.host, path: key.path, params: [...key.params] }).toEqual(expected);
  });
});
