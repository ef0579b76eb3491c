import { UI_HOST_ATTR } from '@/lib/page/blocks';

/** Our UI hosts left in the page by an earlier instance of the page script (they no longer respond). */
const LEFTOVER_HOSTS = `crocus-context-card[${UI_HOST_ATTR}], crocus-context-panel[${UI_HOST_ATTR}]`;

export function removeLeftoverUi(doc: Document): void {
  for (const el of doc.querySelectorAll(LEFTOVER_HOSTS)) el.remove();
}
