/**
 * Turns a verdict into what the warning UI says: the family's name, description and advice, the indicators'
 * words and reasons, in the chosen language. Pure (no DOM).
 */
import type { FamilySource, Indicator, Verdict } from '@/src/engine/types';
import type { Language } from '@/src/shared/i18n';

export type ShownLevel = 'scam' | 'suspicious';

export interface VerdictView {
  level: ShownLevel;
  familyId: string | null;
  familyName: string | null;
  description: string | null;
  advice: string | null;
  /** The words (or hosts) that triggered the indicators, deduplicated. */
  signs: string[];
  /** The indicators' explanations, deduplicated. */
  reasons: string[];
  /** A lookalike/blocklisted domain (a stronger page warning than text indicators), or null. */
  dangerousHost: string | null;
}

const DOMAIN_INDICATOR_KINDS = new Set<Indicator['kind']>(['domain', 'lookalike', 'brand-keyword-domain', 'brand-on-free-host', 'idn-homograph']);
const MAX_SIGNS = 8;
const MAX_REASONS = 6;
const MAX_SIGN_LENGTH = 60;

function shortenSign(match: string): string {
  const sign = match.trim().replace(/\s+/g, ' ');
  return sign.length > MAX_SIGN_LENGTH ? `${sign.slice(0, MAX_SIGN_LENGTH - 1).trimEnd()}…` : sign;
}

/** Whether an indicator is a dangerous domain (blocklisted, lookalike, homograph…) strong enough on its own. */
export function isDangerousDomainIndicator(indicator: Indicator): boolean {
  return DOMAIN_INDICATOR_KINDS.has(indicator.kind) && indicator.weight >= 80;
}

export function describeVerdict(
  verdict: Verdict & { verdict: ShownLevel },
  families: Readonly<Record<string, FamilySource>>,
  language: Language,
): VerdictView {
  const familyId = verdict.categories.find((id) => id !== 'generic') ?? verdict.categories[0] ?? null;
  const family = familyId ? families[familyId] : undefined;
  const description = family ? family.description[language] : null;
  const signs: string[] = [];
  const reasons: string[] = [];
  let dangerousHost: string | null = null;
  for (const indicator of verdict.indicators) {
    if (indicator.signal === 'warning') continue;
    if (indicator.kind === 'model') {
      // The text model names words, not one phrase of the post: a reason ("Written like known scam posts (a, b, c)"),
      // not a quoted sign.
      const words = indicator.match.trim();
      const message = indicator.message[language] || indicator.message.vi;
      const reason = words ? `${message} (${words})` : message;
      if (reasons.length < MAX_REASONS && !reasons.includes(reason)) reasons.push(reason);
      continue;
    }
    const sign = shortenSign(indicator.match);
    if (!dangerousHost && isDangerousDomainIndicator(indicator) && !sign.includes('/')) dangerousHost = sign;
    // A link on a host already named adds nothing: "vcb-xacminh.com" says it, not "http://vcb-xacminh.com/login".
    const redundantLink = sign.includes('://') && signs.some((s) => sign.includes(`://${s}`));
    if (sign && !redundantLink && signs.length < MAX_SIGNS && !signs.some((s) => s.toLowerCase() === sign.toLowerCase())) signs.push(sign);
    const reason = indicator.message[language] || indicator.message.vi;
    if (reason && reason !== description && reasons.length < MAX_REASONS && !reasons.includes(reason)) reasons.push(reason);
  }
  return {
    level: verdict.verdict,
    familyId,
    familyName: family ? family.name[language] : null,
    description,
    advice: family ? family.advice[language] : null,
    signs,
    reasons,
    dangerousHost,
  };
}
