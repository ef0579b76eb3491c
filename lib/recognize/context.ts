/**
 * Which names a page shows: those near what it says about the attack. Kept apart from the recognizer so that the
 * page script, which has all the page's blocks but not the recognizer, applies the same rule to the loose results
 * the background sends it (lib/page/controller.ts).
 */
import type { BlockMention } from './types';

/** Blocks this close to a block with context count as near it. */
export const CONTEXT_BLOCKS = 3;

/**
 * Per block: whether it lies within CONTEXT_BLOCKS blocks of one with `context`. The blocks are a whole page's (or
 * its part that is read together, in order).
 */
export function nearBlocks(context: readonly boolean[]): boolean[] {
  const near = context.map(() => false);
  context.forEach((yes, i) => {
    if (!yes) return;
    for (let j = Math.max(0, i - CONTEXT_BLOCKS); j <= Math.min(context.length - 1, i + CONTEXT_BLOCKS); j++) near[j] = true;
  });
  return near;
}

/**
 * The final mentions of a page from loose ones: names are shown near what the page says about the attack only
 * (a tennis report under a sidebar headline about the attack keeps its Medvedev unmarked; so do menus and footers).
 */
export function nearContext(mentions: readonly BlockMention[], context: readonly boolean[]): BlockMention[] {
  const near = nearBlocks(context);
  const out: BlockMention[] = [];
  for (const m of mentions) {
    if (!m.loose) out.push(m);
    else if (near[m.block]) {
      const { loose: _, ...rest } = m;
      out.push(rest);
    }
  }
  return out;
}
