/** Time and yielding, injected so tests can drive the controller with a virtual clock. */
export interface PageScheduler {
  now(): number;
  /** Give the page's own work a turn between slices. */
  yieldToMain(): Promise<void>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface SchedulerGlobal {
  scheduler?: { yield?: () => Promise<void> };
}

/** The browser's clock and timers; `scheduler.yield()` where the engine has it, else a zero-delay task. */
export function defaultScheduler(win: Window & typeof globalThis = globalThis as Window & typeof globalThis): PageScheduler {
  const perf = win.performance ?? performance;
  return {
    now: () => perf.now(),
    yieldToMain: () => {
      const s = (win as unknown as SchedulerGlobal).scheduler;
      if (s && typeof s.yield === 'function') {
        try {
          return s.yield.call(s);
        } catch {
          /* fall through to a task */
        }
      }
      return new Promise<void>((resolve) => win.setTimeout(resolve, 0));
    },
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (h) => win.clearTimeout(h as number),
  };
}
