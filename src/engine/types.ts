/**
 * The contract of the detection engine: the pattern database's source format (what authors write and the feed
 * ships) and the verdict the engine returns. Pure types: no DOM, no browser APIs.
 *
 * Semantics are documented in src/engine/README.md; keep the two in step.
 */

/** Text in both product languages. */
export interface Localized {
  vi: string;
  en: string;
}

/** A scam family (category). `custom` is reserved for user/CLI-supplied phrases; `generic` for family-less signals. */
export type FamilyId = string;

/**
 * What role an indicator plays in a scam script. A verdict of `scam` needs several distinct roles to co-occur in one
 * item (a job offer alone is not a scam; a job offer + an upfront fee + a move to Zalo is).
 * - `lure`: the bait (easy job, high return, prize, charity appeal, loan without checks).
 * - `payment`: a request for money (deposit, fee, transfer, "nạp tiền", account number to pay into).
 * - `credential`: a request for secrets (OTP, password, card number, ID photos, remote-control app).
 * - `channel`: a move to a private channel or an unknown link (ib, Zalo, Telegram, "bấm vào link").
 * - `pressure`: urgency or threat (within 24 h, arrest, account locked, last chance).
 * - `authority`: claims to be police, procuracy, court, bank, tax, power company…
 * - `hallmark`: wording that is a scam on its own in practice (e.g. "nạp tiền làm nhiệm vụ", "rút tiền phải nộp phí").
 * - `warning`: context that a text WARNS about scams (news, police advisories, "không bao giờ cung cấp mã OTP");
 *   lowers the score instead of raising it. Warning patterns carry a positive weight that is subtracted.
 */
export type Signal = 'lure' | 'payment' | 'credential' | 'channel' | 'pressure' | 'authority' | 'hallmark' | 'warning';

export type PatternKind = 'phrase' | 'regex' | 'domain' | 'url' | 'number';

export interface PatternExamples {
  /** Texts (or URLs/hosts for domain/url kinds) this pattern must match. */
  match?: string[];
  /** Texts this pattern must not match. */
  noMatch?: string[];
}

/**
 * One indicator in the source format.
 * - `phrase`: words matched whole after normalization (case, diacritics unless `accents: "sensitive"`, teencode,
 *   evasions). Write it the natural way with Vietnamese accents: "cộng tác viên".
 * - `regex`: a safe-subset regular expression over the *normalized* text (lowercase, accents folded, words separated
 *   by single spaces). No backreferences, no lookaround, no nested quantifiers; must contain a required literal
 *   of ≥ 3 chars so it only runs where that literal occurs.
 * - `domain`: a host. `value` "example.com" matches that registrable domain and its subdomains; a value starting with
 *   "=" matches that exact host only.
 * - `url`: a URL prefix without scheme, on a shared host: "t.me/some_handle", "facebook.com/profile.php?id=123".
 * - `number`: a phone or bank-account number; compared as digits only (a leading +84 is read as 0).
 */
export interface PatternSource {
  id: string;
  family: FamilyId;
  kind: PatternKind;
  value: string;
  signal: Signal;
  /** 1–100 points. About 20 = weak hint, 40 = clear sign of the family, 70+ = rarely innocent. (0 only for the
   *  engine's built-in ask hints, ask-hints.ts: they count for nothing in a score.) */
  weight: number;
  /** Which language the value is in; `any` for domains, numbers and language-neutral patterns. */
  lang?: 'vi' | 'en' | 'any';
  /** Phrases only: `insensitive` (default) matches with or without Vietnamese accents. */
  accents?: 'insensitive' | 'sensitive';
  /** Shown to the user when this indicator fires; falls back to the family's description. */
  message?: Localized;
  /** Link to the official advisory or report that justifies this entry. */
  source?: string;
  /** ISO date after which the entry is ignored. */
  expires?: string;
  examples?: PatternExamples;
}

export interface FamilySource {
  id: FamilyId;
  name: Localized;
  /** One or two sentences: how this scam works. */
  description: Localized;
  /** What the person should do. */
  advice: Localized;
}

/** A brand that scammers imitate, with the domains it really uses (these form the allowlist). */
export interface BrandSource {
  id: string;
  name: string;
  /** Registrable domains the brand officially uses, e.g. ["vietcombank.com.vn"]. */
  domains: string[];
  /** Lowercase ASCII tokens that identify the brand inside a lookalike host, e.g. ["vietcombank", "vcb"]. */
  keywords: string[];
  kind: 'bank' | 'wallet' | 'government' | 'delivery' | 'marketplace' | 'telecom' | 'utility' | 'social' | 'other';
  /**
   * The brand's keywords count only next to a lure keyword (`sparkasse-pushtan-erneuerung.de`), on a free host or
   * spelled with non-ASCII confusables — never alone, one or two letters off nor with digits read as letters: its name
   * is also that of dealers, branches, shops or families (`vinfast-hanoi.com.vn`, `vinfast-q7.vn`,
   * `sparkasse-hannover.de`, `cafe-amazon.com`, `bachhoaanh.vn`).
   */
  lureOnly?: boolean;
}

/** The whole database in source form: what `npm run patterns:check` validates and the feed ships. */
export interface DatabaseSource {
  format: 1;
  /** Monotonic version number (a feed never rolls back). */
  version: number;
  /** ISO timestamp. */
  created: string;
  families: FamilySource[];
  patterns: PatternSource[];
  brands: BrandSource[];
  /** Extra allowlisted registrable domains (official sites beyond the brands': gov.vn portals, news sites…). */
  allowlist: string[];
  /** Hosting services where anyone gets a subdomain (weebly.com, web.app…): a brand name there is a red flag. */
  freeHosts: string[];
  /** Words that pair with a brand in a lookalike host: "xacminh", "verify", "khuyenmai"… (lowercase ASCII). */
  lureKeywords: string[];
}

/** What the engine is asked to judge: one post, comment, page… */
export interface ScanInput {
  /** The item's visible text. A U+2029 PARAGRAPH SEPARATOR fences parts no indicator may join (a post's author and
   *  time from its message); elsewhere it is whitespace. */
  text: string;
  /** Link targets found in the item (already unwrapped from redirectors when possible). */
  links?: string[];
  /** The page URL, for domain checks of the page itself. */
  url?: string;
}

export interface Indicator {
  patternId: string;
  family: FamilyId;
  signal: Signal;
  weight: number;
  /** `model`: the text model's lift (README "Text model"), no offsets; `match` lists the words that weighed most. */
  kind: PatternKind | 'lookalike' | 'brand-on-free-host' | 'brand-keyword-domain' | 'idn-homograph' | 'model';
  /** UTF-16 offsets into the original `text` (absent for link/URL indicators). */
  start?: number;
  end?: number;
  /** The original text matched, or the link/host that triggered it. */
  match: string;
  message: Localized;
}

export type VerdictLevel = 'scam' | 'suspicious' | 'clean';

export interface Verdict {
  verdict: VerdictLevel;
  score: number;
  /** Families found, strongest first. */
  categories: FamilyId[];
  indicators: Indicator[];
  /** True when the text reads as a warning/news about scams (its score was lowered). */
  warningContext: boolean;
  /** Hosts in links/url that were allowlisted (checked first, never flagged). */
  allowlisted: string[];
}
