/**
 * Runs queued work in slices of at most `budgetMs` (about 10 ms), yielding to the page between slices.
 *
 * Two lanes: urgent items (a reader can see them: in or near the viewport) run first, and while any are queued the
 * next slice is scheduled as a normal task soon (`schedule(run, true)`: `scheduler.postTask` / MessageChannel);
 * the rest wait for idle time (`schedule(run, false)`: requestIdleCallback with a timeout, so work is never starved
 * while the person scrolls). Either way no slice runs longer than the budget plus one item.
 * The caller may run the first slice right away (`runSlice`) so a new post gets its warning without waiting.
 */
export interface SliceScheduler {
  /**
   * Schedules `run`: soon as a normal task when `urgent`, else in idle time; `timeRemaining` tells how long the
   * browser considers itself idle (when known).
   */
  schedule(run: (timeRemaining: number | null) => void, urgent: boolean): void;
  now(): number;
}

export interface SliceRunner<T> {
  /** Queues work (deduplicated: an item queued twice runs once; queued as urgent once, it stays urgent). */
  enqueue(items: Iterable<T>, urgent?: boolean): void;
  /**
   * Moves an item waiting in the idle lane to the urgent lane (it came into view); returns whether it was waiting
   * there. An item not queued, or already urgent, is left alone.
   */
  promote(item: T): boolean;
  /** Runs one slice now (also called by the scheduler). */
  runSlice(): void;
  clear(): void;
  readonly size: number;
}

export interface SliceRunnerOptions<T> {
  budgetMs?: number;
  scheduler: SliceScheduler;
  /**
   * Does the item's work. Returning `false` means "not finished": the slice ends and the item runs first in the next
   * one — an idle-lane item after any urgent ones (work that can be split, such as compiling what a long post needs,
   * checks `hasTime()` and stops early).
   */
  work(item: T, hasTime: () => boolean): boolean | void;
  /** After a slice that did some work. */
  onSliceEnd?(processed: number, remaining: number): void;
}

export function createSliceRunner<T>({ budgetMs = 10, scheduler, work, onSliceEnd }: SliceRunnerOptions<T>): SliceRunner<T> {
  const urgent = new Set<T>();
  const later = new Set<T>();
  let scheduledSoon = false;
  let scheduledIdle = false;

  const next = (): { item: T; urgent: boolean } | undefined => {
    for (const lane of [urgent, later]) {
      for (const item of lane) {
        lane.delete(item);
        return { item, urgent: lane === urgent };
      }
    }
    return undefined;
  };

  /**
   * An item whose work was not finished goes back to the head of its lane: it runs first in the next slice, and an
   * idle-lane one after any urgent items queued meanwhile (a post came into view; what it compiled stays compiled).
   */
  const putFirst = (lane: Set<T>, item: T) => {
    const waiting = [...lane];
    lane.clear();
    lane.add(item);
    for (const other of waiting) lane.add(other);
  };

  const runSlice = (timeRemaining: number | null = null) => {
    const budget = timeRemaining === null ? budgetMs : Math.max(2, Math.min(budgetMs, timeRemaining));
    const start = scheduler.now();
    const hasTime = () => scheduler.now() - start < budget;
    let processed = 0;
    for (let current = next(); current !== undefined; current = next()) {
      let finished: boolean | void = true;
      try {
        finished = work(current.item, hasTime);
      } catch (error) {
        console.error('[canh-giac] scan failed', error);
      }
      // Not finished (and not queued again meanwhile): first in the next slice, in its lane.
      if (finished === false && !urgent.has(current.item) && !later.has(current.item)) {
        putFirst(current.urgent ? urgent : later, current.item);
        break;
      }
      processed++;
      if (!hasTime()) break;
    }
    scheduleNext();
    if (processed > 0) onSliceEnd?.(processed, urgent.size + later.size);
  };
  const runSoon = (timeRemaining: number | null) => {
    scheduledSoon = false;
    runSlice(timeRemaining);
  };
  const runIdle = (timeRemaining: number | null) => {
    scheduledIdle = false;
    runSlice(timeRemaining);
  };
  const scheduleNext = () => {
    if (urgent.size > 0) {
      if (scheduledSoon) return;
      scheduledSoon = true;
      scheduler.schedule(runSoon, true);
    } else if (later.size > 0) {
      if (scheduledSoon || scheduledIdle) return;
      scheduledIdle = true;
      scheduler.schedule(runIdle, false);
    }
  };

  return {
    enqueue(items, isUrgent = false) {
      let added = false;
      for (const item of items) {
        if (urgent.has(item)) continue;
        if (isUrgent) {
          later.delete(item);
          urgent.add(item);
          added = true;
        } else if (!later.has(item)) {
          later.add(item);
          added = true;
        }
      }
      if (added) scheduleNext();
    },
    promote(item) {
      if (!later.delete(item)) return false;
      urgent.add(item);
      scheduleNext();
      return true;
    },
    runSlice: () => runSlice(null),
    clear() {
      urgent.clear();
      later.clear();
    },
    get size() {
      return urgent.size + later.size;
    },
  };
}
