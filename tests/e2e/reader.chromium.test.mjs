// The reader's path in real Chromium: highlights on the seed article, the hover card on a highlight, the overlay
// panel opened from the card with the page's mentions, keyboard use, axe-core on every extension surface, and the
// native side panel opened from the toolbar popup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, seedPageHtml, waitFor, axeSource, pointOnHighlight, pointOnClaim, onPage } from './harness.mjs';

let browser;
let server;
before(async () => {
  server = await serve({ routes: { '/news/seed.html': seedPageHtml() } });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `steps` on the seed article once its highlights and the hover card's host (mounted right after) are in place. */
function onSeed(steps) {
  return onTab(null, async (page) => {
    await page.goto(server.url + 'news/seed.html');
    await page.waitForFunction(() => (CSS.highlights.get('crocus-event')?.size ?? 0) > 0 && document.querySelector('crocus-context-card'), null, { timeout: 10000 });
    await steps(page);
  });
}

/** Runs `steps` on a new tab, at one of the extension's pages when `path` is given; the tab is closed after. */
async function onTab(path, steps) {
  const page = await browser.context.newPage();
  await onPage(page, async () => {
    if (path) await page.goto(browser.extensionUrl(path));
    await steps(page);
  }, { worker: browser.worker });
}

/** Clicks "Open panel" in a card and returns the overlay's frame once it is shown with the panel in it. */
async function openPanelFrom(page, card) {
  await card.getByRole('button', { name: 'Open panel' }).click();
  const frame = await waitFor(() => page.frames().find((f) => f.url().includes('sidepanel.html')), { what: 'the overlay frame' });
  await waitFor(async () => (await frame.frameElement()).isVisible(), { what: 'the overlay shown' });
  await frame.getByRole('heading', { level: 1 }).waitFor({ timeout: 10000 });
  return frame;
}

/** Rests the pointer on the first `name` highlight; returns the point and the hover card, once it is shown. */
async function hoverHighlight(page, name) {
  const point = await pointOnHighlight(page, name);
  assert.ok(point, `a ${name} highlight is on screen`);
  await page.mouse.move(point.x, point.y);
  const card = page.getByTestId('crocus-card');
  await card.waitFor({ timeout: 10000 });
  return { point, card };
}

async function axe(page, frame = page) {
  await frame.evaluate(axeSource);
  const result = await frame.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.length} node(s) — ${v.help}`);
}

test('hovering a highlight shows the card with the current casualty figure; Esc closes it', async () => {
  await onSeed(async (page) => {
    const { point, card } = await hoverHighlight(page, 'crocus-event');
    const text = await card.textContent();
    assert.match(text, /149 dead/);
    assert.match(text, /Open panel/);
    // The card does not cover the hovered text.
    const box = await card.boundingBox();
    assert.ok(box.y > point.y || box.y + box.height < point.y, 'card is above or below the hovered line');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 5000 });
  });
});

test('an entity highlight shows who it is and its claims', async () => {
  await onSeed(async (page) => {
    const { card } = await hoverHighlight(page, 'crocus-entity');
    assert.ok((await card.locator('h2').textContent()).length > 0);
  });
});

test('the panel loads hidden while the card shows, opens for the name hovered, again without reloading, and takes no orders from the page', async () => {
  await onSeed(async (page) => {
    const { card } = await hoverHighlight(page, 'crocus-entity');
    const name = (await card.locator('h2').textContent()).trim();
    // Loaded ahead, and nothing of it shows before the click.
    const frame = await waitFor(() => page.frames().find((f) => f.url().includes('sidepanel.html')), { what: 'the panel frame loaded ahead' });
    await frame.locator('h1').waitFor({ state: 'attached' });
    assert.equal(await (await frame.frameElement()).isVisible(), false, 'the panel is hidden until opened');
    await frame.evaluate(() => (window.__sameDocument = true));
    await card.getByRole('button', { name: 'Open panel' }).click();
    await waitFor(async () => (await frame.frameElement()).isVisible(), { what: 'the panel shown' });
    await waitFor(async () => (await frame.locator('#focus-title').textContent().catch(() => '')) === name, { what: `the panel focused on ${name}` });
    // The host page tries to steer the panel: a message without the frame's key is ignored.
    await page.evaluate(() => {
      for (let i = 0; i < window.frames.length; i++) window.frames[i].postMessage({ type: 'crocus/open-overlay', key: '', visit: 99 }, '*');
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await frame.locator('#focus-title').textContent()).trim(), name, 'the page cannot change what the panel shows');
    await frame.locator('body').press('Escape');
    await waitFor(async () => !(await (await frame.frameElement()).isVisible()), { what: 'the panel closed' });
    assert.notEqual(await page.evaluate(() => document.activeElement?.localName), 'crocus-context-panel', 'focus left the hidden panel');
    // Opened again, from the event's card: the same document, now on the summary.
    await hoverHighlight(page, 'crocus-event');
    await card.getByRole('button', { name: 'Open panel' }).click();
    await waitFor(async () => (await frame.frameElement()).isVisible(), { what: 'the panel shown again' });
    await waitFor(() => frame.evaluate(() => !document.getElementById('entity-focus')), { what: 'the summary without the entity card' });
    assert.equal(await frame.evaluate(() => window.__sameDocument), true, 'the panel was not reloaded');
    assert.equal(await frame.locator('#tab-summary').getAttribute('aria-selected'), 'true');
    // Turned off on this site from the card: the panel's frame goes with the highlights.
    await frame.locator('body').press('Escape');
    await page.mouse.move(1, 1);
    await hoverHighlight(page, 'crocus-event');
    await card.getByRole('button', { name: "Don't highlight on this site" }).click();
    try {
      await waitFor(() => page.evaluate(() => !document.querySelector('crocus-context-panel') && !(CSS.highlights.get('crocus-event')?.size)), { what: 'no panel frame and no highlight left' });
    } finally {
      await browser.worker.evaluate(() => chrome.storage.local.set({ 'settings.disabledSites': [] }));
    }
  });
});

test('Open panel from the card overlays the panel, which lists and reveals the page mentions', async () => {
  await onSeed(async (page) => {
    const { card } = await hoverHighlight(page, 'crocus-event');
    const frame = await openPanelFrom(page, card);
    await frame.getByRole('tab', { name: /Mentions/ }).click();
    const mentionButtons = frame.locator('[data-testid=mention-item]');
    await mentionButtons.first().waitFor({ timeout: 10000 });
    assert.ok((await mentionButtons.count()) >= 3, 'the page mentions are listed');
    const before = await page.evaluate(() => scrollY);
    await mentionButtons.last().click();
    await waitFor(() => page.evaluate((b) => scrollY !== b || getSelection().toString().length > 0, before), { what: 'mention revealed' });
    assert.deepEqual(await axe(page, frame), []);
  });
});

test('the popup, options and panel pages pass axe-core', async () => {
  for (const path of ['popup.html', 'options.html', 'sidepanel.html']) {
    await onTab(path, async (page) => {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForTimeout(300);
      assert.deepEqual(await axe(page), [], path);
    });
  }
});

test('the panel is keyboard operable: Tab reaches controls with a visible focus', async () => {
  await onTab('sidepanel.html', async (page) => {
    await page.getByRole('heading', { level: 1 }).waitFor();
    const seen = new Set();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const style = el ? getComputedStyle(el) : null;
        return el && el !== document.body ? { tag: el.tagName, text: el.textContent?.slice(0, 30), outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' } : null;
      });
      if (info) {
        seen.add(`${info.tag}:${info.text}`);
        assert.ok(info.outline, `visible focus on ${info.tag} "${info.text}"`);
      }
    }
    assert.ok(seen.size >= 3, `keyboard reaches several controls (${[...seen].join(', ')})`);
  });
});

test('a sentence reporting a known claim is annotated; its card shows the claim and what contradicts it; the panel marks it', async () => {
  await onSeed(async (page) => {
    await page.waitForFunction(() => (CSS.highlights.get('crocus-claim')?.size ?? 0) > 0, null, { timeout: 10000 });
    // "Three days before the attack, President Putin accused Washington of blackmail": Putin's 19 March claim (C10).
    const point = await pointOnClaim(page, 'Three days before');
    assert.ok(point, 'the Putin sentence is annotated');
    await page.mouse.move(point.x - 3, point.y);
    await page.mouse.move(point.x, point.y);
    const card = page.getByTestId('crocus-claim-card');
    await card.waitFor({ timeout: 10000 });
    assert.equal(await card.getAttribute('data-claim'), 'C10');
    const text = await card.textContent();
    assert.match(text, /Vladimir Putin/);
    assert.match(text, /John Kirby|United States|National Security Council/, 'a contradicting US claim is shown beside it');
    assert.ok((await card.locator('.cc-side').count()) >= 2, 'the sides are shown side by side');
    const frame = await openPanelFrom(page, card);
    await frame.getByRole('tab', { name: /Conflicts/ }).click();
    await frame.getByTestId('conflicts-on-page').waitFor({ timeout: 10000 });
    assert.ok((await frame.locator('li.on-page[data-claim="C10"]').count()) >= 1, 'C10 is marked as reported on this page');
  });
});

// Last: the open side panel stays open in the window for the rest of the run.
test('the native side panel opens from the popup button', async () => {
  await onTab('popup.html', async (page) => {
    // The popup closes itself after opening the panel, which may end the click early.
    await page
      .getByRole('button', { name: 'Open panel' })
      .click({ timeout: 10000 })
      .catch((err) => {
        if (!/closed/i.test(err.message)) throw err;
      });
    const panels = await waitFor(
      () => browser.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length),
      { what: 'side panel context' },
    );
    assert.equal(panels, 1);
  });
});
