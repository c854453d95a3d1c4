import { describe, expect, it } from 'vitest';
import { createSliceRunner } from './slice-runner';

describe('createSliceRunner', () => {
  it('stops a slice when the budget is spent and schedules the rest', () => {
    let clock = 0;
    const scheduled: ((t: number | null) => void)[] = [];
    const done: number[] = [];
    const runner = createSliceRunner<number>({
      budgetMs: 10,
      scheduler: { schedule: (run) => scheduled.push(run), now: () => clock },
      work: (n) => {
        clock += 3; // each item costs 3 ms
        done.push(n);
      },
    });
    runner.enqueue([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(scheduled).toHaveLength(1);
    runner.runSlice();
    expect(done).toEqual([1, 2, 3, 4]); // 12 ms ≥ 10 ms budget after the 4th
    expect(runner.size).toBe(4);
    expect(scheduled).toHaveLength(1); // the slice already scheduled runs the rest: no second one
    scheduled.shift()!(null);
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(scheduled).toHaveLength(0);
  });

  it('runs urgent items first and schedules their slices as soon tasks, the rest in idle time', () => {
    let clock = 0;
    const scheduled: { run: (t: number | null) => void; urgent: boolean }[] = [];
    const done: string[] = [];
    const runner = createSliceRunner<string>({
      budgetMs: 10,
      scheduler: { schedule: (run, urgent) => scheduled.push({ run, urgent }), now: () => clock },
      work: (s) => {
        clock += 4;
        done.push(s);
      },
    });
    runner.enqueue(['far1', 'far2', 'near3']);
    runner.enqueue(['near1', 'near2', 'near3'], true);
    expect(runner.size).toBe(5); // near3 moved to the urgent lane, not queued twice
    expect(scheduled.map((s) => s.urgent)).toEqual([false, true]);
    runner.runSlice();
    expect(done).toEqual(['near1', 'near2', 'near3']); // 12 ms ≥ 10 ms after the third
    // Only idle-lane items are left: the pending soon task runs them, and no further task is scheduled.
    scheduled.find((s) => s.urgent)!.run(null);
    expect(done).toEqual(['near1', 'near2', 'near3', 'far1', 'far2']);
    expect(scheduled).toHaveLength(2);
  });

  it('an unfinished item ends the slice and goes on first in the next one, in its lane', () => {
    let clock = 0;
    const scheduled: { run: (t: number | null) => void; urgent: boolean }[] = [];
    const done: string[] = [];
    /** "long" needs three steps of 6 ms; each call does steps while there is time (at least one). */
    let longSteps = 3;
    const runner = createSliceRunner<string>({
      budgetMs: 10,
      scheduler: { schedule: (run, urgent) => scheduled.push({ run, urgent }), now: () => clock },
      work: (s, hasTime) => {
        if (s === 'long') {
          do {
            clock += 6;
            longSteps--;
          } while (longSteps > 0 && hasTime());
          if (longSteps > 0) return false;
        } else clock += 1;
        done.push(s);
        return true;
      },
    });
    runner.enqueue(['far'], false);
    runner.enqueue(['a', 'long', 'b'], true);
    runner.runSlice();
    // a (1 ms), then two steps of long (13 ms): out of time, unfinished; b waits.
    expect(done).toEqual(['a']);
    expect(runner.size).toBe(3);
    expect(longSteps).toBe(1);
    // Queued again while unfinished: still once.
    runner.enqueue(['long'], true);
    expect(runner.size).toBe(3);
    scheduled.find((s) => s.urgent)!.run(null);
    expect(done).toEqual(['a', 'long', 'b', 'far']);
    expect(runner.size).toBe(0);
  });

  it('an unfinished idle item keeps to idle time unless it is promoted', () => {
    let clock = 0;
    const scheduled: boolean[] = [];
    let calls = 0;
    const runner = createSliceRunner<string>({
      budgetMs: 10,
      scheduler: { schedule: (_run, urgent) => scheduled.push(urgent), now: () => clock },
      work: () => {
        clock += 20;
        return ++calls >= 3;
      },
    });
    runner.enqueue(['x']);
    runner.runSlice();
    expect(scheduled).toEqual([false]);
    expect(runner.promote('x')).toBe(true);
    expect(scheduled).toEqual([false, true]);
    expect(runner.promote('x')).toBe(false);
    runner.clear();
    expect(runner.size).toBe(0);
  });

  it('an unfinished idle item waits while urgent items are queued: they run first in the next slice', () => {
    let clock = 0;
    const scheduled: { run: (t: number | null) => void; urgent: boolean }[] = [];
    const done: string[] = [];
    /** Steps of 6 ms each item still needs (at least one per call, more while there is time); others take 1 ms. */
    const steps = new Map([
      ['far', 4],
      ['nearLong', 3],
    ]);
    const runner = createSliceRunner<string>({
      budgetMs: 10,
      scheduler: { schedule: (run, urgent) => scheduled.push({ run, urgent }), now: () => clock },
      work: (s, hasTime) => {
        let left = steps.get(s);
        if (left !== undefined) {
          do {
            clock += 6;
            left--;
          } while (left > 0 && hasTime());
          steps.set(s, left);
          if (left > 0) return false;
        } else clock += 1;
        done.push(s);
        return true;
      },
    });
    runner.enqueue(['far']);
    runner.runSlice();
    expect(done).toEqual([]);
    expect(steps.get('far')).toBe(2);
    // Posts come into view while the off-screen one is half prepared: their slice is a soon task and they go first
    // (one of them unfinished in its turn: the idle one is not lost).
    runner.enqueue(['near', 'nearLong'], true);
    expect(runner.size).toBe(3);
    const soon = scheduled.find((s) => s.urgent);
    expect(soon).toBeDefined();
    soon!.run(null);
    expect(done[0]).toBe('near');
    for (let i = 0; i < 10 && runner.size > 0; i++) scheduled.shift()!.run(null);
    expect(done).toEqual(['near', 'nearLong', 'far']);
    expect(runner.size).toBe(0);
  });

  it('schedules a soon task when urgent work arrives while only an idle slice is pending', () => {
    const scheduled: boolean[] = [];
    const runner = createSliceRunner<number>({
      scheduler: { schedule: (_run, urgent) => scheduled.push(urgent), now: () => 0 },
      work: () => undefined,
    });
    runner.enqueue([1]);
    runner.enqueue([1]); // already queued: nothing new to schedule
    expect(scheduled).toEqual([false]);
    runner.enqueue([2], true);
    runner.enqueue([3], true);
    expect(scheduled).toEqual([false, true]);
  });

  it('promotes an idle-lane item that came into view: it runs in the next soon slice, before older idle items', () => {
    let clock = 0;
    const scheduled: { run: (t: number | null) => void; urgent: boolean }[] = [];
    const done: string[] = [];
    const runner = createSliceRunner<string>({
      budgetMs: 10,
      scheduler: { schedule: (run, urgent) => scheduled.push({ run, urgent }), now: () => clock },
      work: (s) => {
        clock += 4;
        done.push(s);
      },
    });
    runner.enqueue(['a', 'b', 'c', 'd']);
    expect(scheduled.map((s) => s.urgent)).toEqual([false]);
    expect(runner.promote('c')).toBe(true);
    expect(runner.promote('c')).toBe(false); // already urgent
    expect(runner.promote('zzz')).toBe(false); // never queued: not added
    expect(runner.size).toBe(4);
    expect(scheduled.map((s) => s.urgent)).toEqual([false, true]);
    scheduled[1]!.run(null);
    expect(done[0]).toBe('c');
    expect(done).toEqual(['c', 'a', 'b']); // then the idle lane, until the budget is spent
    runner.runSlice();
    expect(runner.promote('d')).toBe(false); // done: nothing left to promote
  });

  it('deduplicates queued items and keeps going after a failing item', () => {
    const done: string[] = [];
    const runner = createSliceRunner<string>({
      scheduler: { schedule: () => undefined, now: () => 0 },
      work: (s) => {
        if (s === 'bad') throw new Error('boom');
        done.push(s);
      },
    });
    runner.enqueue(['a', 'bad', 'a', 'b']);
    const error = console.error;
    console.error = () => undefined;
    runner.runSlice();
    console.error = error;
    expect(done).toEqual(['a', 'b']);
  });

  it('uses the idle time the browser reports when it is shorter than the budget', () => {
    let clock = 0;
    const done: number[] = [];
    const runner = createSliceRunner<number>({
      budgetMs: 10,
      scheduler: { schedule: (run) => pending.push(run), now: () => clock },
      work: (n) => {
        clock += 2;
        done.push(n);
      },
    });
    const pending: ((t: number | null) => void)[] = [];
    runner.enqueue([1, 2, 3, 4, 5]);
    pending.shift()!(4); // the browser says 4 ms of idle time are left
    expect(done).toEqual([1, 2]);
  });
});
