// @vitest-environment node
/**
 * The HTML corpus (tests/fixtures/html-pages): whole news pages in 30+ languages, written by helpers who did not
 * see the recognizer, with the menus, tickers, "most read" sidebars, inline "read also" boxes, comments, tag lists
 * and footers of real sites (semantic landmarks on some, CMS class names on others). Read as the page adapter reads
 * them (blocks and furniture flags) and recognized with the real pack, they check what a reader would see:
 * - a page about the attack: recognized, every expected name marked where the article says it, and nothing in
 *   the furniture around it that is about something else;
 * - a page about something else: nothing marked in its own text but the one passage about the attack it may hold
 *   (a sidebar item about the attack may be marked too).
 * - a long page about something else with a section on the attack: the names there marked, none in passages far
 *   from it (the same people in other sections).
 * Pages marked `knownGap` document what is still wrong there (their test must fail, so a fix shows).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recognizePage } from '../../lib/recognize/recognize';
import { blocksOfHtml } from '../../scripts/html-blocks';
import { realTable } from './support';

const DIR = fileURLToPath(new URL('../fixtures/html-pages/', import.meta.url));

interface HtmlPage {
  id: string;
  file: string;
  lang: string;
  about: boolean;
  /** Verbatim strings of the article that must be marked. */
  expect: string[];
  /** Verbatim strings (each once on the page) that must not be marked. */
  forbid: string[];
  note?: string;
  /** What the recognizer still gets wrong on this page (its test is expected to fail). */
  knownGap?: string;
  /**
   * A long page about something else with one section on the attack (an encyclopedia article on IS-K, a year in
   * review): `expect` lists names in that section, `forbid` passages far from it that name the same people.
   */
  section?: boolean;
}

const pages: HtmlPage[] = readFileSync(`${DIR}pages.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as HtmlPage);

function read(page: HtmlPage) {
  const { texts, layout } = blocksOfHtml(readFileSync(`${DIR}${page.file}`, 'utf8'));
  const { furniture } = layout;
  const result = recognizePage(texts, realTable(), layout);
  /** Whether some occurrence of `s` (in a block where `where` holds) overlaps a mention. */
  const marked = (s: string, where: (block: number) => boolean = () => true) =>
    texts.some((t, b) => {
      if (!where(b)) return false;
      for (let at = t.indexOf(s); at >= 0; at = t.indexOf(s, at + 1)) {
        if (result.mentions.some((m) => m.block === b && m.start < at + s.length && m.end > at)) return true;
      }
      return false;
    });
  return { texts, furniture, result, marked };
}

describe('HTML corpus', () => {
  it('is broad: pages about the attack and confusable ones with sidebars, in at least 30 languages', () => {
    expect(new Set(pages.map((p) => p.lang)).size).toBeGreaterThanOrEqual(30);
    expect(pages.filter((p) => p.about).length).toBeGreaterThanOrEqual(30);
    expect(pages.filter((p) => !p.about).length).toBeGreaterThanOrEqual(25);
    expect(new Set(pages.map((p) => p.id)).size).toBe(pages.length);
  });
});

describe.each(pages.filter((p) => p.about).map((p) => [p.id, p] as const))('about the attack: %s', (_id, page) => {
  (page.knownGap ? it.fails : it)('marks the expected names and nothing unrelated in its furniture', () => {
    const { texts, result, marked } = read(page);
    expect(result.about).toBe(true);
    for (const s of page.expect) expect(texts.some((t) => t.includes(s)), `"${s}" is on the page`).toBe(true);
    expect(page.expect.filter((s) => !marked(s))).toEqual([]);
    expect(page.forbid.filter((s) => marked(s))).toEqual([]);
  });
});

describe.each(pages.filter((p) => p.section).map((p) => [p.id, p] as const))('a section on the attack in a long page: %s', (_id, page) => {
  (page.knownGap ? it.fails : it)('marks the names in that section and none in passages far from it', () => {
    const { texts, marked } = read(page);
    for (const s of page.expect) expect(texts.some((t) => t.includes(s)), `"${s}" is on the page`).toBe(true);
    expect(page.expect.filter((s) => !marked(s))).toEqual([]);
    expect(page.forbid.filter((s) => marked(s))).toEqual([]);
  });
});

describe.each(pages.filter((p) => !p.about && !p.section).map((p) => [p.id, p] as const))('about something else: %s', (_id, page) => {
  // A page marked `knownGap` documents what the recognizer still gets wrong there; the test then must fail.
  (page.knownGap ? it.fails : it)('marks nothing in its own text but a passage about the attack (a sidebar item about it may be)', () => {
    const { texts, furniture, result, marked } = read(page);
    // `expect` lists, on such pages, the names in the one passage (a sentence, a teaser, a reply) about the attack.
    const passage = (b: number) => page.expect.some((s) => texts[b].includes(s));
    const own = result.mentions.filter((m) => !furniture[m.block] && !passage(m.block));
    expect(own.map((m) => `${m.text} «${texts[m.block].slice(0, 60)}»`)).toEqual([]);
    expect(page.forbid.filter((s) => marked(s, (b) => !furniture[b]))).toEqual([]);
  });
});
