import { describe, expect, it } from 'vitest';
import { compileEngine, type Engine } from './compile.ts';
import { MINI_DATABASE } from './mini-database.fixture.ts';
import { normalizeText } from './normalize.ts';
import { findAskedQuotes, findQuotedSpans, findReportedSpans, isKeywordQuote, isPastedMessage, prepareScan, scanItem } from './scan-item.ts';
import type { PatternSource } from './types.ts';

const engine = compileEngine(MINI_DATABASE, { now: new Date('2026-11-29T00:00:00Z') });

/** The mini database with one more pattern, compiled. */
function compileWithPattern(pattern: PatternSource): Engine {
  return compileEngine({ ...MINI_DATABASE, patterns: [...MINI_DATABASE.patterns, pattern] }, { now: new Date('2026-11-29T00:00:00Z') });
}

describe('findQuotedSpans', () => {
  it('finds straight, typographic and guillemet quotes; skips apostrophes and over-long spans', () => {
    const text = 'họ bảo "nạp tiền" rồi “kết bạn zalo” và «inbox»; it\'s fine';
    const spans = findQuotedSpans(text).map(([a, b]) => text.slice(a, b));
    expect(spans).toEqual(['nạp tiền', 'kết bạn zalo', 'inbox']);
    expect(findQuotedSpans(`"${'x'.repeat(300)}"`)).toEqual([]);
  });
});

describe('findAskedQuotes: a whole message quoted to ask whether it is real', () => {
  const message = `"${'Tuyển cộng tác viên, việc nhẹ lương cao, nạp tiền làm nhiệm vụ, kết bạn zalo trong 24 giờ. '.repeat(3)}"`;

  it('a long quote is a quote when the text around it doubts it, with a question mark', () => {
    for (const text of [
      `Có số lạ nhắn Zalo: ${message} Có nên bấm vô không?`,
      `Mn ơi cái này lừa đảo phải ko? ${message}`,
      `Got this text today: ${message} Is this legit?`,
    ]) {
      expect(findAskedQuotes(text).map(([a, b]) => text.slice(a - 1, b + 1)), text).toEqual([message]);
    }
  });

  it('not without doubt, not without a question, and short quotes are left to findQuotedSpans', () => {
    expect(findAskedQuotes(`Cán bộ sẽ đọc cho bạn: ${message} Bạn làm theo ngay nhé.`)).toEqual([]);
    expect(findAskedQuotes(`Bạn có muốn nhận việc không? ${message}`)).toEqual([]);
    expect(findAskedQuotes(`Cái này lừa đảo. ${message}`)).toEqual([]);
    expect(findAskedQuotes('Có nên bấm vô không? "nạp tiền làm nhiệm vụ"')).toEqual([]);
    // A "?" inside a link is no question; "an toàn không cần vốn" is no doubt.
    expect(findAskedQuotes(`Tuyển CTV. Chị Lan chia sẻ: ${message} Đăng ký: https://vieclam-online.top/?ref=lan 100% legit`)).toEqual([]);
    expect(findAskedQuotes(`Bạn còn chần chừ gì nữa? ${message} Việc an toàn không cần vốn`)).toEqual([]);
  });

  it('the asked message is a mention in a scan; the same message sent, or its script quoted by a scam, is not', () => {
    expect(scanItem(engine, { text: `Có số lạ nhắn Zalo: ${message} Có nên bấm vô không?` }).verdict).toBe('clean');
    expect(scanItem(engine, { text: message }).verdict).toBe('scam');
    expect(scanItem(engine, { text: `Cán bộ sẽ đọc cho bạn: ${message} Bạn làm theo ngay nhé.` }).verdict).toBe('scam');
  });
});

describe('findReportedSpans', () => {
  /** The reported stretches of `text`, as text. */
  const reported = (text: string) => findReportedSpans(text, normalizeText(text)).map(([a, b]) => text.slice(a, b));

  it.each([
    ['Mọi người ơi số lạ gọi em hai lần bảo bên nhà mạng sắp khóa sim, thật không ạ?', 'số lạ gọi em hai lần bảo'],
    ['Tuần rồi có page nhắn em nói là bên luật, đòi phí hồ sơ 2 triệu', 'có page nhắn'],
    ['Có ng ib bảo em đóng phí hồ sơ mới giải ngân', 'Có ng ib'],
    ['Hôm qua gọi tao xưng bên điện lực, bảo nợ tiền điện', 'gọi tao xưng bên'],
    // Someone posing as somebody: "có người giả (danh) … gọi / nhắn".
    ['Cảnh báo: có người giả nhân viên điện lực gọi bảo nợ tiền điện sẽ cắt điện, kêu bấm link thanh toán.', 'có người giả nhân viên điện lực gọi'],
    ['Có ng giả danh cán bộ thuế nhắn Zalo đòi nộp phạt 5 triệu', 'Có ng giả danh cán bộ thuế nhắn'],
    ['Hôm trước nhận được SMS mang tên ngân hàng, bảo tài khoản bị khóa. Đừng bấm link lạ.', 'nhận được SMS'],
    ['I lost $500 to a remote job that asked me to deposit money to unlock tasks.', 'that asked me to'],
    ['My uncle got a call from someone claiming to be his grandson.', 'from someone claiming'],
    // "kêu" (told to), the Southern and Central "bảo".
    ['Nhận job xem quảng cáo, họ kêu tải app rồi nạp 1 triệu kích hoạt, nạp xong không rút được', 'họ kêu tải app'],
    // A person named by role: the landlord, the seller (not "chị ấy bảo": a fake shipper relays his ask that way).
    ['Tìm phòng trên mạng, chủ nhà bảo đang ở xa không dẫn xem được, chuyển cọc 2 tháng là gửi chìa khóa', 'chủ nhà bảo'],
    ['Mua máy cũ, người bán đòi chuyển khoản trước rồi chặn luôn', 'người bán đòi'],
  ])('%s', (text, marker) => {
    const spans = reported(text);
    expect(spans.some((span) => span.startsWith(marker))).toBe(true);
  });

  it('ends at the writer\'s own referral after a comma; the offer before it stays reported', () => {
    const text = 'Có page nhắn mình hỗ trợ lấy lại tiền bị lừa qua sàn ảo, phí 10%, ai cần mình cho link page nhé. Cảm ơn.';
    expect(reported(text)).toEqual(['Có page nhắn mình hỗ trợ lấy lại tiền bị lừa qua sàn ảo, phí 10%']);
    expect(reported('They told me to send $200 for the release, dm me if you want their number.')).toEqual(['They told me to send $200 for the release']);
    // A comma without a referral after it does not end the report.
    expect(reported('Có page nhắn mình hỗ trợ lấy lại tiền, đòi phí trước, mình không tin.')).toEqual(['Có page nhắn mình hỗ trợ lấy lại tiền, đòi phí trước, mình không tin']);
  });

  it('a person pointed at ("bạn kia bảo", "shop đó nói") reports; relaying to the reader ("chị ấy bảo shop ck…") does not', () => {
    expect(reported('e bị mất 2tr4 vì mua pass vé concert 😭 bạn kia bảo ở tỉnh ko gặp đc, ck trc 50% sẽ gửi QR vé qua mail. e ck xong thì bị block luôn')).toEqual([
      'bạn kia bảo ở tỉnh ko gặp đc, ck trc 50% sẽ gửi QR vé qua mail',
    ]);
    expect(reported('Shop đó nói chuyển khoản trước mới gửi hàng, mình không chịu')).toEqual(['Shop đó nói chuyển khoản trước mới gửi hàng, mình không chịu']);
    // An emoji ends a reported sentence the way a full stop does: the ask after it is the writer's own.
    expect(reported('mà có page nhắn em bảo trúng thưởng 😭 m đọc giúp t cái mã 6 số')).toEqual(['có page nhắn em bảo trúng thưởng ']);
    // Not before five words of it: right after the marker an emoji introduces what was said.
    expect(reported('có page nhắn 😱 em bảo trúng thưởng rồi')).toEqual(['có page nhắn 😱 em bảo trúng thưởng rồi']);
    expect(reported('Anh ấy bảo anh chị chuyển trước 50% cọc vào số tài khoản này nhé')).toEqual([]);
  });

  // Each row: the rule, a text, the reported spans expected ([] = the text's own voice).
  it.each<[string, string, string[]]>([
    // A third person named by role in English reports; relaying to "you" does not.
    ['role', 'The landlord says he is in Singapore, wants 2 months deposit first and will send the keys by post. Sounds off?', ['The landlord says he is in Singapore, wants 2 months deposit first and will send the keys by post']],
    ['role', 'This seller wants a 500k shipping fee before he ships the puppy', ['This seller wants a 500k shipping fee before he ships the puppy']],
    ['role relayed to you', 'The owner says you need to transfer the deposit first, then I send the keys', []],
    ['my own landlord', 'My landlord says the rent is due on the 5th', []],
    // "… wants me to pay first" reports someone else's ask; "wants me to invite you" passes it on to the reader.
    ['wants me to', 'a "landlord" on the expat group wants me to pay a deposit by Wise before viewing. Legit?', ['wants me to pay a deposit by Wise before viewing']],
    ['keeps asking me to', 'Her new "friend" keeps asking me to transfer 50% first', ['keeps asking me to transfer 50% first']],
    ['wants me to … you', 'My manager wants me to invite you: earn $300 a day, DM me on Telegram.', []],
    // A call or message told of in English reports; an imperative "call us asking" does not.
    ['called asking', "Then a 'customs officer' called asking for a clearance fee, then a tax. She paid it all.", ['called asking for a clearance fee, then a tax']],
    ['texted … claiming', 'A number texted my dad claiming to be his bank and wanting his OTP', ['texted my dad claiming to be his bank and wanting his OTP']],
    ['call us asking', 'Call us asking for the promo code and we reserve your table', []],
    // "nó gửi / bắt" after an app or a new device is the thing, not a person reported; a person ("nó bảo") still is.
    ['thing: app sends', 'Zalo mình đăng nhập máy mới nó gửi mã về số bạn, chụp gửi mình với', []],
    ['thing: app requires', 'fb t bị khóa, nó bắt xác minh qua bạn bè, có code gửi về sđt m đó', []],
    ['person sends', 'Có đứa lạ kết bạn rồi nó gửi link bảo bấm vào nhận quà', ['nó gửi link bảo bấm vào nhận quà']],
    ['caller says', 'Tối qua điện thoại reo, nó bảo là công an, yêu cầu chuyển tiền', ['nó bảo là công an, yêu cầu chuyển tiền']],
    ['sender says', 'Zalo hiện tin nhắn lạ, nó bảo mình chuyển khoản trước', ['nó bảo mình chuyển khoản trước']],
    // A page that replied to the writer ("có page tên X rep cmt em bảo…"), and the passive "thì được bảo / bị bắt"
    // (was told, was made to): someone else's words, told.
    ['page replied', 'Có page tên Vietlott rep cmt e bảo e trúng giải 50tr, nhắn tin để nộp thuế. Lừa đúng hk mn?', ['Có page tên Vietlott rep cmt e bảo e trúng giải 50tr, nhắn tin để nộp thuế']],
    ['was told', 'Mình nhắn hỏi thì được bảo đặt cọc nguyên liệu 600k, giao thành phẩm sẽ hoàn. Mình cọc luôn.', ['thì được bảo đặt cọc nguyên liệu 600k, giao thành phẩm sẽ hoàn']],
    ['will be guided', 'Đăng ký xong bạn sẽ được hướng dẫn nạp tiền kích hoạt', []],
    // Hearsay ("thấy bảo", "nghe nói"): what people say, told; "thay bao bì" (replace the packaging) is no "thấy bảo".
    ['heard say', 'Mẹ nào biết khóa này không ạ? Thấy bảo học xong phải mua gói đại lý 3 triệu, nghe đa cấp quá', ['Thấy bảo học xong phải mua gói đại lý 3 triệu, nghe đa cấp quá']],
    ['heard that', 'Nghe nói chủ trọ đó đòi chuyển cọc trước mới cho xem phòng. Có ai thuê rồi chưa?', ['Nghe nói chủ trọ đó đòi chuyển cọc trước mới cho xem phòng']],
    ['replace the packaging', 'Chị thay bao bì giúp em rồi chuyển khoản 200k nhé', []],
    ['goosebumps', 'Nghe nổi da gà luôn, chương trình tri ân: chuyển phí 50k để nhận quà iPhone 15', []],
    ['how many, without accents', 'Ban thay bao nhieu nguoi da nhan thuong roi, chuyen phi 50k de nhan qua iphone 15 ngay', []],
    // A question about what the writer heard of or met is a mention up to its question mark; asking who wants a job
    // or a loan opens an offer, and a sentence without "?" asks nothing.
    ['question: knows', 'Co ai biet vu cho thue tai khoan ngan hang 3tr/thang khong? Nghe ngon qua', ['Co ai biet vu cho thue tai khoan ngan hang 3tr/thang khong']],
    ['question: tried', 'Mọi người đã từng vay app Tiền Nhanh chưa? Em thấy họ thu phí hồ sơ', ['Mọi người đã từng vay app Tiền Nhanh chưa']],
    ['question: anyone know', 'Does anyone know this "remote job" page paying 500k a day? Looks too good', ['Does anyone know this "remote job" page paying 500k a day']],
    ['question: the group asked', 'Ae cho hoi may trang ban xe tang vat gia 28tr la that hay lua vay? Em dinh mua', ['Ae cho hoi may trang ban xe tang vat gia 28tr la that hay lua vay']],
    ['the group asked who wants a job', 'Mọi người cho em hỏi ai cần việc làm thêm 300k/ngày không? Ib em', []],
    ['who wants a job', 'Ai làm CTV online cho shop không? Ib mình nha, lương 300k/ngày', []],
    ['no question mark', 'Ai biết tiếng Anh thì ib mình, lương 10tr', []],
  ])('%s: %s', (_rule, text, spans) => {
    expect(reported(text)).toEqual(spans);
  });

  it('not the text\'s own voice: a seller who asks, a manager who told "me" to invite you, a message it announces', () => {
    expect(reported('Shop nhắn em báo giá nhé, ib shop để được tư vấn')).toEqual([]);
    expect(reported('Chủ nhà đang ở xa, anh chuyển cọc giúp em để giữ phòng')).toEqual([]);
    expect(reported('Em là ship đây, đơn của chị Ngọc em giao rồi, chị ấy bảo shop ck phí hoàn hàng 45k cho em')).toEqual([]);
    expect(reported('My manager told me to invite you: earn $300 a day, DM me on Telegram.')).toEqual([]);
    expect(reported('Quý khách nhận được tin nhắn này vì tài khoản cần xác thực, vui lòng bấm link')).toEqual([]);
    // "bao" after words typed with accents is "bao" (guaranteed), not "bảo" (said); typed like them, it may be either.
    expect(reported('Ai cần vay gấp thì số này gọi em nhé bao duyệt hồ sơ, phí 500k')).toEqual([]);
    expect(reported('Cần tiền gấp alo số này nhắn zalo em bao đậu hồ sơ 100%')).toEqual([]);
    expect(reported('So nay goi em bao la trung thuong, dong phi 500k')).toEqual(['So nay goi em bao la trung thuong, dong phi 500k']);
    // "han" typed without accents may be "hắn" (he) — not with a comma before the verb: a deadline, then an order.
    expect(reported('Diem thuong cua quy khach sap het han, doi ngay tai link')).toEqual([]);
    expect(reported('Uu dai sap het han\ndoi ngay qua tang tai link')).toEqual([]);
    expect(reported('han doi chuyen 5 trieu vao tk an toan')).toEqual(['han doi chuyen 5 trieu vao tk an toan']);
    // A seller's own page that takes orders ("nhận", not "nhắn") or ships goods ("gửi hàng") is no one reporting.
    expect(reported('Bên mình có page nhận đặt cọc giữ phòng, chuyển khoản cọc trước 50% là giữ phòng')).toEqual([]);
    expect(reported('Shop có nick gửi hàng toàn quốc, cọc trước 30% qua stk 0123456789')).toEqual([]);
    expect(reported('Tuần rồi có page nhắn em đòi phí hồ sơ').length).toBe(1);
    // "Yêu cầu bà …" opening a sentence is the writer's order (a caller posing as police); after someone, a report.
    expect(reported('Tôi là cán bộ điều tra. Yêu cầu bà cài ứng dụng theo đường link dưới đây.')).toEqual([]);
    expect(reported('Yêu cầu bà chuyển tiền vào tài khoản tạm giữ')).toEqual([]);
    expect(reported('Sau đó, yêu cầu bà chuyển tiền vào tài khoản tạm giữ.')).toEqual(['yêu cầu bà chuyển tiền vào tài khoản tạm giữ']);
    // …and after a sentence that was itself reported, the story goes on: the press drops the subject ("[Người đó] yêu cầu bà …").
    const story = 'Ngày 5/3, bà H. nhận cuộc gọi của một người xưng là công an. Yêu cầu bà chuyển 500 triệu vào tài khoản tạm giữ.';
    expect(reported(story)).toContain('Yêu cầu bà chuyển 500 triệu vào tài khoản tạm giữ');
    expect(reported('Theo lời bà kể, kẻ gian gọi nhiều lần.\n- Yêu cầu bà chuyển tiền vào tài khoản tạm giữ')).toContain('Yêu cầu bà chuyển tiền vào tài khoản tạm giữ');
    // Not after any report: a fake officer tells what "kẻ gian" did, then gives his own order.
    expect(reported('Tôi là cán bộ điều tra. Kẻ gian đã dùng tên bà mở tài khoản. Yêu cầu bà chuyển tiền vào tài khoản an toàn.')).toEqual(['Kẻ gian đã dùng tên bà mở tài khoản']);
    // Mid-sentence after four spaces is no sentence opening.
    expect(reported('Đối tượng gọi điện nhiều lần. Sau đó    yêu cầu bà chuyển tiền.')).toContain('yêu cầu bà chuyển tiền');
  });

  it('a landlord, boss or seller whose ask the writer relays to the reader is the writer\'s own ask', () => {
    // A fake broker, a task-scam recruiter, a seller writing of itself: the ask is addressed to the reader.
    expect(reported('Chủ nhà bảo ai thuê thì cọc trước 2 tháng qua stk 0123456789, chủ nhà đang đi công tác')).toEqual([]);
    expect(reported('Ông chủ bảo các bạn mới vào thì nạp 500k để kích hoạt tài khoản nhận nhiệm vụ')).toEqual([]);
    expect(reported('Người bán yêu cầu anh chị chuyển khoản cọc trước 50% qua stk 0123456789 ạ')).toEqual([]);
    // Told to the writer, it stays a report.
    expect(reported('Chủ nhà bảo em chuyển cọc 2 tháng là gửi chìa khóa, chuyển xong thì chặn')).toEqual(['Chủ nhà bảo em chuyển cọc 2 tháng là gửi chìa khóa, chuyển xong thì chặn']);
  });
});

describe('isKeywordQuote: a quoted keyword to send is the text\u2019s own call to action', () => {
  it.each(['INFO', 'NV', 'JOB', 'VIEC123', ' YES '])('"%s" is a keyword', (quoted) => {
    expect(isKeywordQuote(quoted)).toBe(true);
  });

  it.each(['thầy', 'hacker mũ trắng', 'việc nhẹ lương cao', 'Chúc mừng bạn đã trúng thưởng', 'info'])('"%s" is a quotation', (quoted) => {
    expect(isKeywordQuote(quoted)).toBe(false);
  });
});

describe('scanItem: use vs. mention', () => {
  const scam = 'Tuyển cộng tác viên, việc nhẹ lương cao, nạp tiền làm nhiệm vụ, kết bạn zalo trong 24 giờ';

  it('the scam itself is flagged', () => {
    expect(scanItem(engine, { text: scam }).verdict).toBe('scam');
  });

  it('the same wording quoted in a warning is clean (capped below suspicious)', () => {
    const text = `Công an khuyến cáo, cảnh giác với tin "việc nhẹ lương cao", "nạp tiền làm nhiệm vụ", "kết bạn zalo": đây là lừa đảo.`;
    const v = scanItem(engine, { text });
    expect(v.warningContext).toBe(true);
    expect(v.verdict).toBe('clean');
  });

  it('quoted bait in a text without warning wording keeps its weight (scams quote their own bait)', () => {
    expect(scanItem(engine, { text: 'Bên em cần người "nạp tiền làm nhiệm vụ", inbox nhé' }).score).toBeGreaterThanOrEqual(70);
  });

  it('a quoted upper-case keyword to send is the text\u2019s own call to action; a quoted phrase is a mention', () => {
    // With some warning weight ("cảnh giác" 20) a mention weighs 0.4: the inbox ask counts 20 in its own voice, 8 quoted.
    const own = scanItem(engine, { text: 'Cảnh giác gì chứ, việc nhẹ lương cao thật mà, nhắn "INBOX" cho em' });
    expect(own.score).toBe(60);
    expect(own.verdict).toBe('suspicious');
    const quoted = scanItem(engine, { text: 'Cảnh giác gì chứ, việc nhẹ lương cao thật mà, nhắn "inbox cho em" nha' });
    expect(quoted.score).toBe(48);
    expect(quoted.verdict).toBe('clean');
  });

  it('reported speech ("đối tượng yêu cầu…") is a mention', () => {
    const text = 'Cảnh giác! Đối tượng yêu cầu nạp tiền làm nhiệm vụ và kết bạn zalo trong 24 giờ. Việc nhẹ lương cao là bẫy.';
    const v = scanItem(engine, { text });
    expect(v.verdict).toBe('clean');
  });

  it('warning wording does not hide a live request: a payment instruction with an account number to the reader', () => {
    const text = 'Cảnh giác page giả! Công an khuyến cáo. Việc nhẹ lương cao, nạp tiền làm nhiệm vụ: chuyển khoản vào stk 1903 4455 2210 nhé';
    const v = scanItem(engine, { text });
    expect(v.warningContext).toBe(true);
    expect(v.verdict).not.toBe('clean');
  });

  it('a negated warning word ("không cảnh giác" style denial) is not a warning', () => {
    const plain = scanItem(engine, { text: 'việc nhẹ lương cao, cảnh giác' });
    const negated = scanItem(engine, { text: 'việc nhẹ lương cao, không cảnh giác' });
    expect(plain.indicators.some((i) => i.patternId === 'warn-be-careful')).toBe(true);
    expect(negated.indicators.some((i) => i.patternId === 'warn-be-careful')).toBe(false);
  });

  it('a link to a host the text quotes while asking about it does not force scam', () => {
    const host = 'vcb-xacminh.web.app';
    const asking = scanItem(engine, {
      text: `Có người gửi mình link "${host}" bảo cập nhật, cảnh giác nhé, công an khuyến cáo rồi`,
      links: [`https://${host}/`],
    });
    expect(asking.verdict).toBe('clean');
    const inviting = scanItem(engine, { text: `Cập nhật tại ${host} ngay`, links: [`https://${host}/`] });
    expect(inviting.verdict).toBe('scam');
  });
});

describe('scanItem: letter-spaced text', () => {
  it('regex patterns also run inside a letter-spaced run (re-split into syllables), with offsets into the original', () => {
    expect(scanItem(engine, { text: 'thu nhập 5tr' }).indicators.some((i) => i.patternId === 'job-income-regex')).toBe(true);
    const spaced = 'Cơ hội: t h u n h ậ p 5tr mỗi tháng';
    const hit = scanItem(engine, { text: spaced }).indicators.find((i) => i.patternId === 'job-income-regex');
    expect(hit).toBeDefined();
    expect(hit && spaced.slice(hit.start, hit.end)).toBe(hit?.match);
    expect(hit?.match.startsWith('t h u')).toBe(true);
  });
});

describe('scanItem: words written together', () => {
  it('words glued by invisible characters and hashtags are read word by word, by phrases and regexes alike', () => {
    const glued = 'Tuyển\u200bcộng\u200btác\u200bviên, thu\u200cnhập 5tr';
    const ids = scanItem(engine, { text: glued }).indicators.map((i) => [i.patternId, i.match]);
    expect(ids).toContainEqual(['job-ctv', 'Tuyển\u200bcộng\u200btác\u200bviên']);
    expect(ids).toContainEqual(['job-income-regex', 'thu\u200cnhập 5tr']);
    const tagged = scanItem(engine, { text: 'Ai cần #viecnheluongcao #naptienlamnhiemvu thì xem' }).indicators.map((i) => i.patternId);
    expect(tagged).toEqual(expect.arrayContaining(['job-easy-work', 'job-task-topup']));
  });
});

describe('scanItem: hashtags (review)', () => {
  it('a warning word inside a hashtag is a label, not the text warning', () => {
    const tagged = scanItem(engine, { text: 'Nạp tiền làm nhiệm vụ, việc nhẹ lương cao, inbox #canhgiac #congankhuyencao' });
    expect(tagged.warningContext).toBe(false);
    expect(tagged.verdict).toBe('scam');
    const plain = scanItem(engine, { text: 'Nạp tiền làm nhiệm vụ, việc nhẹ lương cao, inbox. Cảnh giác! Công an khuyến cáo.' });
    expect(plain.warningContext).toBe(true);
    // A keycap emoji "#️⃣" before a word is no hashtag.
    const keycap = scanItem(engine, { text: '#️⃣Cảnh giác! Công an khuyến cáo: nạp tiền làm nhiệm vụ là lừa đảo' });
    expect(keycap.warningContext).toBe(true);
  });

  it('regexes run again only around a re-split word, and a hit never spans two windows', () => {
    const far = `thu nhập 5tr ${'bla '.repeat(150)}#naptien`;
    const hits = scanItem(engine, { text: far }).indicators.filter((i) => i.patternId === 'job-income-regex');
    // Found once, in the text as read (not a second time from the re-split window, which does not reach it).
    expect(hits).toHaveLength(1);
    const near = 'Cơ hội: #thunhap 5tr mỗi tháng';
    const hit = scanItem(engine, { text: near }).indicators.find((i) => i.patternId === 'job-income-regex');
    expect(hit && near.slice(hit.start, hit.end)).toBe('thunhap 5tr');
  });
});

describe('scanItem: an authority claim denied in its own clause', () => {
  it('"Tòa án không bao giờ gửi giấy triệu tập qua Zalo" drops the claim; the claim alone keeps it', () => {
    const e = compileWithPattern({ id: 'summons-online', family: 'bank-phishing', kind: 'regex', value: '\\bgiay trieu tap qua (zalo|mang)\\b', signal: 'authority', weight: 60 });
    const has = (text: string) => scanItem(e, { text }).indicators.some((i) => i.patternId === 'summons-online');
    expect(has('Tòa án gửi giấy triệu tập qua Zalo cho anh')).toBe(true);
    expect(has('Tòa án không bao giờ gửi giấy triệu tập qua Zalo')).toBe(false);
    expect(scanItem(e, { text: 'Tòa án không bao giờ gửi giấy triệu tập qua Zalo' }).score).toBe(0);
  });
});

describe('scanItem: teencode inside a letter-spaced run', () => {
  it('"c k t r ư ớ c" is re-split and expanded to "chuyen khoan truoc" for regexes', () => {
    const e = compileWithPattern({ id: 'ck-first', family: 'generic', kind: 'regex', value: '\\bchuyen khoan truoc\\b', signal: 'payment', weight: 30 });
    const text = 'nhớ c k t r ư ớ c nha';
    const hit = scanItem(e, { text }).indicators.find((i) => i.patternId === 'ck-first');
    expect(hit?.match).toBe('c k t r ư ớ c');
  });
});

describe('scanItem: link shape', () => {
  it('a messenger link, a shortener or a cheap TLD is a generic channel hint that never flags alone', () => {
    for (const [link, id] of [
      ['https://t.me/some_group', 'link-shape:messenger'],
      ['https://bit.ly/3abc', 'link-shape:shortener'],
      ['https://nhan-qua-tet.top/x', 'link-shape:tld'],
    ] as const) {
      const v = scanItem(engine, { text: 'Xem ở đây', links: [link] });
      expect(v.indicators.map((i) => i.patternId)).toContain(id);
      expect(v.verdict).toBe('clean');
    }
    expect(scanItem(engine, { text: 'x', links: ['https://vnexpress.net/a'] }).indicators).toEqual([]);
  });

  it('supports a scam family: lure + payment words + a messenger link', () => {
    const text = 'Việc nhẹ lương cao, thu nhập 5tr, tuyển cộng tác viên';
    const without = scanItem(engine, { text });
    const withLink = scanItem(engine, { text, links: ['https://t.me/viec_nhe'] });
    expect(withLink.score).toBe(without.score + 20);
  });
});


describe('scanItem: an official domain written with invisible characters or homoglyphs', () => {
  it('a zero-width space inside an official domain in the text still reads as that domain', () => {
    const v = scanItem(engine, { text: 'Chỉ giao dịch tại vietcom\u200Bbank.com.vn nhé' });
    expect(v.allowlisted).toContain('vietcombank.com.vn');
    expect(v.indicators.filter((i) => i.patternId.endsWith(':vietcombank'))).toEqual([]);
  });

  it('homoglyphs inside an official domain written in the text fold to it: no lookalike', () => {
    const v = scanItem(engine, { text: 'Chỉ giao dịch tại vіetcombank.com.vn nhé' }); // Cyrillic і
    expect(v.allowlisted).toContain('vietcombank.com.vn');
    expect(v.indicators.filter((i) => i.patternId.startsWith('idn-homograph'))).toEqual([]);
    expect(v.verdict).toBe('clean');
  });

  it('a homoglyph host that folds to an unofficial domain is still a homograph; so is the official one as a link', () => {
    const written = scanItem(engine, { text: 'Xác minh tại vіetcombank-xacminh.com ngay' });
    expect(written.indicators.some((i) => i.patternId === 'idn-homograph:vietcombank')).toBe(true);
    const linked = scanItem(engine, { text: 'xem', links: ['https://vіetcombank.com.vn/login'] });
    expect(linked.verdict).toBe('scam');
  });
});

describe('scanItem: a negated ask is no ask', () => {
  const has = (text: string, id: string): boolean => scanItem(engine, { text }).indicators.some((i) => i.patternId === id);

  it('drops a payment/credential indicator negated earlier in its clause, in both languages', () => {
    expect(has('Gửi mã OTP cho em ngay nhé', 'bank-otp')).toBe(true);
    expect(has('Ngân hàng không bao giờ gửi tin nhắn xin mã OTP của bạn', 'bank-otp')).toBe(false);
    expect(has('Bên mình không nạp tiền gì cả', 'job-deposit')).toBe(false);
    expect(has('Chuyển nạp tiền ngay', 'job-deposit')).toBe(true);
  });

  it('keeps the ask when the negation is conditional, contrasted, in another clause or only dotted evasion', () => {
    expect(has('Nếu không gửi mã OTP tài khoản sẽ bị khóa', 'bank-otp')).toBe(true);
    expect(has('Không cần thế chấp chỉ cần nạp tiền 500k', 'job-deposit')).toBe(true);
    expect(has('Em không nghe máy được, nạp tiền giúp em', 'job-deposit')).toBe(true);
    expect(has('c.k giúp e, nạp tiền vào s.t.k này', 'job-deposit')).toBe(true);
  });

  it('a warning that denies an ask scores clean, the ask itself does not', () => {
    expect(scanItem(engine, { text: 'Việc nhẹ lương cao, nạp tiền làm nhiệm vụ, nạp tiền trước' }).verdict).not.toBe('clean');
    expect(scanItem(engine, { text: 'Việc nhẹ lương cao thật, không nạp tiền trước' }).verdict).toBe('clean');
  });
});

describe('scanItem: more reported-speech markers', () => {
  it('"tự xưng" (self-styled) reports the caller\'s words; the same words addressed to the reader are used', () => {
    const reported = scanItem(engine, { text: 'Mẹ em vừa nhận cuộc gọi tự xưng công an bảo tài khoản bị khóa, phải đọc mã OTP. Cảnh giác nhé.' });
    const used = scanItem(engine, { text: 'Tài khoản bị khóa, phải đọc mã OTP ngay. Cảnh giác nhé.' });
    expect(reported.score).toBeLessThan(used.score);
    expect(reported.verdict).toBe('clean');
  });

  it('English "the scheme asks …" reports a scheme, it is not an instruction', () => {
    const v = scanItem(engine, { text: 'Police warn the scheme asks victims to share the mã OTP; cảnh giác' });
    expect(v.verdict).toBe('clean');
  });
});

describe('scanItem: negated hallmarks, narrated asks, more reporters', () => {
  const has = (text: string, id: string): boolean => scanItem(engine, { text }).indicators.some((i) => i.patternId === id);

  it('a negated hallmark is dropped; a conditional one ("không … thì") is kept', () => {
    expect(has('Bên mình không bao giờ bắt nạp tiền làm nhiệm vụ', 'job-task-topup')).toBe(false);
    expect(has('Không nạp tiền làm nhiệm vụ thì không rút được', 'job-task-topup')).toBe(true);
  });

  it('a narrated ask in a news text counts as a mention (clean); the same ask addressed to the reader is not', () => {
    const news = scanItem(engine, { text: 'Công an khuyến cáo: bà H. đã nạp tiền làm nhiệm vụ và mất 200 triệu.' });
    expect(news.verdict).toBe('clean');
    const ask = scanItem(engine, { text: 'Việc nhẹ lương cao, chị nạp tiền làm nhiệm vụ ngay nhé' });
    expect(ask.verdict).not.toBe('clean');
  });

  it('"anh ta nói …" and "có người rủ …" report someone else\'s words', () => {
    const reported = scanItem(engine, { text: 'Có người rủ mình nạp tiền làm nhiệm vụ, việc nhẹ lương cao. Cảnh giác nhé.' });
    const own = scanItem(engine, { text: 'Mình rủ bạn nạp tiền làm nhiệm vụ, việc nhẹ lương cao. Cảnh giác nhé.' });
    expect(reported.score).toBeLessThan(own.score);
  });
});

describe('scanItem: pronouns that are also other words', () => {
  // "hộ" (ủng hộ, căn hộ), "hạn" (a deadline) fold like the pronouns "họ", "hắn": typed with accents, only the pronoun
  // opens reported speech; typed without accents it still may.
  const used = 'Việc nhẹ lương cao, nạp tiền làm nhiệm vụ ngay nhé.';
  it('"ủng hộ bảo…", "hạn nhận…" are not "họ bảo", "hắn nhận"; "Họ bảo…" and "ho bao…" are', () => {
    const own = scanItem(engine, { text: used }).score;
    expect(scanItem(engine, { text: `Ủng hộ bảo đảm minh bạch: ${used.toLowerCase()}` }).score).toBe(own);
    expect(scanItem(engine, { text: `Hạn nhận hồ sơ hôm nay: ${used.toLowerCase()}` }).score).toBe(own);
    expect(scanItem(engine, { text: `Họ bảo: ${used.toLowerCase()}` }).score).toBeLessThan(own);
    expect(scanItem(engine, { text: `Cảnh giác, ho bao ${used.toLowerCase()}` }).score).toBeLessThan(scanItem(engine, { text: `Cảnh giác, ${used.toLowerCase()}` }).score);
  });
});

describe('scanItem: section breaks (U+2029)', () => {
  it('no indicator spans a section break; each part is still read', () => {
    const joined = scanItem(engine, { text: 'Page Nạp tiền\u2029làm nhiệm vụ mỗi ngày' });
    expect(joined.indicators.map((i) => i.patternId)).not.toContain('job-task-topup');
    expect(joined.indicators.map((i) => i.patternId)).toContain('job-deposit');
    const plain = scanItem(engine, { text: 'Page Nạp tiền làm nhiệm vụ mỗi ngày' });
    expect(plain.indicators.map((i) => i.patternId)).toContain('job-task-topup');
    const inside = scanItem(engine, { text: 'Page A\u2029Nạp tiền làm nhiệm vụ mỗi ngày' });
    expect(inside.indicators.some((i) => i.match === 'Nạp tiền làm nhiệm vụ')).toBe(true);
  });
});

describe('scanItem: a person named by initials is how a report writes about a case', () => {
  const initials = (text: string) => scanItem(engine, { text }).indicators.filter((i) => i.patternId === 'text-style:press-initials');

  it.each([
    ['Theo trình báo, ông T. (58 tuổi) đã chuyển tiền nhiều lần.', 'ông T.'],
    ['Chị N.T.H. (ngụ phường 7) cho biết đã bị lừa.', 'Chị N.T.H.'],
    ['Police said Mr K. lost his savings.', 'Mr K.'],
  ])('%s', (text, match) => {
    const found = initials(text);
    expect(found.map((i) => i.match)).toEqual([match]);
    expect(found[0]?.signal).toBe('warning');
    expect(text.slice(found[0]?.start, found[0]?.end)).toBe(match);
  });

  it.each([
    'Anh Tuấn ơi chuyển khoản giúp em',
    'em T ơi, chị chuyển rồi nhé',
    'Bà con ơi, ông Trần Văn T nhờ ủng hộ',
    'Chị H.T ơi',
    'Khánh T. chia sẻ',
  ])('no initials: %s', (text) => {
    expect(initials(text)).toEqual([]);
  });
});

describe('prepareScan', () => {
  it('compiles what a text needs in steps, and the verdict is the one scanItem gives without it', () => {
    const fresh = () => compileEngine(MINI_DATABASE, { now: new Date('2026-11-29T00:00:00Z') });
    const input = { text: 'Tuyển CTV, thu nhập 5 triệu mỗi tuần, chuyển khoản phí 300k vào stk 0123 xxx 789 rồi ib zalo' };
    const expected = scanItem(fresh(), input);
    expect(expected.indicators.some((i) => i.patternId === 'job-income-regex')).toBe(true);
    const prepared = fresh();
    // Out of time, each call still makes progress, so the loop ends; then there is nothing left for this text.
    let calls = 0;
    while (!prepareScan(prepared, input, () => false) && calls < 1000) calls++;
    expect(calls).toBeGreaterThan(0); // more than one expression was new
    expect(calls).toBeLessThan(1000);
    expect(prepareScan(prepared, input, () => false)).toBe(true);
    // Another text read in between does not change what is judged.
    scanItem(prepared, { text: 'chào cả nhà' });
    expect(scanItem(prepared, input)).toEqual(expected);
    expect(prepareScan(prepared, { text: '' }, () => false)).toBe(true);
  });
});

describe('isPastedMessage', () => {
  const pasted = (text: string): boolean => isPastedMessage(text, findQuotedSpans(text));
  it('quoted messages under a sender or a medium, and little else, are the text itself', () => {
    expect(pasted('Messenger - Hồng Nhung:\n"Bà ơi đang bận k"\n"Tui nhờ xíu, bà chuyển giúp tui 15tr vào số này trước được k, chiều tui gửi lại liền"')).toBe(true);
    expect(pasted('Tin nhắn: "Con đang cấp cứu, mẹ chuyển gấp 20 triệu vào số tài khoản này cho bác sĩ nhé"')).toBe(true);
    // "có", "được" in a frame are no talk about the quote.
    expect(pasted('Bạn có 1 tin nhắn mới từ Shopee:\n"Chúc mừng bạn trúng thưởng xe SH, vui lòng nộp phí 2 triệu vào stk 0123456789 để nhận xe"')).toBe(true);
    expect(pasted('Bạn đã được chọn!\n"Chúc mừng bạn trúng thưởng xe SH, vui lòng nộp phí 2 triệu vào stk 0123456789 để nhận xe"')).toBe(true);
  });
  it('a conversation told by one side, a verb of speaking, or words of the writer\'s own are no paste', () => {
    expect(pasted('Anh công an gọi: "Anh là cán bộ điều tra, em có liên quan đường dây rửa tiền".\nTôi: "Dạ em chỉ rửa bát thôi anh"')).toBe(false);
    expect(pasted('Hôm qua mẹ mình nhận được tin này, may mà gọi lại cho mình kiểm tra trước: "Con đang cấp cứu, mẹ chuyển gấp 20 triệu"')).toBe(false);
    expect(pasted('Bà ơi chuyển giúp tui 15tr vào số này nha')).toBe(false);
    // A frame that talks about the quote: a question, "this", a verb of receiving or showing.
    expect(pasted('Ai nhận được tin này chưa?\n"Chúc mừng bạn trúng thưởng xe SH, vui lòng nộp phí 2 triệu vào stk 0123456789 để nhận xe"')).toBe(false);
    expect(pasted('Mọi người ơi xem này:\n"Bạn được nhận 5 triệu hỗ trợ, bấm link bit.ly/abc nhập mã OTP để nhận"')).toBe(false);
    expect(pasted('Hôm qua có số lạ gửi:\n"Tài khoản của bạn bị khóa, cung cấp mã OTP cho nhân viên để mở"')).toBe(false);
    expect(pasted('Mẹ mình vừa nhận được tin này:\n"Con đang cấp cứu, mẹ chuyển gấp 20 triệu vào stk 0123456789 nhé"')).toBe(false);
  });
});
