/**
 * The page adapter's conductor: quick check → walk → recognize → highlight, then keep up with the page.
 *
 * - A page without any candidate costs one `quickCheck` over `body.textContent` (plus a scan for open shadow roots
 *   and same-origin frames); nothing else is set up except one observer that re-runs the quick check on added text.
 * - On a candidate: walk the visible text into blocks (time-sliced), recognize (here in time-sliced chunks, or in
 *   the background: lib/page/remote.ts), map mentions to Ranges, register highlights.
 * - One debounced MutationObserver rescans only the blocks whose nodes changed (the nearest block container of each
 *   change; a full rescan past `maxChangedNodes`), ignoring our own UI hosts and our own fallback wrappers.
 * - A loop breaker backs off from regions the page keeps rewriting; SPA navigations trigger a full rescan.
 */
import { CONTEXT, type BlockMention, type BlockContext, type MentionKind } from '../recognize/types';
import { nameRule, type NameRule } from '../recognize/context';
import { ANCHOR_REACH } from '../recognize/quick';
import {
  BlockWalker,
  UI_HOST_ATTR,
  blockContainer,
  composedParent,
  isBlockBoundary,
  isInSkippedSubtree,
  isSkippedElement,
  layoutOf,
  type TextBlock,
} from './blocks';
import { recognizeInChunks, type ChunkRunResult, type RecognizeFn } from './chunks';
import { recognizeRemotely, type RecognizeReply, type RecognizeRequest } from './remote';
import { createHighlighter, type HighlightItem, type HighlightStyleName, type Highlighter } from './highlighter';
import { piecesFor, rangeFromPieces, rangeValid, type TextPiece } from './ranges';
import { defaultScheduler, type PageScheduler } from './scheduler';

export interface PageMention extends BlockMention {
  /** Stable for the life of this mention (unchanged text keeps its index across rescans). */
  readonly index: number;
  /** Live Range over the mention's text. */
  readonly range: Range;
  /** All ranges of the mention (one today; a list so callers need not change if that ever differs). */
  readonly ranges: readonly Range[];
}

export interface PageResultEvent {
  about: boolean;
  mentions: PageMention[];
}

export interface LoopBreakerOptions {
  /** Rescans of one region allowed within `windowMs` before backing off. Default 10. */
  max?: number;
  windowMs?: number;
  /** First back-off; doubles each time the region misbehaves again. Default 5 s, capped at `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface PageControllerOptions<T> {
  root: Document;
  table: T;
  /**
   * The recognizer: a function run in this thread (in time slices), or a remote one that the texts are sent to in
   * batches (the page script's: the background recognizes, lib/page/remote.ts).
   */
  recognize: RecognizeFn<T> | RemoteRecognizer;
  quickCheck: (text: string, table: T) => boolean;
  /**
   * Skip the first whole-page quick check: the caller (the sentinel) already found a candidate in this page.
   * Later checks (navigation, restart) run as usual.
   */
  assumeCandidate?: boolean;
  onResult?: (result: PageResultEvent) => void;
  /** Subscribe to SPA navigations (e.g. WXT's `wxt:locationchange`); returns an unsubscribe function. */
  onNavigate?: (listener: () => void) => (() => void) | void;
  scheduler?: PageScheduler;
  /** Defaults to `createHighlighter({ root })` (the Custom Highlight API, wrapping where it is missing). */
  highlighter?: Highlighter;
  /** Look of the default highlighter (the reader's `highlightStyle` setting). Default 'underline'. */
  highlightStyle?: HighlightStyleName;
  /** Mutation batching window. Default 250 ms. */
  debounceMs?: number;
  /** Work per slice before yielding. Default 8 ms. */
  sliceMs?: number;
  /** Past this many changed nodes in one batch, rescan the whole page. Default 1000. */
  maxChangedNodes?: number;
  /** Highlight at most this many mentions per page. Default 2000. */
  maxMentions?: number;
  /** Paint plain past this many characters of page text. Default PLAIN_HIGHLIGHT_CHARS. */
  plainChars?: number;
  loop?: LoopBreakerOptions;
  /** How often to check that the page has not dropped our highlight registrations. Default 2000 ms; 0 = never. */
  repairIntervalMs?: number;
  log?: (message: string) => void;
  /** Test hook: called whenever a walk over `node` starts. */
  onWalk?: (node: Node) => void;
}

export interface RemoteRecognizer {
  send(request: RecognizeRequest): Promise<RecognizeReply>;
}

export type ControllerState = 'new' | 'idle' | 'active' | 'stopped';

export interface PageController {
  start(): void;
  /** Full rescan now (e.g. after a setting changed). */
  rescan(): void;
  /** Disconnects everything and clears the highlights. */
  stop(): void;
  /**
   * Current mentions, in page order. Mentions inside a longer one carry `inner: true` (e.g. the venue inside
   * "Crocus City Hall attack"); they are not painted (the outer one is), filter them out to count what is shown.
   */
  mentions(): PageMention[];
  /** The live Range of mention `index`, or null when gone or no longer valid. */
  rangeOf(index: number): Range | null;
  /** The mention whose range is this exact Range object (for hit testing). */
  mentionOfRange(range: AbstractRange): PageMention | null;
  /** The text of the block mention `index` was found in, with the mention's offsets in it (for context lines). */
  contextOf(index: number): { text: string; start: number; end: number } | null;
  /** The page's text blocks as last read, each with the number of mentions in it (claims are looked for nearby). */
  blocks(): { block: TextBlock; mentions: number }[];
  /** Switch the highlight look (the reader changed the setting). */
  setHighlightStyle(style: HighlightStyleName): void;
  /** Whether the page was judged to be about the attack. */
  readonly about: boolean;
  readonly state: ControllerState;
  /** Resolves when the work in progress (if any) is done. */
  whenIdle(): Promise<void>;
}

interface Entry {
  mention: MutableMention;
  item: HighlightItem;
  /** Shown only near a block with context (lib/recognize/context.ts). */
  loose: boolean;
}

interface BlockRec {
  block: TextBlock;
  entries: Entry[];
  /** What the block says about the attack. */
  context: BlockContext;
}

/** What the recognizer said about a list of texts: mentions per text (some loose), and context per text. */
interface Recognized {
  mentions: BlockMention[][];
  context: BlockContext[];
}

type MutableMention = { -readonly [K in keyof PageMention]: PageMention[K] };

interface BreakerState {
  stamps: number[];
  level: number;
  backoffUntil: number;
  last: number;
}

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;
const DOCUMENT = 9;
const FRAGMENT = 11;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
/** Pages whose HTML is larger than this are quick-checked in slices instead of through one `textContent`. */
const QUICK_TEXTCONTENT_MAX = 1_000_000;
const QUICK_CHUNK = 1 << 18;
const OBSERVE: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'open', 'contenteditable', 'role'],
};

/**
 * A page with more text than this is painted plain (Highlighter.setPlain): there a highlight with an underline costs
 * Chromium a repaint of every text of the document at each change, ~5 ms per MB of text (~50 ms at 10 MB, against
 * ~10 ms plain). Pages of books' length, not articles.
 */
export const PLAIN_HIGHLIGHT_CHARS = 2_000_000;

/** Most entries the cache of recognized block texts keeps (it is cleared past this). */
const CACHE_MAX = 5_000;
/** Longer block texts are recognized in parts of at most this many characters ... */
const MAX_PART = 8_192;
/** ... cut at the last line end, else sentence end, else space within this many characters before the limit. */
const CUT_WINDOW = 1_024;

/**
 * `text` as [offset, part] pairs of at most `MAX_PART` characters. Cuts fall between lines or sentences where
 * possible, so names (which never span a sentence end) stay whole; a text without any break is cut hard.
 */
export function splitLongText(text: string, max = MAX_PART, window = CUT_WINDOW): [number, string][] {
  if (text.length <= max) return [[0, text]];
  const out: [number, string][] = [];
  let from = 0;
  while (text.length - from > max) {
    const limit = from + max;
    const low = Math.max(from + 1, limit - window);
    let cut = -1;
    for (let k = limit; k > low && cut < 0; k--) if (text[k - 1] === '\n') cut = k;
    for (let k = limit; k > low && cut < 0; k--) if (/[.!?。！？;]/.test(text[k - 1]) && /\s/.test(text[k] ?? '')) cut = k;
    for (let k = limit; k > low && cut < 0; k--) if (/\s/.test(text[k - 1])) cut = k;
    if (cut < 0) cut = limit;
    out.push([from, text.slice(from, cut)]);
    from = cut;
  }
  out.push([from, text.slice(from)]);
  return out;
}

function highlightKind(kind: MentionKind): 'event' | 'entity' {
  return kind === 'event' || kind === 'venue' ? 'event' : 'entity';
}

export function createPageController<T>(opts: PageControllerOptions<T>): PageController {
  const root = opts.root;
  const sched = opts.scheduler ?? defaultScheduler((root.defaultView ?? globalThis) as Window & typeof globalThis);
  const debounceMs = opts.debounceMs ?? 250;
  const sliceMs = opts.sliceMs ?? 8;
  const maxChanged = opts.maxChangedNodes ?? 1000;
  const maxMentions = opts.maxMentions ?? 2000;
  const plainChars = opts.plainChars ?? PLAIN_HIGHLIGHT_CHARS;
  const loop = { max: 10, windowMs: 5000, backoffMs: 5000, maxBackoffMs: 300_000, ...opts.loop };
  const repairIntervalMs = opts.repairIntervalMs ?? 2000;
  const logged = new Set<string>();
  const logOnce = (key: string, message: string): void => {
    if (logged.has(key)) return;
    logged.add(key);
    (opts.log ?? ((m: string) => console.warn(`[crocus-context] ${m}`)))(message);
  };

  let state: ControllerState = 'new';
  let highlighter: Highlighter | null = opts.highlighter ?? null;
  let blocks: BlockRec[] = [];
  let about = false;
  let evidence: string[] = [];
  /** Recognizer results by block text, valid for the current `about`. */
  const cache = new Map<string, { mentions: BlockMention[]; context: BlockContext }>();
  // ~16 KB per recognizer call to start (about 5 ms with the real table); adapted to the measured speed.
  const sizer = { chars: 16_384 };
  let nextIndex = 0;
  const byIndex = new Map<number, Entry>();
  const byRange = new WeakMap<AbstractRange, Entry>();
  let mentionList: PageMention[] | null = null;

  let observer: MutationObserver | null = null;
  const observed = new Set<Node>();
  let pending: MutationRecord[] = [];
  /** Targets of the characterData records in `pending`. */
  const pendingText = new Set<Node>();
  let needFull = false;
  let needIdleFull = false;
  const forced = new Set<Node>();
  const breaker = new WeakMap<Node, BreakerState>();
  const deferred = new Map<Node, number>();
  let deferTimer: unknown = null;
  let tickTimer: unknown = null;
  let repairTimer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let generation = 0;
  let unsubscribeNav: (() => void) | null = null;
  let navSubscribed = false;
  let assumed = false;
  let sliceStart = 0;
  let lastSignature = '';
  /** More mutations arrived than are worth sorting out one by one. */
  let overflow = false;

  // ---- helpers ----

  let style: HighlightStyleName = opts.highlightStyle ?? 'underline';
  const hl = (): Highlighter => (highlighter ??= createHighlighter({ root, log: opts.log, style }));
  const shouldYield = (): boolean => sched.now() - sliceStart >= sliceMs;

  /** Yield if the slice is used up; false when the controller was stopped or restarted meanwhile. */
  async function breathe(gen: number): Promise<boolean> {
    if (shouldYield()) {
      await sched.yieldToMain();
      sliceStart = sched.now();
    }
    return gen === generation && state !== 'stopped';
  }

  function isOwnUi(node: Node): boolean {
    const el = node.nodeType === ELEMENT ? (node as Element) : node.parentElement;
    return !!el && typeof el.closest === 'function' && el.closest(`[${UI_HOST_ATTR}]`) !== null;
  }

  function observeRoot(node: Node): void {
    if (observed.has(node) || !observer) return;
    try {
      observer.observe(node, OBSERVE);
      observed.add(node);
    } catch {
      /* a frame that went away */
    }
  }

  function ensureObserver(): void {
    if (observer) return;
    const MO = (globalThis.MutationObserver ??
      (root.defaultView as (Window & typeof globalThis) | null)?.MutationObserver) as typeof MutationObserver;
    observer = new MO((records) => {
      if (state === 'stopped') return;
      collect(records);
      scheduleTick(debounceMs);
    });
    observeRoot(root);
  }

  /** Queue records for the next tick; past a few thousand the next tick rescans everything instead. */
  function collect(records: MutationRecord[]): void {
    if (overflow) return;
    for (const r of records) {
      // A page rewriting the same text node thousands of times a second queues it once per batch.
      if (r.type === 'characterData') {
        if (pendingText.has(r.target)) continue;
        pendingText.add(r.target);
      }
      pending.push(r);
      if (pending.length > 4 * maxChanged) {
        overflow = true;
        pending = [];
        pendingText.clear();
        return;
      }
    }
  }

  /** Run our own DOM writes (fallback wrapping) without seeing them as page mutations. */
  function quietly(fn: () => void): void {
    if (observer) collect(observer.takeRecords());
    try {
      fn();
    } finally {
      observer?.takeRecords();
    }
  }

  function scheduleTick(delay: number): void {
    if (tickTimer !== null || state === 'stopped') return;
    tickTimer = sched.setTimeout(() => {
      tickTimer = null;
      kick();
    }, delay);
  }

  function kick(): void {
    if (state === 'stopped') return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await tick();
        } while (again && (state as ControllerState) !== 'stopped');
      } catch (err) {
        logOnce('error', `page adapter error: ${(err as Error)?.message ?? err}`);
      } finally {
        running = null;
      }
    })();
  }

  // ---- loop breaker ----

  /** Whether `region` may be rescanned now; if not, it is queued for when its back-off ends. */
  function allow(region: Node, now: number): boolean {
    let st = breaker.get(region);
    if (!st) breaker.set(region, (st = { stamps: [], level: 0, backoffUntil: 0, last: now }));
    // Quiet (no change requests at all) for long enough since the last back-off: forgive.
    if (st.level && now >= st.backoffUntil && now - st.last > 4 * loop.windowMs) st.level = 0;
    st.last = now;
    if (now < st.backoffUntil) {
      defer(region, st.backoffUntil);
      return false;
    }
    st.stamps = st.stamps.filter((t) => t > now - loop.windowMs);
    // After a back-off, one rescan per window before backing off again.
    const limit = st.level ? 1 : loop.max;
    if (st.stamps.length >= limit) {
      st.level++;
      st.backoffUntil = now + Math.min(loop.backoffMs * 2 ** (st.level - 1), loop.maxBackoffMs);
      st.stamps = [];
      logOnce('loop', 'the page keeps rewriting highlighted text; rescanning it less often');
      defer(region, st.backoffUntil);
      return false;
    }
    st.stamps.push(now);
    return true;
  }

  function defer(region: Node, at: number): void {
    const cur = deferred.get(region);
    if (cur === undefined || at < cur) deferred.set(region, at);
    armDeferTimer();
  }

  function armDeferTimer(): void {
    if (deferTimer !== null) sched.clearTimeout(deferTimer);
    deferTimer = null;
    if (!deferred.size || state === 'stopped') return;
    const next = Math.min(...deferred.values());
    deferTimer = sched.setTimeout(
      () => {
        deferTimer = null;
        const now = sched.now();
        for (const [region, at] of deferred) {
          if (at <= now) {
            deferred.delete(region);
            forced.add(region);
          }
        }
        armDeferTimer();
        if (forced.size) kick();
      },
      Math.max(0, next - sched.now()),
    );
  }

  // ---- idle mode: quick checks only ----

  async function quickCheckText(text: string, gen: number): Promise<boolean | null> {
    if (text.length <= QUICK_CHUNK) return opts.quickCheck(text, opts.table);
    for (let i = 0; i < text.length; i += QUICK_CHUNK) {
      if (opts.quickCheck(text.slice(Math.max(0, i - ANCHOR_REACH), i + QUICK_CHUNK), opts.table)) return true;
      if (!(await breathe(gen))) return null;
    }
    return false;
  }

  /** Open shadow roots and same-origin frame documents, found by a sliced element scan (no text work). */
  async function findRoots(gen: number): Promise<(ShadowRoot | Document)[] | null> {
    const found: (ShadowRoot | Document)[] = [];
    const queue: Node[] = [root.body ?? root.documentElement].filter(Boolean) as Node[];
    while (queue.length) {
      const start = queue.shift()!;
      const doc = start.nodeType === DOCUMENT ? (start as Document) : start.ownerDocument!;
      const tw = doc.createTreeWalker(start, SHOW_ELEMENT);
      let n = 0;
      for (let el = tw.currentNode as Element | null; el; el = tw.nextNode() as Element | null) {
        if ((++n & 511) === 0 && !(await breathe(gen))) return null;
        if (el.nodeType !== ELEMENT) continue;
        if (el.hasAttribute(UI_HOST_ATTR)) continue;
        const sr = (el as HTMLElement).shadowRoot;
        if (sr) {
          found.push(sr);
          queue.push(sr);
        }
        const tag = el.localName;
        if (tag === 'iframe' || tag === 'frame') {
          let fdoc: Document | null = null;
          try {
            fdoc = (el as HTMLIFrameElement).contentDocument;
          } catch {
            fdoc = null;
          }
          if (fdoc?.body) {
            found.push(fdoc);
            queue.push(fdoc.body);
          }
        }
      }
    }
    return found;
  }

  /** Size of the page's HTML as loaded, from navigation timing (0 when unknown). */
  function loadedSize(): number {
    try {
      const perf = (root.defaultView as (Window & typeof globalThis) | null)?.performance;
      const nav = perf?.getEntriesByType?.('navigation')?.[0] as PerformanceNavigationTiming | undefined;
      return nav?.decodedBodySize ?? 0;
    } catch {
      return 0;
    }
  }

  /**
   * The whole page's text through `quickCheck`. One `body.textContent` where the page is of ordinary size; on very
   * large pages (where building that string alone would block for tens of ms) the text nodes are read in slices.
   */
  async function quickCheckPage(gen: number): Promise<boolean | null> {
    const body = root.body ?? root.documentElement;
    if (!body) return false;
    if (loadedSize() <= QUICK_TEXTCONTENT_MAX) return quickCheckText(body.textContent ?? '', gen);
    const tw = root.createTreeWalker(body, SHOW_TEXT);
    let acc = '';
    let n = 0;
    for (let t = tw.nextNode(); t; t = tw.nextNode()) {
      acc += (t as Text).data;
      if (acc.length >= QUICK_CHUNK) {
        if (opts.quickCheck(acc, opts.table)) return true;
        acc = acc.slice(-ANCHOR_REACH);
      }
      if ((++n & 511) === 0 && !(await breathe(gen))) return null;
    }
    return opts.quickCheck(acc, opts.table);
  }

  async function idleFull(gen: number): Promise<void> {
    ensureObserver();
    if (opts.assumeCandidate && !assumed) {
      // The sentinel already found a candidate in this page: go straight to the walk.
      assumed = true;
      return activate(gen);
    }
    const hit = await quickCheckPage(gen);
    if (hit === null) return;
    if (hit) return activate(gen);
    const roots = await findRoots(gen);
    if (!roots) return;
    for (const r of roots) {
      observeRoot(r);
      const text = (r.nodeType === DOCUMENT ? (r as Document).body?.textContent : r.textContent) ?? '';
      const h = await quickCheckText(text, gen);
      if (h === null) return;
      if (h) return activate(gen);
    }
  }

  async function idleTick(records: MutationRecord[], gen: number): Promise<void> {
    if (needIdleFull) {
      needIdleFull = false;
      return idleFull(gen);
    }
    const parts: string[] = [];
    const blocksSeen = new Set<Node>();
    /** A name may span the changed node and its neighbours: test the whole enclosing block (when small). */
    const addBlockOf = (node: Node): void => {
      const b = blockContainer(node);
      if (blocksSeen.has(b) || b.nodeType === DOCUMENT || b === root.body) return;
      blocksSeen.add(b);
      parts.push(b.textContent ?? '');
    };
    let count = 0;
    for (const rec of records) {
      if (rec.type === 'characterData') {
        count++;
        if (!isOwnUi(rec.target)) {
          parts.push((rec.target as CharacterData).data);
          addBlockOf(rec.target);
        }
      } else if (rec.type === 'childList') {
        count += rec.addedNodes.length;
        if (rec.addedNodes.length && rec.target.nodeType === ELEMENT && !isBlockBoundary(rec.target as Element)) {
          addBlockOf(rec.target);
        }
        for (const n of rec.addedNodes) {
          if (n.nodeType === COMMENT || isOwnUi(n)) continue;
          parts.push(n.textContent ?? '');
          const sr = n.nodeType === ELEMENT ? (n as HTMLElement).shadowRoot : null;
          if (sr) {
            observeRoot(sr);
            parts.push(sr.textContent ?? '');
          }
        }
      }
      if (count > maxChanged) {
        // Past this much new content, test the whole page again (at most as often as the loop breaker allows).
        return allow(root, sched.now()) ? idleFull(gen) : undefined;
      }
    }
    if (!parts.length) return;
    const hit = await quickCheckText(parts.join('\n'), gen);
    if (hit) return activate(gen);
  }

  async function activate(gen: number): Promise<void> {
    if (gen !== generation || state === 'stopped') return;
    state = 'active';
    armRepair();
    await fullScan(gen);
  }

  // ---- active mode ----

  function armRepair(): void {
    if (!repairIntervalMs || repairTimer !== null || state !== 'active') return;
    repairTimer = sched.setTimeout(() => {
      repairTimer = null;
      if (state !== 'active') return;
      if (blocks.length) highlighter?.ensureRegistered();
      armRepair();
    }, repairIntervalMs);
  }

  function walkSliced(node: Node, gen: number): Promise<TextBlock[] | null> {
    opts.onWalk?.(node);
    const walker = new BlockWalker(node, { onRoot: observeRoot });
    return (async () => {
      while (!walker.step(shouldYield)) {
        await sched.yieldToMain();
        sliceStart = sched.now();
        if (gen !== generation || state === 'stopped') return null;
      }
      return walker.blocks;
    })();
  }

  /** Recognize block texts, using cached results for texts already seen under the current gating. */
  async function recognizeTexts(texts: string[], gen: number): Promise<Recognized | null> {
    const out: BlockMention[][] = new Array(texts.length);
    const context: BlockContext[] = new Array(texts.length);
    const todo: number[] = [];
    // A page with more blocks than the cache keeps would fill it only to clear it: on a 10 MB page that was 100,000
    // lookups, copies and entries, and garbage collections inside the task that made them.
    const cached = texts.length <= CACHE_MAX;
    texts.forEach((t, i) => {
      const hit = cached ? cache.get(t) : undefined;
      if (hit) {
        out[i] = hit.mentions.map((m) => ({ ...m, block: i }));
        context[i] = hit.context;
      } else todo.push(i);
    });
    if (!todo.length) return { mentions: out, context };
    // Very long blocks (a single huge text node) go to the recognizer in parts, so no call outlasts a slice.
    // Which text each part is of, and where in it: two flat lists (a 10 MB page has 100,000 texts: one object and
    // one array per text kept the collector busy inside this task).
    const parts: string[] = [];
    const owners: number[] = [];
    const offsets: number[] = [];
    const addPart = (i: number, offset: number, part: string): void => {
      parts.push(part);
      owners.push(i);
      offsets.push(offset);
    };
    for (let k = 0; k < todo.length; k++) {
      const i = todo[k];
      // (A short text is its own part: no pair allocated for it.)
      if (texts[i].length <= MAX_PART) addPart(i, 0, texts[i]);
      else for (const [offset, part] of splitLongText(texts[i])) addPart(i, offset, part);
      if ((k & 4095) === 4095 && !(await breathe(gen))) return null;
    }
    const recognizer = opts.recognize;
    if (!(await breathe(gen))) return null;
    const cancelled = () => gen !== generation || state === 'stopped';
    const r: ChunkRunResult =
      typeof recognizer !== 'function'
        ? await recognizeRemotely(parts, { send: (req) => recognizer.send(req), about, evidence, cancelled })
        : await recognizeInChunks(parts, {
            recognize: recognizer,
            table: opts.table,
            about,
            evidence,
            now: () => sched.now(),
            yieldToMain: async () => {
              await sched.yieldToMain();
              sliceStart = sched.now();
            },
            cancelled,
            sliceMs,
            sizer,
          });
    if (r.cancelled) return null;
    if (r.about && !about) {
      about = true;
      evidence = r.evidence;
      cache.clear();
    }
    if (cache.size > CACHE_MAX) cache.clear();
    for (const i of todo) {
      out[i] = [];
      context[i] = CONTEXT.none;
    }
    r.perBlock.forEach((ms, k) => {
      const i = owners[k];
      const offset = offsets[k];
      // A long text read in parts says what its parts say.
      context[i] |= r.context[k];
      for (const m of ms) out[i].push(offset ? { ...m, start: m.start + offset, end: m.end + offset, block: i } : { ...m, block: i });
    });
    if (cached) for (const i of todo) cache.set(texts[i], { mentions: out[i].map((m) => ({ ...m, block: 0 })), context: context[i] });
    return { mentions: out, context };
  }

  function makeEntry(block: TextBlock, m: BlockMention, reuse: Map<Text, Entry[]> | null): Entry | null {
    if (block.text.slice(m.start, m.end) !== m.text) return null;
    const pieces = piecesFor(block, m.start, m.end);
    if (!pieces) return null;
    const old = reuse?.get(pieces[0].node)?.find((e) => sameEntry(e, m, pieces));
    if (old) {
      reuse!.get(pieces[0].node)!.splice(reuse!.get(pieces[0].node)!.indexOf(old), 1);
      old.loose = !!m.loose;
      return old;
    }
    const range = rangeFromPieces(pieces);
    const item: HighlightItem = { kind: highlightKind(m.kind), range, pieces, text: m.text };
    const index = nextIndex++;
    const mention = {
      start: m.start,
      end: m.end,
      text: m.text,
      kind: m.kind,
      entity: m.entity,
      ...(m.inner ? { inner: true } : {}),
      block: m.block,
      index,
      get range() {
        return item.range;
      },
      get ranges() {
        return [item.range];
      },
    } as MutableMention;
    return { mention, item, loose: !!m.loose };
  }

  function sameEntry(e: Entry, m: BlockMention, pieces: TextPiece[]): boolean {
    const p = e.item.pieces;
    return (
      e.mention.entity === m.entity &&
      e.mention.kind === m.kind &&
      e.mention.text === m.text &&
      p.length === pieces.length &&
      p.every((x, i) => x.node === pieces[i].node && x.start === pieces[i].start && x.end === pieces[i].end) &&
      rangeValid(e.item.range, p, e.mention.text)
    );
  }

  async function buildRecs(
    newBlocks: TextBlock[],
    results: Recognized,
    reuse: Map<Text, Entry[]> | null,
    gen: number,
  ): Promise<BlockRec[] | null> {
    const out: BlockRec[] = [];
    let made = 0;
    for (let i = 0; i < newBlocks.length; i++) {
      const block = newBlocks[i];
      const entries: Entry[] = [];
      // Ranges cost a little each: on pages with thousands of mentions, breathe now and then.
      const found = results.mentions[i] ?? [];
      // So do a long page's blocks (100,000 on a 10 MB page), mentions or not.
      if ((found.length && (made += found.length) > 256) || (i & 4095) === 4095) {
        made = 0;
        if (!(await breathe(gen))) return null;
      }
      for (const m of found) {
        // Inner mentions (inside a longer one) are listed but not painted; the wrapping fallback leaves them out,
        // since wrapping the outer one splits their text nodes.
        if (m.inner && hl().mode === 'fallback') continue;
        const e = makeEntry(block, m, reuse);
        if (e) entries.push(e);
      }
      out.push({ block, entries, context: results.context[i] ?? CONTEXT.all });
    }
    return out;
  }

  /**
   * Names far from anything the page says about the attack stay listed, unpainted, until text added near them gives
   * them context (the recognizer's rule, applied over the whole page: lib/recognize/context.ts). So do all the
   * names of a menu, sidebar or footer item that does not name the attack, and all of the page's own text when
   * only its furniture is about the attack. Anchors (the event, the venue, a gunman) are the entries that are not
   * loose.
   */
  function ruleOf(recs: BlockRec[]): NameRule {
    return nameRule(
      recs.map((rec) => rec.context),
      layoutOf(recs.map((rec) => rec.block)),
      recs.some((rec) => !rec.block.furniture && rec.entries.some((e) => !e.loose)),
    );
  }

  /**
   * `commit`, with the page-wide rule worked out in a task of its own and the commit in the next (on a 10 MB page
   * the walk's end, the rule and the commit together made a 60 ms task). Nothing is committed once the controller
   * stopped or restarted, or `current()` says the result is out of date.
   */
  async function commitSliced(next: BlockRec[], removed: Entry[], added: Entry[], gen: number, current = () => true): Promise<boolean> {
    if (!(await breathe(gen)) || !current()) return false;
    const rule = ruleOf(next);
    if (!(await breathe(gen)) || !current()) return false;
    commit(next, removed, added, rule);
    return true;
  }

  /** Swap `removed` entries for `added` ones in the highlighter and the indexes, then report. */
  function commit(next: BlockRec[], removed: Entry[], added: Entry[], rule: NameRule): void {
    const keep = new Set(added);
    const drop = removed.filter((e) => !keep.has(e));
    quietly(() => hl().remove(drop.map((e) => e.item)));
    for (const e of drop) byIndex.delete(e.mention.index);
    blocks = next;
    let total = 0;
    const paint: HighlightItem[] = [];
    blocks.forEach((rec, b) => {
      rec.entries = rec.entries.filter((e) => {
        const waits = rule.waits(b, e.loose);
        if (waits && !rule.near[b]) {
          if (byIndex.delete(e.mention.index)) quietly(() => hl().remove([e.item]));
          return true;
        }
        // Unpainted until now: its text may have changed meanwhile (wrapping fallback splits text nodes).
        if (!byIndex.has(e.mention.index) && waits && !rangeValid(e.item.range, e.item.pieces, e.mention.text)) return false;
        if (total >= maxMentions) {
          if (!byIndex.has(e.mention.index)) logOnce('cap', `more than ${maxMentions} mentions; the rest are not highlighted`);
          else quietly(() => hl().remove([e.item]));
          byIndex.delete(e.mention.index);
          return false;
        }
        total++;
        e.mention.block = b;
        if (!byIndex.has(e.mention.index)) {
          byIndex.set(e.mention.index, e);
          byRange.set(e.item.range, e);
          if (!e.mention.inner) paint.push(e.item);
        }
        return true;
      });
    });
    if (paint.length) {
      // Once plain, it stays so (a switch repaints the whole page).
      if (!hl().plain && textLength(blocks) > plainChars) quietly(() => hl().setPlain(true));
      quietly(() => hl().add(paint));
    }
    mentionList = null;
    // Report only when something a listener can see changed (the set of mentions or the gating).
    const signature = `${about ? 1 : 0}:${[...byIndex.keys()].join(',')}`;
    if (signature === lastSignature) return;
    lastSignature = signature;
    opts.onResult?.({ about, mentions: api.mentions() });
  }

  function textLength(recs: readonly BlockRec[]): number {
    let length = 0;
    for (const rec of recs) length += rec.block.text.length;
    return length;
  }

  /** Painted (or listed, for inner mentions): not a loose name waiting for context nearby. */
  function shown(e: Entry): boolean {
    return byIndex.get(e.mention.index) === e;
  }

  async function fullScan(gen: number): Promise<void> {
    const h = hl();
    if (h.mode === 'fallback' && byIndex.size) {
      // Wrappers change the text nodes the walk would record: restore the page first.
      const all = [...byIndex.values()];
      quietly(() => h.remove(all.map((e) => e.item)));
      byIndex.clear();
      blocks = blocks.map((r) => ({ block: r.block, entries: [], context: r.context }));
    }
    sliceStart = sched.now();
    const found = await walkSliced(root, gen);
    // (The walk's last slice may have used its time: reading the block texts for the recognizer is a task's work
    // on a long page.)
    if (!found || !(await breathe(gen))) return;
    about = false;
    evidence = [];
    cache.clear();
    const results = await recognizeTexts(
      found.map((b) => b.text),
      gen,
    );
    if (!results) return;
    const old = blocks.flatMap((r) => r.entries);
    const next = await buildRecs(found, results, reuseMap(old), gen);
    if (!next) return;
    await commitSliced(next, old, next.flatMap((r) => r.entries), gen);
  }

  function reuseMap(entries: Entry[]): Map<Text, Entry[]> | null {
    if (!entries.length || hl().mode === 'fallback') return null;
    const map = new Map<Text, Entry[]>();
    for (const e of entries) {
      const n = e.item.pieces[0]?.node;
      if (!n) continue;
      let arr = map.get(n);
      if (!arr) map.set(n, (arr = []));
      arr.push(e);
    }
    return map;
  }

  /** Whether nothing text-bearing sits between `node` and the nearest block boundary in direction `dir`. */
  function cleanSide(start: Node | null, dir: 'prev' | 'next', parent: Node): boolean {
    if (start && start.parentNode !== parent) return false;
    for (let n = start; n; n = dir === 'prev' ? n.previousSibling : n.nextSibling) {
      const t = n.nodeType;
      if (t === COMMENT) continue;
      if (t === TEXT) {
        if (/\S/.test((n as Text).data)) return false;
        continue;
      }
      if (t === ELEMENT) {
        const el = n as Element;
        if (isBlockBoundary(el)) return true;
        if (isSkippedElement(el)) continue;
        return false;
      }
    }
    // Reached the parent's edge: clean only if the parent itself bounds a block.
    const pt = parent.nodeType;
    return pt === FRAGMENT || pt === DOCUMENT || (pt === ELEMENT && isBlockBoundary(parent as Element));
  }

  /** Nodes that add no text and break no block: comments, skipped inline elements, our own UI hosts. */
  function inert(n: Node): boolean {
    if (n.nodeType === COMMENT) return true;
    if (n.nodeType !== ELEMENT) return false;
    const el = n as Element;
    if (el.hasAttribute(UI_HOST_ATTR)) return true;
    return isSkippedElement(el) && !isBlockBoundary(el);
  }

  interface Plan {
    full: boolean;
    regions: Set<Node>;
    /** Changes to text we read (not our own UI, nothing inert, nothing in a skipped subtree). */
    changed: number;
  }

  async function plan(records: MutationRecord[], gen: number): Promise<Plan | null> {
    const regions = new Set<Node>();
    const seen = new Set<Node>();
    let changed = 0;
    for (let i = 0; i < records.length; i++) {
      if ((i & 255) === 255 && !(await breathe(gen))) return null;
      const rec = records[i];
      const target = rec.target;
      if (isOwnUi(target)) continue;
      // Typing in an editor, or changes inside script/style/hidden subtrees: none of our text. (Attribute changes
      // still count: they may have just hidden or revealed text we have.)
      if (rec.type !== 'attributes' && isInSkippedSubtree(target)) continue;
      if (rec.type === 'characterData' || rec.type === 'attributes') {
        // The same node changed again (a page rewriting it in a loop): one change.
        if (seen.has(target)) continue;
        seen.add(target);
        changed++;
        regions.add(blockContainer(target));
      } else if (rec.type === 'childList') {
        const added = [...rec.addedNodes].filter((n) => !inert(n));
        const removed = [...rec.removedNodes].filter((n) => !inert(n));
        changed += added.length + removed.length;
        if (!added.length && !removed.length) continue;
        const blockish = (n: Node): boolean =>
          (n.nodeType === ELEMENT && isBlockBoundary(n as Element)) ||
          (n.nodeType === TEXT && !/\S/.test((n as Text).data));
        if (
          added.every(blockish) &&
          removed.every(blockish) &&
          cleanSide(rec.previousSibling, 'prev', target) &&
          cleanSide(rec.nextSibling, 'next', target)
        ) {
          // Whole blocks came or went between block boundaries: the neighbours' text is unchanged.
          for (const n of added) if (n.nodeType === ELEMENT) regions.add(n);
        } else {
          regions.add(blockContainer(target));
        }
      }
      if (changed > maxChanged) return { full: true, regions, changed };
    }
    return { full: false, regions, changed };
  }

  async function regionScan(regionSet: Set<Node>, gen: number): Promise<void> {
    const now = sched.now();
    // Drop regions inside other regions; apply the loop breaker.
    const regions: Node[] = [];
    for (const r of regionSet) {
      let covered = false;
      for (let p = composedParent(r); p && !covered; p = composedParent(p)) covered = regionSet.has(p);
      if (!covered && allow(r, now)) regions.push(r);
    }
    const inRegion = new Set(regions);
    // Old blocks: those inside a region we rescan, those whose nodes left the page, and invalid ones elsewhere.
    const regionOf = new Map<number, Node>();
    const stale = new Set<number>();
    const invalid: Entry[] = [];
    for (let i = 0; i < blocks.length; i++) {
      // Long pages have tens of thousands of blocks: let the page breathe now and then.
      if ((i & 2047) === 2047 && !(await breathe(gen))) return;
      const rec = blocks[i];
      const first = rec.block.nodes[0];
      if (!first.isConnected) {
        stale.add(i);
        continue;
      }
      let region: Node | undefined;
      if (inRegion.size) {
        for (let n: Node | null = first; n && !region; n = composedParent(n)) if (inRegion.has(n)) region = n;
      }
      if (region) {
        regionOf.set(i, region);
        continue;
      }
      // Mentions outside rescanned regions whose text changed anyway (e.g. a region in back-off): drop them.
      if (rec.entries.length) {
        rec.entries = rec.entries.filter((e) => {
          if (rangeValid(e.item.range, e.item.pieces, e.mention.text)) return true;
          invalid.push(e);
          return false;
        });
      }
    }
    if (!regions.length && !stale.size && !invalid.length) return;

    const h = hl();
    const oldEntries: Entry[] = [...invalid];
    blocks.forEach((rec, i) => {
      if (stale.has(i) || regionOf.has(i)) oldEntries.push(...rec.entries);
    });
    if (h.mode === 'fallback' && oldEntries.length) {
      quietly(() => h.remove(oldEntries.map((e) => e.item)));
      for (const e of oldEntries) byIndex.delete(e.mention.index);
      for (const rec of blocks) rec.entries = rec.entries.filter((e) => byIndex.has(e.mention.index));
    }

    // Walk each region (skipped or detached regions yield no blocks: their old mentions just go).
    const fresh = new Map<Node, TextBlock[]>();
    for (const r of regions) {
      if (isInSkippedSubtree(r)) {
        fresh.set(r, []);
        continue;
      }
      const found = await walkSliced(r, gen);
      if (!found) return;
      fresh.set(r, found);
    }
    const newBlocks = regions.flatMap((r) => fresh.get(r)!);
    const wasAbout = about;
    const results = await recognizeTexts(
      newBlocks.map((b) => b.text),
      gen,
    );
    if (!results) return;
    const newRecs = await buildRecs(newBlocks, results, reuseMap(oldEntries), gen);
    if (!newRecs) return;
    const recsByRegion = new Map<Node, BlockRec[]>();
    let k = 0;
    for (const r of regions) {
      const n = fresh.get(r)!.length;
      recsByRegion.set(r, newRecs.slice(k, k + n));
      k += n;
    }

    // Splice: each region's new blocks take the place of its old ones.
    const next: BlockRec[] = [];
    const placed = new Set<Node>();
    blocks.forEach((rec, i) => {
      if (stale.has(i)) return;
      const r = regionOf.get(i);
      if (r) {
        if (!placed.has(r)) {
          placed.add(r);
          next.push(...recsByRegion.get(r)!);
        }
        return;
      }
      next.push(rec);
    });
    for (const r of regions) {
      if (placed.has(r)) continue;
      placed.add(r);
      insertInOrder(next, r, recsByRegion.get(r)!);
    }
    if (!(await commitSliced(next, oldEntries, newRecs.flatMap((x) => x.entries), gen))) return;

    if (about && !wasAbout) {
      // The page turned out to be about the attack: earlier blocks may hold mentions gating dropped.
      await recognizeAllAgain(gen);
    }
  }

  /** Put a region's blocks before the first block that follows it in the document (else at the end). */
  function insertInOrder(list: BlockRec[], region: Node, recs: BlockRec[]): void {
    if (!recs.length) return;
    // What a page appends (feeds, infinite scroll) follows every block we have: one comparison settles it. (A
    // comparison can cost a pass over the siblings; one per block per new region made long feeds quadratic.)
    const last = list.length ? region.compareDocumentPosition(list[list.length - 1].block.nodes[0]) : 2;
    if (!(last & 1) && last & 2 && !(last & 8)) {
      for (const r of recs) list.push(r);
      return;
    }
    let at = list.length;
    for (let i = 0; i < list.length; i++) {
      const first = list[i].block.nodes[0];
      const pos = region.compareDocumentPosition(first);
      if (pos & 1) continue; // different trees (shadow roots, frames): order unknown
      if (pos & 4 && !(pos & 16)) {
        at = i;
        break;
      }
    }
    list.splice(at, 0, ...recs);
  }

  async function recognizeAllAgain(gen: number): Promise<void> {
    const texts = blocks.map((r) => r.block.text);
    const snapshot = blocks;
    const results = await recognizeTexts(texts, gen);
    if (!results || snapshot !== blocks) return;
    const old = blocks.flatMap((r) => r.entries);
    const next = await buildRecs(
      blocks.map((r) => r.block),
      results,
      reuseMap(old),
      gen,
    );
    if (!next) return;
    await commitSliced(next, old, next.flatMap((r) => r.entries), gen, () => snapshot === blocks);
  }

  async function tick(): Promise<void> {
    const gen = generation;
    sliceStart = sched.now();
    if (observer) collect(observer.takeRecords());
    const records = pending;
    pending = [];
    pendingText.clear();
    if (overflow) {
      overflow = false;
      if (state === 'idle') needIdleFull = true;
      else needFull = true;
    }
    if (state === 'idle') {
      // A whole-page check the loop breaker held back is due now.
      if (forced.has(root)) needIdleFull = true;
      forced.clear();
      return idleTick(records, gen);
    }
    if (state !== 'active') return;
    if (blocks.length) hl().ensureRegistered();
    const regions = await plan(records, gen);
    if (!regions) return;
    if (needFull || regions.full) {
      needFull = false;
      forced.clear();
      if (!allow(root, sched.now())) return;
      return fullScan(gen);
    }
    for (const r of forced) regions.regions.add(r);
    forced.clear();
    // Only our own UI changed (the card's host joining the page, the panel's frame) or nothing we read: no pass over
    // every block for nodes that left (100,000 blocks on a 10 MB page).
    if (regions.regions.size || (blocks.length && regions.changed)) await regionScan(regions.regions, gen);
  }

  function navigate(): void {
    if (state === 'stopped' || state === 'new') return;
    if (state === 'active') needFull = true;
    else needIdleFull = true;
    scheduleTick(debounceMs);
  }

  const api: PageController = {
    start() {
      if (state !== 'new' && state !== 'stopped') return;
      // (Re)start from a clean slate: a stopped controller can be started again (the reader re-enabled the site).
      state = 'idle';
      needIdleFull = true;
      needFull = false;
      about = false;
      evidence = [];
      cache.clear();
      forced.clear();
      lastSignature = '';
      if (!navSubscribed) {
        navSubscribed = true;
        const unsub = opts.onNavigate?.(navigate);
        if (typeof unsub === 'function') unsubscribeNav = unsub;
      }
      kick();
    },
    rescan() {
      if (state === 'active') needFull = true;
      else if (state === 'idle') needIdleFull = true;
      else return;
      kick();
    },
    stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      generation++;
      observer?.disconnect();
      observer = null;
      observed.clear();
      pending = [];
      pendingText.clear();
      overflow = false;
      for (const t of [tickTimer, deferTimer, repairTimer]) if (t !== null) sched.clearTimeout(t);
      tickTimer = deferTimer = repairTimer = null;
      deferred.clear();
      // Without an unsubscribe function the subscription stays (navigate() ignores a stopped controller) and is
      // reused by a later start().
      if (unsubscribeNav) {
        unsubscribeNav();
        unsubscribeNav = null;
        navSubscribed = false;
      }
      highlighter?.clear();
      blocks = [];
      byIndex.clear();
      mentionList = null;
    },
    setHighlightStyle(next) {
      style = next;
      highlighter?.setStyle(next);
    },
    blocks() {
      return blocks.map((r) => ({ block: r.block, mentions: r.entries.filter(shown).length }));
    },
    mentions() {
      return (mentionList ??= blocks.flatMap((r) => r.entries.filter(shown).map((e) => e.mention as PageMention)));
    },
    rangeOf(index) {
      const e = byIndex.get(index);
      if (!e) return null;
      return rangeValid(e.item.range, e.item.pieces, e.mention.text) ? e.item.range : null;
    },
    contextOf(index) {
      const e = byIndex.get(index);
      const rec = e ? blocks[e.mention.block] : undefined;
      if (!e || !rec || !rec.entries.includes(e)) return null;
      return { text: rec.block.text, start: e.mention.start, end: e.mention.end };
    },
    mentionOfRange(range) {
      const e = byRange.get(range);
      return e && byIndex.get(e.mention.index) === e ? e.mention : null;
    },
    get about() {
      return about;
    },
    get state() {
      return state;
    },
    async whenIdle() {
      while (running) await running;
    },
  };
  return api;
}

