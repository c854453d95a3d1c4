/**
 * What a verdict shows, given the person's settings: nothing for clean items, for `suspicious` when they asked for
 * scams only, or when every family found is one they turned off; indicators of turned-off families are dropped.
 * Also merges the page's secret-form finding into the page verdict. Pure.
 */
import type { Verdict, VerdictLevel } from '@/src/engine/types';
import type { Settings } from '@/src/shared/settings';
import type { ShownLevel } from './describe-verdict';
import type { FormFinding } from './form-check';

export type ShownVerdict = Verdict & { verdict: ShownLevel };

const RANK: Record<VerdictLevel, number> = { clean: 0, suspicious: 1, scam: 2 };

export function selectShownVerdict(verdict: Verdict, prefs: Pick<Settings, 'warnOn' | 'disabledFamilies'>): ShownVerdict | null {
  if (verdict.verdict === 'clean') return null;
  if (prefs.warnOn === 'scam' && verdict.verdict !== 'scam') return null;
  if (prefs.disabledFamilies.length === 0) return verdict as ShownVerdict;
  const disabled = new Set(prefs.disabledFamilies);
  const categories = verdict.categories.filter((id) => !disabled.has(id));
  const named = categories.filter((id) => id !== 'generic');
  if (verdict.categories.length > 0 && named.length === 0 && verdict.categories.some((id) => id !== 'generic')) return null;
  return {
    ...verdict,
    verdict: verdict.verdict,
    categories,
    indicators: verdict.indicators.filter((i) => !disabled.has(i.family)),
  };
}

export function mergeFormFinding(verdict: Verdict, finding: FormFinding | null): Verdict {
  if (!finding) return verdict;
  const level = RANK[finding.level] > RANK[verdict.verdict] ? finding.level : verdict.verdict;
  const family = finding.indicator.family;
  return {
    ...verdict,
    verdict: level,
    score: verdict.score + finding.indicator.weight,
    categories: verdict.categories.includes(family) ? verdict.categories : [family, ...verdict.categories],
    indicators: [finding.indicator, ...verdict.indicators],
  };
}

export function rankLevel(level: VerdictLevel): number {
  return RANK[level];
}
