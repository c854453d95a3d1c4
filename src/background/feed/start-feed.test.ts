import { describe, expect, it } from 'vitest';
import { resolveFeedConfig } from './start-feed';

const build = { feedUrl: 'https://feed.example.org/canh-giac/', reportUrl: '', feedPublicKey: ' KEY== \n' };

describe('resolveFeedConfig', () => {
  it.each([
    ['no override: the build URL', null, 'https://feed.example.org/canh-giac/'],
    ['an empty override: the build URL', '  ', 'https://feed.example.org/canh-giac/'],
    ['an http(s) override wins', ' https://mirror.example.net/feed/ ', 'https://mirror.example.net/feed/'],
    ['a loopback http override', 'http://127.0.0.1:8080/feed/', 'http://127.0.0.1:8080/feed/'],
    ['a non-http override is ignored', 'javascript:alert(1)', 'https://feed.example.org/canh-giac/'],
    ['garbage is ignored', 'not a url', 'https://feed.example.org/canh-giac/'],
  ])('%s', (_name, override, expected) => {
    expect(resolveFeedConfig(override, build)).toEqual({ feedUrl: expected, publicKey: 'KEY==' });
  });

  it('a build without a feed URL has none unless the options set one; the key always comes from the build', () => {
    const bare = { ...build, feedUrl: '', feedPublicKey: '' };
    expect(resolveFeedConfig(null, bare)).toEqual({ feedUrl: '', publicKey: '' });
    expect(resolveFeedConfig('https://mirror.example.net/', bare)).toEqual({ feedUrl: 'https://mirror.example.net/', publicKey: '' });
  });
});
