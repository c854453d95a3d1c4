/**
 * One item (post, comment, page) → a verdict: phrases and regexes on the normalized text, numbers and hosts written in
 * the text (with original offsets), then the links and the page URL (unwrapped from redirectors), then the scorer.
 */
import type { Engine } from './compile.ts';
import { DOMAIN_EXPRESSIONS, findUrlsInText, type DomainHit } from './domains.ts';
import { ASK_CONTEXT_EXPRESSIONS, isNarratedAsk, isNegatedAsk, isZeroFee, isNegatedClaim, isNegatedContact, isNegatedWarning } from './ask-context.ts';
import { listCompileSteps } from './compile-ahead.ts';
import { isMisreadAskHint, isSiteAskHint } from './ask-hints.ts';
import { applyModelLift } from './model-lift.ts';
import { hasVietnameseMarks, normalizeText, type NormalizedText } from './normalize.ts';
import { SCORE_EXPRESSIONS, scoreIndicators } from './score.ts';
import { NUMBER_EXPRESSIONS } from './numbers.ts';
import { TEXT_MODEL_EXPRESSIONS } from './text-model.ts';
import teencodeTable from './data/teencode.json';
import { segmentSyllables } from './segment-syllables.ts';
import type { FamilySource, Indicator, Localized, ScanInput, Verdict } from './types.ts';
import { unwrapRedirect, URL_EXPRESSIONS } from './urls.ts';

const FALLBACK_MESSAGE: Localized = {
  vi: 'Dấu hiệu thường gặp trong tin nhắn lừa đảo.',
  en: 'A sign often seen in scam messages.',
};

interface Where {
  start?: number;
  end?: number;
  match: string;
}

function describeFamily(engine: Engine, family: string): FamilySource | undefined {
  return Object.hasOwn(engine.families, family) ? engine.families[family] : undefined;
}

function buildPatternIndicator(engine: Engine, pattern: number, where: Where): Indicator | null {
  const p = engine.patterns[pattern];
  if (!p) return null;
  const ind: Indicator = {
    patternId: p.id,
    family: p.family,
    signal: p.signal,
    weight: p.weight,
    kind: p.kind,
    match: where.match,
    message: p.message ?? describeFamily(engine, p.family)?.description ?? FALLBACK_MESSAGE,
  };
  if (where.start !== undefined && where.end !== undefined) {
    ind.start = where.start;
    ind.end = where.end;
  }
  return ind;
}

function describeBrandHit(hit: DomainHit, brandName: string): Localized {
  const host = hit.host;
  switch (hit.kind) {
    case 'idn-homograph':
      return {
        vi: `“${host}” dùng ký tự trông giống chữ Latin để giả tên miền của ${brandName}.`,
        en: `“${host}” uses look-alike characters to imitate ${brandName}'s domain.`,
      };
    case 'brand-on-free-host':
      return {
        vi: `“${host}” đặt tên ${brandName} trên dịch vụ tạo web miễn phí; ${brandName} không dùng trang như vậy.`,
        en: `“${host}” puts ${brandName}'s name on a free hosting service; ${brandName} does not use such sites.`,
      };
    case 'brand-keyword-domain':
      return {
        vi: `“${host}” ghép tên ${brandName} với từ dụ dỗ (xác minh, nhận quà…); đây không phải trang chính thức của ${brandName}.`,
        en: `“${host}” combines ${brandName}'s name with bait words (verify, gift…); it is not an official ${brandName} site.`,
      };
    default:
      return {
        vi: `“${host}” bắt chước tên miền của ${brandName} nhưng không phải trang chính thức.`,
        en: `“${host}” imitates ${brandName}'s domain but is not an official site.`,
      };
  }
}

function buildDomainIndicator(engine: Engine, hit: DomainHit, where: Where): Indicator | null {
  if (hit.kind === 'domain') return hit.pattern === undefined ? null : buildPatternIndicator(engine, hit.pattern, where);
  const brand = hit.brand === undefined ? undefined : engine.domains.brands[hit.brand];
  if (!brand || hit.brand === undefined) return null;
  const ind: Indicator = {
    patternId: `${hit.kind}:${brand.id}`,
    family: engine.brandFamilies[hit.brand] ?? 'generic',
    signal: 'channel',
    weight: hit.weight ?? 0,
    kind: hit.kind,
    match: where.match,
    message: describeBrandHit(hit, brand.name),
  };
  if (where.start !== undefined && where.end !== undefined) {
    ind.start = where.start;
    ind.end = where.end;
  }
  return ind;
}

/**
 * Where a link leads, by the shape of its host alone (no list of bad sites needed): a private messaging channel, a
 * link shortener that hides the target, or a top-level domain that costs next to nothing and that scam sites favour.
 * Generic `channel` hints: they support a scam family's words and never flag a post by themselves.
 */
const MESSENGER_HOSTS = new Set(['t.me', 'telegram.me', 'telegram.dog', 'zalo.me', 'wa.me', 'chat.whatsapp.com', 'm.me', 'line.me']);
const SHORTENER_HOSTS = new Set(['bit.ly', 'tinyurl.com', 'cutt.ly', 'shorturl.at', 's.id', 'rb.gy', 'is.gd', 't.ly', 'tiny.cc', 'rebrand.ly', 'ow.ly', 'v.ht', 'shorte.st', 'tinyurl.me']);
const CHEAP_TLDS = new Set(['top', 'xyz', 'online', 'site', 'click', 'icu', 'vip', 'cc', 'buzz', 'cyou', 'sbs', 'cfd', 'monster', 'work', 'link', 'rest', 'bond']);

const LINK_SHAPE_MESSAGES = {
  messenger: {
    vi: 'Liên kết chuyển sang kênh nhắn tin riêng (Telegram, Zalo, WhatsApp…), nơi kẻ gian thường dẫn nạn nhân tới.',
    en: 'The link moves you to a private messaging channel (Telegram, Zalo, WhatsApp…), where scammers like to take victims.',
  },
  shortener: {
    vi: 'Liên kết rút gọn che giấu trang đích thật.',
    en: 'A shortened link hides where it really leads.',
  },
  tld: {
    vi: 'Tên miền đuôi rẻ tiền, thường gặp ở trang lừa đảo.',
    en: 'A cheap domain ending often used by scam sites.',
  },
} as const;

function describeLinkShape(host: string): { kind: keyof typeof LINK_SHAPE_MESSAGES; weight: number } | null {
  const h = host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  if (MESSENGER_HOSTS.has(h)) return { kind: 'messenger', weight: 20 };
  if (SHORTENER_HOSTS.has(h)) return { kind: 'shortener', weight: 15 };
  const tld = h.slice(h.lastIndexOf('.') + 1);
  if (h.includes('.') && CHEAP_TLDS.has(tld)) return { kind: 'tld', weight: 15 };
  return null;
}

/** Quotation pairs: straight double quotes pair up in order; typographic quotes open and close. */
const QUOTE_CLOSERS: Readonly<Record<string, string>> = { '“': '”', '«': '»', '‘': '’', '„': '“', '「': '」' };
const MAX_QUOTE = 160;

/** Spans [start, end) of the original text inside quotation marks (short ones: a long "quote" is an unmatched mark). */
export function findQuotedSpans(text: string, maxQuote: number = MAX_QUOTE): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    let close: string | undefined;
    if (c === '"') close = '"';
    else if (Object.hasOwn(QUOTE_CLOSERS, c)) close = QUOTE_CLOSERS[c];
    else if (c === "'" && (i === 0 || /[\s(]/.test(text[i - 1] ?? ''))) close = "'";
    if (close === undefined) continue;
    let j = text.indexOf(close, i + 1);
    if (close === "'") {
      while (j !== -1 && /[\p{L}\p{N}]/u.test(text[j + 1] ?? '')) j = text.indexOf(close, j + 1); // it's, don't
    }
    if (j === -1 || j - i > maxQuote) continue;
    spans.push([i + 1, j]);
    i = j;
  }
  return spans;
}

/** The longest quote a text that asks about it may hold (a whole pasted SMS, Zalo message or e-mail). */
const MAX_ASKED_QUOTE = 1200;
/** Doubt about what is quoted, outside the quotes (folded): "lừa đảo à?", "có nên bấm vô không?", "thật không?", "legit?". */
const DOUBT_FRAME =
  /\b(?:lua dao|lua khong|lua ko|lua a|bi lua|lua dung|scam|scams|scammer|scammers|legit|fake|phishing|gia mao|that hay|that khong|co that|uy tin khong|co nen|nen bam|nen tin|nen lam|nen tra loi|bam vo|bam vao|tin duoc khong|is this real|real or|co ai nhan duoc|ai nhan duoc|ai cung nhan duoc|nhin gia|trong gia|anyone else|anyone get|anyone got|anyone received)\b/;

/** A link or a bare host written in the text (dropped from the words around a quote). */
const URL_IN_TEXT = /(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+\/\S*/gi;
/** A question asked without its question mark: "cho em hỏi tin nhắn này thật hay giả:", "có phải lừa đảo". */
const ASKING_FRAME = /\b(?:cho (?:em |minh |toi |tui |e |m )?hoi|that hay|co phai)\b/;

/**
 * Long quotes (up to MAX_ASKED_QUOTE) of a text that asks whether they are real: outside every quote it has a question
 * (a question mark, or "cho em hỏi", "thật hay", "có phải") and words of doubt ("Có số lạ nhắn Zalo: \"…\" Có nên bấm
 * vô không?", "Got this email: \"…\" Is this legit?", "cho em hỏi tin nhắn này thật hay giả: '…'").
 * A whole message pasted to ask about it is mentioned, not sent, however long it is. A scam that quotes its own script
 * ("Cán bộ sẽ nói: \"…\"") asks nobody whether it is real.
 */
export function findAskedQuotes(text: string): Array<[number, number]> {
  // Most posts are too short to hold one: skip the second pass over their quotation marks.
  if (text.length <= MAX_QUOTE + 2) return [];
  const long = findQuotedSpans(text, MAX_ASKED_QUOTE).filter(([a, b]) => b - a > MAX_QUOTE);
  if (long.length === 0) return [];
  let outside = '';
  let at = 0;
  for (const [a, b] of long) {
    outside += text.slice(at, a) + ' ';
    at = b;
  }
  // Links are not words: "?ref=…" is no question, "…/legit-offer" no doubt.
  outside = (outside + text.slice(at)).replace(URL_IN_TEXT, ' ');
  const folded = normalizeText(outside).text;
  return (outside.includes('?') || ASKING_FRAME.test(folded)) && DOUBT_FRAME.test(folded) ? long : [];
}

/** A keyword the reader is told to send ("DM me \"INFO\"", "nhắn \"NV\" cho page", "comment 'JOB'"): one short token in
 *  quotes is part of the text's own call to action, not a quotation of someone else's words. */
const KEYWORD_QUOTE = /^[\p{Lu}\p{N}#@._-]{1,12}$/u;

export function isKeywordQuote(quoted: string): boolean {
  return KEYWORD_QUOTE.test(quoted.trim());
}

/** Most words outside the quotes of a pasted message (a sender's name, "Messenger -", "Tin nhắn:"). */
const MAX_PASTE_FRAME_WORDS = 8;
const LETTERS = /[\p{L}\p{N}]+/gu;

/**
 * The text is quoted messages and little else ("Messenger - Hồng Nhung:\n\"Bà ơi đang bận k\"\n\"…chuyển giúp tui
 * 15tr vào số này…\""): at most MAX_PASTE_FRAME_WORDS words outside the quotes, and the quotes hold most of its letters.
 * Nobody talks about the quotes, so they are the text's own words, not a mention (the caller checks that no warning
 * word stands anywhere: "Lừa không mn? \"…\"" talks about them).
 */
export function isPastedMessage(text: string, quoted: ReadonlyArray<readonly [number, number]>): boolean {
  let outside = '';
  let inside = 0;
  let at = 0;
  for (const [a, b] of quoted) {
    outside += text.slice(at, a) + ' ';
    inside += (text.slice(a, b).match(LETTERS) ?? []).join('').length;
    at = b;
  }
  outside += text.slice(at);
  const frame = outside.match(LETTERS) ?? [];
  if (frame.length > MAX_PASTE_FRAME_WORDS || inside < 2 * frame.join('').length) return false;
  // A conversation told by one side of it ("Anh công an gọi: \"…\" Tôi: \"…\""), or words about the quote ("Ai nhận
  // được tin này chưa?", "Mọi người xem này:", "có số lạ gửi:"): reported, not pasted.
  return !TOLD_CONVERSATION.test(outside) && !TALKING_FRAME.test(outside);
}

/** Words of a frame that talks about the quote: a question, "this", a verb of receiving, sending or showing. */
const TALKING_FRAME =
  /\?|(?:^|[^\p{L}\p{M}])(?:này|đây|kìa|xem|coi|nhận được|gửi|gởi|có ai|ai nhận|nè|this|these|here|look|got|received|anyone|see|sent)(?![\p{L}\p{M}])/iu;

/** The writer as a speaker ("Tôi:", "Me:") or a verb of speaking before a quote ("gọi:", "bảo:", "said:"; "Tin nhắn:"
 *  names the medium). */
const TOLD_CONVERSATION =
  /(?:^|[^\p{L}\p{M}])(?:tôi|mình|em|tui|tao|me|i|gọi|nói|bảo|(?<!tin\s)nhắn|hỏi|trả lời|rep|viết|kể|said|says|asked|texted|called|wrote|replied)\s*:/iu;

/**
 * Reported speech: from a marker ("đối tượng yêu cầu", "kẻ gian", "họ bảo", "có người nhắn", "cuộc gọi đề nghị",
 * "có người giả (danh) nhân viên điện lực gọi…", "nhận điện thoại xưng…", "gọi tới … xưng là", "có page tên … rep cmt em", "… thì được bảo / bị bắt",
 * "người dân phản ánh", "chị H. kể lại", "scammers", "they asked", "asking them to", "the landlord says", "a 'customs
 * officer' called asking for" — not "asking customers to", which is how a phishing notice speaks in its own voice) to
 * the end of its sentence, the words are someone else's, reported — not the text's own request.
 */
const REPORTED_SPEECH =
  /\b(?:nghe noi|nghe bao|thay bao(?! (?:nhieu|gio|lau)\b))\b|\b(?:doi tuong|ke gian|ke xau|ke lua dao|bon lua dao|bon chung|nhom lua dao|tu lua dao|scammers?|fraudsters?|criminals|con moi)\b|\b(?:chung|ho|nguoi do|ben do|nguoi ta|nguoi kia|ben kia|no|anh ta|chi ta|ong ta|ba ta|co ta|han|thang do|con do) (?:yeu cau|bao|noi|hua|bat|doi|de nghi|thong bao|gui|nhan|goi|xung|dan|du|ru|keu)\b|\b(?:chu nha|chu tro|ong chu|nguoi ban|ben ban) (?:yeu cau|bao|noi|hua|bat|doi|de nghi|keu)\b|\b(?:ban|shop|page|nick|acc|dua|thang|anh|chi|ong|ba|co|chu|em|con be|thang be) (?:kia|do|ay) (?:yeu cau|bao|noi|hua|bat|doi|de nghi|keu)\b|\byeu cau (?:nan nhan|bi hai|nguoi bi hai|nguoi dan|ba|ong ay|nguoi tham gia|khach hang)\b|\bco (?:nguoi|ng|dua|thang|ai do|so la|so|tai khoan la|tai khoan|page|trang|nick|acc) (?:goi|nhan|gui|inbox|ib|nt|xung|moi|bao|ket ban|ru|chao|gioi thieu)\b|\bco (?:nguoi|ng|dua|thang|ai do|so la|so|tai khoan|nick|acc|page) gia(?: danh| mao| lam| dang)?(?: [a-z0-9]+){1,4} (?:goi|nhan|gui|inbox|ib|nt|ket ban)\b|\bco (?:page|trang|nick|acc|tai khoan|so)(?: ten| la)?(?: [a-z0-9]+){1,3} (?:rep|reply|tra loi|cmt|comment|binh luan|inbox|ib|nhan tin) (?:minh|em|e|toi|tui|to|m)\b|\b(?:thi|la|roi|nhung|sau do|xong) (?:duoc|bi) (?:bao|keu|bat|yeu cau|doi)\b|\bnhan duoc (?:tin nhan|sms|cuoc goi|email|loi moi)(?: [a-z0-9]+){0,5} (?:bao|noi|doi)\b|\b(?:so nay|so do|so la|nick la|nick nay|acc la|tai khoan la|page la|ng la|nguoi la) (?:goi|goi dien|nhan|nhan tin|nt|ib|inbox|gui|call)(?: [a-z0-9]+){0,6} (?:bao|xung|doi|bat|keu)\b|\b(?:goi dien|nhan tin|cuoc goi|tin nhan|dien thoai) (?:bao|bat(?! buoc)|doi)\b|\b(?:cuoc goi|tin nhan|nguoi|so|dien thoai|goi|tai khoan|nick|acc|page|trang) (?:tu )?xung(?: la| danh)?\b|\b(?:goi|goi dien|nhan tin|inbox|ib|dien thoai|cuoc goi|tin nhan|so)(?: [a-z0-9]+){1,3} (?:tu )?xung (?:la|danh|ben)\b|\b(?:minh|em|toi|to|me minh|bo minh|ban minh) (?:vua |moi |cung )?nhan duoc (?:tin nhan|cuoc goi|loi moi|link|email)\b|\bbi (?:goi dien|goi|nhan tin) (?:bao|thong bao|noi)\b|\b(?:they|he|she|the caller|the sender|someone) (?:asked|told|said|wanted|claimed|promised|demanded|texted|called|sent|messaged)\b|\b(?:that|which|who|then|and|they|he|she|it) (?:asked|told|wanted|instructed|pressured|forced|convinced|urged) me to\b|\b(?:wants|asks|is asking|keeps asking|keep asking|insists|is telling|tells) me to\b|\b(?:called|texted|messaged|emailed|phoned|rang|contacted)(?: (?:her|him|me|us|them|my [a-z]+))? (?:asking|demanding|saying|claiming|requesting)\b|\b(?:from|by) (?:someone|somebody|a man|a woman|a guy|a stranger|a caller) (?:saying|claiming|asking|telling|pretending)\b|\btu xung\b|\b(?:dm|message|text|email|sms|caller|notification|popup) (?:says|said|claims|claimed|told me|warns|warned)\b|\b(?:cuoc goi|tin nhan|so la) (?:de nghi|yeu cau|huong dan|doi)\b|\b(?:nguoi dan|nhieu nguoi|ban doc|khach hang|phu huynh) (?:phan anh|to cao|trinh bao)\b|\b(?:chi|anh|ba|ong|co|chu|em|cu) [a-z] (?:ke lai|cho biet|ke rang)\b|\b(?:asking|asked|telling|told|urging|urged|instructing|instructed) (?:them|victims|residents|the victims?)\b|\b(?:the|this|these|such) (?:scheme|schemes|scam|scams|fraud|gang|callers?|texts?|messages?|fake sites?) (?:asks?|tells?|requires?|lures?|promises?|offers?|invites?|demands?|instructs?|claims?|urges?)\b|\b(?:the|this|that) (?:owner|landlord|seller|guy|girl|lady|man|woman|agent|person|host|recruiter|page|shop|account|profile) (?:says|claims|wants|insists|asks|keeps asking|is asking|tells me|said|claimed|wanted|asked|told me)\b/g;

/**
 * Pronouns of REPORTED_SPEECH whose folded form is also a common other word: "hộ" (ủng hộ, căn hộ: "ủng hộ bao nhiêu"
 * is not "họ bảo"), "hạn" (a deadline: "hạn nộp", "hạn gửi"), "nợ". Typed with accents, the word must be the pronoun.
 */
const AMBIGUOUS_PRONOUNS: Readonly<Record<string, readonly string[]>> = { ho: ['họ'], han: ['hắn'], no: ['nó'] };

/** The original of the folded word at `at` (of `length` folded characters), NFC and lowercase: "Hộ" for "ho". */
function readOriginalWord(text: string, normalized: NormalizedText, at: number, length: number): string {
  return text.slice(normalized.start[at] ?? 0, normalized.end[at + length - 1] ?? 0).normalize('NFC').toLowerCase();
}

/** Whether the reported-speech match at folded offset `at` starts with a word that, in the original, is not the pronoun. */
function isOtherWordThanPronoun(match: string, text: string, normalized: NormalizedText, at: number): boolean {
  const folded = match.slice(0, match.indexOf(' '));
  const pronouns = AMBIGUOUS_PRONOUNS[folded];
  if (pronouns === undefined) return false;
  const original = readOriginalWord(text, normalized, at, folded.length);
  if (original !== folded) return !pronouns.includes(original);
  // Typed without accents ("ho bao"), the word may be the pronoun — but not with a comma or a stop between it and the
  // verb: "sap het han, doi ngay" is a deadline ("hạn"), then "đổi ngay", not "hắn đòi".
  const verbAt = at + folded.length + 1;
  return CLAUSE_BREAK.test(text.slice(normalized.end[at + folded.length - 1] ?? 0, normalized.start[verbAt] ?? 0));
}

/** Punctuation or a line break that separates clauses, in the original between two words. */
const CLAUSE_BREAK = /[,.;:!?\n\u2029]/;

/**
 * Verbs of telling that end a REPORTED_SPEECH match and fold like other words: "bao" (guaranteed: "số này gọi em nhé
 * bao duyệt hồ sơ" is the lender's offer, not "bảo"), "đổi"/"đợi" for "đòi", "bật" for "bắt". When the words before it
 * are typed with accents the word must have the verb's own; typed without, it may mean either.
 */
const AMBIGUOUS_TELLING: Readonly<Record<string, readonly string[]>> = { bao: ['bảo', 'báo'], doi: ['đòi'], bat: ['bắt'], keu: ['kêu'] };

/** Whether the hearsay at folded offset `at` is other words: in a text typed with accents, "thấy bảo" must be written
 *  "thấy" ("Chị thay bao bì giúp em" replaces the packaging) and "nghe nói" "nói" ("nghe nổi da gà": goosebumps);
 *  "bảo" is checked like any telling verb. Typed without accents, "thay bao nhieu / gio / lau" is how many, ever, long. */
function isOtherWordThanHearing(match: string, text: string, normalized: NormalizedText, at: number): boolean {
  if (!hasVietnameseMarks(text)) return false;
  if (match.startsWith('thay ')) return readOriginalWord(text, normalized, at, 4) !== 'thấy';
  if (match === 'nghe noi') return readOriginalWord(text, normalized, at + 5, 3) !== 'nói';
  return false;
}

/** Whether the reported-speech match at folded offset `at` ends with a word that, in the original, is not the verb. */
function isOtherWordThanTelling(match: string, text: string, normalized: NormalizedText, at: number): boolean {
  const folded = match.slice(match.lastIndexOf(' ') + 1);
  const verbs = AMBIGUOUS_TELLING[folded];
  if (verbs === undefined) return false;
  const from = at + match.length - folded.length;
  const original = readOriginalWord(text, normalized, from, folded.length);
  if (verbs.includes(original)) return false;
  // Typed without accents like the words before it ("ho bao", "so nay goi em bao"), the word may be the verb.
  return original !== folded || hasVietnameseMarks(text.slice(normalized.start[at] ?? 0, normalized.start[from] ?? 0));
}

/**
 * "có page/nick/số … nhận/gửi": someone messaged ("nhắn") or sent something — or the writer has a page that takes orders
 * ("Bên mình có page nhận đặt cọc…") or ships goods ("Shop có nick gửi hàng toàn quốc"), its own offer.
 */
function isOwnChannelAfterCo(match: string, text: string, normalized: NormalizedText, at: number): boolean {
  if (!match.startsWith('co ')) return false;
  const last = match.slice(match.lastIndexOf(' ') + 1);
  if (last === 'gui') return /^ hang\b/.test(normalized.text.slice(at + match.length, at + match.length + 5));
  if (last !== 'nhan') return false;
  const original = readOriginalWord(text, normalized, at + match.length - last.length, last.length);
  return original !== 'nhắn' && original !== last;
}

/** An app, a site or a new device named just before "nó": "Zalo mình đăng nhập máy mới nó gửi mã về số bạn" — the
 *  thing sends the code, no person is reported. Not the phone or Messenger: "gọi điện thoại, nó bảo…" is a caller. */
const THING_BEFORE_NO = /\b(?:zalo|facebook|fb|telegram|tele|instagram|tiktok|app|ung dung|he thong|may moi)(?: [a-z0-9]+){0,5} $/;
/** What a thing does ("nó gửi mã", "nó bắt xác minh", "nó yêu cầu đổi mật khẩu"); speaking verbs mean a person. */
const THING_VERBS = /^no (?:gui|bat|yeu cau|thong bao)$/;

/** Whether a "nó …" report's "nó" is a thing named in the words before it (`THING_BEFORE_NO`), in the same clause. */
function isThingAsSubject(match: string, normalized: NormalizedText, at: number): boolean {
  if (!THING_VERBS.test(match)) return false;
  return THING_BEFORE_NO.test(normalized.text.slice(Math.max(0, at - 60), at));
}

/** The original just before a match that opens a sentence: a sentence end, line break or bullet and spaces (or, at the
 *  start of the text, only spaces and a quote mark). */
const SENTENCE_OPENING = /[.!?:\n\u2029\u2022-]\s*["“]?$/u;
const TEXT_OPENING = /^\s*["“]?$/u;
/** What may stand between a reported sentence and the next one: its stop, spaces, a bullet or quote marks. */
const BETWEEN_SENTENCES = /^[\s.!?;:\u2022"“”-]*$/u;

/** A call or message told of (folded): the caller of the sentence before is the one who asks in the next. */
const CONTACT_TOLD = /\b(?:goi|xung|nhan tin|nhan cho|cuoc goi|tin nhan|dien thoai|lien lac|lien he|calls?|called|texted|messaged)\b/;

/** "Yêu cầu bà …" opening a sentence, not right after a reported call or message: no one asked, the writer orders. */
function isOwnOrder(text: string, start: number, previous: readonly [number, number] | undefined): boolean {
  const from = Math.max(0, start - 4);
  const before = text.slice(from, start);
  if (!SENTENCE_OPENING.test(before) && !(from === 0 && TEXT_OPENING.test(before))) return false;
  // "…một người xưng là công an gọi cho bà. Yêu cầu bà chuyển…": the press drops the subject of the call it goes on
  // telling. Not after any report: "Kẻ gian đã dùng tên bà mở tài khoản. Yêu cầu bà chuyển…" is the fake officer's.
  if (previous === undefined || !BETWEEN_SENTENCES.test(text.slice(previous[1], start))) return true;
  return !CONTACT_TOLD.test(normalizeText(text.slice(previous[0], previous[1])).text);
}

/** A person named by role (REPORTED_SPEECH): the landlord, the boss, the seller. */
const ROLE_REPORTER = /^(?:chu nha|chu tro|ong chu|nguoi ban|ben ban) /;
/** A person pointed at (REPORTED_SPEECH): "bạn kia bảo", "shop đó nói", "chị ấy bảo". */
const POINTED_REPORTER = /^(?:ban|shop|page|nick|acc|dua|thang|anh|chi|ong|ba|co|chu|em|con be|thang be) (?:kia|do|ay) /;
/** After a pointed reporter, the reader (or a second person) addressed: "chị ấy bảo shop ck phí…" relays the ask to
 *  the reader — the writer's own; "bạn kia bảo ở tỉnh…", "anh ấy bảo em…" tell a story. */
const SECOND_PERSON_AFTER = /^ (?:shop|chi|anh|a|c|b|ad|admin|ong|ba|co|chu|bac)\b/;
/** The reader addressed right after the verb: "chủ nhà bảo ai thuê thì …", "ông chủ bảo các bạn …", "người bán yêu cầu
 *  anh chị …" — the writer relays the ask to the reader (a fake broker, a recruiter, a seller of itself), its own. */
const READER_AFTER = /^ (?:ai|cac ban|ban|anh chi|quy khach|khach hang|khach|moi nguoi|ae|anh em|ca nha|cac em|cac anh chi)\b/;
/** A third person in English named by role ("the landlord says", "this seller wants"): told of, unless the ask is
 *  relayed to the reader ("the owner says you must pay…", "this page asks everyone to…") — the writer's own. */
const EN_ROLE_REPORTER = /^(?:the|this|that) (?:owner|landlord|seller|guy|girl|lady|man|woman|agent|person|host|recruiter|page|shop|account|profile) /;
const EN_READER_AFTER = /^ (?:you|u|ya|anyone|everyone|everybody|all of you|buyers|customers)\b/;
/** "… wants me to pay first": someone else's ask the writer reports, unless the writer passes it on to the reader ("my
 *  manager wants me to invite you", "asks me to tell you"). */
const EN_WANTS_ME_TO = /(?:wants|asks|asking|insists|tells|telling) me to$/;
const EN_RELAYED_AFTER = /^ [a-z]+ (?:you|u|ya|anyone|everyone|everybody|all of you)\b/;

/**
 * A question about something the writer has heard of or met ("Có ai biết vụ cho thuê tài khoản 3tr/tháng không?",
 * "Mọi người đã từng vay app X chưa?", "Ae cho hỏi mấy trang bán xe tang vật là thật hay lừa?", "Does anyone know this
 * loan page?"): what it asks about is mentioned, not offered — as far as the question mark. Not "Ai làm CTV không?"
 * or "Có ai cần vay không?": asking who wants a job or a loan is how an offer opens; only knowing, hearing, meeting or
 * having tried is asked about.
 */
const QUESTION_ABOUT =
  /\b(?:co ai|co ban nao|co ac nao|co chi nao|co anh nao|co me nao|ai|moi nguoi|mn|ca nha|cac ban|ae|cac me|chi em) (?:(?:da |tung |da tung |co )?(?:biet|nghe|nghe noi|bi|gap|nhan duoc)|(?:da|tung|da tung) (?:lam|thu|dung|mua|vay|tham gia|choi))\b|\b(?:does|do|did|has|have) (?:anyone|anybody|any of you|someone|you guys|u guys) (?:know|heard|hear|tried|try|used|use|worked|work|dealt|got|get|received|receive|seen|see)\b/g;

/** "Ae cho hỏi …?" (the group asked): a question about something only when it asks whether it is real or a scam —
 *  "Mọi người cho em hỏi ai cần việc làm thêm không?" is how an offer opens. */
const GROUP_ASKED = /\b(?:ae|anh em|mn|moi nguoi|ca nha|cac ban|cac me|chi em|cac bac|ac) (?:oi )?cho (?:em |minh |toi |e |m |tui )?hoi\b/g;
const REAL_OR_SCAM = /\b(?:that hay|lua|uy tin|co that|scam|legit|an toan|tin duoc)\b/;

/** What ends a reported or asked sentence. */
const SENTENCE_STOP = /[.!?;\n\u2029]/;
/** What ends a reported sentence: that, or a pictographic emoji — chat writers end a sentence with one ("… điền nhầm
 *  sđt 😭 m đọc giúp t cái mã") — but not a pointing hand, an arrow or a sign, which introduce what was said ("Có người
 *  nhắn cho mẹ mình 👉 con đang cấp cứu…", "Đối tượng yêu cầu ➡ chuyển tiền…"). Not a question: "có ai bị chưa 😭?"
 *  still asks as far as its question mark. */
const REPORT_STOP = /[.!?;\n\u2029]|(?![\u{1F446}-\u{1F449}])[\u{1F300}-\u{1FAFF}]/gu;
/** An emoji ends a reported span only after this many words of it (the marker's own words count). */
const REPORT_EMOJI_MIN_WORDS = 5;

/** Where the reported sentence opening at rest[0] ends (an emoji ends it only after REPORT_EMOJI_MIN_WORDS words). */
function findReportEnd(rest: string): number {
  REPORT_STOP.lastIndex = 0;
  for (let m = REPORT_STOP.exec(rest); m !== null; m = REPORT_STOP.exec(rest)) {
    if (m[0].length === 1 || (rest.slice(0, m.index).match(LETTERS) ?? []).length >= REPORT_EMOJI_MIN_WORDS) return m.index;
  }
  return rest.length;
}

/** The longest question read (UTF-16 units): the search for its end stays bounded however many openings a text has. */
const MAX_QUESTION = 300;

/** Where the question opening at `start` ends: its question mark, or null when its sentence ends otherwise (a
 *  sentence not ending in "?" asks nothing: "Ai biết tiếng Anh thì ib mình") or not within MAX_QUESTION. */
function findQuestionMark(text: string, start: number): number | null {
  const stop = SENTENCE_STOP.exec(text.slice(start, start + MAX_QUESTION));
  return stop?.[0] === '?' ? start + stop.index : null;
}

/** The spans of QUESTION_ABOUT and GROUP_ASKED questions, from their opening words to the question mark. */
function findQuestionSpans(text: string, normalized: NormalizedText): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of normalized.text.matchAll(QUESTION_ABOUT)) {
    const start = normalized.start[m.index] ?? 0;
    const end = findQuestionMark(text, start);
    if (end !== null) spans.push([start, end]);
  }
  for (const m of normalized.text.matchAll(GROUP_ASKED)) {
    const start = normalized.start[m.index] ?? 0;
    const end = findQuestionMark(text, start);
    if (end !== null && REAL_OR_SCAM.test(normalizeText(text.slice(start, end)).text)) spans.push([start, end]);
  }
  return spans;
}

export function findReportedSpans(text: string, normalized: NormalizedText): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of normalized.text.matchAll(REPORTED_SPEECH)) {
    if (isOtherWordThanPronoun(m[0], text, normalized, m.index)) continue;
    if (isThingAsSubject(m[0], normalized, m.index)) continue;
    if (isOtherWordThanTelling(m[0], text, normalized, m.index)) continue;
    if (isOtherWordThanHearing(m[0], text, normalized, m.index)) continue;
    if (isOwnChannelAfterCo(m[0], text, normalized, m.index)) continue;
    const after = normalized.text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (ROLE_REPORTER.test(m[0]) && READER_AFTER.test(after)) continue;
    if (POINTED_REPORTER.test(m[0]) && (READER_AFTER.test(after) || SECOND_PERSON_AFTER.test(after))) continue;
    if (EN_ROLE_REPORTER.test(m[0]) && EN_READER_AFTER.test(after)) continue;
    if (EN_WANTS_ME_TO.test(m[0]) && EN_RELAYED_AFTER.test(after)) continue;
    const start = normalized.start[m.index] ?? 0;
    // "Yêu cầu bà cài ứng dụng…" opening a sentence has no one before it who asked: the writer's own order.
    if (m[0].startsWith('yeu cau ') && isOwnOrder(text, start, spans[spans.length - 1])) continue;
    const end = start + findReportEnd(text.slice(start));
    spans.push([start, findOwnReferral(text, normalized, m.index + m[0].length, end) ?? end]);
  }
  return [...spans, ...findQuestionSpans(text, normalized)];
}

/**
 * The writer's own offer after a comma, inside a reported sentence: "Có page nhắn mình hỗ trợ lấy lại tiền, ai cần
 * mình cho link page", "…, ib mình". The report ends there (the referral is the text's own ask); the words of the
 * offer before it stay reported.
 */
const OWN_REFERRAL = /^(?:ai can|ai muon|ai co nhu cau|ban nao can|inbox|ib|nhan tin|lien he|ket ban|kb)(?: zalo| tele| telegram)? (?:minh|em|e|toi|tui|to|m)\b|^(?:message|dm|text|contact) me\b/;

function findOwnReferral(text: string, normalized: NormalizedText, from: number, end: number): number | null {
  let k = from;
  for (let i = text.indexOf(',', normalized.start[from] ?? end); i !== -1 && i < end; i = text.indexOf(',', i + 1)) {
    // The folded text from the first folded character after the comma.
    while (k < normalized.text.length && (normalized.start[k] ?? end) <= i) k++;
    if (k >= normalized.text.length || (normalized.start[k] ?? end) >= end) return null;
    if (OWN_REFERRAL.test(normalized.text.slice(k, k + 40))) return i;
  }
  return null;
}

/**
 * A person named by initials, the way the press and the police write about a case: "ông T.", "chị N.T.H.", "bà L.",
 * "Mr T." (a title, then capital letters each followed by a period). Scammers name people in full or not at all, so
 * this is a (weak) sign the text reports on a case. Case and punctuation matter, so it is read from the original text.
 */
const PRESS_INITIALS =
  /(?<![\p{L}\p{N}])(?:[ôÔ]ng|[bB]à|[aA]nh|[cC]hị|[cC]ô|[cC]hú|[cC]háu|[cC]ụ|Mr|Mrs|Ms)\.? ([A-ZĐ]\.){1,4}(?=[\s,;:()]|$)/u;
const PRESS_INITIALS_MESSAGE = {
  vi: 'Tên người được viết tắt (ông T., chị N.T.H.) như các bài báo, thông báo kể lại một vụ việc.',
  en: 'A person named by initials ("Mr T.", "Ms N.T.H."), the way reports about a case write it.',
};

/** After initials, words of address: "Chị H. ơi" speaks to someone, it does not report on them. */
const VOCATIVE_AFTER = /^\s*(?:ơi|oi|à|ạ|nhé|nhe|nha|ah|ơ)(?![\p{L}\p{N}])/u;

function findPressInitials(text: string): Indicator | null {
  const m = PRESS_INITIALS.exec(text);
  if (m === null || VOCATIVE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) return null;
  return {
    patternId: 'text-style:press-initials',
    family: 'warning',
    signal: 'warning',
    weight: 20,
    kind: 'regex',
    start: m.index,
    end: m.index + m[0].length,
    match: m[0],
    message: PRESS_INITIALS_MESSAGE,
  };
}

/** The text asks the reader to pay into an account or phone number: a payment word, then a number (masked or not). */
const LIVE_REQUEST =
  /\b(?:so tai khoan|chuyen khoan|chuyen tien|chuyen vao|nap tien|ung ho qua|ung ho vao|tai khoan|momo|vi dien tu|account number|send money to|pay to)\b[a-z ]{0,30}?\b\d[\dx]{1,5}(?: ?[\dx]{2,}){1,4}\b/g;

function findLiveRequest(normalized: NormalizedText, mentionSpans: Array<[number, number]>): boolean {
  for (const m of normalized.text.matchAll(LIVE_REQUEST)) {
    const digits = m[0].replace(/[^\dx]/g, '');
    if (digits.length < 8) continue;
    const start = normalized.start[m.index] ?? 0;
    if (!mentionSpans.some(([a, b]) => start >= a && start < b)) return true;
  }
  return false;
}

/** Host kinds that impersonate a brand (domains.ts). */
const IMPERSONATING_HOST_KINDS: ReadonlySet<string> = new Set(['lookalike', 'idn-homograph', 'brand-on-free-host', 'brand-keyword-domain']);
/** The text sends the reader to a site, right before the host (folded, in the host's own clause): "truy cập",
 *  "cập nhật / thanh toán / nhận quà … tại", "đăng nhập vào", "verify … at", "visit". */
const SITE_ASK_BEFORE =
  /\b(?:truy cap|vao trang|vao web|vao website|vao link|vao duong link|tai trang|tai website|tai web|tai link|tai duong link|tai dia chi|tai cong|dang nhap vao|dang nhap tai|verify(?: [a-z]+){0,3} at|update(?: [a-z]+){0,3} at|confirm(?: [a-z]+){0,3} at|log in at|login at|sign in at|visit|go to|(?:cap nhat|xac minh|xac thuc|dang ky|khai bao|thanh toan|nop tien|nop phat|dong phi|tra cuu|nhan qua|nhan thuong|nhan tien|kich hoat)(?: [a-z]+){0,4} tai)(?: [a-z]+){0,4} $/;
/** A negation among the few words right before the ask's verb: "đừng truy cập", "tuyệt đối không đăng nhập tại",
 *  "không bao giờ yêu cầu truy cập", "never log in at" — not a "không" elsewhere in the clause ("Nếu quý khách không
 *  thực hiện giao dịch này, vui lòng truy cập …" is the phishing notice's own ask). */
const SITE_ASK_NEGATION = /\b(?:dung|khong|chang|chua|tuyet doi|cam|never|not|dont|avoid)\b/;
/** Words anywhere in the clause that report someone else's ask ("a text saying … verify my card at", "if you get a
 *  text telling you to", "nếu nhận được"), call the site fake ("trang giả mạo … tại địa chỉ") or tell of a visit made
 *  ("lỡ đăng nhập vào", "đã truy cập thử"). */
const SITE_ASK_TOLD =
  /\b(?:my|saying|says|said|telling|tells|told me|asking me|if you get|if you receive|if you got|neu nhan duoc|neu ban nhan|gia mao|mao danh|fake|phishing|da truy cap|da vao|da dang nhap|truy cap thu|vao thu|dang nhap thu|lo truy cap|lo vao|lo dang nhap|lo bam)\b/;
/** Avoiding fakes is the scam's own pretext ("để tránh bị mạo danh, vui lòng cập nhật tại …"), not calling the site fake. */
const AVOIDING_FAKES = /\b(?:tranh|phong|chong)(?: bi)? (?:gia mao|mao danh|lua dao)\b/g;
/** A request to the reader somewhere in the clause — "vui lòng", "hãy", "quý khách", "bạn cần", "chỉ", "ngay", "please",
 *  "now", "your" — or the verb opening the clause as an order; a visit told of ("Mình truy cập … xong là bị trừ
 *  tiền", "Ai truy cập … là bị mất tiền") has neither. */
const SITE_ASK_REQUEST =
  /\b(?:vui long|hay|xin|moi|quy khach|khach hang|ban|anh chi|can|phai|chi|ngay|please|now|kindly|must|need|required|you|your)\b/;
/** What befell a visitor, right after the host: "… xong là bị trừ hết tiền", "… rồi bị mất sạch", "… là bị mất tiền". */
const SITE_VISIT_CONSEQUENCE = /^[a-z0-9 ]{0,30}\b(?:xong|roi bi|la bi|thi bi|bi mat|bi tru|mat sach|mat het|bi lua|bi hack)\b/;
/** How far before a host its site ask is read (UTF-16 units of the original). */
const SITE_ASK_WINDOW = 80;

/**
 * The text's own ask to go to a host that impersonates a brand: "Quý khách vui lòng cập nhật … CHỈ tại trang chính
 * thức vcb-sinhtrachoc.com.vn", "verify your identity now at paypal-secure-verify.com", in the writer's own voice — not
 * quoted, not reported, not denied, not a visit told of, not in a sentence that asks a question. Such a text is not
 * warning about the host, whatever warning words it opens with ("Cảnh báo lừa đảo! … cập nhật tại …"): like an
 * account number to pay into, it is a live request.
 */
function isOwnSiteAsk(text: string, ind: Indicator, mentionSpans: ReadonlyArray<readonly [number, number]>): boolean {
  const { start, end } = ind;
  if (start === undefined || end === undefined || !IMPERSONATING_HOST_KINDS.has(ind.kind) || ind.weight < 80) return false;
  if (mentionSpans.some(([a, b]) => start < b && end > a)) return false;
  // The host's clause, back to the last sentence break or colon — or the one before a colon right before the host
  // ("truy cập link sau: vcb-…").
  const before = text.slice(Math.max(0, start - SITE_ASK_WINDOW), start);
  let cut = Math.max(before.search(/[^.!?;:\n\u2029]*$/), 0);
  if (!/[\p{L}\p{N}]/u.test(before.slice(cut)) && before.charAt(cut - 1) === ':') {
    cut = Math.max(before.slice(0, cut - 1).search(/[^.!?;:\n\u2029]*$/), 0);
  }
  const after = text.slice(end, end + SITE_ASK_WINDOW);
  const sentenceEnd = after.search(/[.!;\n\u2029](?:\s|$)|[?\n\u2029]/);
  if (after.charAt(sentenceEnd) === '?') return false;
  const clause = before.slice(cut);
  const normalized = normalizeText(clause);
  const folded = `${normalized.text} `;
  const verb = SITE_ASK_BEFORE.exec(folded);
  if (verb === null) return false;
  // The words right before the verb, after the last comma: "Nếu quý khách không thực hiện giao dịch này, vui lòng truy
  // cập …" and "If you did not authorize this payment, visit …" ask; "sử dụng" is no "đừng".
  const lead = clause.slice(0, normalized.start[verb.index] ?? clause.length);
  const leadWords = normalizeText(lead.slice(lead.search(/[^,;]*$/))).text.replace(/\bsu dung\b/g, ' ').trim().split(' ');
  if (SITE_ASK_NEGATION.test(leadWords.slice(-6).join(' '))) return false;
  if (SITE_ASK_TOLD.test(folded.replace(AVOIDING_FAKES, ' '))) return false;
  // An order opening its clause ("Truy cập thuhoitaisan-bocongan.com, điền …") asks as much as "vui lòng".
  if (!SITE_ASK_REQUEST.test(folded) && folded.slice(0, verb.index).trim() !== '') return false;
  return !SITE_VISIT_CONSEQUENCE.test(normalizeText(after.slice(0, sentenceEnd < 0 ? after.length : sentenceEnd)).text);
}

/** Asks that a governing negation ("không bao giờ yêu cầu …") turns into a denial, and a past-tense marker ("đã
 *  chuyển") into a narration (src/engine/ask-context.ts). */
const ASK_SIGNALS: ReadonlySet<Indicator['signal']> = new Set<Indicator['signal']>(['payment', 'credential', 'hallmark']);
/** Signals a negation in their own clause denies (`isNegatedClaim`): a lure, a move to a channel, a threat, an authority's
 *  claim ("Tòa án không bao giờ gửi giấy triệu tập qua Zalo"). */
const CLAIM_SIGNALS: ReadonlySet<Indicator['signal']> = new Set<Indicator['signal']>(['lure', 'channel', 'pressure', 'authority']);

/**
 * The normalizer joins a letter-spaced run ("n ạ p t i ề n l à m") into one word ("naptienlam") and lists words written
 * together (glued by invisible characters, hashtags) the same way; the phrase matcher looks inside them, regexes
 * cannot. This re-splits every such word into syllables (same offsets per letter; an inserted space maps to the gap
 * between its neighbours; teencode pieces such as "ck" are expanded) so the regexes can run over it — in windows of
 * RESPLIT_CONTEXT folded chars around each re-split word, not the whole text again (one hashtag in a long post cost a
 * second full regex pass, ~35 % of its scan). Windows are joined by a line break; a hit must lie inside one window's
 * original range (`windows`). Null when nothing was re-split.
 */
const TEENCODE_WORDS: ReadonlyMap<string, string> = new Map(Object.entries((teencodeTable as { words: Record<string, string> }).words));
/** Folded chars of context kept on each side of a re-split word: more than any regex of the safe subset reaches. */
const RESPLIT_CONTEXT = 200;

interface ResplitText extends NormalizedText {
  /** Original [start, end) ranges of the windows: a regex hit counts only inside one of them. */
  windows: Array<[number, number]>;
}

function splitJoinedWords(n: NormalizedText): ResplitText | null {
  const joined = n.joined ?? [];
  if (joined.length === 0) return null;
  const source = n.text;
  // The re-split words: [at, stop) in the folded text and their syllables.
  const words: Array<{ at: number; stop: number; syllables: string[] }> = [];
  for (const at of joined) {
    if (words.length > 0 && at < (words[words.length - 1]?.stop ?? 0)) continue;
    let stop = source.indexOf(' ', at);
    if (stop === -1) stop = source.length;
    const syllables = segmentSyllables(source.slice(at, stop));
    if (syllables && syllables.length >= 2) words.push({ at, stop, syllables });
  }
  if (words.length === 0) return null;
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  const windows: Array<[number, number]> = [];
  const copy = (from: number, to: number): void => {
    text += source.slice(from, to);
    for (let k = from; k < to; k++) {
      start.push(n.start[k] ?? 0);
      end.push(n.end[k] ?? 0);
    }
  };
  /** The window's bounds widened to whole words. */
  const snapStart = (k: number): number => (k <= 0 ? 0 : source.lastIndexOf(' ', k) + 1);
  const snapEnd = (k: number): number => {
    if (k >= source.length) return source.length;
    const space = source.indexOf(' ', k);
    return space === -1 ? source.length : space;
  };
  let w = 0;
  while (w < words.length) {
    const from = snapStart((words[w]?.at ?? 0) - RESPLIT_CONTEXT);
    let to = snapEnd((words[w]?.stop ?? 0) + RESPLIT_CONTEXT);
    let last = w;
    while (last + 1 < words.length && snapStart((words[last + 1]?.at ?? 0) - RESPLIT_CONTEXT) <= to) {
      last++;
      to = Math.max(to, snapEnd((words[last]?.stop ?? 0) + RESPLIT_CONTEXT));
    }
    if (text.length > 0) {
      // A line break no regex of the safe subset matches across with ".", mapped to the previous char.
      text += '\n';
      start.push(start[start.length - 1] ?? 0);
      end.push(end[end.length - 1] ?? 0);
    }
    windows.push([n.start[from] ?? 0, n.end[to - 1] ?? 0]);
    let copied = from;
    for (let k = w; k <= last; k++) {
      const word = words[k];
      if (word === undefined) continue;
      copy(copied, word.at);
      let c = word.at;
      word.syllables.forEach((syllable, index) => {
        if (index > 0) {
          text += ' ';
          start.push(n.end[c - 1] ?? 0);
          end.push(n.start[c] ?? 0);
        }
        // Teencode inside the run ("c k" → "ck" → "chuyen khoan"), as the normalizer does for ordinary words.
        const expanded = TEENCODE_WORDS.get(syllable);
        if (expanded !== undefined && expanded !== syllable) {
          text += expanded;
          for (let e = 0; e < expanded.length; e++) {
            start.push(n.start[c] ?? 0);
            end.push(n.end[c + syllable.length - 1] ?? 0);
          }
        } else {
          copy(c, c + syllable.length);
        }
        c += syllable.length;
      });
      copied = word.stop;
    }
    copy(copied, to);
    w = last + 1;
  }
  return { text, start: Uint32Array.from(start), end: Uint32Array.from(end), windows };
}

/** Whether a regex hit on the re-split text lies inside one of its windows (not across the break between two). */
function isInsideWindow(resplit: ResplitText, hitStart: number, hitEnd: number): boolean {
  return hitStart <= hitEnd && resplit.windows.some(([from, to]) => hitStart >= from && hitEnd <= to);
}

/**
 * Whether original offset `at` lies in a hashtag ("#canhbaoluadao"): a warning word read inside one is a label anyone
 * adds to a post, scams included ("… nạp tiền làm nhiệm vụ #vieclamonline #canhbaoluadao"), not the text warning.
 */
function isInHashtag(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && /[\p{L}\p{M}\p{N}_\u200b-\u200d\u2060\u00ad]/u.test(text.charAt(k - 1))) k--;
  // A letter or digit right after the "#": "#️⃣ Cảnh báo" (a keycap emoji) is no hashtag.
  return k > 0 && text.charCodeAt(k - 1) === 35 && /[\p{L}\p{N}]/u.test(text.charAt(k));
}

/** Separates parts of an item's text that no indicator may join (see `ScanInput.text`). */
export const SECTION_BREAK = '\u2029';

/** The folded forms of one text: the text as read, and with glued words split again (null when none is). */
interface ReadText {
  text: string;
  normalized: NormalizedText;
  resplit: ResplitText | null;
}

/** The last text read: `prepareScan` reads an item's text and `scanItem` then judges it without reading it twice. */
let lastRead: ReadText | null = null;

function readText(text: string): ReadText {
  if (lastRead?.text === text) return lastRead;
  const normalized = normalizeText(text);
  lastRead = { text, normalized, resplit: splitJoinedWords(normalized) };
  return lastRead;
}

/**
 * Gets the engine ready to judge `input` in small steps: compiles the regular expressions its text needs that have
 * not run yet, while `hasTime()` (at least one per call); true when `scanItem(engine, input)` has nothing left to
 * compile. A caller with a time budget (the content script's slices) calls it until true, yielding between calls,
 * so a long post that needs many new expressions is not one long task. Optional: `scanItem` compiles what it needs.
 */
export function prepareScan(engine: Engine, input: ScanInput, hasTime: () => boolean): boolean {
  const text = typeof input.text === 'string' ? input.text : '';
  if (text.length === 0) return true;
  let stepped = false;
  builtInWarmUps ??= listBuiltInWarmUps();
  while (builtInsWarmed < builtInWarmUps.length) {
    if (stepped && !hasTime()) return false;
    builtInWarmUps[builtInsWarmed++]?.();
    stepped = true;
  }
  if (stepped && !hasTime()) return false;
  const read = readText(text);
  if (!engine.regexes.prepare(read.normalized, hasTime)) return false;
  return read.resplit === null || engine.regexes.prepare(read.resplit, hasTime);
}

/**
 * The steps `prepareScan` runs first, once per page (module state: the expressions are the modules'). The scan's own
 * large expressions run on a tiny text of the width they search, once per step (V8 compiles a RegExp on its first
 * run and again to machine code on the next, and either compile of these is ~10–20 ms): reported speech on folded
 * text, through `findReportedSpans` itself (it reads them with `matchAll`, which copies the expression), and URLs in
 * text (Unicode classes) on the original. Then every module-level expression of the context rules, one per step
 * (compile-ahead.ts). Built on first use, so loading the module stays cheap.
 */
let builtInWarmUps: ReadonlyArray<() => void> | null = null;

function listBuiltInWarmUps(): ReadonlyArray<() => void> {
  const reported = (): void => {
    findReportedSpans('a', normalizeText('a'));
  };
  const urls = (): void => {
    findUrlsInText('ạ a.vn');
  };
  return [
    reported,
    reported,
    urls,
    urls,
    ...listCompileSteps([ASK_CONTEXT_EXPRESSIONS, SCAN_EXPRESSIONS, SCORE_EXPRESSIONS, DOMAIN_EXPRESSIONS, URL_EXPRESSIONS, NUMBER_EXPRESSIONS, TEXT_MODEL_EXPRESSIONS]),
  ];
}
let builtInsWarmed = 0;

export function scanItem(engine: Engine, input: ScanInput): Verdict {
  const text = typeof input.text === 'string' ? input.text : '';
  const indicators: Indicator[] = [];
  const allowlisted: string[] = [];
  // A section break (U+2029) fences parts of an item, such as a post's author and time from its message: no
  // indicator may span one.
  const hasSections = text.includes(SECTION_BREAK);
  const add = (ind: Indicator | null): void => {
    if (!ind) return;
    if (hasSections && ind.start !== undefined && ind.end !== undefined) {
      const fence = text.indexOf(SECTION_BREAK, ind.start);
      if (fence !== -1 && fence < ind.end) return;
    }
    indicators.push(ind);
  };

  /** Checks a host and its URL; true when the host is allowlisted. */
  const checkUrl = (host: string, url: string, where: Where): boolean => {
    const check = engine.domains.checkHost(host);
    if (check?.allowlisted) {
      allowlisted.push(check.host);
      return true;
    }
    for (const hit of check?.hits ?? []) add(buildDomainIndicator(engine, hit, where));
    const shape = describeLinkShape(check?.host ?? host);
    if (shape) {
      const ind: Indicator = {
        patternId: `link-shape:${shape.kind}`,
        family: 'generic',
        signal: 'channel',
        weight: shape.weight,
        kind: 'url',
        match: where.match,
        message: LINK_SHAPE_MESSAGES[shape.kind],
      };
      if (where.start !== undefined && where.end !== undefined) {
        ind.start = where.start;
        ind.end = where.end;
      }
      add(ind);
    }
    for (const pattern of engine.urls.match(url)) add(buildPatternIndicator(engine, pattern, where));
    return false;
  };

  let mentionSpans: Array<[number, number]> = [];
  let quotedSpans: Array<[number, number]> = [];
  let reportedSpans: Array<[number, number]> = [];
  // Hosts written in the text: Facebook turns them into links too, so a link to one of them echoes the text (which
  // may be asking or warning about it) rather than being a link the post itself carries.
  const hostsInText = new Set<string>();
  const echoLinks = new Set<Indicator>();
  /** Spans of hosts written in the text that are not allowlisted (a site-payment hint needs one). */
  const siteSpans: Array<[number, number]> = [];
  let liveRequest = false;
  let normalizedText: NormalizedText | null = null;
  if (text.length > 0) {
    const read = readText(text);
    const normalized = read.normalized;
    normalizedText = normalized;
    quotedSpans = [...findQuotedSpans(text), ...findAskedQuotes(text)];
    reportedSpans = findReportedSpans(text, normalized);
    mentionSpans = [...quotedSpans.filter(([a, b]) => !isKeywordQuote(text.slice(a, b))), ...reportedSpans];
    liveRequest = findLiveRequest(normalized, mentionSpans);
    for (const hit of engine.phrases.find(text, normalized)) {
      add(buildPatternIndicator(engine, hit.id, { start: hit.start, end: hit.end, match: text.slice(hit.start, hit.end) }));
    }
    const seen = new Set<string>();
    // An ask hint read only through folded accents ("cho em muốn hỏi" as "cho em mượn") is no hint.
    const addRegexHit = (hit: { id: number; start: number; end: number }): void => {
      const match = text.slice(hit.start, hit.end);
      if (isMisreadAskHint(engine.patterns[hit.id]?.id ?? '', match)) return;
      add(buildPatternIndicator(engine, hit.id, { start: hit.start, end: hit.end, match }));
    };
    for (const hit of engine.regexes.find(normalized)) {
      seen.add(`${hit.id}:${hit.start}:${hit.end}`);
      addRegexHit(hit);
    }
    const resplit = read.resplit;
    for (const hit of resplit ? engine.regexes.find(resplit) : []) {
      if (seen.has(`${hit.id}:${hit.start}:${hit.end}`) || (resplit !== null && !isInsideWindow(resplit, hit.start, hit.end))) continue;
      addRegexHit(hit);
    }
    for (const hit of engine.numbers.find(text)) {
      add(buildPatternIndicator(engine, hit.pattern, { start: hit.start, end: hit.end, match: text.slice(hit.start, hit.end) }));
    }
    add(findPressInitials(text));
    for (const u of findUrlsInText(text)) {
      // A written official domain with homoglyphs is that domain (a post writing "vіetcombank.com.vn" names the bank);
      // as a link it is still checked as written.
      const official = u.folded !== undefined ? engine.domains.checkHost(u.folded) : null;
      if (official?.allowlisted) {
        allowlisted.push(official.host);
        hostsInText.add(official.host.replace(/^www\./, ''));
        continue;
      }
      if (!checkUrl(u.host, u.url, { start: u.start, end: u.end, match: u.match })) siteSpans.push([u.start, u.end]);
      hostsInText.add(u.host.toLowerCase().replace(/^www\./, ''));
    }
    // A payment on a site needs a site: a host written in its words that is not an official one ("tra cứu tại
    // vietcombank.com.vn" is no ask; "thanh toán tại quầy hoặc qua app" names no site — the folded text reads words).
    for (let k = indicators.length - 1; k >= 0; k--) {
      const ind = indicators[k] as Indicator;
      const { start, end } = ind;
      if (start === undefined || end === undefined || !isSiteAskHint(ind.patternId)) continue;
      if (!siteSpans.some(([a, b]) => a < end && b > start)) indicators.splice(k, 1);
    }
  }

  const targets = [...(input.links ?? []), ...(input.url ? [input.url] : [])];
  for (const link of targets) {
    if (typeof link !== 'string' || link.length === 0) continue;
    const target = unwrapRedirect(link);
    if (/^tel:/i.test(target)) {
      for (const hit of engine.numbers.find(target)) add(buildPatternIndicator(engine, hit.pattern, { match: target }));
      continue;
    }
    if (/^[a-z][a-z0-9+-]*:(?!\d)/i.test(target) && !/^(?:https?|h(?:xx|\*\*)ps?):/i.test(target)) continue; // mailto:, javascript:…
    const hostMatch = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#]+)/i.exec(target.trim()) ?? /^([^/?#\s]+)/.exec(target.trim());
    const host = hostMatch?.[1] ?? '';
    const before = indicators.length;
    checkUrl(host, target, { match: target });
    if (hostsInText.has(host.toLowerCase().replace(/^www\./, ''))) {
      for (const ind of indicators.slice(before)) echoLinks.add(ind);
    }
  }

  const mentioned = new Set<Indicator>();
  // "bà H. đã chuyển 1,2 tỷ vào tài khoản an toàn", "she had paid the fee": an ask in the perfect/past is narrated, not
  // made — a mention, like reported speech.
  const narrated = (ind: Indicator): boolean => ASK_SIGNALS.has(ind.signal) && isNarratedAsk(text, ind.start, ind.end);
  // Asks in text order, so that one negation can govern several ("không bao giờ yêu cầu chuyển khoản trước phí …").
  const negatedAsks: Array<[number, number]> = [];
  const negated = new Set<Indicator>();
  const asks = indicators.filter((ind) => ASK_SIGNALS.has(ind.signal) && ind.kind !== 'number' && ind.start !== undefined);
  asks.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  for (const ind of asks) {
    // "Phí nhận thưởng: 0đ" asks nothing (and denies nothing after it).
    if (ind.signal === 'payment' && isZeroFee(text, ind.start, ind.end)) {
      negated.add(ind);
      continue;
    }
    if (!isNegatedAsk(text, ind.start, ind.end, negatedAsks)) continue;
    negated.add(ind);
    // A denied ask hint (weight 0) stays out of the list: its words must not deny a weighted ask after it ("Shop
    // không cần quét mã QR chuyển khoản trước 500k"), or a hint would lower a score.
    if (ind.weight > 0 && ind.start !== undefined && ind.end !== undefined) negatedAsks.push([ind.start, ind.end]);
  }
  for (const ind of indicators) {
    if (ind.kind !== 'phrase' && ind.kind !== 'regex') continue;
    // A lure, a move to a channel or a threat denied in its own clause: "không ai bắt bạn làm nhiệm vụ", "BQL không
    // nhắn tin Zalo cá nhân", "không cắt nước"; a channel also by a governing negation further back, like an ask (not a
    // threat: "sau 17h không nộp anh chuyển hồ sơ lên huyện" is a condition without "nếu/thì").
    if (CLAIM_SIGNALS.has(ind.signal) && isNegatedClaim(text, ind.start, ind.end)) negated.add(ind);
    else if (ind.signal === 'channel' && isNegatedContact(text, ind.start, ind.end)) negated.add(ind);
  }
  const kept = indicators.filter(
    (ind) => !(ind.signal === 'warning' && (isNegatedWarning(text, ind.start, ind.end) || (ind.start !== undefined && isInHashtag(text, ind.start)))) && !negated.has(ind),
  );
  // A pasted message with nothing said about it (`isPastedMessage`) is the text's own request, quotes or not.
  if (normalizedText !== null && quotedSpans.length > 0 && !kept.some((ind) => ind.signal === 'warning') && isPastedMessage(text, quotedSpans)) {
    mentionSpans = reportedSpans;
    liveRequest = findLiveRequest(normalizedText, mentionSpans);
  }
  for (const ind of kept) {
    if (ind.start === undefined || ind.end === undefined) continue;
    const { start, end } = ind;
    if (mentionSpans.some(([a, b]) => start < b && end > a) || narrated(ind)) mentioned.add(ind);
    else if (ind.kind === 'number' || isOwnSiteAsk(text, ind, mentionSpans)) liveRequest = true;
  }
  // The text model may lift a clean verdict with an ask of the text's own to `suspicious` (model-lift.ts).
  const verdict = scoreIndicators(kept, allowlisted, { mentioned, liveRequest, echoLinks });
  return applyModelLift(engine.model, verdict, mentioned, normalizedText, text, negated.size > 0);
}

/** This module's module-level expressions, compiled ahead of a tab's first scan (compile-ahead.ts; a test checks the list). */
export const SCAN_EXPRESSIONS: readonly RegExp[] = [
  DOUBT_FRAME,
  URL_IN_TEXT,
  ASKING_FRAME,
  KEYWORD_QUOTE,
  LETTERS,
  TALKING_FRAME,
  TOLD_CONVERSATION,
  REPORTED_SPEECH,
  CLAUSE_BREAK,
  THING_BEFORE_NO,
  THING_VERBS,
  SENTENCE_OPENING,
  TEXT_OPENING,
  BETWEEN_SENTENCES,
  CONTACT_TOLD,
  ROLE_REPORTER,
  POINTED_REPORTER,
  SECOND_PERSON_AFTER,
  READER_AFTER,
  EN_ROLE_REPORTER,
  EN_READER_AFTER,
  EN_WANTS_ME_TO,
  EN_RELAYED_AFTER,
  QUESTION_ABOUT,
  GROUP_ASKED,
  REAL_OR_SCAM,
  SENTENCE_STOP,
  REPORT_STOP,
  OWN_REFERRAL,
  PRESS_INITIALS,
  VOCATIVE_AFTER,
  LIVE_REQUEST,
  SITE_ASK_BEFORE,
  SITE_ASK_NEGATION,
  SITE_ASK_TOLD,
  AVOIDING_FAKES,
  SITE_ASK_REQUEST,
  SITE_VISIT_CONSEQUENCE,
];
