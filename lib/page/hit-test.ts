/**
 * Which mention is under the pointer. Highlights have no events, so the hover card asks here on (throttled)
 * pointer moves: `CSS.highlights.highlightsFromPoint()` where the engine has it, else the caret position under the
 * point checked against each mention's range (plus its client rects, where there is layout).
 */
import type { PageMention } from './controller';
import { OUR_HIGHLIGHTS } from './highlighter';

/** What hit testing needs from the controller. */
export interface HitTestSource {
  mentions(): PageMention[];
  mentionOfRange?(range: AbstractRange): PageMention | null;
}

interface HighlightHit {
  highlight: unknown;
  ranges: AbstractRange[];
}

interface RegistryWithHitTest {
  get(name: string): unknown;
  highlightsFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): HighlightHit[];
}

interface CaretDoc {
  caretPositionFromPoint?(x: number, y: number, options?: unknown): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

function registryOf(doc: Document): RegistryWithHitTest | null {
  try {
    const css = (doc.defaultView as unknown as { CSS?: { highlights?: RegistryWithHitTest } } | null)?.CSS;
    return css?.highlights ?? null;
  } catch {
    return null;
  }
}

function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDoc;
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    /* detached or unsupported arguments */
  }
  return null;
}

/** Whether (x, y) lies in one of the range's boxes; true when there is no layout to ask (zero-size rects). */
function rectsContain(range: Range, x: number, y: number): boolean {
  let rects: DOMRectList | DOMRect[];
  try {
    rects = range.getClientRects();
  } catch {
    return true;
  }
  let sized = false;
  for (const r of Array.from(rects)) {
    if (!r.width && !r.height) continue;
    sized = true;
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return !sized;
}

const rootsCache = new WeakMap<readonly PageMention[], ShadowRoot[]>();

/** Shadow roots holding mentions: hit-test APIs only look inside the shadow roots they are given. */
function shadowRootsOf(mentions: readonly PageMention[]): ShadowRoot[] {
  let roots = rootsCache.get(mentions);
  if (!roots) {
    const set = new Set<ShadowRoot>();
    for (const m of mentions) {
      const root = m.range.startContainer.getRootNode();
      if (root.nodeType === 11 && (root as ShadowRoot).host) set.add(root as ShadowRoot);
    }
    roots = [...set];
    rootsCache.set(mentions, roots);
  }
  return roots;
}

function byRangeLookup(source: HitTestSource): (r: AbstractRange) => PageMention | null {
  if (source.mentionOfRange) return (r) => source.mentionOfRange!(r);
  const map = new Map<AbstractRange, PageMention>();
  for (const m of source.mentions()) map.set(m.range, m);
  return (r) => map.get(r) ?? null;
}

/**
 * The mention at viewport point (x, y), or null. Where several hit, an outer mention wins over one inside it and
 * event/venue mentions win over other entities.
 */
export function mentionAtPoint(x: number, y: number, source: HitTestSource, doc: Document = document): PageMention | null {
  const mentions = source.mentions();
  if (!mentions.length) return null;
  const shadowRoots = shadowRootsOf(mentions);
  const registry = registryOf(doc);
  if (registry && typeof registry.highlightsFromPoint === 'function') {
    let hits: HighlightHit[] = [];
    try {
      hits = (shadowRoots.length ? registry.highlightsFromPoint(x, y, { shadowRoots }) : registry.highlightsFromPoint(x, y)) ?? [];
    } catch {
      hits = [];
    }
    const ours = OUR_HIGHLIGHTS.map((name) => registry.get(name));
    const lookup = byRangeLookup(source);
    for (const want of ours) {
      if (!want) continue;
      for (const hit of hits) {
        if (hit.highlight !== want) continue;
        for (const r of hit.ranges) {
          const m = lookup(r);
          if (m) return m;
        }
      }
    }
    // Our highlights are registered and the engine says none is here.
    if (ours.some(Boolean)) return null;
  }

  // No hit-test API (or the fallback wrapping mode): caret position under the point + range containment.
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret) return null;
  let best: PageMention | null = null;
  let bestRank = -1;
  for (const m of mentions) {
    const r = m.range;
    let inside = false;
    try {
      inside = r.startContainer.getRootNode() === caret.node.getRootNode() && r.isPointInRange(caret.node, caret.offset);
    } catch {
      inside = false;
    }
    if (!inside || !rectsContain(r, x, y)) continue;
    // Prefer the outer mention over one inside it, then event/venue over other entities.
    const rank = (m.inner ? 0 : 2) + (m.kind === 'event' || m.kind === 'venue' ? 1 : 0);
    if (!best || rank > bestRank) {
      best = m;
      bestRank = rank;
    }
  }
  return best;
}
