/** The overlay's keyed "open" message: only a well-formed one with the frame's key opens the panel. */
import { describe, expect, it } from 'vitest';
import { CLOSE_OVERLAY, isMessage, openOverlayMessage, OVERLAY_READY, readOpenOverlay } from '@/components/panel/overlay-messages';
import { openedParams, overlayKey, readPanelParams } from '@/components/panel/params';

const KEY = 'k3y0f7h3fr4m3';

describe('readOpenOverlay', () => {
  it('reads what openOverlayMessage writes, with the same key', () => {
    expect(readOpenOverlay(openOverlayMessage(KEY, 1, 'bortnikov'), KEY)).toEqual({ visit: 1, entity: 'bortnikov' });
    expect(readOpenOverlay(openOverlayMessage(KEY, 7), KEY)).toEqual({ visit: 7 });
  });

  it('refuses a message without the key, with another key, or for a frame without one', () => {
    expect(readOpenOverlay({ type: 'crocus/open-overlay', visit: 1, entity: 'bortnikov' }, KEY)).toBeNull();
    expect(readOpenOverlay(openOverlayMessage('guess', 1, 'bortnikov'), KEY)).toBeNull();
    expect(readOpenOverlay(openOverlayMessage('', 1), '')).toBeNull();
    expect(readOpenOverlay(openOverlayMessage(KEY, 1), null)).toBeNull();
  });

  it('refuses malformed messages', () => {
    for (const data of [
      null,
      'crocus/open-overlay',
      { ...openOverlayMessage(KEY, 1), type: 'crocus/close-overlay' },
      { ...openOverlayMessage(KEY, 1), visit: 0 },
      { ...openOverlayMessage(KEY, 1), visit: 1.5 },
      { ...openOverlayMessage(KEY, 1), visit: '2' },
      { ...openOverlayMessage(KEY, 1), entity: { id: 'bortnikov' } },
    ]) {
      expect(readOpenOverlay(data, KEY), JSON.stringify(data)).toBeNull();
    }
  });

  it('tells the data-less messages apart', () => {
    expect(isMessage({ type: 'crocus/close-overlay' }, CLOSE_OVERLAY)).toBe(true);
    expect(isMessage({ type: 'crocus/close-overlay' }, OVERLAY_READY)).toBe(false);
    expect(isMessage(null, CLOSE_OVERLAY)).toBe(false);
  });
});

describe('openedParams', () => {
  const loaded = readPanelParams('?overlay=1&key=abc&entity=isis-k&tab=4');

  it('takes the opening entity and visit, keeping how the panel is shown', () => {
    expect(overlayKey('?overlay=1&key=abc')).toBe('abc');
    expect(openedParams(loaded, { visit: 2, entity: 'bortnikov' })).toEqual({ overlay: true, tabId: 4, visit: 2, entity: 'bortnikov' });
  });

  it('opens on the summary without an entity, or with a malformed one', () => {
    expect(openedParams(loaded, { visit: 3 })).toEqual({ overlay: true, tabId: 4, visit: 3 });
    expect(openedParams(loaded, { visit: 3, entity: '<img src=x>' })).toEqual({ overlay: true, tabId: 4, visit: 3 });
  });
});
