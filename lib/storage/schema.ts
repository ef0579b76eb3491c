/**
 * What one entry of the reader's history is, as stored in IndexedDB and as exported/imported (zod 4).
 *
 * Every record read from the database is validated against `HistoryEntry`; a record that fails is "damaged": it is
 * skipped and counted, and left in the database untouched.
 */
import { z } from 'zod';
import { refineReason } from './reasons';

export const MAX_URL = 4096;
export const MAX_TITLE = 500;
export const MAX_IDS = 500;

/**
 * Full ISO timestamp ("2024-03-22T17:58:00.000Z", or with an offset). The store writes UTC (`toISOString()`) only,
 * so that the by-lastVisit index sorts by time.
 */
export const IsoTimestamp = z.iso.datetime({ offset: true });

/** A page's declared publication date: "2024", "2024-05", "2024-05-24" or a full timestamp. */
export const PublishedDate = z
  .string()
  .max(64)
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/,
    'publication date must be an ISO date (2024-05-24) or timestamp',
  );

/** A web address the history may hold: http or https only, at most MAX_URL characters. */
export const PageUrl = z
  .string()
  .max(MAX_URL)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, refineReason('not_http'));

const Id = z.string().min(1).max(64);

const visitsInOrder = (e: { firstVisit: string; lastVisit: string }) => !(Date.parse(e.firstVisit) > Date.parse(e.lastVisit));

export const HistoryEntry = z
  .object({
    /** The page's address (the key), without its #fragment. */
    url: PageUrl,
    title: z.string().max(MAX_TITLE),
    /** The host name ("www.example.com"). */
    site: z.string().min(1).max(253),
    firstVisit: IsoTimestamp,
    lastVisit: IsoTimestamp,
    /** The page's declared publication date, when it declared one. */
    published: PublishedDate.optional(),
    /** Entity ids mentioned on the page (knowledge pack ids). */
    entities: z.array(Id).max(MAX_IDS),
    /** Claim ids the page mentioned (knowledge pack ids: C01, C46b ...). */
    claims: z.array(Id).max(MAX_IDS),
    /** How many visits with mentions were recorded. */
    visits: z.number().int().positive(),
  })
  .refine(visitsInOrder, refineReason('visit_order', ['firstVisit']));

export type HistoryEntry = z.infer<typeof HistoryEntry>;

/**
 * An entry as accepted on import: like a stored entry, but `claims`, `visits` and `site` may be missing (files from
 * older exports or written by hand); they default to [], 1 and the URL's host.
 */
export const ImportedEntry = z
  .object({
    url: PageUrl,
    title: z.string().max(MAX_TITLE).optional().default(''),
    site: z.string().min(1).max(253).optional(),
    firstVisit: IsoTimestamp,
    lastVisit: IsoTimestamp,
    published: PublishedDate.optional(),
    entities: z.array(Id).max(MAX_IDS).optional().default([]),
    claims: z.array(Id).max(MAX_IDS).optional().default([]),
    visits: z.number().int().positive().optional().default(1),
  })
  .refine(visitsInOrder, refineReason('visit_order', ['firstVisit']));

export const EXPORT_FORMAT = 'crocus-context-history';
export const EXPORT_VERSION = 1;

/** The exported file: `{ format, version, exportedAt, entries }`. */
export interface HistoryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  entries: HistoryEntry[];
}
