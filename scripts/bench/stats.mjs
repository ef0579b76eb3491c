// Statistics and budgets of the benchmark. Pure functions: the runner feeds them measurements, the unit tests check
// them without a browser.

/**
 * Configurations, in the order tables print them. `peer`: mark.js with all aliases in one markRegExp() (its fastest
 * setup); `peerList`: mark.js called the usual way, mark(aliases), with an evenly spread sample of the aliases (one
 * pass over the page per alias: with all 1,400+ it takes minutes on 1 MB), measured on the large pages only. Its
 * time is a lower bound of mark(all aliases): every further alias adds one more pass.
 */
export const CONFIGS = ['baseline', 'floor', 'ours', 'peer', 'peerList'];

export const BUDGETS = {
  /** Pages without a mention: ours at most this × the floor ... */
  noMentionFactor: 1.2,
  /** ... or within this many ms of it, whichever is larger. */
  noMentionSlackMs: 2,
  /** Pages with mentions, up to 10 MB of text: ours at most this × the floor. */
  mentionFactor: 2,
  /** No main-thread task caused by the extension longer than this. */
  longTaskMs: 50,
  /** On the large pages, mark.js (the peer) at least this many times slower than ours. */
  peerFactor: 10,
  largeSizes: ['1MB', '10MB'],
  /** Everything injected into every page, gzipped. */
  injectedGzipBytes: 25 * 1024,
  /** The hover card may appear at most one frame (60 Hz) after its dwell delay. */
  cardFrameMs: 1000 / 60,
  /** Opening the overlay panel. */
  overlayMs: 200,
};

export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Linear-interpolated quantile (q in [0, 1]) of the finite values, or null. */
export function quantile(xs, q) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

export function max(xs) {
  const v = xs.filter((x) => Number.isFinite(x));
  return v.length ? Math.max(...v) : null;
}

/** Rounds for display and JSON: 2 decimals below 10, 1 below 100, else integers. Null stays null. */
export function round(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const a = Math.abs(x);
  const f = a < 10 ? 100 : a < 100 ? 10 : 1;
  return Math.round(x * f) / f;
}

/**
 * Costs of a configuration: its per-round main-thread time in the measuring window minus the baseline's smallest
 * (the baseline's window holds only the page at rest and the cost of measuring it, 1-3 ms in "settled" mode; a
 * larger value is a stray task of the browser's, so the smallest is the best estimate of what to subtract).
 * @param {number[]} config per-round values of the configuration
 * @param {number[]} baseline per-round values of the baseline
 */
export function costs(config, baseline) {
  const finite = baseline.filter((v) => Number.isFinite(v));
  if (!finite.length) return [];
  const b = Math.min(...finite);
  return config.filter((v) => Number.isFinite(v)).map((v) => v - b);
}

/** Smallest denominator used in ratios (ms): below it a cost is noise, and ratios against it mean nothing. */
export const MIN_COST_MS = 0.05;

/** a / b with both clamped to MIN_COST_MS; null when either is unknown. */
export function ratio(a, b) {
  if (a === null || b === null || a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return Math.max(a, MIN_COST_MS) / Math.max(b, MIN_COST_MS);
}

/**
 * Per-config summary of one page's measurements: median cost, interquartile range, longest task, extra heap.
 *
 * The cost of a static page is the configuration's main-thread time (DevTools TaskDuration) in the measuring window
 * minus the baseline's: complete (script, style, layout, GC), and clean because the baseline's window is at rest.
 * On a dynamic page the baseline's window holds the page's own appends and their layout, which vary by more than
 * the floor's whole cost, so there the cost is the time the trace attributes to the extension's script (including
 * forced layout and GC inside it, excluding layout it causes later); `taskCostMs` keeps the difference too.
 */
export function summarizePage(samples, { dynamic = false } = {}) {
  const base = samples.baseline ?? [];
  const out = {};
  for (const config of CONFIGS) {
    const runs = samples[config] ?? [];
    if (!runs.length) continue;
    const of = (key) => runs.map((s) => s[key]).filter((v) => v !== null && v !== undefined);
    const baseOf = (key) => base.map((s) => s[key]).filter((v) => v !== null && v !== undefined);
    const minus = (key) => (config === 'baseline' ? of(key) : costs(of(key), baseOf(key)));
    const task = minus('taskMs');
    const ext = config === 'baseline' ? [] : of('extScriptMs');
    const cost = dynamic && config !== 'baseline' ? ext : task;
    out[config] = {
      runs: runs.length,
      costMs: median(cost),
      costQ1: quantile(cost, 0.25),
      costQ3: quantile(cost, 0.75),
      costBasis: dynamic && config !== 'baseline' ? 'trace' : 'task',
      taskCostMs: median(task),
      // Script time the trace attributes to the extension (no baseline subtraction needed).
      extScriptMs: config === 'baseline' ? null : median(ext),
      heapBytes: median(minus('heapBytes')),
      // The longest task: on a static page any task of the window (the page is at rest: the rendering and garbage
      // collection the configuration causes count too, as for the baseline); on a dynamic page, whose own appends
      // lay out in the window, the longest that ran the configuration's script.
      longestTaskMs: max(runs.map((s) => (config === 'baseline' || !dynamic ? Math.max(s.anyLongestTaskMs ?? 0, s.longestTaskMs ?? 0) : s.longestTaskMs) ?? 0)),
      timedOut: runs.some((s) => s.timedOut),
      info: runs[runs.length - 1]?.info ?? null,
    };
  }
  return out;
}

/** Whether ours on a page without mentions is within budget of the floor. */
export function noMentionOk(ours, floor, b = BUDGETS) {
  if (ours === null || floor === null) return null;
  return ours <= Math.max(b.noMentionFactor * Math.max(floor, 0), floor + b.noMentionSlackMs);
}

/**
 * Evaluates every budget.
 * @param {{ pages: Array<{ id: string, size: string, mentions: string, dynamic: boolean, summary: ReturnType<typeof summarizePage> }>,
 *   sizes?: { injectedGzipBytes?: number }, card?: { overDwellMs?: number|null }, overlay?: { openMs?: number|null } }} result
 * @returns {{ budgets: Record<string, boolean|null>, failures: string[] }}
 */
export function evaluateBudgets(result, b = BUDGETS) {
  const failures = [];
  const all = (checks) => (checks.length === 0 ? null : checks.every((c) => c === true) ? true : checks.some((c) => c === false) ? false : null);
  const noMention = [];
  const withMentions = [];
  const longTasks = [];
  const peer = [];
  const peerList = [];
  for (const p of result.pages) {
    const ours = p.summary.ours;
    const floor = p.summary.floor;
    if (!ours) continue;
    // A decoy page names Moscow or a concert but not the attack: a page without a mention, as far as budgets go.
    if (p.mentions === 'none' || p.mentions === 'decoy') {
      const ok = floor ? noMentionOk(ours.costMs, floor.costMs, b) : null;
      noMention.push(ok);
      if (ok === false) failures.push(`no-mention page ${p.id}: ours ${round(ours.costMs)} ms > max(${b.noMentionFactor}× floor ${round(floor.costMs)} ms, floor + ${b.noMentionSlackMs} ms)`);
    } else {
      const ok = floor && ours.costMs !== null && floor.costMs !== null ? ours.costMs <= b.mentionFactor * Math.max(floor.costMs, 0) : null;
      withMentions.push(ok);
      if (ok === false) failures.push(`page ${p.id}: ours ${round(ours.costMs)} ms > ${b.mentionFactor}× floor ${round(floor.costMs)} ms`);
    }
    if (ours.longestTaskMs !== null) {
      const ok = ours.longestTaskMs <= b.longTaskMs;
      longTasks.push(ok);
      if (!ok) failures.push(`page ${p.id}: a main-thread task of ${round(ours.longestTaskMs)} ms caused by the extension (budget ${b.longTaskMs} ms)`);
    }
    if (b.largeSizes.includes(p.size)) {
      for (const [key, list, what] of [['peer', peer, 'mark.js (one markRegExp)'], ['peerList', peerList, 'mark.js (mark(aliases), lower bound)']]) {
        const other = p.summary[key];
        if (!other) continue;
        const r = ratio(other.costMs, ours.costMs);
        const ok = r === null ? null : r >= b.peerFactor;
        list.push(ok);
        if (ok === false) failures.push(`page ${p.id}: ${what} only ${round(r)}× slower than ours (budget ${b.peerFactor}×)`);
      }
    }
  }
  const gz = result.sizes?.injectedGzipBytes;
  const injected = gz === undefined || gz === null ? null : gz <= b.injectedGzipBytes;
  if (injected === false) failures.push(`injected into every page: ${gz} bytes gzipped > ${b.injectedGzipBytes}`);
  const over = result.card?.overDwellMs;
  const card = over === undefined || over === null ? null : over <= b.cardFrameMs;
  if (card === false) failures.push(`hover card: ${round(over)} ms after its dwell delay (budget one frame, ${round(b.cardFrameMs)} ms)`);
  const open = result.overlay?.openMs;
  const overlay = open === undefined || open === null ? null : open < b.overlayMs;
  if (overlay === false) failures.push(`overlay panel: ${round(open)} ms to open (budget ${b.overlayMs} ms)`);
  return {
    budgets: {
      noMentionWithin1_2xFloor: all(noMention),
      mentionsWithin2xFloor: all(withMentions),
      noTaskOver50ms: all(longTasks),
      // mark.js as highlighters call it with a list, and mark.js's fastest setup for a long list.
      tenTimesFasterThanMarkJs: all(peerList),
      tenTimesFasterThanMarkJsRegExp: all(peer),
      injectedWithin25KBGzip: injected,
      hoverCardWithinOneFrame: card,
      overlayUnder200ms: overlay,
    },
    failures,
  };
}

/** The ratios of the closing JSON line: per size, per page variant, ours/floor and peer/ours. */
export function ratiosBySize(pages) {
  const out = {};
  for (const p of pages) {
    const s = p.summary;
    if (!s.ours) continue;
    const key = p.dynamic ? `${p.mentions}-dyn` : p.mentions;
    (out[p.size] ??= {})[key] = {
      oursOverFloor: round(s.floor ? ratio(s.ours.costMs, s.floor.costMs) : null),
      peerOverOurs: round(s.peer ? ratio(s.peer.costMs, s.ours.costMs) : null),
      ...(s.peerList ? { peerListOverOurs: round(ratio(s.peerList.costMs, s.ours.costMs)) } : {}),
    };
  }
  return out;
}
