/** Pure helpers on history entries: address normalisation and the merge rules (no storage, no browser API). */
import { MAX_IDS, MAX_TITLE, PublishedDate, type HistoryEntry } from './schema';

/** Query parameters that only track the reader; dropped so one article is one entry. */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga)$/i;

/**
 * The address a page is recorded under: http(s) only, without #fragment and tracking parameters.
 * Returns undefined for anything else (file:, extension pages, malformed input).
 */
export function normaliseUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  if ([...u.searchParams.keys()].length === 0) u.search = '';
  return u.href;
}

/** The host name of an address ("www.example.com"), or undefined. */
export function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a well-formed publication date, drops anything else. */
export function cleanPublished(value: unknown): string | undefined {
  return typeof value === 'string' && PublishedDate.safeParse(value).success ? value : undefined;
}

/** Union of two id lists, first list's order first, capped at MAX_IDS. */
export function unionIds(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  const seen = new Set(a);
  for (const id of b) {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out.slice(0, MAX_IDS);
}

function earlier(a: string, b: string): string {
  return Date.parse(b) < Date.parse(a) ? b : a;
}

function later(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Normalises a timestamp to UTC `toISOString()` form (what the by-lastVisit index sorts on). */
export function utc(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}

/**
 * Reports closer together than this belong to the same visit (a page reports again when its mentions change,
 * and on reload); a report after a longer gap counts as a new visit.
 */
export const VISIT_GAP_MS = 30 * 60 * 1000;

/** One visit with mentions, as the background records it. */
export interface Visit {
  url: string;
  title?: string | undefined;
  /** When the visit happened (ISO timestamp). */
  at: string;
  published?: string | undefined;
  entities?: readonly string[] | undefined;
  claims?: readonly string[] | undefined;
}

/** The entry for a first visit; undefined when the address is not recordable. */
export function entryFromVisit(visit: Visit): HistoryEntry | undefined {
  const url = normaliseUrl(visit.url);
  const site = url ? siteOf(url) : undefined;
  if (!url || !site) return undefined;
  const at = utc(visit.at);
  const published = cleanPublished(visit.published);
  return {
    url,
    title: (visit.title ?? '').trim().slice(0, MAX_TITLE),
    site,
    firstVisit: at,
    lastVisit: at,
    ...(published ? { published } : {}),
    entities: unionIds([], visit.entities ?? []),
    claims: unionIds([], visit.claims ?? []),
    visits: 1,
  };
}

/**
 * Merges two entries for the same address (a new visit, or an imported entry, into a stored one). Never loses
 * anything the existing entry knows: earliest first visit, latest last visit, union of entities and claims, the
 * title of the most recent visit (or whichever is not empty), the existing publication date unless there was none.
 * `visits` adds up for recorded visits (`countVisits`: one more when the new report comes VISIT_GAP_MS or more
 * after the last visit) and takes the larger count for imports, so that importing the same file twice changes
 * nothing.
 */
export function mergeEntries(existing: HistoryEntry, incoming: HistoryEntry, countVisits = false): HistoryEntry {
  const incomingIsNewer = Date.parse(incoming.lastVisit) > Date.parse(existing.lastVisit);
  const title = (incomingIsNewer ? incoming.title || existing.title : existing.title || incoming.title).slice(0, MAX_TITLE);
  const published = existing.published ?? incoming.published;
  return {
    url: existing.url,
    title,
    site: existing.site,
    firstVisit: earlier(existing.firstVisit, incoming.firstVisit),
    lastVisit: later(existing.lastVisit, incoming.lastVisit),
    ...(published ? { published } : {}),
    entities: unionIds(existing.entities, incoming.entities),
    claims: unionIds(existing.claims, incoming.claims),
    visits: countVisits
      ? existing.visits + (Math.abs(Date.parse(incoming.lastVisit) - Date.parse(existing.lastVisit)) >= VISIT_GAP_MS ? incoming.visits : 0)
      : Math.max(existing.visits, incoming.visits),
  };
}

/** Deep equality of two entries (order of ids included), to tell "merged" from "unchanged". */
export function sameEntry(a: HistoryEntry, b: HistoryEntry): boolean {
  return (
    a.url === b.url &&
    a.title === b.title &&
    a.site === b.site &&
    a.firstVisit === b.firstVisit &&
    a.lastVisit === b.lastVisit &&
    a.published === b.published &&
    a.visits === b.visits &&
    a.entities.length === b.entities.length &&
    a.entities.every((x, i) => x === b.entities[i]) &&
    a.claims.length === b.claims.length &&
    a.claims.every((x, i) => x === b.claims[i])
  );
}
