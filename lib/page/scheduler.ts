/** Time and yielding, injected so tests can drive the controller with a virtual clock. */
export interface PageScheduler {
  now(): number;
  /** Give the page's own work a turn between slices. */
  yieldToMain(): Promise<void>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * A yield that queues behind the page's own tasks: one message on a private MessageChannel (an ordinary task, no
 * 4 ms timer clamp). Not `scheduler.yield()`: its continuation outranks ordinary tasks, so a job yielding with it
 * starves the page's timers and messages for the job's whole length (measured: no page timer ran during a 600 ms
 * sliced job, in Chromium and in Firefox).
 */
function channelYield(): (() => Promise<void>) | null {
  if (typeof MessageChannel !== 'function') return null;
  try {
    const channel = new MessageChannel();
    const queue: (() => void)[] = [];
    channel.port1.onmessage = () => queue.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        queue.push(resolve);
        channel.port2.postMessage(0);
      });
  } catch {
    return null;
  }
}

/** The browser's clock and timers; yields are ordinary tasks (see `channelYield`), else zero-delay timers. */
export function defaultScheduler(win: Window & typeof globalThis = globalThis as Window & typeof globalThis): PageScheduler {
  const perf = win.performance ?? performance;
  const viaChannel = channelYield();
  return {
    now: () => perf.now(),
    yieldToMain: viaChannel ?? (() => new Promise<void>((resolve) => win.setTimeout(resolve, 0))),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (h) => win.clearTimeout(h as number),
  };
}
