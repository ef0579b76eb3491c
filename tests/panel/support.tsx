/**
 * Helpers for the panel's component tests: the real pack (pack.json, or the parts assembled while it does not
 * exist), rendering with preact + act, a stand-in for the background, and a few hand-written queries.
 */
import { existsSync } from 'node:fs';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { assembleParts } from '@/lib/knowledge/assemble';
import { PACK_PATH, PARTS_DIR, readJsonFile } from '@/lib/knowledge/load-node';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { PageContext } from '@/lib/messages/contract';
import type { HistorySummary, PanelApi } from '@/components/panel/api';

let cached: KnowledgePack | undefined;

/** The real knowledge pack (not validated here: tests/knowledge does that). */
export function realPack(): KnowledgePack {
  cached ??= (existsSync(PACK_PATH) ? readJsonFile(PACK_PATH) : assembleParts(PARTS_DIR)) as KnowledgePack;
  return cached;
}

export interface FakeApi extends PanelApi {
  pageContext: ReturnType<typeof vi.fn<(tabId?: number) => Promise<PageContext | null>>>;
  reveal: ReturnType<typeof vi.fn<(index: number, tabId?: number) => Promise<boolean>>>;
  historySummary: ReturnType<typeof vi.fn<(entity?: string) => Promise<HistorySummary | null>>>;
}

export function fakeApi(context: PageContext | null = null, history: HistorySummary | null = null): FakeApi {
  return {
    pageContext: vi.fn(async () => context),
    reveal: vi.fn(async () => true),
    historySummary: vi.fn(async () => history),
  };
}

export const SEED_CONTEXT: PageContext = {
  url: 'https://news.example.org/2024/05/24/fsb-director',
  title: 'FSB director on the Crocus City Hall attack',
  published: '2024-05-24T12:30:00+03:00',
  mentions: [
    { index: 0, text: 'Crocus City Hall', kind: 'venue', entity: 'crocus-city-hall', context: '… the attack on Crocus City Hall in March …' },
    { index: 1, text: 'Bortnikov', kind: 'person', entity: 'bortnikov', context: '… FSB director Alexander Bortnikov said …' },
    { index: 2, text: 'ISIS-K', kind: 'group', entity: 'isis-k', context: '… the group known as ISIS-K …' },
  ],
};

const mounted: HTMLElement[] = [];

/** Renders into a fresh container attached to the document and lets effects and pending promises settle. */
export async function mount(node: ComponentChild): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  await act(() => {
    render(node, container);
  });
  await settle();
  return container;
}

export function unmountAll(): void {
  for (const c of mounted.splice(0)) {
    render(null, c);
    c.remove();
  }
}

/** Flushes resolved promises and the state updates they cause. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => {
    (el as HTMLElement).click();
  });
  await settle();
}

export async function key(el: Element | null | undefined, keyName: string): Promise<void> {
  if (!el) throw new Error('no element for key press');
  await act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true }));
  });
  await settle();
}

export async function choose(select: HTMLSelectElement | null, value: string): Promise<void> {
  if (!select) throw new Error('no select');
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** Normalised text content. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name as far as these tests need it: aria-label, aria-labelledby, else the text. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\s+/).map((id) => text(el.ownerDocument.getElementById(id))).join(' ');
  return text(el);
}

/** Elements with an explicit `role` (or the implicit one of a button/link/heading), optionally by name. */
export function byRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const implicit: Record<string, string> = {
    button: 'button:not([role])',
    link: 'a[href]:not([role])',
    heading: 'h1,h2,h3,h4,h5,h6',
    table: 'table',
    row: 'tr',
  };
  const selector = [`[role="${role}"]`, implicit[role]].filter(Boolean).join(',');
  const all = [...root.querySelectorAll<HTMLElement>(selector)];
  if (name === undefined) return all;
  return all.filter((el) => (typeof name === 'string' ? accessibleName(el) === name : name.test(accessibleName(el))));
}

/** The smallest elements whose text matches. */
export function byText(root: ParentNode, match: string | RegExp, selector = '*'): HTMLElement[] {
  const test = (s: string) => (typeof match === 'string' ? s.includes(match) : match.test(s));
  const hits = [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => test(text(el)));
  return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
}
