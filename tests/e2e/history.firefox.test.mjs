// The reader's history in real Firefox ESR: pages with mentions are recorded by the background, listed on the
// options page, exported (the download is intercepted in the page and its JSON read back), cleared and re-imported
// without loss.
/* global browser, DataTransfer, File, Event, HTMLAnchorElement -- evaluated in the extension's pages */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, serve, seedPageHtml, waitFor } from './harness.mjs';

const SECOND = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Concert hall attack: what we know</title></head>
<body><article><h1>Concert hall attack near Moscow</h1>
<p>Gunmen attacked Crocus City Hall in Krasnogorsk, near Moscow, on 22 March 2024.</p>
<p>The Islamic State claimed the attack on Crocus City Hall through its Amaq news agency.</p>
<p>The fire spread through Crocus City Hall within minutes, investigators said.</p></article></body></html>`;

let ff;
let server;
let urls;

before(async () => {
  server = await serve({ routes: { '/news/seed.html': seedPageHtml(), '/world/concert-hall.html': SECOND } });
  const port = new URL(server.url).port;
  urls = { seed: `${server.url}news/seed.html`, second: `http://localhost:${port}/world/concert-hall.html` };
  ff = await launchFirefox();
});

after(async () => {
  await ff?.close();
  await server?.close();
});

const summary = (page) => page.evaluate(() => browser.runtime.sendMessage({ type: 'history/summary' }));
const listed = (page) => page.evaluate(() => [...document.querySelectorAll('[data-testid="history-list"] .entry')].map((e) => e.getAttribute('data-url')).sort());
const text = (page, testid) => page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testid);

/** Clicks the button whose accessible name (aria-label or text) is `name`. */
async function clickButton(page, name) {
  const found = await page.evaluate((n) => {
    const b = [...document.querySelectorAll('button')].find((x) => (x.getAttribute('aria-label') ?? x.textContent) === n);
    b?.click();
    return Boolean(b);
  }, name);
  assert.ok(found, `button "${name}"`);
}

/** Makes downloads land in `window.__downloads` (name + text) instead of on disk. */
const interceptDownloads = (page) =>
  page.evaluate(() => {
    window.__downloads = [];
    const blobs = new Map();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
      const url = create(blob);
      blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (this.download && blob) void blob.text().then((t) => window.__downloads.push({ name: this.download, text: t }));
    };
  });

/** Chooses a file in the import input, as the file picker would. */
const importText = (page, body) =>
  page.evaluate((t) => {
    const input = document.getElementById('import-file');
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'history.json', { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, body);

test('pages with mentions are recorded; the options page lists, exports, clears and re-imports them without loss', async () => {
  const pages = [];
  for (const url of [urls.seed, urls.second]) {
    const page = await ff.browser.newPage();
    await page.goto(url);
    pages.push(page);
  }
  const probe = await ff.openExtensionPage('options.html');
  // The pages stay open until the page script's full reports are recorded.
  await waitFor(async () => (await probe.evaluate(() => browser.runtime.sendMessage({ type: 'history/summary', entity: 'islamic-state' })))?.value?.pages === 2, {
    what: 'two pages mentioning the Islamic State in the history',
    timeout: 15000,
  });
  for (const page of pages) await page.close();
  const { value } = await summary(probe);
  assert.equal(value.pages, 2);
  assert.equal(value.sites, 2);
  await probe.close();
  // A fresh options page (Firefox's BiDi never reports a moz-extension:// reload as finished).
  const options = await ff.openExtensionPage('options.html');
  await waitFor(async () => (await listed(options)).length === 2, { what: 'two entries listed' });
  assert.deepEqual(await listed(options), [urls.second, urls.seed].sort());
  assert.equal(await options.evaluate(() => document.querySelector('[data-testid="storage-status"]').dataset.state), 'ok');

  await interceptDownloads(options);
  await clickButton(options, 'Export history (JSON)');
  const [download] = await waitFor(() => options.evaluate(() => (window.__downloads.length ? window.__downloads : null)), { what: 'export' });
  assert.match(download.name, /^crocus-context-history-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(download.text);
  assert.deepEqual(exported.entries.map((e) => e.url).sort(), [urls.second, urls.seed].sort());

  await clickButton(options, 'Clear all history…');
  await clickButton(options, 'Delete everything');
  await waitFor(() => text(options, 'history-empty'), { what: 'empty history' });
  assert.equal((await summary(options)).value.pages, 0);

  await importText(options, JSON.stringify({ ...exported, entries: [...exported.entries, { url: 'nope' }] }));
  await waitFor(async () => /2 new pages.*1 entry rejected/.test((await text(options, 'import-report')) ?? ''), { what: 'import report' });
  await waitFor(async () => (await listed(options)).length === 2, { what: 'entries back' });

  await options.evaluate(() => (window.__downloads = []));
  await clickButton(options, 'Export history (JSON)');
  const [again] = await waitFor(() => options.evaluate(() => (window.__downloads.length ? window.__downloads : null)), { what: 'second export' });
  assert.deepEqual(JSON.parse(again.text).entries, exported.entries);
  await options.close();
});
