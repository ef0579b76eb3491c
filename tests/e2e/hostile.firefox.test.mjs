// Hostile and unusual pages in real Firefox ESR with the built extension (the checks: hostile.shared.mjs).
/* global browser -- evaluated in the extension's options page */
import { launchFirefox } from './harness.mjs';
import { hostileSuite } from './hostile.shared.mjs';

hostileSuite({
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
