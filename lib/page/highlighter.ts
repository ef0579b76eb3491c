/**
 * Paints mentions. With the CSS Custom Highlight API (both target browsers) the page's DOM is never touched: ranges
 * go into two named highlights registered in the document's `CSS.highlights`. Where the API is missing, each piece is
 * wrapped in a `<crocus-mark>` element, and removal restores the page exactly (only the text nodes we split are
 * re-joined, only our elements removed), so `body.innerHTML` is byte-identical afterwards.
 */
import type { HighlightStyle } from '../settings';
import type { TextPiece } from './ranges';
import highlightCssText from './highlight.css?raw';

export const EVENT_HIGHLIGHT = 'crocus-event';
export const ENTITY_HIGHLIGHT = 'crocus-entity';
/** Element used by the fallback (DOM-wrapping) mode. */
export const MARK_TAG = 'crocus-mark';
export const MARK_KIND_ATTR = 'data-crocus-kind';
/** On a wrapper, the look when it is not the default (highlight.css styles each). */
export const MARK_LOOK_ATTR = 'data-crocus-look';
/** The stylesheet text (lib/page/highlight.css), for injection by the content script if it wants it. */
export const HIGHLIGHT_CSS: string = highlightCssText;

export type HighlightKind = 'event' | 'entity';

/** The reader's choice in the options page (lib/settings HIGHLIGHT_STYLES). */
export type HighlightStyleName = HighlightStyle;

/**
 * The suffix of our two highlights' names in each look: highlight.css styles every name, so a change of look moves
 * the highlights to other names and never adds or rewrites a stylesheet (which restyles the whole document: a 70 ms
 * task on a 1 MB page in Chromium).
 */
const LOOK_SUFFIX: Record<HighlightStyleName, string> = { underline: '', background: '-background', outline: '-outline' };

export function highlightNames(look: HighlightStyleName): { event: string; entity: string } {
  return { event: `${EVENT_HIGHLIGHT}${LOOK_SUFFIX[look]}`, entity: `${ENTITY_HIGHLIGHT}${LOOK_SUFFIX[look]}` };
}

/** Every name our highlights may be registered under, event names first. */
export const OUR_HIGHLIGHTS: readonly string[] = [EVENT_HIGHLIGHT, ENTITY_HIGHLIGHT].flatMap((name) => Object.values(LOOK_SUFFIX).map((suffix) => name + suffix));

/**
 * One painted mention. The highlighter may rewrite `range` and `pieces` (the fallback mode re-points them at its
 * wrapped text nodes), so owners keep the object, not copies of its fields.
 */
export interface HighlightItem {
  kind: HighlightKind;
  range: Range;
  pieces: TextPiece[];
  text: string;
}

/** The parts of `Highlight` we use (a Set of ranges). */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
  priority?: number;
}

/** The parts of `HighlightRegistry` we use (a Map of names). */
export interface HighlightRegistryLike {
  get(name: string): unknown;
  set(name: string, highlight: never): unknown;
  delete(name: string): boolean;
}

/** Access to the Custom Highlight API of one document; null when that document has none. */
export type HighlightApi = (doc: Document) => { registry: HighlightRegistryLike; create(): HighlightLike } | null;

/** The browser's own API for a document's window. */
export const nativeHighlightApi: HighlightApi = (doc) => {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    const css = win?.CSS as { highlights?: HighlightRegistryLike } | undefined;
    const Ctor = (win as unknown as { Highlight?: new () => HighlightLike } | null)?.Highlight;
    if (!css || !('highlights' in css) || !css.highlights || typeof Ctor !== 'function') return null;
    const registry = css.highlights;
    return { registry, create: () => new Ctor() };
  } catch {
    return null;
  }
};

export interface Highlighter {
  /** 'api' when the root document uses the Custom Highlight API, 'fallback' when it wraps. */
  readonly mode: 'api' | 'fallback';
  add(items: readonly HighlightItem[]): void;
  remove(items: readonly HighlightItem[]): void;
  /** Removes every highlight (both modes) and our registrations. */
  clear(): void;
  /**
   * Re-registers our highlights where the page removed or replaced them. Cheap (two Map lookups per document).
   * Gives up after `maxRepairs` repairs and then returns false.
   */
  ensureRegistered(): boolean;
  /** Number of painted items. */
  readonly size: number;
  /** Switch the look: the highlights move to that look's names (one repaint, no restyle). */
  setStyle(style: HighlightStyleName): void;
  /**
   * Paint plain (the background look, no underline, whatever the style), for pages so long that a highlight with
   * a text decoration costs a long repaint of the whole document at every change. Before the first highlight it
   * costs nothing.
   */
  setPlain(plain: boolean): void;
  /** Whether it paints plain (`setPlain`). */
  readonly plain: boolean;
}

export interface HighlighterOptions {
  /** The document whose mode `mode` reports (ranges in other documents, e.g. frames, use their own). */
  root: Document;
  /** Defaults to the browser's API; tests pass a fake registry. */
  api?: HighlightApi;
  /** 'auto' (default): the API where present, wrapping where not. */
  mode?: 'auto' | 'api' | 'fallback';
  /** How many times we put our highlights back after the page removed them before giving up. Default 5. */
  maxRepairs?: number;
  /**
   * Inject highlight.css into each document as an adopted stylesheet (no DOM change) where the document lacks it
   * (the extension's manifest stylesheet provides it up front). Default true.
   */
  injectStyles?: boolean;
  /** Default 'underline' (highlight.css as it is). */
  style?: HighlightStyleName;
  log?: (message: string) => void;
}

interface ApiDocState {
  kind: 'api';
  registry: HighlightRegistryLike;
  event: HighlightLike;
  entity: HighlightLike;
}

interface FallbackDocState {
  kind: 'fallback';
}

type DocState = ApiDocState | FallbackDocState;

interface Wrap {
  mark: Element;
  inner: Text;
}

export function createHighlighter(opts: HighlighterOptions): Highlighter {
  const api = opts.api ?? nativeHighlightApi;
  const forced = opts.mode ?? 'auto';
  const maxRepairs = opts.maxRepairs ?? 5;
  const log = opts.log ?? ((m: string) => console.warn(`[crocus-context] ${m}`));
  const docs = new Map<Document, DocState>();
  const items = new Set<HighlightItem>();
  const wraps = new Map<HighlightItem, Wrap[]>();
  /** Text nodes we created by splitting → the page's original node they came from. */
  const family = new WeakMap<Text, Text>();
  /** Per document looked at: our adopted sheet, where the document lacked highlight.css (else null). */
  const sheets = new Map<Document, CSSStyleSheet | null>();
  let style: HighlightStyleName = opts.style ?? 'underline';
  let plain = false;
  const look = (): HighlightStyleName => (plain ? 'background' : style);
  /** Registers the document's two highlights under the current look's names. One call per set: Firefox 140's
   * registry does not chain. */
  const register = (st: ApiDocState): void => {
    const names = highlightNames(look());
    st.registry.set(names.entity, st.entity as never);
    st.registry.set(names.event, st.event as never);
  };
  /** Runs `change` (of the style or of plain), then moves the highlights if the look changed. */
  const changeLook = (change: () => void): void => {
    const before = look();
    change();
    if (look() !== before) relook();
  };
  let repairs = 0;
  let gaveUp = false;

  function stateFor(doc: Document): DocState {
    let st = docs.get(doc);
    if (st) return st;
    const access = forced === 'fallback' ? null : api(doc);
    if (access) {
      const event = access.create();
      const entity = access.create();
      // Where an event mention and an entity mention overlap, the event paint wins.
      try {
        event.priority = 1;
      } catch {
        /* read-only in some engines: the order of registration decides instead */
      }
      st = { kind: 'api', registry: access.registry, event, entity };
      register(st);
    } else {
      if (forced === 'api') throw new Error('CSS Custom Highlight API unavailable');
      st = { kind: 'fallback' };
    }
    docs.set(doc, st);
    if (opts.injectStyles !== false) injectStyles(doc);
    return st;
  }

  /**
   * Whether `doc` already has highlight.css: the extension lists it as the sentinel's manifest stylesheet, which
   * the browser adds before it builds the page. Adopting a sheet later restyles the whole document (Chromium on any
   * sheet, Firefox on `::highlight()` rules): on a 10,000-deep page that alone blocks the page for most of a second.
   */
  function hasBaseRules(doc: Document): boolean {
    try {
      const root = doc.documentElement;
      const win = doc.defaultView;
      if (!root || !win) return false;
      const ours = win.getComputedStyle(root, '::highlight(crocus-event)').textDecorationColor;
      // An engine that ignores the pseudo-element's argument answers the same for a name nobody styles.
      return ours === 'rgb(205, 125, 0)' && win.getComputedStyle(root, '::highlight(crocus-unstyled)').textDecorationColor !== ours;
    } catch {
      return false;
    }
  }

  function injectStyles(doc: Document): void {
    if (sheets.has(doc)) return;
    sheets.set(doc, null);
    if (hasBaseRules(doc)) return;
    try {
      const win = doc.defaultView as (Window & typeof globalThis) | null;
      const Sheet = win?.CSSStyleSheet;
      if (!Sheet || !('adoptedStyleSheets' in doc)) return;
      const sheet = new Sheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      sheets.set(doc, sheet);
    } catch {
      // A frame that went away, or no constructable stylesheets: highlights stay registered, unstyled.
    }
  }

  /** Moves every document's highlights to the names of the current look (wrappers: their look attribute). */
  function relook(): void {
    for (const st of docs.values()) {
      if (st.kind !== 'api') continue;
      unregister(st);
      try {
        register(st);
      } catch {
        /* a frame that went away */
      }
    }
    for (const list of wraps.values()) for (const w of list) setLook(w.mark);
  }

  function setLook(mark: Element): void {
    if (look() === 'underline') mark.removeAttribute(MARK_LOOK_ATTR);
    else mark.setAttribute(MARK_LOOK_ATTR, look());
  }

  function add(list: readonly HighlightItem[]): void {
    const byDocFallback = new Map<Document, HighlightItem[]>();
    for (const item of list) {
      if (items.has(item) || !item.pieces.length) continue;
      const doc = item.pieces[0].node.ownerDocument;
      const st = stateFor(doc);
      items.add(item);
      if (st.kind === 'api') {
        (item.kind === 'event' ? st.event : st.entity).add(item.range);
      } else {
        let arr = byDocFallback.get(doc);
        if (!arr) byDocFallback.set(doc, (arr = []));
        arr.push(item);
      }
    }
    for (const [doc, arr] of byDocFallback) wrapAll(doc, arr);
  }

  function remove(list: readonly HighlightItem[]): void {
    const unwrapList: HighlightItem[] = [];
    for (const item of list) {
      if (!items.delete(item)) continue;
      const w = wraps.get(item);
      if (w) {
        unwrapList.push(item);
        continue;
      }
      for (const st of docs.values()) {
        if (st.kind === 'api') (item.kind === 'event' ? st.event : st.entity).delete(item.range);
      }
    }
    // Undo wraps newest first, so each restoration sees the DOM exactly as its wrap left it.
    for (let i = unwrapList.length - 1; i >= 0; i--) unwrapItem(unwrapList[i]);
  }

  function clear(): void {
    const wrapped = [...wraps.keys()];
    for (let i = wrapped.length - 1; i >= 0; i--) unwrapItem(wrapped[i]);
    items.clear();
    for (const st of docs.values()) {
      if (st.kind !== 'api') continue;
      st.event.clear();
      st.entity.clear();
      unregister(st);
    }
    docs.clear();
    for (const [doc, sheet] of sheets) {
      if (!sheet) continue;
      try {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        /* gone */
      }
    }
    sheets.clear();
  }

  /** Takes our highlights out of the document's registry, under whichever names they are. */
  function unregister(st: ApiDocState): void {
    try {
      for (const name of OUR_HIGHLIGHTS) {
        const ours = st.registry.get(name);
        if (ours === st.event || ours === st.entity) st.registry.delete(name);
      }
    } catch {
      /* a frame that went away */
    }
  }

  function ensureRegistered(): boolean {
    if (gaveUp) return false;
    for (const st of docs.values()) {
      if (st.kind !== 'api') continue;
      let missing = false;
      try {
        const names = highlightNames(look());
        missing = st.registry.get(names.event) !== st.event || st.registry.get(names.entity) !== st.entity;
      } catch {
        continue;
      }
      if (!missing) continue;
      if (repairs >= maxRepairs) {
        gaveUp = true;
        log(`the page keeps removing highlights; stopped re-registering after ${maxRepairs} tries`);
        return false;
      }
      repairs++;
      register(st);
    }
    return true;
  }

  // ---- fallback: wrapping ----

  function rootOf(t: Text): Text {
    return family.get(t) ?? t;
  }

  function wrapAll(doc: Document, list: HighlightItem[]): void {
    // Group pieces by text node and wrap each node's pieces from the end backwards, so splitting one piece never
    // moves the offsets of the pieces still to do.
    type Job = { item: HighlightItem; index: number; piece: TextPiece };
    const byNode = new Map<Text, Job[]>();
    for (const item of list) {
      item.pieces.forEach((piece, index) => {
        let arr = byNode.get(piece.node);
        if (!arr) byNode.set(piece.node, (arr = []));
        arr.push({ item, index, piece });
      });
    }
    const made = new Map<HighlightItem, (Wrap | null)[]>();
    for (const [node, jobs] of byNode) {
      jobs.sort((a, b) => b.piece.start - a.piece.start);
      let limit = Infinity;
      for (const job of jobs) {
        const { start, end } = job.piece;
        let wrap: Wrap | null = null;
        if (end <= limit && node.parentNode && end <= node.data.length && end > start) {
          wrap = wrapPiece(doc, node, start, end, job.item.kind);
          limit = start;
        }
        let arr = made.get(job.item);
        if (!arr) made.set(job.item, (arr = new Array(job.item.pieces.length).fill(null)));
        arr[job.index] = wrap;
      }
    }
    for (const [item, arr] of made) {
      const ok = arr.filter((w): w is Wrap => w !== null);
      wraps.set(item, ok);
      if (!ok.length) continue;
      // The mention now lives in our wrapped text nodes: point its pieces and range there.
      item.pieces = ok.map((w) => ({ node: w.inner, start: 0, end: w.inner.data.length }));
      const last = ok[ok.length - 1].inner;
      item.range.setStart(ok[0].inner, 0);
      item.range.setEnd(last, last.data.length);
    }
  }

  function wrapPiece(doc: Document, node: Text, start: number, end: number, kind: HighlightKind): Wrap {
    const root = rootOf(node);
    if (end < node.data.length) family.set(node.splitText(end), root);
    // Always split, even at 0: the page's own node stays where the page put it (frameworks hold references).
    const inner = node.splitText(start);
    family.set(inner, root);
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute(MARK_KIND_ATTR, kind);
    setLook(mark);
    inner.parentNode!.insertBefore(mark, inner);
    mark.appendChild(inner);
    return { mark, inner };
  }

  function unwrapItem(item: HighlightItem): void {
    const list = wraps.get(item);
    wraps.delete(item);
    if (!list) return;
    for (let i = list.length - 1; i >= 0; i--) {
      const { mark, inner } = list[i];
      const parent = mark.parentNode;
      if (parent) {
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
      }
      if (inner.parentNode) rejoin(inner);
    }
  }

  /** Merge `node` with the neighbours our splits created from the same original node. */
  function rejoin(node: Text): void {
    let cur = node;
    const prev = cur.previousSibling;
    if (family.has(cur) && prev && prev.nodeType === 3 && rootOf(prev as Text) === rootOf(cur)) {
      (prev as Text).appendData(cur.data);
      cur.parentNode!.removeChild(cur);
      family.delete(cur);
      cur = prev as Text;
    }
    const next = cur.nextSibling;
    if (next && next.nodeType === 3 && family.has(next as Text) && rootOf(next as Text) === rootOf(cur)) {
      cur.appendData((next as Text).data);
      next.parentNode!.removeChild(next);
      family.delete(next as Text);
    }
  }

  return {
    get mode() {
      if (forced !== 'auto') return forced;
      return docs.get(opts.root)?.kind ?? (api(opts.root) ? 'api' : 'fallback');
    },
    add,
    remove,
    clear,
    ensureRegistered,
    get size() {
      return items.size;
    },
    setStyle(next) {
      changeLook(() => (style = next));
    },
    setPlain(next) {
      changeLook(() => (plain = next));
    },
    get plain() {
      return plain;
    },
  };
}
