/**
 * Indicators → verdict, per the scoring rules in README.md:
 * - a pattern counts once per item (every occurrence is still reported);
 * - the item score is the strongest family's weights + the `generic` family's weights (capped at 60); with no other
 *   family, generic indicators add half of their (capped) weight, so they alone never reach `suspicious`;
 * - `warning` indicators add up; at ≥ 40 the item is a warning/news text and its score is multiplied by 0.3;
 * - `scam` when score ≥ 100 with ≥ 2 distinct signals (of the strongest family + generic), or when a domain-level
 *   indicator of weight ≥ 80 is present on a link or the page URL (blocklisted domain or `url`, lookalike, brand
 *   combo, brand on a free host, IDN homograph). Refinement: a host merely *written in the text* adds its weight like
 *   any indicator but does not trigger this override (people quote scam sites to ask or warn about them).
 * - `suspicious` when score ≥ 50; otherwise `clean`.
 */
import type { FamilyId, Indicator, Signal, Verdict } from './types.ts';

export const SCORE_RULES = {
  genericFamily: 'generic',
  genericCap: 60,
  genericAloneFactor: 0.5,
  warningThreshold: 40,
  warningFactor: 0.3,
  scamScore: 100,
  scamSignals: 2,
  suspiciousScore: 50,
  domainScamWeight: 80,
} as const;

/** Indicator kinds about where a link or page leads; one of these with weight ≥ 80 makes an item `scam`. */
export const DOMAIN_KINDS: ReadonlySet<Indicator['kind']> = new Set<Indicator['kind']>([
  'domain',
  'url',
  'lookalike',
  'brand-keyword-domain',
  'brand-on-free-host',
  'idn-homograph',
]);

function orderIndicators(a: Indicator, b: Indicator): number {
  const as = a.start ?? Number.MAX_SAFE_INTEGER;
  const bs = b.start ?? Number.MAX_SAFE_INTEGER;
  if (as !== bs) return as - bs;
  return (a.end ?? 0) - (b.end ?? 0) || b.weight - a.weight || a.patternId.localeCompare(b.patternId);
}

export function scoreIndicators(indicators: readonly Indicator[], allowlisted: readonly string[] = []): Verdict {
  const unique = new Map<string, Indicator>();
  for (const ind of indicators) {
    const prev = unique.get(ind.patternId);
    if (!prev || prev.weight < ind.weight) unique.set(ind.patternId, ind);
  }

  let warningSum = 0;
  const familySums = new Map<FamilyId, number>();
  const familySignals = new Map<FamilyId, Set<Signal>>();
  for (const ind of unique.values()) {
    if (ind.signal === 'warning') {
      warningSum += ind.weight;
      continue;
    }
    familySums.set(ind.family, (familySums.get(ind.family) ?? 0) + ind.weight);
    const signals = familySignals.get(ind.family) ?? new Set<Signal>();
    signals.add(ind.signal);
    familySignals.set(ind.family, signals);
  }

  const generic = SCORE_RULES.genericFamily;
  const ranked = [...familySums.entries()]
    .filter(([family]) => family !== generic)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const strongest = ranked[0];
  const genericSum = Math.min(SCORE_RULES.genericCap, familySums.get(generic) ?? 0);

  let score: number;
  const signals = new Set<Signal>(familySignals.get(generic) ?? []);
  if (strongest) {
    score = strongest[1] + genericSum;
    for (const s of familySignals.get(strongest[0]) ?? []) signals.add(s);
  } else {
    score = genericSum * SCORE_RULES.genericAloneFactor;
  }

  const warningContext = warningSum >= SCORE_RULES.warningThreshold;
  if (warningContext) score *= SCORE_RULES.warningFactor;
  score = Math.round(score);

  const domainOverride = [...unique.values()].some(
    (ind) =>
      DOMAIN_KINDS.has(ind.kind) &&
      ind.signal !== 'warning' &&
      ind.weight >= SCORE_RULES.domainScamWeight &&
      ind.start === undefined,
  );

  const verdict =
    domainOverride || (score >= SCORE_RULES.scamScore && signals.size >= SCORE_RULES.scamSignals)
      ? 'scam'
      : score >= SCORE_RULES.suspiciousScore
        ? 'suspicious'
        : 'clean';

  const categories = ranked.map(([family]) => family);
  if (familySums.has(generic)) categories.push(generic);

  return {
    verdict,
    score,
    categories,
    indicators: [...indicators].sort(orderIndicators),
    warningContext,
    allowlisted: [...new Set(allowlisted)],
  };
}
