import type { PageController } from '@/lib/page/controller';
import type { PageClaim } from './claims';
import type { PageContext } from '@/lib/messages/contract';
import { publishedDate } from '@/lib/page-meta/published';

/** Characters of surrounding text shown with each mention in the panel's list. */
const CONTEXT_CHARS = 60;
const FLASH_HIGHLIGHT = 'crocus-flash';
const FLASH_MS = 1600;

function around(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** What the panel lists for this page. Text only: the panel renders it as text. */
export function pageContext(controller: PageController, claims: readonly PageClaim[]): PageContext {
  return {
    claims: claims.map((c) => ({ claim: c.claim, text: c.text })),
    url: location.href,
    title: document.title,
    published: publishedDate(document),
    mentions: controller
      .mentions()
      .filter((m) => !m.inner)
      .map((m) => {
        const ctx = controller.contextOf(m.index);
        return {
          index: m.index,
          text: m.text,
          kind: m.kind,
          entity: m.entity,
          context: ctx ? around(ctx.text, ctx.start, ctx.end) : m.text,
        };
      }),
  };
}

/** Scrolls mention `index` into view and flashes it, so keyboard and screen-reader users reach it from the panel. */
export function reveal(controller: PageController, index: number): boolean {
  const range = controller.rangeOf(index);
  const element = range?.startContainer.parentElement;
  if (!range || !element) return false;
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  if (typeof Highlight === 'function' && CSS.highlights) {
    const flash = new Highlight(range);
    flash.priority = 2;
    CSS.highlights.set(FLASH_HIGHLIGHT, flash);
    setTimeout(() => {
      if (CSS.highlights.get(FLASH_HIGHLIGHT) === flash) CSS.highlights.delete(FLASH_HIGHLIGHT);
    }, FLASH_MS);
  }
  // Put the selection on the mention too: screen readers announce it and the reader can act on it.
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range.cloneRange());
  return true;
}
