import quick from 'virtual:crocus/quick';
import { quickPattern, quickTest } from '@/lib/recognize/quick';

/**
 * The sentinel: the only script injected into every page, so it does as little as possible. It tests the page's
 * text against one compiled pattern (the anchors of every name in the knowledge pack); on no match it stops, apart
 * from a cheap observer that tests text added later. On a match it asks the background to inject the full page
 * script (recognizer, highlighter, hover card) into this frame. It talks to the browser API directly, without the
 * polyfill, to stay small.
 */
interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

const api = ((globalThis as { browser?: RuntimeLike }).browser ?? (globalThis as { chrome?: RuntimeLike }).chrome)!;

/** Text added later is tested in batches, at most this often. */
const RECHECK_MS = 400;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const pattern = quickPattern(quick);
    let done = false;
    let pending: Node[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;

    const activate = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      void api.runtime.sendMessage({ type: 'sentinel/candidate' }).catch(() => {
        // Extension reloading or the page is going away: nothing to do.
      });
    };

    const testPending = () => {
      timer = undefined;
      const nodes = pending;
      pending = [];
      for (const node of nodes) {
        if (node.isConnected && quickTest(node.textContent ?? '', pattern)) return activate();
      }
    };

    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') pending.push(r.target);
        else for (const n of r.addedNodes) pending.push(n);
      }
      timer ??= setTimeout(testPending, RECHECK_MS);
    });

    if (quickTest(document.title, pattern) || quickTest(document.body?.textContent ?? '', pattern)) return activate();
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    });
  },
});
