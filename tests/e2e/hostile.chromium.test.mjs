// Hostile and unusual pages in real Chromium with the built extension (the checks: hostile.shared.mjs), plus
// reloading the extension while a page is open. Developer mode is on (as for anyone who loads the extension
// unpacked): Chromium then keeps the errors the extension's scripts throw, which the last checks read.
/* global chrome -- evaluated in the extension's service worker and on chrome://extensions */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD, launchChromium, waitFor } from './harness.mjs';
import { hostileSuite } from './hostile.shared.mjs';

let b;

/** Runs `fn` on chrome://extensions, where `chrome.developerPrivate` is available. */
async function onExtensionsPage(fn, arg) {
  const page = await b.context.newPage();
  // The WebUI reports an interrupted navigation to the driver; the page is there all the same.
  await page.goto('chrome://extensions').catch(() => {});
  await waitFor(() => page.evaluate(() => !!chrome.developerPrivate).catch(() => false), { what: 'chrome://extensions' });
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** Errors Chromium recorded for the extension (uncaught exceptions and console errors of its scripts). */
const extensionErrors = () =>
  onExtensionsPage(
    (id) =>
      new Promise((resolve) =>
        chrome.developerPrivate.getExtensionsInfo((list) => {
          const ours = list.find((e) => e.id === id);
          resolve((ours?.runtimeErrors ?? []).map((e) => `${e.message} @ ${e.source}`));
        }),
      ),
    b.extensionId,
  );

const suite = hostileSuite({
  name: 'chromium',
  // The driver (playwright-core) starts Chromium with --disable-back-forward-cache: coming back is a new load there.
  // The cache itself is tested below, in a browser started without that switch.
  bfcache: false,
  async launch() {
    b = { ...(await launchChromium()) };
    b.newPage = () => b.context.newPage();
    b.setSettings = (values) => b.worker.evaluate((v) => chrome.storage.local.set(v), values);
    await onExtensionsPage(() => new Promise((resolve) => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve)));
    return b;
  },
});

test('chromium: restored from the back-forward cache: highlights present, exactly one card host', async (t) => {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'crocus-bfcache-'));
  // launchChromium's recipe, less the driver's --disable-back-forward-cache.
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-back-forward-cache'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-sync', '--disable-default-apps', `--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`],
  });
  t.after(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  await page.goto(suite.url('hostile/nav-a.html'));
  await suite.probeSettled(page);
  assert.equal(await suite.backAndForth(page, errors), 'bfcache');
});

test('chromium: across all the hostile pages, the extension\'s scripts threw no error', async () => {
  assert.deepEqual(await extensionErrors(), []);
});

// Last: it replaces the extension for the rest of the browser's life.
test('chromium: the extension reloaded while a page is open: old scripts stop cleanly; the reloaded page has one card host', async () => {
  const { page, errors } = await suite.open('hostile/nav-a.html');
  await suite.highlighted(page, 3, 'highlights before the reload');
  const worker = b.context.waitForEvent('serviceworker', { timeout: 15000 });
  // The service worker goes away during the call.
  await b.worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  b.worker = await worker;
  // The old page script notices its context is gone (WXT's ContentScriptContext) and takes its work away.
  const gone = await waitFor(async () => {
    const s = await suite.state(page);
    return s.count === 0 && s.hosts === 0 && s;
  }, { what: 'the old page script stopping', timeout: 8000 });
  assert.equal(gone.panels, 0);
  assert.equal(await page.evaluate(() => document.getElementById('lead').textContent.startsWith('Armed men')), true);
  // A reload of the page gets the new extension's scripts: exactly one of everything.
  await suite.reloadPage(page);
  const s = await suite.highlighted(page, 3, 'highlights after the extension reload', 15000);
  await new Promise((r) => setTimeout(r, 800));
  assert.equal((await suite.state(page)).hosts, 1, 'exactly one card host');
  assert.ok(s.ranges.every((r) => r.ok));
  assert.deepEqual(await suite.pageErrors(page, errors), []);
  // Neither the old scripts stopping nor the new ones starting threw.
  assert.deepEqual(await extensionErrors(), []);
  await page.close();
});
