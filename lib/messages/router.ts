import type { Browser } from 'wxt/browser';
import type { Result } from './contract';

type Sender = Browser.runtime.MessageSender;

/** What the router needs of a schema: zod schemas fit, and so does a hand-written checker. */
export interface Parser<T> {
  safeParse(raw: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

export type Handlers<M extends { type: string }, R extends Record<M['type'], unknown>> = {
  [T in M['type']]: (msg: Extract<M, { type: T }>, sender: Sender) => Promise<R[T]> | R[T];
};

/**
 * Builds an onMessage listener: checks that the sender is this extension, validates the payload against the
 * contract's schema, runs the handler and answers with a Result. Malformed input gets an error reply, never a
 * crash. Written with sendResponse + `return true` so it works with every fake and real browser.
 */
export function createRouterFor<M extends { type: string }, R extends Record<M['type'], unknown>>(
  schema: Parser<M>,
  ownId: string,
  handlers: Handlers<M, R>,
) {
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
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      reply({ ok: false, error: `malformed message: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
      return true;
    }
    const msg = parsed.data;
    const handler = handlers[msg.type as M['type']] as (m: M, s: Sender) => unknown;
    Promise.resolve()
      .then(() => handler(msg, sender))
      .then(
        (value) => reply({ ok: true, value }),
        (err: unknown) => reply({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    return true;
  };
}
