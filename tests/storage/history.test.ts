// The history store: recording visits, reading, deleting, export/import round trip, import rejections, pruning.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '@/lib/storage/history';
import { ImportFormatError, parseImport } from '@/lib/storage/importing';
import { normaliseUrl } from '@/lib/storage/entries';
import { EXPORT_FORMAT, type HistoryEntry } from '@/lib/storage/schema';
import { clock, entry, freshName } from './helpers';

function newStore(c = clock()) {
  return new HistoryStore({ name: freshName('h'), now: c.now });
}

const sortByUrl = (list: HistoryEntry[]) => [...list].sort((a, b) => a.url.localeCompare(b.url));

describe('recording visits', () => {
  it('creates an entry on the first visit and merges later ones', async () => {
    const store = newStore();
    expect(
      await store.record({
        url: 'https://news.example.org/a#comments',
        title: 'Concert hall attack',
        at: '2024-03-23T08:00:00.000Z',
        published: '2024-03-23',
        entities: ['crocus-city-hall'],
        claims: ['C01'],
      }),
    ).toBe('created');
    expect(
      await store.record({ url: 'https://news.example.org/a', title: 'Concert hall attack (updated)', at: '2024-03-24T09:00:00.000Z', entities: ['krasnogorsk'], claims: ['C12', 'C01'] }),
    ).toBe('updated');
    // An earlier visit recorded late (clock skew) still moves the first visit back, never the last one.
    await store.record({ url: 'https://news.example.org/a', at: '2024-03-22T20:00:00.000Z', entities: [] });
    const { entries } = await store.readAll();
    expect(entries).toEqual([
      {
        url: 'https://news.example.org/a',
        title: 'Concert hall attack (updated)',
        site: 'news.example.org',
        firstVisit: '2024-03-22T20:00:00.000Z',
        lastVisit: '2024-03-24T09:00:00.000Z',
        published: '2024-03-23',
        entities: ['crocus-city-hall', 'krasnogorsk'],
        claims: ['C01', 'C12'],
        visits: 3,
      },
    ]);
  });

  it('reports within half an hour of the last one are the same visit', async () => {
    const store = newStore();
    await store.record({ url: 'https://a.example/', at: '2024-03-23T08:00:00.000Z' });
    await store.record({ url: 'https://a.example/', at: '2024-03-23T08:00:05.000Z' });
    await store.record({ url: 'https://a.example/', at: '2024-03-23T08:20:00.000Z' });
    expect((await store.readAll()).entries[0]).toMatchObject({ visits: 1, lastVisit: '2024-03-23T08:20:00.000Z' });
    await store.record({ url: 'https://a.example/', at: '2024-03-23T09:00:00.000Z' });
    expect((await store.readAll()).entries[0]).toMatchObject({ visits: 2 });
  });

  it('does not record what is not a web page; drops an invalid publication date', async () => {
    const store = newStore();
    expect(await store.record({ url: 'chrome://settings', at: '2024-03-23T08:00:00Z' })).toBe('not-recordable');
    expect(await store.record({ url: 'not a url', at: '2024-03-23T08:00:00Z' })).toBe('not-recordable');
    await store.record({ url: 'https://x.example/', at: '2024-03-23T08:00:00Z', published: 'yesterday' });
    expect((await store.readAll()).entries[0]).not.toHaveProperty('published');
  });

  it('normalises addresses: no fragment, no tracking parameters', () => {
    expect(normaliseUrl('https://a.example/p?id=3&utm_source=x&fbclid=1#top')).toBe('https://a.example/p?id=3');
    expect(normaliseUrl('https://a.example/p?utm_medium=y')).toBe('https://a.example/p');
    expect(normaliseUrl('file:///etc/passwd')).toBeUndefined();
  });

  it('summarises pages, sites and first sighting, optionally per entity or claim', async () => {
    const store = newStore();
    expect(await store.summary()).toEqual({ pages: 0, sites: 0 });
    await store.record({ url: 'https://a.example/1', at: '2024-03-23T08:00:00.000Z', entities: ['putin'], claims: ['C12'] });
    await store.record({ url: 'https://a.example/2', at: '2024-03-25T08:00:00.000Z', entities: ['crocus-city-hall'] });
    await store.record({ url: 'https://b.example/1', at: '2024-03-24T08:00:00.000Z', entities: ['putin'] });
    expect(await store.summary()).toEqual({ pages: 3, sites: 2, firstSeen: '2024-03-23T08:00:00.000Z' });
    expect(await store.summary({ entity: 'putin' })).toEqual({ pages: 2, sites: 2, firstSeen: '2024-03-23T08:00:00.000Z' });
    expect(await store.summary({ claim: 'C12' })).toEqual({ pages: 1, sites: 1, firstSeen: '2024-03-23T08:00:00.000Z' });
  });

  it('deletes one entry and clears all', async () => {
    const store = newStore();
    await store.record({ url: 'https://a.example/1', at: '2024-03-23T08:00:00Z' });
    await store.record({ url: 'https://a.example/2', at: '2024-03-23T08:00:00Z' });
    await store.remove('https://a.example/1');
    expect((await store.readAll()).entries.map((e) => e.url)).toEqual(['https://a.example/2']);
    await store.clear();
    expect((await store.readAll()).entries).toEqual([]);
  });
});

describe('export and import', () => {
  const ENTRIES = [
    entry('https://a.example/1', { claims: ['C01'], published: '2024-03-23' }),
    entry('https://b.example/2', { firstVisit: '2024-04-01T00:00:00.000Z', lastVisit: '2024-04-03T00:00:00.000Z', visits: 4 }),
  ];

  it('round-trips: export, clear, import gives the same history', async () => {
    const c = clock();
    const store = newStore(c);
    await store.importHistory({ format: EXPORT_FORMAT, version: 1, entries: ENTRIES });
    const { file, damaged } = await store.exportHistory();
    expect(damaged).toBe(0);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2024-06-01T12:00:00.000Z' });
    const text = JSON.stringify(file);
    await store.clear();
    const report = await store.importHistory(text);
    expect(report).toEqual({ received: 2, added: 2, merged: 0, unchanged: 0, rejected: [] });
    expect(sortByUrl((await store.readAll()).entries)).toEqual(sortByUrl(ENTRIES));
  });

  it('import into a non-empty history merges by address and never removes anything', async () => {
    const store = newStore();
    await store.importHistory([entry('https://a.example/1', { firstVisit: '2024-03-23T00:00:00.000Z', lastVisit: '2024-03-24T00:00:00.000Z', entities: ['putin'], claims: ['C12'], title: 'Old title', visits: 2 })]);
    await store.record({ url: 'https://c.example/only-here', at: '2024-05-05T00:00:00.000Z' });
    const report = await store.importHistory([
      entry('https://a.example/1', { firstVisit: '2024-03-25T00:00:00.000Z', lastVisit: '2024-03-30T00:00:00.000Z', entities: ['kremlin'], claims: ['C01'], title: 'New title', visits: 1 }),
      entry('https://d.example/new'),
    ]);
    expect(report).toMatchObject({ received: 2, added: 1, merged: 1, unchanged: 0, rejected: [] });
    const byUrl = new Map((await store.readAll()).entries.map((e) => [e.url, e]));
    expect(byUrl.get('https://a.example/1')).toEqual({
      url: 'https://a.example/1',
      site: 'a.example',
      title: 'New title',
      firstVisit: '2024-03-23T00:00:00.000Z',
      lastVisit: '2024-03-30T00:00:00.000Z',
      entities: ['putin', 'kremlin'],
      claims: ['C12', 'C01'],
      visits: 2,
    });
    expect(byUrl.has('https://c.example/only-here')).toBe(true);
    expect(byUrl.has('https://d.example/new')).toBe(true);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const store = newStore();
    await store.importHistory(ENTRIES);
    const before = sortByUrl((await store.readAll()).entries);
    expect(await store.importHistory(ENTRIES)).toMatchObject({ added: 0, merged: 0, unchanged: 2 });
    expect(sortByUrl((await store.readAll()).entries)).toEqual(before);
  });

  it('rejects bad entries with reasons, and imports the good ones', async () => {
    const store = newStore();
    const report = await store.importHistory({
      format: EXPORT_FORMAT,
      version: 1,
      entries: [
        entry('https://ok.example/'),
        { ...entry('https://bad-date.example/'), firstVisit: 'last Tuesday' },
        { ...entry('https://x.example/'), url: 'javascript:alert(1)' },
        'not an object',
        { ...entry('https://order.example/'), firstVisit: '2024-05-03T00:00:00.000Z', lastVisit: '2024-05-01T00:00:00.000Z' },
        { ...entry('https://ids.example/'), entities: [42] },
        // Older exports without claims/visits/site are fine.
        { url: 'https://old.example/p', title: 'Old', firstVisit: '2024-03-22T20:00:00Z', lastVisit: '2024-03-23T00:00:00+03:00', entities: [] },
      ],
    });
    expect(report.received).toBe(7);
    expect(report.added).toBe(2);
    expect(report.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(report.rejected[0]).toMatchObject({ url: 'https://bad-date.example/', reasons: [{ problem: 'bad_format', field: 'firstVisit' }] });
    expect(report.rejected[1]?.reasons).toEqual([{ problem: 'not_http', field: 'url' }]);
    expect(report.rejected[2]).toEqual({ index: 3, reasons: [{ problem: 'wrong_type' }] });
    expect(report.rejected[3]?.reasons).toEqual([{ problem: 'visit_order', field: 'firstVisit' }]);
    expect(report.rejected[4]?.reasons).toEqual([{ problem: 'wrong_type', field: 'entities.0' }]);
    const old = (await store.readAll()).entries.find((e) => e.site === 'old.example');
    // Offsets are normalised to UTC.
    expect(old).toMatchObject({ claims: [], visits: 1, lastVisit: '2024-03-22T21:00:00.000Z', firstVisit: '2024-03-22T20:00:00.000Z' });
  });

  it('rejects a file that is not a history export as a whole, writing nothing', async () => {
    const store = newStore();
    const files: [string, string, number[]][] = [
      ['{not json', 'not_json', []],
      ['42', 'not_export', []],
      [JSON.stringify({ format: 'something-else', entries: [] }), 'not_export', []],
      [JSON.stringify({ format: EXPORT_FORMAT, entries: [] }), 'no_version', []],
      [JSON.stringify({ format: EXPORT_FORMAT, version: 99, entries: [] }), 'newer_version', [99]],
      [JSON.stringify({ format: EXPORT_FORMAT, version: 1 }), 'no_entries', []],
    ];
    for (const [bad, problem, values] of files) {
      const error = await store.importHistory(bad).catch((e: unknown) => e);
      expect(error, bad).toBeInstanceOf(ImportFormatError);
      expect(error, bad).toMatchObject({ problem, values });
    }
    expect((await store.readAll()).entries).toEqual([]);
  });

  it('property: import never loses a stored page and is idempotent', async () => {
    const ts = fc.integer({ min: Date.parse('2024-03-22T00:00:00Z'), max: Date.parse('2025-03-22T00:00:00Z') }).map((t) => new Date(t).toISOString());
    const arbEntry = fc
      .record({
        path: fc.constantFrom('a', 'b', 'c', 'd'),
        host: fc.constantFrom('one.example', 'two.example'),
        t1: ts,
        t2: ts,
        entities: fc.uniqueArray(fc.constantFrom('putin', 'kremlin', 'crocus-city-hall', 'isis-k')),
        claims: fc.uniqueArray(fc.constantFrom('C01', 'C12', 'C46b')),
        visits: fc.integer({ min: 1, max: 5 }),
      })
      .map(({ path, host, t1, t2, entities, claims, visits }) =>
        entry(`https://${host}/${path}`, { firstVisit: t1 < t2 ? t1 : t2, lastVisit: t1 < t2 ? t2 : t1, entities, claims, visits }),
      );
    await fc.assert(
      fc.asyncProperty(fc.array(arbEntry, { maxLength: 6 }), fc.array(arbEntry, { maxLength: 6 }), async (stored, incoming) => {
        const store = newStore();
        await store.importHistory(stored);
        const before = (await store.readAll()).entries;
        await store.importHistory(incoming);
        const after = new Map((await store.readAll()).entries.map((e) => [e.url, e]));
        for (const b of before) {
          const a = after.get(b.url);
          expect(a).toBeDefined();
          expect(Date.parse(a!.firstVisit)).toBeLessThanOrEqual(Date.parse(b.firstVisit));
          expect(Date.parse(a!.lastVisit)).toBeGreaterThanOrEqual(Date.parse(b.lastVisit));
          expect(a!.entities).toEqual(expect.arrayContaining(b.entities));
          expect(a!.claims).toEqual(expect.arrayContaining(b.claims));
        }
        const snapshot = sortByUrl([...after.values()]);
        const again = await store.importHistory(incoming);
        expect(again.added + again.merged).toBe(0);
        expect(sortByUrl((await store.readAll()).entries)).toEqual(snapshot);
        store.close();
      }),
      { numRuns: 25 },
    );
  });

  it('parseImport reports the file size limit and accepts a bare array', () => {
    expect(parseImport([entry('https://a.example/')]).accepted).toHaveLength(1);
    expect(() => parseImport({})).toThrow(ImportFormatError);
  });
});

describe('retention', () => {
  async function seeded(c: ReturnType<typeof clock>) {
    const store = newStore(c);
    await store.importHistory([
      entry('https://a.example/recent', { firstVisit: '2024-05-20T00:00:00.000Z', lastVisit: '2024-05-30T00:00:00.000Z' }),
      entry('https://a.example/45d', { firstVisit: '2024-04-17T00:00:00.000Z', lastVisit: '2024-04-17T00:00:00.000Z' }),
      // First seen long ago but visited recently: kept by its last visit.
      entry('https://a.example/old-but-revisited', { firstVisit: '2023-01-01T00:00:00.000Z', lastVisit: '2024-05-25T00:00:00.000Z' }),
      entry('https://a.example/200d', { firstVisit: '2023-11-14T00:00:00.000Z', lastVisit: '2023-11-14T00:00:00.000Z' }),
      entry('https://a.example/2y', { firstVisit: '2022-06-01T00:00:00.000Z', lastVisit: '2022-06-01T00:00:00.000Z' }),
    ]);
    return store;
  }
  const urls = async (s: HistoryStore) => (await s.readAll()).entries.map((e) => e.url.slice('https://a.example/'.length)).sort();

  it('"forever" keeps everything', async () => {
    const store = await seeded(clock());
    expect(await store.prune('forever')).toBe(0);
    expect(await urls(store)).toHaveLength(5);
  });

  it.each([
    ['365', ['200d', '45d', 'old-but-revisited', 'recent']],
    ['90', ['45d', 'old-but-revisited', 'recent']],
    ['30', ['old-but-revisited', 'recent']],
  ] as const)('%s days keeps pages last visited within the period', async (retention, kept) => {
    const store = await seeded(clock());
    expect(await store.prune(retention)).toBe(5 - kept.length);
    expect(await urls(store)).toEqual(kept);
  });

  it('prunes at most once a day (pruneIfDue), and again after a day', async () => {
    const c = clock();
    const store = await seeded(c);
    expect(await store.pruneIfDue('365')).toBe(1);
    await store.importHistory([entry('https://a.example/3y', { firstVisit: '2021-01-01T00:00:00.000Z', lastVisit: '2021-01-01T00:00:00.000Z' })]);
    c.advanceDays(0.5);
    expect(await store.pruneIfDue('365')).toBeUndefined();
    expect(await urls(store)).toContain('3y');
    c.advanceDays(0.6);
    expect(await store.pruneIfDue('365')).toBe(1);
    expect(await urls(store)).not.toContain('3y');
  });
});
