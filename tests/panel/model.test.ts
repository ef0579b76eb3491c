/** The panel's pure parts: grouping, timeline marker, URL parameters, links, dates and plurals. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDateInfo, formatIsoDate, isoDatePrefix, plural } from '@/components/panel/format';
import {
  attributionGroups,
  attributionKey,
  entityFocus,
  filterSources,
  filterTimeline,
  isAfter,
  publishedMarker,
  safeHttpsUrl,
  sourceOutlet,
  timelineActors,
} from '@/components/panel/model';
import { readPanelParams } from '@/components/panel/params';
import type { TimelineEntry } from '@/lib/knowledge/schema';
import { realPack } from './support';

const pack = realPack();

function entry(id: string, date: string, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { id, when: { date }, type: 'statement', text: id, actors: [], sources: ['S1'], ...extra };
}

describe('attribution groups', () => {
  const { groups, unattributed } = attributionGroups(pack);
  const group = (target: string, role: string) => groups.find((g) => g.key === `attr-${target}-${role}`);

  it('puts C01 under Islamic State / claimed responsibility, first of all groups', () => {
    expect(group('islamic-state', 'claimed-responsibility')?.claims.map((c) => c.id)).toContain('C01');
    expect(groups[0]?.role).toBe('claimed-responsibility');
  });

  it("puts Bortnikov's C24 under each target it names, in the role it gives", () => {
    const c24 = pack.claims.find((c) => c.id === 'C24');
    expect(c24?.claimant).toBe('bortnikov');
    for (const a of c24?.attributes ?? []) expect(group(a.target, a.role)?.claims.map((c) => c.id)).toContain('C24');
    expect(group('gur', 'sponsor')?.claims.map((c) => c.id)).toContain('C24');
  });

  it('lists every claim at least once, oldest first within a group', () => {
    const seen = new Set([...groups.flatMap((g) => g.claims.map((c) => c.id)), ...unattributed.map((c) => c.id)]);
    expect([...seen].sort()).toEqual(pack.claims.map((c) => c.id).sort());
    for (const g of groups) {
      const dates = g.claims.map((c) => c.when.date);
      expect(dates, g.key).toEqual([...dates].sort());
    }
    expect(unattributed.every((c) => c.attributes.length === 0)).toBe(true);
  });

  it('builds stable DOM ids', () => {
    expect(attributionKey('isis-k', 'organiser')).toBe('attr-isis-k-organiser');
  });
});

describe('timeline marker', () => {
  const entries = [
    entry('T01', '2024-03-22'),
    entry('T02', '2024-03'),
    entry('T03', '2024-05-24'),
    entry('T04', '2024-06'),
    entry('T05', '2024'),
    entry('T06', '2025-01-02'),
  ];

  it('counts only what certainly happened after the publication date', () => {
    expect(isAfter('2024-05-25', '2024-05-24')).toBe(true);
    expect(isAfter('2024-05-24', '2024-05-24')).toBe(false);
    expect(isAfter('2024-05', '2024-05-24')).toBe(false);
    expect(isAfter('2024-06', '2024-05-24')).toBe(true);
    expect(isAfter('2024', '2024-05-24')).toBe(false);
    expect(isAfter('2025', '2024-05-24')).toBe(true);
  });

  it('goes after the entries of the publication day and before the first later one', () => {
    expect(publishedMarker(entries, '2024-05-24')).toEqual({ index: 3, since: 2 });
    expect(publishedMarker(entries, '2024-01-01')).toEqual({ index: 0, since: 5 });
    expect(publishedMarker(entries, '2026-03-01')).toEqual({ index: 6, since: 0 });
  });

  it('reads the date part of a page timestamp', () => {
    expect(isoDatePrefix('2024-05-24T12:30:00+03:00')).toBe('2024-05-24');
    expect(isoDatePrefix('2024-05')).toBe('2024-05');
    expect(isoDatePrefix('May 24, 2024')).toBeUndefined();
    expect(isoDatePrefix(undefined)).toBeUndefined();
  });

  it('filters by actor and type', () => {
    const withActors = [entry('T1', '2024-03-22', { actors: ['fsb'] }), entry('T2', '2024-03-23', { actors: ['putin'], type: 'arrest' })];
    expect(filterTimeline(withActors, { actor: 'fsb' }).map((e) => e.id)).toEqual(['T1']);
    expect(filterTimeline(withActors, { type: 'arrest' }).map((e) => e.id)).toEqual(['T2']);
    expect(filterTimeline(withActors, {}).length).toBe(2);
    const actors = timelineActors(pack);
    expect(actors.find((a) => a.value === 'bortnikov')?.count).toBe(pack.timeline.filter((e) => e.actors.includes('bortnikov')).length);
  });
});

describe('entity focus', () => {
  it("collects Bortnikov's own claims, oldest first, and where he is named", () => {
    const focus = entityFocus(pack, 'bortnikov');
    expect(focus?.entity.id).toBe('bortnikov');
    const ids = focus?.claimsBy.map((c) => c.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining(['C17', 'C24', 'C25']));
    expect(focus?.claimsBy.every((c) => c.claimant === 'bortnikov')).toBe(true);
    expect(focus?.timeline).toBeGreaterThan(0);
  });

  it("includes the statements of an institution's people", () => {
    const fsb = entityFocus(pack, 'fsb');
    expect(fsb?.claimsBy.map((c) => c.claimant)).toEqual(expect.arrayContaining(['fsb', 'bortnikov']));
  });

  it('returns nothing for an unknown id', () => {
    expect(entityFocus(pack, 'no-such-entity')).toBeUndefined();
  });
});

describe('sources', () => {
  it('links only https addresses', () => {
    expect(safeHttpsUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHttpsUrl('http://example.org/a')).toBeUndefined();
    expect(safeHttpsUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpsUrl('not a url')).toBeUndefined();
  });

  it('puts the original outlet first', () => {
    const s = { id: 'S6', publisher: 'Yahoo News', originalOutlet: 'Reuters', title: 't', date: '2024', url: 'https://x.org', language: 'en' };
    expect(sourceOutlet(s)).toEqual({ outlet: 'Reuters', via: 'Yahoo News' });
    expect(sourceOutlet({ ...s, originalOutlet: undefined })).toEqual({ outlet: 'Yahoo News' });
  });

  it('finds sources by outlet, title or id', () => {
    expect(filterSources(pack.sources, 'reuters').length).toBeGreaterThan(0);
    expect(filterSources(pack.sources, 'S1').map((s) => s.id)).toContain('S1');
    expect(filterSources(pack.sources, '').length).toBe(pack.sources.length);
  });
});

describe('URL parameters', () => {
  it('reads overlay, entity and tab', () => {
    expect(readPanelParams('?overlay=1&entity=bortnikov&tab=42')).toEqual({ overlay: true, entity: 'bortnikov', tabId: 42 });
    expect(readPanelParams('')).toEqual({ overlay: false });
  });

  it('ignores malformed values', () => {
    expect(readPanelParams('?entity=<script>&tab=abc&overlay=yes')).toEqual({ overlay: false });
  });
});

describe('dates and plurals', () => {
  it('respects reduced precision', () => {
    expect(formatIsoDate('2024-03')).toBe('March 2024');
    expect(formatIsoDate('2024')).toBe('2024');
    expect(formatIsoDate('2024-03-22')).toMatch(/March 22, 2024|22 March 2024/);
    expect(formatDateInfo({ date: '2024-03-22', time: '19:58', timeEnd: '20:11' })).toMatch(/19:58–20:11 Moscow time$/);
    expect(formatDateInfo({ date: '2024-04-22', approximate: true })).toMatch(/^c\. /);
    expect(formatDateInfo({ date: '2024-03-28', dateEnd: '2024-03-29' })).toMatch(/28\s?–\s?29/);
  });

  it('formats dates in the UI language', () => {
    const original = fakeBrowser.i18n.getUILanguage;
    Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'ru' });
    try {
      expect(formatIsoDate('2024-03')).toMatch(/^март 2024/);
      expect(formatIsoDate('2024-03-22')).toMatch(/^22 марта 2024/);
    } finally {
      Object.assign(fakeBrowser.i18n, { getUILanguage: original });
    }
  });

  it('picks the plural form', () => {
    expect(plural('panel_n_claims', 1)).toBe('1 claim');
    expect(plural('panel_n_claims', 3)).toBe('3 claims');
    expect(plural('panel_n_events', 1000)).toBe('1,000 events');
  });
});
