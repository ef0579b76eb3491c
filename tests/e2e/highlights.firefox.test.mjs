// Highlights in real Firefox ESR with the built extension (the checks: highlights.shared.mjs).
import { launchFirefox } from './harness.mjs';
import { highlightsSuite } from './highlights.shared.mjs';

highlightsSuite({
  name: 'firefox',
  async launch() {
    const ff = await launchFirefox();
    return { ...ff, newPage: () => ff.browser.newPage() };
  },
});
