/**
 * Runs a callback soon as its own task, ahead of idle time but after whatever the page already queued:
 * `scheduler.postTask` (Chromium, Firefox 142+) at "user-visible" priority, else a MessageChannel message (no 4 ms
 * clamp as nested setTimeout has), else setTimeout 0. Used for the slices of items a reader can see and to split the
 * content script's start-up into tasks well under 50 ms each.
 */
interface PostTaskScheduler {
  postTask(callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background'; signal?: AbortSignal }): Promise<unknown>;
}

function findScheduler(): PostTaskScheduler | null {
  const candidate = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  return typeof candidate?.postTask === 'function' ? (candidate as PostTaskScheduler) : null;
}

let channel: { port: MessagePort; queue: (() => void)[] } | null = null;

function postMessageTask(callback: () => void): void {
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const queue: (() => void)[] = [];
    port1.onmessage = () => queue.shift()?.();
    channel = { port: port2, queue };
  }
  channel.queue.push(callback);
  channel.port.postMessage(null);
}

/** Runs `callback` in a new task soon; not at all once `signal` is aborted. */
export function postTask(callback: () => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  let started = false;
  const run = () => {
    started = true;
    if (!signal?.aborted) callback();
  };
  const scheduler = findScheduler();
  if (scheduler) {
    try {
      // A refused call may throw or reject (WebIDL turns argument errors of a promise-returning method into a
      // rejection): either way, fall back — unless the callback already ran (then the rejection is its own error).
      scheduler.postTask(run, { priority: 'user-visible', signal }).catch(() => {
        if (!started && !signal?.aborted) postFallbackTask(run);
      });
      return;
    } catch {
      // e.g. a content-script sandbox whose wrapper refuses the options: fall back below.
    }
  }
  postFallbackTask(run);
}

function postFallbackTask(run: () => void): void {
  if (typeof MessageChannel === 'function') {
    postMessageTask(run);
  } else {
    setTimeout(run, 0);
  }
}

/** Resolves in a new task (yields the main thread to the page); never resolves once `signal` is aborted. */
export function nextTask(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => postTask(resolve, signal));
}
