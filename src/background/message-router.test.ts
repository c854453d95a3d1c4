import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { classifySender, createMessageRouter, type Handlers } from './message-router';

const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const contentSender: Runtime.MessageSender = {
  id: 'ext-id',
  url: 'https://www.facebook.com/groups/1',
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
};
const popupSender: Runtime.MessageSender = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

function makeHandlers(): Handlers {
  return {
    'tab:findings': vi.fn(async () => null),
    'tab:get-state': vi.fn(async ({ tabId }) => ({ tabId, url: null, findings: null })),
    'engine:ensure': vi.fn(async () => ({ version: 1 })),
    'feed:status': vi.fn(async () => {
      throw new Error('db closed');
    }),
    'feed:sync-now': vi.fn(async () => {
      throw new Error('unused');
    }),
    'report:draft': vi.fn(async () => ({ draftId: 'd1' })),
  } as unknown as Handlers;
}

describe('classifySender', () => {
  it.each([
    ['content script in a web tab', contentSender, 'content'],
    ['our popup', popupSender, 'extension-page'],
    ['our popup opened in a tab', { ...popupSender, tab: contentSender.tab }, 'extension-page'],
    ['another extension', { ...contentSender, id: 'evil' }, null],
    ['no id', { url: 'https://example.com/' }, null],
    ['content script in a data: frame', { ...contentSender, url: 'data:text/html,hi' }, null],
    ['a page of another extension', { id: 'ext-id', url: 'chrome-extension://other/x.html' }, null],
  ] as const)('%s', (_name, sender, expected) => {
    expect(classifySender(sender as Runtime.MessageSender, self)).toBe(expected);
  });
});

describe('createMessageRouter', () => {
  it('runs the handler for an allowed sender and wraps the value', async () => {
    const handlers = makeHandlers();
    const route = createMessageRouter(handlers, self);
    const reply = await route({ type: 'tab:get-state', payload: { tabId: 3 } }, popupSender);
    expect(reply).toEqual({ ok: true, value: { tabId: 3, url: null, findings: null } });
  });

  it('passes the sender tab to content handlers', async () => {
    const handlers = makeHandlers();
    const route = createMessageRouter(handlers, self);
    await route({ type: 'engine:ensure', payload: null }, contentSender);
    expect(handlers['engine:ensure']).toHaveBeenCalledWith(null, expect.objectContaining({ kind: 'content', tabId: 7 }));
  });

  it('rejects a message from a sender kind the type does not allow, without running the handler', async () => {
    const handlers = makeHandlers();
    const route = createMessageRouter(handlers, self);
    const reply = await route({ type: 'tab:get-state', payload: { tabId: 3 } }, contentSender);
    expect(reply).toEqual({ ok: false, error: 'sender not allowed' });
    expect(handlers['tab:get-state']).not.toHaveBeenCalled();
  });

  it('rejects other extensions', async () => {
    const handlers = makeHandlers();
    const route = createMessageRouter(handlers, self);
    const reply = await route({ type: 'engine:ensure', payload: null }, { ...contentSender, id: 'evil' });
    expect(reply).toEqual({ ok: false, error: 'sender not allowed' });
  });

  it('ignores messages that are not ours', () => {
    const route = createMessageRouter(makeHandlers(), self);
    expect(route({ type: 'nope' }, popupSender)).toBeUndefined();
    expect(route('hello', popupSender)).toBeUndefined();
    expect(route({ type: '__proto__' }, popupSender)).toBeUndefined();
  });

  it('turns a handler error into an error reply', async () => {
    const route = createMessageRouter(makeHandlers(), self);
    expect(await route({ type: 'feed:status', payload: null }, popupSender)).toEqual({ ok: false, error: 'db closed' });
  });
});
