/**
 * Open shadow roots, for the sentinel: `document.body.textContent` does not reach text inside shadow roots, so on
 * pages built from web components (an app shell whose articles render in shadow DOM) the sentinel reads them too.
 * The page script's walk (blocks.ts) enters open shadow roots on its own.
 *
 * Kept tiny and dependency-free: the sentinel, which runs in every frame, imports it.
 */

/** The open shadow roots at and under `root` (an element, a document or a shadow root), nested ones too, at most `max`. */
export function openShadowRoots(root: Element | Document | ShadowRoot, max: number): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (scope: Element | Document | ShadowRoot) => {
    const own = 'shadowRoot' in scope ? scope.shadowRoot : null;
    if (own && out.length < max) {
      out.push(own);
      visit(own);
    }
    for (const el of scope.querySelectorAll('*')) {
      if (out.length >= max) return;
      const shadow = el.shadowRoot;
      if (!shadow) continue;
      out.push(shadow);
      visit(shadow);
    }
  };
  visit(root);
  return out;
}
