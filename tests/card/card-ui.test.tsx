import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardUi } from '@/entrypoints/card/card-ui';
import { createScriptContext } from '@/lib/page/script-context';
import type { CardCallbacks, CardTarget } from '@/components/card/card-ui';
import type { PageMention } from '@/lib/page/controller';

/** A mention whose text has a box on screen (happy-dom lays nothing out). */
function mentionTarget(entity: string, text: string, box = { left: 40, top: 100, width: 80, height: 18 }): CardTarget {
  const node = document.createTextNode(text);
  document.body.append(node);
  const range = document.createRange();
  range.selectNodeContents(node);
  range.getBoundingClientRect = () => DOMRect.fromRect({ x: box.left, y: box.top, width: box.width, height: box.height });
  const mention = { index: 0, entity, kind: 'event', text, range } as unknown as PageMention;
  return { kind: 'mention', mention, range };
}

const callbacks = (): CardCallbacks => ({ openPanel: vi.fn(), disableSite: vi.fn(), close: vi.fn(), enter: vi.fn(), leave: vi.fn() });

let alive = true;
function mount() {
  alive = true;
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const ui = createCardUi(createScriptContext('card-test', { alive: () => alive }), shadow);
  const root = shadow.querySelector('.cc-root') as HTMLElement;
  const card = () => shadow.querySelector<HTMLElement>('[data-testid=crocus-card]');
  /** What the reader sees: a card in a root that is shown and not merely prepared. */
  const seen = () => card() !== null && !root.hidden && !root.classList.contains('cc-pending');
  return { ui, root, card, seen };
}

afterEach(() => {
  alive = false;
  document.body.replaceChildren();
});

describe('the hover card UI', () => {
  it('prepares a card unseen while the pointer rests, and shows that same card at the end of the dwell', () => {
    const { ui, card, seen } = mount();
    const target = mentionTarget('crocus-attack', 'Crocus City Hall attack');
    expect(ui.prepare(target, callbacks())).toBe(true);
    expect(card()?.textContent).toMatch(/dead/);
    expect(seen()).toBe(false);
    const prepared = card();
    expect(ui.show(target, callbacks())).toBe(true);
    expect(seen()).toBe(true);
    // Revealed, not rendered again.
    expect(card()).toBe(prepared);
  });

  it('places the card where the text is at the end of the dwell, not where it was when prepared', () => {
    const { ui, root } = mount();
    const target = mentionTarget('crocus-attack', 'Crocus City Hall attack');
    ui.prepare(target, callbacks());
    const preparedTop = root.style.top;
    // The page scrolled by 50 px during the dwell.
    target.range.getBoundingClientRect = () => DOMRect.fromRect({ x: 40, y: 150, width: 80, height: 18 });
    ui.show(target, callbacks());
    expect(Number.parseFloat(root.style.top) - Number.parseFloat(preparedTop)).toBe(50);
  });

  it('never swaps the card the reader sees for a prepared one; a show of another text replaces it', () => {
    const { ui, card, seen } = mount();
    const event = mentionTarget('crocus-attack', 'Crocus City Hall attack');
    const group = mentionTarget('isis-k', 'IS-K');
    ui.show(event, callbacks());
    const title = card()?.querySelector('h2')?.textContent;
    expect(ui.prepare(group, callbacks())).toBe(false);
    expect(card()?.querySelector('h2')?.textContent).toBe(title);
    expect(seen()).toBe(true);
    expect(ui.show(group, callbacks())).toBe(true);
    expect(card()?.querySelector('h2')?.textContent).not.toBe(title);
    expect(seen()).toBe(true);
  });

  it('shows nothing for text without a box, and hide takes a prepared card away too', () => {
    const { ui, card, seen } = mount();
    const gone = mentionTarget('crocus-attack', 'Crocus', { left: 0, top: 0, width: 0, height: 0 });
    expect(ui.prepare(gone, callbacks())).toBe(false);
    expect(ui.show(gone, callbacks())).toBe(false);
    expect(card()).toBeNull();
    const target = mentionTarget('crocus-attack', 'Crocus City Hall attack');
    ui.prepare(target, callbacks());
    ui.hide();
    expect(card()).toBeNull();
    expect(seen()).toBe(false);
  });
});
