import { publishMountCard, publishedMountCard } from '@/components/card/card-ui';
import { createCardUi } from './card-ui';

/**
 * The hover card's UI, injected by the background into a frame the first time the reader rests on a highlight
 * there: pages that are only candidates, or that the reader never hovers, never load Preact or the card data.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main(ctx) {
    // Injected twice (two hovers racing): the first one serves.
    if (publishedMountCard()) return;
    publishMountCard((shadow) => createCardUi(ctx, shadow));
    ctx.onInvalidated(() => publishMountCard(undefined));
  },
});
