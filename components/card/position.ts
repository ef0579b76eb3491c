/** Where the hover card goes: below the hovered line, or above it when there is no room; never over it. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** Height available on that side: a taller card scrolls inside it instead of leaving the viewport. */
  maxHeight: number;
}

const GAP = 6;
const MARGIN = 8;

/**
 * `anchor` is the hovered mention's rectangle (viewport coordinates), `card` the card's size, `viewport` the
 * visible area. The card sits below the anchor when it fits (or when neither side fits but below has more room),
 * else above; horizontally it starts at the anchor and is pushed back inside the viewport.
 */
export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const roomBelow = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const roomAbove = anchor.top - GAP - MARGIN;
  const below = card.height <= roomBelow || (card.height > roomAbove && roomBelow >= roomAbove);
  const maxHeight = Math.max(0, below ? roomBelow : roomAbove);
  const height = Math.min(card.height, maxHeight);
  const top = below ? anchor.top + anchor.height + GAP : anchor.top - GAP - height;
  const maxLeft = Math.max(MARGIN, viewport.width - card.width - MARGIN);
  const left = Math.min(Math.max(anchor.left, MARGIN), maxLeft);
  return { top, left, side: below ? 'below' : 'above', maxHeight };
}

/** Relative luminance of a CSS rgb()/rgba() colour, or undefined when transparent or unparseable. */
export function luminance(color: string): number | undefined {
  const m = color.match(/rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?/);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
