// @vitest-environment node
// The bench's page generator: deterministic, the sizes and text-node counts it promises, mentions where asked and
// nowhere else (no name of the knowledge pack in the filler), and dynamic pages that hold their text back.
import { describe, expect, it } from 'vitest';
import {
  DECOY_SENTENCES,
  DYNAMIC_BATCHES,
  MENTION_SENTENCES,
  SIZES,
  fillerSentence,
  generatePage,
  mentionCount,
  mentionSlots,
  pageSpecs,
  prng,
} from '../../scripts/bench/pages.mjs';
import { packAliases } from '../../scripts/bench/extensions.mjs';
import { hasAnchor, quickCheck, recognizeText } from '../../lib/recognize/recognize';
import { quickWindows, quickWindowsPattern } from '../../lib/recognize/quick';
import { realTable } from '../recognize/support';

const size = (label: string) => SIZES.find((s) => s.label === label)!;
const spec = (label: string, mentions: 'none' | 'decoy' | 'few' | 'many', dynamic = false) => ({ size: label, chars: size(label).chars, mentions, dynamic });

/** Visible text of a generated page (tags out, entities back), without the <title> and <script>. */
function textOf(html: string): string {
  return html
    .replace(/<title>.*?<\/title>/s, '')
    .replace(/<script>.*?<\/script>/s, '')
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word occurrences of any alias: case-insensitive for names of 4+ characters, exact for short ones (IS, US). */
function aliasHits(text: string, aliases: string[]): string[] {
  const long = aliases.filter((a) => a.length >= 4).sort((a, b) => b.length - a.length);
  const short = aliases.filter((a) => a.length < 4).sort((a, b) => b.length - a.length);
  const word = (list: string[], flags: string) => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${list.map(escapeRe).join('|')})(?![\\p{L}\\p{N}_])`, flags);
  const hits = [...text.matchAll(word(long, 'giu'))].map((m) => m[0]);
  hits.push(...[...text.matchAll(word(short, 'gu'))].map((m) => m[0]));
  return hits;
}

describe('prng', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = prng(42);
    const b = prng(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(prng(43)()).not.toBe(prng(42)());
  });
});

describe('generatePage', () => {
  it('gives the same HTML for the same spec', () => {
    expect(generatePage(spec('100KB', 'many')).html).toBe(generatePage(spec('100KB', 'many')).html);
  });

  it.each(['5KB', '100KB', '1MB'])('%s: text within 15%% of the size, ~100 characters per text node', (label) => {
    const page = generatePage(spec(label, 'none'));
    const chars = size(label).chars;
    expect(page.textChars).toBeGreaterThan(chars * 0.85);
    expect(page.textChars).toBeLessThan(chars * 1.15);
    expect(page.textChars / page.textNodes).toBeGreaterThan(70);
    expect(page.textChars / page.textNodes).toBeLessThan(130);
  });

  it('10MB: about 10 million characters in about 100,000 text nodes', () => {
    const page = generatePage(spec('10MB', 'none'));
    expect(page.textChars).toBeGreaterThan(9_000_000);
    expect(page.textChars).toBeLessThan(11_000_000);
    expect(page.textNodes).toBeGreaterThan(95_000);
    expect(page.textNodes).toBeLessThan(110_000);
  }, 30_000);

  it('counts text and text nodes as the markup has them', () => {
    const page = generatePage(spec('5KB', 'few'));
    const body = page.html.slice(page.html.indexOf('<body>'));
    const nodes = body.split(/<[^>]+>/).filter((t) => t.length > 0);
    expect(nodes.length).toBe(page.textNodes);
    expect(nodes.join('').replace(/&lt;|&gt;|&quot;|&amp;/g, '_').length).toBe(page.textChars);
  });

  it('mention counts: none, 3, one per 5,000 characters (at least 20)', () => {
    expect(mentionCount('none', 10_000_000)).toBe(0);
    expect(mentionCount('few', 10_000_000)).toBe(3);
    expect(mentionCount('many', 10_000_000)).toBe(2000);
    expect(mentionCount('many', 5_000)).toBe(20);
    for (const label of ['5KB', '100KB', '1MB']) {
      for (const m of ['none', 'few', 'many'] as const) {
        expect(generatePage(spec(label, m)).mentionSentences).toBe(mentionCount(m, size(label).chars));
      }
    }
  });

  it('spreads mention slots evenly and never past the end', () => {
    const slots = [...mentionSlots(3, 300)];
    expect(slots).toEqual([50, 150, 250]);
    expect(mentionSlots(20, 30).size).toBe(20);
    expect(Math.max(...mentionSlots(2000, 2000))).toBe(1999);
  });

  it('puts the mention sentences in the text, in English and Russian', () => {
    const text = textOf(generatePage(spec('100KB', 'many')).html);
    const all = [...MENTION_SENTENCES.en, ...MENTION_SENTENCES.ru];
    const found = all.filter((s) => text.includes(s));
    expect(found.some((s) => MENTION_SENTENCES.en.includes(s))).toBe(true);
    expect(found.some((s) => MENTION_SENTENCES.ru.includes(s))).toBe(true);
    expect(all.reduce((n, s) => n + text.split(s).length - 1, 0)).toBe(20);
  });

  it('every mention sentence names at least one entity of the knowledge pack', () => {
    const aliases = packAliases();
    for (const s of [...MENTION_SENTENCES.en, ...MENTION_SENTENCES.ru]) expect(aliasHits(s, aliases).length, s).toBeGreaterThan(0);
  });

  it('filler mentions nothing the knowledge pack names (a 1 MB page without mentions, title included)', () => {
    const aliases = packAliases();
    const page = generatePage(spec('1MB', 'none'));
    const title = page.html.match(/<title>(.*?)<\/title>/)![1];
    expect(aliasHits(textOf(page.html), aliases)).toEqual([]);
    expect(aliasHits(title, aliases)).toEqual([]);
    const rand = prng(7);
    for (let i = 0; i < 2000; i++) expect(aliasHits(fillerSentence(rand, i % 2 ? 'ru' : 'en'), aliases)).toEqual([]);
    // Every alias (3,400 of them) against 1 MB of text: ~25 s on this 2-core machine, more when it is busy (not a
    // timing, just room to finish).
  }, 120_000);

  it('decoy pages name Moscow or a concert (a candidate for the sentinel) and not the attack', () => {
    const table = realTable();
    const page = generatePage(spec('100KB', 'decoy'));
    const text = textOf(page.html);
    expect(page.mentionSentences).toBe(0);
    expect(page.decoySentences).toBe(3);
    expect([...DECOY_SENTENCES.en, ...DECOY_SENTENCES.ru].filter((s) => text.includes(s)).length).toBeGreaterThan(0);
    expect(quickCheck(text, table)).toBe(true);
    expect(recognizeText(text, table).mentions).toEqual([]);
    // The background's first answer to the sentinel: nothing around the matches could anchor the page.
    expect(hasAnchor(quickWindows(text, quickWindowsPattern(table.quick!), 64).windows, table)).toBe(false);
  });

  it('dynamic pages keep their text in templates until the page script appends it on bench-start', () => {
    const page = generatePage(spec('100KB', 'many', true));
    expect(page.html).toContain('<article></article>');
    expect(page.html.match(/<template data-batch=/g)).toHaveLength(DYNAMIC_BATCHES);
    expect(page.html).toContain("addEventListener('bench-start'");
    expect(page.html).toContain('benchDone');
    expect(page.textChars).toBe(generatePage(spec('100KB', 'many')).textChars);
  });
});

describe('pageSpecs', () => {
  it('lists static pages for every size and variant, and dynamic none/many where asked', () => {
    const specs = pageSpecs({ dynamicSizes: ['1MB'] });
    expect(specs.filter((s: { dynamic: boolean }) => !s.dynamic)).toHaveLength(SIZES.length * 4);
    expect(specs.filter((s: { dynamic: boolean }) => s.dynamic).map((s: { size: string; mentions: string }) => `${s.size}-${s.mentions}`)).toEqual(['1MB-none', '1MB-many']);
    expect(pageSpecs({ sizes: ['5KB'], variants: ['none'], dynamicSizes: [] })).toHaveLength(1);
  });
});
