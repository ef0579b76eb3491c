// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileClaimTable } from '../../lib/claims/compile';
import { matchClaims } from '../../lib/claims/match';
import { loadPackFile } from '../../lib/knowledge/load-node';
import { readFixtures } from './fixtures';

const pack = loadPackFile();

describe('compileClaimTable', () => {
  const table = compileClaimTable(pack);

  it('compiles every claim that has cues, and nothing claim-specific lives in code', () => {
    const withCues = pack.claims.filter((c) => c.cues).map((c) => c.id);
    expect(table.claims.map((c) => c.id)).toEqual(withCues);
    expect(withCues.length).toBeGreaterThanOrEqual(50);
  });

  it('is small, JSON-serialisable and deterministic', () => {
    const json = JSON.stringify(table);
    expect(json.length).toBeLessThan(150_000);
    expect(JSON.stringify(compileClaimTable(pack))).toBe(json);
    const copy = JSON.parse(json) as typeof table;
    const blocks = readFixtures().map((i) => i.text);
    expect(matchClaims(blocks, copy)).toEqual(matchClaims(blocks, table));
  });

  it('refers only to patterns and entities it holds', () => {
    const n = table.patterns.length;
    const ok = (p: number) => Number.isInteger(p) && p >= 0 && p < n;
    for (const e of table.entities) expect(e.p.every(ok), e.id).toBe(true);
    for (const c of table.claims) {
      for (const g of c.g) {
        expect(g.p.every(ok), c.id).toBe(true);
        expect(g.e.every((e) => e >= 0 && e < table.entities.length), c.id).toBe(true);
      }
      expect(c.sp[0]?.[1], c.id).toBe(1);
      expect(table.entities[c.sp[0]?.[0] as number]?.id).toBe(pack.claims.find((x) => x.id === c.id)?.claimant);
    }
  });

  it('has topic patterns from the event and the venue', () => {
    expect(table.topic.length).toBeGreaterThan(0);
    expect(table.topic.every((p) => p >= 0 && p < table.patterns.length)).toBe(true);
  });

  it('handles empty input and blocks with no sentences', () => {
    expect(matchClaims([], table)).toEqual([]);
    expect(matchClaims(['', '   ', '—'], table)).toEqual([]);
  });
});
