// The highlight styles travel with the sentinel: the manifest lists this stylesheet with it (wxt.config.ts), so the
// browser adds it before it builds each page and painting highlights later costs no restyle of the whole page.
import '@/lib/page/highlight.css';
import quick, { plan } from 'virtual:crocus/quick';
import { createQuickScanner } from '@/lib/recognize/quick-scanner';
import { coveringWindow, FRAME_CANDIDATE_EVENT } from '@/lib/page/frames';

/**
 * The sentinel: the only script injected into every page, so it does as little as possible. It tests the page's
 * text against one compiled pattern (the anchors of every name in the knowledge pack); on no match it stops, apart
 * from a cheap observer that tests text added later. On a match it asks the background to inject the full page
 * script (highlighter, hover card) into this frame.
 *
 * An unlisted script, declared in the manifest by wxt.config.ts: WXT's content-script wrapper would bring its
 * context object and the browser-API polyfill (three quarters of the file) into every page. It talks to the
 * browser API directly instead (only once there is something to tell), and notices that the extension was reloaded
 * by its runtime id going away.
 *
 * Frames: it runs in every frame (and in about:blank / srcdoc frames). A frame the parent can read (same origin) is
 * covered by the parent's page script, whose walk enters it (lib/page/frames.ts): there a match only tells the
 * covering frame (an event on its document), which activates or, when already running, rescans. Frames cross-origin
 * with their parent (and sandboxed ones) get a page script of their own.
 */
interface RuntimeLike {
  runtime?: { id?: string; sendMessage(message: unknown): Promise<unknown> };
}

/** Text added later is tested in batches, at most this often. */
const RECHECK_MS = 400;
/**
 * A long page's text is tested in parts of this many characters, one task each (no long task on a 10 MB page);
 * each part is long enough for the quick scanner.
 */
const SLICE_CHARS = 1 << 21;
/** Parts overlap by more than the longest anchor, so none is cut in two. */
const OVERLAP = 256;

/** The text of the same-origin frames under `doc` (which the page script's walk would read too). */
function framesText(doc: Document, depth = 0): string {
  // No child frames at all (most pages): no need to search the document for them.
  if (!doc.defaultView?.length) return '';
  let text = '';
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (!inner?.body) continue;
      text += `\n${inner.body.textContent ?? ''}`;
      if (depth < 3) text += framesText(inner, depth + 1);
    } catch {
      // Cross-origin: that frame's own sentinel looks after it.
    }
  }
  return text;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export default defineUnlistedScript(() => {
  // The browser API is touched only when there is something to tell (its first use has a cost of its own).
  const runtime = () => ((globalThis as { browser?: RuntimeLike }).browser ?? (globalThis as { chrome?: RuntimeLike }).chrome)?.runtime;
  // One RegExp for short texts; a one-pass scanner over long ones (lib/recognize/quick-scanner.ts).
  const test = createQuickScanner(quick, { plan });
  const home = coveringWindow();
  let done = false;
  let pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    done = true;
    observer.disconnect();
    document.removeEventListener(FRAME_CANDIDATE_EVENT, activate);
    if (timer !== undefined) clearTimeout(timer);
  };

  function activate() {
    if (done) return;
    stop();
    if (home !== window) {
      // A same-origin frame: the covering frame's page script reads this text.
      try {
        home.document.dispatchEvent(new CustomEvent(FRAME_CANDIDATE_EVENT));
      } catch {
        // The covering frame went away meanwhile.
      }
      return;
    }
    try {
      void runtime()!.sendMessage({ type: 'sentinel/candidate' }).catch(() => {
        // The page is going away, or the extension is reloading: nothing to do.
      });
    } catch {
      // The extension was reloaded or removed: this script is orphaned and stays quiet.
    }
  }

  const testPending = () => {
    timer = undefined;
    // An orphaned sentinel (the extension reloaded) stops watching.
    if (!runtime()?.id) return stop();
    const nodes = pending;
    pending = new Set();
    for (const node of nodes) {
      if (node.isConnected && test(node.textContent ?? '')) return activate();
    }
  };

  // A page rewriting one node thousands of times a second adds it here once per batch, not once per write.
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') pending.add(r.target);
      else for (const n of r.addedNodes) pending.add(n);
    }
    timer ??= setTimeout(testPending, RECHECK_MS);
  });

  /** The page's text, in one task when short and in slices when long. */
  const testPage = async (): Promise<boolean> => {
    if (test(document.title)) return true;
    const text = (document.body?.textContent ?? '') + framesText(document);
    if (text.length <= SLICE_CHARS) return test(text);
    for (let at = 0; at < text.length; at += SLICE_CHARS) {
      // Reading a very long text was a task of its own: every slice, the first too, gets one of its own.
      await nextTask();
      if (done) return false;
      if (test(text.slice(Math.max(0, at - OVERLAP), at + SLICE_CHARS))) return true;
    }
    return false;
  };

  // Watch from the start, so text added while a long page is being tested is not missed.
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  // Covered frames below this one report their matches here.
  if (home === window) document.addEventListener(FRAME_CANDIDATE_EVENT, activate);
  void testPage().then((hit) => hit && activate());
});
