/**
 * The recognizer's contract, shared by the in-page adapter, the CLI scanner and tests.
 * The recognizer is pure: text in, mentions out; it knows no DOM and no browser API.
 */
import type { EntityType } from '../knowledge/schema';

/** `event` and `venue` are the attack and Crocus City Hall; the rest are the pack's entity types. */
export type MentionKind = EntityType;

export interface Mention {
  /** UTF-16 offsets into the text of the block (or page) it was found in; `end` is exclusive. */
  start: number;
  end: number;
  /** The text as it stands on the page, `text.slice(start, end)`. */
  text: string;
  kind: MentionKind;
  /** Id of the pack entity it refers to. */
  entity: string;
  /**
   * Set when the mention lies inside a longer one ("Krasnogorsk" inside "the Krasnogorsk attack", "Crocus City
   * Hall" inside "Anschlag auf die Crocus City Hall"). Highlighters may skip inner mentions.
   */
  inner?: boolean;
  /**
   * Set (in results that are not final: `recognizeLoose`) on a name that is shown only near what the page says
   * about the attack: within a few blocks of a block with `context` (see `nearContext`).
   */
  loose?: boolean;
}

export interface BlockMention extends Mention {
  /** Index of the block (a paragraph-like run of text the page adapter extracted) the mention is in. */
  block: number;
}

/**
 * What a block says about the attack (`PageResult.context`), as flags (lib/recognize/context.ts uses them):
 * - `speaks`: anything about it (an attack word, the date, an ambiguous name such as "Crocus", a group such as
 *   IS-K): gives the names around it in the page's own text context;
 * - `names`: it names this attack (the event, the venue, a gunman, or an ambiguous name next to an attack word or
 *   such a group): what a sidebar headline or a menu item needs for its names to be shown;
 * - `evidence`: evidence of the attack (an attack word, the date, the toll, the event's name, a gunman, a group
 *   such as IS-K): what the page's own text needs for anything in it to be shown;
 * - `aside` (set on every block of such a page): the page's cues say it is about something else (the owners'
 *   business, the band, the town), but it names the attack firmly with strong evidence: it has sections on it.
 */
export const CONTEXT = { none: 0, speaks: 1, names: 2, evidence: 4, all: 7, aside: 8 } as const;
export type BlockContext = number;

/** How a page's blocks are laid out, where known (lib/page/blocks.ts reads it from the DOM). */
export interface PageLayout {
  /** Per block, whether it lies in a menu, a sidebar or a footer. */
  furniture?: readonly boolean[];
  /** Per block, the level of the heading (h1-h6) it is the text of, 0 for other text. */
  heading?: readonly number[];
  /** Per block, the independent item (a table row, a list entry, a feed post) it lies in, 0 for none. */
  item?: readonly number[];
}

export interface PageResult {
  /** Whether the page as a whole is about the attack; gates ambiguous names and entity names. */
  about: boolean;
  /** Exactly the mentions that should be highlighted (empty when gating rejects everything). */
  mentions: BlockMention[];
  /** Per block, what it says about the attack. Given by `recognizeLoose`, whose mentions are not final yet. */
  context?: BlockContext[];
}
