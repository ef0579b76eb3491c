import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPageController, type PageController } from '@/lib/page/controller';
import { ENTITY_HIGHLIGHT, EVENT_HIGHLIGHT, createHighlighter } from '@/lib/page/highlighter';
import { mentionAtPoint } from '@/lib/page/hit-test';
import { FakeRegistry, FakeScheduler, TABLE, fakeApi, fakeQuickCheck, fakeRecognize, html, settle } from './helpers';

type Hit = { highlight: unknown; ranges: AbstractRange[] };
class HitRegistry extends FakeRegistry {
  hits: Hit[] = [];
  highlightsFromPoint(): Hit[] {
    return this.hits;
  }
}

/** happy-dom's window.CSS is a fresh object per read: stand in a fixed one with a `highlights` registry. */
const win = document.defaultView as unknown as Record<string, unknown>;
const cssDescriptor = Object.getOwnPropertyDescriptor(win, 'CSS');
function installRegistry(registry: FakeRegistry): void {
  Object.defineProperty(document.defaultView!, 'CSS', { value: { highlights: registry }, configurable: true });
}
const doc = document as unknown as Record<string, unknown>;
let controller: PageController;

async function start(registry: FakeRegistry, fallback = false, recognize = fakeRecognize): Promise<PageController> {
  controller = createPageController({
    root: document,
    table: TABLE,
    recognize,
    quickCheck: fakeQuickCheck,
    scheduler: new FakeScheduler(),
    highlighter: createHighlighter({ root: document, api: fakeApi(registry).api, mode: fallback ? 'fallback' : 'auto' }),
  });
  controller.start();
  await settle();
  await controller.whenIdle();
  return controller;
}

beforeEach(() => {
  html('<p id="a">The <b>Crocus</b> City Hall attack.</p><p id="b">The FSB said.</p>');
});

afterEach(() => {
  controller?.stop();
  delete win.CSS;
  if (cssDescriptor) Object.defineProperty(win, 'CSS', cssDescriptor);
  delete doc.caretPositionFromPoint;
  delete doc.caretRangeFromPoint;
  document.body.innerHTML = '';
});

describe('mentionAtPoint', () => {
  it('uses CSS.highlights.highlightsFromPoint where present', async () => {
    const registry = new HitRegistry();
    installRegistry(registry);
    const c = await start(registry);
    const [venue, fsb] = c.mentions();
    registry.hits = [{ highlight: registry.get(ENTITY_HIGHLIGHT), ranges: [fsb.range] }];
    expect(mentionAtPoint(10, 10, c)).toBe(fsb);
    // Both under the point: the event/venue highlight wins.
    registry.hits = [
      { highlight: registry.get(ENTITY_HIGHLIGHT), ranges: [fsb.range] },
      { highlight: registry.get(EVENT_HIGHLIGHT), ranges: [venue.range] },
    ];
    expect(mentionAtPoint(10, 10, c)).toBe(venue);
    // A page's own highlight under the point is not ours.
    registry.hits = [{ highlight: {}, ranges: [venue.range] }];
    expect(mentionAtPoint(10, 10, c)).toBeNull();
  });

  it('falls back to caretPositionFromPoint + range containment', async () => {
    const c = await start(new FakeRegistry());
    const [venue, fsb] = c.mentions();
    const b = document.querySelector('b')!.firstChild!;
    doc.caretPositionFromPoint = () => ({ offsetNode: b, offset: 2 });
    expect(mentionAtPoint(1, 1, c)).toBe(venue);
    const fsbText = document.getElementById('b')!.firstChild!;
    doc.caretPositionFromPoint = () => ({ offsetNode: fsbText, offset: 5 });
    expect(mentionAtPoint(1, 1, c)).toBe(fsb);
    doc.caretPositionFromPoint = () => ({ offsetNode: fsbText, offset: 10 });
    expect(mentionAtPoint(1, 1, c)).toBeNull();
  });

  it('falls back to caretRangeFromPoint where only that exists', async () => {
    const c = await start(new FakeRegistry());
    const [venue] = c.mentions();
    const tail = document.querySelector('b')!.nextSibling!;
    doc.caretRangeFromPoint = () => {
      const r = document.createRange();
      r.setStart(tail, 3);
      return r;
    };
    expect(mentionAtPoint(1, 1, c)).toBe(venue);
  });

  it('works with the wrapping fallback (ranges re-pointed at the wrappers)', async () => {
    const c = await start(new FakeRegistry(), true);
    const [venue] = c.mentions();
    const wrapped = document.querySelector('crocus-mark')!.firstChild!;
    doc.caretPositionFromPoint = () => ({ offsetNode: wrapped, offset: 1 });
    expect(mentionAtPoint(1, 1, c)).toBe(venue);
  });

  it('prefers the outer mention over one inside it', async () => {
    const nested = (blocks: readonly string[]) => {
      const r = fakeRecognize(blocks);
      const venue = r.mentions.find((m) => m.kind === 'venue')!;
      return { about: r.about, mentions: [{ ...venue, inner: true }, { ...venue, start: venue.start - 4, text: `The ${venue.text}`, kind: 'event' as const, entity: 'crocus-attack' }] };
    };
    html('<p id="a">The Crocus City Hall attack.</p>');
    const c = await start(new FakeRegistry(), false, nested);
    const node = document.getElementById('a')!.firstChild!;
    doc.caretPositionFromPoint = () => ({ offsetNode: node, offset: 8 });
    expect(mentionAtPoint(1, 1, c)!.entity).toBe('crocus-attack');
  });

  it('returns null without any hit-test API', async () => {
    const c = await start(new FakeRegistry());
    expect(mentionAtPoint(1, 1, c)).toBeNull();
  });
});
