// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contradictionsOf } from '../../lib/claims/contradictions';
import { loadPackFile } from '../../lib/knowledge/load-node';

const pack = loadPackFile();

describe('contradictionsOf', () => {
  it("lists, for every conflict of a claim, the other sides' claims with the conflict subject", () => {
    const xs = contradictionsOf('C24', pack);
    const ids = xs.map((x) => x.conflict);
    expect(ids).toEqual(pack.conflicts.filter((x) => x.sides.some((s) => s.claims.includes('C24'))).map((x) => x.id));
    const x03 = xs.find((x) => x.conflict === 'X03');
    expect(x03?.subject).toBe(pack.conflicts.find((x) => x.id === 'X03')?.subject);
    expect(x03?.sides.flatMap((s) => s.claims.map((c) => c.id)).sort()).toEqual(['C33', 'C36']);
    for (const x of xs) for (const s of x.sides) expect(s.claims.some((c) => c.id === 'C24')).toBe(false);
  });

  it('gives the position of the claim\'s own side, and nothing for a claim in no conflict', () => {
    const x04 = contradictionsOf('C23', pack).find((x) => x.conflict === 'X04');
    expect(x04?.position).toBe(pack.conflicts.find((x) => x.id === 'X04')?.sides[1]?.position);
    expect(x04?.sides.map((s) => s.claims.map((c) => c.id))).toEqual([['C04', 'C07', 'C09', 'C50'], ['C10']]);
    expect(contradictionsOf('C45', pack)).toEqual([]);
    expect(contradictionsOf('C999', pack)).toEqual([]);
  });
});
