// @vitest-environment node
/**
 * Precision and recall on real-style news sentences reporting the pack's claims, in several languages
 * (tests/fixtures/claims/sentences.jsonl). The cues were tuned on the "tune" half only; the "held" half (which
 * includes a second batch, ids h2-*, written after tuning) measures how well they generalise.
 */
import { describe, expect, it } from 'vitest';
import { compileClaimTable } from '../../lib/claims/compile';
import { loadPackFile } from '../../lib/knowledge/load-node';
import { evaluate, readFixtures, type Metrics } from './fixtures';

const pack = loadPackFile();
const table = compileClaimTable(pack);
const items = readFixtures();

function report(name: string, m: Metrics): string {
  const misses = m.outcomes.flatMap((o) => [
    ...o.fp.map((f) => `  FP ${o.item.id} -> ${f.claim}: ${f.text}`),
    ...o.fn.map((f) => `  FN ${o.item.id} want ${f.claims.join('|')}: ${o.item.text}`),
  ]);
  return `${name}: P=${m.precision.toFixed(3)} R=${m.recall.toFixed(3)} (tp ${m.tp}, fp ${m.fp}, expected ${m.expected})\n${misses.join('\n')}`;
}

describe('the fixture set', () => {
  it('covers most claims in at least six languages, with at least 60 hard negatives, in two halves', () => {
    const claims = new Set(items.flatMap((i) => i.expect.flatMap((e) => e.claims)));
    const langs = new Set(items.map((i) => i.lang));
    const negatives = items.filter((i) => i.expect.length === 0);
    expect(claims.size).toBeGreaterThanOrEqual(50);
    for (const l of ['en', 'ru', 'uk', 'de', 'fr', 'es']) expect(langs.has(l), l).toBe(true);
    expect(negatives.length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => i.split === 'held').length).toBeGreaterThan(items.length / 3);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const i of items) for (const e of i.expect) expect(i.text.includes(e.in), i.id).toBe(true);
    for (const i of items) for (const e of i.expect) for (const c of e.claims) expect(pack.claims.some((x) => x.id === c), `${i.id}: ${c}`).toBe(true);
  });
});

describe('precision and recall', () => {
  it('held-out half: precision >= 0.9, recall >= 0.7', () => {
    const m = evaluate(items.filter((i) => i.split === 'held'), table);
    const text = report('held-out', m);
    expect(m.precision, text).toBeGreaterThanOrEqual(0.9);
    expect(m.recall, text).toBeGreaterThanOrEqual(0.7);
  });

  it('tuning half: precision >= 0.9, recall >= 0.7', () => {
    const m = evaluate(items.filter((i) => i.split === 'tune'), table);
    const text = report('tuning', m);
    expect(m.precision, text).toBeGreaterThanOrEqual(0.9);
    expect(m.recall, text).toBeGreaterThanOrEqual(0.7);
  });

  it('no hard negative matches anything (precision before recall)', () => {
    const m = evaluate(items.filter((i) => i.expect.length === 0), table);
    expect(report('negatives', m)).not.toContain('FP ');
  });
});
