/**
 * The reader's history with the story: a small typed store over the history database (lib/storage/db.ts).
 *
 * Failure without loss:
 * - IndexedDB unavailable (openDB throws) → every call rejects with StorageError('unavailable'); the next call tries
 *   again. The status says so; callers (the background's recorder, the options page) carry on without history.
 * - A blocked upgrade (another page holds an older version open) → waiting calls reject with
 *   StorageError('blocked') at once; the open request stays pending and the store is usable as soon as the other
 *   connection closes. This store closes its own connection when a newer version asks (`blocking`).
 * - A failed upgrade → StorageError('upgrade-failed'); the upgrade transaction is aborted, so the database keeps
 *   its old version and every record.
 * - Quota exceeded on a write → StorageError('quota'); the transaction is aborted (nothing half-written).
 * - A damaged record (fails validation on read) → skipped and counted in `damaged`, never rewritten or deleted
 *   except by an explicit delete/clear from the reader.
 */
import type { IDBPTransaction } from 'idb';
import { openHistoryDb, META, PAGES, DB_NAME, type Db, type HistoryDB } from './db';
import { StorageError, errorMessage, toStorageError, type StorageErrorKind } from './errors';
import { entryFromVisit, mergeEntries, sameEntry, type Visit } from './entries';
import { parseImport, type RejectedEntry } from './importing';
import { pruneDue, retentionCutoff, type Retention } from './retention';
import { EXPORT_FORMAT, EXPORT_VERSION, HistoryEntry, type HistoryExport } from './schema';
import { issueReasons, type Reason } from './reasons';
import { summarise, type HistorySummary } from './views';

export type StorageState = 'unknown' | 'ok' | StorageErrorKind;

export interface StorageStatus {
  state: StorageState;
  /** Technical detail of the last problem (for the status section and logs). */
  detail?: string;
  /** When the current state began (ISO timestamp). */
  since?: string;
}

export interface DamagedRecord {
  key: string;
  reasons: Reason[];
}

export interface ReadResult {
  entries: HistoryEntry[];
  /** Records that failed validation: skipped, left in the database untouched. */
  damaged: DamagedRecord[];
}

export type RecordOutcome = 'created' | 'updated' | 'not-recordable' | 'kept-damaged';

export interface ImportReport {
  /** Entries in the file. */
  received: number;
  /** New pages added. */
  added: number;
  /** Pages already in the history that gained something (earlier/later visit, entities, claims...). */
  merged: number;
  /** Pages already in the history that the file had nothing new for. */
  unchanged: number;
  rejected: RejectedEntry[];
}

export interface HistoryFilter {
  entity?: string | undefined;
  claim?: string | undefined;
}

export interface StoreOptions {
  /** Database name (tests use their own). */
  name?: string;
  /** The clock (tests fix it). */
  now?: () => Date;
}

const LAST_PRUNED = 'lastPruned';

type WriteTx = IDBPTransaction<HistoryDB, ('pages' | 'meta')[], 'readwrite'>;

export class HistoryStore {
  readonly name: string;
  private readonly now: () => Date;
  private db: Db | undefined;
  private opening: Promise<Db> | undefined;
  private blockedError: StorageError | undefined;
  private readonly waiters = new Set<(err: unknown) => void>();
  private current: StorageStatus = { state: 'unknown' };
  private readonly listeners = new Set<(s: StorageStatus) => void>();

  constructor(options: StoreOptions = {}) {
    this.name = options.name ?? DB_NAME;
    this.now = options.now ?? (() => new Date());
  }

  /** The last known condition of the store. */
  status(): StorageStatus {
    return { ...this.current };
  }

  /** Calls `cb` whenever the status changes; returns a function that stops it. */
  onStatus(cb: (s: StorageStatus) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private setStatus(state: StorageState, detail?: string): void {
    if (state === this.current.state && detail === this.current.detail) return;
    const since = state === this.current.state ? this.current.since : this.now().toISOString();
    this.current = { state, ...(detail !== undefined ? { detail } : {}), ...(since ? { since } : {}) };
    for (const cb of this.listeners) {
      try {
        cb(this.status());
      } catch (err) {
        console.error('crocus history: status listener failed', err);
      }
    }
  }

  private fail(err: StorageError): never {
    this.setStatus(err.kind, err.message);
    throw err;
  }

  /** Opens the database once; concurrent callers share the attempt, and a failed attempt is retried by the next call. */
  private connect(): Promise<Db> {
    if (this.db) return Promise.resolve(this.db);
    if (!this.opening) {
      let upgrading = false;
      this.blockedError = undefined;
      let attempt: Promise<Db>;
      try {
        attempt = openHistoryDb({
          name: this.name,
          upgrading: () => {
            upgrading = true;
          },
          blocked: () => {
            const err = new StorageError(
              'blocked',
              'the history database is being upgraded and another page of the extension still holds the old version open',
            );
            this.blockedError = err;
            this.setStatus('blocked', err.message);
            for (const reject of this.waiters) reject(err);
            this.waiters.clear();
          },
          // A newer version of the schema is waiting for this connection: close it so the upgrade can run.
          blocking: () => this.close(),
          terminated: () => {
            this.db = undefined;
          },
        });
      } catch (err) {
        attempt = Promise.reject(err);
      }
      this.opening = attempt.then(
        (db) => {
          this.db = db;
          this.opening = undefined;
          this.blockedError = undefined;
          if (this.current.state !== 'quota' && this.current.state !== 'failed') this.setStatus('ok');
          return db;
        },
        (err: unknown) => {
          this.opening = undefined;
          this.blockedError = undefined;
          const name = (err as { name?: string } | null)?.name;
          const kind: StorageErrorKind =
            name === 'VersionError' ? 'newer-version' : upgrading ? 'upgrade-failed' : 'unavailable';
          const message =
            kind === 'newer-version'
              ? 'the history database was written by a newer version of the extension'
              : kind === 'upgrade-failed'
                ? `upgrading the history database failed; it keeps its old version and data (${errorMessage(err)})`
                : `IndexedDB is not available (${errorMessage(err)})`;
          return this.fail(new StorageError(kind, message, { cause: err }));
        },
      );
      // The rejection is delivered to the waiters below; keep it from being reported as unhandled.
      this.opening.catch(() => {});
    }
    if (this.blockedError) return Promise.reject(this.blockedError);
    const opening = this.opening;
    return new Promise<Db>((resolve, reject) => {
      this.waiters.add(reject);
      opening.then(resolve, reject).finally(() => this.waiters.delete(reject));
    });
  }

  /** Closes the connection (the next call reopens it). */
  close(): void {
    const db = this.db;
    this.db = undefined;
    db?.close();
  }

  private async read<T>(during: string, fn: (db: Db) => Promise<T>): Promise<T> {
    const db = await this.connect();
    try {
      return await fn(db);
    } catch (err) {
      const e = toStorageError(err, during);
      if (e.kind === 'quota' || e.kind === 'failed') this.setStatus(e.kind, e.message);
      throw e;
    }
  }

  /** One read-write transaction over both stores; aborted (all or nothing) when anything in it fails. */
  private async write<T>(during: string, fn: (tx: WriteTx) => Promise<T>): Promise<T> {
    const db = await this.connect();
    let tx: WriteTx | undefined;
    try {
      tx = db.transaction([PAGES, META], 'readwrite');
      const done = tx.done;
      done.catch(() => {});
      const result = await fn(tx);
      await done;
      if (this.current.state !== 'ok') this.setStatus('ok');
      return result;
    } catch (err) {
      try {
        tx?.abort();
      } catch {
        // already finished
      }
      const e = toStorageError(err, during);
      this.setStatus(e.kind, e.message);
      throw e;
    }
  }

  /** Records one visit with mentions: a new page, or a merge into the stored one. A damaged stored record is kept. */
  async record(visit: Visit): Promise<RecordOutcome> {
    const entry = entryFromVisit(visit);
    if (!entry) return 'not-recordable';
    return this.write('recording a visit', async (tx) => {
      const pages = tx.objectStore(PAGES);
      const raw = await pages.get(entry.url);
      if (raw === undefined) {
        await pages.put(entry);
        return 'created';
      }
      const existing = HistoryEntry.safeParse(raw);
      if (!existing.success) return 'kept-damaged';
      await pages.put(mergeEntries(existing.data, entry, true));
      return 'updated';
    });
  }

  /** Every valid entry, and the damaged records that were skipped. */
  async readAll(): Promise<ReadResult> {
    return this.read('reading the history', async (db) => {
      const tx = db.transaction(PAGES, 'readonly');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      const entries: HistoryEntry[] = [];
      const damaged: DamagedRecord[] = [];
      values.forEach((value, i) => {
        const parsed = HistoryEntry.safeParse(value);
        if (parsed.success) entries.push(parsed.data);
        else damaged.push({ key: String(keys[i]), reasons: issueReasons(parsed.error, value, 3) });
      });
      return { entries, damaged };
    });
  }

  /** Pages, sites and first sighting, optionally for pages that mentioned one entity or claim. */
  async summary(filter: HistoryFilter = {}): Promise<HistorySummary> {
    const { entries } = await this.readAll();
    return summarise(
      entries.filter(
        (e) => (!filter.entity || e.entities.includes(filter.entity)) && (!filter.claim || e.claims.includes(filter.claim)),
      ),
    );
  }

  /** Deletes one page (valid or damaged) by its address. */
  async remove(url: string): Promise<void> {
    await this.write('deleting an entry', async (tx) => {
      await tx.objectStore(PAGES).delete(url);
    });
  }

  /** Deletes every page (housekeeping data stays). */
  async clear(): Promise<void> {
    await this.write('clearing the history', async (tx) => {
      await tx.objectStore(PAGES).clear();
    });
  }

  /** The history as an export file (valid entries, oldest first) and the number of damaged records left out. */
  async exportHistory(): Promise<{ file: HistoryExport; damaged: number }> {
    const { entries, damaged } = await this.readAll();
    entries.sort((a, b) => Date.parse(a.firstVisit) - Date.parse(b.firstVisit) || a.url.localeCompare(b.url));
    return {
      file: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: this.now().toISOString(), entries },
      damaged: damaged.length,
    };
  }

  /**
   * Imports a history file (JSON text or parsed), merging by address: never deletes or shortens anything stored.
   * Throws ImportFormatError when the file as a whole is unusable, StorageError when writing fails (then nothing
   * from the file was written: one transaction).
   */
  async importHistory(input: unknown): Promise<ImportReport> {
    const parsed = parseImport(input);
    const report: ImportReport = { received: parsed.received, added: 0, merged: 0, unchanged: 0, rejected: [...parsed.rejected] };
    if (parsed.accepted.length === 0) return report;
    await this.write('importing the history', async (tx) => {
      const pages = tx.objectStore(PAGES);
      for (const { index, entry } of parsed.accepted) {
        const raw = await pages.get(entry.url);
        if (raw === undefined) {
          await pages.put(entry);
          report.added++;
          continue;
        }
        const existing = HistoryEntry.safeParse(raw);
        if (!existing.success) {
          report.rejected.push({ index, url: entry.url, reasons: [{ problem: 'stored_damaged' }] });
          continue;
        }
        const merged = mergeEntries(existing.data, entry);
        if (sameEntry(merged, existing.data)) report.unchanged++;
        else {
          await pages.put(merged);
          report.merged++;
        }
      }
    });
    report.rejected.sort((a, b) => a.index - b.index);
    return report;
  }

  /** Removes pages last visited before the retention period (valid entries only); returns how many. */
  async prune(retention: Retention): Promise<number> {
    return this.write('pruning the history', (tx) => this.pruneIn(tx, retention));
  }

  /** Prunes when the last pruning is a day old or more (or never happened); returns how many, or undefined if not due. */
  async pruneIfDue(retention: Retention): Promise<number | undefined> {
    return this.write('pruning the history', async (tx) => {
      const last = await tx.objectStore(META).get(LAST_PRUNED);
      if (!pruneDue(last, this.now())) return undefined;
      return this.pruneIn(tx, retention);
    });
  }

  private async pruneIn(tx: WriteTx, retention: Retention): Promise<number> {
    const now = this.now();
    const cutoff = retentionCutoff(retention, now);
    let removed = 0;
    if (cutoff) {
      const index = tx.objectStore(PAGES).index('by-lastVisit');
      let cursor = await index.openCursor(IDBKeyRange.upperBound(cutoff.toISOString(), true));
      while (cursor) {
        const parsed = HistoryEntry.safeParse(cursor.value);
        if (parsed.success && Date.parse(parsed.data.lastVisit) < cutoff.getTime()) {
          await cursor.delete();
          removed++;
        }
        cursor = await cursor.continue();
      }
    }
    await tx.objectStore(META).put(now.toISOString(), LAST_PRUNED);
    return removed;
  }
}
