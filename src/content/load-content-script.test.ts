import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startContentScript } from './load-content-script';
import { nextTask } from './post-task';

const started = vi.hoisted(() => ({ contexts: [] as unknown[], evaluated: 0 }));

// Stands in for the content script proper: records when its module is evaluated and when it is started.
vi.mock('./start-content-script', () => {
  started.evaluated++;
  return {
    runContentScript: (ctx: unknown) => {
      started.contexts.push(ctx);
      return Promise.resolve();
    },
  };
});

const makeContext = () => {
  const controller = new AbortController();
  const ctx = { signal: controller.signal, get isInvalid() { return controller.signal.aborted; } };
  return { ctx: ctx as unknown as ContentScriptContext, abort: () => controller.abort() };
};

async function settle(): Promise<void> {
  // The lazy import resolves through a few promise turns after its task.
  for (let i = 0; i < 3; i++) await nextTask();
}

describe('startContentScript (the entry)', () => {
  beforeEach(() => {
    started.contexts.length = 0;
  });

  it('starts the content script proper in a later task, not in the one that evaluated the bundle', async () => {
    const { ctx } = makeContext();
    startContentScript(ctx);
    await Promise.resolve();
    await Promise.resolve();
    expect(started.contexts).toEqual([]);
    await settle();
    expect(started.contexts).toEqual([ctx]);
    expect(started.evaluated).toBe(1);
  });

  it('does nothing for a context invalidated before or while it waits', async () => {
    const before = makeContext();
    before.abort();
    startContentScript(before.ctx);
    const during = makeContext();
    startContentScript(during.ctx);
    during.abort();
    await settle();
    expect(started.contexts).toEqual([]);
  });
});
