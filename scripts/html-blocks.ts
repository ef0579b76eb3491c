/**
 * A saved HTML page as the page adapter reads it: parsed with happy-dom (no scripts, styles, frames or navigation)
 * and split into blocks by lib/page's own `extractBlocks`. Shared by the scanner CLI and the HTML corpus test.
 */
import { Window } from 'happy-dom';
import { extractBlocks, layoutOf } from '../lib/page/blocks';
import type { PageLayout } from '../lib/recognize/types';

/** The page's text blocks and how they are laid out (furniture, heading level, item: `layoutOf`). */
export function blocksOfHtml(html: string): { texts: string[]; layout: Required<PageLayout> } {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true, disableMainFrameNavigation: true },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const root = (doc.body ?? doc.documentElement ?? doc) as unknown as Node;
    const blocks = extractBlocks(root);
    return { texts: blocks.map((b) => b.text), layout: layoutOf(blocks) };
  } finally {
    void window.happyDOM.close();
  }
}
