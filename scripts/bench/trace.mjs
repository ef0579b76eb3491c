// Reading a Chromium trace (DevTools protocol Tracing, categories below) for the bench: the page's main-thread tasks
// in the measuring window, which of them ran extension script, and how much extension script ran. Pure.

// v8.execute: microtask checkpoints (RunMicrotasks), where promise reactions and observer callbacks run.
export const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute';

/** Trace events that carry the URL of the script they run. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.produceCache', 'v8.produceModuleCache', 'TimerFire', 'FireAnimationFrame', 'EventDispatch']);
/**
 * Script work the trace does not label with a URL: promise reactions and `scheduler.yield()` continuations (a
 * time-sliced content script spends most of its time here; the DevTools ScriptDuration metric misses it too).
 * The bench pages' own scripts use neither, so on them this is the extension's.
 */
const MICROTASK_EVENTS = new Set(['RunMicrotasks', 'RunYieldContinuation']);

/** The pid of the renderer that shows `origin` (from the browser's frame list or frame commits), or null. */
export function pageProcess(events, origin) {
  for (const e of events) {
    const frames = e.name === 'TracingStartedInBrowser' ? e.args?.data?.frames ?? [] : [];
    for (const f of frames) if (f.url?.startsWith(origin) && f.processId) return f.processId;
  }
  for (const e of events) {
    const d = e.args?.data;
    if ((e.name === 'FrameCommittedInBrowser' || e.name === 'CommitLoad') && d?.url?.startsWith(origin)) return d.processId ?? e.pid;
  }
  return null;
}

/** Merged total length of [start, end) intervals. */
export function unionLength(intervals) {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [a, b] of sorted) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else if (b > curEnd) curEnd = b;
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/**
 * Trace events as complete ("X") events: begin/end pairs ("B"/"E", which long events sometimes use) are matched per
 * thread, innermost first, and become one event with a duration and the begin event's arguments.
 */
export function completeEvents(events) {
  const out = [];
  const open = new Map();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'B') {
      const key = `${e.pid}:${e.tid}`;
      if (!open.has(key)) open.set(key, []);
      open.get(key).push(e);
    } else if (e.ph === 'E') {
      const stack = open.get(`${e.pid}:${e.tid}`);
      const begin = stack?.pop();
      if (begin) out.push({ ...begin, ph: 'X', dur: e.ts - begin.ts, args: { ...(begin.args ?? {}), ...(e.args?.data ? { end: e.args } : {}) } });
    } else out.push(e);
  }
  return out;
}

/**
 * Main-thread tasks of the page's renderer, and extension attribution: a task "ran extension script" when it holds
 * an event of an extension script (by URL) or a microtask checkpoint / yield continuation (see MICROTASK_EVENTS).
 * @param {object[]} events trace events
 * @param {{ origin: string, isExtension?: (url: string) => boolean }} opts
 * @returns {{ pid: number|null, tasks: number, taskMs: number, longestTaskMs: number, extLongestTaskMs: number, extScriptMs: number, extTasksOver50: number }}
 */
export function analyzeTrace(rawEvents, { origin, isExtension = (url) => url.startsWith('chrome-extension://') } = {}) {
  const events = completeEvents(rawEvents);
  const mainThreads = new Set();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.add(`${e.pid}:${e.tid}`);
  let pid = pageProcess(events, origin);
  const runTasks = [];
  const extEvents = [];
  for (const e of events) {
    if (e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    if (e.name === 'RunTask') runTasks.push(e);
    else if (MICROTASK_EVENTS.has(e.name)) extEvents.push(e);
    else if (SCRIPT_EVENTS.has(e.name)) {
      const url = e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? '';
      if (url && isExtension(url)) extEvents.push(e);
    }
  }
  if (pid === null) {
    // No frame list: the renderer whose main thread ran the most.
    const byPid = new Map();
    for (const t of runTasks) byPid.set(t.pid, (byPid.get(t.pid) ?? 0) + (t.dur ?? 0));
    pid = [...byPid].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
  const tasks = runTasks.filter((t) => t.pid === pid);
  const ext = extEvents.filter((e) => e.pid === pid);
  const extIntervals = ext.map((e) => [e.ts, e.ts + (e.dur ?? 0)]);
  let extLongest = 0;
  let extOver50 = 0;
  // Tasks that ran extension script: sort both by start and sweep.
  const sortedExt = [...ext].sort((a, b) => a.ts - b.ts);
  let j = 0;
  for (const t of [...tasks].sort((a, b) => a.ts - b.ts)) {
    const end = t.ts + (t.dur ?? 0);
    while (j < sortedExt.length && sortedExt[j].ts + (sortedExt[j].dur ?? 0) < t.ts) j++;
    let hit = false;
    for (let k = j; k < sortedExt.length && sortedExt[k].ts <= end; k++) {
      if (sortedExt[k].ts >= t.ts) {
        hit = true;
        break;
      }
    }
    if (hit) {
      const d = (t.dur ?? 0) / 1000;
      extLongest = Math.max(extLongest, d);
      if (d > 50) extOver50++;
    }
  }
  return {
    pid,
    tasks: tasks.length,
    taskMs: tasks.reduce((n, t) => n + (t.dur ?? 0), 0) / 1000,
    longestTaskMs: tasks.reduce((n, t) => Math.max(n, (t.dur ?? 0) / 1000), 0),
    extLongestTaskMs: extLongest,
    extScriptMs: unionLength(extIntervals) / 1000,
    extTasksOver50: extOver50,
  };
}
