/**
 * A long page's text in parts: exactly the characters of `root.textContent`, in order, without building that one
 * string. The sentinel reads very long pages so: a 10 MB page's `textContent` is a 20 MB string, allocated outside
 * V8's young generation, and now and then it started an incremental garbage collection that finished inside the
 * sentinel's task (a 129 ms task in the benchmark). Parts of a few thousand characters die young and cheaply.
 *
 * Standard DOM only (childNodes, getElementsByTagName): unit-tested under happy-dom.
 */

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/**
 * Elements under a root whose text is not page text (inline scripts' code and JSON, style sheets: the page script's
 * walk skips them too, lib/page/blocks.ts), with the elements that hold them: `textParts` leaves their text out.
 */
export interface Omitted {
  elements: ReadonlySet<Element>;
  /** Every ancestor of an omitted element up to the root: read child by child, never whole. */
  holders: ReadonlySet<Element>;
}

/**
 * The elements under `root` of the tags `tags`, when their text is at least `minChars` long (else null: reading
 * the text in parts around them would cost more than testing it). Their text is measured by length, not copied.
 * Found with one tag's collection at a time: a query with the selector list `script, style, noscript` cost 0.33 ms
 * on a page of 6,300 elements, the `script` collection 0.09 (Chromium).
 */
export function omitted(root: Element, tags: readonly string[], minChars: number): Omitted | null {
  const found: Element[] = [];
  let chars = 0;
  for (const tag of tags) {
    for (const el of root.getElementsByTagName(tag)) {
      found.push(el);
      for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT) chars += (c as Text).length;
    }
  }
  if (!found.length || chars < minChars) return null;
  const holders = new Set<Element>();
  for (const el of found) {
    for (let p = el.parentElement; p && !holders.has(p); p = p.parentElement) {
      holders.add(p);
      if (p === root) break;
    }
  }
  return { elements: new Set(found), holders };
}

interface Item {
  node: Node;
  /** Elements in the node's subtree (itself not counted) when known, else -1. */
  elements: number;
}

/**
 * The text of `root` in parts, in document order: an element with at most `maxElements` elements under it gives its
 * `textContent` whole, a larger one its children one by one (a text node its data). Joined, the parts are
 * `root.textContent` (without the text of the `omit` elements). A part may be long (an element with few children
 * and much text).
 *
 * Child lists are read when an element is entered, so a page that changes while the parts are taken across tasks
 * gives each node's text at most once (text added later is the caller's observer's business).
 */
export function* textParts(root: Element, maxElements: number, omit: Omitted | null = null): Generator<string, void, undefined> {
  const stack: Item[] = [{ node: root, elements: -1 }];
  while (stack.length) {
    const { node, elements } = stack.pop()!;
    const type = node.nodeType;
    if (type === TEXT || type === CDATA) {
      const data = (node as CharacterData).data;
      if (data) yield data;
      continue;
    }
    if (type !== ELEMENT) continue;
    const el = node as Element;
    if (omit?.elements.has(el)) continue;
    const holds = !!omit?.holders.has(el);
    // Counting an element's subtree is native and allocates nothing (a live collection's length).
    const count = holds ? Infinity : elements >= 0 ? elements : el.getElementsByTagName('*').length;
    if (count <= maxElements) {
      const text = el.textContent;
      if (text) yield text;
      continue;
    }
    // A wrapper with a single element child: that child holds all the other elements (no need to count them again).
    const only = !holds && el.childElementCount === 1;
    for (let child = el.lastChild; child; child = child.previousSibling) {
      stack.push({ node: child, elements: only && child.nodeType === ELEMENT ? count - 1 : -1 });
    }
  }
}

/**
 * The parts joined into pieces of at least `size` new characters (the last may have fewer). Each piece after the
 * first begins with the last `overlap` characters of the text before it, joined in with the rest (one flat string:
 * V8 reads a concatenation of strings, unit by unit, ~2 times slower), so that a name cut in two by a piece's end is
 * whole in the next. Fewer, longer strings to test than parts, each still short-lived.
 */
export function* joinedParts(parts: Iterable<string>, size: number, overlap = 0): Generator<string, void, undefined> {
  let buffer: string[] = [];
  /** New characters in the buffer (the overlap not counted). */
  let length = 0;
  const flush = (): string => {
    const joined = buffer.join('');
    buffer = overlap > 0 ? [joined.slice(-overlap)] : [];
    length = 0;
    return joined;
  };
  for (const part of parts) {
    buffer.push(part);
    length += part.length;
    if (length >= size) yield flush();
  }
  if (length) yield flush();
}
