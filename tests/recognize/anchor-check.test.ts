// @vitest-environment node
/**
 * The sentinel's first question (entrypoints/sentinel.ts → background): does any piece of the page's text around a
 * quick match hold a name that can anchor the page? "No" means the page script is never injected, so it must never
 * be "no" on a page the recognizer would find about the attack — checked on the whole corpus, with the page's text
 * read as the sentinel reads it (`textContent`: blocks run together without a separator).
 */
import { describe, expect, it } from 'vitest';
import { hasAnchor, recognizePage } from '../../lib/recognize/recognize';
import { quickWindows, quickWindowsPattern } from '../../lib/recognize/quick';
import { blocksOf, loadPages, realTable } from './support';

const table = realTable();
const quickAll = quickWindowsPattern(table.quick!);
/** What the background answers for a page text: anchor found, or the pieces could not cover every match. */
const mayBeAbout = (text: string) => {
  const w = quickWindows(text, quickAll, 64);
  return !w.complete || hasAnchor(w.windows, table);
};

describe('quickWindows', () => {
  const filler = (n: number) => 'The council met on Tuesday to discuss the budget. '.repeat(n);

  it('cuts a few hundred characters around each match, merging close ones', () => {
    const text = `${filler(40)}Gunmen attacked Crocus City Hall near Moscow. ${filler(40)}Shoigu spoke in Moscow. ${filler(40)}`;
    const { windows, complete } = quickWindows(text, quickAll, 8);
    expect(complete).toBe(true);
    expect(windows).toHaveLength(2);
    expect(windows[0]).toContain('Gunmen attacked Crocus City Hall near Moscow.');
    expect(windows[1]).toContain('Shoigu spoke in Moscow.');
    expect(windows.every((w) => w.length < 1_000)).toBe(true);
  });

  it('finds nothing in text without a match, and says when it stopped early', () => {
    expect(quickWindows(filler(100), quickAll, 8)).toEqual({ windows: [], complete: true });
    const many = Array.from({ length: 20 }, () => `${filler(20)}Moscow`).join(' ');
    const capped = quickWindows(many, quickAll, 5);
    expect(capped).toMatchObject({ complete: false });
    expect(capped.windows).toHaveLength(5);
  });

  it('reads through characters the recognizer ignores (soft hyphens), also after a match without them', () => {
    const { windows } = quickWindows(`${filler(10)}the attack on Cro\u00adcus City Hall`, quickAll, 8);
    expect(windows).toHaveLength(1);
    expect(windows[0]).toContain('Crocus City Hall');
    const both = quickWindows(`Snow in Moscow. ${filler(20)}Теракт в «Кро\u00adкус Сити Холле»`, quickAll, 8).windows;
    expect(both).toHaveLength(2);
    expect(both[1]).toContain('Крокус Сити Холле');
  });
});

describe('hasAnchor', () => {
  const pages = loadPages();

  it('never says no to a corpus page about the attack, however its blocks run together', () => {
    const lost: string[] = [];
    for (const page of pages) {
      const blocks = blocksOf(page.text);
      if (!recognizePage(blocks, table).about) continue;
      for (const joined of [blocks.join(''), blocks.join('\n')]) if (!mayBeAbout(joined)) lost.push(page.id);
    }
    expect(lost).toEqual([]);
  });

  it('finds names glued to the text before them (a heading run into the next block)', () => {
    expect(hasAnchor(quickWindows('World newsGunmen opened fire at Crocus City Hall', quickAll, 8).windows, table)).toBe(true);
    expect(hasAnchor(quickWindows('НовостиТеракт в «Крокус Сити Холле»', quickAll, 8).windows, table)).toBe(true);
  });

  it('says no to text that only names Moscow or a concert', () => {
    for (const text of [
      'Moscow weather: snow expected on Tuesday. The Bolshoi announced its spring concert season.',
      'Концерт в Москве перенесли на субботу из-за погоды.',
      'Das Konzert in Moskau wurde abgesagt.',
    ]) {
      expect(mayBeAbout(text), text).toBe(false);
    }
    // "Crocus" alone may be the venue's short name: only the page's full gating (cues anywhere) can rule it out.
    expect(mayBeAbout('Crocus flowers are among the first to bloom. Plant crocus corms in autumn.')).toBe(true);
  });

  it('spares the page script most confusable corpus pages', () => {
    const negatives = pages.filter((p) => !p.about && !recognizePage(blocksOf(p.text), table).about);
    const spared = negatives.filter((p) => !mayBeAbout(blocksOf(p.text).join('')));
    expect(negatives.length).toBeGreaterThan(30);
    // Measured: 40 of 72. The rest name the venue or the event (concert listings, other attacks) and need the
    // recognizer's full gating.
    expect(spared.length / negatives.length).toBeGreaterThan(0.4);
  });
});
