/**
 * The matcher table: what the recognizer needs, compiled from the knowledge pack at build time (compile.ts) and
 * bundled into the content script. Plain JSON, compact: no descriptions, no sources, no display names.
 */
import type { MentionKind } from './types';

/** Strength of a name pattern: how much its match says that the page is about the attack. */
export const STRENGTH = {
  /** An entity's name (person, group, place, ...): highlighted only on pages about the attack. */
  entity: 0,
  /** An ambiguous event/venue name ("Crocus", "Крокусе", "Crocus City"). */
  weak: 1,
  /** A description of the event/venue without its name ("the concert hall near Moscow", "Moscow attack"). */
  description: 2,
  /** The venue's name ("Crocus City Hall", "Крокус Сити Холл", "Rathaus von Crocus"). */
  venue: 3,
  /** The event's name ("Crocus City Hall attack", "теракт в Крокусе"). */
  event: 4,
} as const;

/** Cue group flags. */
export const GROUP = {
  /** its terms win over overlapping shorter names */
  blocks: 1,
  /** topical evidence */
  topical: 2,
  /** next to an ambiguous event/venue name, makes it specific */
  promotes: 4,
  /** used by a proximity rule */
  proximity: 8,
} as const;

/** Pattern flags. */
export const FLAG = {
  /** The text must start with a capital letter (single-word proper names: "Picnic", "Shot", "Crocus"). */
  cap: 1,
  /** The text must be in capitals and take no suffix (acronyms: "IS-K", "FSB", "ИГИЛ"). */
  acro: 2,
  /** A stem: any word that starts with it (cue terms written with a trailing `*`). */
  star: 4,
  /**
   * A cue of one short word (at most SHORT_LETTERS letters): at most SHORT_SUFFIX letters of ending, so that it
   * does not match the start of longer words of other languages (Turkish "ölü" is not "oluyor").
   */
  short: 8,
} as const;

export const SHORT_LETTERS = 4;
export const SHORT_SUFFIX = 2;

export interface MatcherTable {
  /** Format version. */
  v: 1;
  /** Entities: [id, kind, weight toward "about", 1 if a mention anchors the page]. */
  e: [id: string, kind: MentionKind, weight: number, anchor: 0 | 1][];
  /**
   * Name patterns: [pattern, entity index, strength, flags]. A pattern is in the matching form (normalize.ts);
   * a space stands for a word gap; a character followed by `?` may be left out (stem vowels).
   */
  n: [pattern: string, entity: number, strength: number, flags: number][];
  /** Cue patterns: [pattern, group index, flags]. */
  c: [pattern: string, group: number, flags: number][];
  /** Cue groups: [id, weight per distinct term, cap of the group's total, GROUP flags]. */
  g: [id: string, weight: number, cap: number, flags: number][];
  /** Proximity descriptions: [entity index, cue group index, place entity indexes, window in words]. */
  px: [entity: number, group: number, places: number[], window: number][];
  /** Letters allowed after a name, per script class (indexed by `Sc`). */
  sfx: number[];
  /** Letters allowed after a stem (cue terms ending in `*`). */
  star: number;
  /** Letters of inflection allowed at the end of a word inside a multi-word name. */
  gap: number;
  /** Letters that may be attached before a name, per script class: [script class, letters, max count]. */
  pre: [script: number, letters: string, max: number, beforeCapital: 0 | 1][];
  /**
   * Scores: [threshold, strong event, venue name, weak name, description, topical evidence needed when the only
   * anchors are weak names or descriptions, topical evidence that makes a page below the threshold with a firm
   * anchor about the attack in sections only (0: never)].
   */
  w: [threshold: number, event: number, venue: number, weak: number, description: number, topical: number, aside: number];
  /**
   * One regular expression (source, flags `iu`: see quick.ts) that every page with a possible anchoring mention matches, to be
   * tested against the page text with `quickCheck` (which first removes soft hyphens, zero-width characters and the
   * combining marks the matcher ignores).
   */
  quick: string;
  /** Entity kinds that count toward "about" but are never returned as mentions (Recognition.quietTypes). */
  q?: MentionKind[];
}
