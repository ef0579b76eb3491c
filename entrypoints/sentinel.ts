// The highlight styles travel with the sentinel: the manifest lists this stylesheet with it (wxt.config.ts), so the
// browser adds it before it builds each page and painting highlights later costs no restyle of the whole page.
import '@/lib/page/highlight.css';
import quick, { folded, groups, plan } from 'virtual:crocus/quick';
import { createQuickScanner, QUICK_SCAN_MIN } from '@/lib/recognize/quick-scanner';
import { ANCHOR_REACH, type QuickWindows } from '@/lib/recognize/quick';
import { coveringWindow, FRAME_CANDIDATE_EVENT } from '@/lib/page/frames';
import { openShadowRoots } from '@/lib/page/shadow-roots';
import { joinedParts, omitted, textParts } from '@/lib/page/text-parts';

/**
 * The sentinel: the only script injected into every page, so it does as little as possible. It tests the page's
 * text against one compiled pattern (the anchors of every name in the knowledge pack); on no match it stops, apart
 * from a cheap observer that tests text added later. On a match it sends the background the text around the
 * matches (a few hundred characters each); when that holds a name that can anchor the page the background injects
 * the full page script (highlighter, hover card) into this frame, else (the page names Moscow or a concert) the
 * sentinel goes on watching text added later.
 *
 * An unlisted script, declared in the manifest by wxt.config.ts: WXT's content-script wrapper would bring its
 * context object and the browser-API polyfill (three quarters of the file) into every page. It talks to the
 * browser API directly instead (only once there is something to tell), and notices that the extension was reloaded
 * by its runtime id going away.
 *
 * Shadow DOM: `textContent` does not reach into shadow roots. On a page whose light DOM holds little text (an app
 * shell whose articles render in web components) the sentinel also reads and watches the open shadow roots.
 *
 * Frames: it runs in every frame (and in about:blank / srcdoc frames). A frame the parent can read (same origin) is
 * covered by the parent's page script, whose walk enters it (lib/page/frames.ts): there a match only tells the
 * covering frame (an event on its document), which activates or, when already running, rescans. Frames cross-origin
 * with their parent (and sandboxed ones) get a page script of their own.
 */
interface RuntimeLike {
  runtime?: { id?: string; sendMessage(message: unknown): Promise<unknown> };
}

/** Whether the pieces say there was a match (some piece, or more matches than pieces). */
const matched = (found: QuickWindows) => found.windows.length > 0 || !found.complete;

/** At most this many pieces of text go with one message; a page with more matches gets the page script. */
const MAX_WINDOWS = 64;

/** The pieces of two finds, as many as a message may hold (incomplete if some are left out). */
function merged(a: QuickWindows, b: QuickWindows): QuickWindows {
  const windows = [...a.windows, ...b.windows];
  return { windows: windows.slice(0, MAX_WINDOWS), complete: a.complete && b.complete && windows.length <= MAX_WINDOWS };
}

/**
 * A page whose light DOM holds less text than this is read with its open shadow roots too (an app shell whose
 * articles render in web components); other pages skip the search for them, which visits every element.
 */
const THIN_CHARS = 4_096;
const MAX_SHADOW_ROOTS = 256;
const OBSERVED = { childList: true, subtree: true, characterData: true };

/** Text added later is tested in batches, at most this often. */
const RECHECK_MS = 400;
/**
 * After a few "nothing here can anchor the page" answers (a live page that keeps naming Moscow), text added later
 * is tested less often, down to once per 16 × RECHECK_MS: the background's check is not free either.
 */
const CALM_ANSWERS = 3;
/**
 * A task of the test ends once it has run this long (no long task on a 10 MB page, nor on a slow machine); the
 * scanner tests a text in stretches of SLICE_CHARS characters, so that a task can end between them.
 */
const TASK_MS = 8;
const SLICE_CHARS = 1 << 18;
/**
 * A page read in more than one task asks the background about the text around its matches at the end of a task, at
 * most this many times before the end of the page (a page that keeps naming Moscow costs a message each time).
 */
const EARLY_ASKS = 2;
/**
 * A page with more elements than this is read in parts (textParts: elements with at most PART_ELEMENTS elements
 * under them whole), joined into texts of PIECE_CHARS: the 10 MB benchmark page has ~63,000 elements, the 1 MB one
 * ~6,300, a long article ~1,000-3,000.
 */
const LONG_PAGE_ELEMENTS = 16_384;
const PART_ELEMENTS = 256;
const PIECE_CHARS = 1 << 15;
/**
 * A page of more than BIG_PAGE_ELEMENTS elements whose HTML came to BIG_PAGE_BYTES or more (a long article or
 * thread: the 1 MB benchmark page has ~6,300 elements and 1.3 MB) is read in parts too, and tested as pieces when
 * the parts add up to QUICK_SCAN_MIN characters. Its text as one string (2 MB for 1 M characters) and the copy the
 * scanner reads helped start a major garbage collection while the page script worked: 1MB-few 127-137 -> 98-104 ms
 * in three A/Bs (8 rounds interleaved, twentieth session), 1MB-many the same (135 -> 133), the longest task on 1 MB
 * pages 14-17 -> 12.5-13.5 ms; on 1MB-none reading the parts costs our script 0.3-0.9 ms more, which the page's
 * total does not show beyond its noise (25.6 against 25.1 ms in 16 rounds). Not on every page of that many
 * elements: reading the parts of a page of 10,000 elements and 100 KB of text cost +0.6-0.9 ms (eighteenth
 * session), and such a page's HTML is far smaller.
 */
const BIG_PAGE_ELEMENTS = 4_096;
const BIG_PAGE_BYTES = 512 * 1024;
/**
 * Elements whose text is no page text (inline scripts' code and data, style sheets), which the page script does not
 * read either: a news page's body often holds hundreds of KB of JSON, whose testing would cost more than its
 * article's, and whose names (a list of related stories) would bring the page script for nothing. Their text is
 * left out when it amounts to OMIT_MIN_CHARS (below that, reading around them costs more than testing them).
 */
const NOT_TEXT = ['script', 'style'];
const OMIT_MIN_CHARS = 1 << 14;

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

/** The size of the page's HTML as it came over the network (0 when the browser does not say). */
const htmlBytes = () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.decodedBodySize ?? 0;

/**
 * The body's text: whole (`textContent`), or read in parts (lib/page/text-parts.ts: no string of the whole page)
 * when the page is long, when its HTML is big, or when scripts' and style sheets' text is to be left out
 * (NOT_TEXT). Parts are joined into one text, or into pieces (`pieces`) when they come to QUICK_SCAN_MIN characters
 * or more, each beginning with the end of the one before, so no name is cut in two. A long page's parts are read as
 * the pieces are tested (its pieces are not all held at once).
 */
function bodyText(body: HTMLElement | null): { texts: Iterable<string>; pieces: boolean } {
  if (!body) return { texts: [], pieces: false };
  const omit = omitted(body, NOT_TEXT, OMIT_MIN_CHARS);
  const elements = body.getElementsByTagName('*').length;
  if (elements > LONG_PAGE_ELEMENTS) return { texts: joinedParts(textParts(body, PART_ELEMENTS, omit), PIECE_CHARS, ANCHOR_REACH), pieces: true };
  if (!omit && !(elements > BIG_PAGE_ELEMENTS && htmlBytes() >= BIG_PAGE_BYTES)) return { texts: [body.textContent ?? ''], pieces: false };
  const parts = [...textParts(body, PART_ELEMENTS, omit)];
  let chars = 0;
  for (const part of parts) chars += part.length;
  return chars < QUICK_SCAN_MIN ? { texts: [parts.join('')], pieces: false } : { texts: joinedParts(parts, PIECE_CHARS, ANCHOR_REACH), pieces: true };
}

/**
 * The page's text: its title with the body's first text (on a short page one RegExp run tests both, and V8
 * compiles the pattern once, not once for a short string and again for a long one), the body's other texts, then
 * its same-origin frames'. Joined, not concatenated: `+` makes a string of two, which V8 reads unit by unit ~2 times
 * slower than one (the scanner reads every unit). The copy pays even for the body's text alone: the scanner read
 * `body.textContent` as the browser gave it slower than the joined copy (1MB-none 35.7 against 28.2 ms, A/B in the
 * bench's harness).
 */
function* pageText(body: Iterable<string>): Generator<string, void, undefined> {
  let title = `${document.title}\n`;
  for (const text of body) {
    yield title ? [title, text].join('') : text;
    title = '';
  }
  yield title + framesText(document);
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export default defineUnlistedScript(() => {
  // The browser API is touched only when there is something to tell (its first use has a cost of its own).
  const runtime = () => ((globalThis as { browser?: RuntimeLike }).browser ?? (globalThis as { chrome?: RuntimeLike }).chrome)?.runtime;
  // One RegExp for short texts; a one-pass scanner over long ones (lib/recognize/quick-scanner.ts).
  const scanner = createQuickScanner(quick, { plan, folded, groups });
  const home = coveringWindow();
  let done = false;
  /** A question to the background is under way: text added meanwhile waits for its answer. */
  let asking = false;
  /**
   * What came to be asked while a question was under way (the page's own matches, found while text added earlier
   * was being asked about): asked once that answer is "keep watching". `found` undefined: unconditionally.
   */
  let queued: { found?: QuickWindows } | undefined;
  let pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers of "keep watching" so far. */
  let watchAnswers = 0;
  /** Light-DOM text read so far (the page's, then what was added). Below THIN_CHARS the page is an app shell. */
  let lightChars = 0;
  const thin = () => lightChars < THIN_CHARS;
  const watchedRoots = new WeakSet<ShadowRoot>();
  const recheckMs = () => RECHECK_MS * 2 ** Math.min(4, Math.max(0, watchAnswers - CALM_ANSWERS));

  const stop = () => {
    done = true;
    asking = false;
    observer.disconnect();
    document.removeEventListener(FRAME_CANDIDATE_EVENT, onFrameCandidate);
    if (timer !== undefined) clearTimeout(timer);
  };

  /**
   * Adds the pieces of `text` around its matches to `found` (the test itself: no piece, no match); false once
   * `found` holds as many as a message may.
   */
  const collect = (found: QuickWindows, text: string, total?: number, from?: number, to?: number): boolean => {
    const max = MAX_WINDOWS - found.windows.length;
    const { windows, complete } = from === undefined ? scanner.windows(text, max, total) : scanner.stretch(text, max, from, to!);
    found.windows.push(...windows);
    if (!complete) found.complete = false;
    return found.complete;
  };

  /**
   * Asks the background for the page script. `found` is the text around this frame's matches; without it (a
   * covered frame below matched) the page script comes unconditionally. Resolves true when the answer was "nothing
   * here can anchor the page" (the sentinel goes on watching). `early`: the text read so far of a long page still
   * being read, whose answer does not count as a live page's (CALM_ANSWERS). Asked while another question is under
   * way, it waits for that answer and is asked only if that is "keep watching" (else the page script reads it all).
   */
  async function activate(found?: QuickWindows, early = false): Promise<boolean> {
    if (done) return false;
    if (asking) {
      if (!queued) queued = { found };
      else if (queued.found && found) queued.found = merged(queued.found, found);
      else queued.found = undefined;
      return true;
    }
    if (home !== window) {
      stop();
      // A same-origin frame: the covering frame's page script reads this text.
      try {
        home.document.dispatchEvent(new CustomEvent(FRAME_CANDIDATE_EVENT));
      } catch {
        // The covering frame went away meanwhile.
      }
      return false;
    }
    asking = true;
    let watch = false;
    try {
      const reply = (await runtime()!.sendMessage({ type: 'sentinel/candidate', ...found })) as { ok?: boolean; value?: { watch?: boolean } } | undefined;
      watch = !!(reply?.ok && reply.value?.watch);
    } catch {
      // The page is going away, or the extension was reloaded or removed: this script stays quiet.
    }
    asking = false;
    if (!watch) {
      stop();
      return false;
    }
    // Nothing here can anchor the page: keep testing text added later (some may have arrived meanwhile).
    if (!early) watchAnswers++;
    const next = queued;
    queued = undefined;
    if (next) return activate(next.found);
    if (pending.size) timer ??= setTimeout(testPending, recheckMs());
    return true;
  }

  const onFrameCandidate = () => void activate();

  /** The text of the open shadow roots at and under `root` not read before; from now on they are watched too. */
  const shadowText = (root: Element | Document): string => {
    let text = '';
    for (const shadow of openShadowRoots(root, MAX_SHADOW_ROOTS)) {
      if (watchedRoots.has(shadow)) continue;
      watchedRoots.add(shadow);
      observer.observe(shadow, OBSERVED);
      text += `\n${shadow.textContent ?? ''}`;
    }
    return text;
  };

  const testPending = () => {
    timer = undefined;
    if (done) return;
    // An orphaned sentinel (the extension reloaded) stops watching.
    if (!runtime()?.id) return stop();
    if (asking) {
      timer = setTimeout(testPending, recheckMs());
      return;
    }
    const nodes = pending;
    pending = new Set();
    const found: QuickWindows = { windows: [], complete: true };
    for (const node of nodes) {
      // An added script (a single-page app's data) is no page text.
      if (!node.isConnected || NOT_TEXT.includes((node as Element).localName)) continue;
      const light = node.textContent ?? '';
      // A shell that fills its light DOM (most single-page apps) is no longer thin: no more element scans.
      lightChars += light.length;
      if (!collect(found, light + (thin() && node.nodeType === Node.ELEMENT_NODE ? shadowText(node as Element) : ''))) break;
    }
    if (matched(found)) void activate(found);
  };

  // A page rewriting one node thousands of times a second adds it here once per batch, not once per write.
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') pending.add(r.target);
      else for (const n of r.addedNodes) pending.add(n);
    }
    timer ??= setTimeout(testPending, recheckMs());
  });

  /**
   * Tests the page's text, the text around every match, or null when nothing matched; in one task when short, else
   * in tasks of about TASK_MS. Once a message's worth of pieces is collected the rest is not read.
   */
  const testPage = async (): Promise<QuickWindows | null> => {
    let found: QuickWindows = { windows: [], complete: true };
    let earlyAsks = 0;
    let taskStart = performance.now();
    // Pieces of a long text: the scanner (not the RegExp) tests them from the first, as it would the whole.
    const { texts, pieces } = bodyText(document.body);
    for (const text of pageText(texts)) {
      lightChars += text.length;
      const total = pieces ? Infinity : lightChars;
      // The RegExp (a shorter text) tests it whole; the scanner in stretches of the one string, between which the
      // task may end.
      const step = scanner.scans(total) ? SLICE_CHARS : text.length;
      for (let at = 0; at < text.length; at += step) {
        if (performance.now() - taskStart > TASK_MS) {
          // The text around the matches so far may anchor the page already (an article names the attack in its
          // first lines): asked before reading on, so the page script comes without the rest being read first.
          if (matched(found) && earlyAsks < EARLY_ASKS && !asking) {
            earlyAsks++;
            if (!(await activate(found, true))) return null;
            found = { windows: [], complete: true };
          } else await nextTask();
          if (done) return null;
          taskStart = performance.now();
        }
        const more = step === text.length ? collect(found, text, total) : collect(found, text, total, at, at + step);
        if (!more) return found;
      }
    }
    if (thin()) collect(found, shadowText(document));
    return matched(found) ? found : null;
  };

  // Watch from the start, so text added while a long page is being tested is not missed.
  observer.observe(document.documentElement, OBSERVED);
  // Covered frames below this one report their matches here.
  if (home === window) document.addEventListener(FRAME_CANDIDATE_EVENT, onFrameCandidate);
  void testPage().then((found) => found && activate(found));
});
