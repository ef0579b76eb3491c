// Where the time goes: one sampled CPU profile (DevTools protocol Profiler) of our extension on a page, summarized
// by self time per function (file:line:column when the build is minified) and per script file.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Summarizes a V8 CPU profile: self time (ms) per function and per script file; functions of files outside
 * `keep(url)` are grouped by their file name, and V8's own entries ((garbage collector), (program)) are kept.
 * @param {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number }, children?: number[] }>, samples: number[], timeDeltas: number[] }} profile
 */
export function summarizeProfile(profile, { keep = (url) => url.startsWith('chrome-extension://'), top = 12 } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i + 1] is the time until the next sample: the time spent at sample i.
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const file = (url) => url.replace(/^chrome-extension:\/\/[^/]+\//, '').replace(/^https?:\/\/[^/]+\//, 'page:');
  /** The nearest frame (itself or an ancestor) that is in one of our files: natives are charged to their caller. */
  const ownerOf = (id) => {
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (n && keep(n.callFrame.url)) return n;
    }
    return null;
  };
  const fns = new Map();
  const files = new Map();
  let extTotal = 0;
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    const name = n.callFrame.functionName;
    if (name === '(idle)') continue;
    total += ms;
    const owner = ownerOf(id);
    let key;
    if (owner) {
      extTotal += ms;
      const f = file(owner.callFrame.url);
      files.set(f, (files.get(f) ?? 0) + ms);
      // Natives (RegExp, DOM calls) are shown under the extension function that called them.
      const native = n === owner ? '' : ` → ${n.callFrame.functionName || '(native)'}`;
      key = `${f}:${owner.callFrame.lineNumber + 1}:${owner.callFrame.columnNumber + 1} ${owner.callFrame.functionName || '(anonymous)'}${native}`;
    } else {
      key = name.startsWith('(') ? name : `other: ${file(n.callFrame.url) || '(native)'}`;
    }
    fns.set(key, (fns.get(key) ?? 0) + ms);
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([name, v]) => ({ name, ms: Math.round(v * 10) / 10 }));
  return { totalMs: Math.round(total * 10) / 10, extensionMs: Math.round(extTotal * 10) / 10, files: sorted(files), top: sorted(fns).slice(0, top) };
}

/** Profiles our extension's work on `url` (injected after the page settles, as in the measurements). */
export async function profileOurs(config, url, { mode = 'settled', windowMs = 3000, intervalUs = 200 } = {}) {
  const page = await config.context.newPage();
  const cdp = await config.context.newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
    if (mode === 'load') await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 180000 });
    if (mode === 'settled') {
      await sleep(1500);
      await cdp.send('Profiler.start');
      const { files, css } = config.ext.inject;
      await config.worker.evaluate(
        async ({ files, css }) => {
          const tabs = await chrome.tabs.query({});
          const tab = tabs.reduce((a, b) => (b.id > a.id ? b : a));
          if (css.length) await chrome.scripting.insertCSS({ target: { tabId: tab.id }, files: css });
          await chrome.scripting.executeScript({ target: { tabId: tab.id }, files });
        },
        { files, css },
      );
    }
    await sleep(windowMs);
    const { profile } = await cdp.send('Profiler.stop');
    return summarizeProfile(profile);
  } catch (err) {
    return { error: err.message };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
}
