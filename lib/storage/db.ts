/**
 * The history database: one IndexedDB database in the extension's own origin, opened by the background and the
 * extension pages only (never from a content script, where IndexedDB would belong to the visited site).
 *
 * Schema history — one migration step per version; `upgrade` runs every step from the stored version to the
 * target, in order, inside the one versionchange transaction (a failing step aborts it and leaves the old database
 * exactly as it was):
 *
 *   v1  `pages` store, keyPath `url`. Records: { url, title, site, firstVisit, lastVisit, published?, entities }.
 *   v2  `pages` gets the `by-site` and `by-lastVisit` indexes; records gain `claims: []` and `visits: 1`.
 *   v3  `meta` store (out-of-line keys) for housekeeping such as the time of the last pruning.
 *
 * Records that do not look like a page record of the version being migrated from are left exactly as they are.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';

export const DB_NAME = 'crocus-history';
export const DB_VERSION = 3;

export const PAGES = 'pages';
export const META = 'meta';

/** Stored values are `unknown`: every read validates them (lib/storage/schema.ts). */
export interface HistoryDB extends DBSchema {
  pages: { key: string; value: unknown; indexes: { 'by-site': string; 'by-lastVisit': string } };
  meta: { key: string; value: unknown };
}

export type Db = IDBPDatabase<HistoryDB>;
type UpgradeTx = IDBPTransaction<HistoryDB, ArrayLike<StoreNames<HistoryDB>>, 'versionchange'>;
type Migration = (db: Db, tx: UpgradeTx) => void | Promise<void>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The v1 page record, checked as v1 wrote it (frozen here: later schema changes must not change this step). */
function isV1Page(v: unknown): v is Record<string, unknown> {
  return (
    isRecord(v) &&
    typeof v.url === 'string' &&
    typeof v.title === 'string' &&
    typeof v.site === 'string' &&
    typeof v.firstVisit === 'string' &&
    typeof v.lastVisit === 'string' &&
    Array.isArray(v.entities) &&
    !('claims' in v)
  );
}

/** MIGRATIONS[n - 1] takes a database from version n - 1 to version n. */
export const MIGRATIONS: readonly Migration[] = [
  // v1: the pages store.
  (db) => {
    db.createObjectStore(PAGES, { keyPath: 'url' });
  },
  // v2: indexes by site and by last visit; claims and visit counts on every page record.
  async (_db, tx) => {
    const pages = tx.objectStore(PAGES);
    pages.createIndex('by-site', 'site');
    pages.createIndex('by-lastVisit', 'lastVisit');
    let cursor = await pages.openCursor();
    while (cursor) {
      const v = cursor.value;
      if (isV1Page(v)) {
        await cursor.update({ ...v, claims: [], visits: 1 });
      }
      cursor = await cursor.continue();
    }
  },
  // v3: housekeeping store.
  (db) => {
    db.createObjectStore(META);
  },
];

export interface OpenOptions {
  name?: string;
  /** Target version (tests open older versions to build upgrade fixtures). Default: DB_VERSION. */
  version?: number;
  /** Another connection holds an older version open and did not close: the upgrade waits. */
  blocked?: () => void;
  /** This connection holds up a newer version elsewhere (HistoryStore closes its connection then). */
  blocking?: () => void;
  /** The browser closed the connection abnormally. */
  terminated?: () => void;
  /** Called when an upgrade starts (lets callers tell a failed upgrade from an unavailable IndexedDB). */
  upgrading?: (oldVersion: number, newVersion: number) => void;
}

/** Opens (creating or upgrading) the history database. Rejects when IndexedDB is unavailable or an upgrade fails. */
export function openHistoryDb(options: OpenOptions = {}): Promise<Db> {
  const version = options.version ?? DB_VERSION;
  if (!Number.isInteger(version) || version < 1 || version > MIGRATIONS.length) {
    return Promise.reject(new RangeError(`no schema version ${version}`));
  }
  if (typeof indexedDB === 'undefined' || indexedDB === null) {
    return Promise.reject(new DOMException('IndexedDB is not available in this context', 'InvalidStateError'));
  }
  return openDB<HistoryDB>(options.name ?? DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      options.upgrading?.(oldVersion, target);
      // An aborted upgrade rejects openDB itself; the transaction's own promise needs no second report.
      tx.done.catch(() => {});
      let chain: Promise<void> = Promise.resolve();
      for (let v = oldVersion + 1; v <= target; v++) {
        const step = MIGRATIONS[v - 1] as Migration;
        chain = chain.then(() => step(db, tx));
      }
      chain.catch((err: unknown) => {
        console.error('crocus history: upgrade failed', err);
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
      });
    },
    blocked: options.blocked,
    blocking: options.blocking,
    terminated: options.terminated,
  });
}
