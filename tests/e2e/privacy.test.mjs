// Nothing leaves the machine. Both browsers run the extension's whole flow (recognition, hover card, overlay
// panel, popup, options page with the reading history) while every request is recorded:
// - Chromium: its NetLog lists every request with its initiator; none may come from the extension's origin or
//   from the page's origin beyond the page itself (content scripts request as the page);
// - Firefox: every non-loopback request goes to a recording proxy; apart from Firefox's own services on Mozilla's
//   hosts (remote settings, which it contacts with or without the extension), there must be none;
// - both: the loopback server sees only the pages the test opened.
import { test, before, after } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { launchChromium, launchFirefox, serve, seedPageHtml, waitFor } from './harness.mjs';
import { recordingProxy } from '../../scripts/browser/proxy.mjs';
import { requestsFromNetLog } from '../../scripts/browser/netlog.mjs';

let proxy;
let server;
before(async () => {
  proxy = await recordingProxy();
  server = await serve({ routes: { '/news/seed.html': seedPageHtml() } });
});
after(async () => {
  await proxy?.close();
  await server?.close();
});

/** Requests to the loopback server that the test did not make itself (favicons are the browser's own). */
const unexpectedLocal = () => server.requests.filter((p) => p !== '/news/seed.html' && p !== '/favicon.ico');

async function hoverFirstEvent(page) {
  const point = await page.evaluate(() => {
    const r = [...(CSS.highlights.get('crocus-event') ?? [])][0]?.getClientRects()[0];
    return r ? { x: r.left + 8, y: r.top + r.height / 2 } : null;
  });
  assert.ok(point, 'an event highlight is on screen');
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
}

test('Chromium: the full flow makes no request of its own', async () => {
  const netLogPath = join(mkdtempSync(join(tmpdir(), 'crocus-netlog-')), 'netlog.json');
  const chromium = await launchChromium({ netLogPath });
  const origin = server.origin;
  try {
    const page = await chromium.context.newPage();
    await page.goto(server.url + 'news/seed.html');
    await page.waitForFunction(() => CSS.highlights.get('crocus-event')?.size > 0 && document.querySelector('crocus-context-card'));
    await hoverFirstEvent(page);
    await page.getByTestId('crocus-card').getByRole('button', { name: 'Open panel' }).click();
    const frame = await waitFor(() => page.frames().find((f) => f.url().includes('sidepanel.html')), { what: 'overlay' });
    await frame.getByRole('heading', { level: 1 }).waitFor();
    for (const path of ['options.html', 'popup.html', 'sidepanel.html']) {
      const ext = await chromium.context.newPage();
      await ext.goto(chromium.extensionUrl(path));
      await ext.waitForTimeout(500);
    }
    await page.waitForTimeout(1000);
  } finally {
    await chromium.close();
  }
  const requests = requestsFromNetLog(netLogPath);
  assert.ok(requests.some((r) => r.url === `${origin}/news/seed.html`), 'the NetLog recorded the page load');
  const fromExtension = requests.filter(
    (r) => r.initiator.startsWith('chrome-extension://') || (r.initiator === origin && !/\/(news\/seed\.html|favicon\.ico)$/.test(r.url)),
  );
  assert.deepEqual(fromExtension, []);
  assert.deepEqual(unexpectedLocal(), []);
});

test('Firefox: the full flow makes no request of its own', async () => {
  proxy.requests.length = 0;
  const ff = await launchFirefox({ proxyPort: proxy.port });
  try {
    const page = await ff.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url + 'news/seed.html');
    await page.waitForFunction(() => CSS.highlights.get('crocus-event')?.size > 0 && document.querySelector('crocus-context-card'));
    await hoverFirstEvent(page);
    await waitFor(() => page.evaluate(() => !!document.querySelector('crocus-context-card')?.shadowRoot?.querySelector('.cc-primary')), { what: 'card' });
    await (await page.evaluateHandle(() => document.querySelector('crocus-context-card').shadowRoot.querySelector('.cc-primary'))).asElement().click();
    for (const path of ['options.html', 'popup.html', 'sidepanel.html']) await ff.openExtensionPage(path);
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    await ff.close();
  }
  const firefoxOwn = /^CONNECT [a-z0-9.-]+\.(mozilla\.(com|net|org)|firefox\.com):443$/;
  assert.deepEqual(proxy.requests.filter((r) => !firefoxOwn.test(r)), []);
  assert.deepEqual(unexpectedLocal(), []);
});
