import type { Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;
import { Message, type ReplyTo, type Result } from './contract';

type Handlers = { [T in Message['type']]: (msg: Extract<Message, { type: T }>, sender: Sender) => Promise<ReplyTo<Extract<Message, { type: T }>>> | ReplyTo<Extract<Message, { type: T }>> };

/**
 * Builds the background's onMessage listener: checks that the sender is this extension, validates the payload
 * against the contract, runs the handler and answers with a Result. Malformed input gets an error reply, never a
 * crash. Written with sendResponse + `return true` so it works with every fake and real browser.
 */
export function createRouter(ownId: string, handlers: Handlers) {
  return (raw: unknown, sender: Sender, sendResponse: (r: Result<unknown>) => void): true => {
    const reply = (r: Result<unknown>) => {
      try {
        sendResponse(r);
      } catch {
        // The sender went away (tab closed); nothing to answer.
      }
    };
    if (sender.id !== ownId) {
      reply({ ok: false, error: 'sender is not this extension' });
      return true;
    }
    const parsed = Message.safeParse(raw);
    if (!parsed.success) {
      reply({ ok: false, error: `malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      return true;
    }
    const msg = parsed.data;
    const handler = handlers[msg.type] as (m: Message, s: Sender) => unknown;
    Promise.resolve()
      .then(() => handler(msg, sender))
      .then(
        (value) => reply({ ok: true, value }),
        (err: unknown) => reply({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    return true;
  };
}
