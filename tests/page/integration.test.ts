/**
 * The page adapter with the real recognizer and the real matcher table compiled from the knowledge pack.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadPackFile } from '@/lib/knowledge/load-node';
import { createPageController, type PageController } from '@/lib/page/controller';
import { ENTITY_HIGHLIGHT, EVENT_HIGHLIGHT, MARK_TAG, createHighlighter } from '@/lib/page/highlighter';
import { compileMatcherTable } from '@/lib/recognize/compile';
import { quickCheck, recognizeLoose } from '@/lib/recognize/recognize';
import type { MatcherTable } from '@/lib/recognize/table';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FakeScheduler, fakeApi, settle } from './helpers';

let table: MatcherTable;
let controller: PageController | null = null;

beforeAll(() => {
  table = compileMatcherTable(loadPackFile());
});

afterEach(() => {
  controller?.stop();
  controller = null;
  document.body.innerHTML = '';
});

/** The seed article as a news page body: headline and one paragraph per blank-line-separated block. */
function seedBody(): string {
  const dir = join(process.cwd(), 'seeds');
  const text = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.txt'))!), 'utf8')
    .trim()
    .replace(/^\s*date\s+\S+\s*/, '');
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return `<header><h1>Russian authorities say the Islamic State is behind the <b>Crocus</b> City Hall attack</h1></header>\n<article>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>`;
}

async function run(markup: string, fallback = false) {
  document.body.innerHTML = markup;
  const fake = fakeApi();
  // As the background answers: names that need context nearby come loose; the controller decides over the page.
  const recognize = vi.fn(recognizeLoose);
  const scheduler = new FakeScheduler();
  const c = createPageController({
    root: document,
    table,
    recognize,
    quickCheck,
    scheduler,
    highlighter: createHighlighter({ root: document, api: fake.api, mode: fallback ? 'fallback' : 'auto' }),
  });
  controller = c;
  c.start();
  await settle();
  await c.whenIdle();
  return { c, recognize, registry: fake.registry, scheduler };
}

describe('page adapter + real recognizer', () => {
  it('highlights the seed article (UNN, 24 May 2024)', async () => {
    const { c, registry } = await run(seedBody());
    const mentions = c.mentions();
    expect(c.about).toBe(true);
    const venue = mentions.filter((m) => m.entity === 'crocus-city-hall');
    expect(venue.length).toBeGreaterThanOrEqual(2);
    expect(venue.every((m) => m.range.toString() === m.text)).toBe(true);
    // The headline's name spans <b>Crocus</b> and the text after it: one mention over two text nodes.
    expect(venue.some((m) => m.range.startContainer !== m.range.endContainer)).toBe(true);
    expect(mentions.some((m) => m.entity === 'bortnikov')).toBe(true);
    expect(mentions.some((m) => m.entity === 'fsb')).toBe(true);
    expect(registry.get(EVENT_HIGHLIGHT)!.size).toBeGreaterThanOrEqual(venue.length);
    // Every mention's range covers exactly its text in the page.
    for (const m of mentions) expect(c.rangeOf(m.index)!.toString().replace(/\s+/g, ' ')).toBe(m.text.replace(/\s+/g, ' '));
  });

  it('shows names near what the page says about the attack only, and a far one once text about it is added next to it', async () => {
    const filler = (i: number) => `<p>Council notes ${i}: the bus timetable changes on Monday and the park reopens.</p>`;
    const { c, registry, scheduler } = await run(
      `<p>Gunmen killed 145 people at Crocus City Hall on 22 March 2024.</p><p>The FSB detained four suspects.</p>${[1, 2, 3, 4, 5, 6].map(filler).join('')}` +
        '<p id="far">Dmitry Peskov spoke to reporters about the budget.</p>',
    );
    const entities = () => c.mentions().map((m) => m.entity);
    expect(entities()).toEqual(expect.arrayContaining(['crocus-city-hall', 'fsb']));
    expect(entities()).not.toContain('peskov');
    const painted = registry.get(ENTITY_HIGHLIGHT)!.size;
    const p = document.createElement('p');
    p.textContent = 'He was asked about the victims of the attack.';
    document.getElementById('far')!.after(p);
    await settle();
    await scheduler.advance(400);
    await c.whenIdle();
    expect(entities()).toContain('peskov');
    expect(registry.get(ENTITY_HIGHLIGHT)!.size).toBe(painted + 1);
    p.remove();
    await settle();
    await scheduler.advance(400);
    await c.whenIdle();
    expect(entities()).not.toContain('peskov');
    expect(registry.get(ENTITY_HIGHLIGHT)!.size).toBe(painted);
  });

  it('reads menus, sidebars and footers item by item: only an item that names the attack shows its names', async () => {
    const article = (body: string) =>
      `<nav><a>Moscow</a> <a>World</a></nav><article><h1>Twenty years after Beslan</h1>${body}</article>` +
      '<aside><h2>Most read</h2><ul><li>Crocus City Hall attack: Putin blames Ukraine, IS-K claimed it</li>' +
      '<li>Putin sworn in for a fifth term</li><li>Planting crocus corms before the frost</li></ul></aside>' +
      '<footer>Tags: FSB, Moscow, Kremlin</footer>';
    // An article about another attack, with a sidebar headline about this one: only the headline is marked.
    const other = await run(
      article(
        '<p>On 1 September 2004 gunmen seized a school in Beslan; 334 hostages were killed when Russian forces stormed it.</p>' +
          '<p>Vladimir Putin ordered an inquiry; the FSB led the operation in Moscow and Beslan.</p>',
      ),
    );
    const shown = (c: PageController) => c.mentions().map((m) => `${m.entity}@${(c.rangeOf(m.index)!.startContainer.parentElement!.closest('li, p, nav, footer, h1') as Element).localName}`);
    expect(shown(other.c)).toEqual(expect.arrayContaining(['crocus-attack@li', 'putin@li', 'isis-k@li']));
    expect(shown(other.c).filter((s) => !s.endsWith('@li'))).toEqual([]);
    // Nothing from the unrelated items either.
    expect(other.c.mentions().filter((m) => m.text === 'Putin')).toHaveLength(1);
    expect(other.c.mentions().some((m) => /crocus corms/i.test(m.text) || m.text === 'crocus')).toBe(false);
    other.c.stop();
    // An article about this attack: its own names are marked, the sidebar's other items and the footer are not.
    const about = await run(
      article('<p>Gunmen killed 145 people at Crocus City Hall on 22 March 2024.</p><p>Vladimir Putin spoke of the FSB inquiry in Moscow.</p>'),
    );
    const own = shown(about.c);
    expect(own).toEqual(expect.arrayContaining(['crocus-city-hall@p', 'putin@p', 'fsb@p', 'moscow@p', 'crocus-attack@li']));
    expect(own.filter((s) => /@(nav|footer)$/.test(s))).toEqual([]);
    expect(about.c.mentions().filter((m) => m.text === 'Putin')).toHaveLength(1);
    expect(about.registry.get(ENTITY_HIGHLIGHT)!.size).toBe(about.c.mentions().filter((m) => m.kind !== 'event' && m.kind !== 'venue' && !m.inner).length);
    about.c.stop();
    // A story set at the venue before the attack: its venue and places stay unmarked, the sidebar item is marked.
    const pageant = await run(article('<p>Miss Universe 2013 was crowned at Crocus City Hall near Moscow on 9 November 2013.</p>'));
    expect(shown(pageant.c).filter((s) => !s.endsWith('@li'))).toEqual([]);
    expect(shown(pageant.c)).toContain('crocus-attack@li');
  });

  it('leaves a page about crocus flowers alone', async () => {
    const { c, registry } = await run(
      '<h1>Crocus care</h1><p>Crocus flowers bloom in early spring. Plant crocus corms in autumn, about 8 cm deep.</p>' +
        '<p>Saffron comes from the crocus flower.</p>',
    );
    expect(c.mentions()).toEqual([]);
    expect(registry.size).toBe(0);
  });

  it('never calls the recognizer on a page without a candidate', async () => {
    const { c, recognize } = await run('<h1>Weather</h1><p>Sunny spells, light wind from the west.</p>');
    expect(c.state).toBe('idle');
    expect(recognize).not.toHaveBeenCalled();
  });

  it('restores the seed article byte for byte in the wrapping fallback', async () => {
    const markup = seedBody();
    const { c } = await run(markup, true);
    expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(3);
    const before = markup;
    c.stop();
    expect(document.body.innerHTML).toBe(before);
  });
});
