/**
 * Property-based tests of the page adapter with the real recognizer and matcher table (fast-check, happy-dom):
 *
 * 1. What is recognized does not depend on how a text is split across text nodes and inline elements: the walk
 *    gives back the text exactly, and the mentions (text, entity, kind, offsets) equal those of the unsplit text;
 *    every mention's Range covers exactly its text.
 * 2. The page's DOM is byte for byte the same (body.innerHTML) while highlighted and after stop() with the
 *    Custom Highlight API (a fake registry), and after stop() in the wrapping fallback, where also every text node
 *    of the page is back in place with its text (frameworks hold references to them).
 * 3. Blocks longer than the recognizer's slice are recognized in parts with the same result as in one piece.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPackFile } from '@/lib/knowledge/load-node';
import { extractBlocks, segmentsOf, type TextBlock } from '@/lib/page/blocks';
import { createPageController, splitLongText, type PageController } from '@/lib/page/controller';
import { ENTITY_HIGHLIGHT, EVENT_HIGHLIGHT, MARK_TAG, createHighlighter } from '@/lib/page/highlighter';
import { rangeFor } from '@/lib/page/ranges';
import { compileMatcherTable } from '@/lib/recognize/compile';
import { quickCheck, recognizeBlocks } from '@/lib/recognize/recognize';
import type { MatcherTable } from '@/lib/recognize/table';
import type { BlockMention } from '@/lib/recognize/types';
import { FakeScheduler, fakeApi, settle } from '../page/helpers';
import { NEWS, PLAIN, appendParagraphs, buildPage, pageSpec, splitParagraphs, splitParagraphsWithHiddenText, textNodes, type Split } from './dom-gen';

let table: MatcherTable;
let controller: PageController | null = null;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

beforeAll(() => {
  table = compileMatcherTable(loadPackFile());
});

afterEach(() => {
  controller?.stop();
  controller = null;
  document.body.replaceChildren();
});

const key = (m: BlockMention) => ({ block: m.block, start: m.start, end: m.end, text: m.text, entity: m.entity, kind: m.kind, inner: !!m.inner });

async function runController(fallback: boolean) {
  const fake = fakeApi();
  const c = createPageController({
    root: document,
    table,
    recognize: recognizeBlocks,
    quickCheck,
    scheduler: new FakeScheduler(),
    highlighter: createHighlighter({ root: document, api: fake.api, mode: fallback ? 'fallback' : 'auto' }),
    log: () => {},
  });
  controller = c;
  c.start();
  await settle(1);
  await c.whenIdle();
  return { c, registry: fake.registry };
}

/** Builds the paragraphs as their splits say and walks them: one block per paragraph, its text exactly. */
function walkParagraphs(texts: readonly string[], splits: readonly Split[]): TextBlock[] {
  appendParagraphs(document, document.body, texts, splits);
  const blocks = extractBlocks(document.body);
  expect(blocks.map((b) => b.text)).toEqual(texts);
  return blocks;
}

describe('recognition does not depend on how the text is split across nodes', () => {
  it('walk + recognizer: the same blocks and mentions as the unsplit text; every range covers its mention', () => {
    fc.assert(
      fc.property(splitParagraphs, ([texts, splits]) => {
        const blocks = walkParagraphs(texts, splits);
        const split = recognizeBlocks(
          blocks.map((b) => b.text),
          table,
        );
        const whole = recognizeBlocks(texts, table);
        expect(split.about).toBe(whole.about);
        expect(split.mentions.map(key)).toEqual(whole.mentions.map(key));
        expect(whole.mentions.length).toBeGreaterThan(0);
        for (const m of split.mentions) {
          const range = rangeFor(blocks[m.block], m.start, m.end);
          expect(range?.toString()).toBe(m.text);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("the walk reads each block's text exactly, whatever hidden text lies between its nodes; offsets map 1:1", () => {
    fc.assert(
      fc.property(splitParagraphsWithHiddenText, ([texts, splits]) => {
        const blocks = walkParagraphs(texts, splits);
        for (const b of blocks) for (const s of segmentsOf(b)) expect(b.text.slice(s.start, s.start + s.node.length)).toBe(s.node.data);
      }),
      { numRuns: RUNS },
    );
  });

  it('the page adapter: the same mentions, split or not; each Range starts and ends where its text does', async () => {
    await fc.assert(
      fc.asyncProperty(splitParagraphs, async ([texts, splits]) => {
        // Unsplit: one text node per paragraph.
        document.body.replaceChildren(...texts.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
        const plain = await runController(false);
        const expected = plain.c.mentions().map(key);
        plain.c.stop();
        appendParagraphs(document, document.body, texts, splits);
        const { c } = await runController(false);
        expect(c.mentions().map(key)).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
        for (const m of c.mentions()) expect(m.range.toString()).toBe(m.text);
        c.stop();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the page is unchanged, byte for byte', () => {
  it('Custom Highlight API: body.innerHTML unchanged while highlighted and after stop(); registrations removed', async () => {
    await fc.assert(
      fc.asyncProperty(pageSpec, async (spec) => {
        buildPage(document, document.body, spec);
        const before = document.body.innerHTML;
        const nodes = textNodes(document.body);
        const { c, registry } = await runController(false);
        const painted = c.mentions().filter((m) => !m.inner);
        expect(painted.length).toBeGreaterThan(0);
        expect(document.body.innerHTML).toBe(before);
        expect((registry.get(EVENT_HIGHLIGHT)?.size ?? 0) + (registry.get(ENTITY_HIGHLIGHT)?.size ?? 0)).toBe(painted.length);
        // Never inside skipped regions (editors, scripts, hidden text).
        for (const m of painted) {
          const el = m.range.startContainer.parentElement!;
          expect(el.closest('textarea, script, [contenteditable], [role=textbox], [aria-hidden=true]')).toBeNull();
        }
        c.rescan();
        await settle(1);
        await c.whenIdle();
        expect(document.body.innerHTML).toBe(before);
        c.stop();
        expect(document.body.innerHTML).toBe(before);
        expect(registry.has(EVENT_HIGHLIGHT) || registry.has(ENTITY_HIGHLIGHT)).toBe(false);
        expect(textNodes(document.body).every((t, i) => t.node === nodes[i].node && t.data === nodes[i].data)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('wrapping fallback: body.innerHTML and every text node of the page restored after stop(), also after a rescan', async () => {
    await fc.assert(
      fc.asyncProperty(pageSpec, fc.boolean(), async (spec, rescan) => {
        buildPage(document, document.body, spec);
        const before = document.body.innerHTML;
        const nodes = textNodes(document.body);
        const { c } = await runController(true);
        expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
        // The text reads the same with the wrappers in.
        expect(document.body.textContent).toBe(nodes.map((t) => t.data).join(''));
        for (const m of c.mentions()) expect(m.range.toString()).toBe(m.text);
        if (rescan) {
          c.rescan();
          await settle(1);
          await c.whenIdle();
          expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0);
        }
        c.stop();
        expect(document.body.innerHTML).toBe(before);
        const after = textNodes(document.body);
        expect(after.length).toBe(nodes.length);
        // The page's own Text nodes, each where the page put it, with its text: references the page holds still work.
        after.forEach((t, i) => {
          expect(t.node).toBe(nodes[i].node);
          expect(t.data).toBe(nodes[i].data);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('long blocks are recognized in parts', () => {
  /** A paragraph of 10–40 KB: news and plain sentences repeated. */
  const longParagraph = fc
    .array(fc.constantFrom(...NEWS, ...PLAIN, ...PLAIN, ...PLAIN), { minLength: 8, maxLength: 20 })
    .chain((sentences) => fc.integer({ min: 10_000, max: 40_000 }).map((size) => {
      let text = '';
      for (let i = 0; text.length < size; i++) text += (text ? ' ' : '') + sentences[i % sentences.length];
      return text;
    }));

  it('splitLongText cuts between sentences, never loses or adds a character', () => {
    fc.assert(
      fc.property(longParagraph, fc.integer({ min: 256, max: 9000 }), (text, max) => {
        const parts = splitLongText(text, max, Math.min(1024, max >> 1));
        expect(parts.map(([, p]) => p).join('')).toBe(text);
        let at = 0;
        for (const [offset, part] of parts) {
          expect(offset).toBe(at);
          expect(part.length).toBeLessThanOrEqual(max);
          at += part.length;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the page adapter finds in a long block what the recognizer finds in it whole', async () => {
    await fc.assert(
      fc.asyncProperty(longParagraph, async (text) => {
        document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: `${NEWS[0]} ${text}` }));
        const whole = recognizeBlocks([`${NEWS[0]} ${text}`], table).mentions.map(key);
        const { c } = await runController(false);
        expect(c.mentions().map(key)).toEqual(whole);
      }),
      { numRuns: Math.max(10, RUNS >> 2) },
    );
  });
});
