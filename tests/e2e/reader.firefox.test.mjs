// The reader's path in real Firefox ESR: highlights, the hover card, the overlay panel with the page's mentions,
// axe-core on the panel, and the native sidebar opened from the popup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, serve, seedPageHtml, waitFor, axeSource, pointOnHighlight, pointOnClaim } from './harness.mjs';

let ff;
let server;
before(async () => {
  server = await serve({ routes: { '/news/seed.html': seedPageHtml() } });
  ff = await launchFirefox();
});
after(async () => {
  await ff?.close();
  await server?.close();
});

async function openSeed() {
  const page = await ff.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.url + 'news/seed.html');
  // Highlights, and the hover card's host (mounted right after), are in place.
  await page.waitForFunction(() => (CSS.highlights.get('crocus-event')?.size ?? 0) > 0 && document.querySelector('crocus-context-card'), { timeout: 10000 });
  return page;
}


/** The hover card's text once the reader can see it (it is rendered unseen while the pointer rests), else null. */
const shownCardText = (page) =>
  page.evaluate(() => {
    const card = document.querySelector('crocus-context-card')?.shadowRoot?.querySelector('[data-testid=crocus-card]');
    return card && getComputedStyle(card).visibility === 'visible' ? card.textContent : null;
  });

test('hovering a highlight shows the card; Open panel overlays the panel listing the mentions', async () => {
  const page = await openSeed();
  const point = await pointOnHighlight(page, 'crocus-event');
  assert.ok(point, 'an event highlight is on screen');
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  // The card lives in the extension's open shadow root.
  const cardText = await waitFor(() => shownCardText(page), { what: 'hover card' });
  assert.match(cardText, /149 dead/);
  const open = await page.evaluateHandle(() => document.querySelector('crocus-context-card').shadowRoot.querySelector('.cc-primary'));
  await open.asElement().click();
  // BiDi reports the overlay frame's address late (as about:blank); ask the frame itself.
  const frame = await waitFor(async () => {
    for (const f of page.frames().slice(1)) {
      if (await f.evaluate(() => location.href.includes('sidepanel.html')).catch(() => false)) return f;
    }
    return null;
  }, { what: 'overlay frame' });
  await waitFor(() => frame.evaluate(() => document.querySelectorAll('h1').length > 0).catch(() => false), { what: 'panel rendered' });
  const tabs = await frame.$$('[role=tab]');
  for (const tab of tabs) {
    if (/Mentions/i.test(await tab.evaluate((el) => el.textContent))) await tab.evaluate((el) => el.click());
  }
  const count = await waitFor(() => frame.evaluate(() => document.querySelectorAll('[data-testid=mention-item]').length), { what: 'mentions listed' });
  assert.ok(count >= 3, `${count} mentions listed`);
  // Closed with Esc and opened again from the card: shown at once, the same document (it is not loaded again).
  const panelShown = () => page.evaluate(() => getComputedStyle(document.querySelector('crocus-context-panel')).display !== 'none');
  await frame.evaluate(() => (window.__sameDocument = true));
  await frame.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  await waitFor(async () => !(await panelShown()), { what: 'the panel closed' });
  assert.notEqual(await page.evaluate(() => document.activeElement?.localName), 'crocus-context-panel', 'focus left the hidden panel');
  // Back on the highlight it opened from: its card shows again.
  const again = await pointOnHighlight(page, 'crocus-event');
  await page.mouse.move(again.x - 3, again.y);
  await page.mouse.move(again.x, again.y);
  await waitFor(() => shownCardText(page), { what: 'the card again' });
  await (await page.evaluateHandle(() => document.querySelector('crocus-context-card').shadowRoot.querySelector('.cc-primary'))).asElement().click();
  await waitFor(panelShown, { what: 'the panel shown again' });
  assert.equal(await frame.evaluate(() => window.__sameDocument), true, 'the panel was not reloaded');
  await page.close();
});

test('the panel passes axe-core and the sidebar opens from the popup', async () => {
  const panel = await ff.openExtensionPage('sidepanel.html');
  await panel.evaluate(axeSource);
  const violations = await panel.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => v.id));
  assert.deepEqual(violations, []);
  await panel.close();

  const popup = await ff.openExtensionPage('popup.html');
  assert.equal(await popup.evaluate(() => browser.sidebarAction.isOpen({})), false);
  const button = await popup.waitForSelector('button.primary');
  await button.click().catch(() => {});
  const opened = await waitFor(async () => {
    const probe = await ff.openExtensionPage('options.html');
    const isOpen = await probe.evaluate(() => browser.sidebarAction.isOpen({}));
    await probe.close();
    return isOpen;
  }, { what: 'sidebar open' });
  assert.equal(opened, true);
});

test('a sentence reporting a known claim is annotated and its card shows the claim and what contradicts it', async () => {
  const page = await openSeed();
  await page.waitForFunction(() => (CSS.highlights.get('crocus-claim')?.size ?? 0) > 0, { timeout: 10000 });
  const point = await pointOnClaim(page, 'Three days before');
  assert.ok(point, 'the Putin sentence is annotated');
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  const card = await waitFor(
    () => page.evaluate(() => {
      const el = document.querySelector('crocus-context-card')?.shadowRoot?.querySelector('[data-testid=crocus-claim-card]');
      return el ? { claim: el.getAttribute('data-claim'), text: el.textContent, sides: el.querySelectorAll('.cc-side').length } : null;
    }),
    { what: 'claim card' },
  );
  assert.equal(card.claim, 'C10');
  assert.match(card.text, /Vladimir Putin/);
  assert.ok(card.sides >= 2);
  await page.close();
});
