// Highlights, shared by highlights.chromium.test.mjs and highlights.firefox.test.mjs: the same checks against the built
// extension in both browsers. The page adapter (lib/page) registers CSS Custom Highlights on a static article, on
// content a page adds later, inside an open shadow root; none on a page about crocus flowers; no page script at all on
// a page that only names Moscow (until text about the attack is added) nor on one that names the attack only in its
// script data; and the page's DOM is never changed (only our own UI host is added).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FIXTURES, serve, waitFor } from './harness.mjs';

/**
 * What the page shows of our work, read in the page's own world (the highlight registry is shared between the page
 * and the content script's isolated world; Firefox shows the page the content script's objects through Xray
 * wrappers).
 */
function pageState() {
  const ranges = (name) => {
    const h = CSS.highlights.get(name);
    return h ? [...h] : [];
  };
  const describe = (r) => ({
    text: r.toString(),
    collapsed: r.collapsed,
    connected: r.startContainer.isConnected && r.endContainer.isConnected,
    inShadow: r.startContainer.getRootNode() instanceof ShadowRoot,
    split: r.startContainer !== r.endContainer,
    // Where the range sits: never in form fields, editors or hidden subtrees.
    excluded: !!r.startContainer.parentElement?.closest('textarea,[contenteditable],[aria-hidden="true"]'),
  });
  const clone = document.body.cloneNode(true);
  for (const host of clone.querySelectorAll('[data-crocus-context]')) host.remove();
  const lead = document.querySelector('#lead, h1');
  return {
    event: ranges('crocus-event').map(describe),
    entity: ranges('crocus-entity').map(describe),
    registered: CSS.highlights.has('crocus-event') || CSS.highlights.has('crocus-entity'),
    bodyUnchanged: window.__fixtureBody !== undefined && clone.innerHTML === window.__fixtureBody,
    uiHosts: document.querySelectorAll('[data-crocus-context]').length,
    // Hosts that make a box of their own (each added box costs a layout of the whole page).
    hostBoxes: [...document.querySelectorAll('[data-crocus-context]')].filter((h) => getComputedStyle(h).display !== 'contents' && getComputedStyle(h).display !== 'none').length,
    shadowUnchanged: window.__fixtureShadow === undefined || document.getElementById('card').shadowRoot.innerHTML === window.__fixtureShadow,
    marks: document.querySelectorAll('crocus-mark').length,
    painted: lead ? getComputedStyle(lead, '::highlight(crocus-event)').backgroundColor : null,
    paintedPlain: lead ? getComputedStyle(lead, '::highlight(crocus-event-background)').backgroundColor : null,
  };
}

/**
 * Registers the highlight tests for one browser.
 * @param {object} o
 * @param {'chromium'|'firefox'} o.name the browser, for messages
 * @param {() => Promise<{ newPage(): Promise<any>, close(): Promise<void> }>} o.launch the browser with the built
 *   extension; `newPage` opens a tab (a playwright or a puppeteer page: the tests use only goto, evaluate and close,
 *   which both drivers spell alike)
 */
export function highlightsSuite({ name, launch }) {
  let browser;
  let server;
  before(async () => {
    server = await serve({ dirs: [FIXTURES] });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path) {
    const page = await browser.newPage();
    await page.goto(server.url + path);
    return page;
  }

  const state = (page) => page.evaluate(pageState);

  test('a static article: venue and entity mentions highlighted, excluded regions skipped, DOM untouched', async () => {
    const page = await open('highlight-static.html');
    const s = await waitFor(async () => {
      const st = await state(page);
      return st.event.length >= 2 && st.entity.length >= 1 && st;
    }, { what: `${name}: highlights on the static article` });
    // (The recognizer may also mark descriptions such as "the concert venue in Krasnogorsk": not asserted here.)
    assert.ok(s.event.filter((r) => r.text === 'Crocus City Hall').length >= 2, JSON.stringify(s.event));
    assert.ok(s.event.every((r) => !r.collapsed && r.connected), JSON.stringify(s.event));
    // The headline's name runs across <b>Crocus</b> and the text after it: one range over two text nodes.
    assert.ok(s.event.some((r) => r.split && /^Crocus City Hall/.test(r.text)), JSON.stringify(s.event));
    assert.ok(s.entity.some((r) => r.text === 'FSB'), JSON.stringify(s.entity));
    assert.deepEqual([...s.event, ...s.entity].filter((r) => r.excluded), []);
    assert.equal(s.marks, 0, 'no DOM wrapping where the Highlight API exists');
    assert.equal(s.bodyUnchanged, true, 'body.innerHTML unchanged apart from our UI host');
    // Our ::highlight() styles reach the page (injected from the content script's world).
    assert.equal(s.painted, 'rgba(255, 183, 0, 0.3)');
    // So do the other looks' (the background look: also what very long pages get).
    assert.equal(s.paintedPlain, 'rgba(255, 183, 0, 0.42)');
    // The card's host is in the page, and adds no box to it.
    assert.equal(s.uiHosts, 1);
    assert.equal(s.hostBoxes, 0);
    await page.close();
  });

  test('an article about another attack beside a sidebar headline about this one: only the headline is marked', async () => {
    const page = await open('highlight-sidebar.html');
    const s = await waitFor(async () => {
      const st = await state(page);
      return st.event.length >= 1 && st;
    }, { what: `${name}: highlight on the sidebar headline` });
    // Give the names a moment to arrive too (they come in the same answer; nothing more is expected after it).
    await new Promise((r) => setTimeout(r, 500));
    const where = await page.evaluate(() =>
      ['crocus-event', 'crocus-entity'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => `${r.toString()}@${r.startContainer.parentElement.closest('li, p, h1, nav, footer')?.localName}`)),
    );
    assert.ok(where.includes('Crocus City Hall attack@li'), JSON.stringify(where));
    assert.ok(where.includes('Putin@li') && where.includes('IS-K@li'), JSON.stringify(where));
    // Nothing in the article, the menu, the footer or the sidebar's other items.
    assert.deepEqual(where.filter((w) => !w.endsWith('@li')), []);
    assert.equal(where.filter((w) => w.startsWith('Putin@')).length, 1, JSON.stringify(where));
    assert.equal(s.bodyUnchanged, true);
    await page.close();
  });

  test('a page with 36,000 elements whose one mention is its last paragraph: read in parts, the mention is found', async () => {
    const page = await open('highlight-long.html');
    // More elements than the sentinel reads in one piece (LONG_PAGE_ELEMENTS in entrypoints/sentinel.ts).
    assert.ok((await page.evaluate(() => window.__elements)) > 16_384);
    const s = await waitFor(async () => {
      const st = await state(page);
      return st.event.some((r) => r.text === 'Crocus City Hall') && st;
    }, { what: `${name}: highlight at the end of a long page` });
    const where = await page.evaluate(() => [...CSS.highlights.get('crocus-event')].map((r) => r.startContainer.parentElement.closest('p, li')?.id));
    assert.ok(where.length >= 1 && where.every((id) => id === 'last'), JSON.stringify(where));
    assert.equal(s.bodyUnchanged, true);
    await page.close();
  });

  test('content a page adds later is highlighted; replaced text is re-highlighted, never stale', async () => {
    const page = await open('highlight-dynamic.html');
    const first = await waitFor(async () => {
      const st = await state(page);
      return st.event.length >= 1 && st;
    }, { what: `${name}: highlight on the article the page inserted` });
    assert.ok(first.event.some((r) => r.text === 'Crocus City Hall' && r.split), JSON.stringify(first.event));

    await page.evaluate(() => window.addUpdate());
    const second = await waitFor(async () => {
      const st = await state(page);
      return st.event.length > first.event.length && st.entity.some((r) => r.text === 'FSB') && st;
    }, { what: `${name}: highlights on the live update` });
    assert.ok(second.event.length >= 2);

    await page.evaluate(() => window.rewriteFirst());
    const third = await waitFor(async () => {
      const st = await state(page);
      const texts = await page.evaluate(() => [...CSS.highlights.get('crocus-event')].map((r) => r.startContainer.parentElement?.textContent ?? ''));
      return texts.some((t) => t.startsWith('Correction')) && st;
    }, { what: `${name}: highlight on the rewritten paragraph` });
    // The old text node left the page: no range may still point into it.
    assert.ok(third.event.every((r) => !r.collapsed && r.connected), JSON.stringify(third.event));
    await page.close();
  });

  test('mentions inside an open shadow root are highlighted; light and shadow DOM untouched', async () => {
    const page = await open('highlight-shadow.html');
    const s = await waitFor(async () => {
      const st = await state(page);
      return st.event.some((r) => r.inShadow) && st;
    }, { what: `${name}: highlight inside the shadow root` });
    assert.ok(s.event.some((r) => !r.inShadow), 'the light-DOM headline too');
    assert.equal(s.bodyUnchanged, true);
    assert.equal(s.shadowUnchanged, true);
    // Hit testing (what the hover card's mentionAtPoint relies on): the engine finds our highlight and the very range
    // under the middle of each highlighted name, in the light DOM and, given the shadow root, inside it.
    const hits = await page.evaluate(() => {
      const ours = CSS.highlights.get('crocus-event');
      const shadowRoots = [document.getElementById('card').shadowRoot];
      return [...ours].map((range) => {
        const box = range.getClientRects()[0];
        const found = CSS.highlights.highlightsFromPoint(box.left + box.width / 2, box.top + box.height / 2, { shadowRoots });
        return found.some((h) => h.highlight === ours && h.ranges.includes(range));
      });
    });
    assert.ok(hits.length >= 2 && hits.every(Boolean), JSON.stringify(hits));
    await page.close();
  });

  test('an app shell whose articles render later inside nested shadow roots is read and highlighted', async () => {
    const page = await open('highlight-shadow-shell.html');
    const s = await waitFor(async () => {
      const st = await state(page);
      return st.event.some((r) => r.inShadow && r.text.includes('Crocus City Hall')) && st;
    }, { what: `${name}: highlight inside the app's nested shadow roots` });
    assert.ok(s.event.every((r) => r.inShadow && r.connected), JSON.stringify(s.event));
    await page.close();
  });

  test('a page about crocus flowers gets no highlights and no DOM change', async () => {
    const page = await open('highlight-flowers.html');
    // Give the sentinel, the page script and the recognizer ample time to act.
    await new Promise((r) => setTimeout(r, 2500));
    const s = await state(page);
    assert.deepEqual(s.event, []);
    assert.deepEqual(s.entity, []);
    assert.equal(s.bodyUnchanged, true);
    // The page names the flower: the page script ran, found nothing to explain and added nothing, not even the
    // card's empty host.
    assert.equal(s.uiHosts, 0);
    await page.close();
  });

  /**
   * A page whose text the sentinel matched but which cannot be about the attack: no page script is injected (its
   * fixture loads page-script-probe.js, which counts the starts), until text about the attack is added.
   */
  async function noPageScriptUntilAttack(fixture, why) {
    const page = await open(fixture);
    await new Promise((r) => setTimeout(r, 2500));
    const before = await state(page);
    assert.deepEqual([...before.event, ...before.entity], []);
    assert.equal(before.uiHosts, 0);
    assert.equal(before.bodyUnchanged, true);
    assert.equal(await page.evaluate(() => window.__pageScriptStarts), 0, `page script injected on a page that ${why}`);
    // The sentinel kept watching: a paragraph about the attack brings the page script and its highlights.
    await page.evaluate(() => window.addAttack());
    const after = await waitFor(async () => {
      const st = await state(page);
      return st.event.some((r) => r.text.includes('Crocus City Hall')) && st;
    }, { what: `${name}: highlights on the paragraph added to ${fixture}` });
    assert.ok(after.event.length >= 1);
    assert.equal(await page.evaluate(() => window.__pageScriptStarts), 1);
    assert.equal(await page.evaluate(() => window.__windowMessages), 0, 'the page script posted a message to the page');
    await page.close();
  }

  // The sentinel matched "Moscow" and "concert"; the background found nothing in the text around the matches that
  // could make the page about the attack.
  test('a page that names Moscow and a concert gets no page script until text about the attack is added', () =>
    noPageScriptUntilAttack('highlight-moscow.html', 'only names Moscow'));

  // The sentinel leaves script data out of its read (entrypoints/sentinel.ts NOT_TEXT).
  test('a page whose only mention is in its script data (related stories as JSON) gets no page script', () =>
    noPageScriptUntilAttack('highlight-script-data.html', 'names the attack only in script data'));

  return { get server() { return server; } };
}
