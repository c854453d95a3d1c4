/**
 * Runs queued work in slices of at most `budgetMs` (about 10 ms), yielding to the page between slices with
 * requestIdleCallback (with a timeout, so work is never starved while the person scrolls) or setTimeout.
 * The caller may run the first slice right away (`runSlice`) so a new post gets its warning without waiting for idle time.
 */
export interface SliceScheduler {
  /** Schedules `run` soon; `deadline` tells how long the browser considers itself idle (when known). */
  schedule(run: (timeRemaining: number | null) => void): void;
  now(): number;
}

export interface SliceRunner<T> {
  /** Queues work (deduplicated: an item queued twice runs once). */
  enqueue(items: Iterable<T>): void;
  /** Runs one slice now (also called by the scheduler). */
  runSlice(): void;
  clear(): void;
  readonly size: number;
}

export interface SliceRunnerOptions<T> {
  budgetMs?: number;
  scheduler: SliceScheduler;
  work(item: T): void;
  /** After a slice that did some work. */
  onSliceEnd?(processed: number, remaining: number): void;
}

export function createSliceRunner<T>({ budgetMs = 10, scheduler, work, onSliceEnd }: SliceRunnerOptions<T>): SliceRunner<T> {
  const queue = new Set<T>();
  let scheduled = false;

  const runSlice = (timeRemaining: number | null = null) => {
    scheduled = false;
    const budget = timeRemaining === null ? budgetMs : Math.max(2, Math.min(budgetMs, timeRemaining));
    const start = scheduler.now();
    let processed = 0;
    for (const item of queue) {
      queue.delete(item);
      try {
        work(item);
      } catch (error) {
        console.error('[canh-giac] scan failed', error);
      }
      processed++;
      if (scheduler.now() - start >= budget) break;
    }
    if (queue.size > 0) scheduleNext();
    if (processed > 0) onSliceEnd?.(processed, queue.size);
  };
  const scheduleNext = () => {
    if (scheduled) return;
    scheduled = true;
    scheduler.schedule(runSlice);
  };

  return {
    enqueue(items) {
      const before = queue.size;
      for (const item of items) queue.add(item);
      if (queue.size > before) scheduleNext();
    },
    runSlice: () => runSlice(null),
    clear() {
      queue.clear();
    },
    get size() {
      return queue.size;
    },
  };
}
