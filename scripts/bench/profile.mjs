// Where the time goes: one sampled CPU profile (DevTools protocol Profiler) of our extension on a page, summarized
// by self time per function and per script file. The runner profiles an unminified build of the current sources
// (function names intact) when it can build one, else the measured build (minified: file:line:column only).
import { inject, waitQuiet } from './chromium.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Summarizes a V8 CPU profile: self time (ms) per function and per script file. Time in natives (RegExp, DOM
 * calls, GC inside a call) is charged to the nearest calling function of a kept file (`keep(url)`), shown as
 * "caller → native"; everything else is grouped as V8 names it ((garbage collector), (program)) or by file.
 * @param {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number }, children?: number[] }>, samples: number[], timeDeltas: number[] }} profile
 */
export function summarizeProfile(profile, { keep = (url) => url.startsWith('chrome-extension://'), top = 15 } = {}) {
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
      const native = n === owner ? '' : ` → ${n.callFrame.functionName || '(native)'}`;
      key = `${owner.callFrame.functionName || '(anonymous)'} (${f}:${owner.callFrame.lineNumber + 1})${native}`;
    } else {
      key = name.startsWith('(') ? name : `other: ${file(n.callFrame.url) || '(native)'}`;
    }
    fns.set(key, (fns.get(key) ?? 0) + ms);
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([name, v]) => ({ name, ms: Math.round(v * 10) / 10 }));
  return { totalMs: Math.round(total * 10) / 10, extensionMs: Math.round(extTotal * 10) / 10, files: sorted(files), top: sorted(fns).slice(0, top) };
}

/** Profiles our extension's work on `url`, injected after the page settles as in the measurements, until quiet. */
export async function profileOurs(config, url, { intervalUs = 250 } = {}) {
  const page = await config.context.newPage();
  const cdp = await config.context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
    await page.goto(url, { waitUntil: 'load', timeout: 180000 });
    await waitQuiet(cdp);
    await cdp.send('Profiler.start');
    await inject(config);
    await sleep(800);
    await waitQuiet(cdp);
    const { profile } = await cdp.send('Profiler.stop');
    return summarizeProfile(profile);
  } catch (err) {
    return { error: err.message };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
}
