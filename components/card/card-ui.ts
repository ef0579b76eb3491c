/**
 * The contract between the page script (which tracks the pointer and decides what to show) and the card script
 * (Preact and the card data), which the background injects only the first time a reader rests on a highlight.
 * The page script owns the card's host element, made at start-up (an empty element, so there is exactly one
 * whatever happens to the card script); the card script fills its shadow root. Both run in the extension's
 * isolated world of the same frame and meet through one property of its global object, which the page's own
 * scripts cannot see.
 */
import type { PageMention } from '@/lib/page/controller';

/** What a card is about: a highlighted name, or a sentence that reports a known claim. */
export type CardTarget =
  | { kind: 'mention'; mention: PageMention; range: Range }
  | { kind: 'claim'; claim: { claim: string }; range: Range };

/** Whether two targets are the same text (a card rendered for one serves the other). */
export const sameTarget = (a: CardTarget | null, b: CardTarget | null) => a === b || (a !== null && b !== null && a.range === b.range);

export interface CardCallbacks {
  openPanel(entity?: string): void;
  disableSite(): void;
  /** The card's own close button. */
  close(): void;
  /** The pointer entered / left the card, or focus left it. */
  enter(): void;
  leave(): void;
}

export interface CardUi {
  /**
   * Renders the card for `target` next to its text but invisible, while the pointer rests: `show` then only reveals
   * it. False when the text has no box, or while another card is shown (it is not swapped before its dwell).
   */
  prepare(target: CardTarget, callbacks: CardCallbacks): boolean;
  /** Shows the card for `target` next to its text; false when the text has no box (scrolled away, hidden). */
  show(target: CardTarget, callbacks: CardCallbacks): boolean;
  hide(): void;
}

/** Builds the card's UI inside the shadow root of the host the page script made. */
export type MountCard = (shadow: ShadowRoot) => CardUi;

const KEY = '__crocusContextMountCard';

type Slot = Record<string, MountCard | undefined>;

/** Called by the card script as it starts. */
export function publishMountCard(mount: MountCard | undefined): void {
  (globalThis as unknown as Slot)[KEY] = mount;
}

/** The card script's mount function, once it has been injected into this frame. */
export function publishedMountCard(): MountCard | undefined {
  return (globalThis as unknown as Slot)[KEY];
}
