/**
 * What a verdict shows, given the person's settings: nothing for clean items, for `suspicious` when they asked for
 * scams only, or when every family found is one they turned off; indicators of turned-off families are dropped.
 * Also merges the page's secret-form finding into the page verdict. Pure.
 */
import { MODEL_DEMOTE_PATTERN_ID, MODEL_LIFT_PATTERN_ID } from '@/src/engine/model-lift';
import type { Verdict, VerdictLevel } from '@/src/engine/types';
import type { Settings } from '@/src/shared/settings';
import type { ShownLevel } from './describe-verdict';
import type { FormFinding } from './form-check';

export type ShownVerdict = Verdict & { verdict: ShownLevel };

const RANK: Record<VerdictLevel, number> = { clean: 0, suspicious: 1, scam: 2 };

/**
 * The indicators that explain the verdict: weightless ones (the engine's ask hints) only when the text model's lift
 * made the verdict — then the ask they read is part of why; otherwise they took no part in it and would crowd out the
 * signs that did. The model's demotion ("written like an ordinary post") explains a clean verdict, never a shown one:
 * it is left out when a form finding raised the demoted page again.
 */
function selectExplaining(verdict: Verdict): Verdict {
  const lifted = verdict.indicators.some((i) => i.patternId === MODEL_LIFT_PATTERN_ID);
  const explaining = verdict.indicators.filter(
    (i) => i.patternId !== MODEL_DEMOTE_PATTERN_ID && (lifted || i.weight > 0 || i.kind === 'model'),
  );
  return explaining.length === verdict.indicators.length ? verdict : { ...verdict, indicators: explaining };
}

export function selectShownVerdict(raw: Verdict, prefs: Pick<Settings, 'warnOn' | 'disabledFamilies'>): ShownVerdict | null {
  if (raw.verdict === 'clean') return null;
  if (prefs.warnOn === 'scam' && raw.verdict !== 'scam') return null;
  const level: ShownLevel = raw.verdict;
  const verdict = selectExplaining(raw);
  if (prefs.disabledFamilies.length === 0) return verdict as ShownVerdict;
  const disabled = new Set(prefs.disabledFamilies);
  const categories = verdict.categories.filter((id) => !disabled.has(id));
  const named = categories.filter((id) => id !== 'generic');
  if (verdict.categories.length > 0 && named.length === 0 && verdict.categories.some((id) => id !== 'generic')) return null;
  return {
    ...verdict,
    verdict: level,
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
