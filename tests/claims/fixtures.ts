/**
 * The claim-sentence fixture set (tests/fixtures/claims/sentences.jsonl) and how it is scored.
 * Each item is a block of text; `expect` lists the sentences that report a claim (by a substring, with the claim
 * ids that are right for it). Everything else in the block must match nothing. A hard negative has `expect: []`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matchClaims } from '../../lib/claims/match';
import type { ClaimMatch, ClaimTable } from '../../lib/claims/types';

export interface FixtureItem {
  id: string;
  split: 'tune' | 'held';
  lang: string;
  text: string;
  expect: { in: string; claims: string[] }[];
  note?: string;
}

export const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/claims/sentences.jsonl', import.meta.url));

export function readFixtures(path = FIXTURE_PATH): FixtureItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FixtureItem);
}

export interface Outcome {
  item: FixtureItem;
  matches: ClaimMatch[];
  /** Expected sentences matched with a right claim. */
  tp: number;
  /** Matches that are not right (a wrong claim, or a sentence that reports none). */
  fp: ClaimMatch[];
  /** Expected sentences not matched with a right claim. */
  fn: FixtureItem['expect'];
}

export function score(item: FixtureItem, table: ClaimTable): Outcome {
  const matches = matchClaims([item.text], table);
  let tp = 0;
  const fp: ClaimMatch[] = [];
  const fn: FixtureItem['expect'] = [];
  const used = new Set<ClaimMatch>();
  for (const e of item.expect) {
    const at = item.text.indexOf(e.in);
    const m = matches.find((x) => x.start <= at && at < x.end);
    if (m && e.claims.includes(m.claim)) {
      tp++;
      used.add(m);
    } else fn.push(e);
  }
  for (const m of matches) if (!used.has(m)) fp.push(m);
  return { item, matches, tp, fp, fn };
}

export interface Metrics {
  items: number;
  expected: number;
  tp: number;
  fp: number;
  precision: number;
  recall: number;
  outcomes: Outcome[];
}

export function evaluate(items: readonly FixtureItem[], table: ClaimTable): Metrics {
  const outcomes = items.map((i) => score(i, table));
  const expected = items.reduce((n, i) => n + i.expect.length, 0);
  const tp = outcomes.reduce((n, o) => n + o.tp, 0);
  const fp = outcomes.reduce((n, o) => n + o.fp.length, 0);
  return {
    items: items.length,
    expected,
    tp,
    fp,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: expected === 0 ? 1 : tp / expected,
    outcomes,
  };
}
