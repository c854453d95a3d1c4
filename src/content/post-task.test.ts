import { afterEach, describe, expect, it } from 'vitest';
import { nextTask, postTask } from './post-task';

const withScheduler = (scheduler: unknown) => {
  (globalThis as { scheduler?: unknown }).scheduler = scheduler;
};
afterEach(() => {
  delete (globalThis as { scheduler?: unknown }).scheduler;
});

describe('postTask', () => {
  it('runs callbacks later, as tasks, in order (MessageChannel without scheduler.postTask)', async () => {
    const order: string[] = [];
    postTask(() => order.push('a'));
    postTask(() => order.push('b'));
    order.push('sync');
    await Promise.resolve(); // not a microtask either
    expect(order).toEqual(['sync']);
    await nextTask();
    expect(order).toEqual(['sync', 'a', 'b']);
  });

  it('does not run once the signal is aborted', async () => {
    const controller = new AbortController();
    let ran = false;
    postTask(() => (ran = true), controller.signal);
    controller.abort();
    await nextTask();
    await nextTask();
    expect(ran).toBe(false);
  });

  it('uses scheduler.postTask at user-visible priority, and falls back when it throws', async () => {
    const priorities: unknown[] = [];
    withScheduler({
      postTask: (callback: () => void, options: { priority: string }) => {
        priorities.push(options.priority);
        return Promise.resolve().then(callback);
      },
    });
    let ran = 0;
    postTask(() => ran++);
    await nextTask();
    expect(priorities[0]).toBe('user-visible');
    withScheduler({
      postTask: () => {
        throw new TypeError('refused');
      },
    });
    postTask(() => ran++);
    await new Promise((r) => setTimeout(r, 10));
    expect(ran).toBe(2);
  });

  it('falls back when scheduler.postTask rejects instead of throwing, and never runs a callback twice', async () => {
    withScheduler({ postTask: () => Promise.reject(new TypeError('refused')) });
    let ran = 0;
    postTask(() => ran++);
    await new Promise((r) => setTimeout(r, 10));
    expect(ran).toBe(1);
    // The callback ran but threw: the rejection is its own error, not a refusal — no second run.
    withScheduler({ postTask: (callback: () => void) => Promise.resolve().then(callback) });
    let calls = 0;
    postTask(() => {
      calls++;
      throw new Error('boom');
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(1);
  });
});
