// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QuietContentScriptContext } from './quiet-content-script-context';

afterEach(() => {
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe('QuietContentScriptContext', () => {
  it('dispatches no DOM event a page could observe when it starts', () => {
    const seen: string[] = [];
    const record = (event: Event) => seen.push(event.type);
    const original = document.dispatchEvent.bind(document);
    const spy = vi.spyOn(document, 'dispatchEvent').mockImplementation((event) => {
      record(event);
      return original(event);
    });
    const windowSpy = vi.spyOn(window, 'dispatchEvent');
    const postSpy = vi.spyOn(window, 'postMessage');
    const ctx = new QuietContentScriptContext('content', {});
    expect(seen).toEqual([]);
    expect(windowSpy).not.toHaveBeenCalled();
    expect(postSpy).not.toHaveBeenCalled();
    ctx.abort();
    spy.mockRestore();
  });

  it('an orphan (extension runtime gone) invalidates itself at its next timer tick and runs its clean-up', () => {
    vi.useFakeTimers();
    const ctx = new QuietContentScriptContext('content', {});
    const cleanedUp = vi.fn();
    ctx.onInvalidated(cleanedUp);
    const tick = vi.fn();
    ctx.setInterval(tick, 1000);
    vi.advanceTimersByTime(1000);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(cleanedUp).not.toHaveBeenCalled();
    // What the browser does to a content script whose extension was reloaded or removed.
    const id = fakeBrowser.runtime.id;
    Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true, writable: true });
    vi.advanceTimersByTime(1000);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(cleanedUp).toHaveBeenCalledTimes(1);
    expect(ctx.signal.aborted).toBe(true);
    Object.defineProperty(fakeBrowser.runtime, 'id', { value: id, configurable: true, writable: true });
  });

  it('delivers wxt:locationchange privately (polling where the Navigation API is missing)', () => {
    vi.useFakeTimers();
    const ctx = new QuietContentScriptContext('content', {});
    const changes: string[] = [];
    const windowSpy = vi.spyOn(window, 'dispatchEvent');
    ctx.addEventListener(window, 'wxt:locationchange', (event) => changes.push(String((event as unknown as { newUrl: URL }).newUrl)));
    history.pushState(null, '', '/next?page=2');
    vi.advanceTimersByTime(1100);
    expect(changes).toEqual([new URL('/next?page=2', location.href).href]);
    expect(windowSpy).not.toHaveBeenCalled();
    ctx.abort();
  });
});
