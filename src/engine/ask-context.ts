/**
 * Is an ask really made? Three checks on the ORIGINAL text around an indicator, word by word, with accents:
 *
 * - `isNegatedAsk`: "EVN không gọi điện yêu cầu khách hàng chuyển tiền", "we will never ask you to share your code",
 *   "không mất phí" deny the ask. The negation must govern the ask: it sits in the same clause, and every word between
 *   it and the ask is a filler (modal, verb of asking or telling, pronoun, "bao giờ", "any/extra"). "Không cần thế
 *   chấp, đóng phí 10% trước" and "✅ Không cần kinh nghiệm ✅ Nạp 200k" keep their ask: the negation is about
 *   something else. Conditional ("nếu không … ", "if you don't", "không nạp … thì không rút được") and contrasted
 *   ("chỉ cần", "but", "just") negations keep it too.
 * - `isNarratedAsk`: "bà H. đã chuyển 1,2 tỷ" — an ask right after đã/vừa/từng/had/was is narrated, not made.
 *   So is an ask in a sentence that opens in the past ("Năm rồi tui … ck trước 7 triệu là bị chặn") and neither turns
 *   back to now nor asks ("…, giờ ai cần thì ck cọc", "… nhé").
 * - `isNegatedWarning`: "uy tín không lừa đảo" — a negated warning word is no warning.
 *
 * Words are compared with their accents: folded, "nợ"/"nó" would read "no", "cảm ơn"/"cam kết" "cam" (cấm), "dạ"
 * "da" (đã). A word typed without any accent ("khong", "da") is taken at its face value.
 */
import { hasVietnameseMarks, isAccentedNoun, normalizeText } from './normalize.ts';
import { isCommonSyllable } from './segment-syllables.ts';

/** A word; single letters joined by dots, dashes or stars are one word ("Đ.ừ.n.g", "k-h-ô-n-g"), as the normalizer
 *  reads them — two of them are an abbreviation (`splitWords`). */
const WORD = /\p{L}\p{M}*(?:[.\-_*]\p{L}\p{M}*)+(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;
const LETTER_JOINERS = /[.\-_*]/g;
/** Ends a clause: . , ! ? ; : before a space (a dotted "c.k" is no boundary), a line or section break, an emoji or
 *  a bullet. */
const BOUNDARY_BREAKS =
  String.raw`[\n\u2029]|[\p{Extended_Pictographic}\u2022\u25aa-\u25ab\u25cf\u25a0-\u25a1\u2713\u2714\u2192\u21d2\u27a1\u2605\u2606]|(?:^|\s)[-*+>–—](?=\s)`;
const CLAUSE_BOUNDARY = new RegExp(String.raw`[.,!?;:](?=\s)|` + BOUNDARY_BREAKS, 'gu');
/** Ends a sentence-level stretch: like CLAUSE_BOUNDARY but a comma does not end it (list items are split later). */
const SENTENCE_BOUNDARY = new RegExp(String.raw`[.!?;:](?=\s)|` + BOUNDARY_BREAKS, 'gu');

const NEGATIONS = new Set([
  'không', 'khong', 'ko', 'kô', 'khg', 'kh', 'hk', 'hok', 'hông', 'hổng', 'chẳng', 'chả', 'cấm', 'đừng', 'chưa', 'chớ',
  'no', 'not', 'never', 'without', 'nor', 'cannot', "don't", 'don’t', 'dont', "won't", 'won’t', "doesn't", 'doesn’t',
  "isn't", 'isn’t', "aren't", 'aren’t',
]);
/** Words that may stand between a negation and the ask it governs (folded: lowercase, no accents, đ → d). */
const FILLERS = new Set([
  // Vietnamese: modals, "ever", verbs of asking/telling/charging, pronouns and addressees.
  'can', 'phai', 'bao', 'gio', 'he', 'duoc', 'mat', 'bi', 'co', 'tu', 'yeu', 'cau', 'doi', 'thu', 'bat', 'goi', 'dien',
  'nhan', 'tin', 'gui', 'xin', 'hoi', 'de', 'nghi', 'lien', 've', 'qua', 'cho', 'se', 'tuyet', 'hoan', 'toan', 'nao',
  'ky', 'bat', 'gi', 'ca', 'them', 'an', 'ai', 'ban', 'quy', 'khach', 'hang', 'nguoi', 'dan', 'anh', 'chi', 'em', 'cac',
  'moi', 'minh', 'chung', 'toi', 'ta', 'vien', 'phi', 'truoc', 'thong', 'thoai', 'email', 'tiep',
  // What a bank does not send: "không gửi đường link / SMS yêu cầu nhập số thẻ".
  'duong', 'link', 'links', 'sms',
  // Verbs of giving a secret or money away: "không cung cấp / đọc / chia sẻ / nhập mã OTP".
  'cung', 'cap', 'dua', 'doc', 'chia', 'tiet', 'lo', 'nhap', 'bam', 'chuyen', 'nop', 'dong', 'khoan', 'tien', 'nap', 'ck',
  // What is moved and where to: "không yêu cầu người dân chuyển tiền vào tài khoản tạm giữ", "do not ask anyone to move
  // money into a safe account".
  'vao', 'into', 'anyone', 'move', 'transfer', 'money', 'funds',
  // English.
  'ask', 'asks', 'asked', 'asking', 'request', 'requests', 'require', 'requires', 'need', 'needs', 'have', 'has', 'to',
  'you', 'your', 'we', 'us', 'our', 'they', 'will', 'would', 'ever', 'any', 'an', 'a', 'the', 'for', 'or', 'and',
  'extra', 'hidden', 'additional', 'upfront', 'up', 'front', 'charge', 'charges', 'collect', 'call', 'text', 'email',
  'message', 'by', 'via', 'over', 'phone', 'do', 'does', 'is', 'are', 'be', 'give', 'share', 'send', 'pay', 'enter',
  'tell', 'reveal', 'provide',
]);
/** Originals that turn the ask into the text's own after a negation ("không cần cọc, chỉ cần nạp…"). */
const CONTRASTS = new Set(['chỉ', 'mà', 'nhưng', 'nhung', 'cứ', 'tuy', 'riêng', 'but', 'just', 'only', 'simply', 'instead', 'however']);
const MAX_BETWEEN = 10;
/** Fillers compared with their accents: folded, "đặt" (place a deposit) would be "đạt" (pass), "ứng" "ủng", "kêu" "kế",
 *  "nhờ" (ask a favour) "nhớ" (remember), "mã" (code: "không yêu cầu mã OTP") "mà" (but). */
const ACCENTED_FILLERS = new Set(['đặt', 'ứng', 'kêu', 'nhờ', 'mã']);
/** List joiners, compared with their accents ("hãy", please, is not "hay", or); a word typed without accents is taken
 *  at face value. */
const COORDINATORS = new Set(['hay', 'hoặc', 'hoac', 'và', 'va', 'or', 'and', 'nor']);
/** Verbs of asking that scope a whole list after a negation (folded). */
const ASKING_VERBS = new Set(['yeu', 'doi', 'bat', 'xin', 'ask', 'asks', 'asked', 'asking', 'request', 'requests', 'require', 'requires']);
/** The accented spellings of the condition words of CONDITIONAL_BEFORE that fold like other words. */
const CONDITION_SPELLINGS: ReadonlySet<string> = new Set(['thi', 'ma', 'neu', 'thì', 'mà', 'nếu']);
/** Words before an unaccented "thi" that make it a noun: siêu thị, thành thị, cuộc/bài/phòng thi (folded; not "do",
 *  "ky", "hoi": "đó thì", "kỳ thì", "hồi thì" are common). */
const THI_NOUN_HEADS: ReadonlySet<string> = new Set(['sieu', 'thanh', 'cuoc', 'bai', 'phong']);
/** A condition opened right before a negation: "nếu không", "if you don't", "mà không". */
const CONDITIONAL_BEFORE = /\b(?:neu|ma|if|unless|or|otherwise|thi)(?: \S+){0,2}\s*$/;
/** A condition opened a few words before a negation ("nếu trong 24 giờ anh không chuyển", "if within two days you do
 *  not pay"), folded; up to CONDITION_REACH words back. */
const CONDITION_OPENERS = new Set(['neu', 'if', 'unless']);
const CONDITION_REACH = 6;
/** Words that close an open condition before the negation: its answer begins ("nếu ai nhắn thì không…"). */
const CONDITION_CLOSERS = new Set(['thi', 'then']);
/** Negations that forbid, never the negation inside a condition ("nếu ai gọi bà con đừng chuyển tiền"). */
const PROHIBITIONS = new Set(['đừng', 'chớ', 'cấm', 'never']);
/** The answer of a condition right after the ask: "thì/then" (folded). */
const CONDITION_AFTER = /^\s*(?:\S+ ){0,3}(?:thi|then)\b/;
/**
 * Or "là bị / là sẽ bị / là mất" as written ("không xác minh là bị khóa", "không nhập OTP là mất tài khoản"): folded,
 * "lạ mặt" (a stranger) and "lạ bị" would read the same. Lowercase NFC original; "la bi" typed without accents counts,
 * "la mat" (also "lạ mặt") does not.
 */
const CONDITION_AFTER_LA = /^[\s,]*(?:\S+\s+){0,3}?(?:là\s+(?:sẽ\s+bị|bị|mất)|la\s+(?:se\s+bi|bi))(?![\p{L}\p{M}])/u;
/**
 * A threat in the first person right after the ask makes it the condition of the threat without "thì": "ko ck 20tr
 * vào stk dưới trong 2 tiếng t gửi hết cho vợ con", "don't pay within 24 hours and I will send it to everyone".
 */
const THREAT_SUBJECT = String.raw`(?:t|tao|tui|toi|bon tao|tui tao|chung tao|i|we)(?: se| will)? (?:gui|dang|phat tan|tung|post|send|leak|share|publish)\b`;
const THREAT_AFTER = new RegExp(String.raw`^\s*(?:\S+ ){0,10}` + THREAT_SUBJECT);
/** The threat as the outcome of the ask: "don't pay within 24 hours and we will post…". */
const THREAT_AFTER_JOINED = new RegExp(String.raw`^\s*(?:\S+ ){0,9}(?:and|or|va) ` + THREAT_SUBJECT);
/** "Don't" as a prohibition (with "do not", see `isProhibitedBefore`). */
const DONT = new Set(["don't", 'don’t', 'dont']);
/** First words of an ask that make it a noun phrase (a list item), not a new imperative clause. */
const NOUN_HEADS = new Set(['phi', 'coc', 'tien', 'ma', 'otp', 'mat', 'fee', 'fees', 'deposit', 'deposits', 'payment', 'code', 'password', 'pin']);
/** Verbs of calling, telling or asking (folded): a negation of one governs a coordinated verb of asking. */
const TELLING_VERBS = new Set(['goi', 'nhan', 'gui', 'thong', 'bao', 'yeu', 'doi', 'bat', 'xin', 'call', 'text', 'email', 'message', 'ask', 'request']);
/** Verbs of giving money back: a negated refund is no denied payment. */
const REFUND_VERBS = new Set(['hoan', 'tra', 'lay', 'refund', 'refunds', 'return', 'returns']);
/** Most words of one list item ("phí đồng phục", "nợ BHYT"). */
const MAX_ITEM_WORDS = 4;
/** Most list items followed back to the negation. */
const MAX_ITEMS = 5;
const PAST_MARKERS = new Set(['đã', 'vừa', 'từng', 'da', 'vua', 'had', 'has', 'have', 'was', 'were', 'already']);
/** Verbs of forcing and demanding right before an ask (compared with accents: "đổi", change, and "bát" are other words). */
const COERCION_VERBS = new Set(['bắt', 'đòi', 'forced', 'demanded']);
/** The writer's own side as the subject of a verb of forcing ("bên em đòi phí", "hệ thống bắt nộp", "shop mình bắt
 *  cọc"): its own terms, not a story (as written). */
const WRITERS_SIDE = [
  'bên em', 'bên mình', 'bên tôi', 'bên chị', 'bên anh', 'hệ thống', 'chúng tôi', 'chúng mình', 'chúng em', 'shop',
  'shop mình', 'shop em', 'page mình', 'page em', 'công ty mình', 'công ty em', 'công ty chúng tôi', 'admin', 'em',
  'mình', 'tôi', 'we', 'our system',
];
/** After a noun, "that one" ("công ty đó", "page ấy"): someone else. */
const DEMONSTRATIVES = new Set(['đó', 'ấy', 'kia', 'này', 'đấy', 'that', 'this']);

function isWritersSide(words: readonly Word[], verb: number): boolean {
  const before = words.slice(Math.max(0, verb - 4), verb).map((w) => w.original);
  // A victim's passive ("tôi bị họ bắt chuyển", "em bị đòi phí"), or "that company / page": told about.
  if (before.some((w) => w === 'bị' || w === 'bi') || DEMONSTRATIVES.has(before[before.length - 1] ?? '')) return false;
  // The writer's side as the subject right before the verb; no subject in the clause ("…ví điện tử, đòi nhập số thẻ
  // và OTP") is the one of the sentence before, told about.
  const tail = before.join(' ');
  return WRITERS_SIDE.some((side) => tail === side || tail.endsWith(` ${side}`));
}

/** People a verb of forcing may name before the ask ("đòi tui đóng", "bắt em chuyển"), as written. */
const OBJECT_PRONOUNS = new Set(['tui', 'tôi', 'mình', 'em', 'e', 'anh', 'chị', 'bạn', 'tao', 't', 'họ', 'cháu', 'con', 'ông', 'bà', 'cô', 'chú', 'bác', 'mẹ', 'ba', 'bố', 'me', 'us', 'him', 'her', 'them']);
/** Verbs of paying that stand between a verb of forcing and the fee it names ("bắt đóng [phí bảo hiểm]") (folded). */
const ASK_VERBS_AFTER_COERCION = new Set(['dong', 'nop', 'chuyen', 'coc', 'tra', 'nap', 'gui', 'pay', 'send']);

interface Word {
  /** Lowercase NFC original. */
  original: string;
  /** Lowercase, accents dropped, đ → d. */
  folded: string;
  index: number;
  /** Who is asked, right after a verb of asking (`markAddressee`): "không yêu cầu người chơi / phụ huynh cung cấp mật
   *  khẩu" — not a verb of its own ("có tk không dùng gửi thẻ cho em" asks) nor what a negation is about ("không cần
   *  người thân đóng phí trước" asks). */
  addressee?: boolean;
}

function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

/** Only emoji between two runs of letters ("kh🔒a", "m🅾️ợn"): one word with a letter hidden, not two words. */
const GLUED_BY_EMOJI = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D]+$/u;

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let previousEnd = -1;
  for (const m of text.matchAll(WORD)) {
    // "KH" in capitals and two dotted letters ("K.H", "H.K") are abbreviations (khách hàng, Hong Kong): kept as "k.h",
    // no negation "kh"/"hk" and no filler.
    const abbreviation = m[0] === 'KH' || /^\p{L}\p{M}*[.\-_*]\p{L}\p{M}*$/u.test(m[0]);
    const original = abbreviation ? [...m[0].replace(LETTER_JOINERS, '')].join('.').toLowerCase() : m[0].replace(LETTER_JOINERS, '').normalize('NFC').toLowerCase();
    const last = words[words.length - 1];
    if (last !== undefined && GLUED_BY_EMOJI.test(text.slice(previousEnd, m.index))) {
      // "kh🔒a" is not the negation "kh" followed by "a".
      last.original += '\u2022' + original;
      last.folded += '\u2022' + foldWord(original);
    } else {
      words.push({ original, folded: foldWord(original), index: m.index });
      markAddressee(words);
    }
    previousEnd = m.index + m[0].length;
  }
  return words;
}

/**
 * The stretch of `text` that ends at `start`, at most `reach` chars back, from the last `boundary`, whole words, and
 * its offset in `text`.
 */
function readBackTo(text: string, start: number, reach: number, boundary: RegExp): { text: string; offset: number } {
  const from = Math.max(0, start - reach);
  const window = text.slice(from, start);
  // A window cut mid-word would make the tail of a word ("ok") read as a word of its own ("k").
  let begin = from > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[from - 1] ?? '') ? window.length - window.replace(/^[\p{L}\p{M}\p{N}'’]*/u, '').length : 0;
  for (const m of window.matchAll(boundary)) if (m.index + m[0].length > begin) begin = m.index + m[0].length;
  return { text: window.slice(begin), offset: from + begin };
}

/** The clause of `text` that ends at `start`: at most `reach` chars back, from the last clause boundary, whole words. */
function readClauseBefore(text: string, start: number, reach: number): string {
  return readBackTo(text, start, reach, CLAUSE_BOUNDARY).text;
}

/** Verbs of asking someone (folded; "bát", a bowl, is no "bắt"): "yêu cầu", "đòi", "bắt", "xin", "đề nghị", "nhờ", "kêu". */
const ASKING_SOMEONE: ReadonlySet<string> = new Set(['cau', 'doi', 'bat', 'xin', 'nghi', 'nho', 'keu', 'hoi', 'ask', 'asks']);
/** Two-word addressees besides "người …" (originals): "phụ huynh", "thành/hội/sinh viên" ("viên" is a filler already). */
const ADDRESSEE_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['huynh', new Set(['phụ'])],
  ['viên', new Set(['thành', 'hội', 'sinh'])],
]);

/**
 * Marks the last word of `words` (and the one before it, for a pair) as the addressee of a verb of asking among the
 * three words before: "[yêu cầu] người chơi", "[bắt] phụ huynh". After another word ("không cần người thân…", "không
 * báo cho người nhà…", "không phụ thu…") they are no filler: the negation is about them, or they are words of their own.
 */
function markAddressee(words: Word[]): void {
  const n = words.length;
  const word = words[n - 1] as Word;
  const previous = words[n - 2];
  if (previous === undefined) return;
  const pair = ADDRESSEE_PAIRS.get(word.original)?.has(previous.original) ?? false;
  if (previous.folded !== 'nguoi' && !pair) return;
  const asked = words.slice(Math.max(0, n - 5), n - 2).some((w) => ASKING_SOMEONE.has(w.folded) && w.original !== 'bát');
  if (!asked) return;
  word.addressee = true;
  if (pair) previous.addressee = true;
}

function isFillerWord(word: Word): boolean {
  return FILLERS.has(word.folded) || ACCENTED_FILLERS.has(word.original) || word.addressee === true;
}

function isNegation(words: readonly Word[], k: number): boolean {
  const word = words[k];
  if (word === undefined) return false;
  // "no" is English; in a text typed without accents, "no" before a Vietnamese syllable is "nó" (he, it): "Nam no bi
  // cong an tam giu".
  if (word.original === 'no') {
    const next = words[k + 1];
    // At the end of a window the next word is the ask itself: judge by the word before ("Nam no [bị công an…]").
    return next === undefined ? !isCommonSyllable(words[k - 1]?.folded ?? '') : !isCommonSyllable(next.folded);
  }
  // A noun spelled like a Southern negation is none ("lỗ hổng", a security flaw; "bên hông", the side): "Tài khoản
  // có lỗ hổng bảo mật phải cung cấp mã OTP" asks (normalize.ts, teencode.json `accentedNouns`).
  if (NEGATIONS.has(word.original)) return !isAccentedNoun(word.original, words[k - 1]?.original ?? '');
  // "k cần cọc": "k" is "không" unless it is an amount's unit ("500 k").
  return word.original === 'k' && !/^\d/.test(words[k - 1]?.original ?? '');
}

/** Index of the last negation among `words`, or -1. */
function findLastNegation(words: readonly Word[]): number {
  let k = words.length - 1;
  while (k >= 0 && !isNegation(words, k)) k--;
  return k;
}

/**
 * "nếu không …", "if you don't …", "mà không …": the negation at `negation` opens a condition. A condition opened
 * further back ("nếu trong 24 giờ anh không chuyển…") counts only while it is still open at a plain negation: not once
 * "thì/then" has answered it, and not at a prohibition or a standing rule ("nếu ai nhắn tuyệt đối không chuyển tiền",
 * "nếu có ai gọi bà con đừng chuyển tiền", "không bao giờ"), which deny whatever the condition.
 */
function isConditionalNegation(words: readonly Word[], negation: number): boolean {
  // "thì", "mà" and "nếu" as written, or typed without accents: "siêu thị", "mã", "nêu" are other words — and so is
  // an unaccented "thi" that ends a noun ("sieu thi khong goi dien…" is the supermarket, not "thì").
  const near = words
    .slice(Math.max(0, negation - 3), negation)
    .map((w, k, all) =>
      (CONDITION_SPELLINGS.has(w.folded) && w.original !== w.folded && !CONDITION_SPELLINGS.has(w.original)) ||
      (w.original === 'thi' && THI_NOUN_HEADS.has(all[k - 1]?.folded ?? ''))
        ? '_'
        : w.folded,
    )
    .join(' ');
  // "… thì không ai bắt chuyển tiền trước": nobody asks — a denial, whatever came before "thì" ("thì không nộp phí sẽ
  // bị khóa" threatens the reader: a condition).
  const nobody = words[negation + 1]?.folded === 'ai' && !near.split(' ').some((w) => CONDITION_OPENERS.has(w));
  if (CONDITIONAL_BEFORE.test(near) && !nobody) return true;
  const window = words.slice(Math.max(0, negation - CONDITION_REACH), negation);
  // "nếu", not "nêu" (state): "Công an nêu rõ cơ quan chức năng không yêu cầu…" is a denial.
  const opener = window.map((w) => CONDITION_OPENERS.has(w.folded) && (w.original === 'nếu' || w.original === w.folded)).lastIndexOf(true);
  if (opener < 0 || window.slice(opener + 1).some((w) => CONDITION_CLOSERS.has(w.folded))) return false;
  return !isForbidding(words, negation);
}

/** A verb of asking ("yêu cầu", "đòi", "bắt", "xin", "đề nghị", "ask"…). */
function isAskingVerb(word: Word): boolean {
  // "hỏi" (ask for), also typed without accents; not "hồi", "hội", "hơi".
  return ASKING_VERBS.has(word.folded) || word.original === 'nghị' || word.original === 'hỏi' || word.original === 'hoi';
}

/**
 * `negatedAsks`: spans of asks already found negated by the same negation ("không bao giờ yêu cầu [chuyển khoản
 * trước] [phí kích hoạt]"): their words count as fillers.
 */
export function isNegatedAsk(
  text: string,
  start: number | undefined,
  end?: number,
  negatedAsks: ReadonlyArray<readonly [number, number]> = [],
): boolean {
  if (start === undefined) return false;
  if (end !== undefined && isNegatedInside(text, start, end)) return true;
  if (end !== undefined && isDisownedAfter(text, start, end)) return true;
  if (end !== undefined && isDisownedCondition(text, start, end)) return true;
  if (end !== undefined && isAdvisedAgainst(text, start, end)) return true;
  if (end !== undefined && isLossConsequence(text, start, end)) return true;
  if (end !== undefined && isNegatedTailAsk(text, start, end, negatedAsks)) return true;
  if (start === 0) return false;
  return (
    isNegatedInClause(text, start, end, negatedAsks) ||
    isNegatedListItem(text, start, end, negatedAsks) ||
    isDeniedByPolicy(text, start, end) ||
    isNegatedBulletItem(text, start, end)
  );
}

/** Verbs that end a pattern's ask ("… đóng phí", "… chuyển tiền", "… thanh toán"; folded): those an ask follows a
 *  coercion with, and a few more. */
const TAIL_ASK_VERBS: ReadonlySet<string> = new Set([...ASK_VERBS_AFTER_COERCION, 'ck', 'thanh', 'transfer']);
/** Most words a match may carry after the negation it crosses. */
const TAIL_REACH = 6;
/** Words before "chuyển" that make it part of a noun, not the verb: "vận chuyển", "di chuyển", "luân chuyển". */
const CHUYEN_NOUN_BEFORE: ReadonlySet<string> = new Set(['van', 'di', 'luan']);

/**
 * "trúng thưởng thiệt thì không ai bắt chuyển tiền": a pattern whose gap ("trúng thưởng … chuyển tiền") crosses a
 * negation that governs the ask at the match's end denies that ask, as if the pattern had matched the ask alone. Only a
 * negation inside the gap (not among the match's first two words: "Không thanh toán khi nhận hàng" is the pattern's
 * own wording), not "chưa" (a state: "chưa đóng phí nên hồ sơ bị treo" presses), and with a word between it and the
 * verb ("không ai bắt", "không yêu cầu").
 */
function isNegatedTailAsk(
  text: string,
  start: number,
  end: number,
  negatedAsks: ReadonlyArray<readonly [number, number]>,
): boolean {
  const words = splitWords(text.slice(start, end));
  const n = words.length;
  for (let k = n - 1; k >= Math.max(1, n - TAIL_REACH); k--) {
    const word = words[k];
    if (word === undefined || !TAIL_ASK_VERBS.has(word.folded)) continue;
    // "… không cần chuyển phí vận chuyển": the verb is the first "chuyển", the last is part of a noun.
    if (word.folded === 'chuyen' && CHUYEN_NOUN_BEFORE.has(words[k - 1]?.folded ?? '')) continue;
    // Only when a negation stands inside the gap before the verb: the clause rule reads it.
    const inGap = words.slice(2, k - 1).some((w, i) => w.original !== 'chưa' && w.original !== 'chua' && isNegation(words, i + 2));
    if (!inGap) return false;
    return isNegatedInClause(text, start + word.index, end, negatedAsks);
  }
  return false;
}

/** A bullet that opens a list item: a dash, a dot, a check or cross mark, an emoji, "1." / "2)" / "a)". */
const ITEM_BULLET = /^[\t \u00a0]*(?:[-–—•·*+>▪▫●■□◦‣⁃✓✔✗✘✖❌⛔→⇒➡►▶]|\p{Extended_Pictographic}|\(?\d{1,2}[.)](?=\s)|[a-eA-E][.)](?=\s))/u;
/** A bullet inside a line ("Shopee không yêu cầu: - Chuyển khoản … - Cung cấp mã OTP"). */
const INLINE_BULLET = /(?:^|\s)[-–—•·*+](?=\s)|[•▪●■◦‣✓✔❌⛔→⇒➡►]|\p{Extended_Pictographic}/gu;
/** Words of a list's header after its negation that keep it a denial: besides FILLERS, the list's own words ("các
 *  việc sau", "người mua/người bán", "the following"). */
const LIST_HEADER_WORDS = new Set(['sau', 'viec', 'dieu', 'nhung', 'mua', 'following', 'things', 'these', 'the', 'of', 'this', 'that', 'cho', 'con']);
/** A header that states a consequence ("không nộp phí là mất quà:", "… thì bị khóa:") threatens, it does not deny. */
const HEADER_CONSEQUENCES = new Set(['la', 'thi', 'mat', 'then', 'or']);
/** Words right after a list header's negation that keep it a standing rule ("không bao giờ", "sẽ không", "will never"). */
const HEADER_MODALS = new Set(['bao', 'gio', 'he', 'ever', 'se', 'duoc', 'phep', 'nen', 'will', 'do', 'should', 'to']);
/** Verbs a list header denies: asking, telling, sending, giving a secret or money away (folded). */
const HEADER_VERBS = new Set([
  ...ASKING_VERBS, ...TELLING_VERBS, 'send', 'sends', 'contact', 'lien',
  'cung', 'chuyen', 'nop', 'dong', 'dua', 'nhap', 'chia', 'tiet', 'doc', 'cai', 'bam', 'truy', 'lam', 'thuc', 'hien',
  'share', 'provide', 'give', 'pay', 'enter', 'click', 'install', 'require', 'requires',
]);
/** Most lines between a list's header and the item that holds the ask; most words of the item before the ask. */
const MAX_LIST_LINES = 12;
const MAX_WORDS_BEFORE_IN_ITEM = 8;

/**
 * "Vietcombank KHÔNG BAO GIỜ yêu cầu Quý khách:\n- Cung cấp mã OTP…\n- Truy cập đường link lạ…", "We will never ask
 * you to:\n• share your OTP…", "Tuyệt đối KHÔNG:\n✅ chuyển tiền cho người lạ": an ask in an item of a bulleted list
 * whose header (the clause before the colon that opens the list) is a negation of asking, telling or giving — a
 * notice's list of what it never asks. Strict, since a scam writes lists too:
 * - every line between the header and the ask's item is an item (a bullet first); a plain line ends the list;
 * - the header's negation is bare ("KHÔNG:") or governs a verb of asking, telling or giving, and its other words are
 *   fillers and the list's own words: "không yêu cầu kinh nghiệm:", "không cần vốn:", "đừng bỏ lỡ:" deny something
 *   else, and the items are the text's own; a conditional negation ("nếu không…:") keeps them;
 * - the ask stands near the start of its item, with no contrast ("chỉ cần"), negation or sentence end before it, and
 *   no earlier item holds a contrast.
 */
function isNegatedBulletItem(text: string, start: number, end: number | undefined): boolean {
  const from = Math.max(0, start - 900);
  const inWindow = text.slice(from, start).lastIndexOf(':');
  if (inWindow < 0) return false;
  const colon = from + inWindow;
  if (!/\s/u.test(text[colon + 1] ?? '')) return false;
  const lines = text.slice(colon + 1, start).split(/\r?[\n\u2028\u2029]/u);
  if (lines.length > MAX_LIST_LINES + 1) return false;
  const last = lines[lines.length - 1] as string;
  // Every line after the header's is an item; the header's own line may hold the first items ("…: - A - B").
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    if (line.trim() === '' && k < lines.length - 1) continue;
    if (!ITEM_BULLET.test(line)) return false;
  }
  const bullet = ITEM_BULLET.exec(last)?.[0].length ?? 0;
  let itemStart = bullet;
  for (const m of last.matchAll(INLINE_BULLET)) if (m.index >= bullet) itemStart = m.index + m[0].length;
  const before = last.slice(itemStart);
  if (/[.!?;:](?=\s)/u.test(before)) return false;
  const itemWords = splitWords(before);
  if (itemWords.length > MAX_WORDS_BEFORE_IN_ITEM) return false;
  if (itemWords.some((w, k) => CONTRASTS.has(w.original) || isNegation(itemWords, k))) return false;
  // A contrast in an earlier item ("- Chỉ cần chuyển 50k…") makes the list the text's own.
  if (lines.length > 1 && splitWords(lines.slice(0, -1).join('\n')).some((w) => CONTRASTS.has(w.original))) return false;
  // The header: the clause before the colon.
  const header = splitWords(readBackTo(text, colon, 240, SENTENCE_BOUNDARY).text);
  const negation = findLastNegation(header);
  if (negation < 0 || header[negation]?.folded === 'chua' || isConditionalNegation(header, negation)) return false;
  let head = negation + 1;
  while (head < header.length && HEADER_MODALS.has(header[head]?.folded ?? '')) head++;
  // A bare "KHÔNG:" / "Never:", or a verb of asking, telling or giving: "Đừng bỏ lỡ:", "Không cần chờ đợi:" deny
  // nothing that is asked.
  const verb = header[head];
  if (verb !== undefined && !HEADER_VERBS.has(verb.folded) && !LIST_HEADER_WORDS.has(verb.folded)) return false;
  const after = header.slice(head);
  if (after.some((w) => CONTRASTS.has(w.original) || HEADER_CONSEQUENCES.has(w.folded))) return false;
  if (!after.every((w) => isFillerWord(w) || LIST_HEADER_WORDS.has(w.folded) || HEADER_VERBS.has(w.folded))) return false;
  return !(end !== undefined && isAnsweredByCondition(text, end, start));
}

/** Verbs of sending or contacting that a standing rule may deny besides the verbs of telling (folded). */
const SENDING_VERBS = new Set(['send', 'sends', 'contact', 'lien', 'ask', 'asks']);
/** First words of a clause that continues a list of channels after a standing rule (folded). */
const CHANNEL_NOUNS = new Set(['email', 'emails', 'sms', 'tin', 'zalo', 'messenger', 'cuoc', 'link', 'links', 'duong', 'text', 'texts', 'message', 'messages', 'call', 'calls', 'website', 'web', 'trang', 'mang', 'facebook', 'telegram', 'viber']);
/** Most words between a standing rule's negation and the ask it denies. */
const MAX_POLICY_WORDS = 25;
/** Words that may follow a negation and still make it a standing rule ("không bao giờ", "sẽ không", "never"). */
const POLICY_EVER = new Set(['bao', 'gio', 'h', 'he', 'ever']);

/** A cheap look at the original before any word is split: a standing rule needs one of these. */
const POLICY_HINT = /bao\s*gi|bao\s*h\b|never|tuy[eệ]t\s*[dđ][oố]i|s[eẽ]\s*(?:kh|ko\b|k\b)|will\s*not|won.t/iu;

/**
 * A standing rule: "Vietcombank KHÔNG BAO GIỜ gửi tin nhắn SMS, email có kèm đường link yêu cầu Quý khách cung cấp mật
 * khẩu…", "We never send emails with links asking you to confirm your password". A policy negation ("không bao giờ",
 * "tuyệt đối không", "never") right before a verb of sending, calling or asking governs the sentence: an ask after it is
 * denied when it is the object of a verb of asking that follows in the same clause (so "Shop không bao giờ gửi hàng
 * khi chưa nhận cọc, khách chuyển khoản trước" keeps its ask), with no contrast, condition or second negation between.
 */
function isDeniedByPolicy(text: string, start: number, end: number | undefined): boolean {
  if (!POLICY_HINT.test(text.slice(Math.max(0, start - 240), start).normalize('NFC'))) return false;
  const sentence = readBackTo(text, start, 240, SENTENCE_BOUNDARY);
  const words = splitWords(sentence.text);
  const negation = findLastNegation(words);
  if (negation < 0 || words.length - negation - 1 > MAX_POLICY_WORDS) return false;
  const previous = words[negation - 1]?.folded ?? '';
  let verb = negation + 1;
  while (verb < words.length && POLICY_EVER.has(words[verb]?.folded ?? '')) verb++;
  const tuyetDoi = previous === 'doi' && words[negation - 2]?.folded === 'tuyet';
  const standing = verb > negation + 1 || words[negation]?.original === 'never' || tuyetDoi || previous === 'se' || previous === 'will';
  if (!standing) return false;
  // The negated verb sends, calls or asks (a pronoun or "will" may stand before it).
  const isSending = (w: Word | undefined): boolean => w !== undefined && (TELLING_VERBS.has(w.folded) || SENDING_VERBS.has(w.folded));
  let head = verb;
  while (head < words.length && head < verb + 2 && !isSending(words[head]) && isFillerWord(words[head] as Word)) head++;
  if (!isSending(words[head])) return false;
  if (isConditionalNegation(words, negation)) return false;
  const between = words.slice(head + 1);
  if (between.some((w, k) => CONTRASTS.has(w.original) || isNegation(between, k))) return false;
  // The ask is the object of a verb of asking: in the negation's own clause, or in a later clause of the sentence
  // that continues it ("…gửi tin nhắn SMS, email có kèm đường link yêu cầu…") — not one that starts a request of its
  // own ("…không bao giờ gọi lại, đề nghị anh chị chuyển khoản…"). Items between are short (a list: "SMS, email").
  const clause = readBackTo(text, start, 240, CLAUSE_BOUNDARY);
  const clauseWords = splitWords(clause.text);
  const asking = clauseWords.findIndex((w) => isAskingVerb(w) || w.folded === 'to');
  const laterClause = clause.offset > sentence.offset + (words[negation]?.index ?? 0);
  if (asking < 0 && !laterClause) return false;
  if (laterClause) {
    const middle = text.slice(sentence.offset + (words[head]?.index ?? 0), clause.offset);
    const items = middle.split(CLAUSE_BOUNDARY).slice(1);
    // A later clause counts when it continues a list of channels ("…SMS, email có kèm đường link yêu cầu…"), or a
    // list of asks the negated verb of asking governs ("never ask you to pay a fee, share your OTP or provide your
    // card details": short items, the last joined by or/and/hay/hoặc/và) — not "…, khoản vay được duyệt yêu cầu
    // chuyển phí", which has a subject of its own, nor "…, hãy chuyển khoản…", a request of its own.
    const channelList = asking >= 2 && CHANNEL_NOUNS.has(clauseWords[0]?.folded ?? '') && items.every((item) => splitWords(item).length <= 3);
    const askList =
      isAskingVerb(words[head] as Word) &&
      clauseWords.length <= MAX_ITEM_WORDS &&
      (clauseWords.some((w) => COORDINATORS.has(w.original)) || (end !== undefined && isListGoingOn(text, end))) &&
      !clauseWords.some((w) => CONTRASTS.has(w.original) || isAskingVerb(w)) &&
      items.every((item) => {
        const itemWords = splitWords(item);
        return itemWords.length <= MAX_ITEM_WORDS && !itemWords.some((w) => CONTRASTS.has(w.original) || isAskingVerb(w));
      });
    if (!channelList && !askList) return false;
  }
  return !(end !== undefined && isAnsweredByCondition(text, end, start));
}

/**
 * The text disowns the ask right after it, in the same clause: "Các cuộc gọi … yêu cầu bấm phím, cung cấp mã OTP đều
 * không phải của Viettel", "Mọi tin nhắn đề nghị chuyển tiền … đều là giả mạo", "Emails asking you to confirm your
 * password are not from us". The sentence must open with what is disowned — calls, messages, links, requests — so
 * "…, các trang khác đều là giả mạo" and "…, app này không phải của Trung Quốc" (another subject, another clause) and a
 * scammer's "không phải lừa đảo đâu" keep the ask.
 */
const DISOWNED_AFTER =
  /^(?:\s*[a-z0-9]+){0,6}?\s*(?:(?:deu|do|nay) (?:khong|chang) phai (?:cua|do|tu|la cua)\b|deu la (?:gia mao|lua dao|mao danh)\b|(?:are|is) not (?:from|sent by|ours)\b)/;
/** The opening of a sentence about calls or messages (folded): "các cuộc gọi", "mọi tin nhắn", "emails", "any link". */
const MESSAGES_SUBJECT =
  /^(?:(?:cac|nhung|moi|bat ky|any|all)\s+)?(?:cuoc goi|tin nhan|email|sms|link|duong link|duong dan|yeu cau|loi moi|calls?|messages?|emails?|texts?|links?|requests?)\b/;

/** A cheap look at the original before normalizing: a disowning needs one of these. */
const DISOWNED_HINT = /ph[aảáạ]i|gi[aả]|m[aạ]o|l[uừ]a|\bnot\b/iu;

/** What follows "or"/"hoặc" when it opens a threat ("or else", "or your account will be closed", "hoặc sẽ bị khóa"). */
const THREAT_AFTER_JOINER = /^(?:else\b|(?:\S+ ){0,4}(?:will|would|se) (?:be|bi|lose|mat)\b)/;

/** After an item of a list, the list goes on to its last item: "…, share your OTP [or provide…]", "…, [hay] mật khẩu". */
function isListGoingOn(text: string, end: number): boolean {
  const window = text.slice(end, end + 80);
  const stop = window.search(/[.!?;:](?=\s|$)|[\n\u2029]/u);
  const words = splitWords(stop === -1 ? window : window.slice(0, stop));
  // A coordinator by its original spelling: "hãy" (an imperative) is not "hay" (or).
  const joiner = words.findIndex((w) => COORDINATORS.has(w.original));
  if (joiner < 0 || joiner > MAX_ITEM_WORDS) return false;
  // "…, pay the unlock fee, or your account will be closed": an "or else" threat, not the list's last item.
  return !THREAT_AFTER_JOINER.test(words.slice(joiner + 1).map((w) => w.folded).join(' '));
}

/** The folded text of `window` up to the first match of `stop` (the clause after an ask), all of it when none. */
function foldUpTo(window: string, stop: RegExp): string {
  return normalizeText(clipAt(window, stop)).text;
}

/** `window` up to the first match of `stop`, all of it when none. */
function clipAt(window: string, stop: RegExp): string {
  const at = window.search(stop);
  return at === -1 ? window : window.slice(0, at);
}

/** The end of a sentence (or a line) in the original: what the rules reading past an ask stop at. */
const SENTENCE_STOP = /[.!?;](?=\s|$)|[\n\u2029]/u;

function isDisownedAfter(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  if (!DISOWNED_HINT.test(after.normalize('NFC'))) return false;
  if (!DISOWNED_AFTER.test(foldUpTo(after, /[.,!?;:](?=\s|$)|[\n\u2029]/u))) return false;
  const sentence = readBackTo(text, start, 200, SENTENCE_BOUNDARY);
  return MESSAGES_SUBJECT.test(normalizeText(sentence.text).text);
}

/**
 * Folded words right after a fee that make it zero: "0đ", "0 đồng", "miễn phí", "free", "không đồng nào", "không mất
 * phí". Not a decimal amount that starts with 0 ("0,5 triệu", "0.5tr", "0tr5" read "0 5 trieu", "0 trieu 5": the
 * zero must not be followed by a digit or an amount word; "$0.00", "0.000đ" are zero) and not "không mất/tốn
 * nhiều" (not much is something).
 */
const ZERO_FEE =
  /^(?:la |chi |chi la |only |is )?(?:0(?: 0+)?(?: ?(?:d|dong|vnd|nghin|usd))?|mien phi|free|khong dong(?: nao)?|khong (?:mat|ton)(?: (?:phi|tien|dong nao)|$))(?:$| (?!\d|trieu|ty|cu|tram|nghin|k\b))/;

/** "miễn" (exempt) right before a fee word: "miễn phí" is free. */
const FREE_BEFORE = /(?<![\p{L}\p{M}])mi[eễ]n\s*$/iu;

/** A fee word in an ask's original words: only a fee can be stated as nothing. */
const FEE_WORD = /(?<![\p{L}\p{M}])(?:ph[ií]|fees?|charges?|costs?)(?![\p{L}\p{M}])/iu;

/**
 * A fee stated as nothing right after its words ("Phí nhận thưởng: 0đ", "phí đăng ký: miễn phí", "fee: free"): no
 * payment is asked. Looks at the original just after the ask (up to the end of its clause). The ask itself must name
 * the fee: "chuyển khoản trước free ship" still asks for the transfer (the shipping is the free part).
 */
export function isZeroFee(text: string, start: number | undefined, end: number | undefined): boolean {
  if (start === undefined || end === undefined) return false;
  if (!FEE_WORD.test(text.slice(start, end).normalize('NFC'))) return false;
  // "miễn phí, nhận quà" (free, receive a gift) folds to "phi nhan qua": a fee word right after "miễn" is "free".
  if (FREE_BEFORE.test(text.slice(Math.max(0, start - 12), start).normalize('NFC')) && /^ph[ií]/iu.test(text.slice(start, start + 4).normalize('NFC'))) return true;
  // NFC: "miễn"/"không" typed with combining marks must pass the cheap look too.
  const after = text.slice(end, end + 24).normalize('NFC');
  // An ask that ends inside a number ("fee \d" read "fee 2" of "fee 20k") is followed by the number's other digits.
  if (/\d$/.test(text.slice(start, end)) && /^\d/.test(after)) return false;
  if (!/0|mi[eễ]n|free|kh[oô]ng/iu.test(after)) return false;
  // A comma ends the clause, but not inside a decimal amount ("0,5 triệu").
  return ZERO_FEE.test(foldUpTo(after, /[!?;\n\u2029]|,(?!\d)|\.(?=\s|$)/u));
}

/** "Nếu (có) ai / bất kỳ ai / người nào …", "if anyone / someone …", or without "nếu" "ai bảo / ai đòi …", "anyone who
 *  asks …" opening a sentence (folded). */
const ANYONE_CONDITION =
  /^(?:\s*[a-z0-9]+){0,3}?\s*(?:neu|if)\s+(?:co\s+)?(?:ai|bat ky ai|nguoi nao|ben nao|anyone|someone|somebody|any one)\b|^\s*(?:ai|bat ky ai|nguoi nao|ben nao)\s+(?:bao|bat|doi|yeu cau|xin|nhan|goi|noi|keu|hoi)\b|^\s*(?:bat ky |moi )?(?:tai khoan|page|fanpage|trang|nick|so|so dien thoai|ca nhan|doi tuong|ben|website|web) (?:nao|khac)\s+(?:[a-z0-9]+\s+){0,6}?(?:bao|bat|doi|yeu cau|xin|nhan|nhan tin|goi|goi dien|noi|keu|hoi|xung|tu xung|thong bao)\b|^\s*(?:anyone|anybody|whoever)\s+(?:who\s+)?(?:asks?|tells?|wants?|demands?|requests?)\b/;
/** "…, (thì) đó / đấy / họ không phải (là) chúng tôi", "… là k phải bên mình", "that is not us", or "… (thì đó) là lừa
 *  đảo", "is a scammer" right after the ask (folded). */
const NOT_US =
  /^(?:[a-z0-9]+\s+){0,8}?(?:thi\s+)?(?:(?:do|day|nguoi do|ho|that|it|they|this)\s+|la\s+)(?:khong|chang|ko|k|is not|isnt|are not|arent|s not)\s+(?:phai\s+)?(?:la\s+)?(?:chung toi|chung minh|minh|ben minh|ben em|ben toi|shop|page|fanpage|ngan hang|cong ty|us|from us|our)\b|^(?:[a-z0-9]+\s+){0,8}?(?:thi\s+)?(?:(?:do|day|nguoi do|ho|that|it|they|this)\s+)?(?:la|deu la|chac chan la|is|are|is a|are a)\s+(?:lua dao|lua|gia mao|scam|scams|scammer|scammers|fake|fraud)\b/;

/**
 * An ask inside "if anyone … asks you …, that is not us": "Nếu ai nhắn bạn trúng giải và đòi phí nhận quà, đó không
 * phải chúng tôi" — the sentence opens with a condition on some other person and the clause after the ask disowns it.
 */
function isDisownedCondition(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 100);
  if (!/ph[aả]i|not|n.t\b|l[uừ]a|gi[aả]|scam|fake|fraud/iu.test(after.normalize('NFC'))) return false;
  const sentence = readBackTo(text, start, 200, SENTENCE_BOUNDARY);
  if (!ANYONE_CONDITION.test(normalizeText(sentence.text).text)) return false;
  const stop = after.search(/[.!?;](?=\s|$)|[\n\u2029]/u);
  // "Ai bảo chuyển khoản trước là lừa đảo? Shop uy tín…": a rhetorical question defends the ask.
  if (stop >= 0 && after[stop] === '?') return false;
  const disowning = NOT_US.exec(normalizeText(stop === -1 ? after : after.slice(0, stop)).text);
  if (disowning === null) return false;
  // "… thì không phải / chưa chắc là lừa đảo" (is not, not necessarily a scam) reassures: it disowns nothing.
  if (SCAM_CONSEQUENT.test(disowning[0]) && NOT_OR_HEDGE.test(disowning[0])) return false;
  // A bare "lua" typed without accents may be "lựa" (choose: "… là lựa được mẫu"): only "lừa" disowns.
  return !disowning[0].endsWith(' lua') || /lừa/iu.test(after.normalize('NFC'));
}

/** A sentence opening on some other person as a condition: "(Mẹ ơi) nếu (có) ai …", "có ai …", "khi người lạ …", "if
 *  anyone / someone …" — not a bare "ai" ("Ai cần vay…", "Ai nhận được tin nhắn trúng thưởng…" open offers) (folded,
 *  single spaces; a few words may come first: a vocative). Group 1: what follows the opening. */
const SOMEONE_OPENING =
  /^(?:[a-z0-9]+ ){0,4}?(?:(?:neu|if|khi|when) (?:co )?(?:ai|ai do|nguoi la|so la|bat ky ai|nguoi nao|ke nao|ke gian|anyone|someone|somebody|a stranger|strangers)|co (?:ai|ai do|nguoi la|so la|ke gian)|nguoi la|so la|ke gian|anyone|someone|somebody|a stranger|strangers) (.*)$/;
/** The condition answered before the ask ("Nếu ai hỏi thì nói là người nhà, giờ chuyển…"): the ask is not in it. */
const CONDITION_ANSWERED = /\b(?:thi|then)\b/;
/** The other person contacts or asks in the condition, as written ("gọi", "nhắn", "bảo", "xin", "hỏi"; without accents
 *  only the unambiguous "goi dien", "nhan tin", "yeu cau": "nhan" is also "nhận", "goi" also "gói"). */
const SOMEONE_CONTACTS =
  /(?<![\p{L}\p{M}])(?:gọi|nhắn|bảo|nói|đòi|yêu cầu|xin|hỏi|kêu|xưng|goi dien|nhan tin|yeu cau|tu xung|calls?|calling|texts?|messages?|emails?|asks?|asking|tells?)(?![\p{L}\p{M}])/u;
/** A contact aimed at the writer ("nhắn em", "ib mình", "gọi cho shop"): an offer's call to action, not someone else. */
const CONTACTS_WRITER =
  /(?<![\p{L}\p{M}])(?:nhắn|nhắn tin|ib|inbox|gọi|liên hệ|lh|zalo|nhan tin|goi dien|lien he)\s+(?:cho\s+|qua\s+)?(?:em|e|mình|mk|page|shop|admin|tui|tôi|bên em|bên mình|minh|toi)(?![\p{L}\p{M}])/u;
/** The answer to that condition is advice against the ask, in the same sentence: "… thì mẹ đừng đọc", ", cúp máy
 *  ngay", "… then don't share it", "hang up" (lowercase NFC: "đừng", not "dùng"; "dung" typed without accents only
 *  before a verb of complying). "đừng tin / nghe" only about the caller ("họ", "nó", "lời …"), not "bên khác": that
 *  is a scam's own line. Not a demand for secrecy: "đừng nói với ai", "don't tell anyone" is the scam's own. */
const ADVICE_AGAINST =
  /^[^.!?\n\u2029]{0,80}?(?:(?<![\p{L}\p{M}])(?:thì|thi|then)(?![\p{L}\p{M}])|,)\s*(?:[\p{L}\p{M}]+\s+){0,3}?(?:(?:đừng|chớ|không được|tuyệt đối không|dung)\s+(?:(?:đọc|doc|chuyển|chuyen|làm theo|lam theo|cung cấp|cung cap|bấm|bam|trả lời|tra loi|đưa|dua|gửi|gui|nhấn|nhan|cài|cai|nạp|nap|đóng|dong)(?![\p{L}\p{M}])|(?:tin|nghe)\s+(?:họ|nó|bọn|lời|chúng|ho|no|bon|loi)(?![\p{L}\p{M}]))|cúp máy|tắt máy|dập máy|cup may|tat may|báo (?:ngay )?(?:công an|ngân hàng)|bao (?:ngay )?(?:cong an|ngan hang)|(?:don['’]?t|do not|never)\s+(?:share|send|give|read|pay|transfer|click|install|reply|answer|tell them)\b|hang up|ignore (?:it|them)|report (?:it|them))/u;

/**
 * An ask inside a conditional warning: someone else's ask as the condition, advice against it as the answer — "Mẹ ơi
 * nếu có ai gọi bảo đọc mã OTP gửi về máy thì mẹ đừng đọc nhé", "if anyone calls asking for the code, hang up".
 * Unlike `isDisownedCondition` nothing needs to say "that is not us": the writer tells the reader not to comply.
 */
function isAdvisedAgainst(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 120).normalize('NFC').toLowerCase();
  if (!ADVICE_AGAINST.test(after)) return false;
  const sentence = readBackTo(text, start, 200, SENTENCE_BOUNDARY);
  const written = sentence.text.normalize('NFC').toLowerCase();
  if (!SOMEONE_CONTACTS.test(written) || CONTACTS_WRITER.test(written)) return false;
  const opening = SOMEONE_OPENING.exec(normalizeText(sentence.text).text);
  return opening !== null && !CONDITION_ANSWERED.test(opening[1] ?? '');
}

/** NOT_US ending in "(là) lừa đảo / scam" rather than "không phải chúng tôi"; a negation or hedge in it (folded). */
const SCAM_CONSEQUENT = /(?:lua dao|lua|gia mao|scams?|scammers?|fake|fraud)$/;
const NOT_OR_HEDGE = /\b(?:khong|ko|k|chang|chua|not|never|isnt|arent|maybe|co le|chac gi)\b/;

/**
 * A lure denied in its own clause ("không ai bắt bạn nạp tiền hay làm nhiệm vụ"), or in an item of a bulleted list
 * under a negated header (`isNegatedBulletItem`): the clause rule of `isNegatedAsk` only — no comma lists, no negation
 * inside the match ("không cần vốn" IS the lure), and not "chưa". (Threats are not
 * checked: "không nộp [thì] chuyển hồ sơ lên huyện" is a condition without "thì".)
 */
export function isNegatedClaim(text: string, start: number | undefined, end?: number): boolean {
  if (start === undefined || start === 0) return false;
  if (isNegatedBulletItem(text, start, end)) return true;
  const words = splitWords(readClauseBefore(text, start, 80));
  const negation = findLastNegation(words);
  // "chưa" (not yet) before a lure is the scam's own premise ("quý khách chưa nhận quà tri ân"), not a denial.
  if (negation < 0 || words[negation]?.folded === 'chua') return false;
  // Only a few words may stand between: "không ai bắt bạn [nạp tiền…]"; "trừ tiền không nhận được liên hệ [để được
  // hoàn tiền]" is a complaint, not a denial of the lure.
  if (!isClaimDeniedBy(words.slice(negation + 1))) return false;
  if (end !== undefined && isComparedWithWriter(text, end)) return false;
  return !isConditionalNegation(words, negation) && !(end !== undefined && isAnsweredByCondition(text, end, start));
}

/** Words of calling and messaging between a negation and the lure it denies, when a verb of asking follows them
 *  ("không gọi điện đòi cắt điện", "không nhắn tin yêu cầu…"; folded). */
const CALL_WORDS = new Set(['goi', 'dien', 'nhan', 'tin', 'call', 'text', 'message']);
const ASKING_AFTER_CALL = new Set(['doi', 'yeu', 'bat', 'bao', 'thong', 'nghi', 'xin', 'ask', 'asking', 'demand', 'demanding']);

/** The words between a negation and a lure are all fillers, or words of calling followed by a verb of asking: "không
 *  cần gọi điện nhận việc nhẹ lương cao" denies nothing; "điện lực không gọi điện đòi cắt điện" does. */
function isClaimDeniedBy(between: readonly Word[]): boolean {
  let calling = false;
  for (const [k, w] of between.entries()) {
    // "không gửi [lệnh bắt] qua mạng", "never send [an arrest warrant]": sending the claim itself is denied.
    if (k === between.length - 1 && SENDING_THE_CLAIM.has(w.folded)) return !calling;
    if (CALL_WORDS.has(w.folded) && !(w.folded === 'tin' && !calling)) calling = true;
    else if (ASKING_AFTER_CALL.has(w.folded)) calling = false;
    else if (!CLAIM_FILLERS.has(w.folded)) return false;
  }
  return !calling;
}

/** A verb right before a claim that sends the claim itself (folded). */
const SENDING_THE_CLAIM: ReadonlySet<string> = new Set(['gui', 'send', 'sends']);

/** The writer as the measure right after a lure (folded): "… như bên em", "… bằng bên mình", "… hơn chúng tôi". */
const COMPARED_WITH_WRITER =
  /\b(?:nhu|bang|hon) (?:ben (?:em|minh|toi|tui)|chung (?:toi|minh|em)|minh|em|toi|tui|shop (?:em|minh))\b|\b(?:like|as|than) (?:us|we do|ours)\b/;

/** "Không ai cam kết lợi nhuận 30%/tháng như bên em" (no one guarantees it like us): a boast, not a denial. */
function isComparedWithWriter(text: string, end: number): boolean {
  return COMPARED_WITH_WRITER.test(foldUpTo(text.slice(end, end + 40), /[.,!?;:](?=\s|$)|[\n\u2029]/u));
}

/** A cheap look at the original: no negation-like word before a channel means nothing to deny. */
const NEGATION_HINT = /kh[oô]?n?g?\b|\bko\b|\bk\b|ch[aẳả]ng?|[dđ][uừ]ng|c[aấ]m|ch[uư]a|\bno\b|not|never|n.t\b|without|h[oô]ng|hok|hk/iu;

/**
 * A move to a channel denied like an ask ("BQL không nhắn tin Zalo cá nhân đòi phí", "chúng tôi không bao giờ liên hệ
 * qua Telegram"), on its own: other denied indicators do not count as fillers here, and "chưa"
 * (not yet) is no denial ("anh chưa kết bạn Zalo với bên em, kết bạn ngay để nhận hồ sơ" is the ask itself).
 */
export function isNegatedContact(text: string, start: number | undefined, end?: number): boolean {
  if (start === undefined) return false;
  if (!NEGATION_HINT.test(text.slice(Math.max(0, start - 240), end ?? start).normalize('NFC'))) return false;
  const words = splitWords(readBackTo(text, start, 240, SENTENCE_BOUNDARY).text);
  const negation = findLastNegation(words);
  if (negation >= 0 && words[negation]?.folded === 'chua') return false;
  return isNegatedAsk(text, start, end);
}

/** Words allowed between a negation and the lure it denies (folded). */
const CLAIM_FILLERS = new Set(['ai', 'tim', 'tin', 'nghe', 'theo', 'bat', 'can', 'phai', 'co', 'yeu', 'cau', 'doi', 'ban', 'minh', 'em', 'anh', 'chi', 'se', 'he', 'bao', 'gio', 'nao', 'the', 'la', 'you', 'to', 'we', 'will', 'ever', 'ask', 'hua', 'hen', 'cam', 'ket', 'dam', 'promise', 'guarantee', 'offer', 'dich', 'vu', 'cach']);

function isNegatedInClause(
  text: string,
  start: number,
  end: number | undefined,
  negatedAsks: ReadonlyArray<readonly [number, number]>,
): boolean {
  const clause = readClauseBefore(text, start, 80);
  const offset = start - clause.length;
  const words = splitWords(clause);
  const inNegatedAsk = (word: Word): boolean => negatedAsks.some(([a, b]) => offset + word.index >= a && offset + word.index < b);
  const negation = findLastNegation(words);
  if (negation < 0) return false;
  const between = words.slice(negation + 1);
  if (between.length > MAX_BETWEEN) return false;
  const isFiller = (word: Word): boolean => isFillerWord(word) || inNegatedAsk(word);
  if (between.some((word) => CONTRASTS.has(word.original) || isNegation(words, words.indexOf(word)))) return false;
  // "CSGT không gọi điện hay nhắn tin yêu cầu nộp phạt": a joiner between fillers (verbs of contacting) is a filler.
  if (!between.every((word) => isFiller(word) || COORDINATORS.has(word.original))) {
    // "EVN không gọi điện yêu cầu cài đặt ứng dụng lạ hay chuyển tiền …": a negated verb of asking governs every
    // item of a list joined by hay/hoặc/và/or/and; the words after the last joiner must be fillers.
    const firstOther = between.findIndex((word) => !isFiller(word));
    const lastJoiner = between.map((word) => COORDINATORS.has(word.original)).lastIndexOf(true);
    // A prohibition or a standing rule governs a list of things not to do as well: "đừng bấm link lạ hay cung cấp mã
    // OTP", "never scan a code or enter your PIN", "không bao giờ quét mã hay nhập mật khẩu".
    const governs = between.slice(0, firstOther).some(isAskingVerb) || isForbidding(words, negation) || DONT.has(words[negation]?.original ?? '');
    if (!governs || lastJoiner < firstOther || !between.slice(lastJoiner + 1).every(isFiller)) return false;
  }
  // "nếu không gửi mã OTP…", "if you don't pay…": a conditional negation keeps the ask.
  if (isConditionalNegation(words, negation)) return false;
  // "Không nạp tiền làm nhiệm vụ thì không rút được": answered by "thì/then" after the ask, it is a condition.
  if (end !== undefined && isAnsweredByCondition(text, end, start)) return false;
  return true;
}

const LIST_COMMA = /,(?=\s)/gu;

interface Segment {
  words: Word[];
  /** Offset of the segment in the original text. */
  offset: number;
}

/** The comma-separated segments of the sentence that ends at `start` (at most `reach` chars back), in text order. */
function readListBefore(text: string, start: number, reach: number): Segment[] {
  const sentence = readBackTo(text, start, reach, SENTENCE_BOUNDARY);
  const segments: Segment[] = [];
  let at = 0;
  for (const m of sentence.text.matchAll(LIST_COMMA)) {
    segments.push({ words: splitWords(sentence.text.slice(at, m.index)), offset: sentence.offset + at });
    at = m.index + 1;
  }
  segments.push({ words: splitWords(sentence.text.slice(at)), offset: sentence.offset + at });
  return segments;
}

/**
 * "Công ty không thu phí đồng phục, phí đào tạo hay phí giữ chỗ": an ask that continues a comma list opened by a
 * negation of a payment is denied with it. Strict, because a negation about something else followed by a comma and a
 * fee is the commonest scam opening ("Không yêu cầu kinh nghiệm, phí đào tạo 500k", "Không rút được tiền, phí mở khóa
 * 30%", "Shop không ship COD, cọc 50%"):
 * - the negation's own object is a payment: right after it (fillers between) comes a payment noun ("không thu phí…",
 *   "không cần cọc") or a verb of asking whose object is one ("không yêu cầu đặt cọc"), or a list item before the ask
 *   was itself a denied ask; or the negation governs a verb of calling/telling and the ask is joined to the list by
 *   hay/or + a verb of asking ("không gọi điện thông báo “nợ BHYT”, “hoàn tiền” hay đề nghị chuyển tiền…");
 * - the ask reads as a list item (after hay/hoặc/or, or a noun phrase "phí…", "cọc…"), names no amount (a fee with a
 *   price is being asked for: "…, phí đồng phục 300k"), and is not answered by "thì/then" (a condition);
 * - every item has at most MAX_ITEM_WORDS content words; no contrast ("nhưng", "chỉ cần") on the way.
 */
function isNegatedListItem(text: string, start: number, end: number | undefined, negatedAsks: ReadonlyArray<readonly [number, number]>): boolean {
  const segments = readListBefore(text, start, 240);
  if (segments.length < 2) return false;
  const current = segments[segments.length - 1] as Segment;
  // A price in the item or right after it ("phí kích hoạt 300k"): that fee is being asked for.
  const askEnd = end ?? start;
  const tail = text.slice(askEnd, askEnd + 25);
  const tailStop = tail.search(/[.,!?;\n\u2029]/u);
  if (/\d/.test(text.slice(current.offset, askEnd) + (tailStop === -1 ? tail : tail.slice(0, tailStop)))) return false;
  if (end !== undefined && isAnsweredByCondition(text, end, start)) return false;
  const askFirst = splitWords(text.slice(start, start + 24))[0]?.folded ?? '';
  const inNegatedAsk = (segment: Segment, word: Word): boolean =>
    negatedAsks.some(([a, b]) => segment.offset + word.index >= a && segment.offset + word.index < b);
  const content = (segment: Segment, words: readonly Word[]): Word[] =>
    words.filter((w) => !isFillerWord(w) && !COORDINATORS.has(w.original) && !inNegatedAsk(segment, w));
  if (current.words.some((w, k) => CONTRASTS.has(w.original) || isNegation(current.words, k))) return false;
  if (content(current, current.words).length > MAX_ITEM_WORDS) return false;
  if (!current.words.some((w) => COORDINATORS.has(w.original)) && !NOUN_HEADS.has(askFirst)) return false;
  // "… hay đề nghị [chuyển tiền]": a verb of asking joined to the list right before the ask.
  const lastJoiner = current.words.map((w) => COORDINATORS.has(w.original)).lastIndexOf(true);
  const joinedAsking =
    lastJoiner >= 0 &&
    current.words.slice(lastJoiner + 1).every(isFillerWord) &&
    current.words.slice(lastJoiner + 1).some(isAskingVerb);
  // "…, hệ thống yêu cầu nhập mã OTP tại…": an item with a verb of asking of its own is a new request, not a list item
  // (unless joined by hay/hoặc: "… hay đề nghị chuyển tiền").
  if (!joinedAsking && current.words.some((w) => current.offset + w.index < start && isAskingVerb(w))) return false;
  let deniedItem = false;
  for (let i = segments.length - 2; i >= 0 && i >= segments.length - 1 - MAX_ITEMS; i--) {
    const segment = segments[i] as Segment;
    const words = segment.words;
    if (words.some((w) => CONTRASTS.has(w.original))) return false;
    const negation = findLastNegation(words);
    if (negation < 0) {
      if (content(segment, words).length > MAX_ITEM_WORDS) return false;
      deniedItem ||= words.some((w) => inNegatedAsk(segment, w));
      continue;
    }
    const after = words.slice(negation + 1);
    if (after.some((w, k) => isNegation(after, k))) return false;
    if (content(segment, after).length > MAX_ITEM_WORDS) return false;
    if (isConditionalNegation(words, negation)) return false;
    // "không gọi điện thông báo A, B hay đề nghị [chuyển tiền]": a negated verb of telling or asking governs the
    // coordinated verb of asking.
    const firstContent = after.findIndex((w) => !isFillerWord(w));
    const governsTelling = after.slice(0, firstContent < 0 ? after.length : firstContent).some((w) => TELLING_VERBS.has(w.folded));
    return deniedItem || after.some((w) => inNegatedAsk(segment, w)) || deniesPayment(after) || (joinedAsking && governsTelling);
  }
  return false;
}

/** Whether the words after a negation deny a payment: fillers, then a payment noun ("thu phí", "cần cọc"). */
function deniesPayment(after: readonly Word[]): boolean {
  for (const word of after) {
    if (NOUN_HEADS.has(word.folded)) return true;
    if (!isFillerWord(word)) return false;
  }
  return false;
}

/**
 * "… thì không rút được", "… then": the ask is the condition of what follows, not a denial. So is a first-person
 * threat right after it (THREAT_AFTER) — but not after a prohibition ("Đừng đóng phí … tôi gửi mọi người số tổng đài",
 * "Don't pay … I will share the hotline": the writer helps), unless "and/or" makes it the outcome ("don't pay and we
 * will post…"). `start` is where the ask starts (the prohibition is looked for before it, in its sentence).
 */
function isAnsweredByCondition(text: string, end: number, start: number): boolean {
  const window = text.slice(end, end + 60);
  const after = foldUpTo(window, /[.,!?;:](?=\s)|[\n\u2029]/u);
  if (CONDITION_AFTER.test(after)) return true;
  if (CONDITION_AFTER_LA.test(clipAt(window, SENTENCE_STOP).normalize('NFC').toLowerCase())) return true;
  if (!THREAT_AFTER.test(after)) return false;
  return THREAT_AFTER_JOINED.test(after) || !isProhibitedBefore(text, start);
}

/** Whether the last negation before `start` in its sentence forbids ("đừng", "tuyệt đối không", "never", "don't"). */
function isProhibitedBefore(text: string, start: number): boolean {
  const words = splitWords(readBackTo(text, start, 240, SENTENCE_BOUNDARY).text);
  const negation = findLastNegation(words);
  const word = words[negation];
  if (word === undefined) return false;
  if (DONT.has(word.original) || (word.original === 'not' && words[negation - 1]?.original === 'do')) return true;
  return isForbidding(words, negation);
}

/** A negation that forbids or states a standing rule: "đừng/chớ/cấm/never", "tuyệt đối không", "không bao giờ". */
function isForbidding(words: readonly Word[], negation: number): boolean {
  const tuyetDoi = words[negation - 1]?.folded === 'doi' && words[negation - 2]?.folded === 'tuyet';
  const baoGio = words[negation + 1]?.folded === 'bao' && words[negation + 2]?.folded === 'gio';
  return PROHIBITIONS.has(words[negation]?.original ?? '') || tuyetDoi || baoGio;
}

/**
 * "CTV bán online, ko cần vốn, ko cọc gì hết": an ask whose own match ends in a negated payment noun ("ko cọc", "không
 * mất phí") is denied. Only a noun of payment right after the negation (fillers between) counts, so "nạp tiền không
 * hoàn lại" keeps its ask.
 */
function isNegatedInside(text: string, start: number, end: number): boolean {
  const words = splitWords(text.slice(start, end));
  const negation = findLastNegation(words);
  if (negation < 0 || isConditionalNegation(words, negation)) return false;
  // "không cài app thì không nhận được tiền": answered by "thì" after the match, the install is a condition.
  if (isDeniedInstall(words, negation)) return !isAnsweredByCondition(text, end, start);
  if (words.length - negation - 1 > 3) return false;
  for (const word of words.slice(negation + 1)) {
    // "không hoàn tiền", "không trả phí": a refund refused, the payment still asked.
    if (REFUND_VERBS.has(word.folded)) return false;
    if (NOUN_HEADS.has(word.folded)) return true;
    if (!isFillerWord(word)) return false;
  }
  return false;
}

/** Verbs of installing, downloading or opening (folded), the words that may follow them ("cài đặt", "tải về"), and
 *  what is installed or opened: a file, an app ("ứng dụng", "phần mềm"), a link, a version ("bản apk"). */
const INSTALL_VERBS: ReadonlySet<string> = new Set(['cai', 'tai', 'mo', 'bam', 'nhan', 'click', 'install', 'download', 'open']);
const INSTALL_PARTICLES: ReadonlySet<string> = new Set(['dat', 've', 'xuong']);
const INSTALL_OBJECTS: ReadonlySet<string> = new Set(['file', 'files', 'tep', 'apk', 'app', 'apps', 'ung', 'phan', 'link', 'links', 'ban']);
/** Most words between the negation and the end of the match ("không cài đặt ứng dụng ngân hàng" is 6). */
const MAX_INSTALL_TAIL = 6;

/**
 * "Lưu ý khi dùng app ngân hàng: không tải file apk", "tải trên CH Play thôi, đừng cài file apk": a match that ends in
 * a negated install of a file, an app or a link is advice against it. The install verb comes right after the
 * negation, then fillers, then the thing installed, at most three words before the match ends ("ứng dụng ngân hàng").
 */
function isDeniedInstall(words: readonly Word[], negation: number): boolean {
  if (words.length - negation - 1 > MAX_INSTALL_TAIL) return false;
  let k = negation + 1;
  if (!INSTALL_VERBS.has(words[k]?.folded ?? '')) return false;
  k++;
  if (INSTALL_PARTICLES.has(words[k]?.folded ?? '')) k++;
  for (; k < words.length; k++) {
    const word = words[k] as Word;
    if (INSTALL_OBJECTS.has(word.folded)) return words.length - k - 1 <= 3;
    if (!isFillerWord(word)) return false;
  }
  return false;
}

/** "… nhập OTP là mất acc", "bấm link là bay màu tài khoản": the loss of something the reader owns right after the ask
 *  (lowercase NFC original: "là" and "mất" as written; group 1 the words between). */
const LOSS_AFTER =
  /^[\s,]*((?:\S+\s+){0,6}?)(?:là|la)\s+(?:bị\s+|bi\s+)?(?:mất|mat|bay\s+màu|bay\s+mau)\s+(?:(?:hết|het|sạch|sach|luôn|luon|cả|ca)\s+)?(?:acc|account|tài\s+khoản|tai\s+khoan|tk|nick|tiền|tien|sạch|sach|trắng|trang|fb|facebook|zalo|ví|vi|số\s+dư|so\s+du)(?![\p{L}\p{M}])/u;
/** Words of a deadline right before the ask or between it and "là": then "là mất …" is the scammer's pressure
 *  ("chậm đóng phí là mất suất", "gửi OTP gấp kẻo là mất tài khoản"). "nhanh tay/chóng" tells a story ("nhiều người
 *  nhanh tay nhập OTP là mất tiền"). */
const DEADLINE_WORDS = /(?:^|[^\p{L}\p{M}])(?:chậm|trễ|muộn|quá\s+hạn|hết\s+hạn|kẻo|không\s+kịp|để\s+lâu|gấp|late|hurry)(?![\p{L}\p{M}])/u;

/** Whether the ask ending at `end` is told as what loses you something ("nhập OTP là mất acc fb"): a warning's
 *  consequence, not a request. */
function isLossConsequence(text: string, start: number, end: number): boolean {
  const loss = LOSS_AFTER.exec(clipAt(text.slice(end, end + 80), /[.,!?;:](?=\s|$)|[\n\u2029]/u).normalize('NFC').toLowerCase());
  if (loss === null || DEADLINE_WORDS.test(loss[1] ?? '')) return false;
  const before = splitWords(readClauseBefore(text, start, 40));
  // "Không nhập OTP là mất tài khoản" threatens: the loss follows NOT doing it.
  for (let k = Math.max(0, before.length - 4); k < before.length; k++) if (isNegation(before, k)) return false;
  return !DEADLINE_WORDS.test(before.slice(-3).map((w) => w.original).join(' '));
}

/** Verbs of leading a victim on, after "bị" (as written; "lua" also typed without accents): "bị dụ", "bị lừa", "bị ép",
 *  "bị gạ", "bị rủ"; the second word of "dụ dỗ", "lôi kéo", "rủ rê". */
const VICTIM_LED: ReadonlySet<string> = new Set(['dụ', 'lừa', 'lua', 'ép', 'gạ', 'rủ']);
const VICTIM_LED_PAIRS: ReadonlyMap<string, string> = new Map([
  ['dỗ', 'dụ'],
  ['kéo', 'lôi'],
  ['rê', 'rủ'],
]);

/** Whether the words end with "bị <verb of leading on>" ("bị dụ", "bị lừa", "bị dụ dỗ", "bị lôi kéo"). */
function isVictimLedInto(words: readonly Word[]): boolean {
  const n = words.length;
  const last = words[n - 1]?.original ?? '';
  const first = VICTIM_LED_PAIRS.get(last);
  const verbAt = first !== undefined && words[n - 2]?.original === first ? n - 2 : VICTIM_LED.has(last) ? n - 1 : -1;
  const passive = words[verbAt - 1];
  return verbAt > 0 && passive !== undefined && (passive.original === 'bị' || passive.original === 'bi');
}

/** English past times that open a sentence, for both readings below. */
const EN_PAST_OPENING = String.raw`last (?:year|month|week|time|summer)|yesterday|(?:a|two|three|few) (?:few )?(?:days|weeks|months|years) ago`;
/** A time in the past that opens a sentence (lowercase NFC, within its first three words): "năm rồi", "tháng trước",
 *  "hôm qua", "hồi đó", "last week". */
const PAST_OPENING = new RegExp(
  String.raw`^(?:\S+ ){0,2}?(?:(?:năm|tháng|tuần|hôm|bữa|đợt|lần) (?:rồi|trước|ngoái|qua)|hồi (?:đó|trước|xưa)|trước đây|${EN_PAST_OPENING})(?![\p{L}\p{M}])`,
  'u',
);
/** The same, typed without accents (only read in a sentence with no Vietnamese marks: "thang roi" is also "thắng rồi",
 *  "hoi truoc" "hỏi trước"). */
const PAST_OPENING_UNACCENTED = new RegExp(String.raw`^(?:\S+ ){0,2}?(?:(?:nam|tuan|hom|bua|dot|lan) (?:roi|truoc|ngoai|qua)|hoi (?:do|xua)|truoc day|${EN_PAST_OPENING})\b`);
/** A turn back to now, to the reader, or a request after such an opening ("…, giờ ai cần thì ck cọc", "…, em ck nốt
 *  nhé", "Hôm qua đã có 100 bạn nhận thưởng, bạn chuyển phí 50k…"), as written: "nhà" (a house) is no "nha". */
const NOW_OR_REQUEST =
  /(?:^|[^\p{L}\p{M}])(?:giờ|hôm nay|hiện tại|nhé|nha|nhen|giúp|giùm|bạn|các bạn|anh chị|quý khách|vui lòng|hãy|nhanh tay|ngay|ib|inbox|liên hệ|now|today|please|pls|you)(?![\p{L}\p{M}])/u;
/** The same in a sentence typed without accents ("ban" may be "bạn", "hay" "hãy"). */
const NOW_OR_REQUEST_UNACCENTED =
  /\b(?:gio|hom nay|hien tai|nhe|nha|nhen|giup|gium|ban|cac ban|anh chi|quy khach|vui long|hay|nhanh tay|ngay|ib|inbox|lien he|now|today|please|pls|you)\b/;
/** Request words typed without accents among words with accents, where they cannot be another word ("giup", not
 *  "ban" — a committee — or "hay" — or). */
const REQUEST_TYPED_UNACCENTED = /\b(?:giup|gium|nhe|vui long|lien he|nhanh tay|hom nay|quy khach)\b/;

/** The words of `text` typed without any Vietnamese mark, space-separated (the others dropped). */
function listUnaccentedWords(text: string): string {
  return (text.match(/[\p{L}\p{M}]+/gu) ?? []).filter((word) => !hasVietnameseMarks(word)).join(' ');
}

/** Whether the ask at `start` sits in a sentence that opens in the past and does not turn back to now before it, or
 *  after it in its clause ask for anything: "Năm rồi tui đặt cây giống trên mạng, không COD, ck trước 7 triệu là bị
 *  chặn" tells what happened. */
function isInPastSentence(text: string, start: number, end: number): boolean {
  const sentence = readBackTo(text, start, 200, SENTENCE_BOUNDARY).text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trimStart();
  const after = clipAt(text.slice(end, end + 80), SENTENCE_STOP).normalize('NFC').toLowerCase();
  const accented = hasVietnameseMarks(sentence + after);
  const opening = accented ? PAST_OPENING.exec(sentence) : PAST_OPENING_UNACCENTED.exec(sentence);
  if (opening === null) return false;
  const rest = `${sentence.slice(opening[0].length)} ${after}`;
  if (!accented) return !NOW_OR_REQUEST_UNACCENTED.test(rest);
  return !NOW_OR_REQUEST.test(rest) && !REQUEST_TYPED_UNACCENTED.test(listUnaccentedWords(rest));
}

export function isNarratedAsk(text: string, start: number | undefined, end?: number): boolean {
  if (start === undefined || start === 0) return false;
  const words = splitWords(readClauseBefore(text, start, 32).normalize('NFC'));
  const last = words[words.length - 1];
  if (last === undefined) return end !== undefined && isInPastSentence(text, start, end);
  if (PAST_MARKERS.has(last.original)) return true;
  // "họ bắt nộp phí", "nó đòi chuyển cọc": an ask someone forced or demanded is told about, not made (a scam does not
  // say it forces the reader; "bắt buộc" — mandatory — is another word and never reaches here as the last word).
  // With the person forced between ("giờ đòi tui đóng phí", "bắt em chuyển cọc").
  const verb = OBJECT_PRONOUNS.has(last.original) ? words.length - 2 : words.length - 1;
  if (COERCION_VERBS.has(words[verb]?.original ?? '')) return !isWritersSide(words, verb);
  if (ASK_VERBS_AFTER_COERCION.has(last.folded)) {
    const before = words.length - 2;
    const forcing = OBJECT_PRONOUNS.has(words[before]?.original ?? '') ? before - 1 : before;
    if (COERCION_VERBS.has(words[forcing]?.original ?? '')) return !isWritersSide(words, forcing);
  }
  // "bị dụ nạp tiền…", "bị lừa chuyển…", "bị dụ dỗ đóng phí": what victims were led into doing is told about.
  if (isVictimLedInto(words)) return true;
  // "đã bị lừa chuyển…", "đã bị" + ask.
  const previous = words[words.length - 2];
  if ((last.original === 'bị' || last.original === 'bi') && previous !== undefined && PAST_MARKERS.has(previous.original)) return true;
  return end !== undefined && isInPastSentence(text, start, end);
}

/** A doubt about a scam answered right away by proof that it paid ("lúc đầu sợ lừa mà tiền về tk thật", "tưởng scam
 *  nhưng rút được 500k", "thought it was a scam but I got paid"): a testimonial's reassurance, not a warning (folded). */
const DOUBT_DISPELLED =
  /^(?:\S+ ){0,8}?(?:tien ve|rut (?:duoc|ve|tien)|nhan (?:duoc )?(?:tien|luong)|ve (?:tk|tai khoan|vi)|uy tin that|got paid|withdrew|it paid|paid out)\b/;
/** The turn to the proof, as written ("mà", "nhưng" — not "mã"; lowercase NFC). */
const DOUBT_TURN = /^[\s,]*(?:\S+\s+){0,3}?(?:nhưng\s+mà|nhưng|nhung|nhg|mà|ma|ai\s+ngờ|hóa\s+ra|hoá\s+ra|vậy\s+mà|but)[\s,]+/u;
/** A doubt verb right before the scam word, as written ("tưởng lừa", "sợ bị lừa", "thought it was a scam"). */
const DOUBT_BEFORE = /(?:^|[^\p{L}\p{M}])(?:tưởng|tuong|sợ|nghi|ngỡ|lo|thought|worried|feared|afraid|suspected)(?:\s+\S+){0,4}\s*$/u;
const DOUBT_WORDS = /\b(?:lua|lua dao|scam|fake)\b/;
/** A negation before the proof ("mà vẫn không rút được"): no proof (folded). */
const PROOF_NEGATED = /\b(?:khong|ko|k|chua|chang|not|never|cant|didnt|havent)\b/;
/** A loss told later in the text: the testimonial turned into a victim's story (folded). */
const LOSS_LATER = /\b(?:khong|chua|ko|k) (?:rut|lay|nhan) (?:duoc|lai|ve)\b|\bmat (?:het|trang|sach|tien)\b|\bbi lua\b|\bchiem doat\b|\blost (?:it|everything|my)\b/g;
/** Words before a loss word that deny or fear it ("không lo bị lừa", "ai sợ bị lừa", "không mất tiền phí") (folded). */
const LOSS_DENIED_BEFORE = /\b(?:khong|ko|k|chua|so|lo|tranh|never|not)(?: \S+)?\s*$/;

/** Whether the folded `text` tells a loss that nothing before it denies or fears. */
function tellsLoss(text: string): boolean {
  for (const m of text.matchAll(LOSS_LATER)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    // "không rút được" is itself a loss: its negation is part of the match.
    if (!/^(?:khong|chua|ko|k) /.test(m[0]) && LOSS_DENIED_BEFORE.test(before)) continue;
    return true;
  }
  return false;
}

/** Whether the warning `text[start, end)` is a doubt that the text dispels at once (see DOUBT_DISPELLED). */
function isDispelledDoubt(text: string, start: number, end: number): boolean {
  const match = text.slice(start, end);
  if (!DOUBT_WORDS.test(normalizeText(match).text)) return false;
  // The doubt verb inside the match ("sợ lừa") or a few words before it ("tưởng app này là lừa đảo").
  const lead = (readClauseBefore(text, start, 48) + match.replace(/(?:lừa(?:\s+đảo)?|lua(?:\s+dao)?|scam|fake)\s*$/iu, '')).normalize('NFC').toLowerCase();
  if (!DOUBT_BEFORE.test(lead)) return false;
  const window = text.slice(end, end + 120);
  const sentence = clipAt(window, SENTENCE_STOP);
  const turn = DOUBT_TURN.exec(sentence.normalize('NFC').toLowerCase());
  if (turn === null) return false;
  const proof = normalizeText(sentence.normalize('NFC').slice(turn[0].length)).text;
  const found = DOUBT_DISPELLED.exec(proof);
  if (found === null || PROOF_NEGATED.test(found[0])) return false;
  // A loss told after the proof, in this sentence or the next ones, makes it a victim's story.
  const rest = proof.slice(found.index + found[0].length) + ' ' + normalizeText(text.slice(end + sentence.length, end + 400)).text;
  return !tellsLoss(rest);
}

export function isNegatedWarning(text: string, start: number | undefined, end?: number): boolean {
  if (start === undefined) return false;
  if (end !== undefined && isDispelledDoubt(text, start, end)) return true;
  if (start === 0) return false;
  const words = splitWords(readClauseBefore(text, start, 24));
  const k = words.length - 1;
  if (k < 0) return false;
  if (isNegation(words, k) || words[k]?.original === 'zero') return true;
  // "không phải lừa đảo", "chẳng phải scam".
  if ((words[k]?.original === 'phải' || words[k]?.original === 'phai') && isNegation(words, k - 1)) return true;
  // "nói không với lừa đảo".
  return words.slice(-3).map((w) => w.folded).join(' ') === 'noi khong voi';
}

/** This module's module-level expressions, compiled ahead of a tab's first scan (compile-ahead.ts; a test checks the list). */
export const ASK_CONTEXT_EXPRESSIONS: readonly RegExp[] = [
  WORD,
  LETTER_JOINERS,
  CLAUSE_BOUNDARY,
  SENTENCE_BOUNDARY,
  CONDITIONAL_BEFORE,
  CONDITION_AFTER,
  CONDITION_AFTER_LA,
  THREAT_AFTER,
  THREAT_AFTER_JOINED,
  GLUED_BY_EMOJI,
  ITEM_BULLET,
  INLINE_BULLET,
  POLICY_HINT,
  DISOWNED_AFTER,
  MESSAGES_SUBJECT,
  DISOWNED_HINT,
  THREAT_AFTER_JOINER,
  SENTENCE_STOP,
  ZERO_FEE,
  FREE_BEFORE,
  FEE_WORD,
  ANYONE_CONDITION,
  NOT_US,
  SOMEONE_OPENING,
  CONDITION_ANSWERED,
  SOMEONE_CONTACTS,
  CONTACTS_WRITER,
  ADVICE_AGAINST,
  SCAM_CONSEQUENT,
  NOT_OR_HEDGE,
  COMPARED_WITH_WRITER,
  NEGATION_HINT,
  LIST_COMMA,
  LOSS_AFTER,
  DEADLINE_WORDS,
  PAST_OPENING,
  PAST_OPENING_UNACCENTED,
  NOW_OR_REQUEST,
  NOW_OR_REQUEST_UNACCENTED,
  REQUEST_TYPED_UNACCENTED,
  DOUBT_DISPELLED,
  DOUBT_TURN,
  DOUBT_BEFORE,
  DOUBT_WORDS,
  PROOF_NEGATED,
  LOSS_LATER,
  LOSS_DENIED_BEFORE,
];
