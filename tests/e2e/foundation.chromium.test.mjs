// The built Chrome extension loads in real Chromium: its content script runs on a loopback news page and talks to
// the background (the toolbar badge shows the count), and the panel page renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serve, seedPageHtml, waitFor } from './harness.mjs';

let browser;
let server;
before(async () => {
  server = await serve({ routes: { '/news/crocus.html': seedPageHtml(), '/news/other.html': '<!doctype html><p>Weather: sunny spells.</p>' } });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('content script reports mentions on the seed article; the badge shows them', async () => {
  const page = await browser.context.newPage();
  const url = server.url + 'news/crocus.html';
  await page.goto(url);
  const badge = await waitFor(async () => (await browser.badges()).find(Boolean), { what: 'badge text' });
  assert.match(badge, /^\d+$/);
  assert.ok(Number(badge) >= 2, `badge ${badge}`);
  await page.close();
});

test('no badge on a page that does not mention the attack', async () => {
  const page = await browser.context.newPage();
  const url = server.url + 'news/other.html';
  await page.goto(url);
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual((await browser.badges()).filter(Boolean), []);
  await page.close();
});

test('the panel page renders and a message round trip to the background works', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('sidepanel.html'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Crocus Context/);
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
  assert.deepEqual(reply, { ok: true, value: { pong: true, version: '0.1.0' } });
  const bad = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'mentions/report', count: -1 }));
  assert.equal(bad.ok, false);
  await page.close();
});
