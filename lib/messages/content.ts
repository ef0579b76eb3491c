/**
 * The background → content-script half of the message contract (the panel's requests, forwarded to a tab). Checked
 * by hand rather than with zod so that the page script, injected into pages, does not carry a schema library.
 */
import type { PageContext } from './contract';
import type { Parser } from './router';

export type ContentRequest = { type: 'content/context' } | { type: 'content/reveal'; index: number };

export interface ContentReplies {
  'content/context': PageContext;
  'content/reveal': { revealed: boolean };
}

const fail = (message: string) => ({ success: false as const, error: { issues: [{ message }] } });

export const ContentRequest: Parser<ContentRequest> = {
  safeParse(raw) {
    if (typeof raw !== 'object' || raw === null) return fail('not an object');
    const msg = raw as { type?: unknown; index?: unknown };
    if (msg.type === 'content/context') return { success: true, data: { type: 'content/context' } };
    if (msg.type === 'content/reveal') {
      return Number.isSafeInteger(msg.index) && (msg.index as number) >= 0
        ? { success: true, data: { type: 'content/reveal', index: msg.index as number } }
        : fail('index must be a non-negative integer');
    }
    return fail('unknown message type');
  },
};
