import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UI_HOST_ATTR } from '@/lib/page/blocks';
import { createPageController, type PageController, type PageControllerOptions } from '@/lib/page/controller';
import { ENTITY_HIGHLIGHT, EVENT_HIGHLIGHT, MARK_TAG, createHighlighter, highlightNames } from '@/lib/page/highlighter';
import { PLAIN_HIGHLIGHT_CHARS } from '@/lib/page/controller';
import type { RecognizeReply, RecognizeRequest } from '@/lib/page/remote';
import { CONTEXT } from '@/lib/recognize/types';
import { FakeRegistry, FakeScheduler, TABLE, fakeApi, fakeQuickCheck, fakeRecognize, html, settle } from './helpers';

type Opts = Partial<PageControllerOptions<typeof TABLE>>;

let controller: PageController | null = null;
let sched: FakeScheduler;
let registry: FakeRegistry;
let recognize: ReturnType<typeof vi.fn<typeof fakeRecognize>>;
let walks: Node[];
let results: { about: boolean; count: number }[];

function setup(extra: Opts = {}, fallback = false): PageController {
  const fake = fakeApi();
  registry = fake.registry;
  const c = createPageController({
    root: document,
    table: TABLE,
    recognize,
    quickCheck: fakeQuickCheck,
    scheduler: sched,
    highlighter: createHighlighter({ root: document, api: fake.api, mode: fallback ? 'fallback' : 'auto' }),
    onWalk: (n) => walks.push(n),
    onResult: (r) => results.push({ about: r.about, count: r.mentions.length }),
    log: () => {},
    ...extra,
  });
  controller = c;
  return c;
}

async function started(c: PageController): Promise<PageController> {
  c.start();
  await settle();
  await c.whenIdle();
  return c;
}

/** Let the observer deliver, the debounce pass and the rescan finish. */
async function afterMutations(c: PageController, ms = 300): Promise<void> {
  await settle();
  await sched.advance(ms);
  await c.whenIdle();
}

const texts = (c: PageController) => c.mentions().map((m) => m.text);
const eventSize = () => registry.get(EVENT_HIGHLIGHT)?.size ?? 0;
const entitySize = () => registry.get(ENTITY_HIGHLIGHT)?.size ?? 0;

beforeEach(() => {
  sched = new FakeScheduler();
  recognize = vi.fn(fakeRecognize);
  walks = [];
  results = [];
});

afterEach(() => {
  controller?.stop();
  controller = null;
  document.body.innerHTML = '';
});

describe('page controller: first scan', () => {
  it('does nothing on a page without a candidate: no walk, no recognizer, no highlights', async () => {
    html('<p>Crocus flowers bloom in early spring.</p><div><p>Plant the corms in autumn.</p></div>');
    const c = await started(setup());
    expect(c.state).toBe('idle');
    expect(recognize).not.toHaveBeenCalled();
    expect(walks).toEqual([]);
    expect(registry.size).toBe(0);
    expect(c.mentions()).toEqual([]);
  });

  it('highlights mentions on a page with a candidate', async () => {
    html('<h1>Attack at <b>Crocus</b> City Hall</h1><p>The FSB said on Saturday.</p><p>Unrelated.</p>');
    const c = await started(setup());
    expect(c.state).toBe('active');
    expect(walks).toEqual([document]);
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
    expect(c.about).toBe(true);
    expect(eventSize()).toBe(1);
    expect(entitySize()).toBe(1);
    const [venue, fsb] = c.mentions();
    expect(venue).toMatchObject({ kind: 'venue', entity: 'crocus-city-hall', block: 0, start: 10, end: 26 });
    expect(fsb).toMatchObject({ kind: 'institution', entity: 'fsb', block: 1 });
    expect(c.rangeOf(venue.index)!.toString()).toBe('Crocus City Hall');
    expect(venue.ranges).toEqual([venue.range]);
    expect(c.mentionOfRange(fsb.range)).toBe(fsb);
    expect(results.at(-1)).toEqual({ about: true, count: 2 });
  });

  it('goes straight to the walk when the sentinel already found a candidate (assumeCandidate)', async () => {
    html('<p>Crocus City Hall</p>');
    const quickCheck = vi.fn(fakeQuickCheck);
    const c = await started(setup({ assumeCandidate: true, quickCheck }));
    expect(quickCheck).not.toHaveBeenCalled();
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });

  it('reads the text of a very large page in slices for the quick check', async () => {
    const filler = '<p>Plain filler text for a long page, nothing to see.</p>'.repeat(6000);
    html(`<main>${filler}<p>At last: Crocus City Hall</p></main>`);
    const perf = document.defaultView!.performance;
    const spy = vi
      .spyOn(perf, 'getEntriesByType')
      .mockReturnValue([{ decodedBodySize: 5_000_000 } as unknown as PerformanceEntry]);
    const quickCheck = vi.fn(fakeQuickCheck);
    sched = new FakeScheduler(1);
    const c = await started(setup({ quickCheck }));
    spy.mockRestore();
    expect(quickCheck.mock.calls.length).toBeGreaterThan(1);
    expect(Math.max(...quickCheck.mock.calls.map(([t]) => t.length))).toBeLessThan(300_000);
    expect(sched.yields).toBeGreaterThan(0);
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });

  it('yields between the recognizer\'s answer, the page-wide rule and painting (no long task on a long page)', async () => {
    html(`${'<p>Plain filler text.</p>'.repeat(50)}<p>Crocus City Hall</p>`);
    // Every clock read uses up the slice: each breathing point is a yield.
    sched = new FakeScheduler(100);
    let yieldsAtAnswer = -1;
    const send = async (request: RecognizeRequest): Promise<RecognizeReply> => {
      const { about, mentions } = fakeRecognize(request.texts);
      yieldsAtAnswer = sched.yields;
      return { about, evidence: [], perBlock: request.texts.map((_, i) => mentions.filter((m) => m.block === i)), context: request.texts.map(() => CONTEXT.all) };
    };
    const c = await started(setup({ recognize: { send } }));
    expect(texts(c)).toEqual(['Crocus City Hall']);
    expect(eventSize()).toBe(1);
    expect(yieldsAtAnswer).toBeGreaterThanOrEqual(0);
    expect(sched.yields - yieldsAtAnswer).toBeGreaterThanOrEqual(2);
  });

  it('paints plain (no underline) on a page with more text than PLAIN_HIGHLIGHT_CHARS, once it grows past it', async () => {
    expect(PLAIN_HIGHLIGHT_CHARS).toBeGreaterThanOrEqual(1_000_000);
    const paragraph = '<p>Plain filler text for a long page, nothing to see here at all.</p>';
    html(`${paragraph.repeat(20)}<p>Crocus City Hall</p>`);
    const c = await started(setup({ plainChars: 2_000 }));
    expect(eventSize()).toBe(1);
    const plainEvent = highlightNames('background').event;
    expect(registry.has(plainEvent)).toBe(false);
    // The page grows past the limit: the highlights move to the plain names, the earlier one with them.
    document.body.insertAdjacentHTML('beforeend', `${paragraph.repeat(40)}<p>The FSB on Crocus City Hall</p>`);
    await afterMutations(c);
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB', 'Crocus City Hall']);
    expect(registry.has(EVENT_HIGHLIGHT)).toBe(false);
    expect(registry.get(plainEvent)!.size).toBe(2);
  });

  it('finds candidates that exist only inside an open shadow root', async () => {
    html('<p>Nothing here.</p><x-widget></x-widget>');
    const sr = document.querySelector('x-widget')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<p>Shadow: Crocus City Hall</p>';
    const c = await started(setup());
    expect(texts(c)).toEqual(['Crocus City Hall']);
    expect(c.mentions()[0].range.startContainer.getRootNode()).toBe(sr);
  });
});

describe('page controller: mutations', () => {
  it('highlights an added paragraph, rescanning only that paragraph', async () => {
    html('<main><p>Crocus City Hall was attacked.</p></main>');
    const c = await started(setup());
    walks = [];
    const p = document.createElement('p');
    p.textContent = 'Later: the FSB and Crocus City Hall.';
    document.querySelector('main')!.appendChild(p);
    await afterMutations(c);
    expect(walks).toEqual([p]);
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB', 'Crocus City Hall']);
    expect(eventSize()).toBe(2);
    expect(entitySize()).toBe(1);
    expect(results.at(-1)).toEqual({ about: true, count: 3 });
  });

  it('rescans the enclosing block when inline content changes', async () => {
    html('<main><p id="p">At Crocus <b>Town</b> Hall</p><p>FSB</p></main>');
    const c = await started(setup());
    expect(c.state).toBe('active');
    expect(texts(c)).toEqual([]);
    walks = [];
    document.querySelector('b')!.firstChild!.nodeValue = 'City';
    await afterMutations(c);
    expect(walks).toEqual([document.getElementById('p')]);
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
  });

  it('activates an idle page when an edit completes a name across inline elements', async () => {
    html('<main><p id="p">At Crocus <b>Town</b> Hall</p></main>');
    const c = await started(setup());
    expect(c.state).toBe('idle');
    document.querySelector('b')!.firstChild!.nodeValue = 'City';
    await afterMutations(c);
    expect(c.state).toBe('active');
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });

  it('drops the old highlight and adds the new one when a text node is replaced', async () => {
    html('<p id="p">Crocus City Hall</p><p>FSB</p>');
    const c = await started(setup());
    const [old] = c.mentions();
    const oldRange = old.range;
    const p = document.getElementById('p')!;
    p.replaceChild(document.createTextNode('New text: Crocus City Hall'), p.firstChild!);
    await afterMutations(c);
    const now = c.mentions();
    expect(now.map((m) => m.text)).toEqual(['Crocus City Hall', 'FSB']);
    expect(now[0].index).not.toBe(old.index);
    expect(c.rangeOf(old.index)).toBeNull();
    expect([...registry.get(EVENT_HIGHLIGHT)!]).not.toContain(oldRange);
    expect(eventSize()).toBe(1);
    expect(now[0].range.toString()).toBe('Crocus City Hall');
  });

  it('drops a mention whose text the page edits', async () => {
    html('<p>Crocus City Hall</p><p>Crocus City Hall again</p>');
    const c = await started(setup());
    expect(eventSize()).toBe(2);
    (document.querySelector('p')!.firstChild as Text).data = 'Crocus City Park';
    await afterMutations(c);
    expect(texts(c)).toEqual(['Crocus City Hall']);
    expect(eventSize()).toBe(1);
  });

  it('keeps unchanged mentions (same index, no repaint) when a block is rescanned', async () => {
    html('<p>Crocus City Hall: <span id="n">1</span> updates</p>');
    const c = await started(setup());
    const [before] = c.mentions();
    document.getElementById('n')!.firstChild!.nodeValue = '2';
    await afterMutations(c);
    expect(c.mentions()[0].index).toBe(before.index);
    expect(c.mentions()[0]).toBe(before);
  });

  it('forgets mentions in removed blocks', async () => {
    html('<main><p>Crocus City Hall</p><p id="x">and Crocus City Hall</p></main>');
    const c = await started(setup());
    document.getElementById('x')!.remove();
    await afterMutations(c);
    expect(texts(c)).toEqual(['Crocus City Hall']);
    expect(eventSize()).toBe(1);
  });

  it('drops mentions in content that becomes hidden, and finds them when it is shown', async () => {
    html('<main><div id="d"><p>Crocus City Hall</p></div><p>FSB</p></main>');
    const c = await started(setup());
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
    document.getElementById('d')!.setAttribute('aria-hidden', 'true');
    await afterMutations(c);
    expect(texts(c)).toEqual(['FSB']);
    document.getElementById('d')!.removeAttribute('aria-hidden');
    await afterMutations(c);
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
  });

  it('picks up mentions added inside an open shadow root', async () => {
    html('<p>Crocus City Hall</p><x-feed></x-feed>');
    const sr = document.querySelector('x-feed')!.attachShadow({ mode: 'open' });
    sr.innerHTML = '<div id="list"></div>';
    const c = await started(setup());
    const item = document.createElement('p');
    item.textContent = 'Shadow FSB item';
    sr.getElementById('list')!.appendChild(item);
    await afterMutations(c);
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
  });

  it('ignores mutations inside its own UI host', async () => {
    html(`<p>Crocus City Hall</p><crocus-ui ${UI_HOST_ATTR}=""><div id="card"></div></crocus-ui>`);
    const c = await started(setup());
    walks = [];
    const n = recognize.mock.calls.length;
    document.getElementById('card')!.textContent = 'Crocus City Hall in our card';
    const host = document.createElement('crocus-ui');
    host.setAttribute(UI_HOST_ATTR, '');
    host.textContent = 'Crocus City Hall';
    document.body.appendChild(host);
    await afterMutations(c);
    expect(walks).toEqual([]);
    expect(recognize.mock.calls.length).toBe(n);
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });

  it('our own UI joining the page costs no pass over its blocks; a block leaving it is still noticed', async () => {
    html(`<p>Crocus City Hall</p>${'<p>Other news of the day.</p>'.repeat(50)}<p id="gone">The FSB said so.</p>`);
    const c = await started(setup());
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
    // Each block's first node is asked whether it is still in the page in a pass over them all.
    const asked = vi.spyOn(Node.prototype, 'isConnected', 'get');
    const host = document.createElement('crocus-context-card');
    host.setAttribute(UI_HOST_ATTR, '');
    document.body.append(host);
    await afterMutations(c);
    expect(asked).not.toHaveBeenCalled();
    document.getElementById('gone')!.remove();
    await afterMutations(c);
    expect(asked.mock.calls.length).toBeGreaterThanOrEqual(50);
    asked.mockRestore();
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });

  it('ignores typing in editable regions', async () => {
    html('<p>Crocus City Hall</p><div contenteditable="true"><p id="e">draft</p></div>');
    const c = await started(setup());
    walks = [];
    (document.getElementById('e')!.firstChild as Text).data = 'draft about Crocus City Hall';
    await afterMutations(c);
    expect(walks).toEqual([]);
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });

  it('rescans the whole page past maxChangedNodes', async () => {
    html('<main id="m"><p>Crocus City Hall</p></main>');
    const c = await started(setup({ maxChangedNodes: 50 }));
    walks = [];
    const m = document.getElementById('m')!;
    for (let i = 0; i < 60; i++) m.appendChild(document.createElement('p')).textContent = `item ${i}`;
    await afterMutations(c);
    expect(walks).toEqual([document]);
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });

  it('re-recognizes earlier blocks when later content shows the page is about the attack', async () => {
    html('<main><p>The FSB said nothing.</p></main>');
    const c = await started(setup());
    expect(c.state).toBe('active');
    expect(c.about).toBe(false);
    expect(texts(c)).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'Update: gunmen attacked Crocus City Hall.';
    document.querySelector('main')!.appendChild(p);
    await afterMutations(c);
    expect(c.about).toBe(true);
    expect(texts(c)).toEqual(['FSB', 'Crocus City Hall']);
  });
});

describe('page controller: idle pages and navigation', () => {
  it('activates when text with a candidate is added later', async () => {
    html('<main id="m"><p>Gardening news.</p></main>');
    const c = await started(setup());
    expect(c.state).toBe('idle');
    const p = document.createElement('p');
    p.textContent = 'Breaking: Crocus City Hall';
    document.getElementById('m')!.appendChild(p);
    await afterMutations(c);
    expect(c.state).toBe('active');
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });

  it('stays idle (no walk) when added text has no candidate', async () => {
    html('<main id="m"><p>Gardening news.</p></main>');
    const c = await started(setup());
    document.getElementById('m')!.appendChild(document.createElement('p')).textContent = 'Crocus corms';
    await afterMutations(c);
    expect(c.state).toBe('idle');
    expect(walks).toEqual([]);
    expect(recognize).not.toHaveBeenCalled();
  });

  it('rescans everything on SPA navigation', async () => {
    html('<div id="app"><p>Crocus City Hall</p></div>');
    let navigate: () => void = () => {};
    const unsubscribe = vi.fn();
    const c = await started(
      setup({
        onNavigate: (cb) => {
          navigate = cb;
          return unsubscribe;
        },
      }),
    );
    walks = [];
    navigate();
    await afterMutations(c);
    expect(walks).toEqual([document]);
    c.stop();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});

describe('page controller: robustness', () => {
  it('bounds rescans of a block the page rewrites 1,000 times', async () => {
    html('<main><p id="ticker">Crocus City Hall: <span id="n">0</span></p><p>FSB</p></main>');
    const log = vi.fn();
    const c = await started(setup({ log }));
    walks = [];
    const n = document.getElementById('n')!;
    for (let i = 1; i <= 1000; i++) {
      n.firstChild!.nodeValue = String(i);
      await sched.advance(100);
    }
    await afterMutations(c, 1000);
    const tickerWalks = walks.filter((w) => w === document.getElementById('ticker')).length;
    // 100 s of rewrites every 100 ms: without the breaker this would be ~400 rescans.
    expect(tickerWalks).toBeGreaterThan(3);
    expect(tickerWalks).toBeLessThanOrEqual(20);
    expect(log).toHaveBeenCalledTimes(1);
    // The mention is still there and valid.
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
    expect(c.rangeOf(c.mentions()[0].index)).not.toBeNull();
  }, 60_000);

  it('re-registers highlights the page removed, on the next tick', async () => {
    html('<main><p>Crocus City Hall</p></main>');
    const c = await started(setup({ repairIntervalMs: 0 }));
    registry.clear();
    document.querySelector('main')!.appendChild(document.createElement('p')).textContent = 'x';
    await afterMutations(c);
    expect(eventSize()).toBe(1);
  });

  it('re-registers on its repair timer even without mutations', async () => {
    html('<main><p>Crocus City Hall</p></main>');
    const c = await started(setup({ repairIntervalMs: 1000 }));
    registry.clear();
    await sched.advance(1000);
    expect(eventSize()).toBe(1);
    c.stop();
    expect(sched.pendingTimers).toBe(0);
  });

  it('stop() clears highlights and disconnects everything', async () => {
    html('<main><p>Crocus City Hall</p></main>');
    const c = await started(setup());
    c.stop();
    expect(registry.size).toBe(0);
    expect(c.mentions()).toEqual([]);
    walks = [];
    document.querySelector('main')!.appendChild(document.createElement('p')).textContent = 'Crocus City Hall';
    await afterMutations(c);
    expect(walks).toEqual([]);
    expect(c.state).toBe('stopped');
    expect(sched.pendingTimers).toBe(0);
  });

  it('can be started again after stop()', async () => {
    html('<main><p>Crocus City Hall</p><p>The FSB</p></main>');
    let subscriptions = 0;
    const c = await started(setup({ onNavigate: () => void subscriptions++ }));
    c.stop();
    expect(eventSize()).toBe(0);
    c.start();
    await settle();
    await c.whenIdle();
    expect(c.state).toBe('active');
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
    expect(eventSize()).toBe(1);
    expect(subscriptions).toBe(1); // no unsubscribe function given: the one subscription is kept
    expect(c.contextOf(c.mentions()[1].index)).toEqual({ text: 'The FSB', start: 4, end: 7 });
  });

  it('works in slices: yields during a long walk and recognition, same result', async () => {
    const paras = Array.from({ length: 3000 }, (_, i) => `<p>Paragraph ${i} ${i % 500 === 0 ? 'Crocus City Hall' : 'text'} with some more words to fill it up</p>`);
    html(`<main>${paras.join('')}</main>`);
    // Every clock read advances 1 ms: the 8 ms budget is used up every 8 reads (the walk reads every 256 nodes).
    sched = new FakeScheduler(1);
    const c = await started(setup());
    expect(sched.yields).toBeGreaterThan(3);
    expect(texts(c)).toHaveLength(6);
    expect(recognize.mock.calls.length).toBeGreaterThan(1);
  });
});

describe('page controller: fallback (DOM-wrapping) mode', () => {
  it('wraps, rescans and leaves the page byte-identical after stop()', async () => {
    html('<main>\n<p>The <b>Crocus</b> City Hall attack &amp; the FSB.</p>\n</main>');
    const c = await started(setup({}, true));
    expect(document.querySelectorAll(MARK_TAG).length).toBe(3); // the split venue mention has two pieces
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB']);
    // The page adds content next to our wrappers; the rescan must not see our own DOM writes as changes.
    walks = [];
    const p = document.createElement('p');
    p.textContent = 'More on Crocus City Hall.';
    document.querySelector('main')!.appendChild(p);
    await afterMutations(c);
    expect(walks).toEqual([p]);
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB', 'Crocus City Hall']);
    const expected = '<main>\n<p>The <b>Crocus</b> City Hall attack &amp; the FSB.</p>\n<p>More on Crocus City Hall.</p></main>';
    // A rescan of a wrapped block (the page edits text next to a mark) restores before it re-wraps.
    walks = [];
    const b = document.querySelector('main > p b')!;
    b.parentNode!.insertBefore(document.createTextNode(''), b);
    await afterMutations(c);
    expect(texts(c)).toEqual(['Crocus City Hall', 'FSB', 'Crocus City Hall']);
    c.stop();
    expect(document.querySelectorAll(MARK_TAG).length).toBe(0);
    expect(document.body.innerHTML).toBe(expected.replace('<p>The ', '<p>The '));
    await settle();
  });
});

describe('page controller: mutation floods', () => {
  it('turns a flood of mutations into one full rescan', async () => {
    html('<main id="m"><p>Crocus City Hall</p></main>');
    const c = await started(setup({ maxChangedNodes: 20 }));
    walks = [];
    const m = document.getElementById('m')!;
    // 200 separate records (one per append) in one batch: more than 4 × maxChangedNodes.
    for (let i = 0; i < 200; i++) m.appendChild(document.createElement('span')).textContent = `${i} `;
    await afterMutations(c);
    expect(walks).toEqual([document]);
    expect(texts(c)).toEqual(['Crocus City Hall']);
  });
});

describe('page controller: mentions inside longer ones', () => {
  /** "Crocus City Hall attack" is the event; the venue inside it comes back marked `inner`. */
  const withInner = (blocks: readonly string[]) => {
    const r = fakeRecognize(blocks);
    const mentions = r.mentions.flatMap((m) => {
      const after = blocks[m.block].slice(m.end, m.end + 7);
      if (m.kind !== 'venue' || after !== ' attack') return [m];
      return [
        { ...m, end: m.end + 7, text: `${m.text} attack`, kind: 'event' as const, entity: 'crocus-attack' },
        { ...m, inner: true },
      ];
    });
    return { about: r.about, mentions };
  };

  it('lists inner mentions (flagged) but paints only the outer one', async () => {
    html('<p>The Crocus City Hall attack and the FSB.</p>');
    const c = await started(setup({ recognize: vi.fn(withInner) }));
    expect(c.mentions().map((m) => [m.text, m.inner ?? false])).toEqual([
      ['Crocus City Hall attack', false],
      ['Crocus City Hall', true],
      ['FSB', false],
    ]);
    expect(eventSize()).toBe(1);
    expect([...registry.get(EVENT_HIGHLIGHT)!][0].toString()).toBe('Crocus City Hall attack');
  });

  it('leaves inner mentions out in the wrapping fallback, and still restores the page exactly', async () => {
    html('<p>The Crocus City Hall attack and the FSB.</p>');
    const before = document.body.innerHTML;
    const c = await started(setup({ recognize: vi.fn(withInner) }, true));
    expect(c.mentions().map((m) => m.text)).toEqual(['Crocus City Hall attack', 'FSB']);
    c.stop();
    expect(document.body.innerHTML).toBe(before);
  });
});
