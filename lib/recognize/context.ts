/**
 * Which names a page shows: those near what it says about the attack. Kept apart from the recognizer so that the
 * page script, which has all the page's blocks but not the recognizer, applies the same rule to the loose results
 * the background sends it (lib/page/controller.ts).
 */
import { CONTEXT, type BlockMention, type ContextLevel } from './types';

/** Blocks this close to a block with context count as near it. */
export const CONTEXT_BLOCKS = 3;

/**
 * Per block: whether the names in it are shown. `context` says what each block says about the attack,
 * `furniture` which blocks lie in menus, sidebars and footers (none when not told), `mainAnchored` whether the
 * page's own text (not its furniture) names the event, the venue or a gunman.
 *
 * In the page's own text a name is shown within CONTEXT_BLOCKS blocks of a block with context, once that text
 * names the attack itself: an article about another attack, beside a sidebar headline about this one, keeps its
 * names unmarked. Furniture is a list of independent items (headlines, links): a name there is shown only when
 * its own item names the attack, not because the article next to it speaks of it.
 */
export function nearBlocks(context: readonly ContextLevel[], furniture: readonly boolean[] = [], mainAnchored = true): boolean[] {
  const near = context.map(() => false);
  context.forEach((level, i) => {
    if (furniture[i]) {
      if (level >= CONTEXT.names) near[i] = true;
      return;
    }
    if (level < CONTEXT.some || !mainAnchored) return;
    for (let j = Math.max(0, i - CONTEXT_BLOCKS); j <= Math.min(context.length - 1, i + CONTEXT_BLOCKS); j++) {
      if (!furniture[j]) near[j] = true;
    }
  });
  return near;
}

/** Whether an anchor (a mention that is not loose: the event, the venue, a gunman) lies in the page's own text. */
export function anchorsMain(mentions: Iterable<Pick<BlockMention, 'loose' | 'block'>>, furniture: readonly boolean[]): boolean {
  for (const m of mentions) if (!m.loose && !furniture[m.block]) return true;
  return false;
}

/**
 * The final mentions of a page from loose ones: names are shown near what the page says about the attack only
 * (a tennis report under a sidebar headline about the attack keeps its Medvedev unmarked; so do menus and footers).
 * Anchors are shown anywhere in the page's own text; in furniture only in items that name the attack (so not an
 * ambiguous "Crocus" in a gardening headline).
 */
export function nearContext(
  mentions: readonly BlockMention[],
  context: readonly ContextLevel[],
  furniture: readonly boolean[] = [],
): BlockMention[] {
  const near = nearBlocks(context, furniture, anchorsMain(mentions, furniture));
  const out: BlockMention[] = [];
  for (const m of mentions) {
    if (!m.loose && !furniture[m.block]) out.push(m);
    else if (near[m.block]) {
      const { loose: _, ...rest } = m;
      out.push(rest);
    }
  }
  return out;
}
