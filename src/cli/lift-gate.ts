/**
 * How the trainer (train-model.ts) tells the lift's gates apart: it scans each corpus text with text models of constant
 * probability (threshold 0.5) and reads at which probability the lift fires. 0.5 passes only the model's own threshold
 * (an own payment/credential ask: `strong`); a probability just above a bar passes that bar and every lower one.
 */
import type { LiftBars, LiftGate } from '../engine/model-lift.ts';

/** A probability just above `p` (logit + 0.01), still below 1. */
function raiseProbability(p: number): number {
  return 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + 0.01)));
}

/**
 * The constant probabilities to scan with, in order, and the gate a text has when the lift first fires at each: the
 * model's threshold, then just above each bar from the lowest to the highest. Gates with equal bars read as the first
 * of them in the order lure, weak, none (the same bar).
 */
export function listGateProbes(bars: LiftBars): { probability: number; gate: LiftGate }[] {
  // Array sort is stable: gates with equal bars keep this order.
  const gates: (keyof LiftBars)[] = ['lure', 'weak', 'none'];
  gates.sort((a, b) => bars[a] - bars[b]);
  return [{ probability: 0.5, gate: 'strong' }, ...gates.map((gate) => ({ probability: raiseProbability(bars[gate]), gate }))];
}

/** The gate of a text, given whether the lift fires on it with a constant model of this probability; null: closed. */
export function classifyLiftGate(fires: (probability: number) => boolean, bars: LiftBars): LiftGate | null {
  for (const probe of listGateProbes(bars)) if (fires(probe.probability)) return probe.gate;
  return null;
}
