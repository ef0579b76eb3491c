/**
 * The knowledge pack's schema, defined once: zod schemas here give both the runtime validator
 * (build time, `npm test`, the CLI) and the TypeScript types every consumer uses.
 *
 * Modelled on open standards:
 * - claims follow schema.org `Claim` (author = `claimant`, datePublished = `date`,
 *   appearance = `sources`) and conflicts/discrepancies play the part of `ClaimReview` without a
 *   verdict (we never rate a claim);
 * - the seed mapping anchors statements with W3C Web Annotation `TextQuoteSelector`s.
 *
 * Cross-reference checks (dangling ids, conflicts with one claimant, ...) live in `validate.ts`;
 * this file holds the shape of each record.
 */
import { z } from 'zod';
import { TIMELINE_TYPES } from './timeline-types';

/** ISO 8601 calendar date, full or reduced precision: 2024, 2024-03, 2024-03-22. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)')
  .refine((s) => s.length < 10 || !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date');

/** Local clock time, 24 h, e.g. "19:58". Moscow time (UTC+3) unless `timeZone` says otherwise. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a 24-hour HH:MM time');

/** BCP 47 language tag (en, ru, uk, de, zh-Hans, ...). */
export const LangTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'not a BCP 47 language tag');

export const HttpsUrl = z
  .string()
  .url('not a URL')
  .refine((u) => u.startsWith('https://'), 'address is not https')
  .refine((u) => !/^https:\/\/(\d{1,3}\.){3}\d{1,3}([:/]|$)/.test(u), 'address is a bare IP (a mirror): cite the original outlet');

/** Ids are stable keys for cross references and for the reader's history. */
export const SourceId = z.string().regex(/^S\d+[a-z]?$/, 'source id must look like S12 or S24b');
export const ClaimId = z.string().regex(/^C\d{2,}[a-z]?$/, 'claim id must look like C07');
export const TimelineId = z.string().regex(/^T\d{2,}$/, 'timeline id must look like T07');
export const ConflictId = z.string().regex(/^X\d{2,}$/, 'conflict id must look like X03');
export const DiscrepancyId = z.string().regex(/^D\d+$/, 'discrepancy id must look like D4');
export const EntityId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'entity id must be kebab-case');

const Sourced = { sources: z.array(SourceId).min(1, 'needs at least one source') };
const NonEmpty = z.string().trim().min(1, 'must not be empty');

/** A date that may be imprecise: `note` says how it was established ("reported 1 April", "month not confirmed"). */
export const DateInfo = z.object({
  date: IsoDate,
  /** Last day of a span, for entries such as "2024-03-28/29". */
  dateEnd: IsoDate.optional(),
  time: LocalTime.optional(),
  timeEnd: LocalTime.optional(),
  /** IANA zone of `time`; Europe/Moscow when absent. */
  timeZone: z.string().optional(),
  approximate: z.boolean().optional(),
  note: z.string().optional(),
});

export const Source = z.object({
  id: SourceId,
  /** Who published the page that was read. */
  publisher: NonEmpty,
  /** The original outlet where the page reprints or translates one (Reuters, AFP, TASS, ...). */
  originalOutlet: z.string().optional(),
  title: NonEmpty,
  /** True when the page shows no title and `title` is our short description of it. */
  titleIsDescription: z.boolean().optional(),
  /** Publication date; where the page shows none, the date taken from its text or address, explained in `dateNote`. */
  date: IsoDate,
  dateNote: z.string().optional(),
  url: HttpsUrl,
  language: LangTag,
  /** State-controlled media are cited for what officials said, never as independent confirmation. */
  stateMedia: z.boolean().optional(),
});

export const EntityType = z.enum([
  'event', // the attack itself
  'venue', // Crocus City Hall
  'place', // Krasnogorsk, Moscow Oblast, Bryansk Oblast, ...
  'group', // Islamic State, IS-K, Amaq
  'person',
  'institution', // FSB, Investigative Committee, courts, ministries, think tanks, media organisations
  'state', // countries as actors (Ukraine, the United States)
]);

/** Names per language: `{ en: ['Crocus City Hall attack', ...], ru: [...] }`. The recognizer compiles from these. */
export const Names = z.record(LangTag, z.array(NonEmpty).min(1));

export const Entity = z.object({
  id: EntityId,
  type: EntityType,
  /** English display name. */
  name: NonEmpty,
  /** One neutral line: who or what this is. */
  description: NonEmpty,
  names: Names,
  /** Entities this one belongs to (a spokesman's institution, a branch's parent group). */
  partOf: z.array(EntityId).optional(),
  ...Sourced,
});

/** A statement of fact about the event, with its sources (schema.org would call the sources `citation`). */
export const Fact = z.object({ text: NonEmpty, ...Sourced });

export const CasualtyFigure = z.object({
  id: z.string().regex(/^K\d{2,}$/, 'casualty figure id must look like K07'),
  /** Who published the figure: an entity id where the publisher is in the pack, else a name. */
  publishedBy: NonEmpty,
  asOf: DateInfo,
  dead: z.number().int().nonnegative().optional(),
  /** "about", "more than", "at least": how the figure was worded. */
  deadQualifier: z.enum(['about', 'more than', 'at least']).optional(),
  injured: z.number().int().nonnegative().optional(),
  injuredQualifier: z.enum(['about', 'more than', 'at least']).optional(),
  missing: z.number().int().nonnegative().optional(),
  children: z.number().int().nonnegative().optional(),
  /** Official (a state body's count) vs reported (media or unofficial channels). */
  official: z.boolean(),
  note: z.string().optional(),
  ...Sourced,
});

/** Who a claim points at and in what role. `target` is an entity id (isis-k, ukraine, western-special-services, ...). */
export const Attribution = z.object({
  target: EntityId,
  role: z.enum([
    'perpetrator', // carried out the attack
    'organiser', // directed, organised or coordinated it
    'sponsor', // financed or facilitated it, or it was done in their interest
    'claimed-responsibility',
    'not-involved', // the claim denies this target's involvement
    'provocateur', // a staged provocation by this target
    'warned', // this target gave warning
    'had-prior-knowledge',
  ]),
});

export const Quote = z.object({
  text: NonEmpty,
  lang: LangTag,
  /** English rendering when `text` is not English, and who translated it ("Reuters", "our translation"). */
  translation: z.string().optional(),
  translatedBy: z.string().optional(),
});

/**
 * Terms per language that express one idea in a sentence reporting a claim. Matched case-insensitively and
 * without diacritics, word by word: a trailing `*` makes a word a stem ("координир*" matches координировали,
 * координация), several words make a phrase ("duty to warn"). CJK/Thai terms match inside the text.
 */
export const CueTerms = z.record(LangTag, z.array(NonEmpty).min(1));

/** One idea of a claim; it counts once per sentence however many of its terms or entity names are found. */
export const CueGroup = z.object({
  terms: CueTerms.optional(),
  /** Entities whose names (from `entities[].names`, never copied here) express the idea: a target, a place. */
  entities: z.array(EntityId).optional(),
  /** How much the idea counts (default 1). */
  weight: z.number().positive().max(5).optional(),
  /** A sentence without this idea never reports the claim. */
  required: z.boolean().optional(),
});

/**
 * The cues that identify a sentence reporting a claim (lib/claims compiles them into the sentence matcher).
 * A sentence reports the claim when its claimant is named in it (by any of the entity's names) or, for a
 * sentence that goes on with "he said" / "по его словам", in the sentence before, and it shows enough of the
 * claim's ideas: score = speaker weight x (sum of the weights of the ideas found + a date cue) - penalties.
 */
export const ClaimCues = z.object({
  /** Others that may be named as the one making the claim, and how much that counts (the claimant counts 1,
   * the institutions it is `partOf` count 0.8 without being listed here). */
  speakers: z.array(z.object({ entity: EntityId, weight: z.number().gt(0).max(1) })).optional(),
  /** Descriptions of the claimant that are not names ("the military court", "американские чиновники"). */
  speakerTerms: z.object({ terms: CueTerms, weight: z.number().gt(0).max(1) }).optional(),
  /** Attribution targets whose names count as one idea each (shorthand for a group with `entities`). */
  targets: z.array(EntityId).optional(),
  /** The key ideas of the statement. */
  groups: z.array(CueGroup).min(1, 'cues need at least one group of terms'),
  /** Terms that show a sentence is not reporting this claim (a denial of it, another matter): any one vetoes. */
  negative: CueTerms.optional(),
  /** Dates named in the claim's content besides `when` (a warning's date): a cue when mentioned, never a mismatch. */
  dates: z.array(IsoDate).optional(),
  /** Least number of distinct ideas (groups, targets, the claim's date) a sentence must show; default 2. */
  minGroups: z.number().int().min(1).optional(),
  /** Least score a sentence needs; default 2. */
  minScore: z.number().positive().optional(),
});

export const Claim = z.object({
  id: ClaimId,
  /** schema.org Claim.author: the entity that made the claim. */
  claimant: EntityId,
  /** When the claim was made (schema.org datePublished / dateCreated). */
  when: DateInfo,
  /** One neutral, attributed sentence: "X said that ...". */
  statement: NonEmpty,
  quotes: z.array(Quote).optional(),
  attributes: z.array(Attribution),
  /** Where it was made: "televised address", "Telegram", "CIS security chiefs' council, Bishkek". */
  venue: z.string().optional(),
  note: z.string().optional(),
  ...Sourced,
  /** How to recognize a sentence that reports this claim (optional). */
  cues: ClaimCues.optional(),
});

/** A side of a conflict: the claims that agree on one position, and that position in a few neutral words. */
export const ConflictSide = z.object({
  position: NonEmpty,
  claims: z.array(ClaimId).min(1),
});

export const Conflict = z.object({
  id: ConflictId,
  /** One neutral sentence: on exactly what the sides disagree. */
  subject: NonEmpty,
  sides: z.array(ConflictSide).min(2, 'a conflict needs at least two sides'),
  note: z.string().optional(),
});

/** Reported facts that differ between sources (toll, times, ages): not attributions, but shown side by side too. */
export const Discrepancy = z.object({
  id: DiscrepancyId,
  topic: NonEmpty,
  variants: z
    .array(z.object({ value: NonEmpty, reportedBy: NonEmpty, ...Sourced }))
    .min(2, 'a discrepancy needs at least two variants'),
  note: z.string().optional(),
});

export const TimelineType = z.enum(TIMELINE_TYPES);

export const TimelineEntry = z.object({
  id: TimelineId,
  when: DateInfo,
  type: TimelineType,
  text: NonEmpty,
  /** Entities that act in this entry (for the panel's actor filter). */
  actors: z.array(EntityId),
  /** Claims made in this entry, if any. */
  claims: z.array(ClaimId).optional(),
  ...Sourced,
});

/** W3C Web Annotation TextQuoteSelector: anchors a passage of the seed article. */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: NonEmpty,
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

/** How each statement of the seed article maps onto the pack (facts sheet, section 6b). */
export const SeedStatement = z.object({
  target: TextQuoteSelector,
  claims: z.array(ClaimId),
  timeline: z.array(TimelineId).optional(),
  status: z.enum(['confirmed', 'partial', 'wording-differs']),
  /** Where the seed's wording goes beyond the sources: what the sources support instead. */
  note: z.string().optional(),
});

export const EventCore = z.object({
  /** The entity ids of the event and the venue. */
  entity: EntityId,
  venue: EntityId,
  place: Fact,
  when: DateInfo,
  /** What happened, a few sourced facts in order. */
  summary: z.array(Fact).min(1),
  casualties: z.array(CasualtyFigure).min(1),
  /** The figure to show as current: id of a casualty figure. */
  currentCasualtyFigure: z.string(),
  perpetrators: z.object({ people: z.array(EntityId).min(1), facts: z.array(Fact).min(1) }),
  arrests: z.array(Fact),
  trial: z.array(Fact),
  verdict: z.array(Fact),
});

export const Unverified = z.object({ id: z.string(), text: NonEmpty, sources: z.array(SourceId).optional() });

/** One group of context cues for gating: every distinct term found adds `weight`, the group adds at most `cap`. */
export const RecognitionCue = z.object({
  id: NonEmpty,
  /** Positive for cues that the page is about the attack, negative for cues that it is about something else. */
  weight: z.number(),
  /** Limit of the group's total (same sign as `weight`). */
  cap: z.number(),
  /** Terms of this group, where they match, win over overlapping shorter names ("Crocus Expo" hides "Crocus"). */
  blocks: z.boolean().optional(),
  /** Cues specific to this attack (its date, the gunmen's nationality): they count as topical evidence. */
  topical: z.boolean().optional(),
  /**
   * Cues that, right next to an ambiguous event/venue name, make it specific ("Crocus concert hall",
   * "la strage del Crocus", "تالار کروکوس").
   */
  promotes: z.boolean().optional(),
  /** Words that inflect like names ("konser salonuna", "salę koncertową"): venue words used by `proximity`. */
  inflects: z.boolean().optional(),
  /** Terms per language (`und` for any language); a trailing `*` makes a stem. */
  terms: Names,
});

/**
 * What the recognizer (lib/recognize) needs beyond the entities' names: extra name forms, descriptions, gating
 * cues and weights. Compiled at build time into a small matcher table. Entity ids refer to `entities`.
 */
export const Recognition = z.object({
  note: z.string().optional(),
  /** Name tokens that make an event/venue name specific (Crocus, Крокус, クロッカス, ...). */
  markers: z.array(NonEmpty).min(1),
  /**
   * Event/venue names or descriptions that contain a marker but are still ambiguous alone ("Crocus", "Crocus City",
   * "Krasnogorsk shooting": a town of 175,000 has other shootings).
   */
  weakNames: z.array(NonEmpty).optional(),
  /** Words that alternate inside names (Ukrainian у/в): each name is also matched with the variants. */
  wordVariants: z.record(z.string(), z.array(NonEmpty)).optional(),
  /** Matching rules per script: suffix letters allowed after a name, inner-word inflection, prefixes, stem vowels. */
  scripts: z.object({
    suffix: z.record(z.string(), z.number().int().min(0).max(20)),
    starSuffix: z.number().int().min(0).max(30),
    gap: z.number().int().min(0).max(10),
    /**
     * Letters that may be attached before a name (Hebrew ב, Arabic ال...). `beforeCapital`: only before a name
     * written with a capital, the prefix in lower case (the noun-class prefixes of Zulu, Xhosa, Shona, Chichewa:
     * eKrasnogorsk, kwiRashiya, lwaseCrocus City Hall).
     */
    prefixes: z
      .record(z.string(), z.object({ letters: NonEmpty, max: z.number().int().min(1).max(5), beforeCapital: z.boolean().optional() }))
      .optional(),
    vowels: z.record(z.string(), NonEmpty).optional(),
    minStem: z.number().int().min(1).max(10),
  }),
  /** Scores that decide whether a page is about the attack. */
  weights: z.object({
    threshold: z.number(),
    /**
     * Topical evidence a page needs when its only anchors are ambiguous names or descriptions: the sum of topical
     * cue groups and of the weights (each at least 0.5) of the entities it mentions.
     */
    topical: z.number().optional(),
    /**
     * Topical evidence with which a page that names the venue or the event but scores below the threshold (its cues
     * speak of the owners' business, the band, the town) is about the attack in sections only: an encyclopedia
     * article on Aras Agalarov with a section on the attack. Absent: such a page is not about it at all.
     */
    aside: z.number().optional(),
    strongEvent: z.number(),
    strongVenue: z.number(),
    weak: z.number(),
    description: z.number(),
    entityDefault: z.record(EntityType, z.number()),
    entities: z.record(EntityId, z.number()).optional(),
  }),
  /** Entities whose one-word names serve as tokens of the quick pre-filter (Moscow, Moscow Oblast, Krasnogorsk). */
  quickAnchors: z.array(EntityId).optional(),
  /** Entities (besides the event and venue) whose mention alone can anchor a page: the gunmen. */
  anchors: z.array(EntityId).optional(),
  /**
   * Entity types that count as context but are not highlighted: a reader gains nothing from every "Russia" or
   * "United States" on a page being marked, while their mention still says what the page is about.
   */
  quietTypes: z.array(EntityType).optional(),
  /** Name forms the recognizer needs beyond `entities[].names` (inflections, transliterations), per entity. */
  names: z.record(EntityId, Names).optional(),
  /** Phrases that refer to the event or venue without its name ("the concert hall near Moscow"); always gated. */
  descriptions: z.record(EntityId, Names).optional(),
  cues: z.array(RecognitionCue),
  /**
   * Descriptions found by proximity: a cue of group `group` within `window` words of a mention of one of `places`
   * describes `entity` ("a concert venue outside Moscow", "Moskova'daki konser salonuna", "zamach w
   * podmoskiewskim Krasnogorsku"). Gated like every description.
   */
  proximity: z
    .array(z.object({ entity: EntityId, group: NonEmpty, places: z.array(EntityId).min(1), window: z.number().int().min(0).max(10) }))
    .optional(),
});

export const KnowledgePack = z.object({
  /** Semantic version of the pack's content. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must be semver'),
  /** The date the pack is current as of. */
  currentAsOf: IsoDate,
  title: NonEmpty,
  event: EventCore,
  entities: z.array(Entity).min(1),
  sources: z.array(Source).min(1),
  claims: z.array(Claim),
  conflicts: z.array(Conflict),
  discrepancies: z.array(Discrepancy),
  timeline: z.array(TimelineEntry),
  /** What could not be verified: shown so readers know where the record is thin. */
  unverified: z.array(Unverified),
  seed: z.object({ source: SourceId, file: NonEmpty, statements: z.array(SeedStatement).min(1) }),
  /** Recognizer data (optional for now: without it the recognizer uses the entities' names with built-in defaults). */
  recognition: Recognition.optional(),
});

export type IsoDate = z.infer<typeof IsoDate>;
export type DateInfo = z.infer<typeof DateInfo>;
export type Source = z.infer<typeof Source>;
export type EntityType = z.infer<typeof EntityType>;
export type Entity = z.infer<typeof Entity>;
export type Names = z.infer<typeof Names>;
export type Fact = z.infer<typeof Fact>;
export type CasualtyFigure = z.infer<typeof CasualtyFigure>;
export type Attribution = z.infer<typeof Attribution>;
export type Quote = z.infer<typeof Quote>;
export type Claim = z.infer<typeof Claim>;
export type CueTerms = z.infer<typeof CueTerms>;
export type CueGroup = z.infer<typeof CueGroup>;
export type ClaimCues = z.infer<typeof ClaimCues>;
export type Conflict = z.infer<typeof Conflict>;
export type Discrepancy = z.infer<typeof Discrepancy>;
export type TimelineType = z.infer<typeof TimelineType>;
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export type SeedStatement = z.infer<typeof SeedStatement>;
export type EventCore = z.infer<typeof EventCore>;
export type RecognitionCue = z.infer<typeof RecognitionCue>;
export type Recognition = z.infer<typeof Recognition>;
export type KnowledgePack = z.infer<typeof KnowledgePack>;
