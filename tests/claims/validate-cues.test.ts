// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/knowledge/validate';
import { minimalPack } from '../knowledge/fixtures/packs';

function errors(mutate: (p: ReturnType<typeof minimalPack>) => void): string[] {
  const p = minimalPack();
  mutate(p);
  const r = validatePack(p);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('claim cues in the validator', () => {
  it('accepts valid cues', () => {
    expect(
      errors((p) => {
        p.claims[1].cues = {
          speakers: [{ entity: 'state-b', weight: 0.5 }],
          targets: ['state-b'],
          groups: [{ terms: { en: ['organis*', 'set up'], ru: ['организ*'], uk: ["обов'яз*"] } }, { entities: ['test-group'], weight: 0.5 }],
          negative: { en: ['denied'] },
          dates: ['2024-03-07'],
          minGroups: 2,
        };
      }),
    ).toEqual([]);
  });

  it('needs at least one term list and known entity ids', () => {
    expect(errors((p) => (p.claims[1].cues = { groups: [{ entities: ['state-b'] }] }))).toEqual([
      '$.claims[id=C02].cues.groups: cues need at least one term list',
    ]);
    const e = errors((p) => {
      p.claims[1].cues = {
        speakers: [{ entity: 'nobody', weight: 0.5 }],
        targets: ['ghost'],
        groups: [{ terms: { en: ['x*y'] }, entities: ['phantom'] }, {}],
      };
    });
    expect(e).toContain('$.claims[id=C02].cues.speakers[0].entity: unknown speaker entity id "nobody": no entity has this id');
    expect(e).toContain('$.claims[id=C02].cues.targets[0]: unknown cue target entity id "ghost": no entity has this id');
    expect(e).toContain('$.claims[id=C02].cues.groups[0].entities[0]: unknown cue entity id "phantom": no entity has this id');
    expect(e).toContain('$.claims[id=C02].cues.groups[0].terms.en[0]: cue term "x*y": "*" may only end a word');
    expect(e).toContain('$.claims[id=C02].cues.groups[1]: a cue group needs terms or entities');
  });

  it('rejects short stems, the claimant as an extra speaker and an unreachable minGroups', () => {
    const e = errors((p) => {
      p.claims[1].cues = { speakers: [{ entity: 'state-a', weight: 0.5 }], groups: [{ terms: { en: ['ab*'] } }], minGroups: 5 };
    });
    expect(e).toContain('$.claims[id=C02].cues.groups[0].terms.en[0]: cue term stem "ab*" is shorter than 3 letters');
    expect(e).toContain('$.claims[id=C02].cues.speakers[0].entity: "state-a" is the claimant, which always counts as the speaker');
    expect(e).toContain('$.claims[id=C02].cues.minGroups: minGroups 5 is more than the 2 ideas the cues can show (groups, targets and the date)');
  });

  it('rejects a cue shape the schema does not know', () => {
    expect(errors((p) => (p.claims[1].cues = { groups: [] })).join('\n')).toContain('cues need at least one group of terms');
    expect(errors((p) => (p.claims[1].cues = { groups: [{ terms: { en: ['x'] }, weight: -1 }] })).length).toBeGreaterThan(0);
  });
});
