/**
 * Paints mentions. With the CSS Custom Highlight API (both target browsers) the page's DOM is never touched: ranges
 * go into two named highlights registered in the document's `CSS.highlights`. Where the API is missing, each piece is
 * wrapped in a `<crocus-mark>` element, and removal restores the page exactly (only the text nodes we split are
 * re-joined, only our elements removed), so `body.innerHTML` is byte-identical afterwards.
 */
import type { TextPiece } from './ranges';
import highlightCssText from './highlight.css?raw';

export const EVENT_HIGHLIGHT = 'crocus-event';
export const ENTITY_HIGHLIGHT = 'crocus-entity';
/** The names of the same highlights painted plain, without underlines (highlight.css: on very long pages). */
export const EVENT_PLAIN_HIGHLIGHT = 'crocus-event-plain';
export const ENTITY_PLAIN_HIGHLIGHT = 'crocus-entity-plain';
/** Every name our highlights may be registered under, event names first. */
export const OUR_HIGHLIGHTS = [EVENT_HIGHLIGHT, EVENT_PLAIN_HIGHLIGHT, ENTITY_HIGHLIGHT, ENTITY_PLAIN_HIGHLIGHT] as const;
/** Element used by the fallback (DOM-wrapping) mode. */
export const MARK_TAG = 'crocus-mark';
export const MARK_KIND_ATTR = 'data-crocus-kind';
/** The stylesheet text (lib/page/highlight.css), for injection by the content script if it wants it. */
export const HIGHLIGHT_CSS: string = highlightCssText;

export type HighlightKind = 'event' | 'entity';

/** The reader's choice in the options page (lib/settings HIGHLIGHT_STYLES). */
export type HighlightStyleName = 'underline' | 'background' | 'outline';

/**
 * Overrides appended to highlight.css per style. `::highlight()` cannot draw an outline, so "outline" is drawn as
 * an underline plus overline without a tint there (the fallback wrapper gets a real outline).
 */
const STYLE_OVERRIDES: Record<HighlightStyleName, string> = {
  underline: '',
  background: `
::highlight(crocus-event) { text-decoration-line: none; background-color: rgb(255 183 0 / 0.42); }
::highlight(crocus-entity) { text-decoration-line: none; background-color: rgb(96 125 160 / 0.24); }
crocus-mark[data-crocus-kind='event'] { text-decoration: none; background-color: rgb(255 183 0 / 0.42); }
crocus-mark[data-crocus-kind='entity'] { text-decoration: none; background-color: rgb(96 125 160 / 0.24); }
`,
  outline: `
::highlight(crocus-event) { background-color: transparent; text-decoration-line: underline overline; text-decoration-style: solid; }
::highlight(crocus-entity) { background-color: transparent; text-decoration-line: underline overline; text-decoration-style: dotted; }
crocus-mark[data-crocus-kind] { background-color: transparent; text-decoration: none; outline: 2px solid rgb(205 125 0); outline-offset: 1px; }
crocus-mark[data-crocus-kind='entity'] { outline: 1px dotted rgb(90 130 190); }
`,
};

/** The stylesheet for a highlight style: highlight.css plus that style's overrides. */
export function highlightCss(style: HighlightStyleName = 'underline'): string {
  return HIGHLIGHT_CSS + (STYLE_OVERRIDES[style] ?? '');
}

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
  /** Switch the look (rewrites our adopted stylesheets in place). */
  setStyle(style: HighlightStyleName): void;
  /**
   * Paint plain (a tint, no underline, whatever the style: highlight.css), for pages so long that a highlight with
   * a text decoration costs a long repaint of the whole document at every change. Moves the highlights to the plain
   * names (one repaint); before the first highlight it costs nothing.
   */
  setPlain(plain: boolean): void;
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
   * (the extension's manifest stylesheet provides it up front), plus the chosen style's overrides. Default true.
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
  /** Per document: our adopted sheet (null while none is needed) and whether it carries the base rules too. */
  const sheets = new Map<Document, { sheet: CSSStyleSheet | null; full: boolean }>();
  let style: HighlightStyleName = opts.style ?? 'underline';
  let plain = false;
  const eventName = () => (plain ? EVENT_PLAIN_HIGHLIGHT : EVENT_HIGHLIGHT);
  const entityName = () => (plain ? ENTITY_PLAIN_HIGHLIGHT : ENTITY_HIGHLIGHT);
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
      access.registry.set(entityName(), entity as never);
      access.registry.set(eventName(), event as never);
      st = { kind: 'api', registry: access.registry, event, entity };
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
    const entry: { sheet: CSSStyleSheet | null; full: boolean } = { sheet: null, full: !hasBaseRules(doc) };
    sheets.set(doc, entry);
    adopt(doc, entry);
  }

  /** Writes the document's sheet for the current style; adopts one only when there is something to say. */
  function adopt(doc: Document, entry: { sheet: CSSStyleSheet | null; full: boolean }): void {
    // Over the manifest stylesheet the overrides need !important: Firefox cascades an extension's manifest CSS
    // after the document's own sheets, so an equal rule there would win.
    // Plain highlights take no style's overrides: no sheet for them (adopting one restyles the whole document).
    const text = entry.full ? highlightCss(style) : plain ? '' : (STYLE_OVERRIDES[style] ?? '').replace(/;/g, ' !important;');
    try {
      if (entry.sheet) {
        entry.sheet.replaceSync(text);
        return;
      }
      // Without the base rules in the document, always a sheet; with them, only for a style's overrides.
      if (!entry.full && !text) return;
      const win = doc.defaultView as (Window & typeof globalThis) | null;
      const Sheet = win?.CSSStyleSheet;
      if (!Sheet || !('adoptedStyleSheets' in doc)) return;
      const sheet = new Sheet();
      sheet.replaceSync(text);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      entry.sheet = sheet;
    } catch {
      // A frame that went away, or no constructable stylesheets: highlights stay registered, unstyled.
    }
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
    for (const [doc, { sheet }] of sheets) {
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
        missing = st.registry.get(eventName()) !== st.event || st.registry.get(entityName()) !== st.entity;
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
      // One call per set: Firefox 140's registry does not chain.
      st.registry.set(entityName(), st.entity as never);
      st.registry.set(eventName(), st.event as never);
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
      style = next;
      for (const [doc, entry] of sheets) adopt(doc, entry);
    },
    setPlain(next) {
      if (next === plain) return;
      plain = next;
      for (const st of docs.values()) {
        if (st.kind !== 'api') continue;
        unregister(st);
        try {
          st.registry.set(entityName(), st.entity as never);
          st.registry.set(eventName(), st.event as never);
        } catch {
          /* a frame that went away */
        }
      }
      // Back from plain: the style's overrides again. (Going plain leaves a sheet as it is: rewriting it restyles
      // the whole document, and its rules name the other highlights.)
      if (!plain) for (const [doc, entry] of sheets) adopt(doc, entry);
    },
  };
}
