// Hostile and unusual pages in real Firefox ESR with the built extension (the checks: hostile.shared.mjs), and
// reloading the extension while a page is open.
/* global browser -- evaluated in the extension's options page */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchFirefox, waitFor } from './harness.mjs';
import { hostileSuite } from './hostile.shared.mjs';

const suite = hostileSuite({
  name: 'firefox',
  bfcache: true,
  async launch() {
    const ff = await launchFirefox();
    return {
      ...ff,
      newPage: () => ff.browser.newPage(),
      /** Writes settings as the options page does (storage.local, from an extension page). */
      async setSettings(values) {
        const page = await ff.openExtensionPage('options.html');
        await page.evaluate((v) => browser.storage.local.set(v), values);
        await page.close();
      },
    };
  },
});

// Firefox tears the old content scripts down without letting them run again and injects the new extension's
// scripts into the open page: the new page script takes over (removes the old, inert UI host; its highlights
// replace the old ones under the same names), so the page never shows two of anything.
test('firefox: the extension reloaded while a page is open: the new scripts take over with one card host; so after a page reload', async () => {
  const { page, errors } = await suite.open('hostile/nav-a.html');
  await suite.highlighted(page, 3, 'highlights before the reload');
  // Mark the old instance's host to tell it from the new one.
  await page.evaluate(() => document.querySelector('crocus-context-card').setAttribute('data-test-old', ''));
  const ext = await suite.browser.openExtensionPage('options.html');
  // The extension page goes away with the old extension: start the reload after the call has returned.
  await ext.evaluate(() => void setTimeout(() => browser.runtime.reload(), 50)).catch(() => {});
  await waitFor(() => ext.evaluate(() => true).then(() => false, () => true), { what: 'the old extension gone' });
  // The new instance mounts its own host in place of the old one.
  await waitFor(() => page.evaluate(() => {
    const hosts = document.querySelectorAll('crocus-context-card');
    return hosts.length === 1 && !hosts[0].hasAttribute('data-test-old');
  }).catch(() => false), { what: 'one new card host', timeout: 15000 });
  const s1 = await suite.highlighted(page, 3, 'highlights after the extension reload', 15000);
  assert.ok(s1.ranges.every((r) => r.ok));
  await suite.reloadPage(page);
  await suite.highlighted(page, 3, 'highlights after the page reload', 15000);
  await new Promise((r) => setTimeout(r, 800));
  assert.equal((await suite.state(page)).hosts, 1, 'exactly one card host');
  assert.deepEqual(await suite.pageErrors(page, errors), []);
  await page.close();
});
