// Shared fixtures for the storage tests: unique database names, a fixed clock, hand-written old-version databases.
import type { HistoryEntry } from '@/lib/storage/schema';

let n = 0;
/** A database name no other test uses (fake-indexeddb keeps databases for the whole file). */
export const freshName = (label = 'db') => `test-${label}-${Date.now()}-${n++}`;

/** A clock tests can move. */
export function clock(start = '2024-06-01T12:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = Date.parse(iso);
    },
    advanceDays: (days: number) => {
      t += days * 24 * 60 * 60 * 1000;
    },
  };
}

export function entry(url: string, over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    url,
    title: `Title of ${url}`,
    site: new URL(url).hostname,
    firstVisit: '2024-05-01T10:00:00.000Z',
    lastVisit: '2024-05-02T10:00:00.000Z',
    entities: ['crocus-city-hall'],
    claims: [],
    visits: 1,
    ...over,
  };
}

/** The v1 record shape, as version 1 of the extension wrote it (no claims, no visit count). */
export interface V1Record {
  url: string;
  title: string;
  site: string;
  firstVisit: string;
  lastVisit: string;
  published?: string;
  entities: string[];
}

/**
 * Writes a version-1 database with raw IndexedDB, exactly as v1 of the code created it (one `pages` store keyed by
 * url, no indexes), independent of the migration code under test. `extra` records are written as they are
 * (e.g. damaged ones).
 */
export function writeV1Database(name: string, records: readonly V1Record[], extra: readonly unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('pages', { keyPath: 'url' });
    };
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('pages', 'readwrite');
      for (const r of [...records, ...extra]) tx.objectStore('pages').put(r);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Every record of a store, raw, with its key, read without the code under test. */
export function rawRecords(name: string, store = 'pages'): Promise<{ version: number; stores: string[]; indexes: string[]; records: unknown[] }> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(store, 'readonly');
      const os = tx.objectStore(store);
      const all = os.getAll();
      all.onsuccess = () => {
        const out = { version: db.version, stores: [...db.objectStoreNames], indexes: [...os.indexNames], records: all.result };
        db.close();
        resolve(out);
      };
      all.onerror = () => reject(all.error);
    };
  });
}
