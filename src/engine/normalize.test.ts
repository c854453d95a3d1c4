import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldAccented, foldCharacters, foldPhrase, hasVietnameseMarks, normalizeIntoScratch, normalizeText, normalizeTextReference, type NormalizedText } from './normalize.ts';

/** The original slice behind folded text[from, to). */
function sliceBehind(raw: string, n: NormalizedText, from: number, to: number): string {
  return raw.slice(n.start[from], n.end[to - 1]);
}

/** The original slice behind the first occurrence of `word` (folded) in the normalized text. */
function originalOf(raw: string, word: string): string {
  const n = normalizeText(raw);
  const at = ` ${n.text} `.indexOf(` ${word} `);
  if (at < 0) throw new Error(`"${word}" not in "${n.text}"`);
  return sliceBehind(raw, n, at, at + word.length);
}

describe('normalizeText folds every evasion to the same words', () => {
  test.each([
    ['case and diacritics', 'CỘNG TÁC VIÊN', 'cong tac vien'],
    ['NFD input', 'co\u0323\u0302ng ta\u0301c vie\u0302n', 'cong tac vien'],
    ['NFC input', 'cộng tác viên'.normalize('NFC'), 'cong tac vien'],
    ['đ and Đ', 'Đăng ký đầu tư', 'dang ky dau tu'],
    ['mathematical bold letters with combining marks', '𝐜𝐨̣̂𝐧𝐠 𝐭𝐚́𝐜', 'cong tac'],
    ['mathematical script/fraktur/monospace', '𝓃𝒶𝓅 𝔱𝔦𝔢𝔫 𝚟𝚒𝚎𝚗', 'nap tien vien'],
    ['full-width letters', 'ｎạｐ　ｔｉềｎ', 'nap tien'],
    ['circled letters', 'ⓝⓐⓟ', 'nap'],
    ['zero-width space inside a word', 'cộ\u200Bng tá\u200Cc vi\u200Dên', 'cong tac vien'],
    ['word joiner, BOM, soft hyphen', 'n\u2060ạ\uFEFFp ti\u00ADền', 'nap tien'],
    ['bidi marks and variation selectors', 'n\u200Eạ\u202Ap t\uFE0Fiền', 'nap tien'],
    ['stray combining marks', '\u0301\u0323nạp \u0300 tiền\u0309', 'nap tien'],
    ['dots between letters', 'c.ộ.n.g t.á.c v.i.ê.n', 'cong tac vien'],
    ['dashes between letters', 'n-ạ-p t-i-ề-n', 'nap tien'],
    ['underscores and asterisks', 'n_ạ_p t*i*ề*n', 'nap tien'],
    ['emoji between letters', 'l 🔥 ừ a', 'lua'],
    ['emoji glued between letters', 'l🔥ừ🔥a đảo', 'lua dao'],
    ['emoji splitting a first letter off its word', 't🎉rúng t🎉hưởng, b📦ưu p🌸hẩm', 'trung thuong buu pham'],
    ['a first letter cut off by an emoji after a one-letter word: the letter starts its own word', 'kẹt ở h📦ải quan, à t🎉rúng rồi', 'ket o hai quan a trung roi'],
    ['emoji between whole words stays a break', 'sale🔥giảm giá', 'sale giam gia'],
    ['uniform spacing joins the whole run', 'c o n g t a c v i e n', 'congtacvien'],
    ['spaced dashes', 'n - ạ - p', 'nap'],
    ['Cyrillic homoglyphs', 'сộng tас viеn', 'cong tac vien'],
    ['Greek homoglyphs', 'νiên ΝΑΡ', 'vien nap'],
    ['Cyrillic capital I reads i', 'TІỀN', 'tien'],
    ['enclosed letters standing in for letters', 'Chuyển kh🅾️ản, l🅸ên hệ, n🅾️p phạt, 🅣🅘🅔🅝, 🄣🄘🄔🄝, ⒯⒤⒠⒩', 'chuyen khoan lien he nop phat tien tien tien'],
    ['small capitals', 'ᴄʜᴜʏểɴ ᴛɪềɴ', 'chuyen tien'],
    ['a flag stays an emoji (regional indicators are not letters)', '🇻🇳 Việt Nam', 'viet nam'],
    ['leet digits inside words', 'c0ng t4c vi3n', 'cong tac vien'],
    ['leet symbols inside words', 'l@m n@p tiền ca$h', 'lam nap tien cash'],
    ['leading 1 before a vowel reads l', '1ừa đảo', 'lua dao'],
    ['numbers stay numbers', 'gọi 0987654321 hoặc 1900 1234', 'goi 0987654321 hoac 1900 1234'],
    ['digit suffixes stay', 'mp3 covid19 4g 2fa', 'mp3 covid19 4g 2fa'],
    ['trailing leet digits that make a common syllable fold', 'Ch0 vay, ph1 giải ngân, đả0 hạn', 'cho vay phi giai ngan dao han'],
    ['licence classes and codes stay', 'bằng A1, B2, F0, mp3, h2o', 'bang a1 b2 f0 mp3 h2o'],
    ['no-break and other spaces', 'nạp\u00A0tiền\u2003ngay\u202Fnhé', 'nap tien ngay nhe'],
    ['line breaks and tabs', 'nạp\r\ntiền\tngay\n\nnhé', 'nap tien ngay nhe'],
    ['punctuation runs become one space', '...nạp!!! ---tiền???', 'nap tien'],
    ['amounts glued', 'chỉ 500k, lãi 5tr, vốn 5củ, 2tỷ', 'chi 500 nghin lai 5 trieu von 5 trieu 2 ty'],
    ['amounts spaced', '500 k 5 triệu 5 củ 100 nghìn 3 ngàn', '500 nghin 5 trieu 5 trieu 100 nghin 3 nghin'],
    ['a unit word after its number across an invisible character (zero-width space, word joiner, soft hyphen, tag space)', 'giá 500\u200b k, 5 \u2060tr, 300\u00ad k, 200 \u{E0020}k', 'gia 500 nghin 5 trieu 300 nghin 200 nghin'],
    ['a unit word only after its number with spaces between: "100%, k cần" is "không"', 'bao đậu 100%, k cần thi, giá 500, k bớt', 'bao dau 100 khong can thi gia 500 khong bot'],
    ['teencode', 'ck stk ib ctv j đc vs hh sđt mk tk zl', 'chuyen khoan so tai khoan inbox cong tac vien gi duoc voi hoa hong so dien thoai minh tai khoan zalo'],
    ['"mk" after an account word is "mình" unless joined to it', 'ck mk 50k, stk mk, ck vào tk mk nha; tk/mk, tài khoản, mk', 'chuyen khoan minh 50 nghin so tai khoan minh chuyen khoan vao tai khoan minh nha tai khoan mat khau tai khoan mat khau'],
    ['"mk" before an account noun is "mật khẩu"', 'gửi tk mk acc là xong', 'gui tai khoan mat khau acc la xong'],
    ['"mk" is "mình" except next to account words', 'ib mk nha, mẹ mk, bên mk; gửi tk + mk + 2FA, đổi mk, mk cũ, nhập tài khoản và mk, mk fb, gửi mk vs mã 2 lớp, mk vs bạn', 'inbox minh nha me minh ben minh gui tai khoan mat khau 2fa doi mat khau mat khau cu nhap tai khoan va mat khau mat khau facebook gui mat khau voi ma 2 lop minh voi ban'],
    ['"mk" joined to an ID word ("cccd + mk") or before "vneid"/"banking"/"icloud" is the password; after a phone number ("sđt, mk gọi", "sđt mk") it is "mình"', 'gửi ảnh cccd + mk vneid, xin mk banking, mk icloud; để lại sđt, mk gọi tư vấn; sđt mk là 09xx, ib mk nha', 'gui anh can cuoc cong dan mat khau vneid xin mat khau banking mat khau icloud de lai so dien thoai minh goi tu van so dien thoai minh la 09xx inbox minh nha'],
    ['more teencode: khum, đky/đkí, sp, ttin, hqua, nhg, đth, fải, lh, inb/ibox (not "fi": Wi-Fi)', 'khum mất fí, đky nhận sp, ttin hqua nhg fải lh đth, inb ibox; Wi-Fi, sci-fi', 'khong mat phi dang ky nhan san pham thong tin hom qua nhung phai lien he dien thoai inbox inbox wi fi sci fi'],
    ['look-alike letters Unicode maps elsewhere (Cyrillic п/т, Greek η, ŋ, ƭ, ʈ, Ƶ, ʐ, ȥ)', 'пạp tiềп, ηạp тiềη, ƭiềŋ ʈiền, Ƶalo ʐalo ȥalo', 'nap tien nap tien tien tien zalo zalo zalo'],
    ['Southern "vô" is "vào" before a place to go in (link, nhóm, app, đây, tài khoản…), and stays elsewhere', 'bấm vô link, vô nhóm zalo, vô đây coi, VÔ LINK, vo nhom; vô hiệu hóa, vô cùng, vợ tôi, vỡ nợ, vợ tài xế, vở dạy học, đưa vợ tk', 'bam vao link vao nhom zalo vao day coi vao link vao nhom vo hieu hoa vo cung vo toi vo no vo tai xe vo day hoc dua vo tai khoan'],
    ['"bn" is "bạn", and "bao nhiêu" next to a price, an amount or a count ("giá bn", "lãi bn", "bn tuổi")', 'Chúc mừng bn đã trúng, các bn ơi, đơn của bn, cần 2 bn nam, gửi lại bn; giá bn, phí ship bn, vay bn cũng được, lãi bn rút bấy nhiêu, bn tuổi', 'chuc mung ban da trung cac ban oi don cua ban can 2 ban nam gui lai ban gia bao nhieu phi ship bao nhieu vay bao nhieu cung duoc lai bao nhieu rut bay nhieu bao nhieu tuoi'],
    ['"bn" by its neighbours AS WRITTEN, in the same clause: "vậy", "tâm", "chuyện", "đồng ý", "cài" fold like price words but are not', 'Chào bn, bn có khỏe không; Sao vậy bn; nói chuyện với bn; quan tâm bn; bn đồng ý không; bn cài app này; bn cứ yên tâm; bn ngày mai rảnh; gửi bn tiền thưởng', 'chao ban ban co khoe khong sao vay ban noi chuyen voi ban quan tam ban ban dong y khong ban cai app nay ban cu yen tam ban ngay mai ranh gui ban tien thuong'],
    ['a final "ng" typed without its "n" ("đag", "cũg", "lươg", "khôg"), in any case or NFD; unaccented only as teencode words', 'Em ĐAG cần gấp, cũg k sao, lươg cao, khôg cọc, hàg về đóg tiền, thág này, nhưg mà, ca\u0303g; xog trog cug nhug khog dag', 'em dang can gap cung khong sao luong cao khong coc hang ve dong tien thang nay nhung ma cang xong trong cung nhung khong dang'],
    ['English words ending in a vowel and "g" stay (no Vietnamese marks)', 'big sale, dog tag, bag, hug, König', 'big sale dog tag bag hug konig'],
    ['j for i in teencode spellings', 'vjệc nhẹ, kjếm tjền, nhjều', 'viec nhe kiem tien nhieu'],
    ['ambiguous abbreviations stay', 'nv ls dk kg hong', 'nv ls dk kg hong'],
    ['khong spellings', 'ko k hok kh khg', 'khong khong khong khong khong'],
    ['Southern words read with their own marks only', 'Tui hông nhận COD, hổng cần cọc, dô page, ZÔ nhóm, gửi dìa', 'tui khong nhan cod khong can coc vao page vao nhom gui ve'],
    ['their look-alikes stay', 'hoa hồng, do anh, đô la, đĩa cơm, hong kong', 'hoa hong do anh do la dia com hong kong'],
    ['"lỗ hổng" (a hole, a security flaw) and "bên hông" (the side) are nouns, not "không"', 'Tài khoản có lỗ hổng bảo mật phải cung cấp OTP, LỖ  HỔNG, lô\u0303 ho\u0302\u0309ng, bên hông nhà, eo hông, xương hông; chỗ đó hổng có', 'tai khoan co lo hong bao mat phai cung cap otp lo hong lo hong ben hong nha eo hong xuong hong cho do khong co'],
    ['a syllable cut by emoji is one word', 'TR🎉ÚNG THƯ🎁ỞNG, ch🔥uyển kh🔥oản, ch🔥uy🔥ển', 'trung thuong chuyen khoan chuyen'],
    ['single letters each cut by emoji are one word, like a dotted run (not the syllable "de" + "posit")', 'pay the d🔥e🔥p🔥o🔥s🔥i🔥t, c🔥ọ🔥c', 'pay the deposit coc'],
    ['a trailing "@"/"$" that ends a syllable is its leet letter ("gi@" giá); otherwise a separator', 'gi@ rẻ, ch@o, me@ gmail, US$ 5', 'gia re chao me gmail us 5'],
    ['a syllable cut by one dot, dash, underscore or star is one word', 'ch.uyển kh.oản, t.iền c.ư t.rú, n-ạp, v_iệc, tiề*n, T.RÚ.NG', 'chuyen khoan tien cu tru nap viec tien trung'],
    ['a letter cut off a syllable does not join the letter-spaced run before it', 'l.à.m v.iệc, x.á.c m.inh', 'lam viec xac minh'],
    ['dotted pieces that are no single syllable stay apart', 'TP.HCM, e-mail, Wi-Fi, abc.com, ch..uyển, ch. uyển', 'tp hcm e mail wi fi abc com ch uyen ch uyen'],
    ['an initial before a capitalised name stays an initial', 'T.Hương, N.Hà, anh T.Hùng', 't huong n ha anh t hung'],
    ['words glued by emoji that are no syllable stay two', 'Nhà🏠đẹp, anh❤️em, bé🙏ngoan', 'nha dep anh em be ngoan'],
    ['two-word spellings', 'kết bạn za lo, Face book', 'ket ban zalo facebook'],
    ['other scripts break words', 'nạp中文tiền', 'nap tien'],
    ['digits stay digits in a digit-heavy spaced run', 'n ạ p 5 0 0 k', 'nap 500 nghin'],
    ['spaced amount after spaced teencode', 'c k 5 0 0 k', 'chuyen khoan 500 nghin'],
    ['spaced percent after a spaced word', 'l ã i 3 0 %', 'lai 30'],
    ['a single leet digit in a spaced run still folds', 'c 0 n g t a c', 'congtac'],
    ['amount with a trailing part after the unit', 'vay 1tr350, còn 2tr5', 'vay 1 trieu 350 con 2 trieu 5'],
    ['grouped amounts read like written-out units', 'phí 500.000đ, cọc 2.500.000 VNĐ, 15.000.000d, 1.200.000.000 đồng', 'phi 500 nghin coc 2 5 trieu vnd 15 trieu 1 2 ty dong'],
    ['grouped amounts with commas only with a currency mark', 'ck 2,000,000đ; fee $2,000; 3,000,000 VND', 'chuyen khoan 2 trieu fee 2 000 3 trieu vnd'],
    ['foreign currencies keep their digits', 'hộp quà 50.000 đô, 200.000 USD, 80.000 euro', 'hop qua 50 000 do 200 000 usd 80 000 euro'],
    ['phone, account and odd groups stay digits', '0912.345.678, 091.234.5000, 1.234.567đ, 2.000.0001, 1.5.000', '0912 345 678 091 234 5000 1 234 567d 2 000 0001 1 5 000'],
    ['empty', '', ''],
    ['only separators', ' .,;!? 🔥 \u200B ', ''],
  ])('%s', (_name, raw, expected) => {
    const n = normalizeText(raw);
    expect(n.text).toBe(expected);
    expect(n.start.length).toBe(expected.length);
    expect(n.end.length).toBe(expected.length);
  });
});

describe('offsets point at the original characters', () => {
  test.each([
    ['c.ộ.n.g t.á.c v.i.ê.n!', 'cong', 'c.ộ.n.g'],
    ['Tuyển c.ộ.n.g t.á.c v.i.ê.n!', 'vien', 'v.i.ê.n'],
    ['làm n-ạ-p t-i-ề-n đi', 'nap', 'n-ạ-p'],
    ['bị l 🔥 ừ a rồi', 'lua', 'l 🔥 ừ a'],
    ['xx co\u0323\u0302ng yy', 'cong', 'co\u0323\u0302ng'],
    ['xx 𝐜𝐨̣̂𝐧𝐠 yy', 'cong', '𝐜𝐨̣̂𝐧𝐠'],
    ['xx cộ\u200Bng yy', 'cong', 'cộ\u200Bng'],
    ['nhắn ib nhé', 'inbox', 'ib'],
    ['chỉ 500k thôi', 'nghin', 'k'],
    ['5 củ', 'trieu', 'củ'],
    ['c0ng việc', 'cong', 'c0ng'],
    ['hãy ca$h out', 'cash', 'ca$h'],
    ['vay 1tr350 nhé', 'trieu', 'tr'],
    ['vay 1tr350 nhé', '350', '350'],
    ['n ạ p 5 0 0 k', '500', '5 0 0'],
    ['nộp 2.500.000đ nhé', 'trieu', '2.500.000đ'],
    ['tui ho\u0302ng nhận', 'khong', 'ho\u0302ng'],
  ])('%s: "%s" comes from %s', (raw, word, expected) => {
    expect(originalOf(raw, word)).toBe(expected);
  });

  test('the restored "n" of a clipped "ng" maps to the "g" it was typed without', () => {
    const raw = 'Lươg cao';
    const n = normalizeText(raw);
    expect(n.text).toBe('luong cao');
    expect(sliceBehind(raw, n, 0, 5)).toBe('Lươg');
    expect(sliceBehind(raw, n, 3, 5)).toBe('g');
    expect(sliceBehind(raw, n, 0, 3)).toBe('Lươ');
  });

  test('a teencode expansion maps every char, spaces included, to the source word', () => {
    const raw = 'gửi stk đi';
    const n = normalizeText(raw);
    expect(n.text).toBe('gui so tai khoan di');
    const from = n.text.indexOf('so');
    for (let i = from; i < from + 'so tai khoan'.length; i++) {
      expect(raw.slice(n.start[i], n.end[i])).toBe('stk');
    }
  });

  test('a space maps to the gap between its words', () => {
    const raw = 'nạp ... tiền';
    const n = normalizeText(raw);
    expect(n.text).toBe('nap tien');
    expect(raw.slice(n.start[3], n.end[3])).toBe(' ... ');
  });

  test('joined letter-spaced words are listed', () => {
    const n = normalizeText('xin c o n g t a c nhé');
    expect(n.text).toBe('xin congtac nhe');
    expect(n.joined).toEqual([4]);
  });

  test('words written together by invisible characters, and hashtags, are listed as joined', () => {
    // U+200B / U+200C / U+2060 / soft hyphen standing in for spaces: the matcher must look inside the word.
    const glued = normalizeText('Tuyển cộng\u200btác\u200cviên làm\u2060việc\u00adtại nhà');
    expect(glued.text).toBe('tuyen congtacvien lamviectai nha');
    expect(glued.joined).toEqual([6, 18]);
    const tags = normalizeText('#vieclamtainha #kiemtienonline ok');
    expect(tags.text).toBe('vieclamtainha kiemtienonline ok');
    expect(tags.joined).toEqual([0, 14]);
    // An invisible character inside a syllable still folds to the one word; it is listed too (segmenting finds "cong").
    const split = normalizeText('cộ\u200bng tác');
    expect(split.text).toBe('cong tac');
    expect(split.joined).toEqual([0]);
    // Plain words, a "#" not right before the word, and an invisible character at a word's edge are not.
    expect(normalizeText('cộng tác # viên \u200bnhé\u200b').joined).toEqual([]);
    // Through the fast path and the whole pipeline alike.
    for (const raw of ['a cộng\u200btác b', 'x #congtac y', 'x#congtac']) {
      expect(normalizeText(raw)).toEqual(normalizeTextReference(raw));
    }
  });
});

describe('foldPhrase', () => {
  test.each([
    ['cộng tác viên', 'cong tac vien'],
    ['  Nạp   TIỀN ', 'nap tien'],
    ['chuyển khoản', 'chuyen khoan'],
    ['ck', 'chuyen khoan'],
    ['Zalo', 'zalo'],
  ])('%s → %s', (phrase, expected) => {
    expect(foldPhrase(phrase)).toBe(expected);
  });
});

describe('foldAccented keeps Vietnamese diacritics', () => {
  test.each([
    ['BÁN', 'bán', true],
    ['ba\u0301n', 'bán', true],
    ['b.á.n', 'bán', true],
    ['ban', 'bán', false],
    ['bàn', 'bán', false],
    ['dan', 'đàn', false],
    ['ĐÀN', 'đàn', true],
  ])('%s vs %s', (a, b, same) => {
    expect(foldAccented(a) === foldAccented(b)).toBe(same);
  });
});

describe('foldCharacters', () => {
  test('folds letters and keeps other characters', () => {
    expect(foldCharacters('Nạp\\s+TIỀN (ĐI)')).toBe('nap\\s+tien (di)');
  });
});

describe('property: the fast path for plain words equals the whole pipeline', () => {
  // Pieces that exercise every rule that looks beyond one word: single letters and letter-spaced runs, markers and
  // emoji between letters, digits, leet, amounts and their units, teencode words and pairs, "@"/"$", multi-letter and
  // astral folds, homoglyphs, combining marks, invisible characters, section breaks, lone surrogates — between plain
  // words, so that many slices open and close inside one text.
  const PIECES = [
    'việc', 'làm', 'cộng', 'tác', 'viên', 'Đăng', 'ký', 'nhận', 'thưởng', 'CHUYỂN', 'khoản', 'tiền', 'zalo', 'ngay',
    'a', 'b', 'c', 'đ', 'ư', 'ộ', 'k', 'e', 't', 'l',
    ' ', ' ', ' ', ' ', '  ', '\n', '\u00a0', ', ', '. ', '!', '?', ':', '(', ')', '"', '“', '”', '\u2029',
    '.', '-', '_', '*', '/', '|', '~', '+', '🔥', '😍', '🎁', '⭐', '→',
    '0', '1', '3', '5', '500', '1tr5', '500k', '5tr', '2 tỷ', 'nghìn', 'triệu', 'củ', 'tr', 'k ', '000', '2.500.000đ', ',000',
    'ck', 'ko', 'stk', 'ib', 'ctv', 'mn', 'za', 'lo', 'face', 'book', 'hông', 'hồng', 'dô', 'do', 'HÔNG', 'mk', 'tk', 'cũ', 'và', 'đổi', 'vs', 'mã', 'lỗ', 'LỖ ', 'lỗ hổng', 'bên', 'hổng',
    'c0ng', 'n@p', 'ti$n', '@', '$', '1ừa', 'ch0', 'ph1',
    'ß', '⑩', 'ﬁ', '𝐜𝐨̣̂𝐧𝐠', '𝐭𝐢𝐞̂̀𝐧', 'сông', 'ᴛɪᴇɴ', '🅐', 'kh🅾️ản',
    'e\u0301', '\u0301', '\u0323', 'o\u0302\u0323', '\u200b', '\u00ad', '\u200d', '\ufeff', '\ud83d', '\udd25',
    'c.ộ.n.g', 'n-ạ-p', 'l 🔥 ừ a', 'c o n g t a c', 't🎉rúng', 'tr', 'ung', 'ch', 'uyển', 'thư', 'ởng', '❤️', '🎁',
    'đag', 'cũg', 'lươg', 'KHÔG', 'ca\u0303g', 'big', 'dog', 'xog', 'g', 'ag',
    'kh', 'oản', 'iền', 'rú', 'T', 'Hương', 'ng', 'ân', 'uy',
  ];
  const textArb = fc
    .array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 40 })
    .map((pieces) => pieces.join(''));
  const textWithSpacesArb = fc
    .array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 40 })
    .map((pieces) => pieces.join(' '));

  test.each([
    ['pieces glued together', textArb],
    ['pieces between spaces', textWithSpacesArb],
  ])('%s', (_name, arb) => {
    fc.assert(
      fc.property(arb, (raw) => {
        const fast = normalizeText(raw);
        const whole = normalizeTextReference(raw);
        expect(fast.text).toBe(whole.text);
        expect([...fast.start]).toEqual([...whole.start]);
        expect([...fast.end]).toEqual([...whole.end]);
        expect(fast.joined).toEqual(whole.joined);
        // The phrase matcher's own view (normalizeIntoScratch): the word list the pass records beside the codes must
        // be exactly the folded text's words, or the matcher walks the wrong words.
        const scratch = normalizeIntoScratch(raw);
        const recorded = Array.from({ length: scratch.wordCount }, (_, k) => [scratch.wordFrom[k], scratch.wordTo[k]]);
        expect(recorded).toEqual([...whole.text.matchAll(/[^ ]+/g)].map((m) => [m.index, m.index + m[0].length]));
      }),
      { numRuns: 3000 },
    );
  });

  test('a syllable cut by a marker before an astral letter (a review found "củ.𝐚")', () => {
    for (const raw of ['củ.𝐚', 'hôm nay củ.𝐚 nhé', 'ch.𝐮yển tiền', 'kh-𝐨ản']) {
      expect(normalizeText(raw), raw).toEqual(normalizeTextReference(raw));
    }
  });

  test('a slice in the middle of a long text of plain words', () => {
    const plain = 'hôm nay trời đẹp quá mọi người ơi ';
    for (const piece of PIECES) {
      const raw = plain.repeat(3) + piece + plain.repeat(3) + piece + piece;
      expect(normalizeText(raw)).toEqual(normalizeTextReference(raw));
    }
  });

  test('the spelling key of a precomposed Vietnamese or ASCII letter is its lowercase (the fast path skips NFKD for them)', () => {
    const letters = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđabcdefghijklmnopqrstuvwxyz';
    for (const ch of [...letters, ...letters.toUpperCase()]) expect(foldAccented(ch), ch).toBe(ch.toLowerCase());
  });

  test('accented words and their look-alikes in every spelling, between plain words', () => {
    const words = ['zö', 'ZÖ', 'zo', 'Zô', 'dô', 'd\u043e\u0302', 'hông', 'ho\u0302ng', 'HÔNG', 'hồng', 'đỏ', 'h\u200bông', 'dìa', 'đĩa', 'lỗ hổng', 'mk', 'tk mk', 'tk + mk', 'tk/mk', 'tài khoản, mk', 'ck mk', 'stk mk', 'tk và mk'];
    for (const word of words) {
      const raw = `hôm nay ${word} nhé trời đẹp`;
      expect(normalizeText(raw), raw).toEqual(normalizeTextReference(raw));
    }
  });

  test('a word cut by emoji before an astral letter (fast-check found "thư🎁🅐")', () => {
    for (const raw of ['thư🎁🅐', 'hôm nay thư🎁🅐 nhé', 'ch🔥𝐮yển tiền', 'tr🎉𝐮ng']) {
      expect(normalizeText(raw), raw).toEqual(normalizeTextReference(raw));
    }
  });

  test('a word cut by emoji or symbols at every place, between plain words', () => {
    const plain = 'hôm nay trời đẹp ';
    for (const word of ['chuyển', 'khoản', 'trúng', 'thưởng', 'nhận', 'người', 'đẹp']) {
      for (const cut of ['🎉', '🔥🔥', '❤️', '★', '​🎁', '🎉'.repeat(7), '⭐️'.repeat(6), '\u200b'.repeat(13) + '★']) {
        for (let at = 1; at < word.length; at++) {
          const raw = plain + word.slice(0, at) + cut + word.slice(at) + ' ' + plain;
          expect(normalizeText(raw), raw).toEqual(normalizeTextReference(raw));
        }
      }
    }
  });

  test('a word cut by one ASCII marker at every place, between plain words', () => {
    const plain = 'hôm nay trời đẹp ';
    for (const word of ['chuyển', 'khoản', 'trúng', 'Thưởng', 'NGƯỜI', 'tiền', 'việc']) {
      for (const cut of ['.', '-', '_', '*', '..', '.\u200b']) {
        for (let at = 1; at < word.length; at++) {
          const raw = plain + word.slice(0, at) + cut + word.slice(at) + ' ' + plain;
          expect(normalizeText(raw), raw).toEqual(normalizeTextReference(raw));
          if (cut.length === 1) expect(normalizeText(raw).text, raw).toContain(normalizeText(word).text);
        }
      }
    }
  });

  test('an emoji cut with an invisible ASCII control after the emoji (fast path = pipeline)', () => {
    // The pipeline drops C0 controls and DEL inside the cut ("ch🎉\u007fuyển" is "chuyen"); the fast path's glue guard
    // stopped at the first ASCII character and kept "ch uyen".
    for (const word of ['chuyển', 'thưởng', 'khoản']) {
      for (const cut of ['🎉\u007f', '🎉\u0001', '🔥\u0008🔥', '★\u001f']) {
        const raw = `hôm nay ${word.slice(0, 2)}${cut}${word.slice(2)} trời đẹp`;
        expect(normalizeText(raw), JSON.stringify(raw)).toEqual(normalizeTextReference(raw));
      }
    }
  });
});

describe('hasVietnameseMarks', () => {
  test('a tone or vowel mark or "đ", composed or decomposed; not other diacritics, not plain letters', () => {
    for (const text of ['số này gọi', 'Đi', 'đ', 'bảo', 'ba\u0309o', 'ư']) expect(hasVietnameseMarks(text)).toBe(true);
    // The marks Vietnamese shares with other languages count ("café": an acute is a sắc).
    expect(hasVietnameseMarks('café')).toBe(true);
    for (const text of ['so nay goi em', 'ABC 123', 'naïve', 'Øre', '']) expect(hasVietnameseMarks(text)).toBe(false);
  });
});

describe('"<person> ạ" and "k ạ" end a sentence politely; they are not a spaced-out word', () => {
  test.each([
    ['cảm ơn e ạ', 'cam on e a'],
    ['dạ vâng c ạ', 'da vang c a'],
    ['lừa đúng k ạ, mn', 'lua dung khong a moi nguoi'],
    ['được k ạ?', 'duoc khong a'],
    ['ok a ạ', 'ok a a'],
  ])('%s', (raw, folded) => {
    expect(normalizeText(raw).text).toBe(folded);
    expect(normalizeTextReference(raw).text).toBe(folded);
  });

  test('a spelled-out word that goes on after "ạ", or other letters, still joins', () => {
    expect(normalizeText('c ạ n h giác').text).toBe('canh giac');
    expect(normalizeText('b ạ n').text).toBe('ban');
    expect(normalizeText('c ộ n g t á c').text).toBe('congtac');
  });
});

describe('"<person> k" with a space between is "<person> không", not a spaced-out "tk"/"ck"/"mk"', () => {
  test.each([
    ['t k gọi dc vì đang ở phòng thi', 't khong goi duoc'],
    ['e k biết đâu', 'e khong biet dau'],
    ['a k có tiền', 'a khong co tien'],
    ['c k nha', 'c khong nha'],
    ['t k thể đi được', 't khong the di duoc'],
    ['c k sợ đâu', 'c khong so dau'],
    ['c k, e tự lo', 'c khong e tu lo'],
    ['m k cho ai mượn', 'm khong cho ai muon'],
  ])('%s', (raw, folded) => {
    expect(normalizeText(raw).text).toContain(folded);
  });

  test('a word that continues the abbreviation, a marker between, other letters, or three letters still join', () => {
    expect(normalizeText('c k trước nhé').text).toBe('chuyen khoan truoc nhe');
    expect(normalizeText('gửi m k fb cho chị').text).toBe('gui mat khau facebook cho chi');
    expect(normalizeText('c k vào t k này').text).toBe('chuyen khoan vao tai khoan nay');
    expect(normalizeText('c k 200k phí kích hoạt').text).toBe('chuyen khoan 200 nghin phi kich hoat');
    expect(normalizeText('ib z l 0912').text).toBe('inbox zalo 0912');
    expect(normalizeText('bạn c k sang t k sau').text).toBe('ban chuyen khoan sang tai khoan sau');
    expect(normalizeText('gửi t k thẻ').text).toBe('gui tai khoan the');
    // The next word is read as written with look-alike letters folded (Cyrillic т, bold math letters), like "trước".
    expect(normalizeText('c k тrước nhé').text).toBe('chuyen khoan truoc nhe');
    expect(normalizeText('c k 𝐭𝐫𝐮̛𝐨̛́𝐜 nhé').text).toBe('chuyen khoan truoc nhe');
    expect(normalizeText('c.k trước nhé').text).toBe('chuyen khoan truoc nhe');
    expect(normalizeText('s t k của e').text).toBe('so tai khoan cua e');
    expect(normalizeText('z a l o').text).toBe('zalo');
  });
});

test('"mk" after a game account ("id game + mk", "acc game/mk") is the password; after "game" alone it is "mình"', () => {
  expect(normalizeText('gửi id game + mk để admin nạp').text).toBe('gui id game mat khau de admin nap');
  expect(normalizeText('gửi acc game/mk qua zalo').text).toBe('gui acc game mat khau qua zalo');
  expect(normalizeText('ai chơi game với mk không').text).toBe('ai choi game voi minh khong');
  expect(normalizeText('tối qua chơi game, mk thua sạch').text).toBe('toi qua choi game minh thua sach');
});
