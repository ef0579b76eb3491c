/**
 * The one message contract between the content script, the extension pages and the background.
 * Every message is a plain object with a `type`; every handler answers with a `Result`, never a thrown Error
 * (Errors do not survive structured cloning across contexts).
 */
import { z } from 'zod';

export const MentionReport = z.object({
  type: z.literal('mentions/report'),
  /** Number of highlighted mentions on the page (shown on the toolbar badge). */
  count: z.number().int().nonnegative().max(1_000_000),
  /** Entity ids mentioned, for the reader's history. */
  entities: z.array(z.string().max(64)).max(500),
});

export const Ping = z.object({ type: z.literal('ping') });

export const Message = z.discriminatedUnion('type', [MentionReport, Ping]);

export type MentionReport = z.infer<typeof MentionReport>;
export type Message = z.infer<typeof Message>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Replies per message type: the compiler keeps both ends of each call in step. */
export interface Replies {
  'mentions/report': { badge: string };
  ping: { pong: true; version: string };
}

export type ReplyTo<M extends Message> = Replies[M['type']];
