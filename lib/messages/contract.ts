/**
 * The one message contract between the content script, the extension pages and the background.
 * Every message is a plain object with a `type`; every handler answers with a `Result`, never a thrown Error
 * (Errors do not survive structured cloning across contexts).
 */
import { z } from 'zod';
import type { ClaimMatch } from '../claims/types';
import { MAX_REQUEST_CHARS, type RecognizeReply } from '../page/remote';

export const MentionReport = z.object({
  type: z.literal('mentions/report'),
  /** Number of highlighted mentions on the page (shown on the toolbar badge). */
  count: z.number().int().nonnegative().max(1_000_000),
  /** Entity ids mentioned, for the reader's history. */
  entities: z.array(z.string().max(64)).max(500),
  // Optional (older senders omit them). The background takes the address and title from the sender where it can,
  // and drops a `published` value that is not an ISO date.
  /** The page's address (used only when it has the sender's origin: single-page sites change paths). */
  url: z.string().max(4096).optional(),
  /** The page's title. */
  title: z.string().max(1000).optional(),
  /** The page's declared publication date (ISO date or timestamp). */
  published: z.string().max(64).optional(),
  /** Claim ids the page mentioned, for the reader's history. */
  claims: z.array(z.string().max(64)).max(500).optional(),
});

export const Ping = z.object({ type: z.literal('ping') });

/** From the panel (or an extension page): how often the reader met the story (optionally one entity or claim). */
export const HistorySummaryRequest = z.object({
  type: z.literal('history/summary'),
  entity: z.string().max(64).optional(),
  claim: z.string().max(64).optional(),
});

/** From the options page: the background's view of the history storage (e.g. a quota failure while recording). */
export const HistoryStatusRequest = z.object({ type: z.literal('history/status') });

/**
 * From the panel (native side panel or in-page overlay): what the extension found on a tab. Without `tabId` the
 * background uses the sender's tab (overlay) or the active tab of the current window (native panel).
 */
export const PageContextRequest = z.object({ type: z.literal('page/context'), tabId: z.number().int().optional() });

/** From the panel: scroll to and flash mention `index` on the tab. */
export const RevealRequest = z.object({ type: z.literal('page/reveal'), tabId: z.number().int().optional(), index: z.number().int().nonnegative() });

/**
 * From the sentinel: this frame's text matched the quick pattern; inject the page script if the site is enabled.
 * `windows` (the text around every match, lib/recognize/quick.ts) let the background first check for a name that
 * can anchor the page; without them (a covered frame's match), or when they do not cover every match (`complete`
 * false), the page script is injected.
 */
export const CandidateReport = z.object({
  type: z.literal('sentinel/candidate'),
  windows: z.array(z.string().max(8_192)).max(64).optional(),
  complete: z.boolean().optional(),
});

/** From the page script: may it run here, and how should highlights look (settings stay in the background). */
export const PageSettingsRequest = z.object({ type: z.literal('page/settings') });

/** Texts of a page's blocks, capped in count and in total length (a page script sends ≤ 512 K characters at once). */
const BlockTexts = z
  .array(z.string())
  .max(100_000)
  .refine((texts) => texts.reduce((n, t) => n + t.length, 0) <= MAX_REQUEST_CHARS, 'too much text in one request');

/**
 * From the page script: recognize these block texts (lib/page/remote.ts). `about` and `evidence` carry the page's
 * gating from earlier batches.
 */
export const RecognizeRequest = z.object({
  type: z.literal('page/recognize'),
  texts: BlockTexts,
  about: z.boolean(),
  evidence: z.array(z.string().max(65_536)).max(256),
});

/** From the page script: the sentences of these blocks (around mentions) that report a claim of the pack. */
export const ClaimsRequest = z.object({ type: z.literal('page/claims'), texts: BlockTexts });

/** From the page script: inject the hover card's UI (the card script) into the sender's frame. */
export const CardRequest = z.object({ type: z.literal('page/card') });

/** From the hover card: stop highlighting on the sender's site. */
export const DisableSiteRequest = z.object({ type: z.literal('site/disable') });

export const Message = z.discriminatedUnion('type', [
  MentionReport,
  Ping,
  PageContextRequest,
  RevealRequest,
  CandidateReport,
  PageSettingsRequest,
  DisableSiteRequest,
  RecognizeRequest,
  ClaimsRequest,
  CardRequest,
  HistorySummaryRequest,
  HistoryStatusRequest,
]);

/** One highlighted mention as the panel lists it. */
export interface PageMentionSummary {
  index: number;
  text: string;
  kind: string;
  entity: string;
  /** A few words around the mention, for the list. */
  context: string;
}

/** What the content script knows about its page. */
export interface PageContext {
  url: string;
  title: string;
  /** Publication date the page declares (article:published_time, JSON-LD datePublished, ...), ISO. */
  published?: string;
  mentions: PageMentionSummary[];
  /** Sentences that report a claim of the pack (claim id and the sentence), for the panel's Conflicts marks. */
  claims?: { claim: string; text: string }[];
}

export type MentionReport = z.infer<typeof MentionReport>;
export type Message = z.infer<typeof Message>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Replies per message type: the compiler keeps both ends of each call in step. */
export interface Replies {
  'mentions/report': { badge: string };
  ping: { pong: true; version: string };
  /** null when the tab has no content script (a browser page, a page without mentions the script skipped). */
  'page/context': PageContext | null;
  'page/reveal': { revealed: boolean };
  /** `watch`: nothing here can anchor the page; the sentinel keeps testing text added later. */
  'sentinel/candidate': { activated: boolean; watch: boolean };
  'page/settings': { active: boolean; highlightStyle: string };
  'site/disable': { site: string };
  'page/recognize': RecognizeReply;
  'page/claims': { claims: ClaimMatch[] };
  'page/card': { loaded: boolean };
  /** Pages with mentions in the reader's history, their sites, and the earliest first visit (ISO). */
  'history/summary': { pages: number; sites: number; firstSeen?: string };
  /** state: 'ok' | 'unknown' | 'unavailable' | 'blocked' | 'upgrade-failed' | 'newer-version' | 'quota' | 'failed'. */
  'history/status': { state: string; detail?: string; since?: string };
}

export type ReplyTo<M extends Message> = Replies[M['type']];

