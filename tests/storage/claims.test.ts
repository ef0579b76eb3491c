// "You have read this claim on N pages, its denial on M": pure contradiction logic, and the history views.
import { describe, expect, it } from 'vitest';
import { claimStats, contradictionsOf } from '@/lib/storage/claims';
import { groupByDate, groupBySite, summarise } from '@/lib/storage/views';
import { entry } from './helpers';

const CONFLICTS = [
  { id: 'X01', sides: [{ claims: ['C01', 'C02'] }, { claims: ['C12', 'C16'] }] },
  { id: 'X02', sides: [{ claims: ['C01'] }, { claims: ['C12'] }, { claims: ['C40'] }] },
];

describe('contradictionsOf', () => {
  it('lists, for each claim, the claims on the other sides of its conflicts', () => {
    const m = contradictionsOf(CONFLICTS);
    expect([...(m.get('C01') ?? [])].sort()).toEqual(['C12', 'C16', 'C40']);
    expect([...(m.get('C02') ?? [])].sort()).toEqual(['C12', 'C16']);
    expect([...(m.get('C40') ?? [])].sort()).toEqual(['C01', 'C12']);
    expect(m.has('C99')).toBe(false);
  });

  it('a claim that appears on two sides is never its own contradiction', () => {
    const m = contradictionsOf([{ sides: [{ claims: ['C01', 'C05'] }, { claims: ['C05', 'C12'] }] }]);
    expect(m.get('C05')?.has('C05')).toBe(false);
    expect([...(m.get('C01') ?? [])]).toEqual(['C12']);
  });
});

describe('claimStats', () => {
  const pages = [
    entry('https://a.example/1', { claims: ['C01'] }),
    entry('https://a.example/2', { claims: ['C01', 'C02'] }),
    entry('https://b.example/1', { claims: ['C01'] }),
    entry('https://b.example/2', { claims: ['C12', 'C16'] }),
    entry('https://c.example/1', { claims: ['C50'] }),
  ];

  it('counts pages per claim and distinct pages with any contradicting claim', () => {
    const stats = claimStats(pages, CONFLICTS);
    const c01 = stats.find((s) => s.claim === 'C01');
    expect(c01).toEqual({
      claim: 'C01',
      pages: 3,
      contradictingPages: 1, // C12 and C16 on the same page count once
      contradicting: [
        { claim: 'C12', pages: 1 },
        { claim: 'C16', pages: 1 },
        { claim: 'C40', pages: 0 },
      ],
      conflicts: ['X01', 'X02'],
    });
    expect(stats.find((s) => s.claim === 'C12')).toMatchObject({ pages: 1, contradictingPages: 3 });
    // A claim in no conflict: counted, with no contradictions.
    expect(stats.find((s) => s.claim === 'C50')).toMatchObject({ pages: 1, contradictingPages: 0, contradicting: [], conflicts: [] });
    // Most met first.
    expect(stats[0]?.claim).toBe('C01');
  });

  it('works without any conflicts (pack not loaded)', () => {
    expect(claimStats(pages, []).map((s) => [s.claim, s.pages, s.contradictingPages])).toEqual([
      ['C01', 3, 0],
      ['C02', 1, 0],
      ['C12', 1, 0],
      ['C16', 1, 0],
      ['C50', 1, 0],
    ]);
  });
});

describe('views', () => {
  const list = [
    entry('https://a.example/1', { lastVisit: '2024-05-02T10:00:00.000Z' }),
    entry('https://b.example/1', { lastVisit: '2024-05-03T10:00:00.000Z' }),
    entry('https://a.example/2', { lastVisit: '2024-05-03T11:00:00.000Z', firstVisit: '2024-04-01T00:00:00.000Z' }),
  ];
  it('groups by day of last visit, most recent first', () => {
    const groups = groupByDate(list);
    expect(groups.map((g) => g.entries.map((e) => e.url))).toEqual([
      ['https://a.example/2', 'https://b.example/1'],
      ['https://a.example/1'],
    ]);
  });
  it('groups by site, biggest first', () => {
    expect(groupBySite(list).map((g) => [g.key, g.entries.length])).toEqual([
      ['a.example', 2],
      ['b.example', 1],
    ]);
  });
  it('summarises', () => {
    expect(summarise(list)).toEqual({ pages: 3, sites: 2, firstSeen: '2024-04-01T00:00:00.000Z' });
    expect(summarise([])).toEqual({ pages: 0, sites: 0 });
  });
});
