import { describe, expect, it } from 'vitest';
import {
  compileEngine,
  describeDatabase,
  ENGINE_FORMAT,
  EngineLoadError,
  isEngineIntact,
  loadEngine,
  loadEngineSteps,
  scanItem,
  serializeEngine,
  hashString,
  type ScanInput,
  type Verdict,
} from './index.ts';
import { ENGINE_PARTS } from './serialize.ts';
import { MINI_DATABASE } from './mini-database.fixture.ts';

const NOW = new Date('2026-11-29T00:00:00Z');
const engine = compileEngine(MINI_DATABASE, { now: NOW });

function expectOffsets(input: ScanInput, verdict: Verdict): void {
  for (const ind of verdict.indicators) {
    if (ind.start === undefined) continue;
    expect(input.text.slice(ind.start, ind.end)).toBe(ind.match);
  }
}

const CASES: [string, ScanInput, Verdict['verdict'], string[]][] = [
  ['a lure alone is not scam', { text: 'Tuyển cộng tác viên bán hàng online, làm tại nhà.' }, 'clean', ['job-ctv']],
  [
    'lure + payment + channel is scam',
    { text: 'Việc nhẹ lương cao! Nạp tiền 200k để nhận đơn, kết bạn Zalo với mình nhé.' },
    'scam',
    ['job-easy-work', 'job-deposit', 'generic-zalo'],
  ],
  [
    'hallmark + channel without accents or with teencode-like spacing',
    { text: 'nap tien lam nhiem vu, hoan tien 130%, ket ban zalo' },
    'scam',
    ['job-task-topup', 'job-deposit', 'generic-zalo'],
  ],
  [
    'allowlisted official bank domain with brand name is never flagged',
    {
      text: 'Vietcombank thông báo: tra cứu tại https://www.vietcombank.com.vn/vi-VN/KHCN nhé.',
      links: ['https://portal.vietcombank.com.vn/login'],
    },
    'clean',
    [],
  ],
  ['a lookalike link (one edit) is scam', { text: 'Đăng nhập để nhận ưu đãi', links: ['https://vietcombamk.com/login'] }, 'scam', ['lookalike:vietcombank']],
  [
    'an IDN homograph link is scam',
    { text: 'Cập nhật thông tin', links: ['https://xn--vietcombnk-5ng.com/'] },
    'scam',
    ['idn-homograph:vietcombank'],
  ],
  [
    'a brand on a free host is scam',
    { text: 'Nhận quà tri ân', links: ['https://shopee-quatang.weebly.com/'] },
    'scam',
    ['brand-on-free-host:shopee'],
  ],
  [
    'a brand + lure host written in the text is suspicious on its own',
    { text: 'Truy cập vietcombank-xacminh.com để xác minh tài khoản.' },
    'suspicious',
    ['brand-keyword-domain:vietcombank'],
  ],
  [
    'a brand + lure host written in the text with a credential request is scam',
    { text: 'Tài khoản bị khóa. Truy cập vietcombank-xacminh.com và nhập mã OTP.' },
    'scam',
    ['brand-keyword-domain:vietcombank', 'bank-locked', 'bank-otp', 'ask-hint-gui-ma'],
  ],
  [
    'a redirect-wrapped blocklisted domain is scam',
    { text: 'xem', links: ['https://l.facebook.com/l.php?u=https%3A%2F%2Fvcb-digibank-support.top%2F&h=AT1'] },
    'scam',
    ['bank-blocked-domain', 'brand-keyword-domain:vietcombank', 'link-shape:tld'],
  ],
  [
    'the page URL is checked',
    { text: '', url: 'https://login.vcb-digibank-support.top/' },
    'scam',
    ['bank-blocked-domain', 'brand-keyword-domain:vietcombank', 'link-shape:tld'],
  ],
  [
    'a url pattern in the text plus a lure',
    { text: 'Việc nhẹ lương cao, vào nhóm t.me/NhiemVu_VN để nhận việc' },
    'scam',
    ['job-easy-work', 'job-telegram', 'link-shape:messenger'],
  ],
  [
    'a blocklisted number written with dots',
    { text: 'Việc nhẹ lương cao, liên hệ 0936.555.812 để nạp tiền' },
    'scam',
    ['job-easy-work', 'job-number', 'job-deposit'],
  ],
  ['an expired pattern is ignored', { text: 'mẫu đã hết hạn' }, 'clean', []],
  [
    'a police warning quoting scam wording stays clean',
    {
      text: 'Công an khuyến cáo: ngân hàng không bao giờ yêu cầu khách hàng cung cấp mã OTP. Hãy cảnh giác với tin nhắn báo tài khoản bị khóa.',
    },
    'clean',
    // "không bao giờ yêu cầu … cung cấp mã OTP" is a negated ask: bank-otp is dropped (scan-item.ts, isNegatedAsk).
    ['bank-locked', 'warn-police', 'warn-never-share', 'warn-be-careful'],
  ],
  [
    'a police warning naming a lookalike host in its text is not forced to scam',
    {
      text: 'Công an khuyến cáo: ngân hàng không bao giờ yêu cầu cung cấp mã OTP; hãy cảnh giác với trang vietcombank-xacminh.com.',
    },
    'clean',
    ['warn-police', 'warn-never-share', 'warn-be-careful', 'brand-keyword-domain:vietcombank'],
  ],
];

describe('scanItem', () => {
  it.each(CASES)('%s', (_name, input, verdict, patternIds) => {
    const v = scanItem(engine, input);
    expect(v.verdict).toBe(verdict);
    expect([...new Set(v.indicators.map((i) => i.patternId))].sort()).toEqual([...patternIds].sort());
    expectOffsets(input, v);
  });

  it('lists allowlisted hosts', () => {
    const v = scanItem(engine, { text: 'xem vnexpress.net', links: ['https://www.vietcombank.com.vn/'] });
    expect(v.allowlisted.sort()).toEqual(['vnexpress.net', 'www.vietcombank.com.vn']);
    expect(v.indicators).toEqual([]);
  });

  it('warning context lowers a score', () => {
    const scam = 'Tài khoản bị khóa, gửi mã OTP trong 24 giờ.';
    const plain = scanItem(engine, { text: scam });
    const warned = scanItem(engine, { text: `Công an khuyến cáo, hãy cảnh giác: ${scam}` });
    expect(plain.verdict).toBe('scam');
    expect(warned.warningContext).toBe(true);
    expect(warned.score).toBeLessThan(plain.score);
    expect(warned.verdict).toBe('clean');
  });

  it('reports every occurrence but counts a pattern once', () => {
    const once = scanItem(engine, { text: 'nạp tiền' });
    const thrice = scanItem(engine, { text: 'nạp tiền, nạp tiền, nạp tiền' });
    expect(thrice.indicators.filter((i) => i.patternId === 'job-deposit')).toHaveLength(3);
    expect(thrice.score).toBe(once.score);
  });

  it('brand families follow the brand kind', () => {
    const v = scanItem(engine, { text: '', links: ['https://vnpost-nhanqua.com/'] });
    expect(v.categories[0]).toBe('parcel');
  });

  it('custom phrases are hallmark patterns of weight 50 with ids custom-N', () => {
    const custom = compileEngine(MINI_DATABASE, { now: NOW, extraPhrases: ['', 'quà tặng bí mật', '  hoàn tiền gấp đôi  '] });
    const v = scanItem(custom, { text: 'Bạn nhận được QUA TANG BI MAT và hoàn tiền gấp đôi!' });
    expect(v.verdict).toBe('suspicious');
    const ids = v.indicators.map((i) => i.patternId).sort();
    expect(ids).toEqual(['custom-1', 'custom-2']);
    expect(v.indicators.every((i) => i.weight === 50 && i.signal === 'hallmark' && i.family === 'custom')).toBe(true);
    expect(custom.families['custom']?.name.en).toBeTruthy();
  });

  it('expiry depends on the clock', () => {
    const past = compileEngine(MINI_DATABASE, { now: new Date('2019-12-31T12:00:00Z') });
    expect(scanItem(past, { text: 'mẫu đã hết hạn' }).indicators.map((i) => i.patternId)).toEqual(['old-expired']);
    expect(engine.skipped.map((s) => s.id)).toContain('old-expired');
  });
});

describe('serialization', () => {
  const serialized = serializeEngine(engine);

  it('has the documented envelope', () => {
    expect(serialized.magic).toBe('canhgiac-engine');
    expect(serialized.format).toBe(ENGINE_FORMAT);
    expect(serialized.dbVersion).toBe(7);
    expect(serialized.checksum).toMatch(/^[0-9a-f]{14}$/);
  });

  it('serialize → JSON → load gives the same verdicts', () => {
    const loaded = loadEngine(JSON.parse(JSON.stringify(serialized)));
    for (const [, input] of CASES) expect(scanItem(loaded, input)).toEqual(scanItem(engine, input));
    expect(describeDatabase(loaded)).toEqual(describeDatabase(engine));
  });

  it('rejects a tampered checksum', () => {
    const copy = JSON.parse(JSON.stringify(serialized)) as typeof serialized;
    copy.checksum = copy.checksum.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(() => loadEngine(copy)).toThrow(EngineLoadError);
  });

  it('rejects tampered data or a tampered part', () => {
    const copy = { ...serialized, data: serialized.data.replace(/"version":\d+/, '"version":100') };
    expect(copy.data).not.toBe(serialized.data);
    expect(() => loadEngine(copy)).toThrow(/checksum/);
    const parts = serialized.parts.map((part) => part.replace(/"weight":\d+/, '"weight":100'));
    expect(parts).not.toEqual(serialized.parts);
    expect(() => loadEngine({ ...serialized, parts })).toThrow(/checksum/);
    // Moving text from one part to the next changes the checksum too.
    const [first = '', second = '', ...rest] = serialized.parts;
    expect(() => loadEngine({ ...serialized, parts: [first.slice(0, -1), first.slice(-1) + second, ...rest] })).toThrow(/checksum/);
  });

  it('keeps the largest sections out of `data`, one JSON text each (each parsed in a step of its own)', () => {
    expect(serialized.parts).toHaveLength(ENGINE_PARTS.length);
    const data = JSON.parse(serialized.data) as Record<string, unknown>;
    expect(data['patterns']).toBeUndefined();
    expect(data['model']).toBeUndefined();
    expect(Object.keys(data['regexes'] as object).sort()).toEqual(['format']);
    expect(JSON.parse(serialized.parts[0] ?? '')).toEqual(engine.patterns);
    expect(isEngineIntact(serialized)).toBe(true);
    expect(isEngineIntact({ ...serialized, parts: serialized.parts.slice(1) })).toBe(false);
    expect(isEngineIntact({ ...serialized, parts: undefined })).toBe(false);
  });

  it('loads in steps: one to check and parse `data`, one per part, one to build; the same engine as loadEngine', () => {
    const steps = loadEngineSteps(JSON.parse(JSON.stringify(serialized)));
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // The checksum, then a step before each part and one before the indexes are built.
    expect(yields).toBe(1 + ENGINE_PARTS.length + 1);
    for (const [, input] of CASES) expect(scanItem(step.value, input)).toEqual(scanItem(engine, input));
  });

  it('rejects a bad part in the step that parses it', () => {
    const parts = serialized.parts.map((part, i) => (i === 2 ? '{nope' : part));
    const steps = loadEngineSteps({ ...serialized, parts }, { verifyChecksum: false });
    let yields = 0;
    expect(() => {
      while (!steps.next().done) yields++;
    }).toThrow(/not JSON/);
    // data, then parts 0 and 1 are read before part 2 is.
    expect(yields).toBe(3);
  });

  it('skips only the checksum when told to (content scripts), and still rejects a bad shape or format', () => {
    const copy = { ...serialized, checksum: 'not-the-checksum' };
    expect(() => loadEngine(copy)).toThrow(/checksum/);
    const loaded = loadEngine(copy, { verifyChecksum: false });
    for (const [, input] of CASES) expect(scanItem(loaded, input)).toEqual(scanItem(engine, input));
    expect(() => loadEngine({ ...copy, format: ENGINE_FORMAT + 1 }, { verifyChecksum: false })).toThrow(/format/);
    expect(() => loadEngine({ ...copy, data: '{"version":1}' }, { verifyChecksum: false })).toThrow(/malformed/);
  });

  it('loads after a store that reorders object keys (Chromium storage.local sorts them)', () => {
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]))
          : value;
    const stored = sortKeys(JSON.parse(JSON.stringify(serialized)));
    expect(Object.keys(stored as object)).not.toEqual(Object.keys(serialized));
    const loaded = loadEngine(stored);
    for (const [, input] of CASES) expect(scanItem(loaded, input)).toEqual(scanItem(engine, input));
  });

  it.each([
    ['wrong format', { ...serialized, format: ENGINE_FORMAT + 1 }, /format/],
    ['wrong magic', { ...serialized, magic: 'something-else' }, /magic/],
    ['not an object', 'nope', /not a serialized engine/],
    ['no data', { ...serialized, data: null }, /data/],
    ['data that is not JSON', { ...serialized, data: '{nope', checksum: hashString(['{nope', ...serialized.parts]) }, /not JSON/],
    ['no parts', { ...serialized, parts: undefined }, /missing parts/],
    ['a part that is not a string', { ...serialized, parts: [...serialized.parts.slice(1), 7] }, /missing parts/],
  ])('rejects %s', (_name, value, message) => {
    expect(() => loadEngine(value)).toThrow(message);
  });
});

describe('describeDatabase', () => {
  it('counts patterns per family', () => {
    const d = describeDatabase(engine);
    expect(d.version).toBe(7);
    expect(d.patternCount).toBe(MINI_DATABASE.patterns.length - 1);
    expect(d.families.find((f) => f.id === 'generic')?.patternCount).toBe(3);
    expect(d.families.map((f) => f.id)).toEqual(MINI_DATABASE.families.map((f) => f.id));
  });
});
