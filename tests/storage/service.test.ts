// The background's recorder: which reports are recorded, from which address, and pruning by the retention setting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Message } from '@/lib/messages/contract';
import { DEFAULT_SETTINGS, saveSettings, type Settings } from '@/lib/settings';
import { HistoryStore } from '@/lib/storage/history';
import { createHistoryService, visitFromReport } from '@/lib/storage/service';
import { clock, entry, freshName } from './helpers';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const S: Settings = { ...DEFAULT_SETTINGS, disabledSites: [] };
const tab = (over: Record<string, unknown> = {}) => ({ id: 1, index: 0, highlighted: true, active: true, pinned: false, incognito: false, windowId: 1, ...over }) as never;

afterEach(() => fakeBrowser.reset());

describe('visitFromReport', () => {
  it('records only reports with mentions, from non-private tabs, with history on, on enabled sites', () => {
    const sender = { url: 'https://news.example/a', tab: tab() };
    expect(visitFromReport({ count: 0, entities: [] }, sender, S, NOW)).toEqual({ skip: 'no-mentions' });
    expect(visitFromReport({ count: 2, entities: [] }, { ...sender, tab: tab({ incognito: true }) }, S, NOW)).toEqual({ skip: 'private' });
    expect(visitFromReport({ count: 2, entities: [] }, sender, { ...S, history: false }, NOW)).toEqual({ skip: 'history-off' });
    expect(visitFromReport({ count: 2, entities: [] }, sender, { ...S, disabledSites: ['example'] }, NOW)).toEqual({ skip: 'disabled' });
    expect(visitFromReport({ count: 2, entities: [] }, sender, { ...S, enabled: false }, NOW)).toEqual({ skip: 'disabled' });
    expect(visitFromReport({ count: 2, entities: [] }, { url: 'chrome-extension://abc/options.html' }, S, NOW)).toEqual({ skip: 'not-web-page' });
  });

  it('accepts the original {count, entities} shape', () => {
    expect(visitFromReport({ count: 3, entities: ['crocus-city-hall'] }, { url: 'https://news.example/a', tab: tab() }, S, NOW)).toEqual({
      visit: { url: 'https://news.example/a', title: '', at: NOW.toISOString(), published: undefined, entities: ['crocus-city-hall'], claims: [] },
    });
  });

  it('takes the address from the sender, not the payload (payload only for a same-origin path change)', () => {
    const msg = { count: 1, entities: [], url: 'https://evil.example/forged', title: 'Payload title', published: '2024-03-23', claims: ['C01'] };
    const fromSender = visitFromReport(msg, { url: 'https://news.example/a#x', tab: tab({ url: 'https://news.example/a', title: 'Tab title' }) }, S, NOW);
    expect(fromSender).toMatchObject({ visit: { url: 'https://news.example/a', title: 'Tab title', published: '2024-03-23', claims: ['C01'] } });
    const spa = visitFromReport({ ...msg, url: 'https://news.example/b' }, { url: 'https://news.example/a', tab: tab({ url: 'https://news.example/a', title: 'Tab title' }) }, S, NOW);
    expect(spa).toMatchObject({ visit: { url: 'https://news.example/b', title: 'Payload title' } });
    // No address on the sender at all: the payload's is the only one.
    expect(visitFromReport(msg, {}, S, NOW)).toMatchObject({ visit: { url: 'https://evil.example/forged' } });
  });
});

describe('the mentions/report contract', () => {
  it('accepts the original shape and the extended one; a bad publication date does not fail the report', () => {
    expect(Message.safeParse({ type: 'mentions/report', count: 2, entities: ['crocus-city-hall'] }).success).toBe(true);
    const extended = { type: 'mentions/report', count: 2, entities: [], url: 'https://a.example/', title: 'T', published: 'sometime', claims: ['C01'] };
    expect(Message.safeParse(extended).success).toBe(true);
    const decision = visitFromReport(extended, { url: 'https://a.example/' }, S, NOW);
    expect(decision).toMatchObject({ visit: { published: 'sometime' } });
  });

  it('history/summary and history/status are part of the contract', () => {
    expect(Message.safeParse({ type: 'history/summary' }).success).toBe(true);
    expect(Message.safeParse({ type: 'history/summary', entity: 'putin' }).success).toBe(true);
    expect(Message.safeParse({ type: 'history/status' }).success).toBe(true);
  });
});

describe('createHistoryService', () => {
  it('records a report and answers the summary; skips private tabs', async () => {
    const c = clock();
    const service = createHistoryService({ store: new HistoryStore({ name: freshName('svc'), now: c.now }), now: c.now });
    await service.ready;
    expect(await service.report({ count: 2, entities: ['crocus-city-hall'] }, { url: 'https://a.example/1', tab: tab() })).toBe('created');
    expect(await service.report({ count: 2, entities: [] }, { url: 'https://b.example/1', tab: tab({ incognito: true }) })).toBe('private');
    expect(await service.summary()).toEqual({ pages: 1, sites: 1, firstSeen: '2024-06-01T12:00:00.000Z' });
    // A publication date that is not ISO is dropped when stored, not an error.
    await service.report({ count: 1, entities: [], published: 'sometime' }, { url: 'https://a.example/2', tab: tab() });
    expect((await service.store.readAll()).entries.find((e) => e.url.endsWith('/2'))).not.toHaveProperty('published');
    service.stop();
  });

  it('follows the settings live: history off stops recording; a shorter retention prunes at once', async () => {
    const c = clock();
    const store = new HistoryStore({ name: freshName('svc-live'), now: c.now });
    await store.importHistory([entry('https://old.example/p', { firstVisit: '2023-01-01T00:00:00.000Z', lastVisit: '2023-01-01T00:00:00.000Z' })]);
    const service = createHistoryService({ store, now: c.now });
    await service.ready;
    await saveSettings({ history: false });
    await vi.waitFor(async () => expect(await service.report({ count: 1, entities: [] }, { url: 'https://a.example/' })).toBe('history-off'));
    expect((await store.readAll()).entries).toHaveLength(1);
    await saveSettings({ retention: '90' });
    await vi.waitFor(async () => expect((await store.readAll()).entries).toHaveLength(0));
    service.stop();
  });

  it('prunes on start by the stored retention setting', async () => {
    const c = clock();
    await saveSettings({ retention: '30' });
    const store = new HistoryStore({ name: freshName('svc-start'), now: c.now });
    await store.importHistory([entry('https://old.example/p', { firstVisit: '2024-01-01T00:00:00.000Z', lastVisit: '2024-01-01T00:00:00.000Z' })]);
    const service = createHistoryService({ store, now: c.now });
    await service.ready;
    expect((await store.readAll()).entries).toEqual([]);
    service.stop();
  });
});
