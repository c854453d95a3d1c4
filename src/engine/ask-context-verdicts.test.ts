/**
 * Verdicts with the bundled database for texts where a negation or a past-tense marker sits near an ask: the checks of
 * ask-context.ts must neither hide a real scam nor flag a real advisory.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleDatabase } from '../patterns/index.ts';
import { compileEngine, type Engine } from './compile.ts';
import { scanItem } from './scan-item.ts';

let engine: Engine;
beforeAll(() => {
  engine = compileEngine(assembleDatabase());
});

describe('negations about something else do not hide the ask (bundled database)', () => {
  it.each([
    '✅ Không cần thế chấp ✅ Đóng phí bảo hiểm khoản vay 10% trước khi giải ngân ✅ Liên hệ zalo 0912345678',
    'Giải ngân nhanh không cần thẩm định đóng phí bảo hiểm 10% trước khi nhận tiền',
    'Hỗ trợ nợ xấu đóng phí hồ sơ 500k trước khi giải ngân, liên hệ zalo 0912345678',
    'Cảm ơn quý khách đã tin dùng Vietcombank vui lòng cung cấp mã OTP và mật khẩu qua link vcb-xacthuc.com',
    'Dạ nạp 500k kích hoạt tài khoản ạ. Dạ chuyển khoản trước giúp em nhé, dạ cung cấp mã OTP',
    'Vay Tiền Không Thế Chấp · 2 giờ\u2029Đóng phí hồ sơ 500k trước khi giải ngân, liên hệ zalo 0912345678',
  ])('%s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('scam');
  });
});

describe('advice against installing a bank app from a file is no ask (bundled database)', () => {
  it.each([
    'Lưu ý khi dùng app ngân hàng: không tải file apk, không bấm link lạ, không cung cấp OTP.',
    'Mẹ ơi, app ngân hàng thì tải trên CH Play thôi, đừng cài file apk ai gửi nha',
    'Hướng dẫn cài app BIDV SmartBanking: vào App Store hoặc CH Play, gõ BIDV, bấm cài đặt. Không cài bản apk trôi nổi.',
  ])('clean: %s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });

  it.each([
    'Cài app ngân hàng bản mới qua file apk tại link này để xác thực',
    'Không cài app ngân hàng bản mới qua file apk thì tài khoản sẽ bị khóa',
  ])('still a scam: %s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('scam');
  });
});

describe('"cam kết" is not "cấm" (bundled database)', () => {
  it('the deposit ask after "Cam kết lợi nhuận…" counts', () => {
    const text = 'Cam kết lợi nhuận 30% mỗi tháng nạp tối thiểu 5 triệu';
    const verdict = scanItem(engine, { text });
    const ask = verdict.indicators.find((i) => i.match === 'nạp tối thiểu');
    expect(ask?.signal).toBe('payment');
    expect(verdict.verdict).not.toBe('clean');
    // Lures (40 at most once over the same words) + the ask: the ask's weight is in the score.
    const withoutAsk = scanItem(engine, { text: 'Cam kết lợi nhuận 30% mỗi tháng' });
    expect(verdict.score - withoutAsk.score).toBe(ask?.weight);
  });
});

describe('a scam speaking in its own voice is not reported speech (bundled database)', () => {
  it.each([
    'Security notice: we are asking customers to confirm their card number and OTP code at the link below within 24 hours or the account will be suspended.',
    'Chị ơi, cô A kế toán nhờ em báo chị chuyển khoản gấp 50tr vào stk 0123456789 nha',
    'Hồ sơ vay của bạn không đạt yêu cầu nộp phí bảo hiểm khoản vay 2tr để được giải ngân',
    'Không yêu cầu kinh nghiệm, phí đào tạo 500k đóng trước khi nhận việc',
    'Tôi là cán bộ Viện kiểm sát, ông liên quan vụ án rửa tiền, yêu cầu ông chuyển tiền vào tài khoản tạm giữ ngay hôm nay.',
  ])('%s', (text) => {
    expect(scanItem(engine, { text }).verdict).not.toBe('clean');
  });
});

describe('advisories that deny the ask stay clean (bundled database)', () => {
  it.each([
    'Tổng công ty Điện lực lưu ý: EVN không gọi điện yêu cầu cài đặt ứng dụng lạ hay chuyển tiền vào tài khoản cá nhân.',
    'Vietcombank không bao giờ yêu cầu khách hàng cung cấp mã OTP, mật khẩu qua điện thoại hay tin nhắn.',
    'Chúng tôi không bao giờ yêu cầu quý khách chuyển khoản trước phí kích hoạt để nhận khoản hỗ trợ.',
    // Reported speech and news wording around the ask (session 3).
    'Người dân phản ánh nhận cuộc gọi đề nghị chuyển tiền vào tài khoản để xác minh, công an khuyến cáo không làm theo.',
    'Residents reported calls from people claiming to be immigration police, asking them to transfer money to a safe account.',
    'Công ty không thu phí đồng phục, phí đào tạo hay phí giữ chỗ dưới bất kỳ hình thức nào.',
    // A standing rule over a list of channels, and reported speech introduced by "xưng" (session 4).
    'Ngân hàng KHÔNG BAO GIỜ gửi email, tin nhắn Zalo có gắn đường dẫn yêu cầu khách hàng nhập mật khẩu hay mã OTP. Mọi thắc mắc gọi tổng đài.',
    'Cho em hỏi, số lạ gọi tới nhà em xưng là cán bộ thuế, bảo em cài ứng dụng qua link rồi khai báo tài khoản ngân hàng, vậy có phải lừa đảo không ạ?',
    'Bố mình tuần trước nhận điện thoại xưng là cán bộ Viện kiểm sát, bảo bố liên quan vụ án rửa tiền, yêu cầu chuyển tiền vào tài khoản tạm giữ. May mà bố gọi cho mình trước.',
    // Reported speech without a named speaker, a first-person story, a rule over a list of asks (session 7).
    'Mọi người ơi số lạ gọi em hai lần bảo bên nhà mạng sắp khóa sim nếu không cập nhật, thật không ạ?',
    'Hôm qua có đứa gọi mẹ mình xưng bên điện lực, bảo nợ tiền điện phải đóng ngay kẻo cắt.',
    'Lost $500 last month to a remote job that asked me to deposit money to unlock higher tasks. Reported it to my bank.',
    'We will never ask you to pay a fee, share your OTP or provide your card details. Call the number on the back of your card.',
    'Quỹ không tiếp nhận tiền qua tài khoản cá nhân, mọi khoản ủng hộ xin chuyển vào tài khoản của Quỹ.',
  ])('%s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });
});

describe('a threat after "không nộp …" is a condition, not a denial (bundled database)', () => {
  it('"Sau 17h không nộp anh chuyển hồ sơ lên huyện" keeps its threat', () => {
    const verdict = scanItem(engine, { text: 'Sau 17h không nộp a chuyển hồ sơ lên huyện' });
    expect(verdict.indicators.some((i) => i.signal === 'pressure')).toBe(true);
  });
});

describe('session-4 review: the new context rules keep these scams flagged (bundled database)', () => {
  it.each([
    // A disowning about something else, in another clause.
    'Nạp tiền làm nhiệm vụ nhận hoa hồng 30%, các trang khác đều là giả mạo',
    // "told me to" with a speaker of the text's own side is no report (session 7).
    'My manager told me to invite you: earn $300 a day liking videos, just deposit $50 to activate your account, DM me on Telegram.',
    // "bao" (guaranteed) is not "bảo" (said): "số này gọi em nhé bao duyệt…" is the lender's own offer (session-7 review).
    'Ai cần vay gấp thì số này gọi em nhé bao duyệt hồ sơ, chỉ cần đóng phí bảo hiểm khoản vay 500k vào stk 0123456789',
    'Đóng phí bảo hiểm 1 triệu để giải ngân, app này không phải của Trung Quốc',
    'Anh chuyển khoản 2 triệu phí hồ sơ vào STK 0123456789 để giải ngân, tài khoản này không phải của công ty mà là tài khoản của kế toán nhé anh',
    'Kết bạn zalo 0987654321 để được hỗ trợ lấy lại tiền, các số khác đều là giả mạo',
    'Please send the $200 clearance fee via gift card, this message is not from a robot',
    // "thông báo", "bắt buộc" after a message word are no reported speech.
    'Tin nhắn này là thông báo từ Vietcombank: tài khoản của quý khách sẽ bị khóa, vui lòng đăng nhập vcb-xacthuc.com để xác thực mã OTP',
    'Số điện thoại của quý khách bắt buộc phải chuẩn hóa thông tin thuê bao trong hôm nay, vui lòng cung cấp mã OTP để được hỗ trợ nếu không sẽ bị khóa 2 chiều',
    'Số điện thoại bắt buộc phải chuẩn hóa thông tin thuê bao trong hôm nay, vui lòng cung cấp mã OTP để được hỗ trợ nếu không sẽ bị khóa 2 chiều',
    'Em gọi điện thoại thông báo anh đã trúng thưởng xe SH, anh chuyển khoản phí trước bạ 5 triệu vào STK 0123456789 để nhận xe',
    'Tin nhắn từ ngân hàng yêu cầu quý khách cập nhật thông tin tại link vcb-update.com trước 17h hôm nay',
    // A standing rule, then a request of another subject.
    'Ngân hàng không bao giờ gọi điện yêu cầu cung cấp OTP, hệ thống yêu cầu nhập mã OTP tại vcb-xacminh.com',
    // Initials in a vocative, and "không phải lừa đảo" (a denied warning word).
    'Chị H. ơi, không phải lừa đảo đâu, chị nạp tiền làm nhiệm vụ qua app-nhiemvu.com',
  ])('%s', (text) => {
    expect(scanItem(engine, { text }).verdict).not.toBe('clean');
  });
});

describe('a fee stated as zero asks nothing (bundled database)', () => {
  it('"Phí nhận thưởng: 0đ" in a parody stays clean; the same words with an amount still ask', () => {
    const parody = 'Chúc mừng quý khách đã trúng thưởng 01 bài giảng của mẹ vì thức khuya. Phí nhận thưởng: 0đ. Thời hạn nhận: ngay bây giờ.';
    const parodyVerdict = scanItem(engine, { text: parody });
    expect(parodyVerdict.verdict).toBe('clean');
    const scam = 'Chúc mừng quý khách đã trúng thưởng xe SH. Phí nhận thưởng: 1tr5. Thời hạn nhận: ngay bây giờ.';
    expect(scanItem(engine, { text: scam }).verdict).not.toBe('clean');
  });
  it('a fee of "0,5 triệu" or "không mất nhiều, chỉ 300k" is a fee', () => {
    const half = scanItem(engine, { text: 'Chúc mừng quý khách đã trúng thưởng xe SH. Phí nhận thưởng: 0,5 triệu. Thời hạn nhận: ngay bây giờ.' });
    expect(half.indicators.some((i) => i.signal === 'payment' && i.match.startsWith('Phí nhận thưởng'))).toBe(true);
    const little = 'Chúc mừng quý khách đã trúng thưởng xe SH. Phí nhận thưởng không mất nhiều, chỉ 300k. Thời hạn nhận: ngay bây giờ.';
    expect(scanItem(engine, { text: little }).verdict).not.toBe('clean');
  });
  it('"free ship" after a transfer ask does not hide the transfer', () => {
    const text = 'Thanh lý iPhone 14 Pro Max giá 5 triệu, chuyển khoản trước free ship toàn quốc, inbox zalo 0912345678';
    const verdict = scanItem(engine, { text });
    expect(verdict.indicators.some((i) => i.signal === 'payment' && i.match === 'chuyển khoản trước')).toBe(true);
    expect(verdict.verdict).toBe('scam');
  });
});

describe('a notice that lists what it never asks (bundled database)', () => {
  it.each([
    'Vietcombank KHÔNG BAO GIỜ yêu cầu Quý khách:\n- Cung cấp mã OTP, mật khẩu qua điện thoại\n- Truy cập đường link lạ để cập nhật thông tin\n- Chuyển tiền vào tài khoản cá nhân để xác minh\nMọi thắc mắc xin gọi tổng đài in trên thẻ.',
    'Cảnh giác giả mạo! Sàn TMĐT không yêu cầu người mua:\n- Chuyển khoản ngoài ứng dụng để kích hoạt đơn\n- Tham gia nhóm Telegram làm nhiệm vụ đánh giá sản phẩm\n- Cung cấp mã OTP, mật khẩu ví',
    'Lưu ý: cơ quan công an sẽ không bao giờ yêu cầu người dân:\n1. Chuyển tiền vào tài khoản để xác minh\n2. Cài ứng dụng lạ\n3. Đọc mã OTP qua điện thoại',
  ])('clean: %s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });

  it.each([
    'Để nhận quà tri ân bạn cần:\n- Chuyển phí vận chuyển 30k vào stk 1903xxxx\n- Cung cấp mã OTP cho nhân viên để xác nhận',
    'Tuyển CTV làm tại nhà, không yêu cầu kinh nghiệm:\n- Đóng phí đồng phục 300k trước\n- Liên hệ zalo 0912xxx456 để nhận việc',
    'Chúng tôi không thu phí:\n- Chỉ cần chuyển khoản trước 50k phí kích hoạt\n- Cung cấp mã OTP cho nhân viên để xác minh tài khoản',
  ])('still flagged: %s', (text) => {
    expect(scanItem(engine, { text }).verdict).not.toBe('clean');
  });
});

describe('a pasted message with nothing said about it is the text’s own request (bundled database)', () => {
  it('flags the paste; the same quotes under a question stay a mention', () => {
    const paste = 'Messenger - Hồng Nhung:\n"Bà ơi đang bận k"\n"Tui nhờ xíu, tui chuyển khoản cho bên đối tác mà app bị lỗi hạn mức, bà chuyển giúp tui 15tr vào số này trước được k, chiều tui gửi lại liền, gấp lắm"';
    expect(scanItem(engine, { text: paste }).verdict).not.toBe('clean');
    const asked = 'Có phải lừa không mọi người, bạn mình nhắn: "Tui nhờ xíu, app bị lỗi hạn mức, bà chuyển giúp tui 15tr vào số này trước được k, chiều tui gửi lại liền"';
    expect(scanItem(engine, { text: asked }).verdict).toBe('clean');
  });
});

describe('"if anyone asks …, don’t" is advice against the ask (bundled database)', () => {
  it.each([
    'Mẹ ơi nếu có ai gọi bảo đọc mã OTP gửi về máy thì mẹ đừng đọc nhé, ngân hàng không bao giờ hỏi',
    'Mẹ ơi có ai gọi bảo đọc mã OTP gửi về máy thì mẹ đừng đọc nhé',
    'Nếu có người lạ gọi bảo chuyển tiền vào tài khoản tạm giữ thì bố mẹ đừng chuyển, báo công an ngay',
    'Nếu có ai nhắn xin mã OTP thì cúp máy, báo ngân hàng ngay',
    'neu co ai goi dien bao doc ma otp gui ve may thi me dung doc nhe',
    'If anyone calls asking for the 6-digit code we sent you, hang up.',
  ])('%s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });

  it.each([
    // The scam's own demand for secrecy is no advice against its ask.
    ['a demand for secrecy', 'Bác ơi con bên ngân hàng, bác đọc giúp con mã OTP vừa gửi về máy để con hủy giao dịch, đừng cho ai biết nha'],
    // The condition is answered before the ask: the ask stands on its own.
    ['a condition answered before the ask', 'Nếu ai hỏi thì nói là người nhà, giờ chị chuyển khoản phí 2 triệu vào số tài khoản này, đừng nói với ai'],
  ])('not %s', (_name, text) => {
    expect(scanItem(engine, { text }).verdict).not.toBe('clean');
  });

  // From the code review of this rule: a scam's own closing line ("đừng tin bên khác / các trang giả mạo / lời người
  // lạ") after an offer that opens with "Ai …" is no advice against its ask; "nhận" folds like "nhắn" but is no contact.
  it.each([
    ['Ai cần vay gấp nhắn em, đóng phí hồ sơ 500k trước khi giải ngân, đừng tin bên khác nhé', 'scam'],
    ['Ai muốn nhận quà tri ân, vui lòng đóng phí vận chuyển 35k, đừng tin các trang giả mạo', 'suspicious'],
    ['Ai nhận được tin nhắn trúng thưởng xe SH, vui lòng chuyển khoản phí trước bạ 2 triệu vào STK 0123456789 để nhận xe, đừng tin lời người lạ', 'suspicious'],
  ])('a scam that closes with "đừng tin …" keeps its ask: %s', (text, verdict) => {
    expect(scanItem(engine, { text }).verdict).toBe(verdict);
  });

  it('not an offer to whoever needs it ("Ai cần…": nobody else asks anything): its fee ask counts', () => {
    const text = 'Ai cần vay vốn gấp ib em, chuyển khoản phí hồ sơ 500k trước vào stk 0123xxx789, đừng chuyển cho bên khác nha';
    const verdict = scanItem(engine, { text });
    expect(verdict.indicators.filter((i) => i.signal === 'payment' && i.weight > 0).length).toBeGreaterThan(0);
  });
});

describe('what a bank does not send is denied: "không gửi đường link / SMS yêu cầu …" (bundled database)', () => {
  it.each(['TPBank không gửi đường link yêu cầu nhập số thẻ, mã OTP qua tin nhắn', 'Ngân hàng không bao giờ gửi SMS chứa đường link yêu cầu khách hàng cung cấp mã OTP'])('%s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });

  it('a link the text itself sends still asks', () => {
    const text = 'Không cần ra ngân hàng, chị bấm đường link này nhập số thẻ và mã OTP để nhận tiền hoàn nhé';
    expect(scanItem(engine, { text }).verdict).toBe('scam');
  });
});

it('"đó thì không nộp …", "do thi khong nop …" (typed without accents) stay conditions: the threat keeps its ask', () => {
  // The asks are kept (not denied); whether generic asks alone reach `suspicious` is up to the text model's lift, so
  // the verdict is checked where the text says more than the threat.
  for (const text of ['Sau đó thì không nộp phí xác minh sẽ bị khóa tài khoản', 'Qua 24h do thi khong nop phi xac minh se bi khoa tai khoan vinh vien']) {
    expect(scanItem(engine, { text }).indicators.map((i) => i.patternId), text).toContain('generic-nop-dong-phi');
  }
  const scam = 'Tài khoản Vietcombank của quý khách bị tạm khóa. Sau đó thì không nộp phí xác minh 500k qua link vcb-xacminh.com sẽ bị khóa vĩnh viễn';
  expect(scanItem(engine, { text: scam }).verdict).not.toBe('clean');
});

it('"sieu thi khong …" typed without accents is the supermarket, not "thì không": the negation denies the ask', () => {
  const text = 'Giai thuong nhan tai quay dich vu khach hang. Sieu thi khong goi dien hay nhan tin yeu cau nop phi nhan giai.';
  expect(scanItem(engine, { text }).verdict).toBe('clean');
  expect(scanItem(engine, { text: 'Neu ban khong nop phi nhan giai 500k qua stk nay thi mat giai' }).verdict).not.toBe('clean');
});

it('"không gọi điện hỏi mã … hay yêu cầu đóng phí": "hỏi" (ask for) governs the list like "yêu cầu", with or without accents', () => {
  for (const text of [
    'Nhan tien tai quay buu dien. Buu dien khong goi dien hoi ma MTCN hay yeu cau dong phi de nhan tien.',
    'Nhận tiền tại quầy bưu điện. Bưu điện không gọi điện hỏi mã MTCN hay yêu cầu đóng phí để nhận tiền.',
  ]) {
    expect(scanItem(engine, { text }).verdict, text).toBe('clean');
  }
});

describe('what victims were led into is told about: "bị dụ / bị lừa / bị dụ dỗ" + ask (bundled database)', () => {
  it('news that victims "bị dụ nạp tiền làm nhiệm vụ" is not a scam', () => {
    const text = 'Tin VTV sáng nay: lừa "việc nhẹ lương cao" nhắm vào tân sinh viên mùa nhập học, nhiều em bị dụ nạp tiền làm nhiệm vụ. Phụ huynh nhắc con giùm nha.';
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });

  it('a recovery offer to those victims still is', () => {
    const text = 'Bạn bị lừa nạp tiền làm nhiệm vụ? Bên mình hỗ trợ lấy lại tiền 100%, phí 10% trả trước, ib zalo 0912xxx345';
    expect(scanItem(engine, { text }).verdict).toBe('scam');
  });
});

describe('"không yêu cầu mã OTP", "never … or …": what a notice denies is denied (bundled database)', () => {
  it.each([
    'Vietnam Airlines không liên hệ qua Zalo cá nhân và không yêu cầu ảnh thẻ hay mã OTP để hoàn tiền.',
    'Hãng không yêu cầu mã OTP để hoàn tiền vé.',
    'A QR code can only SEND money. You never scan a code or enter your PIN to receive a refund.',
  ])('%s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });

  it('the same asks made are flagged', () => {
    for (const text of [
      'Để hoàn tiền vé bị hủy, anh vui lòng gửi ảnh thẻ và mã OTP để hoàn tiền qua Zalo này ạ.',
      'To receive your refund, scan the code and enter your PIN to receive a refund today.',
    ]) {
      expect(scanItem(engine, { text }).verdict, text).not.toBe('clean');
    }
  });
});

describe('a pattern whose gap crosses a negation of its own ask is denied with it (bundled database)', () => {
  it('"trúng thưởng thiệt thì không ai bắt chuyển tiền trước" is advice', () => {
    const text =
      "Mấy nay nhiều bà con nhận tin nhắn: 'Chúc mừng thuê bao đã trúng xe SH, vui lòng đóng phí 2.800.000đ để nhận giải'. Công an xã nhắc bà con: trúng thưởng thiệt thì không ai bắt chuyển tiền trước.";
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });

  it('"không cần chuyển phí vận chuyển": the negated verb is the first "chuyển", not the noun "vận chuyển"', () => {
    const text = 'Shop tặng quà tri ân khách cũ: để nhận quà bạn chỉ cần để lại địa chỉ, không cần chuyển phí vận chuyển nha';
    expect(scanItem(engine, { text }).indicators.filter((i) => i.signal === 'payment')).toEqual([]);
    const asked = 'Chúc mừng bạn đã trúng thưởng xe SH, để nhận quà vui lòng chuyển phí vận chuyển 350k vào stk 0123xxx';
    expect(scanItem(engine, { text: asked }).verdict).toBe('scam');
  });

  it('a negation about something else in the gap keeps the ask', () => {
    for (const text of [
      'Bạn đã trúng thưởng xe SH, không cần ra cửa hàng, chỉ cần chuyển phí 2 triệu để nhận giải',
      'Trúng thưởng xe SH thì không phải đến công ty, chuyển phí nhận giải 2 triệu vào stk này',
    ]) {
      expect(scanItem(engine, { text }).verdict, text).toBe('scam');
    }
  });
});

describe('a question about an offer is not the offer (bundled database)', () => {
  it('"Có ai biết vụ … không?" asks about what it names: clean; an offer after such a question still counts', () => {
    const question =
      'Co ai biet vu cho thue tai khoan ngan hang 2-3tr/thang khong? Co nguoi ib em bao chi can gui anh CCCD voi sim la co tien. Em thay nghe ngon qua nen hoi.';
    expect(scanItem(engine, { text: question }).verdict).toBe('clean');
    const offer = 'Có ai bị khóa Facebook không? Ib mình mở khóa trong 1 giờ, phí 300k chuyển trước.';
    expect(scanItem(engine, { text: offer }).verdict).not.toBe('clean');
  });
});

describe('session 25: names, clause breaks and brands (bundled database)', () => {
  it('a fine notice in the name of a police cybercrime unit is not an advisory; an electricity advisory still is', () => {
    const scam = scanItem(engine, {
      text: 'Cục An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao thông báo: tài khoản game của bạn tham gia cá cược trái phép. Nếu không nộp phạt 2.500.000đ trong 24h, hồ sơ sẽ chuyển về nhà trường. Nộp phạt tại anninhmang-nopphat.com.',
    });
    expect(scam.warningContext).toBe(false);
    expect(scam.verdict).not.toBe('clean');
    const advisory = scanItem(engine, {
      text: 'Điện lực Hà Nội cảnh báo thủ đoạn lừa đảo qua link, đòi thanh toán tiền điện nợ cước kẻo bị cắt điện trong hôm nay.',
    });
    expect(advisory.warningContext).toBe(true);
    expect(advisory.verdict).toBe('clean');
  });

  it('"het han, doi ngay" typed without accents is a deadline and an order, not "hắn đòi"', () => {
    const verdict = scanItem(engine, { text: 'Diem thuong cua quy khach sap het han, doi ngay tai link va cung cap ma OTP de nhan qua' });
    expect(verdict.verdict).not.toBe('clean');
    expect(verdict.score).toBeGreaterThan(45);
  });

  it.each([
    ['a VinFast dealer', 'https://vinfast-hanoi.com.vn'],
    ['a district VinFast dealer', 'https://vinfast-q7.vn'],
    ['a regional Sparkasse', 'https://sparkasse-hildesheim.de'],
    ['a shop two letters from Bách Hóa Xanh', 'https://bachhoaanh.vn'],
    ['a bakery in Đa Kao', 'https://banhmihoaloc-dakao.vn'],
  ])('no brand indicator on %s', (_name, link) => {
    const verdict = scanItem(engine, { text: 'Ghé cửa hàng tụi mình nhé', links: [link] });
    expect(verdict.indicators.filter((i) => i.kind === 'lookalike' || i.kind === 'brand-keyword-domain')).toEqual([]);
  });

  it.each([
    'https://auspost-vn-release.com',
    'https://sparkasse-pushtan-erneuerung.de',
    'https://unicef-vn-donate.org',
    'https://business-google-verify.com',
  ])('a brand next to a lure word is an impersonation: %s', (link) => {
    const verdict = scanItem(engine, { text: 'Xem chi tiết tại đây', links: [link] });
    expect(verdict.indicators.some((i) => i.kind === 'brand-keyword-domain')).toBe(true);
  });
});

describe('session 26: a scam that opens with a warning and sends the reader to a fake site (bundled database)', () => {
  it.each([
    '[Cảnh báo lừa đảo] Gần đây có nhiều kẻ mạo danh Vietcombank. Quý khách vui lòng cập nhật sinh trắc học CHỈ tại trang chính thức vcb-sinhtrachoc.com.vn trước 17h hôm nay để tránh bị khóa tài khoản.',
    'PSA: lots of scammers are out there pretending to be PayPal. To protect your account, verify your identity now at paypal-secure-verify.com. Failure to verify within 24 hours will result in permanent suspension.',
    'CẢNH GIÁC! Kẻ gian đang mạo danh EVN. Quý khách hàng chưa thanh toán tiền điện tháng 11 vui lòng thanh toán tại evn-thanhtoan.vip để không bị cắt điện.',
    // "sử dụng" is no "đừng"; a condition before a comma denies nothing; a colon before the host; an order opening it.
    '[Cảnh báo lừa đảo] Nhiều kẻ mạo danh ngân hàng. Để tiếp tục sử dụng vui lòng truy cập vcb-sinhtrachoc.com.vn trước 24h.',
    '[Cảnh báo lừa đảo] Nhiều kẻ mạo danh ngân hàng. Nếu quý khách không thực hiện giao dịch này, vui lòng truy cập vcb-sinhtrachoc.com.vn để hủy.',
    'PSA: scammers are pretending to be PayPal. If you did not authorize this payment, visit paypal-secure-verify.com to cancel it.',
    '[Cảnh báo lừa đảo] Nhiều kẻ mạo danh ngân hàng. Quý khách vui lòng cập nhật sinh trắc học CHỈ tại trang chính thức: vcb-sinhtrachoc.com.vn trước 17h.',
    'Công an thông báo: Quý vị là nạn nhân của các vụ lừa đảo trực tuyến có thể đăng ký nhận lại tiền tại Cổng thu hồi tài sản. Truy cập thuhoitaisan-bocongan.com, điền thông tin tài khoản ngân hàng và nộp phí xác minh 500.000đ.',
  ])('flagged: %s', (text) => {
    expect(scanItem(engine, { text }).verdict).not.toBe('clean');
  });

  it.each([
    // The site called fake, a visit denied, a visit told of, someone else's ask reported, a question about it.
    'CẢNH BÁO: Xuất hiện trang giả mạo Vietcombank tại địa chỉ vcb-sinhtrachoc.com. Quý khách tuyệt đối không truy cập và không nhập thông tin. Vietcombank chỉ cập nhật sinh trắc học trên ứng dụng VCB Digibank.',
    'Công an phường cảnh báo: các đối tượng gửi tin nhắn yêu cầu truy cập dichvucong-vneid.com để định danh mức 2. Đây là trang giả mạo, người dân chỉ làm tại trụ sở công an.',
    'PSA: if you get a text telling you to verify your account at paypal-secure-verify.com, it\'s a scam. Log in only through the PayPal app.',
    'Mình đã truy cập thử techcombank-uudai.xyz trên máy ảo để xem nó lừa thế nào: nó đòi nhập OTP ngay trang đầu. Mọi người cẩn thận.',
    'Got a text saying my Grab account will be suspended unless I verify my card at grab-verify-vn.com within 12 hours. I have never had issues with Grab before. Scam, right? Has anyone else received this?',
    // A visit told of, with what befell the visitor.
    'Cảnh báo lừa đảo! Mình truy cập vcb-sinhtrachoc.com.vn xong là bị trừ hết tiền, mọi người cẩn thận.',
    'Cảnh báo lừa đảo! Hôm qua mẹ mình vào trang vcb-sinhtrachoc.com.vn rồi bị mất sạch 200 triệu.',
    'Cảnh báo lừa đảo! Ai truy cập vcb-sinhtrachoc.com.vn là bị mất tiền.',
    // A pointing hand or an arrow introduces what was reported; it does not end the report.
    'Có người nhắn cho mẹ mình 👉 con đang cấp cứu, chuyển gấp 20 triệu vào tài khoản bệnh viện',
    'Đối tượng yêu cầu ➡ chuyển tiền vào tài khoản an toàn để phục vụ điều tra',
    'Có ai nhận được email này chưa? "Your Apple ID has been locked for security reasons. Please verify your information at appleid-support-verify.net within 24 hours or your account will be permanently disabled." Link nhìn giả quá mà mình vẫn lăn tăn',
  ])('clean: %s', (text) => {
    expect(scanItem(engine, { text }).verdict).toBe('clean');
  });
});
