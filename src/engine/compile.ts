/**
 * A `DatabaseSource` → an `Engine`: phrase automaton, regex set, domain/url/number indexes and the metadata the
 * scorer and the UI need (families with names and advice, pattern weights and messages). Pure.
 */
import { compileDomainIndex, type BlockedDomain, type DomainIndex } from './domains.ts';
import { compileNumberIndex, type NumberIndex, type NumberPatternSource } from './numbers.ts';
import { compilePhraseMatcher, type PhraseEntry, type PhraseMatcher } from './phrase-matcher.ts';
import { checkSafeRegex, compileRegexSet, type RegexSet } from './regex-filter.ts';
import { ASK_HINT_PREFIX, listAskHintPatterns } from './ask-hints.ts';
import bundledTextModel from './data/scam-model.json';
import { loadTextModel, type TextModel } from './text-model.ts';
import type {
  BrandSource,
  DatabaseSource,
  FamilyId,
  FamilySource,
  Localized,
  PatternKind,
  PatternSource,
  Signal,
} from './types.ts';
import { compileUrlIndex, type UrlIndex, type UrlPatternSource } from './urls.ts';

/** What the scorer and the UI need to know about one compiled pattern; its index is its number in the matchers. */
export interface PatternInfo {
  id: string;
  family: FamilyId;
  kind: PatternKind;
  signal: Signal;
  weight: number;
  message?: Localized;
}

export interface SkippedPattern {
  id: string;
  reason: string;
}

export interface Engine {
  readonly version: number;
  readonly created: string;
  /** Families by id (names, descriptions, advice for the UI), including `custom` when extra phrases were given. */
  readonly families: Readonly<Record<FamilyId, FamilySource>>;
  readonly patterns: readonly PatternInfo[];
  /** The family each brand's impersonation indicators belong to (same order as `domains.brands`). */
  readonly brandFamilies: readonly FamilyId[];
  readonly phrases: PhraseMatcher;
  readonly regexes: RegexSet;
  readonly domains: DomainIndex;
  readonly urls: UrlIndex;
  readonly numbers: NumberIndex;
  /** The text model (`text-model.ts`, README "Text model"); null when compiled without one. */
  readonly model: TextModel | null;
  /** Patterns left out when compiling (expired, unsafe regex), for diagnostics. */
  readonly skipped: readonly SkippedPattern[];
}

export interface CompileOptions {
  /** The clock used to drop expired entries (default: now). */
  now?: Date;
  /** Extra phrases (e.g. from the user or `--phrases`): `custom` hallmark patterns of weight 50, ids `custom-1…`. */
  extraPhrases?: readonly string[];
  /** The text model source (default: the bundled `data/scam-model.json`); null compiles without one. */
  model?: unknown;
}

export const CUSTOM_FAMILY: FamilySource = {
  id: 'custom',
  name: { vi: 'Cụm từ bạn theo dõi', en: 'Phrase you watch for' },
  description: {
    vi: 'Nội dung có cụm từ bạn đã thêm vào danh sách theo dõi.',
    en: 'The text contains a phrase you added to your watch list.',
  },
  advice: {
    vi: 'Đọc kỹ trước khi làm theo; đừng chuyển tiền hay gửi mã OTP cho người lạ.',
    en: 'Read carefully before acting on it; never send money or OTP codes to strangers.',
  },
};
export const CUSTOM_PHRASE_WEIGHT = 50;

/** Which family a brand's impersonation belongs to, by brand kind: the first of these the database defines. */
const BRAND_KIND_FAMILIES: Readonly<Record<BrandSource['kind'], readonly FamilyId[]>> = {
  bank: ['bank-phishing'],
  wallet: ['bank-phishing'],
  delivery: ['parcel'],
  government: ['utility-tax', 'impersonation-authority'],
  utility: ['utility-tax'],
  telecom: ['utility-tax', 'impersonation-authority'],
  marketplace: ['prize', 'bank-phishing'],
  social: ['account-recovery', 'bank-phishing'],
  other: ['bank-phishing'],
};

export function selectBrandFamily(kind: BrandSource['kind'], families: Readonly<Record<FamilyId, FamilySource>>): FamilyId {
  for (const id of BRAND_KIND_FAMILIES[kind]) if (Object.hasOwn(families, id)) return id;
  if (Object.hasOwn(families, 'bank-phishing')) return 'bank-phishing';
  return 'generic';
}

/** True when `expires` (an ISO date or date-time) is in the past; a bare date lasts until the end of that day (UTC). */
export function isExpired(expires: string | undefined, now: Date): boolean {
  if (expires === undefined) return false;
  const t = Date.parse(expires);
  if (Number.isNaN(t)) return false;
  const end = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? t + 86_400_000 : t;
  return end <= now.getTime();
}

function toPatternInfo(p: PatternSource): PatternInfo {
  const info: PatternInfo = { id: p.id, family: p.family, kind: p.kind, signal: p.signal, weight: p.weight };
  if (p.message) info.message = p.message;
  return info;
}

function compileRegexesSafely(entries: { id: number; source: string }[], patterns: PatternInfo[], skipped: SkippedPattern[]): RegexSet {
  const safe: { id: number; source: string }[] = [];
  for (const e of entries) {
    const check = checkSafeRegex(e.source);
    if (check.ok) safe.push(e);
    else skipped.push({ id: patterns[e.id]?.id ?? String(e.id), reason: `unsafe regex: ${check.reason}` });
  }
  try {
    return compileRegexSet(safe);
  } catch {
    const kept = safe.filter((e) => {
      try {
        compileRegexSet([e]);
        return true;
      } catch (err) {
        skipped.push({ id: patterns[e.id]?.id ?? String(e.id), reason: `regex does not compile: ${String(err)}` });
        return false;
      }
    });
    return compileRegexSet(kept);
  }
}

export function compileEngine(db: DatabaseSource, opts: CompileOptions = {}): Engine {
  const now = opts.now ?? new Date();
  const families: Record<FamilyId, FamilySource> = {};
  for (const f of db.families) families[f.id] = f;

  const sources: PatternSource[] = [];
  const skipped: SkippedPattern[] = [];
  for (const p of db.patterns) {
    if (isExpired(p.expires, now)) skipped.push({ id: p.id, reason: `expired ${p.expires ?? ''}` });
    else sources.push(p);
  }
  const extra = (opts.extraPhrases ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
  extra.forEach((phrase, i) => {
    sources.push({
      id: `custom-${i + 1}`,
      family: CUSTOM_FAMILY.id,
      kind: 'phrase',
      value: phrase,
      signal: 'hallmark',
      weight: CUSTOM_PHRASE_WEIGHT,
      message: {
        vi: `Có cụm từ bạn theo dõi: “${phrase}”.`,
        en: `Contains a phrase you watch for: “${phrase}”.`,
      },
    });
  });
  if (extra.length > 0 && !Object.hasOwn(families, CUSTOM_FAMILY.id)) families[CUSTOM_FAMILY.id] = CUSTOM_FAMILY;
  // The built-in ask hints (weight 0: they only open the text model's lift), where the database has their family.
  if (Object.hasOwn(families, 'generic')) sources.push(...listAskHintPatterns());

  const patterns = sources.map(toPatternInfo);
  const phraseEntries: PhraseEntry[] = [];
  const regexEntries: { id: number; source: string }[] = [];
  const blocked: BlockedDomain[] = [];
  const urlEntries: UrlPatternSource[] = [];
  const numberEntries: NumberPatternSource[] = [];
  sources.forEach((p, id) => {
    switch (p.kind) {
      case 'phrase':
        phraseEntries.push(p.accents === 'sensitive' ? { id, phrase: p.value, accentSensitive: true } : { id, phrase: p.value });
        break;
      case 'regex':
        regexEntries.push({ id, source: p.value });
        break;
      case 'domain':
        blocked.push({ pattern: id, value: p.value });
        break;
      case 'url':
        urlEntries.push({ pattern: id, value: p.value });
        break;
      case 'number':
        numberEntries.push({ pattern: id, value: p.value });
        break;
    }
  });

  return {
    version: db.version,
    created: db.created,
    families,
    patterns,
    brandFamilies: db.brands.map((b) => selectBrandFamily(b.kind, families)),
    phrases: compilePhraseMatcher(phraseEntries),
    regexes: compileRegexesSafely(regexEntries, patterns, skipped),
    domains: compileDomainIndex({
      brands: db.brands,
      allowlist: db.allowlist,
      freeHosts: db.freeHosts,
      lureKeywords: db.lureKeywords,
      blocked,
    }),
    urls: compileUrlIndex(urlEntries),
    numbers: compileNumberIndex(numberEntries),
    model: opts.model === null ? null : loadTextModel(opts.model ?? bundledTextModel),
    skipped,
  };
}

export interface DatabaseDescription {
  version: number;
  created: string;
  patternCount: number;
  families: { id: FamilyId; name: Localized; patternCount: number }[];
}

export function describeDatabase(engine: Engine): DatabaseDescription {
  const counts = new Map<FamilyId, number>();
  let builtIn = 0;
  for (const p of engine.patterns) {
    if (p.id.startsWith(ASK_HINT_PREFIX)) builtIn++;
    else counts.set(p.family, (counts.get(p.family) ?? 0) + 1);
  }
  return {
    version: engine.version,
    created: engine.created,
    patternCount: engine.patterns.length - builtIn,
    families: Object.values(engine.families).map((f) => ({ id: f.id, name: f.name, patternCount: counts.get(f.id) ?? 0 })),
  };
}
