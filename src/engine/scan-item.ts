/**
 * One item (post, comment, page) → a verdict: phrases and regexes on the normalized text, numbers and hosts written in
 * the text (with original offsets), then the links and the page URL (unwrapped from redirectors), then the scorer.
 */
import type { Engine } from './compile.ts';
import { findUrlsInText, type DomainHit } from './domains.ts';
import { normalizeText } from './normalize.ts';
import { scoreIndicators } from './score.ts';
import type { FamilySource, Indicator, Localized, ScanInput, Verdict } from './types.ts';
import { unwrapRedirect } from './urls.ts';

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

export function scanItem(engine: Engine, input: ScanInput): Verdict {
  const text = typeof input.text === 'string' ? input.text : '';
  const indicators: Indicator[] = [];
  const allowlisted: string[] = [];
  const add = (ind: Indicator | null): void => {
    if (ind) indicators.push(ind);
  };

  const checkUrl = (host: string, url: string, where: Where): void => {
    const check = engine.domains.checkHost(host);
    if (check?.allowlisted) {
      allowlisted.push(check.host);
      return;
    }
    for (const hit of check?.hits ?? []) add(buildDomainIndicator(engine, hit, where));
    for (const pattern of engine.urls.match(url)) add(buildPatternIndicator(engine, pattern, where));
  };

  if (text.length > 0) {
    const normalized = normalizeText(text);
    for (const hit of engine.phrases.find(text, normalized)) {
      add(buildPatternIndicator(engine, hit.id, { start: hit.start, end: hit.end, match: text.slice(hit.start, hit.end) }));
    }
    for (const hit of engine.regexes.find(normalized)) {
      add(buildPatternIndicator(engine, hit.id, { start: hit.start, end: hit.end, match: text.slice(hit.start, hit.end) }));
    }
    for (const hit of engine.numbers.find(text)) {
      add(buildPatternIndicator(engine, hit.pattern, { start: hit.start, end: hit.end, match: text.slice(hit.start, hit.end) }));
    }
    for (const u of findUrlsInText(text)) checkUrl(u.host, u.url, { start: u.start, end: u.end, match: u.match });
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
    checkUrl(host, target, { match: target });
  }

  return scoreIndicators(indicators, allowlisted);
}
