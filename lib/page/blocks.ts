/**
 * Visible text of a page, split into blocks: the one place that decides what text the recognizer sees.
 *
 * A block is a paragraph-like run of text: inline elements join (`<b>Crocus</b> City Hall` is one block), block-level
 * elements, `<br>`, table cells, list items, shadow roots and frames start a new one. Decided by tag name only (no
 * getComputedStyle) so a walk costs one visit per node. The block text is exactly the concatenation of its text
 * nodes' data, so an offset in the block text maps 1:1 to (text node, offset).
 *
 * Standard DOM only (childNodes / nodeType / getAttribute): the CLI scanner runs this same code under happy-dom.
 */
import type { PageLayout } from '../recognize/types';
import { isFurnitureHeading } from './furniture-headings';

export interface TextSegment {
  node: Text;
  /** Offset of `node.data` within the block text. */
  start: number;
}

export interface TextBlock {
  text: string;
  /** Its non-empty text nodes, in order (the first says where the block lies in the page). */
  nodes: readonly Text[];
  /**
   * Its nodes with their offsets in `text` (`segmentsOf`), once known: made by the walk only for a block whose text
   * it joined from its nodes, else when a mention in the block needs them (a long page has a hundred thousand text
   * nodes, a few with mentions).
   */
  knownSegments?: TextSegment[];
  /**
   * In page furniture (a menu, a sidebar, a footer): a list of independent items around the page's own text, so a
   * name there is read on its own, not in the light of the article next to it (lib/recognize/context.ts).
   */
  furniture: boolean;
  /**
   * The level of the heading (h1-h6) this is the text of, 0 for other text: the page's own text has its lead at its
   * first h1, its headline (lib/recognize/context.ts).
   */
  heading: number;
  /**
   * The independent item (a row of a table, an entry of a list, a post of a feed: `isItem`) this block lies in, as a
   * number that stays the item's for the page's lifetime; 0 for text outside any. Blocks of one item share it.
   */
  item: number;
}

/** Attribute that marks the extension's own UI hosts (hover card, overlay panel): never read, never observed. */
export const UI_HOST_ATTR = 'data-crocus-context';

/** Elements whose content is never read (not rendered as text, or the user's own input). */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  // SVG/MathML text is laid out by other rules, is rarely prose, and its highlight painting differs by browser.
  'svg', 'math',
  // Replaced / embedded content: fallback children are not rendered.
  'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'canvas', 'picture', 'img', 'map',
  'head', 'title', 'meta', 'link', 'base',
  // The fallback highlighter's own wrapper is NOT here: its text is page text.
]);

/** Elements that start and end a block (block-level by default, plus line breaks and atomic inline boxes). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre',
  'search', 'section', 'summary', 'table', 'caption', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul',
  'xmp', 'br', 'button', 'meter', 'progress', 'rt', 'rp',
  // Skipped form controls and embedded content still separate the text around them (inline images do not).
  'textarea', 'input', 'select', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'canvas', 'svg', 'math',
]);

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const DOCUMENT = 9;
const FRAGMENT = 11;

/** True when the element's own subtree is excluded from reading (checked on the element alone, not ancestors). */
export function isSkippedElement(el: Element): boolean {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'dialog' && !el.hasAttribute('open')) return true;
  // One attribute scan covers the rare attributes; most elements have none or one or two.
  if (!el.hasAttributes()) return false;
  if (isHiddenByAttribute(el)) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

/** Landmarks that hold page furniture rather than the page's own text: navigation, sidebars, footers, tickers. */
const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer']);
const FURNITURE_ROLES: ReadonlySet<string> = new Set(['navigation', 'complementary', 'contentinfo', 'marquee']);
/**
 * The same furniture as sites name it in class and id words when they do not use the landmarks ("c-sidebar",
 * "widget--most-read", "related-articles", "comments", "site-footer", "print-related", "article-sidebar"): the word
 * starts the name, after at most a short or a known prefix, so "with-sidebar" (a layout holding the article) is not one.
 */
const FURNITURE_NAME =
  /^(?:(?:[a-z]{1,2}|js|site|global|main|page|inline|print|article|story|post|entry|content|news|box|module)[-_])?(?:side-?bar|related|most-?read|most-?popular|most-?viewed|popular|trending|ticker|running-?line|flash-?news|news-?flow|fil-?info|gundong|breaking(?:-?news)?|bread-?crumbs?|nav|navbar|navbox|navigation|menu|footer|teasers?|promo|recommend(?:ed|ations?)?|newsletter|comments?|comentarios|commentaires|kommentare|komentarze|commenti|share|sharing|social|widget|tags|also-?read|read-?also|read-?more|more-?(?:news|stories))(?:$|[-_])/i;
/** Never furniture by name: the page's main containers. */
const MAIN_TAGS: ReadonlySet<string> = new Set(['html', 'body', 'main', 'article']);

/**
 * True when the element is a menu, a sidebar, a footer, a ticker, a list of related stories or comments: by its
 * tag, its ARIA role, or its class or id or the heading it opens with (then only when it does not hold the page's
 * headline).
 */
export function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.localName)) return true;
  const role = el.hasAttributes() ? el.getAttribute('role') : null;
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  // By name or heading only block containers: an inline "tag" or "share" span sits inside the text it would
  // otherwise claim.
  if (role === 'main' || MAIN_TAGS.has(el.localName) || !BLOCK_TAGS.has(el.localName)) return false;
  if (!namedFurniture(el.getAttribute('class')) && !namedFurniture(el.id) && !labelledFurniture(el) && !headedFurniture(el) && !jumpList(el)) return false;
  return el.querySelector('h1') === null;
}

/**
 * A table of contents: a list whose items open with a link into the page itself ("#the-attack"). Its entries are
 * the headings of every section, so one of them naming the attack says nothing of the page's first paragraphs.
 */
function jumpList(el: Element): boolean {
  if (el.localName !== 'ol' && el.localName !== 'ul') return false;
  let items = 0;
  for (let li = el.firstElementChild; li && items < 3; li = li.nextElementSibling) {
    if (li.localName !== 'li') return false;
    const link = li.firstElementChild;
    if (link?.localName !== 'a' || !/^#./.test(link.getAttribute('href') ?? '')) return false;
    for (let n = li.firstChild; n !== link; n = n!.nextSibling) if (n!.nodeType === TEXT && /\S/.test((n as Text).data)) return false;
    items++;
  }
  return items >= 2;
}

/** A box labelled for assistive technology as one, such as `aria-label="Most read"`. */
function labelledFurniture(el: Element): boolean {
  const label = el.getAttribute('aria-label');
  return label !== null && label.length <= 60 && isFurnitureHeading(label);
}

/** A box whose first child is a heading such as "Read also" or "Friss hírek" (lib/page/furniture-headings.ts). */
function headedFurniture(el: Element): boolean {
  const first = el.firstElementChild;
  if (!first) return false;
  // The heading opens the box: a paragraph whose first bold word or link reads "Related" is prose.
  for (let n = el.firstChild; n !== first; n = n!.nextSibling) if (n!.nodeType === TEXT && /\S/.test((n as Text).data)) return false;
  // A heading is short: a few words, at most a link or a span in it (checked before reading its text, which in a
  // deeply nested page would be all the text below).
  if (!fewElements(first, 3)) return false;
  const text = first.textContent ?? '';
  return text.length <= 60 && isFurnitureHeading(text);
}

/** Whether at most `budget` elements lie under `el`, looking at no more than that many. */
function fewElements(el: Element, budget: number): boolean {
  let left = budget;
  const visit = (parent: Element): boolean => {
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) if (--left < 0 || !visit(c)) return false;
    return true;
  };
  return visit(el);
}

function namedFurniture(names: string | null): boolean {
  if (!names) return false;
  for (const name of names.split(/\s+/)) if (FURNITURE_NAME.test(name)) return true;
  return false;
}

/** List entries and table rows: items whenever their list or table holds at least ITEM_SIBLINGS of them. */
const ITEM_TAGS: ReadonlySet<string> = new Set(['li', 'tr', 'article']);
/** Other elements are items when they repeat under one parent with the same class and hold blocks of their own. */
const ITEM_BOXES: ReadonlySet<string> = new Set(['div', 'section']);
const ITEM_SIBLINGS = 3;

/**
 * Whether `el` is one of a run of like items (search results, feed posts, aggregator clusters, table rows):
 * `count(el)` says how many children of its parent share its tag and class. A box of the same class that holds only
 * text (a paragraph wrapped in a div) is not an item: its text runs on from its neighbours.
 */
function isItem(el: Element, count: (el: Element) => number): boolean {
  const tag = el.localName;
  if (ITEM_TAGS.has(tag)) return count(el) >= ITEM_SIBLINGS;
  if (!ITEM_BOXES.has(tag) || !el.getAttribute('class')) return false;
  let blocks = 0;
  for (let c = el.firstElementChild; c && blocks < 2; c = c.nextElementSibling) if (BLOCK_TAGS.has(c.localName)) blocks++;
  return blocks >= 2 && count(el) >= ITEM_SIBLINGS;
}

/** Blocks in a row that are links and nothing else, from which on they are a list of links (`linkRun`). */
const LINK_RUN = 3;

/** Whether all of a block's text (leaving out white space) lies in links. */
function isLinkOnly(nodes: readonly Text[]): boolean {
  // The link first: a node's data is a copy of its text.
  return nodes.every((node) => inLink(node) || !/\S/.test(node.data));
}

/** Inline elements looked through for a link: a hostile page may nest thousands. */
const LINK_DEPTH = 16;

/** Whether a text node lies in a link within its block (`<p><a><b>text</b></a></p>`). */
function inLink(node: Text): boolean {
  let depth = 0;
  for (let el = node.parentElement; el && depth < LINK_DEPTH && !BLOCK_TAGS.has(el.localName); el = el.parentElement, depth++) {
    if (el.localName === 'a') return true;
  }
  return false;
}

/** Item numbers by element, shared by every walk: a rescan of part of the page numbers its items as the first walk did. */
const itemNumbers = new WeakMap<Element, number>();
let lastItemNumber = 0;
const itemNumber = (el: Element) => itemNumbers.get(el) ?? (itemNumbers.set(el, ++lastItemNumber), lastItemNumber);

/** The key under which like siblings are counted (a hostile page's endless class names cut short). */
const itemKey = (el: Element) => `${el.localName} ${(el.getAttribute('class') ?? '').slice(0, 64)}`;

/** True when the element starts/ends a block. */
export function isBlockBoundary(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/**
 * The parent in the flat tree the walk follows: a shadow root's parent is its host, a frame document's parent is
 * its frame element (same origin only). Light-DOM parents otherwise (slotted nodes go up through their host).
 */
export function composedParent(node: Node): Node | null {
  const p = node.parentNode;
  if (p) return p;
  if (node.nodeType === FRAGMENT) return (node as ShadowRoot).host ?? null;
  if (node.nodeType === DOCUMENT) {
    try {
      return (node as Document).defaultView?.frameElement ?? null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Whether `node` lies in `ancestor`'s composed subtree (crossing shadow roots and same-origin frames). */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === ancestor) return true;
  return false;
}

/**
 * Whether `node` sits in a subtree the walk never reads (inside a skipped element or an editable region, or in a
 * closed / detached tree). Used for incremental rescans, where the walk starts below the document.
 */
export function isInSkippedSubtree(node: Node): boolean {
  let n: Node | null = node.nodeType === ELEMENT ? node : composedParent(node);
  if (n && n.nodeType === ELEMENT && (n as HTMLElement).isContentEditable) return true;
  while (n) {
    const t = n.nodeType;
    if (t === ELEMENT) {
      if (isSkippedElement(n as Element)) return true;
      n = composedParent(n);
    } else if (t === DOCUMENT) {
      const doc = n as Document;
      if (doc.designMode === 'on') return true;
      let frame: Element | null = null;
      try {
        frame = doc.defaultView?.frameElement ?? null;
      } catch {
        frame = null;
      }
      if (!frame) return false; // the top document (or a frame we cannot see out of): reached the root
      // The frame element's tag is skipped (its fallback content is not read) but its document is walked; only
      // its hiding attributes count.
      if (isHiddenByAttribute(frame)) return true;
      n = composedParent(frame);
    } else {
      n = composedParent(n);
    }
  }
  // Fell off the tree without reaching a document: detached.
  return true;
}

function isHiddenByAttribute(el: Element): boolean {
  return el.hasAttribute(UI_HOST_ATTR) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/**
 * The nearest node at or above `node` whose content forms whole blocks: a block element, a shadow root, or a
 * document. Re-extracting that node gives exactly the blocks the full walk gives for its content.
 */
export function blockContainer(node: Node): Node {
  let n: Node | null = node;
  while (n) {
    const t = n.nodeType;
    if (t === ELEMENT && isBlockBoundary(n as Element)) return n;
    if (t === FRAGMENT || t === DOCUMENT) return n;
    const p = composedParent(n);
    if (!p) return n;
    n = p;
  }
  return node;
}

export interface WalkHooks {
  /** Called for each open shadow root and same-origin frame document the walk enters (to observe them). */
  onRoot?(root: ShadowRoot | Document): void;
}

const BREAK = 0;
type StackItem = Node | typeof BREAK;

/**
 * A resumable walk: `step(shouldYield)` processes nodes until done (returns true) or until `shouldYield()` says the
 * slice is over (returns false; call again to continue). `extractBlocks` runs it to the end in one go.
 *
 * Depth-first with an explicit stack (no recursion limit). Siblings are reached lazily (a node's next sibling is
 * pushed when the node is taken), so a parent with 100,000 children costs nothing up front and slices stay short.
 */
export class BlockWalker {
  readonly blocks: TextBlock[] = [];
  private readonly stack: StackItem[] = [];
  /** Parallel to `stack`: whether the item's following siblings come after it. */
  private readonly siblings: boolean[] = [];
  /** The block's non-empty text nodes so far. */
  private nodes: Text[] = [];
  private length = 0;
  /**
   * Whether some text between the block's first and last text node is not the block's (a skipped inline element
   * such as a script or a hidden span, a slot's assigned nodes from another tree): then the block's text is joined
   * from its nodes, not read as the text of the range they span (`blockText`).
   */
  private gapped = false;
  /** One range, moved over each block whose text is read in one piece, and its document (frames have their own). */
  private range: Range | null = null;
  private rangeDoc: Document | null = null;
  /** Whether a node's subtree is furniture, for the ancestors looked up so far (blocks share most of them). */
  private readonly inFurniture = new Map<Node, boolean>();
  /** How many blocks in a row, up to the last one, are each one link (`linkRun`). */
  private links = 0;
  /** The item a node lies in, for the ancestors looked up so far (0: none). */
  private readonly inItem = new Map<Node, number>();
  /** Per parent looked at, how many of its children share each `itemKey`. */
  private readonly likeChildren = new Map<Node, Map<string, number>>();

  constructor(
    root: Node,
    private readonly hooks: WalkHooks = {},
  ) {
    this.push(BREAK, false);
    this.push(root, false);
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  private push(item: StackItem, withSiblings: boolean): void {
    this.stack.push(item);
    this.siblings.push(withSiblings);
  }

  step(shouldYield?: () => boolean): boolean {
    const stack = this.stack;
    let n = 0;
    while (stack.length) {
      if (shouldYield && (++n & 255) === 0 && shouldYield()) return false;
      const item = stack.pop()!;
      const withSiblings = this.siblings.pop()!;
      if (item === BREAK) {
        this.flush();
        continue;
      }
      if (withSiblings) {
        const next = item.nextSibling;
        if (next) this.push(next, true);
      }
      switch (item.nodeType) {
        case TEXT: {
          // Only its length: the block's text is read once, at its end (`blockText`).
          const length = (item as Text).length;
          if (length) {
            this.nodes.push(item as Text);
            this.length += length;
          }
          break;
        }
        case ELEMENT:
          this.element(item as Element);
          break;
        case DOCUMENT: {
          const doc = item as Document;
          if (doc.designMode === 'on') break;
          const body = doc.body ?? doc.documentElement;
          if (body) {
            this.push(BREAK, false);
            this.push(body, false);
          }
          break;
        }
        case FRAGMENT:
          this.push(BREAK, false);
          this.pushChildren(item);
          break;
        case CDATA:
          // (XML only) Text to a range, not to the walk.
          if (this.nodes.length) this.gapped = true;
          break;
        default:
          // Comments, processing instructions, doctypes: nothing visible.
          break;
      }
    }
    this.flush();
    return true;
  }

  private element(el: Element): void {
    const tag = el.localName;
    if (isSkippedElement(el)) {
      if (BLOCK_TAGS.has(tag)) this.flush();
      else if (this.nodes.length && el.firstChild) this.gapped = true;
      if ((tag === 'iframe' || tag === 'frame') && !isHiddenByAttribute(el)) this.frame(el as HTMLIFrameElement);
      return;
    }
    if (BLOCK_TAGS.has(tag)) {
      this.flush();
      this.push(BREAK, false);
    }
    // An open shadow root replaces the light children in rendering; they show up through its slots.
    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow) {
      this.flush();
      this.hooks.onRoot?.(shadow);
      this.push(BREAK, false);
      this.pushChildren(shadow);
      return;
    }
    if (tag === 'slot') {
      let assigned: Node[] = [];
      try {
        assigned = (el as HTMLSlotElement).assignedNodes();
      } catch {
        // No slot assignment support: fall back to the slot's own content.
      }
      if (assigned.length) {
        // Nodes of the light tree, read in the middle of the shadow tree's text.
        this.gapped = true;
        for (let i = assigned.length - 1; i >= 0; i--) this.push(assigned[i], false);
        return;
      }
    } else if (tag === 'details' && !el.hasAttribute('open')) {
      // A closed <details> shows only its summary.
      for (let c = el.lastChild; c; c = c.previousSibling) {
        if (c.nodeType === ELEMENT && (c as Element).localName === 'summary') this.push(c, false);
      }
      return;
    }
    this.pushChildren(el);
  }

  private frame(el: HTMLIFrameElement): void {
    let doc: Document | null = null;
    try {
      doc = el.contentDocument;
    } catch {
      // Cross-origin (SecurityError): not ours to read.
      return;
    }
    if (!doc) return;
    this.hooks.onRoot?.(doc);
    this.push(BREAK, false);
    this.push(doc, false);
  }

  /** Whether `node` lies in furniture. */
  private furnitureAt(node: Node): boolean {
    return nearestAncestor(node, this.inFurniture, (el) => (isFurniture(el) ? true : null), false);
  }

  /** The item `node` lies in (`isItem`), 0 for none. */
  private itemAt(node: Node): number {
    return nearestAncestor(node, this.inItem, (el) => (isItem(el, this.countLike) ? itemNumber(el) : null), 0);
  }

  /** How many children of its parent share `el`'s tag and class (each parent's children counted once). */
  private readonly countLike = (el: Element): number => {
    const parent = el.parentNode;
    if (!parent) return 1;
    let counts = this.likeChildren.get(parent);
    if (!counts) {
      counts = new Map();
      for (let c = (parent as ParentNode).firstElementChild; c; c = c.nextElementSibling) {
        const key = itemKey(c);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      this.likeChildren.set(parent, counts);
    }
    return counts.get(itemKey(el)) ?? 1;
  };

  private pushChildren(parent: Node): void {
    const first = parent.firstChild;
    if (first) this.push(first, true);
  }

  /**
   * A run of LINK_RUN blocks or more that are each links and nothing else (the list of other stories under a
   * text-only or AMP page, links set one per line) is furniture, whatever its markup.
   */
  private linkRun(nodes: readonly Text[]): void {
    if (!isLinkOnly(nodes)) {
      this.links = 0;
      return;
    }
    this.links++;
    if (this.links < LINK_RUN) return;
    const n = this.blocks.length;
    for (let k = this.links === LINK_RUN ? n - LINK_RUN : n - 1; k < n; k++) this.blocks[k]!.furniture = true;
  }

  /**
   * The text of the block being flushed: its one node's data, else the text of the range from its first node to its
   * last, which the browser reads without making a string of each node and joining them (on a 10 MB page a third
   * faster, and the texts are not held in the script's heap), unless something between them is not the block's.
   */
  private blockText(): { text: string; segments?: TextSegment[] } {
    const nodes = this.nodes;
    const first = nodes[0];
    if (nodes.length === 1) return { text: first.data };
    if (this.gapped) return this.joinNodes();
    const last = nodes[nodes.length - 1];
    const doc = first.ownerDocument;
    if (!this.range || this.rangeDoc !== doc) {
      this.range = doc.createRange();
      this.rangeDoc = doc;
    }
    this.range.setStart(first, 0);
    this.range.setEnd(last, last.length);
    const text = this.range.toString();
    // Not the text the walk measured (a DOM whose ranges do not read text, as happy-dom's parsed documents): joined.
    return text.length === this.length ? { text } : this.joinNodes();
  }

  /**
   * The block's nodes' data joined, and the nodes with their offsets in it (taken from the data read: a node may
   * have changed since the walk measured it, a slice ago).
   */
  private joinNodes(): { text: string; segments: TextSegment[] } {
    let at = 0;
    const segments: TextSegment[] = [];
    const parts = this.nodes.map((node) => {
      const data = node.data;
      segments.push({ node, start: at });
      at += data.length;
      return data;
    });
    return { text: parts.join(''), segments };
  }

  private flush(): void {
    const nodes = this.nodes;
    if (!nodes.length) return;
    const { text, segments } = this.blockText();
    // Whitespace between blocks (indentation) makes blocks of its own: not worth a recognizer call.
    if (/\S/.test(text)) {
      const first = nodes[0];
      const block: TextBlock = { text, nodes, furniture: this.furnitureAt(first), heading: headingLevel(first), item: this.itemAt(first) };
      if (segments) block.knownSegments = segments;
      this.blocks.push(block);
      this.linkRun(nodes);
    }
    this.nodes = [];
    this.length = 0;
    this.gapped = false;
  }
}

/**
 * A block's text nodes with their offsets in its text, the offsets from the nodes' lengths now (once; then kept):
 * when the page has changed a node since the walk, the callers find its text no longer there (lib/page/ranges.ts).
 */
export function segmentsOf(block: TextBlock): TextSegment[] {
  if (block.knownSegments) return block.knownSegments;
  let at = 0;
  return (block.knownSegments = block.nodes.map((node) => {
    const start = at;
    at += node.length;
    return { node, start };
  }));
}

/**
 * What the nearest ancestor of `node` that `test` gives a value for says, `none` when no ancestor does. Every
 * ancestor looked at is cached with the answer, so the next block, which shares most of them, stops at once.
 */
function nearestAncestor<T>(node: Node, cache: Map<Node, T>, test: (el: Element) => T | null, none: T): T {
  const path: Node[] = [];
  let found = none;
  for (let n = composedParent(node); n; n = composedParent(n)) {
    const known = cache.get(n);
    if (known !== undefined) {
      found = known;
      break;
    }
    path.push(n);
    const value = n.nodeType === ELEMENT ? test(n as Element) : null;
    if (value !== null) {
      found = value;
      break;
    }
  }
  for (const n of path) cache.set(n, found);
  return found;
}

/** The level of the heading that is the block element around `node` (`blockContainer`), else 0. */
function headingLevel(node: Node): number {
  const container = blockContainer(node);
  const tag = container.nodeType === ELEMENT ? (container as Element).localName : '';
  return /^h[1-6]$/.test(tag) ? Number(tag[1]) : 0;
}

/** How `blocks` are laid out, as the recognizer's context rule reads it (lib/recognize/context.ts). */
export function layoutOf(blocks: readonly TextBlock[]): Required<PageLayout> {
  return { furniture: blocks.map((b) => b.furniture), heading: blocks.map((b) => b.heading), item: blocks.map((b) => b.item) };
}

/**
 * All visible text blocks under `root` (an element, a shadow root or a document), in document order.
 * Open shadow roots and same-origin iframes are included.
 */
export function extractBlocks(root: Node, hooks?: WalkHooks): TextBlock[] {
  const walker = new BlockWalker(root, hooks);
  walker.step();
  return walker.blocks;
}
