// The built Firefox extension installs in real Firefox ESR: its content script runs on a loopback news page and
// talks to the background, and the sidebar page renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, serve, seedPageHtml, waitFor } from './harness.mjs';

let ff;
let server;
before(async () => {
  server = await serve({ routes: { '/news/crocus.html': seedPageHtml() } });
  ff = await launchFirefox();
});
after(async () => {
  await ff?.close();
  await server?.close();
});

test('content script reports mentions on the seed article; the badge shows them', async () => {
  const page = await ff.browser.newPage();
  const url = server.url + 'news/crocus.html';
  await page.goto(url);
  const panel = await ff.openExtensionPage('sidepanel.html');
  const badge = await waitFor(
    () => panel.evaluate(async () => {
      const tabs = await browser.tabs.query({});
      const texts = await Promise.all(tabs.map((t) => browser.action.getBadgeText({ tabId: t.id })));
      return texts.find(Boolean);
    }),
    { what: 'badge text' },
  );
  assert.ok(Number(badge) >= 2, `badge ${badge}`);
  await page.close();
  await panel.close();
});

test('the sidebar page renders and a message round trip to the background works', async () => {
  const panel = await ff.openExtensionPage('sidepanel.html');
  const heading = await panel.$eval('h1', (h) => h.textContent);
  assert.match(heading, /Crocus Context/);
  const reply = await panel.evaluate(() => browser.runtime.sendMessage({ type: 'ping' }));
  assert.deepEqual(reply, { ok: true, value: { pong: true, version: '0.1.0' } });
  await panel.close();
});
