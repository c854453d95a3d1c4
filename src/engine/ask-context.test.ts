import { describe, expect, it } from 'vitest';
import { isNarratedAsk, isNegatedAsk, isNegatedClaim, isNegatedContact, isNegatedWarning, isZeroFee } from './ask-context.ts';

/** Whether the ask starting at `word` (its first occurrence) is negated. */
const negated = (text: string, word: string): boolean => isNegatedAsk(text, text.indexOf(word), text.indexOf(word) + word.length);
const narrated = (text: string, word: string): boolean => isNarratedAsk(text, text.indexOf(word));
/** The same with the ask's end (the rules that read after the ask need it). */
const narratedSpan = (text: string, word: string): boolean => isNarratedAsk(text, text.indexOf(word), text.indexOf(word) + word.length);

describe('isNegatedAsk: a condition a few words before the negation', () => {
  it('"nếu trong 24 giờ anh không chuyển …" threatens, it does not deny; a plain negation still denies', () => {
    expect(negated('Nếu trong 24 giờ anh không chuyển 30 triệu vào tài khoản dưới đây, video sẽ bị phát tán.', 'chuyển 30 triệu')).toBe(false);
    expect(negated('If within two days you do not pay the fee, we will post it.', 'pay the fee')).toBe(false);
    expect(negated('Trong 24 giờ anh không chuyển 30 triệu vào tài khoản nào cả.', 'chuyển 30 triệu')).toBe(true);
  });

  it('a prohibition or a standing rule after the condition still denies; so does a negation after "thì"', () => {
    expect(negated('Nếu có ai nhắn tuyệt đối không chuyển tiền vào tài khoản lạ', 'chuyển tiền')).toBe(true);
    expect(negated('Nếu ai gọi bà con đừng chuyển tiền cho ai', 'chuyển tiền')).toBe(true);
    expect(negated('Nếu ai gọi xưng công an không bao giờ chuyển tiền', 'chuyển tiền')).toBe(true);
    expect(negated('Nếu lạ thì cả nhà mình không chuyển tiền', 'chuyển tiền')).toBe(true);
    expect(negated('If a stranger calls you never pay the fee.', 'pay the fee')).toBe(true);
    // "nêu" (state) folds like "nếu" (if).
    expect(negated('Công an nêu rõ cơ quan chức năng không yêu cầu người dân chuyển tiền', 'chuyển tiền')).toBe(true);
  });
});

describe('isNegatedAsk: a first-person threat right after the ask makes it a condition', () => {
  it('"ko ck 20tr … t gửi hết cho vợ con" threatens; a prohibition followed by something else still denies', () => {
    expect(negated('ko ck 20tr vào stk dưới trong 2 tiếng t gửi hết cho vợ con', 'ck 20tr')).toBe(false);
    expect(negated("Don't pay within 24 hours and we will post the video everywhere", 'pay')).toBe(false);
    expect(negated('Tuyệt đối không chuyển tiền vào tài khoản lạ, tôi gửi mọi người số đường dây nóng', 'chuyển tiền')).toBe(true);
    expect(negated('Không chuyển tiền cho người lạ qua mạng', 'chuyển tiền')).toBe(true);
    // After a prohibition ("đừng", "tuyệt đối không", "never", "don't") the writer's own "I'll send/post…" is help, not
    // a threat — unless "and/or" makes it the outcome ("don't pay and we will post…").
    expect(negated('Đừng đóng phí giải ngân khoản vay qua app nào hết tôi gửi mọi người số tổng đài chính thức', 'đóng phí')).toBe(true);
    expect(negated("Don't pay the release fee for any parcel from customs I will share the real hotline below", 'pay the release fee')).toBe(true);
    expect(negated('Mọi người tuyệt đối không nạp tiền làm nhiệm vụ trên app này tôi đăng bằng chứng bên dưới', 'nạp tiền')).toBe(true);
    expect(negated('Đừng báo công an, ko ck 20tr vào stk dưới trong 2 tiếng t gửi hết cho vợ con', 'ck 20tr')).toBe(false);
  });
});

describe('isNegatedAsk: the negation must govern the ask', () => {
  it.each([
    ['EVN không gọi điện yêu cầu khách hàng chuyển tiền vào tài khoản cá nhân', 'chuyển tiền'],
    ['Ngân hàng không bao giờ gửi tin nhắn xin mã OTP của bạn', 'mã OTP'],
    ['Bên mình không nạp tiền gì cả', 'nạp tiền'],
    ['Việc nhẹ lương cao thật, không nạp tiền trước', 'nạp tiền'],
    ['Bên mình không bao giờ bắt nạp tiền làm nhiệm vụ', 'nạp tiền'],
    ['Tuyệt đối không cung cấp mã OTP cho bất kỳ ai', 'mã OTP'],
    ['Chúng tôi ko thu phí trước', 'phí trước'],
    ['We will never ask you to share the code', 'share'],
    ['We will never call or text you asking for your OTP', 'OTP'],
    ['No extra fee', 'fee'],
    // Where the money would go stands between the negation and the account: "vào", "into".
    ['Công an không yêu cầu người dân chuyển tiền vào tài khoản tạm giữ', 'tài khoản tạm giữ'],
    ['Police do not ask anyone to move money into a safe account', 'safe account'],
    // Who is not asked: "người" + a word, and a few addressees besides "quý khách".
    ['Lưu ý: Garena không yêu cầu người chơi cung cấp mật khẩu', 'cung cấp mật khẩu'],
    ['Game không bắt người chơi nạp tiền để nhận quà', 'nạp tiền'],
    ['Ban tổ chức không đòi sinh viên đóng phí giữ chỗ', 'đóng phí'],
    ['Nhà trường không yêu cầu phụ huynh chuyển khoản học phí vào tài khoản cá nhân', 'chuyển khoản'],
    ['CLB không yêu cầu thành viên nộp phí giữ chỗ', 'nộp phí'],
  ])('negated: %s', (text, ask) => {
    expect(negated(text, ask)).toBe(true);
  });

  it.each([
    // The negation is about something else (another claim), the ask stands.
    ['✅ Không cần thế chấp ✅ Đóng phí bảo hiểm khoản vay 10% trước khi giải ngân', 'Đóng phí'],
    ['Giải ngân nhanh không cần thẩm định đóng phí bảo hiểm 10% trước khi nhận tiền', 'đóng phí'],
    ['Không cần gặp mặt chuyển khoản cọc trước 50%', 'chuyển khoản'],
    ['✅ Không cần kinh nghiệm ✅ Nạp 200k kích hoạt tài khoản', 'Nạp 200k'],
    ['No experience needed send a $50 training fee via Zelle', 'send'],
    ['Không cần thế chấp chỉ cần nạp tiền 500k', 'nạp tiền'],
    ['No credit check just pay the fee', 'pay'],
    // Words that fold like a negation but are not one.
    ['Hỗ trợ nợ xấu đóng phí hồ sơ 500k trước khi giải ngân', 'đóng phí'],
    ['Cảm ơn quý khách đã tin dùng Vietcombank vui lòng cung cấp mã OTP', 'cung cấp mã OTP'],
    ['Cam kết lợi nhuận 30% mỗi tháng nạp tối thiểu 5 triệu', 'nạp'],
    ['Nó bảo chuyển khoản trước', 'chuyển khoản'],
    // "dùng" after "không" is a verb of its own, not the addressee of "người dùng".
    ['AE công nhân có tk không dùng gửi thẻ + sim cho em', 'gửi thẻ'],
    // "người …" and "phụ huynh" are who is asked only after a verb of asking: otherwise the negation is about them
    // ("không cần người thân…"), or they are told, not asked ("không báo cho người nhà…"), or they are other words.
    ['Không cần người thân đóng phí trước 1 triệu để rút tiền', 'đóng phí'],
    ['Yêu cầu chị không thông báo cho người thân chuyển tiền vào tài khoản an toàn', 'chuyển tiền'],
    ['không phải người thân cũng được ck trước 30% để giữ suất', 'ck trước'],
    ['ko can nguoi quen nap 200k kich hoat tai khoan nhan viec', 'nap 200k'],
    ['Không phụ thu chuyển khoản trước 100% để giữ đơn', 'chuyển khoản'],
    ['Không cần thành viên đóng phí 500k là được rút tiền ngay', 'đóng phí'],
    // Conditional negations keep the ask.
    ['Nếu không gửi mã OTP tài khoản sẽ bị khóa', 'mã OTP'],
    ['If you do not pay the fee now the parcel returns', 'pay'],
    ['Không nạp tiền làm nhiệm vụ thì không rút được', 'nạp tiền'],
    // Another clause.
    ['Em không nghe máy được, nạp tiền giúp em', 'nạp tiền'],
    // Amount unit, not "không".
    ['Nhận 500 k chuyển khoản trước', 'chuyển khoản'],
    // A word with a letter hidden behind an emoji is not a negation ("kh🔒a" is "khóa", not "kh" + "a").
    ['Tài khoản sẽ bị kh🔒a, chuyển khoản phí mở ngay', 'chuyển khoản phí'],
    ['Tài khoản bị kh🔒a nộp phí mở khóa ngay', 'nộp phí'],
  ])('kept: %s', (text, ask) => {
    expect(negated(text, ask)).toBe(false);
  });

  it('a window cut mid-word is not read as a word of its own ("ok" is not "k")', () => {
    expect(negated(`${'x'.repeat(75)}ok mọi người nạp tiền`, 'nạp tiền')).toBe(false);
  });

  it('a quote mark is not a word: "never \'connect wallet\'" denies the quoted ask', () => {
    expect(negated("Never share your seed phrase and never 'connect wallet' to claim an airdrop", 'connect wallet')).toBe(true);
    expect(negated("Đừng bao giờ 'chuyển khoản trước' cho người lạ", 'chuyển khoản trước')).toBe(true);
    // Words keep their inner apostrophe: "don't" is still the negation.
    expect(negated("don't 'send' the code to anyone", 'send')).toBe(true);
  });

  it('a section break (U+2029) ends the clause: a page name does not negate the message', () => {
    expect(negated('Vay Tiền Không Thế Chấp · 2 giờ\u2029Đóng phí hồ sơ 500k', 'Đóng phí')).toBe(false);
    expect(negated('Không\u2029đóng phí', 'đóng phí')).toBe(false);
  });
});

describe('isNegatedAsk: "… thì không ai bắt …"', () => {
  it('nobody asks after "thì": a denial, not a condition', () => {
    const text = 'Công an xã nhắc bà con: trúng thưởng thiệt thì không ai bắt chuyển tiền trước.';
    const at = text.indexOf('chuyển tiền');
    expect(isNegatedAsk(text, at, at + 'chuyển tiền trước'.length)).toBe(true);
  });
  it('"thì không nộp …" (the reader not paying) and "nếu không ai …" stay conditions', () => {
    const threat = 'Sau đó thì không nộp phí xác minh sẽ bị khóa tài khoản';
    expect(isNegatedAsk(threat, threat.indexOf('nộp phí'), threat.indexOf('nộp phí') + 7)).toBe(false);
    const condition = 'Nếu không ai chuyển tiền trước thì đơn bị hủy';
    expect(isNegatedAsk(condition, condition.indexOf('chuyển tiền'), condition.indexOf('chuyển tiền') + 17)).toBe(false);
  });
});

describe('isNarratedAsk: a sentence that opens in the past', () => {
  it('tells what happened: "năm rồi", "tháng trước", "hôm qua", "last year" (and without accents where no word has one)', () => {
    expect(narratedSpan('Năm rồi tui đặt 200 cây giống trên mạng, không COD, ck trước 7 triệu là bị chặn.', 'ck trước')).toBe(true);
    expect(narratedSpan('Tháng trước mình gửi ảnh CCCD cho họ, còn đóng 150k phí hồ sơ rồi mới biết.', 'đóng 150k')).toBe(true);
    expect(narratedSpan('Hôm qua bác hàng xóm nghe máy, chuyển 20 triệu vào tài khoản tạm giữ.', 'chuyển 20 triệu')).toBe(true);
    expect(narratedSpan('Last year my aunt sent the OTP to a fake bank page.', 'sent the OTP')).toBe(true);
    expect(narratedSpan('Nam ngoai minh ck truoc 5tr cho shop ao la bi chan luon', 'ck truoc')).toBe(true);
    // "nhà" (a house) is no request particle "nha".
    expect(narratedSpan('Năm rồi nhà em ck trước 7 triệu cho shop cây giống là bị chặn.', 'ck trước')).toBe(true);
  });
  it('not when the sentence turns back to now or asks ("giờ ai cần…", "… nhé"), nor for look-alike words', () => {
    expect(narratedSpan('Tháng trước anh em đặt đều nhận hàng, giờ ai cần thì ck cọc 200k.', 'ck cọc')).toBe(false);
    expect(narratedSpan('Hôm qua anh gửi hàng rồi, em ck nốt 500k phí ship nhé.', 'ck nốt')).toBe(false);
    expect(narratedSpan('Hom qua anh gui hang roi, em ck not 500k phi ship nha', 'ck not')).toBe(false);
    // The reader addressed ("bạn", "nhanh tay") after "others already won yesterday" is the scam's own ask; a request
    // word typed without accents among accented ones still asks; "hoi truoc" may be "hỏi trước" (ask first).
    expect(narratedSpan('Hôm qua đã có 100 bạn nhận thưởng, bạn chuyển phí 50k để nhận quà iPhone 15', 'chuyển phí')).toBe(false);
    expect(narratedSpan('Hôm qua có 30 người đã nhận, nhanh tay chuyển phí 50k để nhận quà', 'chuyển phí')).toBe(false);
    expect(narratedSpan('Hôm qua anh gửi rồi, em ck nốt 500k giup anh', 'ck nốt')).toBe(false);
    expect(narratedSpan('Moi ban hoi truoc roi ck coc 500k giu hang', 'ck coc')).toBe(false);
    // "ký trước" (sign before) and "thắng rồi" (won) are no times; "thang roi" without accents may be either.
    expect(narratedSpan('Đăng ký trước 30/11, sau khi duyệt mẹ đóng 200k phí xác minh.', 'đóng 200k')).toBe(false);
    expect(narratedSpan('Bạn thắng rồi, nộp phí 500k để nhận quà.', 'nộp phí')).toBe(false);
    expect(narratedSpan('Thang roi ban trung thuong, nop phi 500k de nhan qua.', 'nop phi')).toBe(false);
    expect(narratedSpan('Chị chuyển khoản trước 50% giúp em, tháng trước shop hết hàng nhanh lắm.', 'chuyển khoản')).toBe(false);
  });
});

describe('isNarratedAsk', () => {
  it('an ask right after đã/vừa/từng/had/was is narrated', () => {
    expect(narrated('Bà H. đã nạp tiền làm nhiệm vụ', 'nạp')).toBe(true);
    expect(narrated('Mình vừa chuyển khoản cho nó', 'chuyển khoản')).toBe(true);
    // Since session 12 "bị lừa / bị dụ …" + ask is narrated too (below).
    expect(narrated('Bà ấy đã bị lừa chuyển khoản', 'chuyển khoản')).toBe(true);
    expect(narrated('She had sent the code', 'sent')).toBe(true);
    expect(narrated('da nạp tiền', 'nạp')).toBe(true);
  });
  it('what a victim was led into ("bị dụ", "bị lừa", "bị dụ dỗ", "bị lôi kéo" + ask) is narrated; "bị" + another verb is not', () => {
    expect(narrated('Nhiều em bị dụ nạp tiền làm nhiệm vụ', 'nạp')).toBe(true);
    expect(narrated('Mẹ tôi bị dụ dỗ đóng phí bảo hiểm', 'đóng phí')).toBe(true);
    expect(narrated('Con bị lôi kéo chuyển tiền vào sàn', 'chuyển tiền')).toBe(true);
    expect(narrated('bi lua chuyen khoan', 'chuyen khoan')).toBe(true);
    expect(narrated('Tài khoản bị khóa chuyển khoản phí mở ngay', 'chuyển khoản')).toBe(false);
    expect(narrated('Lừa chuyển khoản là tội', 'chuyển khoản')).toBe(false);
    expect(narrated('Dỗ chuyển khoản', 'chuyển khoản')).toBe(false);
  });
  it('"dạ" (polite yes), "vựa" and imperatives are not', () => {
    expect(narrated('Dạ nạp 500k kích hoạt tài khoản ạ', 'nạp')).toBe(false);
    expect(narrated('Vựa nạp tiền', 'nạp')).toBe(false);
    expect(narrated('Chị nạp tiền làm nhiệm vụ ngay', 'nạp')).toBe(false);
    expect(narrated(`${'x'.repeat(14)}xda nạp tiền`, 'nạp')).toBe(false);
  });
  it('an ask someone forced or demanded ("bắt", "đòi", "bắt đóng [phí…]") is told about, not made', () => {
    expect(narrated('Chỗ nào bắt đóng phí bảo hiểm khoản vay trước thì né', 'phí bảo hiểm')).toBe(true);
    expect(narrated('Chỗ nào bắt đóng phí trước thì né', 'đóng phí')).toBe(true);
    expect(narrated('Nó đòi chuyển cọc 2 triệu mới giao xe', 'chuyển cọc')).toBe(true);
    expect(narrated('Trang đó giờ đòi tui đóng phí hồ sơ 3 triệu', 'đóng phí')).toBe(true);
    expect(narrated('Họ bắt em đóng phí bảo hiểm trước', 'phí bảo hiểm')).toBe(true);
    expect(narrated('Chị đóng phí bảo hiểm trước giúp em', 'phí bảo hiểm')).toBe(false);
    // Review: the writer's own side forcing is its own terms, not a story.
    expect(narrated('Nhận hồ sơ vay tiêu dùng, bên em đòi phí hồ sơ 500k trước khi giải ngân nhé', 'phí hồ sơ')).toBe(false);
    expect(narrated('Hệ thống bắt nộp phí bảo hiểm khoản vay 10% để giải ngân', 'phí bảo hiểm')).toBe(false);
    expect(narrated('Bên em bắt cọc trước 30% nha khách', 'cọc trước')).toBe(false);
    expect(narrated('Mã QR dẫn sang trang giả ví điện tử, đòi nhập số thẻ và OTP', 'nhập số thẻ')).toBe(true);
    // Second review: a victim's passive and "that company / page" are told about.
    expect(narrated('Tôi bị họ bắt chuyển tiền cọc', 'chuyển tiền')).toBe(true);
    expect(narrated('Em bị đòi phí hồ sơ 2 triệu', 'phí hồ sơ')).toBe(true);
    expect(narrated('Công ty đó đòi phí hồ sơ 500k trước khi giải ngân', 'phí hồ sơ')).toBe(true);
    expect(narrated('Page đó bắt cọc trước 30%', 'cọc trước')).toBe(true);
    expect(narrated('Hệ thống bắt nộp phí bảo hiểm khoản vay'.normalize('NFD'), 'phí bảo hiểm'.normalize('NFD'))).toBe(false);
    // "bắt buộc" (mandatory), "đổi" (change) and a verb of paying without a verb of forcing are not.
    expect(narrated('Hệ thống bắt buộc đóng phí bảo hiểm khoản vay', 'phí bảo hiểm')).toBe(false);
    expect(narrated('Vui lòng đổi mật khẩu ngay', 'mật khẩu')).toBe(false);
    expect(narrated('Anh đóng phí bảo hiểm khoản vay giúp em', 'phí bảo hiểm')).toBe(false);
  });
});

describe('isNegatedWarning', () => {
  it('"không lừa đảo", "no scam", "nói không với lừa đảo"; not "nợ lừa đảo" or "cảm"', () => {
    const at = (text: string, word: string) => isNegatedWarning(text, text.indexOf(word));
    expect(at('Shop uy tín không lừa đảo', 'lừa đảo')).toBe(true);
    expect(at('Uy tín ko lừa đảo', 'lừa đảo')).toBe(true);
    expect(at('100% no scam', 'scam')).toBe(true);
    expect(at('Hãy nói không với lừa đảo', 'lừa đảo')).toBe(true);
    expect(at('Đây là lừa đảo', 'lừa đảo')).toBe(false);
    expect(at('Cẩn thận cảm lừa đảo', 'lừa đảo')).toBe(false);
  });

  it('a doubt dispelled at once by proof of payment is a testimonial, not a warning', () => {
    const doubt = (text: string, word: string) => isNegatedWarning(text, text.indexOf(word), text.indexOf(word) + word.length);
    expect(doubt('ban đầu sợ lừa mà tiền về tk thật, ai cần việc ib', 'sợ lừa')).toBe(true);
    expect(doubt('Lúc đầu tưởng scam nhưng rút được 500k liền', 'tưởng scam')).toBe(true);
    expect(doubt('I thought it was a scam but I got paid the same day', 'a scam')).toBe(true);
    // No proof after it, or a new sentence: the doubt stands.
    expect(doubt('Mình sợ lừa nên chưa chuyển, mọi người xem giúp', 'sợ lừa')).toBe(false);
    expect(doubt('Mình sợ lừa. Nhưng tiền về tk thì mới tin', 'sợ lừa')).toBe(false);
    expect(doubt('Cảnh báo lừa đảo: họ cho rút được 200k rồi bắt nạp thêm', 'lừa đảo')).toBe(false);
    // Review: proof that is negated, "mã" (not "mà"), no doubt verb, and a loss told later.
    expect(doubt('Mình sợ bị lừa đảo mà giờ vẫn không rút được tiền', 'lừa đảo')).toBe(false);
    expect(doubt('App này lừa đảo nhưng mình chưa nhận được tiền hoàn', 'lừa đảo')).toBe(false);
    expect(doubt('Cảnh báo lừa đảo mã OTP, nhiều người nhận được tin nhắn giả', 'lừa đảo')).toBe(false);
    expect(
      doubt('Lúc đầu tưởng lừa đảo nhưng rút được 300k thật. Sau đó họ bảo nạp 2 triệu, mình nạp rồi thì không rút được.', 'lừa đảo'),
    ).toBe(false);
    // Second review: the doubt verb a few words back, a comma after the turn, a loss later in the same sentence, and
    // a fear of loss that tells none.
    expect(doubt('Lúc đầu tưởng app này là lừa đảo nhưng rút được 500k thật', 'lừa đảo')).toBe(true);
    expect(doubt('tưởng lừa đảo, nhưng, rút được 500k thật', 'lừa đảo')).toBe(true);
    expect(doubt('Lúc đầu tưởng lừa đảo nhưng rút được 300k thật, sau đó nạp 2 triệu thì không rút được nữa', 'lừa đảo')).toBe(false);
    expect(doubt('Lúc đầu tưởng lừa đảo nhưng rút được 500k thật. Ai sợ bị lừa cứ nạp ít thử trước, inbox mình', 'lừa đảo')).toBe(true);
  });
});

describe('isNegatedAsk: a negated verb of asking governs a list', () => {
  it('"không … yêu cầu A hay B" negates B; a list without a verb of asking does not', () => {
    expect(negated('EVN không gọi điện yêu cầu cài đặt ứng dụng lạ hay chuyển tiền vào tài khoản cá nhân', 'chuyển tiền')).toBe(true);
    expect(negated('We never ask you to install apps or pay a fee', 'pay')).toBe(true);
    expect(negated('Không cần thế chấp hay chứng minh thu nhập đóng phí 10%', 'đóng phí')).toBe(false);
    expect(negated('Không yêu cầu kinh nghiệm hay bằng cấp, đóng phí đồng phục 300k', 'đóng phí')).toBe(false);
  });

  it('a standing rule\'s verb of asking governs the items of its list after commas, to the last one joined by or/hay', () => {
    const notice = 'We will never ask you to pay a fee, share your OTP or provide your banking details.';
    expect(negated(notice, 'share your OTP')).toBe(true);
    expect(negated(notice, 'provide your banking details')).toBe(true);
    expect(negated('We will never ask a winner to pay shipping, fees or provide banking details.', 'provide banking details')).toBe(true);
    expect(negated('Ngân hàng không bao giờ yêu cầu khách hàng chuyển phí, cung cấp mã OTP hay mật khẩu.', 'cung cấp mã OTP')).toBe(true);
    // Not a list of the rule: a contrast, a request of its own, an item that asks by itself, or no last item.
    expect(negated('We will never ask you for your password, but please share your OTP or card number with our agent.', 'share your OTP')).toBe(false);
    expect(negated('Chúng tôi không bao giờ yêu cầu bạn đóng phí, hãy chuyển khoản 500k vào số tài khoản dưới đây.', 'chuyển khoản')).toBe(false);
    expect(negated('We will never ask you to pay a fee, our agent will ask you to share your OTP or card number.', 'share your OTP')).toBe(false);
    expect(negated('We will never ask you to pay a fee, share your OTP with the agent now.', 'share your OTP')).toBe(false);
    // "hãy" (an imperative) is not "hay" (or): no last item follows.
    expect(negated('Chúng tôi không bao giờ yêu cầu bạn đóng phí, đọc mã OTP, hãy gọi ngay cho nhân viên.', 'đọc mã OTP')).toBe(false);
    expect(negated('Chúng tôi không bao giờ yêu cầu bạn đóng phí, đọc mã OTP hay mật khẩu.', 'đọc mã OTP')).toBe(true);
    // "or" that opens a threat ("or else") ends no list: the item before it is the text's own demand.
    expect(negated('We never ask you to visit a branch, pay the unlock fee of $49, or your account will be closed today.', 'pay the unlock fee')).toBe(false);
    expect(negated('Chúng tôi không bao giờ yêu cầu bạn ra quầy, chuyển phí 200k kích hoạt hoặc tài khoản sẽ bị khóa vĩnh viễn.', 'chuyển phí')).toBe(false);
    expect(negated('We will never ask you to verify your identity, send the code we texted or else you will lose access.', 'send the code')).toBe(false);
  });
});

describe('isNegatedAsk: lists and negated payment nouns', () => {
  it.each([
    ['Công ty không thu phí đồng phục, phí đào tạo hay phí giữ chỗ dưới bất kỳ hình thức nào', 'phí đào tạo'],
    ['Công ty không thu phí đồng phục, phí đào tạo hay phí giữ chỗ dưới bất kỳ hình thức nào', 'phí giữ chỗ'],
    ['Chúng tôi không yêu cầu ứng viên đặt cọc đồng phục, phí đào tạo hay chuyển tiền', 'cọc đồng phục'],
    ['Trường KHÔNG kêu gọi ủng hộ bằng tiền qua tài khoản cá nhân', 'ủng hộ bằng tiền'],
    ['Quỹ không tiếp nhận qua tài khoản cá nhân', 'nhận qua tài khoản cá nhân'],
    // "nhờ" (ask a favour), compared with its accents.
    ['Ngân hàng KHÔNG bao giờ nhờ khách “chuyển tiền sang tài khoản an toàn”.', 'chuyển tiền sang'],
    ['Cơ quan BHXH không gọi điện thông báo “nợ BHYT”, “hoàn tiền BHXH” hay đề nghị chuyển tiền vào tài khoản cá nhân', 'chuyển tiền'],
  ])('negated: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(true);
  });

  it('"nho" typed without accents may be "nhớ" (remember) or "nhỏ": no filler then', () => {
    expect(negated('Em khong nho chuyen tien sang tai khoan nao', 'chuyen tien')).toBe(false);
  });

  it('a list after a denied ask that was found first (its span counts as a payment item)', () => {
    const text = 'Chúng tôi không thu tiền cọc, phí hồ sơ hay phí đồng phục';
    const cọc = text.indexOf('tiền cọc');
    expect(isNegatedAsk(text, text.indexOf('phí hồ sơ'), undefined, [[cọc, cọc + 'tiền cọc'.length]])).toBe(true);
  });

  it.each([
    // A new imperative after the comma, or a list about something else: the ask stands.
    ['Không yêu cầu kinh nghiệm hay bằng cấp, đóng phí đồng phục 300k', 'đóng phí'],
    ['Không cần kinh nghiệm, phí đồng phục 300k chuyển trước', 'phí đồng phục'],
    ['Không cần kinh nghiệm, nạp 200k nhận việc ngay', 'nạp 200k'],
    ['Nếu không thu phí đồng phục, phí đào tạo thì công ty lấy gì trả lương', 'phí đào tạo'],
    ['Không thu phí, nhưng phí đào tạo 500k đóng trước', 'phí đào tạo'],
    ['Hệ thống không lỗi. Phí mở khóa 2 triệu', 'Phí mở khóa'],
    // Found by review: a negation about something else, then a fee (the commonest scam openings).
    ['Bạn không rút được tiền, phí xác minh 2tr chuyển vào stk để rút nhé', 'phí xác minh'],
    ['Không rút được tiền, phí mở khóa 30% nạp vào để rút', 'phí mở khóa'],
    ['Shop không ship COD, cọc 50% hoặc chuyển khoản trước giúp em nha', 'chuyển khoản trước'],
    ['Hàng không có sẵn, cọc trước 50% hoặc chuyển khoản trước', 'chuyển khoản trước'],
    ['Không yêu cầu kinh nghiệm, phí đào tạo 500k đóng trước khi nhận việc', 'phí đào tạo'],
    ['Không yêu cầu bằng cấp, cọc đồng phục, nhận việc ngay, ib em', 'cọc đồng phục'],
    ['Không cần vốn, không cần cọc, phí kích hoạt 300k chuyển vào stk', 'phí kích hoạt'],
    ['Không nạp tiền, phí kích hoạt thì không rút được đâu nhé', 'phí kích hoạt'],
    ['Bạn chưa nhận được tiền hoàn, hãy cung cấp mã OTP vừa gửi về máy', 'cung cấp mã OTP'],
    ['Hồ sơ vay của bạn không đạt yêu cầu nộp phí bảo hiểm khoản vay 2tr', 'nộp phí'],

  ])('kept: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(false);
  });

  it('a match that ends in a negated payment noun is denied; "không hoàn lại" is not a denial of the ask', () => {
    const whole = (text: string) => isNegatedAsk(text, 0, text.length);
    expect(whole('CTV bán online nha mn, ko cần vốn, ko cọc')).toBe(true);
    expect(whole('Tuyển CTV không mất phí')).toBe(true);
    expect(whole('Nạp tiền không hoàn lại')).toBe(false);
    expect(whole('Nạp cọc không hoàn lại tiền')).toBe(false);
    expect(whole('Nếu không cọc')).toBe(false);
    expect(whole('nạp 500k không hoàn tiền')).toBe(false);
    expect(whole('đóng 300k phí bảo hiểm, không hoàn phí')).toBe(false);
  });
});

describe('isNegatedAsk: a match that ends in a negated install', () => {
  const whole = (text: string) => isNegatedAsk(text, 0, text.length);
  it.each([
    'app ngân hàng: không tải file apk',
    'ngân hàng thì tải trên CH Play thôi, đừng cài file apk',
    'BIDV, bấm cài đặt. Không cài bản apk',
    'ngân hàng từ Google Play, không cài đặt ứng dụng ngân hàng',
    'bank app from the store, do not install apk',
  ])('denied: %s', (text) => {
    expect(whole(text)).toBe(true);
  });

  it.each([
    // Not an install after the negation, or the thing installed is not at the end of the match.
    'không cần đến quầy, cài file apk',
    'không tải file apk về máy rồi đăng nhập tài khoản ngân hàng',
  ])('kept: %s', (text) => {
    expect(whole(text)).toBe(false);
  });

  it('kept when "thì" after the match makes the install a condition of a threat', () => {
    const text = 'Không cài bản apk mới thì tài khoản sẽ bị khóa';
    const end = text.indexOf(' thì');
    expect(isNegatedAsk(text, 0, end)).toBe(false);
    // The same match with the threat cut off is advice.
    expect(whole(text.slice(0, end))).toBe(true);
  });
});

describe('isNegatedClaim: a lure denied in its own clause', () => {
  const claim = (text: string, word: string) => isNegatedClaim(text, text.indexOf(word), text.indexOf(word) + word.length);
  it('denies a governed lure; keeps a lure after a comma, one with the negation inside it, and one after "chưa"', () => {
    expect(claim('Hoa hồng trả về ví, không ai bắt bạn nạp tiền hay làm nhiệm vụ gì cả', 'nạp tiền hay làm nhiệm vụ')).toBe(true);
    expect(claim('Không cần kinh nghiệm, việc nhẹ lương cao', 'việc nhẹ lương cao')).toBe(false);
    expect(claim('Việc làm online không cần vốn', 'không cần vốn')).toBe(false);
    expect(claim('Quý khách chưa nhận quà tri ân', 'nhận quà tri ân')).toBe(false);
    expect(claim('ai bị lỗi giao dịch, trừ tiền không nhận được liên hệ để được hoàn tiền', 'để được hoàn tiền')).toBe(false);
  });

  it('denies a claim the writer says it never sends ("không gửi lệnh bắt qua mạng"); keeps a condition', () => {
    expect(claim('Công an không gửi lệnh bắt, lệnh phong tỏa qua mạng', 'lệnh bắt')).toBe(true);
    expect(claim('Tòa án không bao giờ gửi giấy triệu tập qua Zalo', 'giấy triệu tập qua Zalo')).toBe(true);
    expect(claim('We never send an arrest warrant by email', 'an arrest warrant')).toBe(true);
    expect(claim('Anh không gửi tiền thì lệnh bắt sẽ được ban hành', 'lệnh bắt')).toBe(false);
    expect(claim('Nếu không gửi giấy tờ, lệnh bắt sẽ được ban hành', 'lệnh bắt')).toBe(false);
  });

  it('denies a lure the reader is told not to seek, trust or follow', () => {
    expect(claim('Ai bị lừa rồi thì chỉ báo công an, đừng tìm dịch vụ lấy lại tiền.', 'dịch vụ lấy lại tiền')).toBe(true);
    expect(claim('Bà con đừng tin việc nhẹ lương cao trên mạng', 'việc nhẹ lương cao')).toBe(true);
    expect(claim('Không nghe theo lời mời đầu tư lợi nhuận 30%/tháng', 'lời mời đầu tư')).toBe(true);
    expect(claim('Tìm dịch vụ lấy lại tiền uy tín, ib mình', 'dịch vụ lấy lại tiền')).toBe(false);
  });

  it('denies a lure the writer says it never promises, guarantees or offers', () => {
    expect(claim('Công ty không bao giờ hứa hẹn việc nhẹ lương cao, không thu phí đào tạo', 'việc nhẹ lương cao')).toBe(true);
    expect(claim('Sàn không cam kết lợi nhuận cố định cho bất kỳ ai', 'lợi nhuận cố định')).toBe(true);
    expect(claim('We will never promise guaranteed returns on any deposit', 'guaranteed returns')).toBe(true);
    expect(claim('We never offer free iPhones to random followers', 'free iPhones')).toBe(true);
    // The promise itself, or a denial of something else before it, is no denial of the lure.
    expect(claim('Không cần kinh nghiệm, cam kết lợi nhuận 30% mỗi tháng', 'lợi nhuận 30%')).toBe(false);
    expect(claim('Bên em không chỉ hứa mà cam kết lợi nhuận thật', 'lợi nhuận thật')).toBe(false);
    // "No one guarantees it like us" is a boast, not a denial.
    expect(claim('Không ai đảm bảo việc nhẹ lương cao uy tín bằng bên mình, ib để nhận việc', 'việc nhẹ lương cao')).toBe(false);
    expect(claim('Không ai cam kết lợi nhuận 30%/tháng như bên em', 'lợi nhuận 30%/tháng')).toBe(false);
    expect(claim('Công ty không bao giờ hứa hẹn việc nhẹ lương cao như các trang lừa đảo', 'việc nhẹ lương cao')).toBe(true);
  });
});

describe('isNegatedAsk: the loss that follows an ask ("… là mất acc")', () => {
  it('an ask told as the way to lose something is no request; a threat after NOT doing it is', () => {
    expect(negated('Chị mình bấm link bình chọn, nhập OTP là mất acc fb luôn', 'nhập OTP')).toBe(true);
    expect(negated('Cứ chuyển khoản trước cho mấy page lạ là mất tiền oan', 'chuyển khoản')).toBe(true);
    expect(negated('Nhập OTP là nhận quà ngay', 'Nhập OTP')).toBe(false);
    expect(negated('Không nhập OTP là mất tài khoản vĩnh viễn', 'nhập OTP')).toBe(false);
    expect(negated('Không xác minh danh tính là bị khóa tài khoản', 'xác minh danh tính')).toBe(false);
    expect(negated('Nhập OTP nhanh, chậm là mất suất', 'Nhập OTP')).toBe(false);
  });

  it('review: "lạ mặt" / "lạ bị" are not "là mất" / "là bị"; a deadline makes "là mất" the scam\'s own pressure', () => {
    expect(negated('Không chuyển khoản cho người lạ mặt', 'chuyển khoản')).toBe(true);
    expect(negated('Ngân hàng không yêu cầu cung cấp mã OTP qua số lạ mặt', 'mã OTP')).toBe(true);
    expect(negated('Tuyệt đối không cung cấp mã OTP cho số lạ bị mất tiền ngay', 'mã OTP')).toBe(true);
    expect(negated('Nhận làm hồ sơ vay. Chậm đóng phí hồ sơ là mất suất vay nhé', 'đóng phí')).toBe(false);
    expect(negated('Quá hạn đóng phí vận chuyển là mất quà, chuyển khoản ngay hôm nay', 'đóng phí')).toBe(false);
    expect(negated('Quý khách chỉ cần nhập thông tin thẻ là mất có 2 phút thôi', 'nhập thông tin thẻ')).toBe(false);
    expect(negated('Anh gửi mã OTP gấp kẻo là mất tài khoản vĩnh viễn', 'gửi mã OTP')).toBe(false);
    expect(negated('Vui lòng nhập OTP là mật mã 6 số', 'nhập OTP')).toBe(false);
  });

  it('second review: a loss typed without accents; a condition never read past its sentence; "nhanh tay" is a story', () => {
    expect(negated('dung bam link la, nhap otp la mat tien luon', 'nhap otp')).toBe(true);
    expect(negated('Tuyệt đối không cung cấp mã OTP. Ai đưa là bị mất tiền ngay', 'mã OTP')).toBe(true);
    expect(negated('Tuyệt đối không chuyển tiền.\nAi chuyển là bị lừa', 'chuyển tiền')).toBe(true);
    expect(negated('Nhiều người nhanh tay nhập OTP là mất tiền oan', 'nhập OTP')).toBe(true);
  });
});

describe('isNegatedAsk: "if anyone asks you …, that is not us"', () => {
  it.each([
    ['Kết quả đã công bố trên fanpage. Nếu ai nhắn bạn trúng giải và đòi phí nhận quà, đó không phải chúng tôi.', 'phí nhận quà'],
    ['Nếu có ai gọi điện yêu cầu chuyển khoản phí hồ sơ thì đó không phải là ngân hàng.', 'chuyển khoản'],
    ['If anyone asks you to pay a delivery fee by text, that is not us.', 'pay a delivery fee'],
    // "Ai bảo / ai đòi …" (whoever tells you to …) is the same condition without "nếu"; "… là lừa đảo" disowns it too.
    ['Đến trực tiếp kho phỏng vấn. Ai bảo đóng phí đồng phục/phí giữ chỗ là k phải bên mình nha', 'đóng phí'],
    ['Ai đòi phí giữ chỗ thì đó là lừa đảo nhé các bạn', 'phí giữ chỗ'],
    ['Anyone who asks you to pay a deposit is a scammer.', 'pay a deposit'],
    ['Ai bảo đóng phí là lừa nha, bên mình không thu', 'đóng phí'],
    ['Ai bao dong phi la lua dao nha, ben minh khong thu', 'dong phi'],
    // "Any account / page / number that … asks you to …": the subject of the condition is an account, not a person.
    ['Tài khoản nào xưng “admin shop” nhắn bạn trúng thưởng và bảo đóng phí vận chuyển là giả mạo, bạn báo cáo giúp nhé.', 'đóng phí'],
    ['Bất kỳ trang nào khác yêu cầu chuyển khoản phí nhận quà đều là lừa đảo.', 'chuyển khoản'],
  ])('denied: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(true);
  });
  it.each([
    // No condition on someone else: a scammer's own "this is not a scam".
    ['Bạn chuyển khoản phí hồ sơ 500k, đây không phải lừa đảo đâu.', 'chuyển khoản'],
    // The condition, but nothing disowns the ask.
    ['Nếu ai muốn nhận quà thì chuyển khoản phí ship 30k cho shop nhé.', 'chuyển khoản'],
    ['Nếu ai cần vay thì đóng phí hồ sơ trước, đó là quy định bên mình.', 'đóng phí'],
    ['Ai cần vay thì đóng phí hồ sơ 500k là được giải ngân liền.', 'đóng phí'],
    ['Ai bảo em đóng phí thì em đóng luôn, uy tín mà.', 'đóng phí'],
    ['Tài khoản nào chưa kích hoạt thì đóng phí 200k để mở khóa, không phải lừa đảo đâu.', 'đóng phí'],
    // A rhetorical question defends the ask ("who says paying first is a scam?"); "lua" typed without accents may be
    // "lựa" (choose): "… là lựa được mẫu" disowns nothing.
    ['Ai bảo chuyển khoản trước là lừa đảo? Shop bán 5 năm rồi, cứ yên tâm', 'chuyển khoản'],
    ['Ai nhan som thi chuyen khoan coc 300k la lua duoc mau dep nha', 'chuyen khoan'],
    ['Ai hoi gia thi ck truoc la lua size luon', 'ck truoc'],
    // "… is not / not necessarily a scam" reassures; it disowns nothing.
    ['Ai yêu cầu chuyển khoản cọc thì không phải là lừa đảo đâu, yên tâm', 'chuyển khoản cọc'],
    ['Ai đòi phí giữ chỗ thì chưa chắc là lừa đảo, bên mình thu 200k là đúng quy định', 'phí giữ chỗ'],
  ])('kept: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(false);
  });
});

describe('isNegatedAsk: verbs of contacting joined by hay/hoặc/và before the ask', () => {
  it.each([
    ['CSGT không gọi điện hay nhắn tin yêu cầu nộp phạt qua tài khoản cá nhân.', 'nộp phạt'],
    ['Ngân hàng không gọi điện hay nhắn tin yêu cầu khách hàng cung cấp mã OTP.', 'cung cấp'],
    ['CSGT khong goi dien hay nhan tin yeu cau nop phat qua tai khoan ca nhan.', 'nop phat'],
    ['Chúng tôi không gọi điện hoặc gửi email yêu cầu chuyển khoản.', 'chuyển khoản'],
  ])('denied: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(true);
  });
  it.each([
    ['Không cần giấy tờ hay thế chấp chuyển phí 500k là nhận tiền', 'chuyển phí'],
    ['Ai không tin hay muốn thử thì nạp 100k', 'nạp 100k'],
    ['Không cần chờ đợi, hãy chuyển khoản ngay', 'chuyển khoản'],
  ])('kept: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(false);
  });
});

describe('isNegatedAsk: a standing rule ("không bao giờ", "tuyệt đối không", "never") governs its sentence', () => {
  it.each([
    ['Ngân hàng KHÔNG BAO GIỜ gửi email, tin nhắn Zalo có gắn đường dẫn yêu cầu khách hàng nhập mật khẩu hay mã OTP.', 'nhập mật khẩu'],
    ['Ví điện tử của chúng tôi sẽ không gọi điện hay nhắn tin kèm link đề nghị bạn cung cấp mã xác thực.', 'cung cấp mã'],
    ['Tuyệt đối không gửi tin nhắn có đường link yêu cầu người dân chuyển tiền nộp phạt.', 'chuyển tiền'],
    ['We never send texts with links asking you to enter your card number.', 'enter your card'],
  ])('denied: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(true);
  });

  it.each([
    // A clause that makes a request of its own after the rule.
    ['Bên em sẽ không gọi lại, đề nghị anh chị chuyển khoản phí trước 17h.', 'chuyển khoản'],
    ['Shop không bao giờ gửi hàng khi chưa nhận cọc, khách chuyển khoản trước 50% giúp shop.', 'chuyển khoản'],
    // A contrast or a new sentence.
    ['Ngân hàng không bao giờ gửi tin nhắn yêu cầu OTP, nhưng để bảo vệ tài khoản quý khách vui lòng nhập OTP tại link.', 'nhập OTP'],
    ['Chúng tôi không bao giờ gọi điện. Yêu cầu quý khách chuyển khoản phí trước 17h.', 'chuyển khoản'],
    // Not a standing rule: a plain "không" with many words between.
    ['Bên mình không gửi hàng qua bưu điện có kèm quà tặng yêu cầu khách chuyển tiền cọc trước', 'chuyển tiền cọc'],
  ])('kept: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(false);
  });
});

describe('isNegatedAsk: the text disowns the ask right after it', () => {
  it.each([
    ['Những cuộc gọi báo khóa thuê bao rồi yêu cầu bấm phím, đọc mã OTP đều không phải của nhà mạng.', 'đọc mã OTP'],
    ['Mọi tin nhắn đề nghị chuyển tiền để nhận quà đều là giả mạo.', 'chuyển tiền'],
    ['Emails asking you to confirm your password are not from us.', 'confirm your password'],
  ])('disowned: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(true);
  });

  it.each([
    // A scammer's reassurance is no disowning.
    ['Chuyển khoản trước giúp em, không phải lừa đảo đâu ạ', 'Chuyển khoản'],
    ['Uy tín không phải lừa đảo đâu, chuyển khoản trước giúp em nha', 'chuyển khoản'],
    // Another sentence.
    ['Vui lòng đọc mã OTP cho nhân viên. Các trang khác đều không phải của chúng tôi.', 'đọc mã OTP'],
  ])('kept: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(false);
  });
});

describe('"no" typed without accents is "nó" before or after a Vietnamese word', () => {
  it('"Nam no bi cong an tam giu" is no negation; "No fee" and "no upfront payment" are', () => {
    expect(negated('Nam no bi cong an tam giu, can nop tien bao lanh', 'nop tien')).toBe(false);
    expect(isNegatedContact('Nam no bi cong an tam giu', 'Nam no '.length, 'Nam no bi cong an tam giu'.length)).toBe(false);
    expect(negated('No fee', 'fee')).toBe(true);
    expect(negated('There is no upfront payment', 'payment')).toBe(true);
  });
});

describe('isNegatedContact: a channel or a threat denied like an ask, on its own', () => {
  const contact = (text: string, word: string) => isNegatedContact(text, text.indexOf(word), text.indexOf(word) + word.length);
  it('denies "không nhắn tin đề nghị nộp phạt qua đường link"; keeps "chưa … bị khóa" and a new clause', () => {
    expect(contact('Cảnh sát giao thông không nhắn tin đề nghị nộp phạt qua đường link.', 'nộp phạt qua đường link')).toBe(true);
    expect(contact('Ban quản lý không nhắn tin Zalo cá nhân để thu phí.', 'nhắn tin Zalo')).toBe(true);
    expect(contact('Số của anh chưa chuẩn hóa thông tin thuê bao, tối nay bị khóa 2 chiều', 'chuẩn hóa thông tin thuê bao')).toBe(false);
    expect(contact('Không cần gọi điện, nhắn Zalo cho em ngay', 'nhắn Zalo')).toBe(false);
    expect(contact('Không cần gọi điện, chỉ cần nhắn Zalo cho em', 'nhắn Zalo')).toBe(false);
  });

  it('"thị", "mã", "nêu" before a negation are not the condition words "thì", "mà", "nếu"', () => {
    expect(contact('Siêu thị không liên hệ qua Zalo, không thu bất kỳ khoản phí nào.', 'liên hệ qua Zalo')).toBe(true);
    expect(negated('Mã này không cần chuyển khoản trước, nhận hàng mới trả', 'chuyển khoản')).toBe(true);
    // The condition words themselves, with or without accents, still open a condition.
    expect(contact('Nhận quà rồi mà không liên hệ qua Zalo thì mất quà', 'liên hệ qua Zalo')).toBe(false);
    expect(negated('Nhan qua roi ma khong chuyen khoan phi thi mat qua', 'chuyen khoan')).toBe(false);
  });
});

describe('threats and contrasts after a negation (session-4 review)', () => {
  it('"cứ" after a negation is a contrast: the ask after it stands', () => {
    expect(negated('Không cần lên trụ sở, cứ chuyển tiền vào tài khoản tạm giữ là xong', 'chuyển tiền')).toBe(false);
    expect(negated('Không cần ra ngân hàng cứ chuyển tiền qua app là được', 'chuyển tiền')).toBe(false);
  });
});

describe('"lỗ hổng" (a hole, a security flaw) and "bên hông" (the side) are nouns, not the negation "hổng"/"hông"', () => {
  it('an ask after them is made', () => {
    expect(negated('Tài khoản của quý khách có lỗ hổng bảo mật phải cung cấp mã OTP cho nhân viên', 'mã OTP')).toBe(false);
    expect(negated('Ngân hàng phát hiện LỖ HỔNG yêu cầu khách hàng cung cấp số thẻ', 'số thẻ')).toBe(false);
    expect(negated('Xe để bên hông nhà, cần chuyển khoản trước 500k', 'chuyển khoản')).toBe(false);
  });

  it('the Southern negation still denies', () => {
    expect(negated('Shop hổng cần chuyển khoản trước', 'chuyển khoản')).toBe(true);
    expect(negated('Bên em hông yêu cầu mã OTP', 'mã OTP')).toBe(true);
  });
});

describe('isZeroFee: a fee stated as nothing asks for nothing', () => {
  const zero = (text: string, fee: string) => isZeroFee(text, text.indexOf(fee), text.indexOf(fee) + fee.length);
  it.each([
    ['Phí nhận thưởng: 0đ. Vui lòng không chuyển khoản.', 'Phí nhận thưởng'],
    ['phí ship 0 đồng toàn quốc', 'phí ship'],
    ['Phí đăng ký: miễn phí', 'Phí đăng ký'],
    ['Registration fee: free', 'Registration fee'],
    ['phí hồ sơ không mất phí đâu nha', 'phí hồ sơ'],
    ['phí vận chuyển không tốn đồng nào', 'phí vận chuyển'],
    ['phí tham gia: không mất tiền', 'phí tham gia'],
    ['phí ship 0đ, 0 đồng luôn', 'phí ship'],
    ['Processing fee: $0.00 today', 'Processing fee'],
    // Decomposed marks (NFD input): "miễn", "không" spelled with combining marks.
    ['Phí đăng ký: mie\u0302\u0303n phí', 'Phí đăng ký'],
    ['phí hồ sơ kho\u0302ng mất phí đâu nha', 'phí hồ sơ'],
    ['phí giữ chỗ 0.000đ', 'phí giữ chỗ'],
    // "miễn" right before the fee word: "miễn phí, nhận quà" reads "phi nhan qua" once folded.
    ['Hiến máu được khám miễn phí, nhận quà và giấy chứng nhận', 'phí, nhận quà'],
    ['Tham gia mien phi nhan qua tai quay', 'phi nhan qua'],
  ])('zero: %s', (text, fee) => {
    expect(zero(text, fee)).toBe(true);
  });
  it.each([
    ['Phí nhận thưởng: 500k, chuyển khoản ngay', 'Phí nhận thưởng'],
    ['phí hồ sơ 0912 xxx 345 liên hệ', 'phí hồ sơ'],
    ['phí nhận thưởng 05 triệu', 'phí nhận thưởng'],
    ['phí nhận thưởng, 0đ ship', 'phí nhận thưởng'],
    ['phí mở khóa không hoàn lại', 'phí mở khóa'],
    // A decimal amount that starts with 0 is no zero: 0,5 triệu = 500k.
    ['Phí nhận thưởng: 0,5 triệu. Thời hạn nhận: ngay', 'Phí nhận thưởng'],
    ['phí hồ sơ 0.5tr trước khi giải ngân', 'phí hồ sơ'],
    ['phí hồ sơ 0,5tr nhé', 'phí hồ sơ'],
    ['phí nhận thưởng 0tr5 thôi', 'phí nhận thưởng'],
    // "miễn" that is not right before the fee word frees nothing.
    ['Miễn là bạn đóng phí nhận quà 200k', 'phí nhận quà'],
    ['phí kích hoạt 0.5 triệu', 'phí kích hoạt'],
    ['phí kích hoạt 0.05 triệu', 'phí kích hoạt'],
    // "Not much" is no "nothing".
    ['phí hồ sơ không mất nhiều, chỉ 300k', 'phí hồ sơ'],
    ['phí nhận thưởng không tốn nhiều đâu 300k', 'phí nhận thưởng'],
    // Only a fee is zeroed: "free ship" after a transfer ask is a perk, the transfer is still asked.
    ['Chuyển khoản trước free ship toàn quốc', 'Chuyển khoản trước'],
    ['nạp tiền miễn phí giao dịch', 'nạp tiền'],
    ['ck trước 0đ ship nha', 'ck trước'],
    // An ask whose match ends inside the amount ("fee \\d" reads "fee 2"): the "0" after it is the amount's.
    ['Small processing fee 20k only', 'processing fee 2'],
    ['phí hồ sơ 30 USD', 'phí hồ sơ 3'],
  ])('not zero: %s', (text, fee) => {
    expect(zero(text, fee)).toBe(false);
  });
});

describe('isNegatedAsk: a bulleted list under a negated header', () => {
  const bankNotice = 'Vietcombank KHÔNG BAO GIỜ yêu cầu Quý khách:\n- Cung cấp mã OTP, mật khẩu qua điện thoại\n- Truy cập đường link lạ để cập nhật thông tin\n- Chuyển tiền vào tài khoản cá nhân để xác minh\nMọi thắc mắc xin gọi tổng đài.';
  it.each([
    [bankNotice, 'Cung cấp mã OTP'],
    [bankNotice, 'Truy cập đường link'],
    [bankNotice, 'Chuyển tiền vào tài khoản cá nhân'],
    ['Shopee không yêu cầu người mua/người bán:\n- Chuyển khoản ngoài ứng dụng để "kích hoạt đơn"\n- Cung cấp mã OTP, mật khẩu ShopeePay', 'Cung cấp mã OTP'],
    ['Cơ quan công an sẽ không bao giờ yêu cầu người dân:\n1. Chuyển tiền vào tài khoản để xác minh\n2. Cài ứng dụng lạ\n3. Đọc mã OTP', 'Đọc mã OTP'],
    ['We will never ask you to:\n• share your OTP or password\n• pay a fee to release a refund', 'pay a fee'],
    ['Tuyệt đối KHÔNG:\n✅ chuyển tiền cho người lạ\n✅ cung cấp mã OTP', 'cung cấp mã OTP'],
    ['Shopee không yêu cầu: - Chuyển khoản ngoài ứng dụng - Cung cấp mã OTP', 'Cung cấp mã OTP'],
    // Line separators of any kind.
    ['Vietcombank KHÔNG BAO GIỜ yêu cầu Quý khách:\u2028- Cung cấp mã OTP\u2028- Truy cập đường link lạ', 'Truy cập đường link'],
    ['Vietcombank KHÔNG BAO GIỜ yêu cầu Quý khách:\r\n- Cung cấp mã OTP\r\n- Truy cập đường link lạ', 'Truy cập đường link'],
    // Headers of safety notices: "không làm những việc sau", "không nên", "never do the following".
    ['Quý khách tuyệt đối không làm những việc sau:\n- Cung cấp mã OTP cho bất kỳ ai\n- Truy cập đường link lạ', 'Truy cập đường link'],
    ['Quý khách không nên:\n- Cung cấp mã OTP cho bất kỳ ai', 'Cung cấp mã OTP'],
    ['Never do the following:\n- share your OTP or password with anyone\n- transfer money to a safe account', 'transfer money'],
    ['Tuyệt đối không thực hiện các yêu cầu sau:\n- Chuyển tiền vào tài khoản lạ', 'Chuyển tiền'],
  ])('negated: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(true);
  });

  it.each([
    // A header that asks, or a negation about something else: the items are the text's own asks.
    ['Để nhận quà bạn cần:\n- Chuyển phí vận chuyển 30k\n- Cung cấp mã OTP', 'Cung cấp mã OTP'],
    ['Không yêu cầu kinh nghiệm:\n- Đóng phí đồng phục 300k\n- Làm việc tại nhà', 'Đóng phí'],
    ['Không cần vốn:\n- Chuyển khoản trước 500k để kích hoạt', 'Chuyển khoản trước'],
    // A contrast in the item, or a plain paragraph after the list.
    ['Bên em không thu phí:\n- Chỉ cần chuyển 50k kích hoạt tài khoản', 'chuyển 50k'],
    ['Bên em không thu phí:\n- Chỉ cần chuyển 50k kích hoạt tài khoản\n- Cung cấp mã OTP để xác minh', 'Cung cấp mã OTP'],
    ['Chúng tôi không yêu cầu:\n- Đặt cọc\nVui lòng chuyển khoản trước 200k để giữ chỗ', 'chuyển khoản trước'],
    // "nếu không…:" is a condition.
    ['Nếu không làm các bước sau:\n- Cung cấp mã OTP cho nhân viên', 'Cung cấp mã OTP'],
    // A time is no colon that opens a list.
    ['Không gọi sau 22:30 - Cung cấp mã OTP ngay cho nhân viên', 'Cung cấp mã OTP'],
    // A negated header that denies nothing asked: "don't miss", "no need to wait / do anything".
    ['Đừng bỏ lỡ:\n- Chuyển phí 30k vào stk 190312345678 để nhận quà\n- Cung cấp mã OTP cho nhân viên', 'Cung cấp mã OTP'],
    ['Đừng để mất quà:\n- Chuyển phí 30k vào stk 190312345678', 'Chuyển phí'],
    ['Vay online giải ngân 5 phút. Không cần chờ đợi:\n- Đóng phí hồ sơ 300k vào stk 190312345678', 'Đóng phí'],
    ['Tuyển CTV online. Không cần làm gì:\n- Nạp 200k vào stk 190312345678 để kích hoạt', 'Nạp 200k'],
    // A header that threatens ("không nộp phí là mất quà:") or boasts ("cam kết KHÔNG thu phí trước:").
    ['Hạn cuối 24h, không nộp phí là mất quà:\n- Chuyển phí ship 30k vào stk 190312345678', 'Chuyển phí'],
    ['Giải ngân 15 phút. Cam kết KHÔNG thu phí trước:\n- Đóng phí bảo hiểm khoản vay 500k vào stk 190312345678', 'Đóng phí'],
    // "K.H" (khách hàng) ending a header is no bare negation.
    ['Hướng dẫn nhận quà cho K.H:\n- Chuyển phí ship 30k vào stk 190312345678', 'Chuyển phí'],
  ])('kept: %s → %s', (text, ask) => {
    expect(negated(text, ask)).toBe(false);
  });
});

describe('isNegatedAsk: a negation spelled out with dots or dashes', () => {
  it('"Đ.ừ.n.g đưa OTP", "k-h-ô-n-g chuyển tiền" deny; a dotted link or a real word stays what it is', () => {
    expect(negated('Đ.ừ.n.g đưa OTP cho ai nha', 'đưa OTP')).toBe(true);
    expect(negated('Mọi người k-h-ô-n-g chuyển tiền cho ai nhé', 'chuyển tiền')).toBe(true);
    expect(negated('Vào t.me/nhiemvu chuyển tiền nhận thưởng', 'chuyển tiền')).toBe(false);
    // Two letters joined are an abbreviation, not a negation: "K.H" is khách hàng, "H.K" Hong Kong.
    expect(negated('Tri ân K.H: K.H chuyển phí ship 30k vào stk 190312345678 để nhận quà', 'chuyển phí')).toBe(false);
    expect(negated('Tài khoản của Quý K.H bị khóa. K.H cung cấp mã OTP cho nhân viên để mở khóa', 'cung cấp mã OTP')).toBe(false);
    expect(negated('Tài khoản của Quý KH bị tạm khóa. KH cung cấp mã OTP cho nhân viên để mở khóa', 'cung cấp mã OTP')).toBe(false);
  });

});

describe('isNegatedClaim: words of calling deny a lure only with a verb of asking after them', () => {
  it('a job lure after "không cần gọi điện nhận" stands; "không có dịch vụ nào lấy lại tiền" denies', () => {
    const text = 'Tuyển CTV làm tại nhà, không cần gọi điện nhận việc nhẹ lương cao 300-500k/ngày';
    expect(isNegatedClaim(text, text.indexOf('việc nhẹ'), text.indexOf('việc nhẹ') + 18)).toBe(false);
    const notice = 'Điện lực không gọi điện đòi cắt điện, bà con đừng tin';
    expect(isNegatedClaim(notice, notice.indexOf('cắt điện'), notice.indexOf('cắt điện') + 8)).toBe(true);
    const texted = 'Ngân hàng không nhắn tin yêu cầu khóa tài khoản';
    expect(isNegatedClaim(texted, texted.indexOf('khóa tài khoản'), texted.indexOf('khóa tài khoản') + 14)).toBe(true);
    const victim = 'Giờ mình chỉ muốn nói: không có dịch vụ nào lấy lại tiền bị lừa qua mạng cả';
    expect(isNegatedClaim(victim, victim.indexOf('lấy lại'), victim.indexOf('lấy lại') + 19)).toBe(true);
  });
});
