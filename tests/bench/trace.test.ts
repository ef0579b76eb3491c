// Reading traces and CPU profiles for the bench, and the SVG plot: synthetic inputs, no browser, no timing.
import { describe, expect, it } from 'vitest';
import { analyzeTrace, completeEvents, pageProcess, unionLength, type TraceEvent } from '../../scripts/bench/trace.mjs';
import { summarizeProfile } from '../../scripts/bench/profile.mjs';
import { benchSvg } from '../../scripts/bench/plot.mjs';

const EXT = 'chrome-extension://abc/content-scripts/sentinel.js';
const ORIGIN = 'http://127.0.0.1:4000';
const meta = (pid: number, tid: number, name: string): TraceEvent => ({ ph: 'M', name: 'thread_name', pid, tid, args: { name } });
const X = (pid: number, tid: number, name: string, ts: number, dur: number, data: Record<string, unknown> = {}): TraceEvent => ({ ph: 'X', name, pid, tid, ts, dur, args: { data } });

describe('unionLength', () => {
  it('merges nested and overlapping intervals', () => {
    expect(unionLength([[0, 10], [2, 5], [8, 12], [20, 25]])).toBe(17);
    expect(unionLength([])).toBe(0);
  });
});

describe('analyzeTrace', () => {
  const events: TraceEvent[] = [
    { ph: 'I', name: 'TracingStartedInBrowser', pid: 1, tid: 1, ts: 0, args: { data: { frames: [{ processId: 7, url: `${ORIGIN}/p.html` }] } } },
    meta(7, 70, 'CrRendererMain'),
    meta(8, 80, 'CrRendererMain'),
    // An extension task of 60 ms (script 55 ms), a yield-continuation task of 20 ms, a page task of 90 ms.
    X(7, 70, 'RunTask', 1000, 60_000),
    X(7, 70, 'EvaluateScript', 2000, 55_000, { url: EXT }),
    X(7, 70, 'v8.compile', 2100, 5_000, { url: EXT }),
    X(7, 70, 'RunTask', 100_000, 20_000),
    X(7, 70, 'RunMicrotasks', 100_500, 19_000),
    X(7, 70, 'RunTask', 200_000, 90_000),
    X(7, 70, 'TimerFire', 200_100, 80_000, { url: `${ORIGIN}/p.html` }),
    // Another renderer (another tab): ignored.
    X(8, 80, 'RunTask', 0, 500_000),
    X(8, 80, 'EvaluateScript', 0, 400_000, { url: EXT }),
  ];

  it('finds the page renderer from the frame list', () => {
    expect(pageProcess(events, ORIGIN)).toBe(7);
  });

  it('sums the page main thread, attributes extension tasks and script time', () => {
    const t = analyzeTrace(events, { origin: ORIGIN });
    expect(t.pid).toBe(7);
    expect(t.tasks).toBe(3);
    expect(t.taskMs).toBe(170);
    expect(t.longestTaskMs).toBe(90);
    expect(t.extLongestTaskMs).toBe(60);
    expect(t.extTasksOver50).toBe(1);
    expect(t.extScriptMs).toBe(74);
  });

  it('reads begin/end pairs as complete events (long script calls come that way)', () => {
    const b = { ph: 'B', name: 'FunctionCall', pid: 7, tid: 70, ts: 300_000, args: { data: { url: EXT } } };
    const e = { ph: 'E', name: 'FunctionCall', pid: 7, tid: 70, ts: 370_000, args: {} };
    expect(completeEvents([e, b])).toEqual([{ ...b, ph: 'X', dur: 70_000 }]);
    const t = analyzeTrace([...events, X(7, 70, 'RunTask', 299_000, 72_000), b, e], { origin: ORIGIN });
    expect(t.extLongestTaskMs).toBe(72);
    expect(t.extScriptMs).toBe(144);
  });

  it('without a frame list takes the busiest renderer', () => {
    const t = analyzeTrace(events.slice(1), { origin: ORIGIN });
    expect(t.pid).toBe(8);
  });
});

describe('summarizeProfile', () => {
  it('charges natives to the extension function that called them and groups by file', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: [2, 5] },
        { id: 2, callFrame: { functionName: 'scan', url: 'chrome-extension://x/content-scripts/page.js', lineNumber: 9, columnNumber: 0 }, children: [3] },
        { id: 3, callFrame: { functionName: 'exec', url: '', lineNumber: -1, columnNumber: -1 }, children: [] },
        { id: 5, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1, columnNumber: -1 }, children: [] },
      ],
      samples: [2, 3, 3, 5, 2],
      timeDeltas: [0, 1000, 1000, 1000, 1000, 1000],
    };
    const s = summarizeProfile(profile);
    expect(s.totalMs).toBe(5);
    expect(s.extensionMs).toBe(4);
    expect(s.files).toEqual([{ name: 'content-scripts/page.js', ms: 4 }]);
    expect(s.top).toEqual([
      { name: 'scan (content-scripts/page.js:10)', ms: 2 },
      { name: 'scan (content-scripts/page.js:10) → exec', ms: 2 },
      { name: '(garbage collector)', ms: 1 },
    ]);
  });
});

describe('benchSvg', () => {
  it('draws both panels with a series per configuration and variant', () => {
    const summary = (f: number, o: number, p: number) => ({ floor: { costMs: f }, ours: { costMs: o }, peer: { costMs: p } });
    const pages = [
      { size: '5KB', mentions: 'none', dynamic: false, summary: summary(3, 5, 10) },
      { size: '5KB', mentions: 'many', dynamic: false, summary: summary(3, 50, 12) },
      { size: '1MB', mentions: 'none', dynamic: false, summary: summary(20, 30, 100) },
      { size: '1MB', mentions: 'many', dynamic: false, summary: summary(20, -1, 150) },
    ];
    const svg = benchSvg(pages, ['5KB', '100KB', '1MB', '10MB'], { note: 'test & note' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Main-thread cost by page size');
    expect(svg).toContain('ours, many mentions');
    expect(svg).toContain('test &amp; note');
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(8);
  });
});
