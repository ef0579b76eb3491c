/**
 * Which names a page shows: those near what it says about the attack. Kept apart from the recognizer so that the
 * page script, which has all the page's blocks but not the recognizer, applies the same rule to the loose results
 * the background sends it (lib/page/controller.ts).
 */
import { CONTEXT, type BlockContext, type BlockMention, type PageLayout } from './types';

/** Blocks this close to a block with context count as near it. */
const CONTEXT_BLOCKS = 3;

/**
 * Whether the page's own text (not its menus, sidebars and footers) is about the attack: it names the event, the
 * venue or a gunman (`anchored`: a mention there that is not loose) and holds evidence of the attack. A page made
 * "about the attack" by a sidebar headline alone keeps its article unmarked (a story on Miss Universe 2013 at
 * Crocus City Hall, an article about another attack).
 */
function mainAbout(context: readonly BlockContext[], furniture: readonly boolean[], anchored: boolean): boolean {
  return anchored && context.some((flags, i) => !furniture[i] && (flags & CONTEXT.evidence) !== 0);
}

/**
 * Whether a block names the attack: an anchor (the event, the venue, a gunman, an ambiguous name with evidence),
 * or an ambiguous name where nothing else speaks of an attack (no evidence flag: then only an anchor made it speak).
 */
const namesAttack = (flags: BlockContext) => (flags & CONTEXT.names) !== 0 || (flags & CONTEXT.all) === CONTEXT.speaks;

/** Whether a block names the attack with evidence of it (not the venue alone: "Miss Universe 2013 at Crocus City Hall"). */
const opensSection = (flags: BlockContext) => (flags & CONTEXT.names) !== 0 && (flags & CONTEXT.evidence) !== 0;

/**
 * A page whose own text names the attack in its lead (first in its prose, not in a section's heading) is about it
 * throughout. The lead: the first LEAD_BLOCKS blocks of its own text, and as many from the block before its
 * headline (its first h1 there, or its first h2 when it has none) on: kicker, headline, standfirst, byline,
 * caption, first paragraphs (follow-up stories often name the venue only in their third paragraph), however many
 * consent notices, tickers and breadcrumbs come above the headline. On such a page every block that speaks of an
 * attack gives context. On any other page (an encyclopedia article on IS-K, a year in review, an analysis of another attack, one whose cues
 * are about something else: CONTEXT.aside) a block that speaks of an attack without naming this one gives context
 * only in a section on it: up to SECTION_BLOCKS blocks after one that names it with evidence (`opensSection`), and
 * the block just before (a section opens where it is first named: what comes before it is the previous subject),
 * and never past a sub-heading (`nearBlocks`). The paragraphs on the Kabul airport bombing or the 2002 theatre
 * siege are not about this attack.
 */
const LEAD_BLOCKS = 15;
const SECTION_BLOCKS = 3;
const SECTION_BEFORE = 1;
/** A page that names the attack once, this many blocks or more below its headline... */
const PASSING_OFFSET = 6;
/** ...with evidence of it in fewer than this share of its blocks from the headline on, mentions it in passing. */
const PASSING_SHARE = 0.2;

/** The sections on the attack of a page that does not name it in its lead. */
interface Sections {
  /** Per block, whether it lies in a section on the attack. */
  blocks: boolean[];
  /** How many blocks away from a block that speaks of the attack names are shown (CONTEXT_BLOCKS; 0 in passing). */
  reach: number;
}

/** The sections on the attack of a page's own text (see LEAD_BLOCKS); null when it names the attack in its lead. */
function attackSections(context: readonly BlockContext[], layout: PageLayout): Sections | null {
  const { furniture = [], heading = [], item = [] } = layout;
  const own = context.map((_, i) => i).filter((i) => !furniture[i]);
  // The headline: the first h1, or on a page without one (portals that set the title in an h2), the first h2.
  const h1 = own.findIndex((i) => heading[i] === 1);
  const headline = h1 >= 0 ? h1 : own.findIndex((i) => heading[i] === 2);
  const head = Math.max(0, headline - 1);
  const inLead = (k: number) => k < LEAD_BLOCKS || (k >= head && k < head + LEAD_BLOCKS);
  // The page's first words on the attack in its lead: a section's heading (h2-h6) there opens a section on it (an
  // analysis of another attack, a year in review), however much its paragraphs go on to say. A heading next to the
  // headline is its kicker or its standfirst (many sites set the standfirst in an h2).
  const sectionHeading = (k: number) => heading[own[k]!]! > 1 && !(headline >= 0 && Math.abs(k - headline) <= 1);
  // A row of a box (a fact box's "compare: the Crocus City Hall attack", a table of the year's attacks) names the
  // attack by the way: the page is about it only where its prose does. The item holding the headline is the story.
  const row = (k: number) => item[own[k]!]! > 0 && (headline < 0 || item[own[k]!] !== item[own[headline]!]);
  // A page that names the attack once, under one of its sub-headings, tells it in passing (a story on a migration
  // law: "after the Crocus City Hall attack, checks were tightened"), however near the top that sub-heading is.
  const subheading = own.findIndex((_, k) => k > headline && sectionHeading(k));
  const naming = own.flatMap((i, k) => (context[i]! & CONTEXT.names ? [k] : []));
  const inPassing = (k: number) => naming.length === 1 && subheading >= 0 && k > subheading;
  // So does one that names it once, below its first paragraphs, and says little else of it (a story on Putin's
  // press conference: "...since the attack on Crocus City Hall, the FSB..."): the names shown are that block's.
  // Not when that block opens a section of its own, under a sub-heading ("6. Big events after March 2024").
  const story = own.slice(Math.max(0, headline));
  const evidenceShare = story.filter((i) => context[i]! & CONTEXT.evidence).length / Math.max(1, story.length);
  const passing = (k: number) =>
    k - Math.max(0, headline) >= PASSING_OFFSET && evidenceShare < PASSING_SHARE && !sectionHeading(k) && !sectionHeading(k - 1);
  const inSection = context.map(() => false);
  if (naming.length === 1 && passing(naming[0]!)) {
    const only = own[naming[0]!]!;
    inSection[only] = opensSection(context[only]!);
    return { blocks: inSection, reach: 0 };
  }
  const first = own.findIndex((i, k) => inLead(k) && namesAttack(context[i]!));
  // A page the recognizer found to be about something else, naming the attack firmly, has sections only.
  const aside = context.some((flags) => flags & CONTEXT.aside);
  if (first >= 0 && !sectionHeading(first) && !row(first) && !inPassing(first) && !aside) return null;
  own.forEach((i, k) => {
    // Only a block that names the attack with evidence opens a section: an ambiguous name alone (Picnic,
    // Krasnogorsk) is the subject of a page about the band or the town, the venue alone a place of its history.
    if (!opensSection(context[i]!)) return;
    for (let d = -SECTION_BEFORE; d <= SECTION_BLOCKS; d++) {
      const j = own[k + d];
      if (j !== undefined) inSection[j] = true;
    }
  });
  return { blocks: inSection, reach: CONTEXT_BLOCKS };
}

/**
 * Per block: whether the names in it that wait for context are shown. `about`: whether the page's own text is
 * about the attack (`mainAbout`); `section`: the blocks in a section on it (`attackSections`), null when the page
 * is about it throughout.
 *
 * In the page's own text a name is shown within CONTEXT_BLOCKS blocks of a block that speaks of the attack (on a
 * page that does not name it in its lead, one in a section on it: LEAD_BLOCKS, and only in the same item: the rows
 * of a table of 2024's attacks, the results of a search, the posts of a feed each have their own subject).
 * Furniture is a list of independent items (headlines, links, comments): a name there is shown only when its own
 * item names the attack, not because the article next to it speaks of it.
 */
function nearBlocks(context: readonly BlockContext[], layout: PageLayout, section: Sections | null, about: boolean): boolean[] {
  const { furniture = [], item = [], heading = [] } = layout;
  const near = context.map(() => false);
  const subheading = (b: number) => (heading[b] ?? 0) > 1 && !furniture[b];
  context.forEach((flags, i) => {
    if (furniture[i]) {
      if (flags & CONTEXT.names) near[i] = true;
      return;
    }
    if (!(flags & CONTEXT.speaks) || !about || (section && !section.blocks[i])) return;
    const reach = (j: number) => {
      if (!furniture[j] && (!section || (item[j] ?? 0) === (item[i] ?? 0))) near[j] = true;
    };
    // In a section, not past a sub-heading: above it is the previous subject, below it the next.
    const ends = (b: number) => section !== null && subheading(b);
    const distance = section?.reach ?? CONTEXT_BLOCKS;
    for (let j = i; j >= Math.max(0, i - distance) && (j === i || !ends(j + 1)); j--) reach(j);
    for (let j = i + 1; j <= Math.min(context.length - 1, i + distance) && !ends(j); j++) reach(j);
  });
  return near;
}

/**
 * Which names a page shows, the one rule for the recognizer (`nearContext`) and the page script, which applies it
 * over all its blocks (lib/page/controller.ts). `context` says what each block says about the attack, `layout`
 * which blocks lie in menus, sidebars and footers and which are headings, `anchored` whether the page's own text
 * holds an anchor (a mention there that is not loose).
 */
export interface NameRule {
  /**
   * Whether a name in `block` is shown only where `near` says so: a loose name, any name in furniture, every name
   * while the page's own text is not about the attack, and on a page with a section on it every name in a block
   * that does not name it with evidence (`opensSection`). Anchors in the page's own text are shown otherwise.
   */
  waits(block: number, loose: boolean): boolean;
  near: boolean[];
}

export function nameRule(context: readonly BlockContext[], layout: PageLayout, anchored: boolean): NameRule {
  const { furniture = [] } = layout;
  const about = mainAbout(context, furniture, anchored);
  const section = about ? attackSections(context, layout) : null;
  // On a page with a section on the attack, a name in a block that does not name the attack with evidence ('Crocus
  // City' as a business district in an article on the town, the venue as the stage of Miss Universe 2013) waits
  // like any other name.
  const waits = (block: number, loose: boolean) =>
    loose || !!furniture[block] || !about || (section !== null && !opensSection(context[block]!));
  return { near: nearBlocks(context, layout, section, about), waits };
}

/**
 * The final mentions of a page from loose ones: names are shown near what the page says about the attack only
 * (a tennis report under a sidebar headline about the attack keeps its Medvedev unmarked; so do menus and footers).
 * Anchors are shown anywhere in the page's own text when it is about the attack; in furniture only in items that
 * name the attack (so not an ambiguous "Crocus" in a gardening headline).
 */
export function nearContext(mentions: readonly BlockMention[], context: readonly BlockContext[], layout: PageLayout = {}): BlockMention[] {
  const rule = nameRule(context, layout, mentions.some((m) => !m.loose && !layout.furniture?.[m.block]));
  const out: BlockMention[] = [];
  for (const m of mentions) {
    if (!rule.waits(m.block, !!m.loose)) out.push(m);
    else if (rule.near[m.block]) {
      const { loose: _, ...rest } = m;
      out.push(rest);
    }
  }
  return out;
}
