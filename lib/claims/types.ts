/**
 * The claim matcher's contract. `compileClaimTable(pack)` runs at build time and gives a small,
 * JSON-serialisable table; `matchClaims(blocks, table)` runs anywhere (page, CLI, tests) without the pack.
 */

/** A sentence that reports a claim of the pack. */
export interface ClaimMatch {
  /** Index of the text block the sentence is in. */
  block: number;
  /** UTF-16 offsets of the sentence in the block; `end` is exclusive. */
  start: number;
  end: number;
  /** The sentence, `block.slice(start, end)`. */
  text: string;
  /** Claim id (C24). */
  claim: string;
  /** How strongly the sentence matched (the threshold is 2 unless the claim's cues set another). */
  score: number;
}

/** An entity whose names the matcher looks for: indexes into `ClaimTable.patterns`. */
export interface TableEntity {
  id: string;
  p: number[];
}

/** One idea of a claim: found when any of its patterns or entities is. */
export interface TableGroup {
  p: number[];
  /** Entity indexes. */
  e: number[];
  w: number;
  /** Required. */
  r?: 1;
}

export interface TableClaim {
  id: string;
  /** Who may be named as making it: [entity index, weight]; the claimant first (weight 1). */
  sp: [number, number][];
  /** Descriptions of the claimant (patterns) and their weight. */
  st?: { p: number[]; w: number };
  /** Entities the claim is about (targets): never counted as a rival speaker. */
  about: number[];
  g: TableGroup[];
  /** Patterns that veto. */
  neg?: number[];
  /** The claim's own dates (when.date, when.dateEnd). */
  d: string[];
  /** Dates named in its content. */
  cd?: string[];
  /** Least number of ideas, least score. */
  minG: number;
  min: number;
  /** Conflict sides the claim is on, as "X04:1". */
  x?: string[];
}

export interface ClaimTable {
  format: 1;
  /** Date of the event itself: mentions of it say nothing about which claim a sentence reports. */
  event: string;
  /** Word patterns (see lib/claims/patterns.ts). */
  patterns: string[];
  entities: TableEntity[];
  /** Entity indexes that make claims (claimants and their stand-ins): a rival speaker is one of these. */
  speakers: number[];
  claims: TableClaim[];
  /**
   * Patterns that show a text is about the event (its and the venue's names and descriptions, the recognizer's
   * positive context cues): used when `matchClaims` is asked to keep only blocks near such a mention.
   */
  topic: number[];
}

export interface MatchOptions {
  /**
   * Keep a block's matches only when the event is mentioned in that block or within this many blocks of it.
   * Leave unset when the page as a whole is already known to be about the event (the recognizer's gate).
   */
  topicWindow?: number;
}
