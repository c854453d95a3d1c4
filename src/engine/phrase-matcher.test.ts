import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldPhrase, HASH_SEED, normalizeText, stepHash } from './normalize.ts';
import { compilePhraseMatcher, loadPhraseMatcher, type PhraseEntry, type PhraseHit, type PhraseMatcher, type SerializedPhraseMatcher } from './phrase-matcher.ts';

const PHRASES: PhraseEntry[] = [
  { id: 1, phrase: 'cộng tác viên' },
  { id: 2, phrase: 'nạp tiền' },
  { id: 3, phrase: 'lừa đảo' },
  { id: 4, phrase: 'chuyển khoản' },
  { id: 5, phrase: 'làm nhiệm vụ' },
  { id: 6, phrase: 'số tài khoản' },
  { id: 7, phrase: 'zalo' },
  { id: 8, phrase: 'không cần vốn' },
  { id: 9, phrase: 'hoa hồng' },
  { id: 10, phrase: 'bán', accentSensitive: true },
  { id: 11, phrase: 'lừa' },
  { id: 12, phrase: 'inbox' },
];

const matcher = compilePhraseMatcher(PHRASES);

/** "id:original slice" for every hit, in order. */
function describeHits(m: PhraseMatcher, raw: string): string[] {
  return m.find(raw).map((hit) => `${hit.id}:${raw.slice(hit.start, hit.end)}`);
}

describe('finds phrases through every evasion, highlighting exactly the original span', () => {
  test.each([
    ['plain', 'Tuyển cộng tác viên online', ['1:cộng tác viên']],
    ['upper case', 'TUYỂN CỘNG TÁC VIÊN', ['1:CỘNG TÁC VIÊN']],
    ['no accents', 'tuyen cong tac vien', ['1:cong tac vien']],
    ['NFD', 'co\u0323\u0302ng ta\u0301c vie\u0302n', ['1:co\u0323\u0302ng ta\u0301c vie\u0302n']],
    ['fancy letters', 'tuyển 𝐜𝐨̣̂𝐧𝐠 𝐭𝐚́𝐜 𝐯𝐢𝐞̂𝐧 ngay', ['1:𝐜𝐨̣̂𝐧𝐠 𝐭𝐚́𝐜 𝐯𝐢𝐞̂𝐧']],
    ['full-width', 'ｎạｐ ｔｉềｎ', ['2:ｎạｐ ｔｉềｎ']],
    ['dots', 'Tuyển c.ộ.n.g t.á.c v.i.ê.n!', ['1:c.ộ.n.g t.á.c v.i.ê.n']],
    ['dashes', 'phải n-ạ-p t-i-ề-n trước', ['2:n-ạ-p t-i-ề-n']],
    ['underscores and asterisks', 'n_ạ_p t*i*ề*n', ['2:n_ạ_p t*i*ề*n']],
    ['emoji inside a word', 'bị l 🔥 ừ a đ 🔥 ả o', ['11:l 🔥 ừ a', '3:l 🔥 ừ a đ 🔥 ả o']],
    ['uniformly spaced letters', 'c o n g t a c v i e n', ['1:c o n g t a c v i e n']],
    ['spaced run inside a sentence', 'làm c o n g t a c viên tại nhà', ['1:c o n g t a c viên']],
    ['spaced tail', 'cộng t a c v i e n', ['1:cộng t a c v i e n']],
    ['zero-width chars', 'nạ\u200Bp ti\u200Dền', ['2:nạ\u200Bp ti\u200Dền']],
    ['soft hyphen and word joiner', 'lừ\u00ADa đả\u2060o', ['11:lừ\u00ADa', '3:lừ\u00ADa đả\u2060o']],
    ['Cyrillic homoglyphs', 'сộng tác viеn', ['1:сộng tác viеn']],
    ['leet', 'c0ng t4c vi3n, n@p tiền', ['1:c0ng t4c vi3n', '2:n@p tiền']],
    ['non-breaking space and line break', 'nạp\u00A0tiền và chuyển\nkhoản', ['2:nạp\u00A0tiền', '4:chuyển\nkhoản']],
    ['punctuation between words', 'nạp... tiền!!', ['2:nạp... tiền']],
    ['teencode', 'ib mình, gửi stk để ck', ['12:ib', '6:stk', '4:ck']],
    ['teencode inside a phrase', 'ko cần vốn', ['8:ko cần vốn']],
    ['two-word spelling', 'kết bạn za lo nhé', ['7:za lo']],
    ['whole words only', 'lừađảo cộngtác nạptiền', []],
    ['not a prefix of a longer word', 'inboxes lừas', []],
  ])('%s', (_name, raw, expected) => {
    expect(describeHits(matcher, raw)).toEqual(expected);
  });

  test('each occurrence once, every occurrence reported', () => {
    expect(describeHits(matcher, 'nạp tiền, NẠP TIỀN, nap tien')).toEqual(['2:nạp tiền', '2:NẠP TIỀN', '2:nap tien']);
  });

  test('accent-sensitive phrases need matching diacritics', () => {
    expect(describeHits(matcher, 'bán hàng, ban hàng, BÁN, bàn, ba\u0301n')).toEqual(['10:bán', '10:BÁN', '10:ba\u0301n']);
  });

  test('the same phrase under two ids reports both', () => {
    const m = compilePhraseMatcher([
      { id: 1, phrase: 'nạp tiền' },
      { id: 2, phrase: 'NAP TIEN' },
      { id: 1, phrase: 'nap tien' },
    ]);
    expect(m.size).toBe(2);
    expect(describeHits(m, 'nạp tiền')).toEqual(['1:nạp tiền', '2:nạp tiền']);
  });

  test('overlapping phrases are all reported', () => {
    const m = compilePhraseMatcher([
      { id: 1, phrase: 'nhiệm vụ' },
      { id: 2, phrase: 'làm nhiệm vụ' },
      { id: 3, phrase: 'làm nhiệm vụ online' },
    ]);
    expect(describeHits(m, 'làm nhiệm vụ online')).toEqual(['2:làm nhiệm vụ', '3:làm nhiệm vụ online', '1:nhiệm vụ']);
  });

  test('a precomputed normalization gives the same hits', () => {
    const raw = 'Tuyển c.ộ.n.g t.á.c v.i.ê.n, n@p tiền';
    expect(matcher.find(raw, normalizeText(raw))).toEqual(matcher.find(raw));
  });

  test('empty inputs', () => {
    expect(compilePhraseMatcher([]).find('nạp tiền')).toEqual([]);
    expect(matcher.find('')).toEqual([]);
    expect(compilePhraseMatcher([{ id: 1, phrase: '!!!' }]).size).toBe(0);
  });
});

describe('serialization', () => {
  const corpus = [
    'Tuyển c.ộ.n.g t.á.c v.i.ê.n, không cần vốn, hoa hồng cao',
    'ib mình để n-ạ-p t-i-ề-n, gửi stk ck trước',
    'bán hàng BÁN ban',
    'c o n g t a c v i e n',
  ];

  test('load(serialize(m)) finds the same hits, also through JSON', () => {
    const data = JSON.parse(JSON.stringify(matcher.serialize())) as ReturnType<PhraseMatcher['serialize']>;
    const loaded = loadPhraseMatcher(data);
    expect(loaded.size).toBe(matcher.size);
    for (const raw of corpus) expect(loaded.find(raw)).toEqual(matcher.find(raw));
    expect(loaded.find(corpus[0] ?? '').length).toBeGreaterThan(0);
  });

  test('round-trips a large random dictionary', () => {
    const syllables = ['nap', 'tien', 'cong', 'tac', 'vien', 'lam', 'viec', 'nha', 'lua', 'dao', 'hoa', 'hong', 'von'];
    const entries: PhraseEntry[] = [];
    for (let i = 0; i < 2000; i++) {
      const words = [0, 1, 2].slice(0, 1 + (i % 3)).map((k) => syllables[(i * 7 + k * 5 + (i >> 3)) % syllables.length]);
      entries.push({ id: i, phrase: words.join(' ') });
    }
    const m = compilePhraseMatcher(entries);
    const loaded = loadPhraseMatcher(m.serialize());
    const text = syllables.join(' ') + ' ' + [...syllables].reverse().join(', ');
    expect(loaded.find(text)).toEqual(m.find(text));
    expect(m.find(text).length).toBeGreaterThan(10);
  });

  test('rejects corrupt data', () => {
    const data = matcher.serialize();
    const replaceAt = (text: string, at: number, char: string): string => text.slice(0, at) + char + text.slice(at + 1);
    // Sanity: the unmodified data loads.
    expect(loadPhraseMatcher({ ...data }).size).toBe(matcher.size);
    expect(() => loadPhraseMatcher({ ...data, table: data.table.slice(1) })).toThrow();
    expect(() => loadPhraseMatcher({ ...data, table: replaceAt(data.table, 3, '!') })).toThrow();
    expect(() => loadPhraseMatcher({ ...data, tableSize: data.tableSize + 1 })).toThrow();
    // A table without an empty slot would make lookups probe forever.
    const full = '\u0801\u0800\u0801\u0800\u0800\u0800'.repeat(data.tableSize);
    expect(() => loadPhraseMatcher({ ...data, table: full })).toThrow();
    expect(() => loadPhraseMatcher({ ...data, entries: data.entries + '\u0800' })).toThrow();
    // An entry chain pointing backwards (a cycle).
    expect(() => loadPhraseMatcher({ ...data, entries: replaceAt(data.entries, 0, '\u0801') })).toThrow();
    expect(() => loadPhraseMatcher({ ...data, roots: data.roots.slice(2) })).toThrow();
    expect(() => loadPhraseMatcher({ ...data, accentKeys: [[data.entries.length, 'x']] })).toThrow();
    expect(() => loadPhraseMatcher({ ...data, maxDepth: 0 })).toThrow();
    expect(() => loadPhraseMatcher({ ...data, format: 4 as unknown as 5 })).toThrow();
    // The edge filter: its length follows from the table, one byte per character.
    expect(() => loadPhraseMatcher({ ...data, edges: data.edges.slice(1) })).toThrow();
    expect(() => loadPhraseMatcher({ ...data, edges: replaceAt(data.edges, 0, '\u0900') })).toThrow();
  });

  test('the edge filter is stored: a matcher whose filter lost its bits finds nothing past the first word', () => {
    const data = matcher.serialize();
    const empty = String.fromCharCode(0x0800).repeat(data.edges.length);
    const blind = loadPhraseMatcher({ ...data, edges: empty });
    const text = 'Tuyển cộng tác viên, việc nhẹ lương cao';
    expect(matcher.find(text).length).toBeGreaterThan(0);
    expect(blind.find(text).filter((hit) => text.slice(hit.start, hit.end).includes(' '))).toEqual([]);
  });

  test('the serialized strings survive JSON unescaped (15-bit characters)', () => {
    const data = matcher.serialize();
    const json = JSON.stringify(data);
    expect(json.includes('\\u')).toBe(false);
    for (const text of [data.table, data.entries, data.roots, data.edges]) {
      for (let k = 0; k < text.length; k++) {
        const code = text.charCodeAt(k);
        expect(code >= 0x0800 && code <= 0x87ff).toBe(true);
      }
    }
  });

  test('round-trips negative and large phrase ids', () => {
    const ids = [-2147483648, -1, 0, 2147483647, 123456789];
    const m = compilePhraseMatcher(ids.map((id, k) => ({ id, phrase: `tu khoa ${['mot', 'hai', 'ba', 'bon', 'nam'][k] ?? ''}` })));
    const loaded = loadPhraseMatcher(JSON.parse(JSON.stringify(m.serialize())) as ReturnType<PhraseMatcher['serialize']>);
    const text = 'tu khoa mot, tu khoa hai, tu khoa ba, tu khoa bon, tu khoa nam';
    expect(loaded.find(text).map((hit) => hit.id)).toEqual(ids);
    expect(m.find(text).map((hit) => hit.id)).toEqual(ids);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property tests.

const VOCAB = [
  'nạp', 'tiền', 'cộng', 'tác', 'viên', 'lừa', 'đảo', 'chuyển', 'khoản', 'việc', 'làm', 'nhà', 'online', 'zalo', 'hoa',
  'hồng', 'nhiệm', 'vụ', 'mã', 'otp', 'ngân', 'hàng', 'tài', 'khoản', 'vốn', 'lãi', 'suất', 'đơn', 'hàng', 'gấp',
];
const SEPARATORS = [' ', ', ', '. ', ' - ', '\n', ' 🔥 ', '! ', ' … '];

const wordArb = fc.constantFrom(...VOCAB);
const phraseArb = fc.array(wordArb, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

/** A plain reference: fold, split into words, compare word lists at every position. */
function findNaively(raw: string, entries: PhraseEntry[]): PhraseHit[] {
  const n = normalizeText(raw);
  const words: { from: number; to: number; text: string }[] = [];
  let from = 0;
  for (const text of n.text.split(' ')) {
    if (text.length > 0) words.push({ from, to: from + text.length, text });
    from += text.length + 1;
  }
  const hits: PhraseHit[] = [];
  for (const entry of entries) {
    const target = foldPhrase(entry.phrase).split(' ');
    for (let i = 0; i + target.length <= words.length; i++) {
      if (target.every((word, k) => words[i + k]?.text === word)) {
        const first = words[i];
        const last = words[i + target.length - 1];
        if (first && last) hits.push({ id: entry.id, start: n.start[first.from] ?? -1, end: n.end[last.to - 1] ?? -1 });
      }
    }
  }
  return hits;
}

function sortHits(hits: PhraseHit[]): PhraseHit[] {
  const unique = new Map(hits.map((h) => [`${h.start}:${h.end}:${h.id}`, h]));
  return [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}

/** Random text: vocabulary words, random case/accents, random separators. */
const plainTextArb = fc
  .array(fc.tuple(wordArb, fc.constantFrom(...SEPARATORS), fc.constantFrom('keep', 'upper', 'strip', 'nfd')), {
    minLength: 0,
    maxLength: 30,
  })
  .map((parts) =>
    parts
      .map(([word, sep, style]) => {
        const w =
          style === 'upper'
            ? word.toUpperCase()
            : style === 'strip'
              ? word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')
              : style === 'nfd'
                ? word.normalize('NFD')
                : word;
        return w + sep;
      })
      .join(''),
  );

const BOLD_A = 0x1d41a;
const CYRILLIC: Record<string, string> = { a: 'а', o: 'о', e: 'е', c: 'с', p: 'р', x: 'х' };

/** Evasions the normalizer must undo; each keeps letters at both ends so the highlight is the whole string. */
const EVASIONS: Record<string, (phrase: string) => string> = {
  upper: (p) => p.toUpperCase(),
  strip: (p) => p.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'),
  nfd: (p) => p.normalize('NFD'),
  dots: (p) => p.split(' ').map((w) => [...w].join('.')).join(' '),
  dashes: (p) => p.split(' ').map((w) => [...w].join('-')).join(' '),
  spaced: (p) => [...p.replace(/ /g, '')].join(' '),
  emoji: (p) => p.split(' ').map((w) => [...w].join(' 🔥 ')).join(' '),
  zeroWidth: (p) => p.split(' ').map((w) => [...w].join('\u200B')).join(' '),
  softHyphen: (p) => p.split(' ').map((w) => [...w].join('\u00AD')).join('\u00A0'),
  bold: (p) =>
    [...p.normalize('NFD')]
      .map((c) => (c >= 'a' && c <= 'z' ? String.fromCodePoint(BOLD_A + c.charCodeAt(0) - 97) : c))
      .join(''),
  cyrillic: (p) => [...p.normalize('NFD')].map((c) => CYRILLIC[c] ?? c).join(''),
  leet: (p) =>
    p
      .split(' ')
      .map((w) => {
        const chars = [...w.normalize('NFD')];
        const letterAt = (i: number): boolean => /[a-z]/.test(chars[i] ?? '');
        for (let i = 1; i < chars.length - 1; i++) {
          const next = chars.slice(i + 1).find((c) => !/\p{M}/u.test(c)) ?? '';
          if (chars[i] === 'o' && letterAt(i - 1) && /[a-z]/.test(next)) chars[i] = '0';
        }
        return chars.join('');
      })
      .join(' '),
};

describe('property: the matcher', () => {
  test('agrees with a naive reference matcher on random Vietnamese text', () => {
    fc.assert(
      fc.property(fc.array(phraseArb, { minLength: 1, maxLength: 12 }), plainTextArb, (phrases, raw) => {
        const entries = phrases.map((phrase, id) => ({ id, phrase }));
        const m = compilePhraseMatcher(entries);
        expect(sortHits(m.find(raw))).toEqual(sortHits(findNaively(raw, entries)));
      }),
      { numRuns: 300 },
    );
  });

  test('finds a planted phrase under any evasion, with the exact original span', () => {
    fc.assert(
      fc.property(
        phraseArb,
        fc.constantFrom(...Object.keys(EVASIONS)),
        fc.array(wordArb, { maxLength: 6 }),
        fc.array(wordArb, { maxLength: 6 }),
        fc.constantFrom(...SEPARATORS),
        (phrase, evasion, before, after, sep) => {
          // "<person> k" spaced out may read as "<person> không" ("e k biết"), by design (normalize.ts `isPronounNot`).
          fc.pre(!(evasion === 'spaced' && [...phrase.replace(/ /g, '').normalize('NFC')].length === 2));
          const planted = (EVASIONS[evasion] ?? ((p: string) => p))(phrase);
          const prefix = before.length > 0 ? before.join(' ') + sep : '';
          const suffix = after.length > 0 ? sep + after.join(' ') : '';
          const raw = prefix + planted + suffix;
          const m = compilePhraseMatcher([{ id: 7, phrase }]);
          const hits = m.find(raw);
          expect(hits).toContainEqual({ id: 7, start: prefix.length, end: prefix.length + planted.length });
        },
      ),
      { numRuns: 400 },
    );
  });

  test('hits lie inside the original and their slice folds back to the phrase', () => {
    fc.assert(
      fc.property(
        fc.array(phraseArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(phraseArb, fc.constantFrom(...Object.keys(EVASIONS)), fc.constantFrom(...SEPARATORS))),
        (phrases, parts) => {
          const raw = parts.map(([p, evasion, sep]) => (EVASIONS[evasion] ?? ((x: string) => x))(p) + sep).join('');
          const entries = phrases.map((phrase, id) => ({ id, phrase }));
          const m = compilePhraseMatcher(entries);
          for (const hit of m.find(raw)) {
            expect(hit.start).toBeGreaterThanOrEqual(0);
            expect(hit.end).toBeGreaterThan(hit.start);
            expect(hit.end).toBeLessThanOrEqual(raw.length);
            // Letter-spacing loses word breaks, so compare without spaces; and a run that spells a teencode key
            // ("c 🔥 h … k 🔥 h 🔥 o 🔥 ả 🔥 n" → "chuyenkhoan" → "chuyen khoan") maps every expanded char to the whole
            // run, so the slice may fold to more than the phrase — but always contains it.
            const folded = foldPhrase(raw.slice(hit.start, hit.end)).replace(/ /g, '');
            const phrase = foldPhrase(entries[hit.id]?.phrase ?? '').replace(/ /g, '');
            if (folded !== phrase) expect(folded).toContain(phrase);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('on plain text the slice folds back exactly (words and spaces)', () => {
    fc.assert(
      fc.property(fc.array(phraseArb, { minLength: 1, maxLength: 8 }), plainTextArb, (phrases, raw) => {
        const entries = phrases.map((phrase, id) => ({ id, phrase }));
        for (const hit of compilePhraseMatcher(entries).find(raw)) {
          expect(foldPhrase(raw.slice(hit.start, hit.end))).toBe(foldPhrase(entries[hit.id]?.phrase ?? ''));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('serialization round-trip agrees on random dictionaries', () => {
    fc.assert(
      fc.property(fc.array(phraseArb, { minLength: 1, maxLength: 20 }), plainTextArb, (phrases, raw) => {
        const m = compilePhraseMatcher(phrases.map((phrase, id) => ({ id, phrase, accentSensitive: id % 3 === 0 })));
        expect(loadPhraseMatcher(JSON.parse(JSON.stringify(m.serialize()))).find(raw)).toEqual(m.find(raw));
      }),
      { numRuns: 100 },
    );
  });

  test('no input throws (arbitrary unicode)', () => {
    const hostile = compilePhraseMatcher([...PHRASES, { id: 20, phrase: 'a' }, { id: 21, phrase: 'a a b' }]);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string()), (raw) => {
        const n = normalizeText(raw);
        expect(n.text).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.start[i]).toBeLessThanOrEqual(n.end[i] ?? -1);
          expect(n.end[i]).toBeLessThanOrEqual(raw.length);
        }
        for (const hit of hostile.find(raw, n)) {
          expect(hit.start).toBeGreaterThanOrEqual(0);
          expect(hit.end).toBeLessThanOrEqual(raw.length);
        }
        foldPhrase(raw);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('adversarial inputs run in roughly linear time', () => {
  const adversarial = compilePhraseMatcher([
    ...PHRASES,
    { id: 30, phrase: 'a' },
    { id: 31, phrase: 'aa a' },
    { id: 32, phrase: 'a a a a a a b' },
    { id: 33, phrase: 'aaa aa a aaa b' },
  ]);

  /** This process's CPU time in ms (the test machine may be shared: wall time would measure the other jobs). */
  function cpuNow(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }

  /** Best of 5 runs, in ms; a small input runs 10 times per sample so that timer resolution does not matter. */
  function timeOf(raw: string, repeat: number): number {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const t0 = cpuNow();
      for (let r = 0; r < repeat; r++) adversarial.find(raw);
      best = Math.min(best, (cpuNow() - t0) / repeat);
    }
    return best;
  }

  test.each([
    ['separators', '.'],
    ['one letter', 'a'],
    ['spaced letters', 'a '],
    ['dotted letters', 'a.'],
    ['combining marks', '\u0301'],
    ['letter + combining marks', 'a\u0301\u0323'],
    ['zero-width chars', '\u200B'],
    ['letters and zero-width', 'a\u200B'],
    ['emoji', '🔥'],
    ['matching words', 'nạp tiền '],
    ['teencode', 'ck '],
  ])('%s', (_name, unit) => {
    const small = unit.repeat(Math.ceil(100_000 / unit.length));
    const large = unit.repeat(Math.ceil(1_000_000 / unit.length));
    timeOf(small, 3); // warm up
    const ratio = timeOf(large, 1) / Math.max(timeOf(small, 10), 0.2);
    expect(ratio).toBeLessThan(30);
  });
});

describe('words are looked up by hash and checked before a match is reported', () => {
  // Two words with the same 32-bit FNV-1a hash (found by a brute-force search over random 7-letter words).
  const [a, b] = ['ozknwtw', 'klmxytg'];

  test('the pair really collides', () => {
    const hash = (word: string) => [...word].reduce((h, c) => stepHash(h, c.charCodeAt(0)), HASH_SEED);
    expect(a).not.toBe(b);
    expect(hash(a)).toBe(hash(b));
  });

  test('a text word that only shares a vocabulary word\'s hash matches nothing', () => {
    const m = compilePhraseMatcher([{ id: 1, phrase: `${a} tiền` }, { id: 2, phrase: a }]);
    expect(m.find(`nạp ${b} tiền`)).toEqual([]);
    expect(m.find(`nạp ${a} tiền`)).toEqual([
      { id: 2, start: 4, end: 11 },
      { id: 1, start: 4, end: 16 },
    ]);
  });

  test('plain words between letter-spaced ones are checked too (a walk that goes on inside a joined word)', () => {
    const m = compilePhraseMatcher([{ id: 1, phrase: `nạp ${a} tiền` }, { id: 2, phrase: `viec nap ${a} tien` }]);
    expect(m.find(`n a p ${b} t i e n`)).toEqual([]);
    expect(m.find(`viec n a p ${b} t i e n`)).toEqual([]);
    expect(m.find(`n a p ${a} t i e n`).map((hit) => hit.id)).toEqual([1]);
  });

  test('two vocabulary words with one hash are told apart by their letters', () => {
    const m = compilePhraseMatcher([{ id: 1, phrase: `${a} tiền` }, { id: 2, phrase: `${b} tiền` }]);
    expect(m.find(`${b} tiền`)).toEqual([{ id: 2, start: 0, end: b.length + 5 }]);
    expect(m.find(`${a} tiền`)).toEqual([{ id: 1, start: 0, end: a.length + 5 }]);
    const loaded = loadPhraseMatcher(JSON.parse(JSON.stringify(m.serialize())) as SerializedPhraseMatcher);
    expect(loaded.find(`x ${b} tiền`)).toEqual([{ id: 2, start: 2, end: 2 + b.length + 5 }]);
  });
});
