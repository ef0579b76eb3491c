// Schema upgrades keep every record: an old-version database with data is opened by the current code and compared.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, MIGRATIONS, openHistoryDb } from '@/lib/storage/db';
import { HistoryStore } from '@/lib/storage/history';
import { HistoryEntry } from '@/lib/storage/schema';
import { freshName, rawRecords, writeV1Database, type V1Record } from './helpers';

const V1: V1Record[] = [
  {
    url: 'https://news.example.org/2024/03/23/crocus',
    title: 'Gunmen attack concert hall near Moscow',
    site: 'news.example.org',
    firstVisit: '2024-03-23T08:00:00.000Z',
    lastVisit: '2024-03-25T19:30:00.000Z',
    published: '2024-03-23',
    entities: ['crocus-city-hall', 'krasnogorsk'],
  },
  {
    url: 'http://blog.example.net/post?id=7',
    title: '',
    site: 'blog.example.net',
    firstVisit: '2024-04-01T00:00:00.000Z',
    lastVisit: '2024-04-01T00:00:00.000Z',
    entities: [],
  },
];

afterEach(() => vi.restoreAllMocks());

describe('schema versions', () => {
  it('ships one migration step per version, the current version being the last', () => {
    expect(MIGRATIONS.length).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('a new database gets every store and index', async () => {
    const name = freshName('new');
    const db = await openHistoryDb({ name });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'pages']);
    expect([...db.transaction('pages').store.indexNames].sort()).toEqual(['by-lastVisit', 'by-site']);
    db.close();
  });
});

describe('upgrading a version-1 database with data', () => {
  it('keeps every record, adds claims and visit counts, and builds the indexes', async () => {
    const name = freshName('v1');
    await writeV1Database(name, V1);
    const store = new HistoryStore({ name });
    const { entries, damaged } = await store.readAll();
    store.close();
    expect(damaged).toEqual([]);
    const byUrl = new Map(entries.map((e) => [e.url, e]));
    expect(byUrl.size).toBe(V1.length);
    for (const old of V1) {
      // Every field v1 had is unchanged; the new fields have their defaults.
      expect(byUrl.get(old.url)).toEqual({ ...old, claims: [], visits: 1 });
    }
    const raw = await rawRecords(name);
    expect(raw.version).toBe(DB_VERSION);
    expect(raw.stores.sort()).toEqual(['meta', 'pages']);
    expect(raw.indexes.sort()).toEqual(['by-lastVisit', 'by-site']);
  });

  it('leaves records that are not v1 page records exactly as they were', async () => {
    const name = freshName('v1-damaged');
    const odd = { url: 'https://odd.example/', title: 42, entities: 'not a list' };
    await writeV1Database(name, V1, [odd]);
    const store = new HistoryStore({ name });
    const { entries, damaged } = await store.readAll();
    store.close();
    expect(entries).toHaveLength(V1.length);
    expect(damaged.map((d) => d.key)).toEqual(['https://odd.example/']);
    const raw = (await rawRecords(name)).records.find((r) => (r as { url: string }).url === 'https://odd.example/');
    expect(raw).toEqual(odd);
  });

  it('the indexes of the upgraded database work (by site, by last visit)', async () => {
    const name = freshName('v1-index');
    await writeV1Database(name, V1);
    const db = await openHistoryDb({ name });
    expect(await db.getAllKeysFromIndex('pages', 'by-site', 'blog.example.net')).toEqual(['http://blog.example.net/post?id=7']);
    const oldest = await db.getAllKeysFromIndex('pages', 'by-lastVisit', IDBKeyRange.upperBound('2024-03-31T00:00:00.000Z'));
    expect(oldest).toEqual(['https://news.example.org/2024/03/23/crocus']);
    db.close();
  });
});

describe('upgrading from every earlier version keeps all records', () => {
  for (let from = 1; from < DB_VERSION; from++) {
    it(`v${from} → v${DB_VERSION}`, async () => {
      const name = freshName(`from-v${from}`);
      // Build the old version with the code's own steps up to `from`, then write records of that version's shape.
      const old = await openHistoryDb({ name, version: from });
      const records =
        from === 1
          ? V1
          : V1.map((r) => ({ ...r, claims: ['C01', 'C12'], visits: 3 }));
      const tx = old.transaction('pages', 'readwrite');
      for (const r of records) await tx.store.put(r);
      await tx.done;
      old.close();

      const store = new HistoryStore({ name });
      const { entries, damaged } = await store.readAll();
      store.close();
      expect(damaged).toEqual([]);
      expect(entries.sort((a, b) => a.url.localeCompare(b.url))).toEqual(
        records
          .map((r) => HistoryEntry.parse({ claims: [], visits: 1, ...r }))
          .sort((a, b) => a.url.localeCompare(b.url)),
      );
      expect((await rawRecords(name)).version).toBe(DB_VERSION);
    });
  }
});

describe('a failed upgrade', () => {
  it('aborts, leaving the old version with all its data, and says so', async () => {
    const name = freshName('fail');
    await writeV1Database(name, V1);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const spy = vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementation(() => {
      throw new DOMException('simulated failure', 'UnknownError');
    });
    const store = new HistoryStore({ name });
    await expect(store.readAll()).rejects.toMatchObject({ name: 'StorageError', kind: 'upgrade-failed' });
    expect(store.status().state).toBe('upgrade-failed');
    spy.mockRestore();

    const raw = await rawRecords(name);
    expect(raw.version).toBe(1);
    expect(raw.stores).toEqual(['pages']);
    expect(raw.records).toEqual(expect.arrayContaining(V1.map((r) => expect.objectContaining(r))));
    expect(raw.records).toHaveLength(V1.length);

    // Once the cause is gone, the next call upgrades and the data is all there.
    expect((await store.readAll()).entries).toHaveLength(V1.length);
    expect(store.status().state).toBe('ok');
    store.close();
  });
});
