import { domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileDomainIndex,
  computeSkeleton,
  findUrlsInText,
  measureEditDistance,
  normalizeHost,
  registrableDomain,
  type DomainIndexSource,
} from './domains.ts';
import { decodeHostToUnicode, decodePunycode } from './punycode.ts';

const source: DomainIndexSource = {
  brands: [
    { id: 'vietcombank', name: 'Vietcombank', domains: ['vietcombank.com.vn'], keywords: ['vietcombank', 'vcb'], kind: 'bank' },
    { id: 'momo', name: 'MoMo', domains: ['momo.vn'], keywords: ['momo'], kind: 'wallet' },
    { id: 'shopee', name: 'Shopee', domains: ['shopee.vn'], keywords: ['shopee'], kind: 'marketplace' },
    { id: 'techcombank', name: 'Techcombank', domains: ['techcombank.com.vn', 'techcombank.com'], keywords: ['techcombank', 'tcb'], kind: 'bank' },
    { id: 'vnpost', name: 'VNPost', domains: ['vnpost.vn'], keywords: ['vnpost'], kind: 'delivery' },
  ],
  allowlist: ['gov.vn', 'vnexpress.net', 'chinhphu.vn'],
  freeHosts: ['web.app', 'weebly.com', 'firebaseapp.com', 'blogspot.com'],
  lureKeywords: ['xacminh', 'xacthuc', 'nhanqua', 'quatang', 'verify', 'khuyenmai', 'bank'],
  blocked: [
    { pattern: 7, value: 'lua-dao.xyz' },
    { pattern: 8, value: '=exact.example.com' },
    { pattern: 9, value: 'tien.evil.io' },
  ],
};
const index = compileDomainIndex(source);

function kindsOf(host: string): string[] {
  return (index.checkHost(host)?.hits ?? []).map((h) => h.kind).sort();
}

describe('checkHost: a page on a free host is never allowlisted', () => {
  // Google owns google.com and runs the free host sites.google.com, where anyone can publish.
  const google = compileDomainIndex({
    ...source,
    brands: [...source.brands, { id: 'google', name: 'Google', domains: ['google.com'], keywords: ['google'], kind: 'other' }],
    freeHosts: [...source.freeHosts, 'sites.google.com'],
  });

  it('allowlists the brand itself', () => {
    expect(google.checkHost('www.google.com')?.allowlisted).toBe(true);
    expect(google.checkHost('mail.google.com')?.allowlisted).toBe(true);
  });

  it('does not allowlist the free host or a page on it, and reads brands on it', () => {
    expect(google.checkHost('sites.google.com')).toMatchObject({ allowlisted: false, hits: [] });
    expect(google.checkHost('vcb-xacminh.sites.google.com')?.hits.map((h) => h.kind)).toEqual(['brand-on-free-host']);
    // A page named for the free host's owner is not the owner's either.
    expect(google.checkHost('google-verify.sites.google.com')?.hits.map((h) => h.kind)).toEqual(['brand-on-free-host']);
  });
});

describe('checkHost: a lure-only brand counts only next to a lure, on a free host or in a confusable spelling', () => {
  const dealers = compileDomainIndex({
    ...source,
    brands: [...source.brands, { id: 'vinfast', name: 'VinFast', domains: ['vinfastauto.com'], keywords: ['vinfast'], kind: 'other', lureOnly: true }],
  });
  const kinds = (host: string): string[] => (dealers.checkHost(host)?.hits ?? []).map((h) => h.kind).sort();

  it.each([
    // Dealers, near-miss spellings and the bare name: other people's sites.
    ['vinfast-hanoi.com.vn', []],
    ['vinfastthanglong.vn', []],
    ['vinfest.vn', []],
    ['vinfast.shop', []],
    // Digits read as letters: a dealer's district or a branch number, not a leet spelling.
    ['vinfast-q7.vn', []],
    ['vinfastquan1.vn', []],
    // Next to a lure, on a free host, in confusable letters: impersonation.
    ['vinfast-xacminh.com', ['brand-keyword-domain']],
    ['vinfast-quatang.web.app', ['brand-on-free-host']],
    ['vіnfast.com', ['idn-homograph']],
  ])('%s → %j', (host, expected) => {
    expect(kinds(host)).toEqual(expected);
  });

  it('the same keyword without the flag is read alone and one letter off', () => {
    const plain = compileDomainIndex({ ...source, brands: [...source.brands, { id: 'vinfast', name: 'VinFast', domains: ['vinfastauto.com'], keywords: ['vinfast'], kind: 'other' }] });
    expect(plain.checkHost('vinfast-hanoi.com.vn')?.hits.map((h) => h.kind)).toEqual(['lookalike']);
    expect(plain.checkHost('vinfest.vn')?.hits.map((h) => h.kind)).toEqual(['lookalike']);
  });
});

describe('checkHost: allowlist first', () => {
  it.each([
    ['vietcombank.com.vn'],
    ['www.vietcombank.com.vn'],
    ['digibank.vietcombank.com.vn'],
    ['VIETCOMBANK.COM.VN.'],
    ['techcombank.com'],
    ['momo.vn'],
    ['dichvucong.gov.vn'],
    ['https://vnexpress.net/path'],
  ])('%s is allowlisted and never flagged', (host) => {
    const check = index.checkHost(host);
    expect(check?.allowlisted).toBe(true);
    expect(check?.hits).toEqual([]);
  });
});

describe('checkHost: blocklist', () => {
  it.each([
    ['lua-dao.xyz', [7]],
    ['a.b.lua-dao.xyz', [7]],
    ['exact.example.com', [8]],
    ['sub.exact.example.com', []],
    ['tien.evil.io', [9]],
    ['x.tien.evil.io', [9]],
    ['evil.io', []],
    ['notlua-dao.xyz', []],
  ])('%s → patterns %j', (host, patterns) => {
    const hits = (index.checkHost(host)?.hits ?? []).filter((h) => h.kind === 'domain').map((h) => h.pattern);
    expect(hits).toEqual(patterns);
  });
});

describe('checkHost: brand impersonation', () => {
  it.each([
    // lookalike by one edit / transposition / two edits for long keywords
    ['vietcombamk.com', ['lookalike']],
    ['vietcmobank.com', ['lookalike']],
    ['vietconbamk.net', ['lookalike']],
    ['techcombank-online.com.vn.xyz', ['lookalike']],
    ['vnpots.vn', ['lookalike']],
    // verbatim long keyword on a domain the brand does not own
    ['vietcombank.com.de', ['lookalike']],
    // leet digits
    ['vietc0mbank.com', ['lookalike']],
    // brand + lure keyword
    ['vietcombank-xacminh.com', ['brand-keyword-domain']],
    ['vietcombankxacminh.com', ['brand-keyword-domain']],
    ['xacthuc-vcb.com', ['brand-keyword-domain']],
    ['momo-nhanqua.net', ['brand-keyword-domain']],
    // a short keyword as a token of the registrable label, without a lure (weight 60)
    ['vcb-nanghanmuc.online', ['brand-keyword-domain']],
    // an exact keyword is that brand, not a typo of a similar keyword
    ['techcombank.xyz', ['lookalike']],
    // brand on free hosting
    ['vcb-online.web.app', ['brand-on-free-host']],
    ['shopee-quatang.weebly.com', ['brand-on-free-host']],
    // IDN homograph (Cyrillic а), Unicode and punycode forms
    ['vietcombаnk.com', ['idn-homograph']],
    ['xn--vietcombnk-5ng.com', ['idn-homograph']],
    ['vietcombаnk.com.vn', ['idn-homograph']],
  ])('%s → %j', (host, kinds) => {
    expect(kindsOf(host)).toEqual(kinds);
  });

  it.each([
    ['google.com'],
    ['vcb.example.org'], // short keyword alone is ambiguous
    ['momo.example.org'],
    ['bankofamerica.com'], // "bank" lure without a brand
    ['mybank.web.app'],
    ['vietnamnet.vn'],
    ['thegioididong.com'],
    ['shop.com'],
  ])('%s is not flagged', (host) => {
    expect(kindsOf(host)).toEqual([]);
  });

  // Banks named by their initials, whose keywords are one edit from one another.
  const banks = compileDomainIndex({
    ...source,
    brands: [
      ...source.brands,
      { id: 'vpbank', name: 'VPBank', domains: ['vpbank.com.vn'], keywords: ['vpbank'], kind: 'bank' },
      { id: 'tpbank', name: 'TPBank', domains: ['tpbank.vn'], keywords: ['tpbank'], kind: 'bank' },
      { id: 'mbbank', name: 'MB', domains: ['mbbank.com.vn'], keywords: ['mbbank'], kind: 'bank' },
    ],
  });
  const keywordsOf = (host: string): (string | undefined)[] => (banks.checkHost(host)?.hits ?? []).map((h) => h.keyword);

  it('an exact keyword is not also a fuzzy match of a similar brand', () => {
    expect(keywordsOf('vpbank-doithe.info')).toEqual(['vpbank']);
    expect(keywordsOf('vpbamk.info')).toEqual(['vpbank']);
  });

  // An edit in a bank's initials spells other initials (Japan Post Bank's "jp-bank"), not a typo.
  it.each<[string, string[]]>([
    ['www.jp-bank.japanpost.jp', []],
    ['xpbank.info', []],
    ['kbbank.com', []],
    ['mbank.pl', []],
    ['tpbamk.com', ['lookalike']],
    // Letters swapped across or within the initials, one letter more, a free host: still look-alikes.
    ['vbpank.com', ['lookalike']],
    ['pvbank.com', ['lookalike']],
    ['mbbbank.com', ['lookalike']],
    ['vbpank.weebly.com', ['brand-on-free-host']],
    ['vpbnak-online.com', ['lookalike']],
    ['mbbankk.net', ['lookalike']],
  ])('%s → %j (initials kept)', (host, kinds) => {
    expect((banks.checkHost(host)?.hits ?? []).map((h) => h.kind)).toEqual(kinds);
  });

  // A five-letter keyword counts where a label or a part of it starts, or inside a word made of it, lure keywords
  // and digits — not inside another word ("purchase", a securities firm's "bachasec"), even with a lure elsewhere.
  it.each<[string, string, string[]]>([
    ['chase', 'chasebank.com', ['brand-keyword-domain']],
    ['chase', 'secure-chase-online.com', ['lookalike']],
    ['chase', 'chaseonline.com', ['lookalike']],
    ['chase', 'purchase.vn', []],
    ['chase', 'bachasec.com.vn', []],
    ['chase', 'purchase-online.net', []],
    ['chase', 'purchasexacminh.com', []],
    ['vneid', 'xacthucvneid.online', ['brand-keyword-domain']],
    ['vneid', 'vneidxacminh.com', ['brand-keyword-domain']],
    ['vneid', 'vneid2026.com', ['lookalike']],
    ['vneid', 'hivneidea-xacminh.com', []],
  ])('five-letter keyword %s: %s → %j', (keyword, host, kinds) => {
    const single = compileDomainIndex({ ...source, brands: [{ id: keyword, name: keyword, domains: [`${keyword}.com`], keywords: [keyword], kind: 'other' }] });
    expect((single.checkHost(host)?.hits ?? []).map((h) => h.kind)).toEqual(kinds);
  });

  it('weighs a short keyword without a lure below the scam threshold', () => {
    expect(index.checkHost('vcb-nanghanmuc.online')?.hits[0]?.weight).toBe(60);
    expect(index.checkHost('vcb.nanghanmuc.online')?.hits).toEqual([]);
  });

  it('names the brand and gives weights ≥ 80', () => {
    const hits = index.checkHost('vietcombank-xacminh.com')?.hits ?? [];
    expect(hits[0]?.brand).toBe(0);
    expect(hits[0]?.weight).toBeGreaterThanOrEqual(80);
    const free = index.checkHost('shopee-quatang.weebly.com')?.hits ?? [];
    expect(free[0]?.brand).toBe(2);
  });

  it('handles 100k blocklisted domains and hundreds of brands quickly', () => {
    const blocked = Array.from({ length: 100_000 }, (_, i) => ({ pattern: i, value: `scam${i}.example${i % 50}.com` }));
    const brands = Array.from({ length: 500 }, (_, i) => ({
      id: `brand${i}`,
      name: `Brand ${i}`,
      domains: [`brand${i}official.vn`],
      keywords: [`brandname${i}x`, `bn${i}`],
      kind: 'bank' as const,
    }));
    const t0 = performance.now();
    const big = compileDomainIndex({ ...source, brands: [...source.brands, ...brands], blocked });
    const compileMs = performance.now() - t0;
    const hosts = ['scam99999.example49.com', 'vietcombamk.com', 'brandname42y.com', 'harmless-site.org', 'a.b.c.d.e.f.example.net'];
    const t1 = performance.now();
    for (let i = 0; i < 2000; i++) for (const h of hosts) big.checkHost(h);
    const perHostMs = (performance.now() - t1) / 10_000;
    expect(big.checkHost('scam99999.example49.com')?.hits.map((h) => h.pattern)).toEqual([99_999]);
    expect(big.checkHost('brandname42y.com')?.hits[0]?.kind).toBe('lookalike');
    expect(compileMs).toBeLessThan(10_000);
    expect(perHostMs).toBeLessThan(1.5); // typically ~0.05 ms; loose for loaded CI machines
  });
});

describe('helpers', () => {
  it.each([
    ['abc', 'abc', 0],
    ['abc', 'acb', 1],
    ['vietcombank', 'vietcombamk', 1],
    ['vietcombank', 'vjetcombamk', 2],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('edit distance %s / %s = %i', (a, b, d) => {
    expect(measureEditDistance(a, b)).toBe(d);
    expect(measureEditDistance(b, a)).toBe(d);
  });

  it('stops early past max', () => {
    expect(measureEditDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });

  it.each([
    ['xn--vietcombnk-5ng.com'],
    ['xn--tin-hng-ha-l4a6uk787a.vn'],
    ['xn--vitnam-jk8b.vn'],
    ['xn--mnchen-3ya.de'],
    ['xn--80ak6aa92e.com'],
    ['xn--fiqs8s.cn'],
    ['plain.example.com'],
  ])('punycode %s decodes like node:url', (host) => {
    expect(decodeHostToUnicode(host)).toBe(domainToUnicode(host));
  });

  it('rejects invalid punycode', () => {
    expect(decodePunycode('!!!')).toBeNull();
    expect(decodeHostToUnicode('xn--!!.com')).toBe('xn--!!.com');
  });

  it.each([
    ['vietcombаnk', 'vietcombank'],
    ['vietc0mbank', 'vietcombank'],
    ['vietcornbank', 'vietcombank'],
    ['ѕhopee', 'shopee'],
  ])('skeleton %s → %s', (label, skeleton) => {
    expect(computeSkeleton(label)).toBe(skeleton);
  });

  it.each([
    ['https://User@WWW.Example.COM:8080/x?y#z', 'www.example.com'],
    ['example.com.', 'example.com'],
    ['XN--MNCHEN-3YA.DE', 'münchen.de'],
  ])('normalizeHost %s → %s', (raw, host) => {
    expect(normalizeHost(raw)).toBe(host);
  });

  it.each([
    ['vcb-online.web.app', 'web.app'],
    ['a.b.gov.vn', 'b.gov.vn'],
    ['www.vietcombank.com.vn', 'vietcombank.com.vn'],
  ])('registrableDomain %s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});

describe('findUrlsInText', () => {
  it.each([
    ['truy cập vietcombank-xacminh.com để xác minh', 'vietcombank-xacminh.com', 'vietcombank-xacminh.com'],
    ['vào hxxps://evil[.]com/login ngay', 'evil.com', 'hxxps://evil[.]com/login'],
    ['Link: https://t.me/abc_def.', 't.me', 'https://t.me/abc_def'],
    ['(xem tại zalo.me/0987654321)', 'zalo.me', 'zalo.me/0987654321'],
    ['trang vietcombаnk.com nhé', 'vietcombаnk.com', 'vietcombаnk.com'],
    ['go to Evil(.)Co(.)UK now', 'evil.co.uk', 'Evil(.)Co(.)UK'],
  ])('%s', (text, host, match) => {
    const urls = findUrlsInText(text);
    expect(urls).toHaveLength(1);
    const u = urls[0];
    expect(u?.host).toBe(host);
    expect(u?.match).toBe(match);
    expect(text.slice(u?.start ?? 0, u?.end ?? 0)).toBe(match);
  });

  it.each([
    ['v.v. và TP.HCM ngày 14.10.2022'],
    ['email tôi: ban@gmail.com'],
    ['ok.thanks bạn'],
    ['giá 1.500.000đ'],
    ['Dr.Strange'],
  ])('finds no host in %s', (text) => {
    expect(findUrlsInText(text)).toEqual([]);
  });

  it('keeps the path for url patterns, defanged', () => {
    expect(findUrlsInText('vào t[.]me/Nhiemvu_VN ngay')[0]?.url).toBe('t.me/Nhiemvu_VN');
  });
});
