/**
 * Collects MutationObserver records and hands them over in batches: `debounceMs` after the last record, but no later
 * than `maxWaitMs` after the first one of a batch (a page that never stops changing still gets scanned).
 */
export interface TimerApi {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface MutationBatcher {
  push(records: readonly MutationRecord[]): void;
  /** Hands over what is pending right away. */
  flush(): void;
  /** Drops what is pending and stops the timers. */
  cancel(): void;
  readonly pending: number;
}

export interface BatcherOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  timers: TimerApi;
  onBatch(records: MutationRecord[]): void;
}

export function createMutationBatcher({ debounceMs = 25, maxWaitMs = 1000, timers, onBatch }: BatcherOptions): MutationBatcher {
  let queue: MutationRecord[] = [];
  let debounceTimer: number | null = null;
  let maxTimer: number | null = null;

  const clearTimers = () => {
    if (debounceTimer !== null) timers.clearTimeout(debounceTimer);
    if (maxTimer !== null) timers.clearTimeout(maxTimer);
    debounceTimer = maxTimer = null;
  };
  const flush = () => {
    clearTimers();
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    onBatch(batch);
  };

  return {
    push(records) {
      if (records.length === 0) return;
      for (const record of records) queue.push(record);
      if (debounceTimer !== null) timers.clearTimeout(debounceTimer);
      debounceTimer = timers.setTimeout(flush, debounceMs);
      maxTimer ??= timers.setTimeout(flush, maxWaitMs);
    },
    flush,
    cancel() {
      clearTimers();
      queue = [];
    },
    get pending() {
      return queue.length;
    },
  };
}
