// Launch recipes for the two real browsers with the built extension loaded (see the README's "Testing" section).
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
export const CHROME_BUILD = resolve(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = resolve(ROOT, '.output/firefox-mv3');
export const GECKO_ID = 'crocus-context@crocus-context.org';
/** Fixed moz-extension:// host for tests, set through Firefox's extensions.webextensions.uuids pref. */
export const FIREFOX_UUID = '5c0d3a9e-2f4b-4c1e-9a57-c0c05c0de001';

function requireBuild(dir) {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}. Run \`npm run build\` first.`);
  }
}

// Without these, Chromium tries to reach Google's services and this machine's closed network refuses them.
const QUIET_CHROMIUM = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic', '--disable-default-apps', '--no-default-browser-check'];

/** Debian Chromium + playwright-core, with the MV3 build loaded. */
export async function launchChromium({ extensionDir = CHROME_BUILD, extension = true, viewport = { width: 1280, height: 900 }, colorScheme = 'light', proxyPort, netLogPath } = {}) {
  const { chromium } = await import('playwright-core');
  if (extension) requireBuild(extensionDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'crocus-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    colorScheme,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...QUIET_CHROMIUM,
      ...(extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      // Loopback stays direct; everything else goes to the recording proxy.
      ...(proxyPort ? [`--proxy-server=http://127.0.0.1:${proxyPort}`] : []),
      // Chromium's own record of every request with its initiator, written when the browser closes.
      ...(netLogPath ? [`--log-net-log=${netLogPath}`, '--net-log-capture-mode=Default'] : []),
    ],
  });
  let worker = null;
  let extensionId = null;
  if (extension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    worker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    /** Badge texts of every open tab (the extension has no `tabs` permission, so tabs cannot be told apart by URL). */
    async badges() {
      return worker.evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        return Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id })));
      });
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Debian Firefox ESR + puppeteer-core over WebDriver BiDi, with the MV3 build installed as a temporary add-on. */
export async function launchFirefox({ extensionDir = FIREFOX_BUILD, extension = true, proxyPort } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  if (extension) requireBuild(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    // Needed to open moz-extension:// pages from the driver.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Keep Firefox off the network: no telemetry, updates, or remote settings.
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      ...(proxyPort
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': proxyPort,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': proxyPort,
            'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
          }
        : {}),
    },
  });
  if (extension) await browser.installExtension(resolve(extensionDir));
  const base = `moz-extension://${FIREFOX_UUID}/`;
  return {
    browser,
    extensionUrl: (path) => base + path,
    /**
     * Opens an extension page in a new tab. Firefox's BiDi navigation to moz-extension:// never reports completion
     * to puppeteer, so the goto is not awaited and the page is polled instead.
     */
    async openExtensionPage(path) {
      const page = await browser.newPage();
      page.goto(base + path).catch(() => {});
      const deadline = Date.now() + 15000;
      for (;;) {
        const ready = await page
          .evaluate((p) => location.href.endsWith(p) && document.readyState === 'complete', path)
          .catch(() => false);
        if (ready) return page;
        if (Date.now() > deadline) throw new Error(`extension page ${path} did not load`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => browser.close(),
  };
}

/** Polls `fn` until it returns a truthy value (or throws after `timeout` ms with `what` in the message). */
export async function waitFor(fn, { timeout = 10000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
