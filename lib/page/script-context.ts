/**
 * The life of a script the background injects into a page (the page script, the card script): timers and listeners
 * that end with it, and the moment it ends. What WXT's ContentScriptContext gives, without what that costs on
 * every injection: it announces itself to the page with `window.postMessage` (the page's own scripts see the
 * message; in Chromium the call captures a stack trace whose source positions cost a re-parse of the whole
 * script, ~2.5 ms per injection in the benchmark), and it brings its location watcher and logger along.
 *
 * A context ends (once) when the extension goes away (`alive()` turns false: checked before every timer's handler,
 * and by a poll every `pollMs` when asked for one) or when a newer instance of the same script starts in this document: it announces
 * itself with an event on the document, which older instances hear even across worlds (Firefox injects the scripts
 * of a reloaded extension without stopping the old ones).
 */
export interface ScriptContext {
  readonly signal: AbortSignal;
  /** False once the context has ended (checks `alive()` first). */
  readonly isValid: boolean;
  /** Runs `cb` when the context ends; returns a function that cancels that. */
  onInvalidated(cb: () => void): () => void;
  /** `setTimeout` whose handler does not run once the context has ended. */
  setTimeout(handler: () => void, ms?: number): number;
  /** `setInterval` whose handler does not run once the context has ended. */
  setInterval(handler: () => void, ms: number): number;
  /** `addEventListener`, removed when the context ends. */
  addEventListener<K extends keyof DocumentEventMap>(target: Document, type: K, handler: (e: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
  addEventListener<K extends keyof WindowEventMap>(target: Window, type: K, handler: (e: WindowEventMap[K]) => void, options?: AddEventListenerOptions): void;
  addEventListener(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void;
  /**
   * Calls `listener` after the document's address changes without a load (a single-page app's navigation), as
   * the poll finds it (a context created with `pollMs`).
   */
  onNavigate(listener: () => void): () => void;
}

export interface ScriptContextOptions {
  /** Whether the extension is still there (false once it was reloaded, updated or removed). */
  alive(): boolean;
  /** The window the script runs in. */
  win?: Window;
  /**
   * How often the address and `alive()` are checked, for a script that lives as long as the page (the page script:
   * it notices an extension reload within that time and takes its highlights away). None by default: the card
   * script ends with the page script, which removes its host.
   */
  pollMs?: number;
}

/** Starts the context of the script `name`, ending any older instance of it in this document. */
export function createScriptContext(name: string, { alive, win = window, pollMs }: ScriptContextOptions): ScriptContext {
  const controller = new AbortController();
  const signal = controller.signal;
  const doc = win.document;
  const started = `crocus-context:${name}:started`;
  const end = () => {
    if (!signal.aborted) controller.abort('the script was stopped');
  };
  const valid = () => {
    if (!signal.aborted && !alive()) end();
    return !signal.aborted;
  };

  // Older instances hear this; this one listens only from now on.
  doc.dispatchEvent(new CustomEvent(started));
  doc.addEventListener(started, end, { signal });

  const navigation = new Set<() => void>();
  let url = win.location.href;
  if (pollMs !== undefined) {
    const poll = win.setInterval(() => {
      if (!valid()) return;
      if (win.location.href === url) return;
      url = win.location.href;
      for (const listener of navigation) listener();
    }, pollMs);
    signal.addEventListener('abort', () => win.clearInterval(poll));
  }

  const onInvalidated = (cb: () => void) => {
    signal.addEventListener('abort', cb);
    return () => signal.removeEventListener('abort', cb);
  };

  return {
    signal,
    get isValid() {
      return valid();
    },
    onInvalidated,
    // A pending timer is not cleared when the context ends (no listener per timer to keep): it fires into nothing.
    setTimeout(handler, ms) {
      return win.setTimeout(() => valid() && handler(), ms);
    },
    setInterval(handler, ms) {
      const id = win.setInterval(() => valid() && handler(), ms);
      onInvalidated(() => win.clearInterval(id));
      return id;
    },
    addEventListener(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions) {
      if (signal.aborted) return;
      target.addEventListener(type, handler, { ...options, signal });
    },
    onNavigate(listener) {
      if (pollMs === undefined) throw new Error(`${name}: onNavigate needs a context created with pollMs`);
      url = win.location.href;
      navigation.add(listener);
      return () => navigation.delete(listener);
    },
  };
}
