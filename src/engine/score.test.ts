import { describe, expect, it } from 'vitest';
import { scoreIndicators } from './score.ts';
import type { Indicator, Signal } from './types.ts';

function ind(patternId: string, family: string, signal: Signal, weight: number, extra: Partial<Indicator> = {}): Indicator {
  return {
    patternId,
    family,
    signal,
    weight,
    kind: 'phrase',
    start: 0,
    end: 1,
    match: patternId,
    message: { vi: patternId, en: patternId },
    ...extra,
  };
}

describe('scoreIndicators', () => {
  it.each<[string, Indicator[], 'scam' | 'suspicious' | 'clean', number]>([
    ['nothing', [], 'clean', 0],
    ['a lure alone is not scam', [ind('job-lure', 'job-task', 'lure', 40)], 'clean', 40],
    ['a strong lure alone is only suspicious', [ind('job-lure', 'job-task', 'lure', 70)], 'suspicious', 70],
    [
      'lure + payment + channel is scam',
      [ind('job-lure', 'job-task', 'lure', 40), ind('job-fee', 'job-task', 'payment', 40), ind('zalo', 'generic', 'channel', 30)],
      'scam',
      110,
    ],
    [
      // "H4ck kim cương thành công 100% ✅ — cách làm: rửa bát 1 tuần, xin mẹ 50k" (a gamer's meme): bait read by two
      // families, each below suspicious, asks nothing.
      'lures of two families, neither suspicious alone, stay below suspicious together',
      [ind('hack-lure', 'hack-money', 'lure', 40), ind('success', 'generic', 'lure', 15, { start: 3, end: 4 })],
      'clean',
      45,
    ],
    [
      'the same lures with an ask count in full',
      [ind('hack-lure', 'hack-money', 'lure', 40), ind('success', 'generic', 'lure', 15, { start: 3, end: 4 }), ind('ib', 'generic', 'channel', 15, { start: 6, end: 7 })],
      'suspicious',
      70,
    ],
    [
      'score ≥ 100 with a single signal is suspicious',
      [ind('a', 'job-task', 'lure', 60), ind('b', 'job-task', 'lure', 60, { start: 3, end: 4 })],
      'suspicious',
      120,
    ],
    [
      'a pattern counts once however often it occurs',
      [ind('a', 'job-task', 'lure', 40), ind('a', 'job-task', 'lure', 40, { start: 5, end: 6 }), ind('b', 'job-task', 'payment', 20)],
      'suspicious',
      60,
    ],
    [
      'generic alone adds half its capped weight',
      [ind('zalo', 'generic', 'channel', 40), ind('ck-truoc', 'generic', 'payment', 40), ind('gap', 'generic', 'pressure', 30)],
      'clean',
      30,
    ],
    [
      'generic support is capped at 60',
      [ind('a', 'investment', 'lure', 50), ind('z', 'generic', 'channel', 50), ind('y', 'generic', 'payment', 50)],
      'scam',
      110,
    ],
    [
      'only the strongest family counts',
      [ind('a', 'investment', 'lure', 50), ind('b', 'job-task', 'lure', 40, { start: 3, end: 4 }), ind('c', 'job-task', 'payment', 20)],
      'suspicious',
      60,
    ],
    [
      'a lookalike link alone is scam',
      [ind('lookalike:vcb', 'bank-phishing', 'channel', 85, { kind: 'lookalike', start: undefined, end: undefined })],
      'scam',
      85,
    ],
    [
      'a blocklisted domain of weight 70 is not scam alone',
      [ind('dom', 'bank-phishing', 'channel', 70, { kind: 'domain', start: undefined, end: undefined })],
      'suspicious',
      70,
    ],
    [
      'custom phrase alone is suspicious',
      [ind('custom-1', 'custom', 'hallmark', 50)],
      'suspicious',
      50,
    ],
  ])('%s', (_name, indicators, verdict, score) => {
    const v = scoreIndicators(indicators);
    expect(v.verdict).toBe(verdict);
    expect(v.score).toBe(score);
    expect(v.indicators).toHaveLength(indicators.length);
  });

  it('warning context lowers the score', () => {
    const scam = [ind('otp', 'bank-phishing', 'credential', 60), ind('link', 'bank-phishing', 'channel', 50)];
    const plain = scoreIndicators(scam);
    expect(plain.verdict).toBe('scam');
    const warned = scoreIndicators([...scam, ind('canh-bao', 'generic', 'warning', 30), ind('khong-cung-cap', 'generic', 'warning', 20, { start: 40, end: 50 })]);
    expect(warned.warningContext).toBe(true);
    expect(warned.score).toBe(Math.round(110 * 0.3));
    expect(warned.verdict).toBe('clean');
    const weak = scoreIndicators([...scam, ind('canh-bao', 'generic', 'warning', 30)]);
    expect(weak.warningContext).toBe(false);
    expect(weak.score).toBe(110);
  });

  it('warning context caps a text-only score below suspicious, however many scam phrases the text quotes', () => {
    const quoted = [
      ind('a', 'impersonation-authority', 'hallmark', 75),
      ind('b', 'impersonation-authority', 'payment', 60),
      ind('c', 'impersonation-authority', 'authority', 35, { start: 10, end: 20 }),
      ind('d', 'generic', 'pressure', 30),
    ];
    const warnings = [ind('w1', 'warning', 'warning', 25), ind('w2', 'warning', 'warning', 20, { start: 40, end: 50 })];
    expect(scoreIndicators(quoted).verdict).toBe('scam');
    const v = scoreIndicators([...quoted, ...warnings]);
    expect(v.warningContext).toBe(true);
    expect(v.score).toBe(45);
    expect(v.verdict).toBe('clean');
  });

  it('a live request (payment into a number addressed to the reader) keeps the full score despite warning wording', () => {
    const items = [ind('a', 'charity', 'lure', 40), ind('b', 'charity', 'payment', 50)];
    const warnings = [ind('w1', 'warning', 'warning', 25), ind('w2', 'warning', 'warning', 20, { start: 40, end: 50 })];
    const v = scoreIndicators([...items, ...warnings], [], { liveRequest: true });
    expect(v.warningContext).toBe(true);
    expect(v.score).toBe(90);
    expect(v.verdict).toBe('suspicious');
  });

  describe("a warning word inside a threat of the text's own is the threat, not a warning", () => {
    // "CCCD của bạn … liên quan vụ án lừa đảo chiếm đoạt tài sản … gọi ngay 0247…": the accusation (pressure, chars
    // 20–44) holds "lừa đảo" (32–39); the news phrase around it reaches past the accusation.
    const accusation = ind('authority-lien-quan-vu-an', 'impersonation-authority', 'pressure', 35, { start: 20, end: 44, match: 'liên quan vụ án lừa đảo' });
    const word = ind('warning-lua-dao', 'warning', 'warning', 20, { start: 32, end: 39, match: 'lừa đảo' });
    const phrase = ind('warning-chiem-doat', 'warning', 'warning', 30, { start: 32, end: 60, match: 'lừa đảo chiếm đoạt tài sản' });
    const call = ind('authority-goi-ngay', 'impersonation-authority', 'channel', 35, { start: 70, end: 90, match: 'gọi ngay' });

    it('does not count toward warning context', () => {
      const v = scoreIndicators([accusation, word, phrase, call]);
      expect(v.warningContext).toBe(false);
      expect(v.score).toBe(70);
    });

    it('still counts when the threat is only mentioned, or the warning is advice', () => {
      const mentioned = scoreIndicators([accusation, word, phrase, call], [], { mentioned: new Set([accusation]) });
      expect(mentioned.warningContext).toBe(true);
      const advice = ind('warning-tuyet-doi-khong', 'warning', 'warning', 25, { start: 30, end: 44, match: 'tuyệt đối không bấm' });
      expect(scoreIndicators([accusation, advice, phrase, call]).warningContext).toBe(true);
    });

    it('counts outside the threat', () => {
      const outside = ind('warning-lua-dao', 'warning', 'warning', 20, { start: 100, end: 107, match: 'lừa đảo' });
      expect(scoreIndicators([accusation, outside, phrase, call]).warningContext).toBe(true);
    });
  });

  describe('a warning word inside the name of the authority a text poses as is the name, not a warning', () => {
    // "Cục An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao thông báo: … nộp phạt 2.500.000đ tại
    // anninhmang-nopphat.com": the unit's name (authority, chars 0–62) holds "phòng chống tội phạm" (22–42) and
    // "tội phạm sử dụng công nghệ cao" (32–62), which would otherwise add up to warning context.
    const unit = ind('authority-ten-don-vi', 'impersonation-authority', 'authority', 15, { kind: 'phrase', start: 0, end: 62, match: 'Cục An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao' });
    const w1 = ind('warning-phong-chong-toi-pham', 'warning', 'warning', 25, { start: 22, end: 42, match: 'phòng chống tội phạm' });
    const w2 = ind('warning-toi-pham-cong-nghe-cao', 'warning', 'warning', 25, { start: 32, end: 62, match: 'tội phạm sử dụng công nghệ cao' });
    const fine = ind('authority-nop-phat-tai-web', 'impersonation-authority', 'payment', 35, { start: 80, end: 120, match: 'nộp phạt tại anninhmang-nopphat.com' });
    const pressure = ind('authority-chuyen-ho-so', 'impersonation-authority', 'pressure', 35, { start: 130, end: 160, match: 'hồ sơ sẽ chuyển về nhà trường' });

    it('does not count toward warning context', () => {
      const v = scoreIndicators([unit, w1, w2, fine, pressure]);
      expect(v.warningContext).toBe(false);
      expect(v.score).toBe(85);
      expect(v.verdict).toBe('suspicious');
    });

    it('still counts when the name is only mentioned ("theo Cục An ninh mạng và phòng chống tội phạm…")', () => {
      const v = scoreIndicators([unit, w1, w2, fine, pressure], [], { mentioned: new Set([unit]) });
      expect(v.warningContext).toBe(true);
    });

    it('a generic authority word does not shield warnings', () => {
      const generic = ind('generic-co-quan', 'generic', 'authority', 15, { kind: 'phrase', start: 0, end: 62 });
      expect(scoreIndicators([generic, w1, w2, fine, pressure]).warningContext).toBe(true);
    });

    it('an authority regex with a gap is no name: "Điện lực Hà Nội cảnh báo thủ đoạn lừa đảo qua link" still warns', () => {
      const gap = ind('utility-tax-dien-luc-link', 'utility-tax', 'authority', 30, { kind: 'regex', start: 0, end: 62 });
      expect(scoreIndicators([gap, w1, w2, fine, pressure]).warningContext).toBe(true);
    });
  });

  describe('a recovery offer in its own voice is not lowered by the scam words it is made of', () => {
    // "Mình chuyên hỗ trợ lấy lại tiền bị lừa đảo … phí khởi tạo hồ sơ 2.000.000đ … ai cần inbox mình"
    const lure = ind('lay-lai-tien', 'hack-money', 'lure', 45);
    const fee = ind('phi-ho-so', 'generic', 'payment', 30, { start: 5, end: 6 });
    const inbox = ind('ib', 'generic', 'channel', 15, { start: 8, end: 9 });
    const warnings = [ind('bi-lua', 'warning', 'warning', 25, { start: 2, end: 3 }), ind('lua-dao', 'warning', 'warning', 20, { start: 3, end: 4 })];

    it('an offer with an ask of its own keeps its score', () => {
      const v = scoreIndicators([lure, fee, inbox, ...warnings]);
      expect(v.warningContext).toBe(true);
      expect(v.score).toBe(90);
      expect(v.verdict).toBe('suspicious');
    });

    it('lowered when the text piles up more warning words than an offer is made of (a police advisory with a hotline)', () => {
      // "CẢNH BÁO: … trang mạo danh công an nhận hỗ trợ lấy lại tiền bị lừa đảo … yêu cầu nạn nhân kết bạn zalo …
      // Công an không bao giờ thu phí. Mọi thắc mắc liên hệ số 0692…": the offer is the subject, not the voice.
      const advisory = [
        ind('canh-bao', 'warning', 'warning', 25, { start: 0, end: 1 }),
        ind('gia-danh', 'warning', 'warning', 25, { start: 1, end: 2 }),
        ind('nan-nhan', 'warning', 'warning', 25, { start: 6, end: 7 }),
        ind('khong-thu-phi', 'warning', 'warning', 25, { start: 10, end: 11 }),
        ...warnings,
      ];
      const hotline = ind('lien-he-so', 'generic', 'channel', 15, { start: 12, end: 13 });
      const v = scoreIndicators([lure, ind('zalo', 'generic', 'channel', 20, { start: 7, end: 8 }), hotline, ...advisory]);
      expect(v.warningContext).toBe(true);
      expect(v.verdict).toBe('clean');
      // A lawyers' office warning against recovery services, with its own hotline (warnings 65).
      const office = [ind('canh-giac-voi', 'warning', 'warning', 20, { start: 9, end: 10 }), ind('trinh-bao', 'warning', 'warning', 25, { start: 4, end: 5 }), warnings[1] as Indicator];
      expect(scoreIndicators([lure, hotline, ...office]).verdict).toBe('clean');
    });

    it('a fake testimonial that tells the loss at length keeps its score when the ask is the offer\'s own (a referral)', () => {
      // "Mình từng bị lừa 130 triệu, tưởng mất trắng … đóng 8 triệu phí hồ sơ, 2 tuần sau nhận lại 110 triệu … ai cần
      // mình cho link": warnings 70, the referral read by a recovery-family pattern.
      const story = [...warnings, ind('mat-trang', 'warning', 'warning', 25, { start: 4, end: 5 })];
      const referral = ind('ai-can-minh-cho-so', 'hack-money', 'channel', 20, { start: 12, end: 13 });
      const v = scoreIndicators([lure, fee, referral, ...story]);
      expect(v.warningContext).toBe(true);
      expect(v.verdict).toBe('suspicious');
      // The same story whose only ask is a generic one (a hotline) is lowered; so is one with more warning than 130
      // (recoveryOwnAskWarningMax): 70 + "cảnh báo", "giả danh", "trình báo công an".
      const hotline = ind('lien-he-so', 'generic', 'channel', 15, { start: 12, end: 13 });
      expect(scoreIndicators([lure, hotline, ...story]).verdict).toBe('clean');
      const advisory = [
        ...story,
        ind('canh-bao', 'warning', 'warning', 25, { start: 0, end: 1 }),
        ind('gia-danh', 'warning', 'warning', 25, { start: 1, end: 2 }),
        ind('trinh-bao', 'warning', 'warning', 25, { start: 14, end: 15 }),
      ];
      expect(scoreIndicators([lure, referral, ...advisory]).verdict).toBe('clean');
    });

    it('an offer that opens with an advisory\'s line keeps its score when its fee is the offer\'s own', () => {
      // "Cảnh báo về chiêu lừa đảo mạo danh, để mọi người tránh. Bên em … hỗ trợ lấy lại tiền bị lừa, thu hồi 90% chỉ cần
      // đóng phí hồ sơ trước 2 triệu, inbox em": warnings 105, the fee read by a recovery-family pattern.
      const opener = [
        ind('canh-bao-chieu', 'warning', 'warning', 20, { start: 0, end: 1 }),
        ind('gia-danh', 'warning', 'warning', 25, { start: 1, end: 2 }),
        ind('de-moi-nguoi-tranh', 'warning', 'warning', 20, { start: 4, end: 5 }),
        ind('chieu-lua', 'warning', 'warning', 20, { start: 5, end: 6 }),
        warnings[1] as Indicator,
      ];
      const ownFee = ind('thu-hoi-dong-phi-truoc', 'hack-money', 'payment', 35, { start: 9, end: 10 });
      expect(scoreIndicators([lure, ownFee, inbox, ...opener]).verdict).toBe('suspicious');
      // The same text whose fee only a generic pattern reads is an advisory's subject: lowered.
      expect(scoreIndicators([lure, fee, inbox, ...opener]).verdict).toBe('clean');
    });

    it('only a lure that offers the money back (or names the loss) makes an offer: other lures of the family are lowered', () => {
      // "Phụ huynh lưu ý: mấy trang nạp kim cương giá rẻ yêu cầu gửi tk + mk để nạp hộ đều là lừa đảo, đừng để con bị
      // lừa": hack-money also holds game top-ups, lottery tips, rituals; an advisory about those is a warning.
      const topUp = ind('nap-kc-gia-re', 'hack-money', 'lure', 30, { match: 'nạp kim cương giá rẻ' });
      const login = ind('tk-mk-nap-ho', 'hack-money', 'credential', 45, { start: 5, end: 6, match: 'gửi tk + mk để nạp hộ' });
      expect(scoreIndicators([topUp, login, ...warnings]).verdict).toBe('clean');
      // The same indicators with a recovery lure ("hacker lấy lại tiền", "got it all back") keep their score.
      for (const match of ['hỗ trợ lấy lại tiền', 'hacker mũ trắng', 'got it all back for me']) {
        const offer = ind('offer', 'hack-money', 'lure', 30, { match });
        expect(scoreIndicators([offer, login, ...warnings]).verdict, match).not.toBe('clean');
      }
    });

    it('lowered without an ask, when the offer or the ask is quoted or reported, or when another family leads', () => {
      expect(scoreIndicators([lure, ...warnings]).score).toBe(Math.round(45 * 0.3));
      expect(scoreIndicators([lure, fee, inbox, ...warnings], [], { mentioned: new Set([lure]) }).verdict).toBe('clean');
      expect(scoreIndicators([lure, fee, ...warnings], [], { mentioned: new Set([fee]) }).verdict).toBe('clean');
      const job = ind('viec-nhe', 'job-task', 'lure', 45);
      expect(scoreIndicators([job, fee, inbox, ...warnings]).verdict).toBe('clean');
    });
  });

  it('mentioned indicators weigh 0.4 where the text has warning weight; two of them add warning weight', () => {
    const a = ind('a', 'job-task', 'hallmark', 75);
    const b = ind('b', 'job-task', 'lure', 35, { start: 10, end: 20 });
    // Quoted scam wording in a scam's own text (no warning weight) keeps its full weight next to an indicator in the
    // text's own voice; quoted wording alone is capped at 45 (the text talks about it, below).
    const own = ind('own', 'generic', 'channel', 20, { start: 60, end: 65 });
    expect(scoreIndicators([a, own], [], { mentioned: new Set([a]) }).score).toBe(95);
    expect(scoreIndicators([a], [], { mentioned: new Set([a]) }).score).toBe(45);
    // With some warning weight, a mention weighs 0.4.
    const w = ind('w', 'warning', 'warning', 20);
    expect(scoreIndicators([a, w], [], { mentioned: new Set([a]) }).score).toBe(30);
    // Two mentions + 20 of warning wording reach the warning threshold: capped and clean.
    const v = scoreIndicators([a, b, w], [], { mentioned: new Set([a, b]) });
    expect(v.warningContext).toBe(true);
    expect(v.verdict).toBe('clean');
    // Two mentioned matches inside one quote are one place: no warning weight from them.
    const inner = ind('c', 'job-task', 'payment', 40);
    expect(scoreIndicators([a, inner, own], [], { mentioned: new Set([a, inner]) }).score).toBe(135);
    // A used occurrence of a pattern beats a mentioned one.
    const aUsed = ind('a', 'job-task', 'hallmark', 75, { start: 40, end: 50 });
    expect(scoreIndicators([a, aUsed, w], [], { mentioned: new Set([a]) }).score).toBe(75);
  });

  it('a host written in the text counts its weight but does not force scam; a real link does', () => {
    const warning = [ind('w1', 'warning', 'warning', 50)];
    const inText = ind('lookalike:vcb', 'bank-phishing', 'channel', 85, { kind: 'lookalike', start: 10, end: 30 });
    expect(scoreIndicators([...warning, inText]).verdict).toBe('clean');
    expect(scoreIndicators([inText]).verdict).toBe('suspicious');
    expect(scoreIndicators([inText, ind('otp', 'bank-phishing', 'credential', 40)]).verdict).toBe('scam');
    const link = ind('lookalike:vcb', 'bank-phishing', 'channel', 85, { kind: 'lookalike', start: undefined, end: undefined });
    expect(scoreIndicators([...warning, link]).verdict).toBe('scam');
    expect(scoreIndicators([link]).verdict).toBe('scam');
  });

  it('lists families strongest first, generic last, and not warning-only families', () => {
    const v = scoreIndicators([
      ind('g', 'generic', 'channel', 60),
      ind('a', 'job-task', 'lure', 20),
      ind('b', 'investment', 'lure', 40, { start: 3, end: 4 }),
      ind('w', 'news', 'warning', 10),
    ]);
    expect(v.categories).toEqual(['investment', 'job-task', 'generic']);
  });

  it('orders indicators by position, link indicators last', () => {
    const v = scoreIndicators([
      ind('link', 'x', 'channel', 10, { start: undefined, end: undefined }),
      ind('b', 'x', 'lure', 10, { start: 9, end: 12 }),
      ind('a', 'x', 'lure', 10, { start: 2, end: 4 }),
    ]);
    expect(v.indicators.map((i) => i.patternId)).toEqual(['a', 'b', 'link']);
  });

  it('dedupes allowlisted hosts', () => {
    expect(scoreIndicators([], ['a.vn', 'a.vn', 'b.vn']).allowlisted).toEqual(['a.vn', 'b.vn']);
  });
});

describe('scoreIndicators: the same words count once per lure', () => {
  it('two lure patterns over the same words add only the heavier; separate words, or other signals, add up', () => {
    // "việc nhẹ lương cao" read by two lure patterns: 40, not 65 (a lure alone stays clean).
    const same = scoreIndicators([ind('a', 'job-task', 'lure', 40, { start: 0, end: 18 }), ind('b', 'job-task', 'lure', 25, { start: 0, end: 12 })]);
    expect(same.score).toBe(40);
    expect(same.verdict).toBe('clean');
    expect(same.indicators).toHaveLength(2); // both are still shown
    const apart = scoreIndicators([ind('a', 'job-task', 'lure', 40, { start: 0, end: 18 }), ind('b', 'job-task', 'lure', 25, { start: 30, end: 40 })]);
    expect(apart.score).toBe(65);
    // Under half of the shorter span shared: different words.
    const touching = scoreIndicators([ind('a', 'job-task', 'lure', 40, { start: 0, end: 10 }), ind('b', 'job-task', 'lure', 25, { start: 8, end: 18 })]);
    expect(touching.score).toBe(65);
    // Another family's lure over the same words is that family's own reading: not dropped.
    const twoFamilies = scoreIndicators([ind('a', 'job-task', 'lure', 40, { start: 0, end: 18 }), ind('b', 'prize', 'lure', 25, { start: 0, end: 18 })]);
    expect(twoFamilies.score).toBe(40);
    expect(twoFamilies.categories).toEqual(['job-task', 'prize']);
    const lureAndAsk = scoreIndicators([ind('a', 'job-task', 'lure', 40, { start: 0, end: 18 }), ind('b', 'job-task', 'payment', 25, { start: 0, end: 18 })]);
    expect(lureAndAsk.score).toBe(65);
  });
});

describe('scoreIndicators: warnings add up even over the same words', () => {
  it('"lừa đảo" inside "lừa đảo không?" still adds: the question weighs more than the bare word', () => {
    const ask = ind('summons', 'impersonation-authority', 'hallmark', 60, { start: 0, end: 10 });
    const question = ind('lua-dao-khong', 'warning', 'warning', 30, { start: 50, end: 63 });
    const word = ind('tu-lua-dao', 'warning', 'warning', 20, { start: 50, end: 57 });
    expect(scoreIndicators([ask, question, word]).warningContext).toBe(true);
    expect(scoreIndicators([ask, question]).warningContext).toBe(false);
  });
});

describe('scoreIndicators: a text made only of someone else\u2019s words', () => {
  it('is capped below suspicious when every text indicator is a mention; one own indicator or a link lifts the cap', () => {
    // One quoted place (no warning weight from mentions): full weights, 95, but nothing in the text's own voice.
    const bait = ind('bait', 'prize', 'hallmark', 60, { start: 10, end: 30 });
    const fee = ind('fee', 'prize', 'payment', 35, { start: 10, end: 40 });
    const quoted = scoreIndicators([bait, fee], [], { mentioned: new Set([bait, fee]) });
    expect(quoted.verdict).toBe('clean');
    expect(quoted.score).toBe(45);
    const own = ind('ib', 'generic', 'channel', 20, { start: 50, end: 55 });
    expect(scoreIndicators([bait, fee, own], [], { mentioned: new Set([bait, fee]) }).score).toBe(115);
    expect(scoreIndicators([bait, fee], [], { mentioned: new Set([bait, fee]), liveRequest: true }).score).toBe(95);
    const link = ind('lookalike', 'prize', 'channel', 85, { kind: 'lookalike', start: undefined, end: undefined });
    expect(scoreIndicators([bait, fee, link], [], { mentioned: new Set([bait, fee]) }).verdict).toBe('scam');
  });
});

describe('scoreIndicators: asks of another family support the strongest one', () => {
  it('a card request from another family adds to a prize lure; a second lure does not', () => {
    const ask = scoreIndicators([ind('prize-lure', 'prize', 'lure', 35), ind('card', 'bank-phishing', 'credential', 30)]);
    expect(ask.score).toBe(65);
    expect(ask.verdict).toBe('suspicious');
    const lures = scoreIndicators([ind('prize-lure', 'prize', 'lure', 35), ind('job-lure', 'job-task', 'lure', 30)]);
    expect(lures.score).toBe(35);
    expect(lures.verdict).toBe('clean');
  });

  it('other families\u2019 asks share the generic cap', () => {
    const capped = scoreIndicators([
      ind('lure', 'prize', 'lure', 45),
      ind('g', 'generic', 'payment', 40),
      ind('card', 'bank-phishing', 'credential', 40),
    ]);
    expect(capped.score).toBe(105);
  });
});

describe('scoreIndicators: a secret asked for through a link or in a hurry', () => {
  it('a family-less credential ask with a channel or pressure keeps its full (capped) weight: suspicious', () => {
    const otp = ind('otp', 'generic', 'credential', 45);
    expect(scoreIndicators([otp, ind('link', 'generic', 'channel', 20)])).toMatchObject({ verdict: 'suspicious', score: 60 });
    expect(scoreIndicators([otp, ind('24h', 'generic', 'pressure', 20)])).toMatchObject({ verdict: 'suspicious', score: 60 });
  });

  it('a credential ask alone, or channel + payment without a credential, is still halved (clean)', () => {
    expect(scoreIndicators([ind('otp', 'generic', 'credential', 45)])).toMatchObject({ verdict: 'clean', score: 23 });
    expect(scoreIndicators([ind('ck', 'generic', 'payment', 40), ind('zalo', 'generic', 'channel', 30)])).toMatchObject({
      verdict: 'clean',
      score: 30,
    });
  });

  it('still lowered in a warning context ("never enter your OTP on a link")', () => {
    const v = scoreIndicators([
      ind('otp', 'generic', 'credential', 45),
      ind('link', 'generic', 'channel', 20),
      ind('w1', 'warning', 'warning', 25),
      ind('w2', 'warning', 'warning', 25, { start: 40, end: 50 }),
    ]);
    expect(v.warningContext).toBe(true);
    expect(v.verdict).toBe('clean');
  });
});
