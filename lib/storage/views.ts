/** Groupings of the history for the options page: by day of last visit, by site. Pure. */
import type { HistoryEntry } from './schema';

export interface Group {
  /** "2024-05-24" (local day) or the site's host name. */
  key: string;
  entries: HistoryEntry[];
}

/** Local calendar day of an ISO timestamp, as YYYY-MM-DD. */
export function localDay(iso: string): string {
  const d = new Date(Date.parse(iso));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function byLastVisitDesc(a: HistoryEntry, b: HistoryEntry): number {
  return Date.parse(b.lastVisit) - Date.parse(a.lastVisit) || a.url.localeCompare(b.url);
}

/** Days of last visit, most recent first; pages in each day most recent first. */
export function groupByDate(entries: readonly HistoryEntry[]): Group[] {
  const map = new Map<string, HistoryEntry[]>();
  for (const e of [...entries].sort(byLastVisitDesc)) {
    const key = localDay(e.lastVisit);
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  }
  return [...map].map(([key, list]) => ({ key, entries: list }));
}

/** Sites with the most pages first (then alphabetically); pages in each site most recent first. */
export function groupBySite(entries: readonly HistoryEntry[]): Group[] {
  const map = new Map<string, HistoryEntry[]>();
  for (const e of [...entries].sort(byLastVisitDesc)) {
    const list = map.get(e.site);
    if (list) list.push(e);
    else map.set(e.site, [e]);
  }
  return [...map]
    .map(([key, list]) => ({ key, entries: list }))
    .sort((a, b) => b.entries.length - a.entries.length || a.key.localeCompare(b.key));
}

export interface HistorySummary {
  pages: number;
  sites: number;
  /** Earliest first visit, ISO timestamp. */
  firstSeen?: string;
}

/** Counts for the panel ("you have met this story on N pages"). */
export function summarise(entries: readonly HistoryEntry[]): HistorySummary {
  let firstSeen: string | undefined;
  const sites = new Set<string>();
  for (const e of entries) {
    sites.add(e.site);
    if (firstSeen === undefined || Date.parse(e.firstVisit) < Date.parse(firstSeen)) firstSeen = e.firstVisit;
  }
  return { pages: entries.length, sites: sites.size, ...(firstSeen ? { firstSeen } : {}) };
}
