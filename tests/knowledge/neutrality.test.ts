/**
 * Enforces what a machine can of lib/knowledge/NEUTRALITY.md on the real pack (lib/knowledge/pack.json, or the
 * parts assembled while it does not exist yet). The rules' own unit tests come first.
 */
import { describe, expect, it } from 'vitest';
import {
  checkClaimantNamed,
  checkConflictSubjects,
  checkLoadedWords,
  checkStateMediaOnly,
  loadedWords,
  refersToClaimant,
  stripQuotes,
  type NeutralityIssue,
} from '../../lib/knowledge/neutrality';
import { cardData } from '../../lib/knowledge/card';
import { KnowledgePack } from '../../lib/knowledge/schema';
import { assertValidPack } from '../../lib/knowledge/validate';
import { minimalPack, realPackData } from './fixtures/packs';

function list(issues: NeutralityIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

/**
 * The real pack, checked against the schema only: cross-reference errors are validate.test.ts's business, and
 * these rules should still report while other sections are being written.
 */
function realPack(): KnowledgePack {
  const { data, from } = realPackData();
  const r = KnowledgePack.safeParse(data);
  if (!r.success) throw new Error(`${from} does not match the schema:\n${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return r.data;
}

describe('neutrality rules (unit)', () => {
  it('finds loaded words outside quotations only', () => {
    expect(loadedWords('Medvedev said the Kyiv regime was to blame.')).toEqual(['regime']);
    expect(loadedWords('Medvedev said "terrorists of the Kyiv regime" must be eliminated.')).toEqual([]);
    expect(loadedWords('Zakharova called it «пропаганда» and “propaganda”.')).toEqual([]);
    expect(loadedWords('The claim was debunked.')).toEqual(['debunked']);
    expect(loadedWords('He falsely said so.')).toEqual(['falsely']);
    expect(loadedWords('The so-called investigation.')).toEqual(['so-called']);
  });

  it('allows neutral uses: admitted to hospital, a place that lies west of Moscow', () => {
    expect(loadedWords('About 100 people were admitted to hospital.')).toEqual([]);
    expect(loadedWords('Hospitals admitted 121 patients.')).toEqual([]);
    expect(loadedWords('Krasnogorsk lies west of Moscow.')).toEqual([]);
    expect(loadedWords('The defendant admitted the charges.')).toEqual(['admitted']);
    expect(loadedWords('Officials said the warnings were lies.')).toEqual(['lies']);
  });

  it('strips the common quotation marks', () => {
    expect(stripQuotes('a "b" “c” «d» „e“ ‘f’ g').replace(/\s+/g, ' ')).toBe('a g');
  });

  it('recognises a statement that names its claimant, its parent or a demonym', () => {
    const pack = assertValidPack(minimalPack());
    const claim = (statement: string, claimant = 'state-a') => ({ ...pack.claims[1]!, claimant, statement });
    expect(refersToClaimant(pack, claim('Arcadian officials said so.'))).toBe(true);
    expect(refersToClaimant(pack, claim('The Gunman said so.', 'test-gunman'))).toBe(true);
    expect(refersToClaimant(pack, claim('Test Group said so.', 'test-gunman'))).toBe(true); // part of it
    expect(refersToClaimant(pack, claim('Borduria said so.'))).toBe(false);
    expect(refersToClaimant(pack, claim('It was said that Borduria was involved.'))).toBe(false);
  });

  it('flags state-media-only facts unless they say who said it, and verdict words in conflict subjects', () => {
    const data = minimalPack();
    data.sources[1].stateMedia = true;
    data.event.summary.push({ text: 'The gunmen fled towards the border.', sources: ['S2'] });
    data.event.summary.push({ text: 'Officials said the gunmen fled towards the border.', sources: ['S2'] });
    data.event.casualties[0].sources = ['S2'];
    data.event.casualties[0].official = false;
    data.conflicts[0].subject = 'Whether the claim that Borduria was involved is true.';
    const pack = assertValidPack(data);
    expect(checkStateMediaOnly(pack).map((i) => i.path)).toEqual(['$.event.summary[1]', '$.event.casualties[id=K01]']);
    expect(checkConflictSubjects(pack).map((i) => i.path)).toEqual(['$.conflicts[id=X01].subject']);
  });

  it('the minimal fixture passes every rule', () => {
    const pack = assertValidPack(minimalPack());
    expect(list([...checkLoadedWords(pack), ...checkClaimantNamed(pack), ...checkStateMediaOnly(pack), ...checkConflictSubjects(pack)])).toBe('');
  });
});

describe('neutrality of the real pack', () => {
  let cached: KnowledgePack | undefined;
  const pack = (): KnowledgePack => (cached ??= realPack());

  it('has no loaded words outside quotations in statements, texts, descriptions, subjects and positions', () => {
    expect(list(checkLoadedWords(pack()))).toBe('');
  });

  it('every claim statement names or refers to its claimant', () => {
    expect(list(checkClaimantNamed(pack()))).toBe('');
  });

  it('state media are never the only source of a fact or casualty figure, unless it says who said it', () => {
    expect(list(checkStateMediaOnly(pack()))).toBe('');
  });

  it('conflict subjects contain no verdict words', () => {
    expect(list(checkConflictSubjects(pack()))).toBe('');
  });

  it("the hover card's computed attribution line has no loaded words", () => {
    const valid = assertValidPack(realPackData().data);
    expect(loadedWords(cardData(valid).event.attribution)).toEqual([]);
  });
});
