import { describe, it, expect } from 'vitest';
import { placeCard, luminance } from '@/components/card/position';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 240 };
const overlaps = (a: { top: number; height: number }, top: number, height: number) => top < a.top + a.height && top + height > a.top;

describe('placeCard', () => {
  it('goes below the hovered line when there is room, without covering it', () => {
    const anchor = { top: 100, left: 50, width: 120, height: 20 };
    const p = placeCard(anchor, card, viewport);
    expect(p.side).toBe('below');
    expect(overlaps(anchor, p.top, card.height)).toBe(false);
  });

  it('goes above near the bottom of the viewport, still not covering the line', () => {
    const anchor = { top: 700, left: 50, width: 120, height: 20 };
    const p = placeCard(anchor, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBeLessThanOrEqual(anchor.top);
  });

  it('stays inside the viewport horizontally', () => {
    const p = placeCard({ top: 100, left: 950, width: 40, height: 20 }, card, viewport);
    expect(p.left + card.width).toBeLessThanOrEqual(viewport.width);
    expect(placeCard({ top: 100, left: -30, width: 40, height: 20 }, card, viewport).left).toBeGreaterThanOrEqual(0);
  });

  it('fits in a narrow viewport (e.g. 200% zoom on a phone-sized window)', () => {
    const small = { width: 320, height: 480 };
    const p = placeCard({ top: 200, left: 10, width: 60, height: 40 }, { width: 304, height: 200 }, small);
    expect(p.left).toBeGreaterThanOrEqual(0);
    expect(p.left + 304).toBeLessThanOrEqual(small.width);
  });


  it('a card taller than the room on either side scrolls within the larger side, never above the viewport', () => {
    const anchor = { top: 500, left: 50, width: 120, height: 20 };
    const p = placeCard(anchor, { width: 360, height: 2000 }, viewport);
    expect(p.side).toBe('above');
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(anchor.top);
  });
});

describe('luminance', () => {
  it('tells dark from light backgrounds and ignores transparent ones', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgb(18, 18, 18)')!).toBeLessThan(0.05);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeUndefined();
    expect(luminance('transparent')).toBeUndefined();
  });
});
