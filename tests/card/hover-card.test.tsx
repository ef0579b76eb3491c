import { describe, it, expect, vi, afterEach } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { HoverCard } from '@/components/card/HoverCard';
import type { CardData } from '@/lib/knowledge/card';

function claim(date: string, statement: string) {
  return { claimant: 'Alexander Bortnikov', date, statement, sources: [], conflicts: [] };
}

const card: CardData = {
  title: 'The Crocus City Hall attack',
  version: '1.0.0',
  currentAsOf: '2026-03-22',
  event: {
    id: 'crocus-attack',
    venueId: 'crocus-city-hall',
    name: 'Crocus City Hall attack',
    venueName: 'Crocus City Hall',
    date: '2024-03-22',
    time: '19:58',
    place: 'Krasnogorsk, Moscow Oblast',
    casualties: { id: 'K26', dead: 149, injured: 609, publishedBy: 'Investigative Committee of Russia', asOf: '2026-03-12', official: true },
    attribution: 'Islamic State claimed responsibility (22 Mar 2024); officials in Russia alleged involvement by Ukraine; Ukraine denied involvement',
    counts: { claims: 58, timeline: 77, conflicts: 11 },
  },
  conflicts: {},
  claims: {
    C17: claim('2024-03-26', 'Bortnikov said Western and Ukrainian services facilitated the attack.'),
    C24: claim('2024-05-24', 'Bortnikov said Wilayat Khorasan members coordinated the attack online.'),
    C25: claim('2024-10-04', 'Bortnikov said recruiters worked the Tajik diaspora online.'),
    C99: claim('2024-11-01', 'A fourth claim.'),
  },
  entities: {
    bortnikov: {
      name: 'Alexander Bortnikov',
      type: 'person',
      description: 'Director of the FSB',
      claims: ['C17', 'C24', 'C25', 'C99'],
    },
  },
};

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function show(mention: { kind: string; entity: string; text: string }) {
  host = document.createElement('div');
  document.body.append(host);
  const handlers = { onOpenPanel: vi.fn(), onDisableSite: vi.fn(), onClose: vi.fn() };
  act(() => render(<HoverCard card={card} mention={mention} lang="en-GB" {...handlers} />, host));
  return handlers;
}

describe('HoverCard', () => {
  it('for the event: date, place, current figure with who gave it and when, attribution, counts', () => {
    show({ kind: 'event', entity: 'crocus-attack', text: 'Crocus attack' });
    const text = host.textContent ?? '';
    expect(host.querySelector('h2')?.textContent).toBe('Crocus City Hall attack');
    expect(text).toContain('22 Mar 2024');
    expect(text).toContain('Krasnogorsk, Moscow Oblast');
    expect(text).toContain('149 dead, 609 injured');
    expect(text).toContain('Investigative Committee of Russia, as of 12 Mar 2026');
    expect(text).toContain('Islamic State claimed responsibility');
    expect(text).toContain('58 claims · 77 timeline entries · 11 conflicts');
    expect(text).toContain('Knowledge current as of 22 Mar 2026');
  });

  it('for the venue: the venue name with the event context', () => {
    show({ kind: 'venue', entity: 'crocus-city-hall', text: 'Крокус Сити Холл' });
    expect(host.querySelector('h2')?.textContent).toBe('Crocus City Hall');
    expect(host.textContent).toContain('149 dead');
  });

  it('for an entity: who it is and its latest claims with dates, the rest counted', () => {
    show({ kind: 'person', entity: 'bortnikov', text: 'Bortnikov' });
    expect(host.querySelector('h2')?.textContent).toBe('Alexander Bortnikov');
    expect(host.textContent).toContain('Director of the FSB');
    const items = [...host.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('1 Nov 2024');
    expect(host.textContent).toContain('and 1 more in the panel');
  });

  it('Open panel focuses the hovered entity; the site switch and close work', () => {
    const h = show({ kind: 'person', entity: 'bortnikov', text: 'Bortnikov' });
    const buttons = [...host.querySelectorAll('button')];
    act(() => buttons.find((b) => b.textContent === 'Open panel')!.click());
    expect(h.onOpenPanel).toHaveBeenCalledWith('bortnikov');
    act(() => buttons.find((b) => b.textContent === "Don't highlight on this site")!.click());
    expect(h.onDisableSite).toHaveBeenCalled();
    act(() => host.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click());
    expect(h.onClose).toHaveBeenCalled();
  });

  it('is a labelled dialog', () => {
    show({ kind: 'event', entity: 'crocus-attack', text: 'x' });
    const dialog = host.querySelector('[role=dialog]')!;
    expect(host.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.textContent).toBe('Crocus City Hall attack');
  });
});
