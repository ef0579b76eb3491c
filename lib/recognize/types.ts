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

export interface PageResult {
  /** Whether the page as a whole is about the attack; gates ambiguous names and entity names. */
  about: boolean;
  /** Exactly the mentions that should be highlighted (empty when gating rejects everything). */
  mentions: BlockMention[];
  /**
   * Per block, whether it says something about the attack itself (an anchoring name, an attack word, the date, a
   * name that is evidence on its own such as IS-K). Given by `recognizeLoose`, whose mentions are not final yet.
   */
  context?: boolean[];
}
