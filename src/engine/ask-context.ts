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
 * - `isNegatedWarning`: "uy tín không lừa đảo" — a negated warning word is no warning.
 *
 * Words are compared with their accents: folded, "nợ"/"nó" would read "no", "cảm ơn"/"cam kết" "cam" (cấm), "dạ"
 * "da" (đã). A word typed without any accent ("khong", "da") is taken at its face value.
 */
import { normalizeText } from './normalize.ts';

const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;
/** Ends a clause: . , ! ? ; : before a space (a dotted "c.k" is no boundary), a line or section break, an emoji or
 *  a bullet. */
const CLAUSE_BOUNDARY =
  /[.,!?;:](?=\s)|[\n\u2029]|[\p{Extended_Pictographic}\u2022\u25aa-\u25ab\u25cf\u25a0-\u25a1\u2713\u2714\u2192\u21d2\u27a1\u2605\u2606]|(?:^|\s)[-*+>–—](?=\s)/gu;

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
  'moi', 'minh', 'chung', 'toi', 'ta', 'vien', 'phi', 'truoc', 'thong', 'thoai', 'email',
  // Verbs of giving a secret or money away: "không cung cấp / đọc / chia sẻ / nhập mã OTP".
  'cung', 'cap', 'dua', 'doc', 'chia', 'tiet', 'lo', 'nhap', 'bam', 'chuyen', 'nop', 'dong', 'khoan', 'tien', 'nap', 'ck',
  // English.
  'ask', 'asks', 'asked', 'asking', 'request', 'requests', 'require', 'requires', 'need', 'needs', 'have', 'has', 'to',
  'you', 'your', 'we', 'us', 'our', 'they', 'will', 'would', 'ever', 'any', 'an', 'a', 'the', 'for', 'or', 'and',
  'extra', 'hidden', 'additional', 'upfront', 'up', 'front', 'charge', 'charges', 'collect', 'call', 'text', 'email',
  'message', 'by', 'via', 'over', 'phone', 'do', 'does', 'is', 'are', 'be', 'give', 'share', 'send', 'pay', 'enter',
  'tell', 'reveal', 'provide',
]);
/** Originals that turn the ask into the text's own after a negation ("không cần cọc, chỉ cần nạp…"). */
const CONTRASTS = new Set(['chỉ', 'mà', 'nhưng', 'nhung', 'but', 'just', 'only', 'simply', 'instead']);
const MAX_BETWEEN = 10;
const COORDINATORS = new Set(['hay', 'hoac', 'va', 'or', 'and', 'nor']);
/** Verbs of asking that scope a whole list after a negation (folded). */
const ASKING_VERBS = new Set(['yeu', 'doi', 'bat', 'xin', 'ask', 'asks', 'asked', 'asking', 'request', 'requests', 'require', 'requires']);
const CONDITIONAL_BEFORE = /\b(?:neu|ma|if|unless|or|otherwise|thi)(?: \S+){0,2}\s*$/;
const CONDITION_AFTER = /^\s*(?:\S+ ){0,3}(?:thi|then)\b/;
const PAST_MARKERS = new Set(['đã', 'vừa', 'từng', 'da', 'vua', 'had', 'has', 'have', 'was', 'were', 'already']);

interface Word {
  /** Lowercase NFC original. */
  original: string;
  /** Lowercase, accents dropped, đ → d. */
  folded: string;
  index: number;
}

function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const original = m[0].normalize('NFC').toLowerCase();
    words.push({ original, folded: foldWord(original), index: m.index });
  }
  return words;
}

/** The clause of `text` that ends at `start`: at most `reach` chars back, from the last clause boundary, whole words. */
function readClauseBefore(text: string, start: number, reach: number): string {
  const from = Math.max(0, start - reach);
  let window = text.slice(from, start);
  // A window cut mid-word would make the tail of a word ("ok") read as a word of its own ("k").
  if (from > 0 && /[\p{L}\p{M}\p{N}]/u.test(text[from - 1] ?? '')) window = window.replace(/^[\p{L}\p{M}\p{N}'’]*/u, '');
  let clauseStart = 0;
  for (const m of window.matchAll(CLAUSE_BOUNDARY)) clauseStart = m.index + m[0].length;
  return window.slice(clauseStart);
}

function isNegation(words: readonly Word[], k: number): boolean {
  const word = words[k];
  if (word === undefined) return false;
  if (NEGATIONS.has(word.original)) return true;
  // "k cần cọc": "k" is "không" unless it is an amount's unit ("500 k").
  return word.original === 'k' && !/^\d/.test(words[k - 1]?.original ?? '');
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
  if (start === undefined || start === 0) return false;
  const clause = readClauseBefore(text, start, 80);
  const offset = start - clause.length;
  const words = splitWords(clause);
  const inNegatedAsk = (word: Word): boolean => negatedAsks.some(([a, b]) => offset + word.index >= a && offset + word.index < b);
  let negation = -1;
  for (let k = words.length - 1; k >= 0 && negation < 0; k--) if (isNegation(words, k)) negation = k;
  if (negation < 0) return false;
  const between = words.slice(negation + 1);
  if (between.length > MAX_BETWEEN) return false;
  const isFiller = (word: Word): boolean => FILLERS.has(word.folded) || inNegatedAsk(word);
  if (between.some((word) => CONTRASTS.has(word.original) || isNegation(words, words.indexOf(word)))) return false;
  if (!between.every(isFiller)) {
    // "EVN không gọi điện yêu cầu cài đặt ứng dụng lạ hay chuyển tiền …": a negated verb of asking governs every
    // item of a list joined by hay/hoặc/và/or/and; the words after the last joiner must be fillers.
    const firstOther = between.findIndex((word) => !isFiller(word));
    const lastJoiner = between.map((word) => COORDINATORS.has(word.folded)).lastIndexOf(true);
    const governs = between.slice(0, firstOther).some((word) => ASKING_VERBS.has(word.folded));
    if (!governs || lastJoiner < firstOther || !between.slice(lastJoiner + 1).every(isFiller)) return false;
  }
  // "nếu không gửi mã OTP…", "if you don't pay…": a conditional negation keeps the ask.
  const before = words.slice(Math.max(0, negation - 3), negation).map((w) => w.folded).join(' ');
  if (CONDITIONAL_BEFORE.test(before)) return false;
  // "Không nạp tiền làm nhiệm vụ thì không rút được": answered by "thì/then" after the ask, it is a condition.
  if (end !== undefined) {
    const after = text.slice(end, end + 30);
    const stop = after.search(/[.,!?;:](?=\s)|[\n\u2029]/u);
    if (CONDITION_AFTER.test(normalizeText(stop === -1 ? after : after.slice(0, stop)).text)) return false;
  }
  return true;
}

export function isNarratedAsk(text: string, start: number | undefined): boolean {
  if (start === undefined || start === 0) return false;
  const words = splitWords(readClauseBefore(text, start, 16));
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (PAST_MARKERS.has(last.original)) return true;
  // "đã bị lừa chuyển…", "đã bị" + ask.
  const previous = words[words.length - 2];
  return (last.original === 'bị' || last.original === 'bi') && previous !== undefined && PAST_MARKERS.has(previous.original);
}

export function isNegatedWarning(text: string, start: number | undefined): boolean {
  if (start === undefined || start === 0) return false;
  const words = splitWords(readClauseBefore(text, start, 24));
  const k = words.length - 1;
  if (k < 0) return false;
  if (isNegation(words, k) || words[k]?.original === 'zero') return true;
  // "nói không với lừa đảo".
  return words.slice(-3).map((w) => w.folded).join(' ') === 'noi khong voi';
}
