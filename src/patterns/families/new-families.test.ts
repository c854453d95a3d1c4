/**
 * Behaviour of the `shopping-deposit` and `fake-support` families through the real engine and the bundled database:
 * realistic scam posts/comments (with accent-less, teencode and letter-spacing evasions) must be flagged and be
 * attributed to the family, and the honest look-alikes that use the same words — shops asking for a deposit or
 * offering COD, real hotline notices, advisories and news about these scams — must stay `clean`.
 *
 * These texts were written for this test from the shape of real posts; they are not the corpus (test/corpus), which
 * measures generalization and is not tuned against.
 */
import { describe, expect, it } from 'vitest';
import { compileEngine, scanItem, type Verdict } from '../../engine/index.ts';
import { assembleDatabase } from '../index.ts';

const engine = compileEngine(assembleDatabase());
const rulesOnly = compileEngine(assembleDatabase(), { model: null });

function scan(text: string): Verdict {
  return scanItem(engine, { text });
}

function describeVerdict(v: Verdict): string {
  const ids = [...new Set(v.indicators.map((i) => `${i.patternId}(${i.weight})`))].join(', ');
  return `${v.verdict} ${v.score}${v.warningContext ? ' (warning context)' : ''} [${ids}]`;
}

const SHOPPING_SCAMS: readonly string[] = [
  'Thanh lý iPhone 14 Pro Max 256GB hàng tịch thu hải quan giá chỉ 4tr, bao test 7 ngày. Không ship COD, chuyển khoản cọc 50% mới gửi hàng. Ib zalo 0936.xxx.812',
  'thanh ly iphone 15 pro max gia 3tr5, hang hai quan thanh ly, k ship cod, ck truoc 100% moi gui, lh zalo',
  'Pass gấp 2 vé concert hạng VIP giá gốc do bận việc đột xuất, ai lấy ck trước mình gửi vé qua zalo ngay, ai nhanh tay thì được',
  'du 2 ve chung ket AFF san My Dinh, ck truoc minh gui ve qua email, inbox minh',
  'Cho thuê phòng trọ full nội thất 1tr8/tháng gần ĐH Bách Khoa. Chủ nhà đang ở nước ngoài nên không dẫn xem được, bạn chuyển cọc 1 tháng giữ phòng mình gửi chìa khóa qua bưu điện.',
  'Cho thue can ho mini Cau Giay, khong xem phong truc tiep duoc, ban ck coc 2tr giu phong nhe, inbox minh',
  'Bán xe SH 2020 chính chủ giá rẻ 25tr do cần tiền gấp, ship xe tận nhà toàn quốc, đặt cọc trước 3tr để giữ xe, liên hệ zalo 0912 xxx 678',
  'Bán bé mèo Anh lông ngắn 2 tháng tuổi giá 1tr2, ship toàn quốc qua xe khách, cọc trước 50% để giữ bé, inbox em',
  'Voucher nghỉ dưỡng Vinpearl Phú Quốc giá rẻ chỉ 1tr2/đêm, chỉ còn 2 suất, chuyển khoản cọc 100% để giữ phòng, ib page',
  'Samsung S24 Ultra fullbox chi con 3tr, sl co han, chi nhan chuyen khoan, khong ship COD, ib',
  'Thanh lý lô hàng tịch thu: laptop, điện thoại giá từ 1tr. Shop không nhận COD, cọc trước 30% rồi ship. Kết bạn zalo để xem hàng',
  'T.h.a.n.h l.ý i.P.h.o.n.e 13 Pro giá 2tr, hàng hải quan, k ship cod, ck trước',
  'Cần cho thuê căn hộ 2PN giá 5tr/tháng, mình đang đi công tác nước ngoài, chuyển cọc 2 tháng mình gửi hợp đồng và chìa khóa qua chuyển phát nhanh',
  'Minh can nhuong lai phong khach san Da Nang 2 dem do ban viec, chuyen khoan truoc minh gui ma dat phong',
  'I am currently out of the country, the apartment is available. Send the deposit and I will mail you the keys. Contact me on WhatsApp.',
  'Puppies up for adoption, you only pay the shipping and crate fee. Send a small deposit to hold the puppy, contact me on WhatsApp',
  'Thanh lý iPhone 14 Prо Mаx hàng tịch thu hải quan giá 3tr, khôn​g ship COD, ck trước 100%, ib zalo',
  '𝗧𝗵𝗮𝗻𝗵 𝗹𝘆́ hàng tịch thu hải quan, không nhận COD, chuyển khoản trước',
  'Mình cần bán gấp Macbook Air M2 giá 5tr do chuyển công tác, máy còn bảo hành, chỉ giao dịch chuyển khoản, ai lấy ib mình',
  'Nhượng lại bé Poodle tiny 3 tháng tuổi, đã tiêm 2 mũi, ship toàn quốc bằng máy bay, cọc trước 1tr giữ bé',
  'Nhận đặt phòng khách sạn Đà Nẵng giá rẻ hơn Agoda 30%, chuyển khoản 100% giữ phòng, liên hệ zalo em Hương',
  'Selling iPhone 15 Pro Max brand new sealed for $250, no cash on delivery, payment before shipping via Zelle only',
  'Bán iPad Pro M2 giá 3tr5 do được tặng không dùng đến, cần bán nhanh, chỉ giao dịch chuyển khoản, mình ở xa không gặp được',
  'Chị có 2 vé máy bay Hà Nội - Sài Gòn 28 Tết, bận không đi được nên pass lại giá rẻ, em nào lấy ck cọc chị đổi tên',
  'Brand new PS5 for $150, shipping only, no local pickup, pay with Zelle or gift card',
];

const SHOPPING_HONEST: readonly string[] = [
  'Pass lại nồi chiên không dầu còn mới 90%, giá 500k, ai cần ib, ship COD hoặc qua lấy ở Cầu Giấy',
  'Shop nhận order hàng xách tay Nhật, cọc trước 50%, hàng về báo khách, ib zalo shop',
  'Thanh lý iPhone 12 cũ 64GB giá 7tr, máy zin, có bảo hành, ship COD toàn quốc, kiểm tra rồi thanh toán',
  'mk pass lại 2 vé concert hạng GA giá gốc, ai cần ib, giao vé trực tiếp ở HN nha, ko ck trước',
  'Cho thuê phòng trọ 2tr5/tháng, xem phòng trực tiếp, ký hợp đồng mới đặt cọc, liên hệ 0912 xxx 678',
  'Bán xe Vision 2019 chính chủ 18tr, xem xe tại nhà Hoàng Mai, có giấy tờ đầy đủ, ib hoặc gọi',
  'Nhà mình có 3 bé mèo con cần tìm chủ, tặng miễn phí, nhận trực tiếp tại Hà Đông',
  'Cục Hải quan tổ chức bán đấu giá hàng tịch thu theo quy định, thông tin trên cổng đấu giá quốc gia',
  'Cảnh giác lừa đảo: nhiều người bị lừa khi mua iPhone "hàng tịch thu hải quan" giá 3 triệu, đối tượng yêu cầu chuyển khoản cọc trước, không ship COD rồi chặn liên lạc',
  'Shop chuyên mỹ phẩm auth giá sỉ, chỉ nhận chuyển khoản, không ship COD, inbox để được báo giá',
  'Bán gấp laptop Dell cũ để đi du học, giá 6tr, gặp trực tiếp xem máy ở Thủ Đức',
  'Resort xin gửi quý khách chương trình combo nghỉ dưỡng 3N2Đ, đặt phòng qua website chính thức hoặc hotline 1900 xxxx',
  'Minh can pass ve xem phim CGV toi nay vi ban dot xuat, ai lay thi ib minh nhe',
  'Selling my two extra tickets to the game on Sunday at face value, happy to meet at the stadium gate and transfer in the official app',
  'We take a deposit after the viewing to hold the flat; contracts are signed at our office',
  'Shop đồ handmade nhận đặt làm theo yêu cầu, cọc trước 30% giá trị đơn, ship COD phần còn lại',
  'Nhà mình cho thuê phòng ở Mỹ Đình, 3tr/tháng, anh chị qua xem phòng rồi cọc 1 tháng, hợp đồng 6 tháng',
  'Mình dư 1 vé xem bóng đá tối nay do bận, ai đi thì qua lấy vé ở cổng sân, trả tiền mặt cũng được',
  'Tiệm bánh nhận đặt bánh kem sinh nhật, vui lòng cọc 50% qua chuyển khoản để giữ đơn, giao tận nơi nội thành',
  'Honda Head Phát Tiến: trả góp 0%, giao xe tận nhà, liên hệ zalo 0909 xxx 456',
  'Vé máy bay Tết đã mở bán, khách hàng đặt vé trên website, ứng dụng chính thức hoặc đại lý được ủy quyền',
  'Brand new PS5 for $499 at the official store, local pickup or delivery, pay by card',
];

const SUPPORT_SCAMS: readonly string[] = [
  'Shopee thông báo: đơn hàng của bạn bị trùng do lỗi hệ thống, để tránh bị trừ tiền vui lòng liên hệ CSKH Shopee qua Zalo 0936.xxx.812 để được hỗ trợ hủy đơn và hoàn tiền',
  'Chào chị, em là nhân viên CSKH của Lazada. Đơn hàng của chị bị lỗi thanh toán, chị cài ứng dụng hỗ trợ từ xa rồi gửi em mã ID UltraViewer để em thao tác hoàn tiền nhé',
  'Bạn bị đăng ký nhầm làm đại lý, mỗi tháng sẽ bị trừ tiền tự động hàng tháng, cần hủy ngay bằng cách kết bạn zalo nhân viên hỗ trợ',
  'Ai bị lừa đảo qua mạng, đầu tư sàn ảo liên hệ hotline 0912 xxx 678 để được hỗ trợ lấy lại tiền, uy tín 100%',
  'Mình đã lấy lại được 80 triệu nhờ anh Tuấn bên hỗ trợ thu hồi tiền lừa đảo, ai cần thì ib zalo anh ấy 0387 xxx 222',
  'Nhận thu hồi tiền lừa đảo, tiền đầu tư sàn ảo, không thành công không lấy phí, phí hồ sơ 2tr, inbox ngay',
  'Vietjet thông báo chuyến bay của quý khách bị hủy, để được hoàn tiền vé vui lòng bấm vào link vietjet-hoantien.top và nhập thông tin thẻ',
  'Tổng đài Shopee hỗ trợ 24/7: 0936.xxx.812, đơn hàng bị lỗi liên hệ ngay để được hoàn tiền',
  'Chao ban, ben minh la bo phan cskh ngan hang, tai khoan cua ban dang bi tru tien hang thang, ket ban zalo de huy, cai app anydesk de nhan vien ho tro',
  'don hang cua ban bi trung, ib zalo cskh shopee de duoc hoan tien nhanh nhat',
  'Đơn hàng lỗi bạn bấm link để hủy đơn, nhân viên sẽ hướng dẫn nhập mã OTP để hoàn tiền về tài khoản',
  'This is the Amazon refund department. We accidentally refunded you $4,000 instead of $40. Please install AnyDesk so our technician can fix it',
  'Your subscription auto-renewed for $399. If this was not you, call our customer support, they will guide you through the refund process: 1-888-xxx-0199',
  'I got back all my money thanks to Mr. Hudson, a recovery expert. Contact him on WhatsApp +1 555 0100',
  'C S K H Shopee qua Z.a.l.o 0936xxx812, đơn hàng bị trùng cần hủy để được hoàn tiền',
  'Ai bi lua dao dau tu san ao lh zalo 09xx de dc ho tro lay lai tien 100% thanh cong',
  'đơn hàng của bạn bị lỗi hệ thống, ib zl cskh shopee để đc hoàn tiền',
  'TikTok Shop thông báo: quý khách được hoàn tiền 1.250.000đ do đơn hàng lỗi, vui lòng nhập số thẻ và mã OTP tại link để nhận tiền hoàn',
  'Hotline hỗ trợ khách hàng ngân hàng 0969 xxx 456 (zalo), ai bị lỗi giao dịch, trừ tiền không nhận được liên hệ để được hoàn tiền',
  'Hi, I\'m from PayPal customer service. Your account was charged twice, download our remote desktop app so I can process the refund',
  'Bạn đặt hàng trên Shopee bị hủy? inbox mình, mình bên kỹ thuật Shopee hỗ trợ hoàn tiền trong 5 phút',
  'Em là nhân viên của Vietnam Airlines, chuyến bay bị hoãn nên anh chị được bồi thường 2 triệu, anh chị cung cấp số thẻ và mã OTP để em chuyển',
  'Microsoft Support: your computer is infected with a virus. Call 1-800-xxx-0199 immediately and do not turn off your PC',
  'WARNING virus detected on your device, call Apple support now to unlock',
];

const SUPPORT_HONEST: readonly string[] = [
  'Tổng đài CSKH Shopee: 1900 1221. Shopee không bao giờ yêu cầu khách hàng cung cấp mã OTP hay chuyển khoản để hoàn tiền.',
  'Vietcombank không bao giờ yêu cầu Quý khách cài đặt ứng dụng điều khiển từ xa. Mọi thắc mắc liên hệ tổng đài CSKH 1900 545413.',
  'Shop xin lỗi vì giao nhầm màu, bạn inbox shop mã đơn để được hỗ trợ đổi hàng hoặc hoàn tiền nhé',
  'Đơn hàng bị trùng, shop đã tự hủy một đơn cho bạn rồi nha, tiền sẽ hoàn về ví ShopeePay trong 24h',
  'Cảnh báo thủ đoạn giả danh nhân viên CSKH sàn thương mại điện tử: kẻ gian báo đơn hàng lỗi, yêu cầu cài ứng dụng UltraViewer, AnyDesk để "hoàn tiền" rồi chiếm đoạt tài sản. Người dân tuyệt đối không cài đặt ứng dụng theo hướng dẫn của người lạ.',
  'Hôm qua mình bị gọi điện xưng nhân viên Shopee bảo đơn bị lỗi cần hoàn tiền, bảo mình kết bạn zalo. Mình cúp máy luôn, mọi người cẩn thận nhé',
  'Mình lấy lại được tiền nhờ công an vào cuộc kịp thời và ngân hàng phong tỏa tài khoản, ai bị lừa thì trình báo công an ngay',
  'Yêu cầu hoàn tiền của bạn đã được chấp nhận. Tiền hoàn sẽ về số thẻ đã thanh toán trong 7-15 ngày làm việc.',
  'Phòng IT thông báo: ai cần hỗ trợ cài máy in thì gửi mã ID UltraViewer cho anh Nam bên kỹ thuật nhé',
  'Chăm sóc khách hàng Lazada: chat với Lazada trong ứng dụng hoặc gọi 1900 1007',
  'Cửa hàng điện thoại Minh An, hotline/zalo 0909 xxx 123, CSKH 24/7, bảo hành 12 tháng',
  'Công an khuyến cáo: không có dịch vụ nào lấy lại được tiền bị lừa, các đối tượng giả danh luật sư, hacker hứa thu hồi tiền lừa đảo để chiếm đoạt thêm phí',
  'Customer support is available in the app 24/7. We will never ask you to install remote access software.',
  'Our IT helpdesk may ask you to run the remote support tool during office hours; tickets are opened on the intranet',
  'Sản phẩm lỗi bạn inbox shop hoặc nhắn zalo 0909 xxx 123 để được hoàn tiền nhé',
  'Shop hoàn tiền qua ngân hàng trong 24h nếu hàng lỗi, chat zalo shop 0909 xxx 789',
  'Vietcombank: tổng đài CSKH 1900 545413, Zalo Official Account Vietcombank để được hỗ trợ',
  'Xin lỗi vì sự bất tiện, Tiki sẽ hoàn tiền vào tài khoản Tiki Xu của bạn trong 24h, bạn kiểm tra trong mục Đơn hàng của tôi nhé',
  'Ngân hàng thông báo: nếu giao dịch bị lỗi trừ tiền, quý khách liên hệ tổng đài 1900 xxxx hoặc đến quầy giao dịch gần nhất',
  'Anh em cài AnyDesk để bên mình hỗ trợ cài phần mềm kế toán từ xa nhé',
  'Em bên kỹ thuật cửa hàng điện máy, anh chị cần lắp đặt điều hòa thì gọi em 0909 xxx 111 nha',
  'Chuyến bay bị hủy, Vietnam Airlines hoàn tiền vé về phương thức thanh toán ban đầu, khách hàng tra cứu trên website',
  'My computer was infected with a virus last week, so I reinstalled Windows myself',
];

function expectFlagged(text: string, family: string): void {
  const v = scan(text);
  expect(v.verdict, describeVerdict(v)).not.toBe('clean');
  expect(
    v.indicators.some((i) => i.family === family),
    describeVerdict(v),
  ).toBe(true);
}

function expectClean(text: string): void {
  const v = scan(text);
  expect(v.verdict, describeVerdict(v)).toBe('clean');
}

describe('shopping-deposit family', () => {
  it.each(SHOPPING_SCAMS)('flags %s', (text) => {
    expectFlagged(text, 'shopping-deposit');
  });

  it.each(SHOPPING_HONEST)('leaves clean %s', (text) => {
    expectClean(text);
  });

  // A homestay taking a room deposit by transfer through its page: the rules leave it clean (45: an upfront transfer
  // and an inbox, no lure). The session-11 text model (12,000 features) reads it at 0.99, like the fake homestay
  // pages of the corpus, and marks it `suspicious` — never `scam`. Kept on the evidence of text no model had seen: of
  // 120 honest deposit posts written blind (benign-tune26: homestays, tours, pre-orders…) a session-11 candidate model
  // (9,000 features, before tune26 joined the training) flagged 1, as the session-10 model did, and on the 600 scams of
  // tune22–25 it caught 37 more than the session-10 model with no more false warnings (test/corpus/README.md).
  it('an honest homestay deposit: clean by the rules; the model may mark it suspicious, never scam', () => {
    const text = 'Homestay Đà Lạt view đồi thông, cọc giữ phòng 50%, chuyển khoản trước, ib page để đặt phòng';
    const rules = scanItem(rulesOnly, { text });
    expect(rules.verdict, describeVerdict(rules)).toBe('clean');
    const v = scan(text);
    expect(v.verdict, describeVerdict(v)).not.toBe('scam');
    expect(v.indicators.filter((i) => i.weight > 0 && i.kind !== 'model').map((i) => i.patternId).sort()).toEqual(
      rules.indicators.filter((i) => i.weight > 0).map((i) => i.patternId).sort(),
    );
  });

  it('ranks itself first for a fake "hàng tịch thu" seller, and a lure without any ask stays clean', () => {
    expect(scan(SHOPPING_SCAMS[0] ?? '').categories[0]).toBe('shopping-deposit');
    const lureOnly = scan('Thanh lý hàng tịch thu hải quan, iPhone 15 Pro Max giá 4tr');
    expect(lureOnly.verdict, describeVerdict(lureOnly)).not.toBe('scam');
    expect(lureOnly.indicators.some((i) => i.family === 'shopping-deposit')).toBe(true);
    const askOnly = scan('Không ship COD, chỉ nhận chuyển khoản, ib shop');
    expect(askOnly.verdict, describeVerdict(askOnly)).toBe('clean');
  });
});

describe('fake-support family', () => {
  it.each(SUPPORT_SCAMS)('flags %s', (text) => {
    expectFlagged(text, 'fake-support');
  });

  it.each(SUPPORT_HONEST)('leaves clean %s', (text) => {
    expectClean(text);
  });

  it('ranks itself first for a fake CSKH on Zalo, and the real hotline notice carries no fake-support indicator', () => {
    expect(scan(SUPPORT_SCAMS[0] ?? '').categories[0]).toBe('fake-support');
    const real = scan('Tổng đài chăm sóc khách hàng Shopee 1900 1221, hỗ trợ 24/7');
    expect(real.indicators.filter((i) => i.family === 'fake-support')).toEqual([]);
  });
});
