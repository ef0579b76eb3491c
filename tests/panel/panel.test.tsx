/** The side panel app rendered with the real pack: each section, the entity focus, keyboard use, the overlay. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from '@/components/panel/PanelApp';
import { openedParams, readPanelParams } from '@/components/panel/params';
import { currentCasualtyFigure, displayName, indexPack } from '@/lib/knowledge/load';
import { byRole, byText, choose, click, fakeApi, key, mount, realPack, SEED_CONTEXT, settle, text, unmountAll } from './support';

const pack = realPack();
const idx = indexPack(pack);
const entityName = (id: string) => idx.entities.get(id)?.name ?? id;

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const panel = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`#panel-${id}`)!;

/** Selects a section's tab (its content is rendered on first selection) and returns its panel. */
async function section(root: HTMLElement, id: string): Promise<HTMLElement> {
  await click(root.querySelector(`#tab-${id}`));
  return panel(root, id);
}

describe('Summary', () => {
  it('shows the current casualty figure with its publisher and date, and the pack date', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const summary = panel(root, 'summary');
    expect(summary.hidden).toBe(false);
    const current = currentCasualtyFigure(pack);
    const line = text(summary.querySelector('#current-figure'));
    expect(line).toContain(`${current.dead} dead`);
    expect(line).toContain(`${current.injured} injured`);
    expect(line).toContain(displayName(pack, current.publishedBy));
    expect(text(root.querySelector('header'))).toMatch(/current as of/);
  });

  it('lists the whole figure history as a table, the current row marked in text and aria-current', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const table = panel(root, 'summary').querySelector('table')!;
    expect(table.querySelector('caption')).not.toBeNull();
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col']);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows.length).toBe(pack.event.casualties.length);
    const marked = table.querySelectorAll('tr[aria-current="true"]');
    expect(marked.length).toBe(1);
    expect(marked[0]!.id).toBe(`figure-${pack.event.currentCasualtyFigure}`);
    expect(text(marked[0])).toContain('Current figure');
    // Every row cites its sources with links.
    for (const row of rows) expect(row.querySelectorAll('a[href^="https://"]').length).toBeGreaterThan(0);
  });

  it('shows its first screen at once and the rest after the first paint, even in a document that gets no frames', async () => {
    // No animation frames, as in a hidden document: the fallback timer must still render the rest.
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const container = document.createElement('div');
    document.body.append(container);
    try {
      await act(() => {
        render(<PanelApp pack={pack} api={fakeApi()} />, container);
      });
      const summary = panel(container, 'summary');
      expect(text(summary.querySelector('#current-figure'))).toContain(`${currentCasualtyFigure(pack).dead} dead`);
      expect(summary.querySelector('table')).toBeNull();
      await act(() => new Promise((r) => setTimeout(r, 300)));
      expect(summary.querySelectorAll('tbody tr').length).toBe(pack.event.casualties.length);
      expect(summary.querySelector('#summary-perpetrators')).not.toBeNull();
    } finally {
      render(null, container);
      container.remove();
    }
  });
});

describe('Attributions', () => {
  it('groups C01 under Islamic State / claimed responsibility', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const group = (await section(root, 'attributions')).querySelector<HTMLDetailsElement>('#attr-islamic-state-claimed-responsibility')!;
    expect(text(group.querySelector('summary h3'))).toBe(`${entityName('islamic-state')} — claimed responsibility`);
    const c01 = pack.claims.find((c) => c.id === 'C01')!;
    expect(byText(group, c01.statement.slice(0, 60)).length).toBeGreaterThan(0);
  });

  it("shows C24 under the FSB director's allegations: GUR named as sponsor, claimed by Bortnikov of the FSB", async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const group = (await section(root, 'attributions')).querySelector<HTMLDetailsElement>('#attr-gur-sponsor')!;
    expect(text(group.querySelector('summary h3'))).toBe(`${entityName('gur')} — named as sponsor or beneficiary`);
    const c24 = pack.claims.find((c) => c.id === 'C24')!;
    const claim = byText(group, c24.statement.slice(0, 60))[0]!.closest('article')!;
    const head = text(claim.querySelector('h4'));
    expect(head).toContain(entityName('bortnikov'));
    expect(head).toContain(entityName('fsb'));
    expect(claim.querySelector('time')?.getAttribute('datetime')).toBe(c24.when.date);
    expect(claim.querySelectorAll('.refs a').length).toBe(c24.sources.filter((s) => idx.sources.has(s)).length);
  });
});

describe('Timeline', () => {
  it('narrows the entries to one actor and says how many are shown', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const timeline = await section(root, 'timeline');
    const all = timeline.querySelectorAll('li.entry').length;
    expect(all).toBe(pack.timeline.length);
    await choose(timeline.querySelector<HTMLSelectElement>('#filter-actor'), 'bortnikov');
    const expected = pack.timeline.filter((e) => e.actors.includes('bortnikov'));
    const shown = [...timeline.querySelectorAll('li.entry')].map((li) => li.id);
    expect(shown).toEqual(expected.map((e) => `timeline-${e.id}`));
    expect(shown.length).toBeLessThan(all);
    expect(text(timeline.querySelector('[role="status"]'))).toBe(`Showing ${expected.length} of ${pack.timeline.length} events`);
    await choose(timeline.querySelector<HTMLSelectElement>('#filter-type'), 'court');
    expect(timeline.querySelectorAll('li.entry').length).toBe(expected.filter((e) => e.type === 'court').length);
    await click(byRole(timeline, 'button', 'Clear filters')[0]);
    expect(timeline.querySelectorAll('li.entry').length).toBe(all);
  });

  it('places "published here" after the entries of the publication day and before the next, and counts what came since', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi(SEED_CONTEXT)} />);
    const timeline = await section(root, 'timeline');
    const marker = timeline.querySelector<HTMLElement>('#published-marker')!;
    expect(text(marker)).toMatch(/^This article was published here \(May 24, 2024\)$/);
    const before = marker.previousElementSibling?.querySelector('time')?.getAttribute('datetime');
    const after = marker.nextElementSibling?.querySelector('time')?.getAttribute('datetime');
    expect(before).toBe('2024-05-24');
    expect(after).toBe('2024-06');
    // "since": entries whose earliest possible day is after 24 May 2024.
    const start = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
    const since = pack.timeline.filter((e) => start(e.when.date) > '2024-05-24').length;
    const note = byRole(timeline, 'button', /events since this article/)[0]!;
    expect(text(note)).toBe(`${since} events since this article (published May 24, 2024)`);
    await click(note);
    expect(document.activeElement).toBe(marker);
  });

  it('has no marker without a page date', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi({ ...SEED_CONTEXT, published: undefined })} />);
    expect(root.querySelector('#published-marker')).toBeNull();
  });
});

describe('Conflicts', () => {
  it('shows both sides of X01 with their claimants, styled alike', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const x01 = pack.conflicts.find((x) => x.id === 'X01')!;
    const article = (await section(root, 'conflicts')).querySelector<HTMLElement>('#conflict-X01')!;
    expect(text(article.querySelector('h3'))).toContain(x01.subject);
    const sides = [...article.querySelectorAll<HTMLElement>('.sides > .side')];
    expect(sides.length).toBe(x01.sides.length);
    expect(new Set(sides.map((s) => s.className)).size).toBe(1);
    sides.forEach((side, i) => {
      const spec = x01.sides[i]!;
      expect(text(side.querySelector('.position'))).toBe(spec.position);
      const claimants = [...side.querySelectorAll('.claimant')].map((el) => text(el));
      for (const id of spec.claims) expect(claimants).toContain(entityName(idx.claims.get(id)!.claimant));
      expect(side.querySelectorAll('article.claim').length).toBe(spec.claims.length);
    });
    expect(text(sides[0])).toContain(entityName('islamic-state'));
    expect(text(sides[1])).toContain(entityName('putin'));
  });

  it('lists the discrepancies with who reported each variant', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const d1 = pack.discrepancies[0]!;
    const article = (await section(root, 'conflicts')).querySelector<HTMLElement>(`#discrepancy-${d1.id}`)!;
    expect(article.querySelectorAll('li.variant').length).toBe(d1.variants.length);
    expect(text(article)).toContain(`Reported by ${d1.variants[0]!.reportedBy}`);
  });
});

describe('Sources', () => {
  it('links every source over https, in a new tab, with rel="noopener noreferrer"', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    for (const id of ['attributions', 'timeline', 'conflicts', 'sources', 'page']) await section(root, id);
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => !a.classList.contains('skip-link'));
    expect(links.length).toBeGreaterThan(pack.sources.length);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect((await section(root, 'sources')).querySelectorAll('li.source').length).toBe(pack.sources.length);
  });

  it('names the original outlet first, and the title in its own language', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const s = pack.sources.find((x) => x.originalOutlet && x.originalOutlet !== x.publisher)!;
    const li = (await section(root, 'sources')).querySelector(`#source-${s.id}`)!;
    expect(text(li.querySelector('.source-outlet strong'))).toBe(`${s.originalOutlet}, via ${s.publisher}`);
    const ru = pack.sources.find((x) => x.language === 'ru' && !x.titleIsDescription)!;
    expect((await section(root, 'sources')).querySelector(`#source-${ru.id} [lang="ru"]`)).not.toBeNull();
  });

  it('filters the list by a search term', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const input = (await section(root, 'sources')).querySelector<HTMLInputElement>('#sources-filter')!;
    input.value = 'Reuters';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await click(document.body);
    const shown = (await section(root, 'sources')).querySelectorAll('li.source').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(pack.sources.length);
  });
});

describe('Mentions on this page', () => {
  it('lists the mentions as buttons that ask the page to reveal the right one', async () => {
    const api = fakeApi(SEED_CONTEXT);
    const root = await mount(<PanelApp pack={pack} api={api} params={readPanelParams('?overlay=1&tab=7')} />);
    expect(api.pageContext).toHaveBeenCalledWith(7);
    expect(text(root.querySelector('#tab-page'))).toBe('Mentions (3)');
    const buttons = (await section(root, 'page')).querySelectorAll<HTMLButtonElement>('button.mention');
    expect(buttons.length).toBe(3);
    expect(text(buttons[1])).toContain(entityName('bortnikov'));
    await click(buttons[1]);
    expect(api.reveal).toHaveBeenCalledWith(1, 7);
    expect(text((await section(root, 'page')).querySelector('[aria-live="polite"]'))).toBe('Shown on the page: Bortnikov');
    api.reveal.mockResolvedValueOnce(false);
    await click(buttons[2]);
    expect(api.reveal).toHaveBeenLastCalledWith(2, 7);
    expect(text((await section(root, 'page')).querySelector('[aria-live="polite"]'))).toMatch(/Could not show this mention/);
  });

  it('shows a clear empty state when there is no page context', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi(null)} />);
    const page = await section(root, 'page');
    expect(page.querySelectorAll('button.mention').length).toBe(0);
    expect(text(page)).toContain('Nothing to show for the current tab.');
  });

  it('treats a failing background as no context', async () => {
    const api = fakeApi();
    api.pageContext.mockRejectedValue(new Error('no listener'));
    const root = await mount(<PanelApp pack={pack} api={api} />);
    expect(text((await section(root, 'page')))).toContain('Nothing to show for the current tab.');
  });

  it('says when the page has no mentions, and refreshes on request', async () => {
    const api = fakeApi({ ...SEED_CONTEXT, mentions: [] });
    const root = await mount(<PanelApp pack={pack} api={api} />);
    expect(text((await section(root, 'page')))).toContain('No mentions found on this page.');
    api.pageContext.mockResolvedValue(SEED_CONTEXT);
    await click(byRole((await section(root, 'page')), 'button', 'Refresh')[0]);
    expect((await section(root, 'page')).querySelectorAll('button.mention').length).toBe(3);
  });

  it('follows the active tab in the native panel', async () => {
    let changed: (() => void) | undefined;
    const api = { ...fakeApi(null), watchTabs: vi.fn((cb: () => void) => ((changed = cb), () => undefined)) };
    const root = await mount(<PanelApp pack={pack} api={api} />);
    expect(api.watchTabs).toHaveBeenCalledTimes(1);
    api.pageContext.mockResolvedValue(SEED_CONTEXT);
    changed?.();
    await click(document.body);
    expect((await section(root, 'page')).querySelectorAll('button.mention').length).toBe(3);
  });
});

describe('reading history', () => {
  it('says on how many pages the reader has met the story', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi(null, { pages: 4, sites: 2, firstSeen: '2024-05-24T10:00:00Z' })} />);
    expect(text(root.querySelector('.history'))).toBe(
      'You have met this story on 4 pages (2 sites) in your reading history. First met on May 24, 2024.',
    );
  });

  it('says nothing without history', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi(null, { pages: 0, sites: 0 })} />);
    expect(root.querySelector('.history')).toBeNull();
  });
});

describe('?entity= focus', () => {
  it('focuses Bortnikov: his card first, his own claims first, his groups opened', async () => {
    const api = fakeApi(null, { pages: 2, sites: 1 });
    const root = await mount(<PanelApp pack={pack} api={api} params={readPanelParams('?overlay=1&entity=bortnikov&tab=3')} />);
    const card = root.querySelector<HTMLElement>('#entity-focus')!;
    expect(card).not.toBeNull();
    // The card comes before the sections.
    expect(card.compareDocumentPosition(root.querySelector('[role="tablist"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const title = card.querySelector('#focus-title')!;
    expect(text(title)).toBe(entityName('bortnikov'));
    expect(document.activeElement).toBe(title);
    const claimants = [...card.querySelectorAll('article.claim .claimant')].map((el) => text(el));
    expect(claimants.length).toBeGreaterThanOrEqual(3);
    expect(new Set(claimants)).toEqual(new Set([entityName('bortnikov')]));
    expect(api.historySummary).toHaveBeenCalledWith('bortnikov');
    // Attribution groups holding his claims are open; others are not.
    const attributions = await section(root, 'attributions');
    expect(attributions.querySelector<HTMLDetailsElement>('#attr-gur-sponsor')!.open).toBe(true);
    expect(attributions.querySelector<HTMLDetailsElement>('#attr-islamic-state-claimed-responsibility')!.open).toBe(false);
  });

  it('leads from the card into the timeline, filtered to the entity', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} params={readPanelParams('?entity=bortnikov')} />);
    await click(byRole(root.querySelector('#entity-focus')!, 'button', /^Show in the timeline/)[0]);
    expect(root.querySelector('#tab-timeline')!.getAttribute('aria-selected')).toBe('true');
    expect(root.querySelector<HTMLSelectElement>('#filter-actor')!.value).toBe('bortnikov');
    expect((await section(root, 'timeline')).querySelectorAll('li.entry').length).toBe(pack.timeline.filter((e) => e.actors.includes('bortnikov')).length);
  });

  it('leads from the card to an attribution group, opened and focused', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} params={readPanelParams('?entity=isis-k')} />);
    const button = byRole(root.querySelector('#entity-focus')!, 'button', /^Named as organiser/)[0];
    await click(button);
    expect(root.querySelector('#tab-attributions')!.getAttribute('aria-selected')).toBe('true');
    const group = root.querySelector<HTMLDetailsElement>('#attr-isis-k-organiser')!;
    expect(group.open).toBe(true);
    expect(document.activeElement).toBe(group.querySelector('summary'));
  });

  it('ignores unknown entities and the event itself', async () => {
    for (const entity of ['no-such-entity', pack.event.entity]) {
      const root = await mount(<PanelApp pack={pack} api={fakeApi()} params={{ overlay: false, entity }} />);
      expect(root.querySelector('#entity-focus')).toBeNull();
      unmountAll();
    }
  });
});

describe('keyboard and ARIA', () => {
  it('moves between tabs with the arrow keys, Home and End (roving tabindex)', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    const tabs = byRole(root, 'tab');
    expect(tabs.map((t) => t.id)).toEqual(['tab-summary', 'tab-attributions', 'tab-timeline', 'tab-conflicts', 'tab-sources', 'tab-page']);
    for (const tab of tabs) {
      const panelEl = root.querySelector(`#${tab.getAttribute('aria-controls')}`)!;
      expect(panelEl.getAttribute('role')).toBe('tabpanel');
      expect(panelEl.getAttribute('aria-labelledby')).toBe(tab.id);
    }
    const selected = () => tabs.filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.id);
    const tabStops = () => tabs.filter((t) => t.tabIndex === 0).map((t) => t.id);
    expect(selected()).toEqual(['tab-summary']);
    tabs[0]!.focus();
    await key(tabs[0], 'ArrowRight');
    expect(selected()).toEqual(['tab-attributions']);
    expect(tabStops()).toEqual(['tab-attributions']);
    expect(document.activeElement).toBe(tabs[1]);
    expect(panel(root, 'attributions').hidden).toBe(false);
    expect(panel(root, 'summary').hidden).toBe(true);
    await key(tabs[1], 'End');
    expect(selected()).toEqual(['tab-page']);
    await key(tabs[5], 'ArrowRight');
    expect(selected()).toEqual(['tab-summary']);
    await key(tabs[0], 'ArrowLeft');
    expect(selected()).toEqual(['tab-page']);
    await key(tabs[5], 'Home');
    expect(selected()).toEqual(['tab-summary']);
    expect(document.activeElement).toBe(tabs[0]);
  });

  it('has landmarks, a labelled tab list and a skip link to the sections', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    expect(root.querySelectorAll('main').length).toBe(1);
    expect(root.querySelectorAll('header').length).toBe(1);
    expect(root.querySelector('[role="tablist"]')!.getAttribute('aria-label')).toBe('Sections');
    expect(root.querySelectorAll('h1').length).toBe(1);
    const skip = root.querySelector<HTMLAnchorElement>('a.skip-link')!;
    await click(skip);
    expect(document.activeElement?.id).toBe('tab-summary');
  });

  it('gives every form control a label', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    for (const control of root.querySelectorAll('select, input')) {
      expect(root.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
  });
});

describe('overlay', () => {
  it('offers a close button that asks the parent page to close the overlay', async () => {
    const post = vi.spyOn(window.parent, 'postMessage').mockImplementation(() => undefined);
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} params={readPanelParams('?overlay=1&tab=5')} />);
    await click(byRole(root, 'button', /Close$/)[0]);
    expect(post).toHaveBeenCalledWith({ type: 'crocus/close-overlay' }, '*');
    post.mockClear();
    await key(document.body, 'Escape');
    expect(post).toHaveBeenCalledWith({ type: 'crocus/close-overlay' }, '*');
  });

  it('has no close button in the native panel', async () => {
    const root = await mount(<PanelApp pack={pack} api={fakeApi()} />);
    expect(byRole(root, 'button', /Close$/).length).toBe(0);
  });

  it('starts afresh on each opening: the new entity on top of the summary, the page read again', async () => {
    const api = fakeApi(SEED_CONTEXT);
    const container = document.createElement('div');
    document.body.append(container);
    const loaded = readPanelParams('?overlay=1&key=abc');
    const selected = () => container.querySelector('[role=tab][aria-selected=true]')!.id;
    try {
      await act(() => render(<PanelApp pack={pack} api={api} params={loaded} />, container));
      await settle();
      expect(container.querySelector('#entity-focus')).toBeNull();
      // Opened before it was ready, the frame is shown at once and the message naming the visit comes later: what
      // the reader chose meanwhile stays.
      await click(container.querySelector('#tab-page'));
      await act(() => render(<PanelApp pack={pack} api={api} params={openedParams(loaded, { visit: 1 })} />, container));
      await settle();
      expect(selected()).toBe('tab-page');
      await click(container.querySelector('#tab-timeline'));
      await act(() => render(<PanelApp pack={pack} api={api} params={openedParams(loaded, { visit: 2, entity: 'bortnikov' })} />, container));
      await settle();
      expect(selected()).toBe('tab-summary');
      expect(text(container.querySelector('#focus-title'))).toBe(entityName('bortnikov'));
      expect(document.activeElement).toBe(container.querySelector('#focus-title'));
      // The reader closes the entity's card; the next opening, for the same entity, shows it again.
      await click(byRole(container.querySelector('#entity-focus')!, 'button', /Close|Hide|Dismiss/i)[0]);
      expect(container.querySelector('#entity-focus')).toBeNull();
      await act(() => render(<PanelApp pack={pack} api={api} params={openedParams(loaded, { visit: 3, entity: 'bortnikov' })} />, container));
      await settle();
      expect(container.querySelector('#entity-focus')).not.toBeNull();
      await act(() => render(<PanelApp pack={pack} api={api} params={openedParams(loaded, { visit: 4 })} />, container));
      await settle();
      expect(container.querySelector('#entity-focus')).toBeNull();
      expect(api.pageContext).toHaveBeenCalledTimes(5);
    } finally {
      render(null, container);
      container.remove();
    }
  });

  it('takes no orders from the host page', async () => {
    const api = fakeApi(SEED_CONTEXT);
    const root = await mount(<PanelApp pack={pack} api={api} params={readPanelParams('?overlay=1&tab=5')} />);
    const before = root.innerHTML.length;
    for (const data of [{ type: 'page/reveal', index: 1 }, { type: 'select', tab: 'sources' }, { type: 'crocus/close-overlay' }]) {
      window.dispatchEvent(new MessageEvent('message', { data, origin: 'https://evil.example' }));
    }
    await click(document.body);
    expect(api.reveal).not.toHaveBeenCalled();
    expect(root.querySelector('#tab-summary')!.getAttribute('aria-selected')).toBe('true');
    expect(root.innerHTML.length).toBe(before);
  });
});
