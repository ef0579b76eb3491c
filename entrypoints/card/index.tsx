import { browser } from 'wxt/browser';
import { publishMountCard } from '@/components/card/card-ui';
import { createScriptContext } from '@/lib/page/script-context';
import { createCardUi } from './card-ui';

/**
 * The hover card's UI, injected by the background into a frame the first time the reader rests on a highlight
 * there: pages that are only candidates, or that the reader never hovers, never load Preact or the card data.
 * An unlisted script with its own context, like the page script (entrypoints/page/index.ts).
 */
export default defineUnlistedScript(() => {
  // Injected again (two hovers racing, an extension reload): this context ends the older one, which withdraws
  // its mount function, and this one publishes its own.
  const ctx = createScriptContext('card', { alive: () => browser.runtime?.id != null });
  publishMountCard((shadow) => createCardUi(ctx, shadow));
  ctx.onInvalidated(() => publishMountCard(undefined));
});
