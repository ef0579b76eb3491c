import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractBlocks } from '@/lib/page/blocks';
import {
  ENTITY_HIGHLIGHT,
  EVENT_HIGHLIGHT,
  MARK_LOOK_ATTR,
  MARK_TAG,
  highlightNames,
  createHighlighter,
  type HighlightItem,
} from '@/lib/page/highlighter';
import { piecesFor, rangeFromPieces, rangeValid } from '@/lib/page/ranges';
import { fakeApi, html } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

/** Items for every occurrence of each phrase, in the order the blocks give them. */
function itemsFor(phrases: Record<string, 'event' | 'entity'>, root: Node = document.body): HighlightItem[] {
  const out: HighlightItem[] = [];
  for (const block of extractBlocks(root)) {
    for (const [phrase, kind] of Object.entries(phrases)) {
      for (let at = block.text.indexOf(phrase); at >= 0; at = block.text.indexOf(phrase, at + 1)) {
        const pieces = piecesFor(block, at, at + phrase.length)!;
        out.push({ kind, pieces, range: rangeFromPieces(pieces), text: phrase });
      }
    }
  }
  return out;
}

const { event: EVENT_PLAIN_HIGHLIGHT, entity: ENTITY_PLAIN_HIGHLIGHT } = highlightNames('background');

describe('highlighter with the Custom Highlight API', () => {
  it('registers two named highlights and never touches the DOM', () => {
    html('<p>The <b>Crocus</b> City Hall attack; the FSB said</p>');
    const before = document.body.innerHTML;
    const { api, registry } = fakeApi();
    const h = createHighlighter({ root: document, api });
    expect(h.mode).toBe('api');
    expect(registry.size).toBe(0); // nothing registered before there is something to paint
    const items = itemsFor({ 'Crocus City Hall': 'event', FSB: 'entity' });
    h.add(items);
    expect(registry.get(EVENT_HIGHLIGHT)!.size).toBe(1);
    expect(registry.get(ENTITY_HIGHLIGHT)!.size).toBe(1);
    expect(registry.get(EVENT_HIGHLIGHT)!.priority).toBeGreaterThan(registry.get(ENTITY_HIGHLIGHT)!.priority);
    expect([...registry.get(EVENT_HIGHLIGHT)!][0]).toBe(items[0].range);
    expect(document.body.innerHTML).toBe(before);
    h.remove([items[1]]);
    expect(registry.get(ENTITY_HIGHLIGHT)!.size).toBe(0);
    expect(h.size).toBe(1);
    h.clear();
    expect(registry.has(EVENT_HIGHLIGHT)).toBe(false);
    expect(registry.has(ENTITY_HIGHLIGHT)).toBe(false);
    expect(document.body.innerHTML).toBe(before);
  });

  it('puts its highlights back when the page drops them, but gives up after maxRepairs', () => {
    html('<p>Crocus City Hall</p>');
    const { api, registry } = fakeApi();
    const log = vi.fn();
    const h = createHighlighter({ root: document, api, maxRepairs: 2, log });
    h.add(itemsFor({ 'Crocus City Hall': 'event' }));
    const ours = registry.get(EVENT_HIGHLIGHT);
    expect(h.ensureRegistered()).toBe(true); // nothing to repair
    registry.clear();
    expect(h.ensureRegistered()).toBe(true);
    expect(registry.get(EVENT_HIGHLIGHT)).toBe(ours);
    registry.set(EVENT_HIGHLIGHT, new (ours!.constructor as new () => never)()); // the page takes our name
    expect(h.ensureRegistered()).toBe(true);
    expect(registry.get(EVENT_HIGHLIGHT)).toBe(ours);
    registry.clear();
    expect(h.ensureRegistered()).toBe(false);
    expect(registry.has(EVENT_HIGHLIGHT)).toBe(false);
    expect(h.ensureRegistered()).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('moves its highlights to the plain (background) names and keeps them there (repairs, clear)', () => {
    html('<p>The Crocus City Hall attack; the FSB said</p>');
    const { api, registry } = fakeApi();
    const h = createHighlighter({ root: document, api });
    h.add(itemsFor({ 'Crocus City Hall': 'event' }));
    const event = registry.get(EVENT_HIGHLIGHT);
    h.setPlain(true);
    // The same highlights, with their ranges, under the plain names only.
    expect(registry.get(EVENT_PLAIN_HIGHLIGHT)).toBe(event);
    expect(registry.has(EVENT_HIGHLIGHT)).toBe(false);
    expect(registry.has(ENTITY_HIGHLIGHT)).toBe(false);
    expect(registry.get(ENTITY_PLAIN_HIGHLIGHT)!.size).toBe(0);
    h.add(itemsFor({ FSB: 'entity' }));
    expect(registry.get(ENTITY_PLAIN_HIGHLIGHT)!.size).toBe(1);
    expect(registry.get(EVENT_PLAIN_HIGHLIGHT)!.size).toBe(1);
    registry.clear();
    expect(h.ensureRegistered()).toBe(true);
    expect(registry.get(EVENT_PLAIN_HIGHLIGHT)).toBe(event);
    expect(registry.has(EVENT_HIGHLIGHT)).toBe(false);
    h.setPlain(false);
    expect(registry.get(EVENT_HIGHLIGHT)).toBe(event);
    expect(registry.has(EVENT_PLAIN_HIGHLIGHT)).toBe(false);
    h.setPlain(true);
    h.clear();
    expect(registry.size).toBe(0);
  });

  it('registers under the plain names from the start when told before the first highlight', () => {
    html('<p>Crocus City Hall</p>');
    const { api, registry } = fakeApi();
    const h = createHighlighter({ root: document, api });
    h.setPlain(true);
    expect(registry.size).toBe(0);
    h.add(itemsFor({ 'Crocus City Hall': 'event' }));
    expect([...registry.keys()].sort()).toEqual([ENTITY_PLAIN_HIGHLIGHT, EVENT_PLAIN_HIGHLIGHT]);
  });

  it('adopts the highlight stylesheet once per document and removes it on clear', () => {
    html('<p>Crocus City Hall</p>');
    const { api } = fakeApi();
    const h = createHighlighter({ root: document, api });
    h.add(itemsFor({ 'Crocus City Hall': 'event' }));
    expect(document.adoptedStyleSheets.length).toBe(1);
    h.add(itemsFor({ 'Crocus City Hall': 'event' }));
    expect(document.adoptedStyleSheets.length).toBe(1);
    h.clear();
    expect(document.adoptedStyleSheets.length).toBe(0);
  });
});

describe('fallback highlighter (no Custom Highlight API)', () => {
  const markup =
    '<div class="x">\n  <p>Crocus City Hall, then <b>Crocus</b> City <i>Hall</i> again &amp; Crocus City Hall.</p>\n' +
    '  <p>FSB and FSB: Crocus City Hall</p><p>Crocus City Hall</p>\n</div>';

  it('is chosen automatically where CSS.highlights is missing', () => {
    expect('highlights' in CSS).toBe(false);
    expect(createHighlighter({ root: document }).mode).toBe('fallback');
  });

  it('wraps mentions in <crocus-mark> and restores the DOM byte for byte', () => {
    html(markup);
    const before = document.body.innerHTML;
    const firstText = document.querySelector('p')!.firstChild;
    const h = createHighlighter({ root: document });
    const items = itemsFor({ 'Crocus City Hall': 'event', FSB: 'entity' });
    expect(items.length).toBe(7);
    h.add(items);
    const marks = document.querySelectorAll(MARK_TAG);
    // One mark per text-node piece: the split mention has three.
    expect(marks.length).toBe(9);
    expect([...marks].map((m) => m.getAttribute('data-crocus-kind'))).toContain('entity');
    // Ranges now cover the wrapped text and stay valid.
    for (const item of items) {
      expect(item.range.toString()).toBe(item.text);
      expect(rangeValid(item.range, item.pieces, item.text)).toBe(true);
    }
    // The page's own first text node stays where the page put it.
    expect(firstText!.parentNode).toBe(document.querySelector('p'));
    h.clear();
    expect(document.querySelectorAll(MARK_TAG).length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('p')!.firstChild).toBe(firstText);
    expect(document.querySelector('p')!.childNodes.length).toBe(5);
  });

  it('restores exactly after removing items one by one in any order', () => {
    html(markup);
    const before = document.body.innerHTML;
    const h = createHighlighter({ root: document });
    const items = itemsFor({ 'Crocus City Hall': 'event', FSB: 'entity' });
    h.add(items);
    for (const i of [3, 0, 5, 1, 6, 2, 4]) h.remove([items[i]]);
    expect(document.body.innerHTML).toBe(before);
    // Every text node is back to its original count.
    expect(document.querySelectorAll('p')[1].childNodes.length).toBe(1);
  });

  it('restores exactly after add, partial remove, add again, clear', () => {
    html(markup);
    const before = document.body.innerHTML;
    const h = createHighlighter({ root: document });
    const first = itemsFor({ 'Crocus City Hall': 'event' });
    h.add(first);
    h.remove(first.slice(0, 2));
    // A second scan sees our split nodes; wrapping them again must still restore cleanly.
    const fsb = itemsFor({ FSB: 'entity' });
    h.add(fsb);
    h.clear();
    expect(document.body.innerHTML).toBe(before);
  });

  it('restores inside shadow roots too', () => {
    html('<div id="h"></div>');
    const sr = document.getElementById('h')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>In the shadow: Crocus City Hall.</p>';
    const before = sr.innerHTML;
    const h = createHighlighter({ root: document });
    h.add(itemsFor({ 'Crocus City Hall': 'event' }));
    expect(sr.querySelectorAll(MARK_TAG).length).toBe(1);
    h.clear();
    expect(sr.innerHTML).toBe(before);
  });

  it('survives the page removing a wrapped node before clear', () => {
    html('<p>Crocus City Hall</p><p>and Crocus City Hall</p>');
    const h = createHighlighter({ root: document });
    h.add(itemsFor({ 'Crocus City Hall': 'event' }));
    document.querySelectorAll('p')[0].remove();
    const rest = '<p>and Crocus City Hall</p>';
    h.clear();
    expect(document.body.innerHTML).toBe(rest);
  });
});

describe('highlight styles', () => {
  it('paints each look under its own names, switching by moving the highlights, never by a stylesheet', () => {
    html('<p>The Crocus City Hall attack; the FSB said</p>');
    const { api, registry } = fakeApi();
    const h = createHighlighter({ root: document, api, style: 'background' });
    h.add(itemsFor({ 'Crocus City Hall': 'event', FSB: 'entity' }));
    const background = highlightNames('background');
    expect([...registry.keys()].sort()).toEqual([background.entity, background.event].sort());
    const event = registry.get(background.event);
    const sheets = document.adoptedStyleSheets.length;
    h.setStyle('outline');
    const outline = highlightNames('outline');
    expect([...registry.keys()].sort()).toEqual([outline.entity, outline.event].sort());
    expect(registry.get(outline.event)).toBe(event);
    expect(registry.get(outline.entity)!.size).toBe(1);
    // A very long page stays plain whatever the look; back to the look once it is not.
    h.setPlain(true);
    expect(registry.get(background.event)).toBe(event);
    h.setStyle('underline');
    expect(registry.get(background.event)).toBe(event);
    h.setPlain(false);
    expect([...registry.keys()].sort()).toEqual([ENTITY_HIGHLIGHT, EVENT_HIGHLIGHT]);
    // The stylesheet (highlight.css, here adopted because the test document lacks it) was never added again.
    expect(document.adoptedStyleSheets.length).toBe(sheets);
  });

  it('gives the wrappers of the fallback their look as an attribute', () => {
    html('<p>The Crocus City Hall attack</p>');
    const h = createHighlighter({ root: document, style: 'outline' });
    h.add(itemsFor({ 'Crocus City Hall': 'event' }));
    const mark = () => document.querySelector(MARK_TAG)!;
    expect(mark().getAttribute(MARK_LOOK_ATTR)).toBe('outline');
    h.setStyle('underline');
    expect(mark().hasAttribute(MARK_LOOK_ATTR)).toBe(false);
    h.setStyle('background');
    expect(mark().getAttribute(MARK_LOOK_ATTR)).toBe('background');
    h.clear();
    expect(document.body.innerHTML).toBe('<p>The Crocus City Hall attack</p>');
  });

  it('restyles only our own highlight names and our own element, every look, with dark-scheme variants', () => {
    // vitest blanks CSS imports (even ?raw), so the file itself is read here; the build inlines it.
    const file = readFileSync(join(process.cwd(), 'lib/page/highlight.css'), 'utf8');
    for (const look of ['underline', 'background', 'outline'] as const) {
      const { event, entity } = highlightNames(look);
      expect(file).toContain(`::highlight(${event})`);
      expect(file).toContain(`::highlight(${entity})`);
    }
    expect(file).toContain('prefers-color-scheme: dark');
    const css = file.replace(/\/\*[\s\S]*?\*\//g, '');
    // Every selector: ::highlight(crocus-…) or crocus-mark (inside @media blocks too).
    const selectors = [...css.matchAll(/([^{}@;]+)\{[^{}]*\}/g)].map((m) => m[1].trim()).filter(Boolean);
    expect(selectors.length).toBeGreaterThan(8);
    for (const sel of selectors.flatMap((x) => x.split(',').map((y) => y.trim()))) {
      expect(sel).toMatch(/^(::highlight\(crocus-(event|entity)(-background|-outline)?\)|::highlight\(crocus-claim\)|crocus-mark(\[data-crocus-look(='(background|outline)')?\])?(\[data-crocus-kind(='(event|entity)')?\])?)$/);
    }
  });
});

describe('highlight colours', () => {
  const lum = ([r, g, b]: number[]) => {
    const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a: number[], b: number[]) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };

  it('underlines keep 3:1 contrast on white and on near-black pages', () => {
    const file = readFileSync(join(process.cwd(), 'lib/page/highlight.css'), 'utf8');
    const colours = [...file.matchAll(/text-decoration(?:-color)?:[^;]*rgb\((\d+) (\d+) (\d+)\)/g)].map((m) => m.slice(1, 4).map(Number));
    expect(colours.length).toBeGreaterThanOrEqual(4);
    for (const c of colours) {
      expect(contrast(c, [255, 255, 255])).toBeGreaterThanOrEqual(3);
      expect(contrast(c, [18, 18, 18])).toBeGreaterThanOrEqual(3);
    }
  });
});
