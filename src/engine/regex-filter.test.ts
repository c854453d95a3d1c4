import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { normalizeText } from './normalize.ts';
import { checkSafeRegex, compileRegexSet, loadRegexSet } from './regex-filter.ts';

describe('checkSafeRegex accepts the safe subset and returns folded required literals', () => {
  test.each([
    ['nap\\s+tien', ['tien']],
    ['nạp\\s+TIỀN', ['tien']],
    ['\\bnap tien\\b', ['nap tien']],
    ['lai suat \\d{1,3}\\s?%', ['lai suat ']],
    ['(?:chuyen khoan|ck) truoc', [' truoc']],
    ['(?:nap|rut) tien(?: ngay)?', [' tien']],
    ['hoa hong (?:tu|len den) \\d+', ['hoa hong ']],
    ['otp|ma xac nhan', ['otp', 'ma xac nhan']],
    ['(?:ab|cd)+xyz', ['xyz']],
    ['[a-z]{2,5} nhiem vu', [' nhiem vu']],
    ['zalo\\.me/\\d{9,11}', ['zalo.me/']],
    ['x{3}abc', ['abc']],
  ])('%s', (source, literals) => {
    expect(checkSafeRegex(source)).toEqual({ ok: true, literals });
  });
});

describe('checkSafeRegex rejects unsafe or unanchored patterns with a reason', () => {
  test.each([
    ['(a+)+b', 'nested quantifier'],
    ['(ab?c)*xyz', 'nested quantifier'],
    ['(?:x+y)+abc', 'nested quantifier'],
    ['(a|ab)+xyz', 'ambiguous alternation'],
    ['(a|a)*xyz', 'ambiguous alternation'],
    ['(\\w|\\d)+xyz', 'ambiguous alternation'],
    ['(abc)\\1', 'backreference'],
    ['(?<n>abc)\\k<n>', 'named group'],
    ['abc(?=def)', 'lookaround'],
    ['abc(?!def)', 'lookaround'],
    ['(?<=abc)def', 'lookaround'],
    ['(?<!abc)def', 'lookaround'],
    ['(?i)abc', 'inline group modifier'],
    ['abc\\d{1,51}', 'bound above 50'],
    ['abc\\d{3,}', 'open {m,} quantifier'],
    ['abc\\d{5,2}', 'm > n'],
    ['^abc', 'anchor'],
    ['abc$', 'anchor'],
    ['ab.*cd', 'no required literal'],
    ['\\d+\\s\\w+', 'no required literal'],
    ['otp|ma', 'an alternative has no required literal'],
    ['abc.*d.*e.*f', 'more than 2 unbounded'],
    ['abc**', 'stacked quantifiers'],
    ['*abc', 'quantifier without target'],
    ['(abc', 'unclosed group'],
    ['[abc', 'unclosed character class'],
    ['abc)', 'unexpected'],
    ['abc\\p{L}', 'unsupported escape'],
    ['abc\\', 'trailing backslash'],
    ['\\bx+abc\\b+', 'quantified assertion'],
    ['a'.repeat(301), 'longer than 300'],
    ['', 'empty pattern'],
  ])('%s → %s', (source, reason) => {
    const result = checkSafeRegex(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('compileRegexSet', () => {
  test('finds matches on normalized text and maps them to original offsets', () => {
    const set = compileRegexSet([
      { id: 1, source: 'nạp\\s+(?:tiền|tien)\\s+\\d+\\s+(?:nghin|trieu)' },
      { id: 2, source: 'lai suat \\d{1,2}' },
    ]);
    const raw = 'Chỉ cần N.Ạ.P TIỀN 500k là có LÃI SUẤT 30% mỗi ngày';
    const hits = set.find(normalizeText(raw));
    expect(hits.map((h) => `${h.id}:${raw.slice(h.start, h.end)}`)).toEqual(['1:N.Ạ.P TIỀN 500k', '2:LÃI SUẤT 30']);
  });

  test('reports every non-overlapping match, across far-apart literal windows', () => {
    const set = compileRegexSet([{ id: 7, source: '\\bma otp \\d{4,8}\\b' }]);
    const filler = ' xin chao'.repeat(200);
    const raw = `mã OTP 123456${filler} mã otp 9999${filler} ma otp 12`;
    const hits = set.find(normalizeText(raw));
    expect(hits.map((h) => raw.slice(h.start, h.end))).toEqual(['mã OTP 123456', 'mã otp 9999']);
  });

  test('does nothing when the literal is absent', () => {
    const set = compileRegexSet([{ id: 1, source: 'chuyen khoan \\d+' }]);
    expect(set.find(normalizeText('không có gì ở đây 123'))).toEqual([]);
  });

  test('throws on an unsafe entry, naming its id and reason', () => {
    expect(() => compileRegexSet([{ id: 1, source: 'abc' }, { id: 42, source: '(a+)+abc' }])).toThrow(/id 42.*nested quantifier/);
  });

  test('serialize/load round-trip finds the same hits, and load checks the shape', () => {
    const set = compileRegexSet([
      { id: 3, source: 'hoa hong (?:tu|len den) \\d+' },
      { id: 4, source: 'otp|ma xac nhan' },
    ]);
    const raw = 'Hoa hồng lên đến 30%, gửi mã xác nhận OTP';
    const loaded = loadRegexSet(JSON.parse(JSON.stringify(set.serialize())));
    expect(loaded.size).toBe(2);
    expect(loaded.find(normalizeText(raw))).toEqual(set.find(normalizeText(raw)));
    expect(set.find(normalizeText(raw)).length).toBe(3);
    // Older formats are refused (the engine is recompiled); format 4 needs complete entries and a literal index that
    // matches them.
    const good = JSON.parse(JSON.stringify(set.serialize())) as { entries: { folded?: string }[]; index: { literalsOf: number[][]; literals: unknown[] } };
    expect(() => loadRegexSet({ format: 1, entries: [{ id: 1, source: 'otp|ma xac nhan' }] })).toThrow(/corrupt/);
    expect(() => loadRegexSet({ ...good, format: 3 })).toThrow(/corrupt/);
    expect(() => loadRegexSet({ ...good, index: undefined })).toThrow(/corrupt/);
    expect(() => loadRegexSet({ ...good, entries: good.entries.map(({ folded: _f, ...rest }) => rest) })).toThrow(/corrupt/);
    expect(() => loadRegexSet({ ...good, index: { ...good.index, literalsOf: good.index.literalsOf.slice(1) } })).toThrow(/corrupt/);
    expect(() => loadRegexSet({ ...good, index: { ...good.index, literals: [...good.index.literals, ''] } })).toThrow(/corrupt/);
    expect(() => loadRegexSet({ format: 9, entries: [] })).toThrow();
    expect(() => loadRegexSet(null)).toThrow();
  });

  test('prepare compiles the expressions a text needs, one per call when out of time, and find is unchanged', () => {
    const entries = [
      { id: 3, source: 'hoa hong (?:tu|len den) \\d+' },
      { id: 4, source: 'otp|ma xac nhan' },
      { id: 5, source: 'nap tien \\d+' },
      { id: 6, source: 'vay (?:nhanh|online)' },
    ];
    const serialized = JSON.parse(JSON.stringify(compileRegexSet(entries).serialize()));
    const raw = 'Hoa hồng lên đến 30%, gửi mã xác nhận OTP, nạp tiền 500k';
    const expected = loadRegexSet(serialized).find(normalizeText(raw));
    expect(expected.map((h) => h.id).sort()).toEqual([3, 4, 4, 5]);

    const set = loadRegexSet(serialized);
    const text = normalizeText(raw);
    // Out of time: each call still compiles one (progress), so three needed expressions take three calls; the one
    // the text cannot match (id 6: no "vay") is not compiled.
    const calls: boolean[] = [];
    for (let i = 0; i < 10 && calls.at(-1) !== true; i++) calls.push(set.prepare(text, () => false));
    expect(calls).toEqual([false, false, true]);
    expect(set.prepare(text, () => false)).toBe(true);
    expect(set.find(text)).toEqual(expected);
    // With time, one call does all; nothing needed, nothing to do.
    const fresh = loadRegexSet(serialized);
    expect(fresh.prepare(text, () => true)).toBe(true);
    expect(fresh.prepare(normalizeText('chào cả nhà'), () => false)).toBe(true);
    expect(fresh.find(text)).toEqual(expected);
    // The selection is remembered for the last text only: another text in between changes nothing.
    expect(fresh.find(normalizeText('nạp tiền 200k ngay'))).toEqual(loadRegexSet(serialized).find(normalizeText('nạp tiền 200k ngay')));
    expect(fresh.find(text)).toEqual(expected);
  });

  test('hits always lie inside the original text (property)', () => {
    const set = compileRegexSet([
      { id: 1, source: 'nap tien \\d+' },
      { id: 2, source: '[a-z]+ tien' },
    ]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('nạp', 'tiền', 'NAP', '500k', '12', '.', ' ', '🔥', '\u200B', 'x'), { maxLength: 40 }), (parts) => {
        const raw = parts.join(' ');
        for (const hit of set.find(normalizeText(raw))) {
          expect(hit.start).toBeGreaterThanOrEqual(0);
          expect(hit.end).toBeGreaterThan(hit.start);
          expect(hit.end).toBeLessThanOrEqual(raw.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('runs in roughly linear time on adversarial text', () => {
    const set = compileRegexSet([
      { id: 1, source: 'aaa.*b.*c' },
      { id: 2, source: '(?:aa|b)+aaac' },
    ]);
    const cpuNow = (): number => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    const timeOf = (raw: string): number => {
      const n = normalizeText(raw);
      let best = Infinity;
      for (let r = 0; r < 5; r++) {
        const t0 = cpuNow();
        set.find(n);
        best = Math.min(best, cpuNow() - t0);
      }
      return Math.max(best, 0.2);
    };
    const small = 'aaa '.repeat(25_000);
    const large = 'aaa '.repeat(250_000);
    timeOf(small);
    expect(timeOf(large) / timeOf(small)).toBeLessThan(30);
  });
});

describe('the literal prefilter (all required runs of an alternative must occur) never drops a match', () => {
  const set = compileRegexSet([
    { id: 1, source: 'nap\\s+tien\\s+(?:lam|de)\\s+nhiem vu' },
    { id: 2, source: 'chuyen khoan truoc \\d+|dat coc \\d+ trieu' },
  ]);
  const ids = (text: string) => set.find(normalizeText(text)).map((hit) => hit.id);

  test('runs when every run of the pattern occurs, in a match', () => {
    expect(ids('Bạn cần nạp tiền làm nhiệm vụ để rút')).toEqual([1]);
  });
  test('does not run a regex at all when one of its runs is missing anywhere in the text', () => {
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    try {
      // "nhiem vu" (the literal its windows are cut around) and "tien" occur, "nap" does not: entry 1 is skipped.
      const text = normalizeText('làm nhiệm vụ mỗi ngày, tiền về ngay');
      exec.mockClear();
      expect(set.find(text)).toEqual([]);
      expect(exec).not.toHaveBeenCalled();
      set.find(normalizeText('nạp tiền làm nhiệm vụ'));
      expect(exec).toHaveBeenCalled();
    } finally {
      exec.mockRestore();
    }
  });
  test('any one alternative with all its runs present is enough', () => {
    expect(ids('đặt cọc 2 triệu giữ chỗ')).toEqual([2]);
    expect(ids('chuyển khoản trước 500 nha')).toEqual([2]);
  });
  test('the runs may occur apart in the text and still gate the right region', () => {
    expect(ids('nhiệm vụ hôm nay: ai muốn nạp tiền để làm thì ib. Nạp tiền làm nhiệm vụ ngay')).toEqual([1]);
  });
  test('agrees with the same regexes run over the whole text (random texts)', () => {
    const words = ['nap', 'tien', 'lam', 'de', 'nhiem', 'vu', 'chuyen', 'khoan', 'truoc', 'dat', 'coc', '5', 'trieu', 'xin'];
    const plain = [/nap\s+tien\s+(?:lam|de)\s+nhiem vu/g, /chuyen khoan truoc \d+|dat coc \d+ trieu/g];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (picked) => {
        const text = picked.join(' ');
        const expected = plain.flatMap((re, k) => (text.match(re) ?? []).map(() => k + 1));
        expect(ids(text)).toEqual(expected);
      }),
    );
  });
});

describe('a required group counts as the OR of its alternatives\u2019 runs', () => {
  // Outside its groups this pattern has only "hoan " (in almost every post); its required groups say more.
  const set = compileRegexSet([{ id: 7, source: '\\bhoan (phi|tien) (thuong nien|dich vu) (cho|ve) (the|tai khoan)\\b' }]);
  const ids = (text: string) => set.find(normalizeText(text)).map((hit) => hit.id);

  test('does not run when no expansion of the groups has all its runs in the text', () => {
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    try {
      const text = normalizeText('Shop hoàn tiền 100% nếu hàng lỗi, đổi trả trong 7 ngày');
      exec.mockClear();
      expect(set.find(text)).toEqual([]);
      expect(exec).not.toHaveBeenCalled();
    } finally {
      exec.mockRestore();
    }
  });
  test('runs, and matches, when one expansion is present', () => {
    expect(ids('Ngân hàng sẽ hoàn phí thường niên cho thẻ của quý khách')).toEqual([7]);
    expect(ids('hoan tien dich vu ve tai khoan trong 24h')).toEqual([7]);
  });
  test('agrees with the regex run over the whole text (random texts, with matches spliced in)', () => {
    const words = ['hoan', 'phi', 'tien', 'thuong', 'nien', 'dich', 'vu', 'cho', 've', 'the', 'tai', 'khoan', 'xin'];
    const matches = ['hoan phi thuong nien cho the', 'hoan tien dich vu ve tai khoan', 'hoan phi dich vu cho tai khoan', 'hoan tien thuong nien ve the'];
    const plain = /\bhoan (phi|tien) (thuong nien|dich vu) (cho|ve) (the|tai khoan)\b/g;
    let withMatch = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), fc.array(fc.tuple(fc.nat(30), fc.constantFrom(...matches)), { maxLength: 2 }), (picked, spliced) => {
        const parts = [...picked];
        for (const [at, phrase] of spliced) parts.splice(Math.min(at, parts.length), 0, phrase);
        const text = parts.join(' ');
        const expected = (text.match(plain) ?? []).map(() => 7);
        if (expected.length > 0) withMatch++;
        expect(ids(text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    expect(withMatch).toBeGreaterThan(50); // the property is exercised on texts that do contain matches
  });
  test('an ignorable character before a quantifier does not move the quantifier onto the previous letter', () => {
    // The folded source the set runs: "abc" then an optional nothing, not "ab" + an optional "c".
    for (const source of ['xyabc\\u200b?', 'xyabc\u0301?', 'xyabc\u200b?']) {
      const folded = (compileRegexSet([{ id: 9, source }]).serialize() as { entries: { folded: string }[] }).entries[0]?.folded;
      expect(folded).toBe('xyabc(?:)?');
      expect(new RegExp(folded ?? '').test('xyab')).toBe(false);
    }
  });
  test('groups beyond the expansion budget are read as gaps (still correct)', () => {
    // 6 × 6 × 6 = 216 expansions > 8: the first group is expanded (6 ways), the others are gaps.
    const g = '(aaa|bbb|ccc|ddd|eee|fff)';
    const wide = compileRegexSet([{ id: 8, source: `abc ${g} ${g} ${g} xyz` }]);
    expect(wide.find(normalizeText('abc aaa fff ccc xyz')).map((h) => h.id)).toEqual([8]);
    expect(wide.find(normalizeText('abc aaa fff ggg xyz')).map((h) => h.id)).toEqual([]);
  });
});
