import { describe, expect, it, vi } from 'vitest';
import { createMutationBatcher } from './mutation-batcher';

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number, clearTimeout: (id: number) => clearTimeout(id) };
const record = (n: number) => ({ type: 'childList', n }) as unknown as MutationRecord;

describe('createMutationBatcher', () => {
  it('hands a burst over as one batch after the debounce', () => {
    vi.useFakeTimers();
    const batches: MutationRecord[][] = [];
    const batcher = createMutationBatcher({ timers, onBatch: (b) => batches.push(b) });
    batcher.push([record(1)]);
    vi.advanceTimersByTime(10);
    batcher.push([record(2), record(3)]);
    vi.advanceTimersByTime(24);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(2);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(3);
    vi.useRealTimers();
  });

  it('flushes after maxWait even if records keep coming', () => {
    vi.useFakeTimers();
    const batches: MutationRecord[][] = [];
    const batcher = createMutationBatcher({ timers, debounceMs: 25, maxWaitMs: 1000, onBatch: (b) => batches.push(b) });
    for (let t = 0; t < 1100; t += 20) {
      batcher.push([record(t)]);
      vi.advanceTimersByTime(20);
    }
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches[0]!.length).toBe(50); // 0..980 ms at 20 ms steps, flushed at 1000 ms
    vi.useRealTimers();
  });

  it('cancel drops pending records', () => {
    vi.useFakeTimers();
    const onBatch = vi.fn();
    const batcher = createMutationBatcher({ timers, onBatch });
    batcher.push([record(1)]);
    batcher.cancel();
    vi.advanceTimersByTime(2000);
    expect(onBatch).not.toHaveBeenCalled();
    expect(batcher.pending).toBe(0);
    vi.useRealTimers();
  });
});
