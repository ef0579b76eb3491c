// @vitest-environment node
/**
 * The claim matcher on the seed article (expected answers: lib/knowledge/parts/seed.json), on the hard cases of
 * issue 9, and on a small synthetic pack for the ambiguity rule.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileClaimTable } from '../../lib/claims/compile';
import { matchClaims, scoreBlock, speakersOf } from '../../lib/claims/match';
import { loadPackFile } from '../../lib/knowledge/load-node';
import { assertValidPack } from '../../lib/knowledge/validate';
import { minimalPack } from '../knowledge/fixtures/packs';

const pack = loadPackFile();
const table = compileClaimTable(pack);
const one = (text: string) => matchClaims([text], table).map((m) => m.claim);

describe('the seed article', () => {
  const seedText = readFileSync(fileURLToPath(new URL('../../seeds/000_ac573e2a3b29c701.txt', import.meta.url)), 'utf8');
  const blocks = seedText.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const matches = matchClaims(blocks, table);
  const matchAt = (exact: string) => {
    const b = blocks.findIndex((x) => x.includes(exact));
    const at = (blocks[b] as string).indexOf(exact);
    return matches.find((m) => m.block === b && m.start <= at && at < m.end);
  };

  it('maps each seed statement to one of the claims seed.json gives it, or to none', () => {
    for (const st of pack.seed.statements) {
      const m = matchAt(st.target.exact);
      if (m) expect(st.claims, `${st.target.exact} -> ${m.claim}`).toContain(m.claim);
    }
  });

  it("finds Bortnikov's 24 May statements and the US, US officials' and Putin's statements", () => {
    const want: [string, string[]][] = [
      ['were coordinated via the Internet by members of the Khorasan Province', ['C24']],
      ['Two of the four attackers arrived in Russia from Turkey', ['C24']],
      ['more than 20 people have already been detained', ['C24']],
      ['received clear instructions to move toward the Ukrainian border', ['C24']],
      ['The United States said it publicly and privately warned Russia', ['C04', 'C07', 'C50']],
      ['Unnamed U.S. intelligence officials told the U.S. media', ['C09', 'C05']],
      ['President Putin accused Washington of', ['C10']],
    ];
    for (const [exact, claims] of want) {
      const m = matchAt(exact);
      expect(m?.claim, exact).toBeDefined();
      expect(claims, exact).toContain(m?.claim);
    }
  });

  it('gives the same answer when asked to keep only blocks near a mention of the attack', () => {
    expect(matchClaims(blocks, table, { topicWindow: 1 })).toEqual(matches);
  });

  it('reports sentence spans as UTF-16 offsets into the block', () => {
    for (const m of matches) expect(blocks[m.block]?.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('hard cases', () => {
  it('tells Bortnikov on 26 March (C17) from Bortnikov on 24 May (C24)', () => {
    expect(one('Bortnikov said on 26 March that Western special services facilitated the attack.')).toEqual(['C17']);
    expect(one('Bortnikov said on 24 May that the attack had been coordinated online by Wilayat Khorasan members.')).toEqual(['C24']);
  });

  it("does not give one official's words to another", () => {
    expect(one('Lavrov said Washington was shielding Kyiv by using the bogey of ISIS.')).toEqual([]);
    expect(one('Zakharova said Washington was shielding Kyiv by using the bogey of ISIS.')).toEqual(['C15b']);
    expect(one('Budanov said Ukraine had absolutely nothing to do with the attack.')).toEqual([]);
  });

  it('needs Iran to have warned Russia for C44', () => {
    expect(one('Iran had warned of an IS-K threat before the Kerman bombing in January.')).toEqual([]);
    expect(one('Iran warned Russia days before the attack of a major IS-K operation, sources told Reuters.')).toEqual(['C44']);
  });

  it('leaves a claim alone when the sentence names another date', () => {
    expect(one('Putin said on 25 March that Western warnings had been a form of blackmail.')).toEqual([]);
    expect(one('Putin said on 19 March that Western warnings of attacks were blackmail meant to intimidate society.')).toEqual(['C10']);
  });

  it('carries the speaker over a pronoun but not over another named speaker', () => {
    const text = 'Bortnikov spoke in Bishkek. He said the gunmen had been given a clear command to head for the Ukrainian border.';
    expect(matchClaims([text], table).map((m) => [m.claim, m.text.slice(0, 7)])).toEqual([['C24', 'He said']]);
    expect(one('Bortnikov spoke in Bishkek. Lavrov said the gunmen had been given a clear command to head for the Ukrainian border.')).toEqual([]);
    expect(speakersOf('Kirby spoke. He said so.', table)[1]?.continuation).toBe(1);
  });

  it('a named speaker who is not the subject counts little ("Kyiv denied Putin\'s claim ...")', () => {
    expect(one("Kyiv denied Putin's claim that a 'window' had been prepared on the border.")).toEqual([]);
  });
});

describe('topic window', () => {
  const offTopic = [
    'Zelensky said Putin was trying to blame Ukraine for the failures of his own army.',
    'Peskov said it was too early to talk about the results of the investigation into the plane crash.',
    'Medvedev said the Kyiv regime must be destroyed mercilessly.',
  ];

  it('sentences shaped like a claim match on their own, but not far from any mention of the attack', () => {
    expect(matchClaims(offTopic, table).length).toBeGreaterThan(0);
    expect(matchClaims(offTopic, table, { topicWindow: 1 })).toEqual([]);
    const page = ['Three days after the terrorist attack at Crocus City Hall, officials spoke.', ...offTopic];
    expect(matchClaims(page, table, { topicWindow: 1 }).map((m) => m.block)).toEqual([1]);
  });
});

describe('ambiguity', () => {
  // A synthetic pack: Arcadia says Borduria organised the attack (C02), Borduria says it had nothing to do with
  // it (C03); both claims are on opposite sides of X01, and a sentence naming both fits both.
  const withCues = (c03Claimant = 'state-b') => {
    const p = minimalPack();
    p.claims[1].cues = { groups: [{ terms: { en: ['organis*'] } }, { entities: ['state-b'] }, { terms: { en: ['attack'] }, weight: 0.5 }] };
    p.claims[2].claimant = c03Claimant;
    p.claims[2].cues = {
      speakers: c03Claimant === 'state-b' ? [{ entity: 'state-a', weight: 1 }] : [],
      groups: [{ terms: { en: ['organis*'] } }, { terms: { en: ['attack'] }, weight: 1.5 }],
    };
    return compileClaimTable(assertValidPack(p));
  };

  it('drops a sentence whose two best claims are close and contradict each other', () => {
    const t = withCues();
    const [s] = scoreBlock('Arcadia said Borduria organised the attack.', t);
    expect(s?.candidates.map((c) => c.claim).sort()).toEqual(['C02', 'C03']);
    expect(s?.match).toBeUndefined();
  });

  it('keeps the best of close claims when they cannot contradict (same claimant, no opposite sides)', () => {
    const p = minimalPack();
    p.conflicts = [];
    p.claims[1].cues = { groups: [{ terms: { en: ['organis*'] } }, { entities: ['state-b'] }, { terms: { en: ['attack'] }, weight: 0.5 }] };
    p.claims[2].claimant = 'state-a';
    p.claims[2].cues = { groups: [{ terms: { en: ['organis*'] } }, { terms: { en: ['attack'] }, weight: 1.5 }] };
    const [s] = scoreBlock('Arcadia said Borduria organised the attack.', compileClaimTable(assertValidPack(p)));
    expect(s?.candidates).toHaveLength(2);
    expect(s?.match?.claim).toBe('C02');
  });

  it('keeps the best claim when the other one is far behind', () => {
    const t = withCues();
    const [s] = scoreBlock('Arcadia said Borduria organised and financed the attack in Borduria.', t);
    expect(s?.candidates[0]?.claim).toBe('C02');
  });
});
