// Measurements in real headless Chromium (playwright-core + the DevTools protocol).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_CATEGORIES, analyzeTrace } from './trace.mjs';

// Same quiet flags as scripts/browser/launch.mjs: no requests of Chromium's own, no GPU.
const QUIET_CHROMIUM = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic', '--disable-default-apps', '--no-default-browser-check',
  // Timers and rendering of a hidden headless tab must not be throttled differently between configurations.
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'];

/** One persistent context per configuration; `ext` is a prepared extension folder or null for the baseline. */
export async function launchConfig(name, ext, { executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), `crocus-bench-${name}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...QUIET_CHROMIUM, ...(ext ? [`--disable-extensions-except=${ext.dir}`, `--load-extension=${ext.dir}`] : [])],
  });
  let worker = null;
  if (ext) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30000 }).catch(() => null));
    if (!worker) {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
      throw new Error(`${name}: the extension's service worker did not start within 30 s`);
    }
  }
  return {
    name,
    ext,
    context,
    get worker() {
      // The service worker may have been restarted: take the live one.
      return context.serviceWorkers()[0] ?? worker;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Polls of 100 ms without main-thread work that end a measurement: 1.2 s, past the page script's deferred steps. */
const SETTLED_QUIET_POLLS = 12;

/**
 * Waits until the main thread is quiet: TaskDuration grows by less than `epsMs` across `quietPolls` consecutive
 * polls `pollMs` apart (or `capMs` passes). Same rule for every configuration. Returns the last metrics.
 */
export async function waitQuiet(cdp, { pollMs = 100, epsMs = 1, quietPolls = 2, capMs = 120000 } = {}) {
  const deadline = Date.now() + capMs;
  let last = await metrics(cdp);
  let quiet = 0;
  while (quiet < quietPolls) {
    if (Date.now() > deadline) return { m: last, timedOut: true };
    await sleep(pollMs);
    const m = await metrics(cdp);
    quiet = (m.TaskDuration - last.TaskDuration) * 1000 < epsMs ? quiet + 1 : 0;
    last = m;
  }
  return { m: last, timedOut: false };
}

/** Injects the configuration's content scripts into the newest tab through its own service worker. */
export async function inject(config) {
  const { files, css } = config.ext.inject;
  const worker = config.worker;
  return worker.evaluate(
    async ({ files, css }) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.reduce((a, b) => (b.id > a.id ? b : a));
      if (css.length) await chrome.scripting.insertCSS({ target: { tabId: tab.id }, files: css });
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files });
      return tab.id;
    },
    { files, css },
  );
}

/** Page facts that tell whether each configuration did its work. */
async function pageInfo(page, config) {
  return page.evaluate((name) => {
    const info = {};
    if (name === 'ours') {
      // Under the names of whichever look paints them (pages of over 2 M characters: the background look's).
      const size = (kind) => ['', '-background', '-outline'].reduce((n, look) => n + (CSS.highlights.get(`crocus-${kind}${look}`)?.size ?? 0), 0);
      info.event = size('event');
      info.entity = size('entity');
      info.pageScript = !!document.querySelector('crocus-context-card');
    } else if (name === 'peer') {
      info.marks = document.querySelectorAll('mark').length;
    }
    return info;
  }, config.name);
}

/** Starts a trace on the page's session; `stop()` ends it and resolves with the events. */
export async function startTrace(cdp) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

/**
 * One measurement of `config` on `url`.
 *
 * Mode "settled" (default): load the page, wait until its main thread is quiet, collect garbage (so the page's own
 * deferred GC does not land in the window), then read the DevTools metrics, start a trace, inject the
 * configuration's content scripts (its own service worker, chrome.scripting), start the page's dynamic batches if
 * any, wait `windowMs` and then until quiet again, read the metrics and end the trace. The cost is the main-thread
 * time of that window (TaskDuration); the baseline's window (no injection) is subtracted later. This keeps the
 * page's own parsing, layout and GC, which vary by tens of ms from load to load on large pages, out of the
 * difference. The trace gives the longest task that ran extension script (the page's own Long Tasks observer does
 * not see extension tasks in Chromium) and the time spent in extension script.
 * Mode "load": the browser injects the content scripts itself at document_idle; the window starts at navigation.
 */
export async function measure(config, url, { dynamic = false, windowMs = 600, mode = 'settled', heap = true } = {}) {
  const page = await config.context.newPage();
  const cdp = await config.context.newCDPSession(page);
  const origin = new URL(url).origin;
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    let m0 = null;
    let trace = null;
    if (mode === 'load') {
      m0 = await metrics(cdp);
      trace = await startTrace(cdp);
    }
    await page.goto(url, { waitUntil: 'load', timeout: 180000 });
    if (mode === 'settled') {
      await waitQuiet(cdp);
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(50);
      m0 = await metrics(cdp);
      trace = await startTrace(cdp);
      if (config.ext) await inject(config);
    }
    if (dynamic) {
      // Give a freshly injected script a moment to set up its observers, as it would have had on a real page.
      if (mode === 'settled') await sleep(150);
      await page.evaluate(() => dispatchEvent(new Event('bench-start')));
      await page.waitForFunction(() => document.documentElement.dataset.benchDone, null, { polling: 100, timeout: 180000 });
    }
    await sleep(windowMs);
    // Settled means the extension's deferred steps too: claim matching runs 800 ms after a page's result
    // (entrypoints/page/claims.ts) and the report to the background 500 ms after it (entrypoints/page/report.ts),
    // so the main thread must stay quiet for longer than that. With 200 ms, as before the nineteenth session, the
    // window could close before them (full runs before and after: 5KB-few 24.3 -> 30.7 ms, 1MB-few 121 -> 125).
    const { m: m1, timedOut } = await waitQuiet(cdp, { quietPolls: SETTLED_QUIET_POLLS });
    const t = analyzeTrace(await trace.stop(), { origin });
    const info = await pageInfo(page, config);
    // Heap after a full GC (a GC of a 10 MB page's DOM takes about a second: the runner asks for it once per page).
    let heapBytes = null;
    if (heap) {
      await cdp.send('HeapProfiler.collectGarbage');
      heapBytes = (await metrics(cdp)).JSHeapUsedSize;
    }
    return {
      taskMs: (m1.TaskDuration - m0.TaskDuration) * 1000,
      scriptMs: (m1.ScriptDuration - m0.ScriptDuration) * 1000,
      layoutMs: (m1.LayoutDuration - m0.LayoutDuration + (m1.RecalcStyleDuration - m0.RecalcStyleDuration)) * 1000,
      heapBytes,
      traceTaskMs: t.taskMs,
      longestTaskMs: t.extLongestTaskMs,
      anyLongestTaskMs: t.longestTaskMs,
      extScriptMs: t.extScriptMs,
      timedOut,
      info,
    };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
}

/** The event highlight's names, one per look (lib/page/highlighter.ts). */
const EVENT_LOOKS = ['crocus-event', 'crocus-event-background', 'crocus-event-outline'];

/**
 * Hover card and overlay timings with our extension on a page with mentions (`runs` times each, medians).
 * Card: from the pointer move onto a highlight (the page's own pointermove timestamp) to the frame in which the
 * card (data-testid=crocus-card, in the card host's shadow root) is visible, minus the 150 ms dwell. The frame's time
 * is when its animation-frame callbacks run (`performance.now()` there), not the frame's own timestamp, which is
 * taken when the frame was begun and so before a long task that delayed it.
 * Overlay: from the click on "Open panel" to the paint that shows the panel's first screen (the frame's largest
 * contentful paint: the panel renders what lies below its first screen after that paint), and to the frame's load
 * event (negative when the frame, loaded ahead while the card shows, had loaded before the click). The click
 * follows the card as soon as the card is there: sooner than a reader would. The hover comes once the page's main
 * thread is quiet after its highlights (the page script's later work, its report and claims, is not the card's).
 * An event highlight is looked for under every look's name: a very long page is painted with the background look.
 */
export async function uiTimings(config, url, { runs = 5, dwellMs = 150 } = {}) {
  const card = [];
  const overlay = [];
  const overlayLoad = [];
  const errors = [];
  for (let r = 0; r < runs; r++) {
    const page = await config.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      if (config.ext.inject) await inject(config);
      await page.waitForFunction((names) => names.some((n) => (CSS.highlights.get(n)?.size ?? 0) > 0), EVENT_LOOKS, { timeout: 60000, polling: 50 });
      // The first event highlight on screen (scrolled to when none is: on a long page it may lie far down).
      const pointOnEvent = () =>
        page.evaluate((names) => {
          const ranges = names.flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
          const range = ranges.find((r) => {
            const b = r.getBoundingClientRect();
            return b.top > 0 && b.bottom < innerHeight && b.width > 0;
          });
          const b = range?.getClientRects()[0];
          if (!b) ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          return b ? { x: b.left + Math.min(b.width / 2, 12), y: b.top + b.height / 2 } : null;
        }, EVENT_LOOKS);
      const cdp = await config.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      let point = null;
      for (let tries = 0; tries < 2 && !point; tries++) {
        await sleep(300);
        await waitQuiet(cdp);
        point = await pointOnEvent();
      }
      await cdp.detach().catch(() => {});
      if (!point) throw new Error('no event highlight on screen');
      // Watch, in the page, for the card: a rAF loop checks the open shadow root of the card host every frame (the
      // card is rendered unseen while the pointer rests: it counts once it is visible).
      await page.evaluate(() => {
        window.__cardSeen = null;
        window.__moveAt = null;
        addEventListener('pointermove', (e) => (window.__moveAt ??= e.timeStamp), { capture: true, once: true });
        const tick = () => {
          const card = document.querySelector('crocus-context-card')?.shadowRoot?.querySelector('[data-testid=crocus-card]');
          if (card && getComputedStyle(card).visibility === 'visible') window.__cardSeen = performance.now();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction(() => window.__cardSeen !== null, null, { timeout: 5000, polling: 50 });
      const { moveAt, seen } = await page.evaluate(() => ({ moveAt: window.__moveAt, seen: window.__cardSeen }));
      card.push(seen - moveAt - dwellMs);
      // Overlay: from the click (the page's own click timestamp) to the panel frame's largest contentful paint and
      // to its load event, all on the browser's clock (performance.timeOrigin + the frame's own timings).
      const button = page.getByTestId('crocus-card').getByRole('button', { name: 'Open panel' });
      await button.waitFor({ timeout: 3000 });
      await page.evaluate(() => {
        window.__clickAt = null;
        addEventListener('click', (e) => (window.__clickAt ??= e.timeStamp), { capture: true });
      });
      await button.click();
      let frame = null;
      for (let i = 0; i < 100 && !frame; i++) {
        frame = page.frames().find((f) => f.url().includes('sidepanel.html')) ?? null;
        if (!frame) await sleep(50);
      }
      if (!frame) throw new Error('no overlay frame within 5 s');
      await frame.waitForLoadState('load', { timeout: 5000 });
      await sleep(300);
      const { paintAt, loadAt } = await frame.evaluate(
        () =>
          new Promise((resolve) => {
            const nav = performance.getEntriesByType('navigation')[0];
            // Buffered: the entries the frame recorded before this observer existed. The last one is the largest.
            new PerformanceObserver((list, observer) => {
              observer.disconnect();
              const last = list.getEntries().at(-1);
              resolve({ paintAt: last ? performance.timeOrigin + last.startTime : null, loadAt: performance.timeOrigin + nav.loadEventEnd });
            }).observe({ type: 'largest-contentful-paint', buffered: true });
          }),
      );
      if (paintAt === null) throw new Error('the panel frame recorded no largest contentful paint');
      const clickAt = await page.evaluate(() => performance.timeOrigin + window.__clickAt);
      // A frame loaded ahead must not be seen before the click: its first paint is the opening's.
      if (paintAt < clickAt) throw new Error('the panel frame painted before the click');
      overlay.push(paintAt - clickAt);
      overlayLoad.push(loadAt - clickAt);
    } catch (err) {
      errors.push(err.message);
    } finally {
      await page.close().catch(() => {});
    }
  }
  return { cardSamples: card, overlaySamples: overlay, overlayLoadSamples: overlayLoad, errors };
}
