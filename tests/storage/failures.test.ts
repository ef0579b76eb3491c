// Failure without loss: each storage failure is reported with its kind, loses nothing, and the store recovers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openHistoryDb, DB_VERSION } from '@/lib/storage/db';
import { isQuotaError, StorageError } from '@/lib/storage/errors';
import { HistoryStore, type StorageStatus } from '@/lib/storage/history';
import { createHistoryService } from '@/lib/storage/service';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { clock, entry, freshName, rawRecords, writeV1Database } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('IndexedDB unavailable (openDB throws)', () => {
  it('rejects with kind "unavailable", reports it, and works once IndexedDB is back', async () => {
    const store = new HistoryStore({ name: freshName('unavail') });
    const statuses: StorageStatus[] = [];
    store.onStatus((s) => statuses.push(s));
    const spy = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    });
    await expect(store.readAll()).rejects.toMatchObject({ name: 'StorageError', kind: 'unavailable' });
    await expect(store.record({ url: 'https://a.example/', at: '2024-03-23T00:00:00Z' })).rejects.toBeInstanceOf(StorageError);
    expect(store.status()).toMatchObject({ state: 'unavailable', detail: expect.stringMatching(/IndexedDB is not available/) });
    expect(statuses.map((s) => s.state)).toEqual(['unavailable']);
    spy.mockRestore();
    expect(await store.record({ url: 'https://a.example/', at: '2024-03-23T00:00:00Z' })).toBe('created');
    expect(store.status().state).toBe('ok');
  });

  it('also when there is no indexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const store = new HistoryStore({ name: freshName('none') });
    await expect(store.summary()).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('the background service keeps answering: reports are not recorded, nothing throws', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const service = createHistoryService({
      store: new HistoryStore({ name: freshName('svc') }),
      loadSettings: async () => ({ ...DEFAULT_SETTINGS }),
      watchSettings: () => () => {},
    });
    await service.ready;
    expect(await service.report({ count: 2, entities: [] }, { url: 'https://a.example/' })).toBe('failed');
    expect(await service.report({ count: 2, entities: [] }, { url: 'https://a.example/' })).toBe('failed');
    expect(service.status().state).toBe('unavailable');
    // Logged once per kind, not once per page.
    expect(console.warn).toHaveBeenCalledTimes(1);
  });
});

describe('quota exceeded on put', () => {
  it('rejects with kind "quota", writes nothing of the failed transaction, and recovers', async () => {
    const store = new HistoryStore({ name: freshName('quota') });
    await store.record({ url: 'https://a.example/kept', at: '2024-03-23T00:00:00Z' });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    await expect(store.record({ url: 'https://a.example/new', at: '2024-03-23T00:00:00Z' })).rejects.toMatchObject({ kind: 'quota' });
    expect(store.status().state).toBe('quota');
    // An import that runs out of room half-way writes none of the file (one transaction).
    put.mockRestore();
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 2) throw quota();
      return realPut.apply(this, args);
    });
    await expect(store.importHistory([entry('https://b.example/1'), entry('https://b.example/2'), entry('https://b.example/3')])).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect((await store.readAll()).entries.map((e) => e.url)).toEqual(['https://a.example/kept']);
    // Room again: the next write succeeds and the status clears.
    expect(await store.record({ url: 'https://a.example/new', at: '2024-03-23T00:00:00Z' })).toBe('created');
    expect(store.status().state).toBe('ok');
  });

  it('recognises the quota error in its various forms', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ code: 22 })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: quota() }))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
  });
});

describe('blocked upgrade (another page holds an old version open)', () => {
  it('rejects at once with kind "blocked", then works as soon as the old connection closes, keeping the data', async () => {
    const name = freshName('blocked');
    await writeV1Database(name, [
      { url: 'https://a.example/old', title: 'Old', site: 'a.example', firstVisit: '2024-03-23T00:00:00.000Z', lastVisit: '2024-03-23T00:00:00.000Z', entities: [] },
    ]);
    // An old page of the extension: a v1 connection that does not close when asked (no versionchange handler).
    const old = await openHistoryDb({ name, version: 1 });
    const store = new HistoryStore({ name });
    await expect(store.readAll()).rejects.toMatchObject({ kind: 'blocked' });
    expect(store.status()).toMatchObject({ state: 'blocked', detail: expect.stringMatching(/another page/) });
    // Further calls fail fast while blocked, instead of hanging.
    await expect(store.summary()).rejects.toMatchObject({ kind: 'blocked' });
    old.close();
    await vi.waitFor(() => expect(store.status().state).toBe('ok'));
    expect((await store.readAll()).entries.map((e) => e.url)).toEqual(['https://a.example/old']);
    expect((await rawRecords(name)).version).toBe(DB_VERSION);
    store.close();
  });

  it('a store closes its own connection when a newer version asks, so it never blocks an upgrade', async () => {
    const name = freshName('blocking');
    const store = new HistoryStore({ name });
    await store.record({ url: 'https://a.example/', at: '2024-03-23T00:00:00Z' });
    // A (future) version 4 opening the database: it must not be blocked by the store's open connection.
    const blocked = vi.fn();
    const next = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, DB_VERSION + 1);
      req.onblocked = blocked;
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(blocked).not.toHaveBeenCalled();
    next.close();
  });

  it('a database newer than this code says so ("newer-version") instead of failing silently', async () => {
    const name = freshName('newer');
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(name, DB_VERSION + 5);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
    });
    const store = new HistoryStore({ name });
    await expect(store.readAll()).rejects.toMatchObject({ kind: 'newer-version' });
  });
});

describe('corrupted records', () => {
  it('are skipped on read, counted, and kept in the database untouched', async () => {
    const name = freshName('corrupt');
    const store = new HistoryStore({ name, now: clock().now });
    await store.importHistory([entry('https://a.example/good', { lastVisit: '2024-05-30T00:00:00.000Z' }), entry('https://a.example/old', { lastVisit: '2020-01-02T00:00:00.000Z', firstVisit: '2020-01-01T00:00:00.000Z' })]);
    const damagedRecords = [
      { url: 'https://a.example/bad-date', title: 'x', site: 'a.example', firstVisit: 'yesterday', lastVisit: '2020-01-01T00:00:00.000Z', entities: [], claims: [], visits: 1 },
      { url: 'https://a.example/bad-lists', title: 'x', site: 'a.example', firstVisit: '2019-01-01T00:00:00.000Z', lastVisit: '2019-01-01T00:00:00.000Z', entities: 'oops', claims: null, visits: 0 },
    ];
    const db = await openHistoryDb({ name });
    for (const r of damagedRecords) await db.put('pages', r);
    db.close();
    store.close();

    const { entries, damaged } = await store.readAll();
    expect(entries.map((e) => e.url).sort()).toEqual(['https://a.example/good', 'https://a.example/old']);
    expect(damaged.map((d) => d.key).sort()).toEqual(['https://a.example/bad-date', 'https://a.example/bad-lists']);
    expect(damaged.find((d) => d.key.endsWith('bad-date'))?.reasons).toContainEqual({ problem: 'bad_format', field: 'firstVisit' });

    // A visit to a damaged page, an import over it, pruning and exporting all leave it exactly as it was.
    expect(await store.record({ url: 'https://a.example/bad-date', at: '2024-03-23T00:00:00Z' })).toBe('kept-damaged');
    const report = await store.importHistory([entry('https://a.example/bad-lists')]);
    expect(report.rejected).toEqual([{ index: 0, url: 'https://a.example/bad-lists', reasons: [{ problem: 'stored_damaged' }] }]);
    expect(await store.prune('30')).toBe(1); // only the valid old page
    const { file, damaged: left } = await store.exportHistory();
    expect(left).toBe(2);
    expect(file.entries.map((e) => e.url)).toEqual(['https://a.example/good']);
    const raw = (await rawRecords(name)).records;
    for (const r of damagedRecords) expect(raw).toContainEqual(r);
    // The summary counts valid pages only.
    expect((await store.summary()).pages).toBe(1);
    // The reader can still delete a damaged record explicitly.
    await store.remove('https://a.example/bad-date');
    expect((await store.readAll()).damaged.map((d) => d.key)).toEqual(['https://a.example/bad-lists']);
  });
});
