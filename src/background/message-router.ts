import type { Runtime } from 'webextension-polyfill';
import {
  MESSAGE_SENDERS,
  isEnvelope,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type SenderKind,
} from '@/src/shared/messages';

export interface HandlerContext {
  kind: SenderKind;
  /** The sender's tab (content scripts; also the popup when it is opened in a tab). */
  tabId: number | undefined;
  senderUrl: string;
}

export type Handler<T extends MessageType> = (payload: RequestOf<T>, context: HandlerContext) => Promise<ResponseOf<T>>;
export type Handlers = { [K in MessageType]: Handler<K> };

export interface SenderIdentity {
  /** Our own extension id (`browser.runtime.id`). */
  runtimeId: string;
  /** Our own pages' origin, e.g. `chrome-extension://<id>/` (`browser.runtime.getURL('/')`). */
  extensionOrigin: string;
}

/**
 * Says who sent a message, or null for anyone we do not talk to: other extensions, web pages (externally
 * connectable is off, but be explicit), frames of unexpected schemes.
 */
export function classifySender(sender: Runtime.MessageSender, self: SenderIdentity): SenderKind | null {
  if (sender.id !== self.runtimeId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.extensionOrigin)) return 'extension-page';
  if (sender.tab && /^(https?|file):/i.test(url)) return 'content';
  return null;
}

/**
 * Builds the `runtime.onMessage` listener: checks the envelope and the sender against the message's allowed senders,
 * runs the handler and wraps its result (or error) as a Reply. Messages that are not ours get no answer (undefined).
 */
export function createMessageRouter(handlers: Handlers, self: SenderIdentity) {
  return (message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const kind = classifySender(sender, self);
    const type = message.type;
    if (kind === null || !MESSAGE_SENDERS[type].includes(kind)) {
      console.warn(`[canh-giac] rejected ${type} from ${sender.url ?? 'unknown sender'}`);
      return Promise.resolve({ ok: false, error: 'sender not allowed' });
    }
    const handler = handlers[type] as Handler<MessageType>;
    const context: HandlerContext = { kind, tabId: sender.tab?.id, senderUrl: sender.url ?? '' };
    return handler(message.payload, context).then(
      (value): Reply<unknown> => ({ ok: true, value }),
      (error: unknown): Reply<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
}
