import { describe, expect, it } from 'vitest';
import { ASK_HINT_PREFIX, listAskHintExamples, listAskHintPatterns } from './ask-hints.ts';
import { compileEngine, describeDatabase } from './compile.ts';
import { MINI_DATABASE } from './mini-database.fixture.ts';
import { MODEL_LIFT_PATTERN_ID } from './model-lift.ts';
import { checkSafeRegex } from './regex-filter.ts';
import { scanItem } from './scan-item.ts';
import { scoreIndicators } from './score.ts';
import type { TextModelSource } from './text-model.ts';
import type { Indicator, Verdict } from './types.ts';

const ALWAYS: TextModelSource = { format: 1, kind: 'logistic-regression', features: [], weights: [], bias: 10, threshold: 0.9 };
const withModel = compileEngine(MINI_DATABASE, { model: ALWAYS });
const rulesOnly = compileEngine(MINI_DATABASE, { model: null });
const hintIds = (v: Verdict): string[] => v.indicators.filter((i) => i.patternId.startsWith(ASK_HINT_PREFIX)).map((i) => i.patternId);
const lifted = (v: Verdict): boolean => v.indicators.some((i) => i.patternId === MODEL_LIFT_PATTERN_ID);

describe('ask hints', () => {
  it('are safe regexes of weight 0 in the generic family, with ids under their prefix', () => {
    const hints = listAskHintPatterns();
    expect(hints.length).toBeGreaterThan(5);
    for (const h of hints) {
      expect(h.id.startsWith(ASK_HINT_PREFIX)).toBe(true);
      expect(h).toMatchObject({ family: 'generic', kind: 'regex', weight: 0 });
      expect(['payment', 'credential', 'channel']).toContain(h.signal);
      expect(checkSafeRegex(h.value).ok).toBe(true);
      expect(h.message?.vi.length).toBeGreaterThan(0);
    }
  });

  it.each(listAskHintExamples())('$id reads its examples both ways', ({ id, match, noMatch }) => {
    for (const text of match) expect(hintIds(scanItem(rulesOnly, { text })), text).toContain(id);
    for (const text of noMatch) expect(hintIds(scanItem(rulesOnly, { text })), text).not.toContain(id);
  });

  it('add nothing to a score: a hint alone is clean with score 0, and a verdict scores the same without its hints', () => {
    const v = scanItem(rulesOnly, { text: 'Bác quét mã QR trong ảnh giúp cháu nhé' });
    expect(hintIds(v)).toEqual(['ask-hint-quet-ma-qr']);
    expect(v).toMatchObject({ verdict: 'clean', score: 0 });
    const weighted = scanItem(rulesOnly, { text: 'Tuyển cộng tác viên bán hàng online, chuyển khoản vào tài khoản 0451 xxxx 2290 trước nhé' });
    expect(hintIds(weighted).length).toBeGreaterThan(0);
    const without = scoreIndicators(weighted.indicators.filter((i: Indicator) => i.weight > 0));
    expect(without.score).toBe(weighted.score);
    expect(without.verdict).toBe(weighted.verdict);
  });

  it('never supply the second signal a scam verdict needs', () => {
    const lure: Indicator = { patternId: 'job-task-x', family: 'job-task', signal: 'lure', weight: 100, kind: 'regex', start: 0, end: 4, match: 'viec', message: { vi: 'x', en: 'x' } };
    const hint: Indicator = { ...lure, patternId: 'ask-hint-quet-ma-qr', family: 'generic', signal: 'payment', weight: 0, start: 5, end: 9 };
    expect(scoreIndicators([lure]).verdict).toBe('suspicious');
    const v = scoreIndicators([lure, hint]);
    expect(v).toMatchObject({ verdict: 'suspicious', score: 100 });
    expect(v.indicators.map((i) => i.patternId)).toContain('ask-hint-quet-ma-qr');
  });

  it('open the text model lift when they are the text own ask, not when negated or reported', () => {
    // No weighted pattern names this ask; the hint does.
    const own = scanItem(withModel, { text: 'Em chỉ cần quét mã QR trong ảnh là xong ạ' });
    expect(lifted(own)).toBe(true);
    expect(own.verdict).toBe('suspicious');
    const negated = scanItem(withModel, { text: 'Nhà trường không bao giờ yêu cầu phụ huynh quét mã QR lạ.' });
    expect(lifted(negated)).toBe(false);
    const reported = scanItem(withModel, { text: 'Kẻ gian yêu cầu nạn nhân quét mã QR để nhận tiền.' });
    expect(lifted(reported)).toBe(false);
  });

  it('are not counted as database patterns', () => {
    const d = describeDatabase(rulesOnly);
    const fromDatabase = rulesOnly.patterns.filter((p) => !p.id.startsWith(ASK_HINT_PREFIX));
    expect(rulesOnly.patterns.length).toBe(fromDatabase.length + listAskHintPatterns().length);
    expect(d.patternCount).toBe(fromDatabase.length);
    expect(d.families.find((f) => f.id === 'generic')?.patternCount).toBe(fromDatabase.filter((p) => p.family === 'generic').length);
  });

  it('are left out when the database has no generic family', () => {
    const noGeneric = { ...MINI_DATABASE, families: MINI_DATABASE.families.filter((f) => f.id !== 'generic'), patterns: MINI_DATABASE.patterns.filter((p) => p.family !== 'generic') };
    const e = compileEngine(noGeneric, { model: null });
    expect(e.patterns.some((p) => p.id.startsWith(ASK_HINT_PREFIX))).toBe(false);
  });
});

describe('ask hints and the denial of other asks', () => {
  // A weighted ask the hint-less engine keeps: the negation "không cần" does not govern it.
  const db = {
    ...MINI_DATABASE,
    patterns: [...MINI_DATABASE.patterns, { id: 'generic-ck-truoc', family: 'generic', kind: 'phrase' as const, value: 'chuyển khoản trước', signal: 'payment' as const, weight: 30 }],
  };
  const engine = compileEngine(db, { model: null });

  it('a denied hint does not deny the weighted ask after it (hints never lower a score)', () => {
    const text = 'Shop không cần quét mã QR chuyển khoản trước 500k nhé';
    const v = scanItem(engine, { text });
    expect(v.indicators.map((i) => i.patternId)).toContain('generic-ck-truoc');
    expect(v.score).toBeGreaterThan(0);
  });
});

describe('ask hints read with their accents', () => {
  it.each([
    ['Cho em muốn hỏi shop còn size M không ạ', 'ask-hint-cho-muon'],
    ['Cho mình váy size M nhé', 'ask-hint-cho-muon'],
    ['Cho em ủng hộ 1 phần nhỏ', 'ask-hint-cho-muon'],
    ['Cái app này hay ghê, ai cũng khen', 'ask-hint-cai-ung-dung'],
    ['Mua tại app Shopee giảm 50%', 'ask-hint-cai-ung-dung'],
    ['Em chuyển công tác sang vị trí mới rồi', 'ask-hint-chuyen-vao-dich'],
  ])('"%s" is not %s (a folded accent)', (text, id) => {
    expect(hintIds(scanItem(rulesOnly, { text }))).not.toContain(id);
  });

  it.each([
    ['Anh cho em mượn tạm 5 triệu nhé', 'ask-hint-cho-muon'],
    ['anh cho em muon tam 5 trieu nhe', 'ask-hint-cho-muon'],
    ['Chị cài app em gửi rồi đăng nhập lại', 'ask-hint-cai-ung-dung'],
    ['Tải app về rồi đăng nhập', 'ask-hint-cai-ung-dung'],
    ['chuyen tien sang vi momo giup em', 'ask-hint-chuyen-vao-dich'],
    ['Chuyển tiền sang ví MoMo giúp em', 'ask-hint-chuyen-vao-dich'],
  ])('"%s" is still %s (the word itself, or typed without accents)', (text, id) => {
    expect(hintIds(scanItem(rulesOnly, { text }))).toContain(id);
  });
});

describe('a payment on a written site', () => {
  it('is no hint when the site is an official (allowlisted) one; it is on any other site', () => {
    expect(hintIds(scanItem(rulesOnly, { text: 'Tra cứu và thanh toán tại vietcombank.com.vn nhé' }))).not.toContain('ask-hint-thanh-toan-tai-trang');
    expect(hintIds(scanItem(rulesOnly, { text: 'Tra cứu và thanh toán tại vietcombank-tracuu.com nhé' }))).toContain('ask-hint-thanh-toan-tai-trang');
  });

  it('needs a written site: words that fold like a domain ending are none', () => {
    for (const text of ['Thanh toán tại quầy hoặc qua app', 'Thanh toán qua ngân hàng tại VN', 'thanh toán trên ứng dụng shop']) {
      expect(hintIds(scanItem(rulesOnly, { text })), text).not.toContain('ask-hint-thanh-toan-tai-trang');
    }
  });
});

describe('ask hints on other words', () => {
  it.each([
    ['Lớp đã nhận đủ 500.000 đồng vào tài khoản quỹ, cảm ơn cả nhà', 'ask-hint-chuyen-vao-dich'],
    ['Gói cước 0903 123 456 đang khuyến mãi', 'ask-hint-goi-so'],
    ['Phụ huynh ký xác nhận vào phiếu và nộp lại cho cô chủ nhiệm', 'ask-hint-ket-noi-vi'],
    ['Anh chuyển hồ sơ lên phòng nhân sự giúp em', 'ask-hint-chuyen-cho'],
    ['Nhà em chuyển chỗ ở sang quận 7 rồi', 'ask-hint-chuyen-cho'],
  ])('"%s" is not %s', (text, id) => {
    expect(hintIds(scanItem(rulesOnly, { text }))).not.toContain(id);
  });

  it.each([
    ['Đóng 500k vào tài khoản lớp trước thứ 6', 'ask-hint-chuyen-vao-dich'],
    ['Gọi ngay 0903 123 456', 'ask-hint-goi-so'],
    ['Kết nối ví rồi ký xác nhận giao dịch để nhận token', 'ask-hint-ket-noi-vi'],
    ['Sign the transaction to claim', 'ask-hint-ket-noi-vi'],
    ['Chuyển hộ em 2 triệu nhé', 'ask-hint-chuyen-cho'],
    ['chuyen cho em 2 trieu nhe', 'ask-hint-chuyen-cho'],
  ])('"%s" is still %s', (text, id) => {
    expect(hintIds(scanItem(rulesOnly, { text }))).toContain(id);
  });
});

describe('ask hints read with their accents: "chuyện/chuyên" is not "chuyển", "thể/thế" not "thẻ", "thuê/phi" not "thuế/phí"', () => {
  it.each([
    ['Chuyên cho thuê xe tự lái 4-7 chỗ giá rẻ, giao xe tận nơi', 'ask-hint-chuyen-cho'],
    ['Chuyện giúp đỡ nhau lúc khó khăn là bình thường mà', 'ask-hint-chuyen-cho'],
    ['Chuyện là em vào tài khoản ngân hàng này mấy hôm không được', 'ask-hint-chuyen-vao-dich'],
    ['Chuyện là em vào tài khoản ngân hàng này mấy hôm không được', 'ask-hint-chuyen-sang-so'],
    ['Thật là chuyện phi lý, đi nộp hồ sơ mà phải chờ 3 tiếng', 'ask-hint-chuyen-sang-so'],
    ['Nhóm mình nộp đơn xin thuê nhà ở xã hội rồi', 'ask-hint-chuyen-sang-so'],
    ['Cập nhật thông tin thể thao: đội tuyển thắng 2-0', 'ask-hint-giay-to-mat-khau'],
    ['Thông tin thế giới tuần này', 'ask-hint-giay-to-mat-khau'],
    ['Anh cần cuộc hẹn với bác sĩ sớm', 'ask-hint-giay-to-mat-khau'],
    ['Nhớ lưu sơ đồ chỗ ngồi nhé', 'ask-hint-luu-so-goi'],
    // An unaccented word in a match typed with accents is that word: "hôm nay" (today), not "này" (this).
    ['Em đã chuyển sang số mới từ hôm nay, mọi người lưu lại nhé', 'ask-hint-chuyen-sang-so'],
  ])('"%s" is not %s', (text, id) => {
    expect(hintIds(scanItem(rulesOnly, { text }))).not.toContain(id);
  });

  it.each([
    ['Chuyển cho em 2 triệu nhé', 'ask-hint-chuyen-cho'],
    ['Chuyển tiền vào tài khoản này giúp em', 'ask-hint-chuyen-vao-dich'],
    ['chuyen vao so tai khoan nay nhe', 'ask-hint-chuyen-sang-so'],
    ['Em cần chuyển phí trước mới nhận hàng', 'ask-hint-chuyen-sang-so'],
    ['Nộp đơn và nộp thuế trước khi rút', 'ask-hint-chuyen-sang-so'],
    ['Xác nhận thông tin thẻ để hoàn tất', 'ask-hint-giay-to-mat-khau'],
    ['thong tin the de hoan tat', 'ask-hint-giay-to-mat-khau'],
    ['Gửi ảnh căn cước 2 mặt cho em', 'ask-hint-giay-to-mat-khau'],
    ['Lưu số em để nhận việc', 'ask-hint-luu-so-goi'],
    ['Chuyển sang số tài khoản an toàn này ngay', 'ask-hint-chuyen-sang-so'],
    ['chuyen sang so moi tu hom nay', 'ask-hint-chuyen-sang-so'],
  ])('"%s" is still %s', (text, id) => {
    expect(hintIds(scanItem(rulesOnly, { text }))).toContain(id);
  });
});

describe('ask hints on ordinary English', () => {
  it('"send … wallet" is a payment only when it sends to a wallet (not a photo of a found wallet)', () => {
    const found = 'Found a wallet near the bus stop, I will send a photo of the wallet to whoever can describe it';
    expect(hintIds(scanItem(rulesOnly, { text: found }))).not.toContain('ask-hint-en-send-crypto');
    for (const text of ['Send $1,200 in Bitcoin to the wallet below', 'send 500 to my wallet and I double it']) {
      expect(hintIds(scanItem(rulesOnly, { text })), text).toContain('ask-hint-en-send-crypto');
    }
  });
});

describe('ask hints over teencode the normalizer expands', () => {
  // "cccd", "cmnd" reach the regexes as "can cuoc cong dan", "chung minh nhan dan": a hint that spells the
  // abbreviation never fires.
  it.each([
    ['Chụp ảnh CMND gửi em nhé', 'ask-hint-giay-to-mat-khau'],
    ['Gửi hình chứng minh thư cho em', 'ask-hint-giay-to-mat-khau'],
    ['Gửi CCCD 2 mặt cho em là xong', 'ask-hint-giay-to-mat-khau'],
  ])('"%s" is %s', (text, id) => {
    expect(hintIds(scanItem(rulesOnly, { text }))).toContain(id);
  });

  it.each([
    ['Anh chứng minh đi rồi nói', 'ask-hint-giay-to-mat-khau'],
  ])('"%s" is not %s', (text, id) => {
    expect(hintIds(scanItem(rulesOnly, { text }))).not.toContain(id);
  });
});

describe('a fee to pay is not a fee waived', () => {
  it('"nộp hồ sơ miễn phí" (submit free of charge) is no ask to pay; "nộp thêm một khoản phí" is', () => {
    for (const text of ['Hỗ trợ nộp hồ sơ miễn phí cho bà con tại UBND phường', 'Nộp đơn miễn phí tại quầy số 3']) {
      expect(hintIds(scanItem(rulesOnly, { text })), text).not.toContain('ask-hint-chuyen-sang-so');
    }
    for (const text of ['Bạn cần nộp thêm một khoản phí nhỏ để kích hoạt', 'nop them 220k phi', 'Nộp trước 10% thuế là rút được', 'Nộp 2.000.000đ phí hồ sơ']) {
      expect(hintIds(scanItem(rulesOnly, { text })), text).toContain('ask-hint-chuyen-sang-so');
    }
  });
});
