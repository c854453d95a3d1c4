import { describe, expect, it } from 'vitest';
import { computeLiftBar, type LiftBars, type LiftGate } from '../engine/model-lift.ts';
import { classifyLiftGate } from './lift-gate.ts';

/** What applyModelLift does with a constant model of threshold 0.5 on a text of this gate (null: closed): the engine's
 *  own bar rule. */
function firesFor(gate: LiftGate | null, bars: LiftBars): (p: number) => boolean {
  return (p) => gate !== null && p >= computeLiftBar(gate, 0.5, bars);
}

describe('classifyLiftGate', () => {
  const cases: LiftBars[] = [
    { lure: 0.99, weak: 0.99, none: 0.99 },
    { lure: 0.96, weak: 0.98, none: 0.99 },
    { lure: 0.96, weak: 0.99, none: 0.99 },
    // A no-ask bar below the weak one: a probe just above the weak bar also opens no-ask texts, which need less.
    { lure: 0.99, weak: 0.99, none: 0.98 },
  ];
  for (const bars of cases) {
    it(`gives each text the bar it really needs (lure ${bars.lure}, weak ${bars.weak}, none ${bars.none})`, () => {
      for (const gate of ['strong', 'lure', 'weak', 'none', null] as const) {
        const found = classifyLiftGate(firesFor(gate, bars), bars);
        if (gate === null) {
          expect(found).toBeNull();
          continue;
        }
        expect(found).not.toBeNull();
        // Equal bars may read a no-ask text as "weak": what counts is the bar the trainer then applies.
        for (const t of [0.5, 0.935, 0.955, 0.97, 0.985, 0.995]) {
          expect(computeLiftBar(found ?? 'strong', t, bars), `${gate} at ${t}`).toBe(computeLiftBar(gate, t, bars));
        }
      }
    });
  }

  it('applies the higher of the threshold and the bar', () => {
    const bars = { lure: 0.975, weak: 0.98, none: 0.99 };
    expect(computeLiftBar('strong', 0.97, bars)).toBe(0.97);
    expect(computeLiftBar('lure', 0.97, bars)).toBe(0.975);
    expect(computeLiftBar('lure', 0.98, bars)).toBe(0.98);
    expect(computeLiftBar('weak', 0.97, bars)).toBe(0.98);
    expect(computeLiftBar('none', 0.97, bars)).toBe(0.99);
    expect(computeLiftBar('none', 0.995, bars)).toBe(0.995);
  });
});
