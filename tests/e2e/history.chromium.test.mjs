// The reader's history in real Chromium: pages with mentions on two loopback sites are recorded by the background,
// listed on the options page, exported (the downloaded JSON is read back), cleared, and re-imported without loss.
// Also: the panel's `history/summary` message, a page without mentions is not recorded, and an axe check.
/* global chrome -- evaluated in the extension's pages */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium, serve, seedPageHtml, waitFor } from './harness.mjs';

const require = createRequire(import.meta.url);

const SECOND = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Concert hall attack: what we know</title>
<meta property="article:published_time" content="2024-03-23T09:00:00Z"></head><body><article>
<h1>Concert hall attack near Moscow</h1>
<p>Gunmen attacked Crocus City Hall in Krasnogorsk, near Moscow, on 22 March 2024, before a concert by the band Picnic.</p>
<p>The Islamic State claimed the attack on Crocus City Hall through its Amaq news agency.</p>
<p>Russian investigators said the fire spread through Crocus City Hall within minutes.</p>
</article></body></html>`;

let browser;
let server;
let urls;

before(async () => {
  server = await serve({
    routes: {
      '/news/seed.html': seedPageHtml(),
      '/world/concert-hall.html': SECOND,
      '/weather.html': '<!doctype html><title>Weather</title><p>Sunny spells, light winds.</p>',
    },
  });
  const port = new URL(server.url).port;
  urls = {
    seed: `${server.url}news/seed.html`,
    // A second site: the same loopback server under another host name.
    second: `http://localhost:${port}/world/concert-hall.html`,
    weather: `${server.url}weather.html`,
  };
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Asks the background for the history summary, from an extension page. */
const summary = (page) => page.evaluate(() => chrome.runtime.sendMessage({ type: 'history/summary' }));

async function openOptions() {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The addresses listed on the options page. */
const listed = (page) => page.$$eval('[data-testid="history-list"] .entry', (els) => els.map((e) => e.getAttribute('data-url')).sort());

test('pages with mentions are recorded and listed on the options page; others are not', async () => {
  const pages = [];
  for (const url of [urls.seed, urls.second, urls.weather]) {
    const page = await browser.context.newPage();
    await page.goto(url);
    pages.push(page);
  }
  const options = await openOptions();
  // The pages stay open until the page script's full reports (entities, title, publication date) are recorded.
  await waitFor(async () => (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'history/summary', entity: 'islamic-state' })))?.value?.pages === 2, {
    what: 'two pages mentioning the Islamic State in the history',
    timeout: 15000,
  });
  for (const page of pages) await page.close();
  const reply = await summary(options);
  assert.equal(reply.ok, true);
  assert.equal(reply.value.pages, 2, 'the page without mentions is not recorded');
  assert.equal(reply.value.sites, 2);
  assert.match(reply.value.firstSeen, /^\d{4}-\d{2}-\d{2}T/);

  await options.reload();
  await waitFor(async () => (await listed(options)).length === 2, { what: 'two entries listed' });
  assert.deepEqual(await listed(options), [urls.second, urls.seed].sort());
  assert.match(await options.getByTestId('history-count').textContent(), /2 pages on 2 sites/);
  // The page's title comes along, and so does the declared publication date where the page has one.
  assert.ok(await options.getByRole('link', { name: 'Concert hall attack: what we know' }).isVisible());
  // By site: one group per host.
  await options.getByLabel('By site').check();
  const groups = await options.$$eval('.group h3', (hs) => hs.map((h) => h.textContent));
  assert.equal(groups.length, 2);
  assert.ok(groups.some((g) => g.startsWith('localhost')));
  assert.ok(groups.some((g) => g.startsWith('127.0.0.1')));
  assert.equal(await options.getByTestId('storage-status').getAttribute('data-state'), 'ok');
  await options.close();
});

test('export downloads the history as JSON; clear empties it; import brings it all back', async () => {
  const options = await openOptions();
  await waitFor(async () => (await listed(options)).length === 2, { what: 'entries listed' });

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export history (JSON)' }).click()]);
  assert.match(download.suggestedFilename(), /^crocus-context-history-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(exported.format, 'crocus-context-history');
  assert.equal(exported.version, 1);
  assert.deepEqual(exported.entries.map((e) => e.url).sort(), [urls.second, urls.seed].sort());
  for (const e of exported.entries) {
    assert.ok(e.entities.length > 0, `entities recorded for ${e.url}`);
    assert.ok(Date.parse(e.firstVisit) <= Date.parse(e.lastVisit));
  }
  // The seed article declares its publication date (article:published_time): it is kept with the page.
  assert.equal(exported.entries.find((e) => e.url === urls.seed).published?.slice(0, 10), '2024-05-24');

  // Clear all, with confirmation.
  await options.getByRole('button', { name: 'Clear all history…' }).click();
  await options.getByRole('button', { name: 'Delete everything' }).click();
  await options.getByTestId('history-empty').waitFor();
  assert.equal((await summary(options)).value.pages, 0);

  // Import the exported file (plus one bad entry): everything is back, the bad entry is reported.
  const withBad = { ...exported, entries: [...exported.entries, { url: 'javascript:alert(1)', firstVisit: 'never' }] };
  await options.getByLabel('Import a history file (JSON)').setInputFiles({
    name: 'history.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(withBad)),
  });
  const report = options.getByTestId('import-report');
  await report.waitFor();
  assert.match(await report.textContent(), /Imported: 2 new pages, 0 pages merged, 0 pages already up to date, 1 entry rejected/);
  assert.match(await report.textContent(), /Entry 3 \(javascript:alert\(1\)\)/);
  await waitFor(async () => (await listed(options)).length === 2, { what: 'entries listed again' });

  // Nothing lost: a second export equals the first (apart from its own time stamp).
  const [again] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export history (JSON)' }).click()]);
  const reexported = JSON.parse(readFileSync(await again.path(), 'utf8'));
  assert.deepEqual(reexported.entries, exported.entries);

  // Importing the same file again adds nothing and changes nothing.
  await options.getByLabel('Import a history file (JSON)').setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await waitFor(async () => /0 new pages, 0 pages merged, 2 pages already up to date/.test(await report.textContent()), { what: 'second import report' });
  await options.close();
});

test('per-entry delete, and settings saved from the options page', async () => {
  const options = await openOptions();
  await waitFor(async () => (await listed(options)).length === 2, { what: 'entries listed' });
  await options.getByRole('button', { name: 'Delete “Concert hall attack: what we know” from the history' }).click();
  await waitFor(async () => (await listed(options)).length === 1, { what: 'one entry left' });
  assert.deepEqual(await listed(options), [urls.seed]);

  await options.getByLabel('Outline').check();
  await options.getByLabel('Site to turn off (for example news.example.com)').fill('https://www.Example.com/news');
  await options.getByRole('button', { name: 'Add site' }).click();
  await options.getByRole('button', { name: 'Remove example.com from the list' }).waitFor();
  const stored = await options.evaluate(() => chrome.storage.local.get(null));
  assert.equal(stored['settings.highlightStyle'], 'outline');
  assert.deepEqual(stored['settings.disabledSites'], ['example.com']);
  await options.close();
});

test('the options page has no serious accessibility violations (axe-core)', async () => {
  const options = await openOptions();
  await waitFor(async () => (await listed(options)).length === 1, { what: 'entries listed' });
  // Evaluated through the driver, so the extension page's CSP does not apply.
  await options.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  for (const scheme of ['light', 'dark']) {
    await options.emulateMedia({ colorScheme: scheme });
    const result = await options.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${scheme} scheme`);
  }
  await options.close();
});
