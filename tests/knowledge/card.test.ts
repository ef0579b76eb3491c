import { describe, expect, it } from 'vitest';
import { attributionLine, cardData } from '../../lib/knowledge/card';
import { assertValidPack } from '../../lib/knowledge/validate';
import { currentCasualtyFigure, formatIsoDate, indexPack, sourcesOf, stateOf } from '../../lib/knowledge/load';
import { minimalPack, realPackData } from './fixtures/packs';

describe('load helpers', () => {
  const pack = assertValidPack(minimalPack());

  it('indexes by id and reverse references', () => {
    const idx = indexPack(pack);
    expect(idx.claims.get('C02')?.claimant).toBe('state-a');
    expect(idx.claimsByClaimant.get('state-b')?.map((c) => c.id)).toEqual(['C03']);
    expect(idx.claimsByTarget.get('state-b')?.map((c) => c.id)).toEqual(['C02', 'C03']);
    expect(idx.conflictsByClaim.get('C03')?.map((x) => x.id)).toEqual(['X01']);
    expect(idx.timelineByClaim.get('C01')?.map((t) => t.id)).toEqual(['T02']);
    expect(idx.timelineByActor.get('test-gunman')?.map((t) => t.id)).toEqual(['T01']);
    expect(idx.partsOf.get('test-group')?.map((e) => e.id)).toEqual(['test-gunman']);
    expect(indexPack(pack)).toBe(idx); // cached
  });

  it('finds the current casualty figure, sources and states', () => {
    expect(currentCasualtyFigure(pack).id).toBe('K01');
    expect(sourcesOf(pack, pack.claims[1]!).map((s) => s.id)).toEqual(['S2']);
    expect(stateOf(pack, 'state-a')?.id).toBe('state-a');
    expect(stateOf(pack, 'test-gunman')).toBeUndefined();
  });

  it('formats ISO dates of any precision', () => {
    expect(formatIsoDate('2024-03-22')).toBe('22 Mar 2024');
    expect(formatIsoDate('2024-03')).toBe('Mar 2024');
    expect(formatIsoDate('2024')).toBe('2024');
  });
});

describe('cardData on the minimal fixture', () => {
  const pack = assertValidPack(minimalPack());
  const card = cardData(pack);

  it('derives the attribution line from claim attributes', () => {
    expect(attributionLine(pack)).toBe(
      'Test Group claimed responsibility (22 Mar 2024); officials in Arcadia alleged involvement by Borduria, which Borduria denied',
    );
    expect(card.event.attribution).toBe(attributionLine(pack));
  });

  it('has the event, venue, current figure, counts and each entity with its claims', () => {
    expect(card.currentAsOf).toBe('2024-04-01');
    expect(card.event).toMatchObject({
      id: 'crocus-attack',
      venueId: 'crocus-city-hall',
      name: 'Crocus City Hall attack',
      venueName: 'Crocus City Hall',
      date: '2024-03-22',
      time: '19:58',
      casualties: { id: 'K01', dead: 144, deadQualifier: 'at least', injured: 551, publishedBy: 'Test ministry', asOf: '2024-03-30', official: true },
      counts: { claims: 3, timeline: 2, conflicts: 1 },
    });
    expect(card.entities['state-b']).toEqual({
      name: 'Borduria',
      type: 'state',
      description: 'Another state used in tests.',
      claims: ['C03'],
    });
    expect(Object.keys(card.entities)).toHaveLength(pack.entities.length);
  });

  it('is JSON-serialisable as it is', () => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});

describe('cardData on the real pack', () => {
  it('is much smaller than the pack (< 25%); its only addresses are the https sources of claims', () => {
    const pack = assertValidPack(realPackData().data);
    const card = cardData(pack);
    const cardJson = JSON.stringify(card);
    const packJson = JSON.stringify(pack);
    expect(cardJson.length).toBeLessThan(packJson.length * 0.25);
    // Checked as booleans so that a failure does not print the whole card.
    expect(/http:\/\//.test(cardJson), 'card contains a plain-http URL').toBe(false);
    // The claim card cites a claim's first sources; nothing else in the card carries an address.
    const claimUrls = new Set(Object.values(card.claims).flatMap((c) => c.sources.map((s) => s.url)));
    const packUrls = new Set(pack.sources.map((s) => s.url));
    expect([...claimUrls].every((u) => packUrls.has(u)), 'card cites an address the pack does not have').toBe(true);
    const { claims: _claims, conflicts: _conflicts, ...rest } = card;
    expect(/https?:\/\//.test(JSON.stringify(rest)), 'card outside claims contains a URL').toBe(false);
    const keys = JSON.stringify(rest).match(/"(sources|url|publisher|quotes|names|attributes|sides|variants|seed|statements)"\s*:/g);
    expect(keys, 'card contains pack-only fields').toBeNull();
    expect(card.event.counts).toEqual({ claims: pack.claims.length, timeline: pack.timeline.length, conflicts: pack.conflicts.length });
    expect(card.event.casualties.id).toBe(pack.event.currentCasualtyFigure);
    expect(card.event.attribution.length).toBeGreaterThan(0);
  });
});
