import type { TimerApi } from './mutation-batcher';

/** Runs `fn` at most once per `intervalMs` (calls in the same task are coalesced; the last one is never lost). */
export function createThrottle(fn: () => void, intervalMs: number, timers: TimerApi): { request(): void; cancel(): void } {
  let last = -Infinity;
  let timer: number | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  return {
    request() {
      if (timer !== null) return;
      const wait = last + intervalMs - Date.now();
      timer = timers.setTimeout(run, Math.max(0, wait));
    },
    cancel() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
