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
    scheduled.shift()!(null);
    scheduled.shift()!(null);
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
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
