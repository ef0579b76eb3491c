/**
 * The small, JSON-serialisable subset of the pack that the in-page hover card needs. The page never gets
 * the whole pack (see the architecture notes): only this, built at build time into `virtual:crocus/card`.
 * Pure: no fs, no browser API.
 */
import type { Claim, EntityType, KnowledgePack } from './schema';
import { ancestry, currentCasualtyFigure, displayName, formatIsoDate, indexPack, sourcesOf, stateOf } from './load';

export interface CardEntity {
  name: string;
  type: EntityType;
  description: string;
  /** Ids of the claims this entity made, oldest first (details in `CardData.claims`). */
  claims: string[];
}

export type Qualifier = 'about' | 'more than' | 'at least';

export interface CardCasualties {
  /** Casualty figure id (K..). */
  id: string;
  dead?: number;
  deadQualifier?: Qualifier;
  injured?: number;
  injuredQualifier?: Qualifier;
  /** Display name of whoever published the figure. */
  publishedBy: string;
  /** ISO date the figure is as of. */
  asOf: string;
  official: boolean;
}

export interface CardEvent {
  /** Entity ids of the event and the venue. */
  id: string;
  venueId: string;
  name: string;
  venueName: string;
  /** ISO date of the attack, and its local start time if known. */
  date: string;
  time?: string;
  /** Short: the venue's town and region ("Krasnogorsk, Moscow Oblast"), from the venue's `partOf` places. */
  place: string;
  casualties: CardCasualties;
  /** A neutral one-line summary of who claimed or alleged what, derived from the claims' attributes. */
  attribution: string;
  counts: { claims: number; timeline: number; conflicts: number };
}

/** A source as the claim card cites it: the original outlet first ("Reuters, via Yahoo News"). */
export interface CardSource {
  outlet: string;
  date: string;
  /** https only (the schema guarantees it). */
  url: string;
}

/** A claim as the claim card shows it; the conflicts it takes part in are listed by id. */
export interface CardClaimDetail {
  claimant: string;
  date: string;
  statement: string;
  sources: CardSource[];
  conflicts: string[];
}

/** A conflict: its neutral subject and its sides, each a position and claim ids. */
export interface CardConflict {
  subject: string;
  sides: { position: string; claims: string[] }[];
}

export interface CardData {
  title: string;
  version: string;
  currentAsOf: string;
  event: CardEvent;
  entities: Record<string, CardEntity>;
  /** Every claim, for the card of a sentence that reports one, and the conflicts between them. */
  claims: Record<string, CardClaimDetail>;
  conflicts: Record<string, CardConflict>;
}

/** Sources listed per claim in the card (the panel lists them all). */
const CARD_SOURCES = 3;

function cardClaims(pack: KnowledgePack): Record<string, CardClaimDetail> {
  const idx = indexPack(pack);
  const out: Record<string, CardClaimDetail> = {};
  for (const c of pack.claims) {
    out[c.id] = {
      claimant: idx.entities.get(c.claimant)?.name ?? c.claimant,
      date: c.when.date,
      statement: c.statement,
      sources: sourcesOf(pack, c)
        .slice(0, CARD_SOURCES)
        .map((src) => ({
          outlet: src.originalOutlet && src.originalOutlet !== src.publisher ? `${src.originalOutlet}, via ${src.publisher}` : src.publisher,
          date: src.date,
          url: src.url,
        })),
      conflicts: (idx.conflictsByClaim.get(c.id) ?? []).map((x) => x.id),
    };
  }
  return out;
}

function cardConflicts(pack: KnowledgePack): Record<string, CardConflict> {
  return Object.fromEntries(
    pack.conflicts.map((x) => [x.id, { subject: x.subject, sides: x.sides.map((side) => ({ position: side.position, claims: side.claims })) }]),
  );
}

export function cardData(pack: KnowledgePack): CardData {
  const idx = indexPack(pack);
  const ev = pack.event;
  const k = currentCasualtyFigure(pack);
  const casualties: CardCasualties = {
    id: k.id,
    ...(k.dead !== undefined ? { dead: k.dead } : {}),
    ...(k.deadQualifier !== undefined ? { deadQualifier: k.deadQualifier } : {}),
    ...(k.injured !== undefined ? { injured: k.injured } : {}),
    ...(k.injuredQualifier !== undefined ? { injuredQualifier: k.injuredQualifier } : {}),
    publishedBy: displayName(pack, k.publishedBy),
    asOf: k.asOf.date,
    official: k.official,
  };
  const event: CardEvent = {
    id: ev.entity,
    venueId: ev.venue,
    name: idx.entities.get(ev.entity)?.name ?? ev.entity,
    venueName: idx.entities.get(ev.venue)?.name ?? ev.venue,
    date: ev.when.date,
    ...(ev.when.time !== undefined ? { time: ev.when.time } : {}),
    place: shortPlace(pack, ev.venue) || ev.place.text,
    casualties,
    attribution: attributionLine(pack),
    counts: { claims: pack.claims.length, timeline: pack.timeline.length, conflicts: pack.conflicts.length },
  };
  const entities: Record<string, CardEntity> = {};
  for (const e of pack.entities) {
    const claims = [...(idx.claimsByClaimant.get(e.id) ?? [])].sort(byDate).map((c) => c.id);
    entities[e.id] = { name: e.name, type: e.type, description: e.description, claims };
  }
  return { title: pack.title, version: pack.version, currentAsOf: pack.currentAsOf, event, entities, claims: cardClaims(pack), conflicts: cardConflicts(pack) };
}

/** The places a venue belongs to, nearest first: "Krasnogorsk, Moscow Oblast". */
function shortPlace(pack: KnowledgePack, venue: string): string {
  return ancestry(pack, venue)
    .filter((e) => e.type === 'place')
    .map((e) => e.name)
    .join(', ');
}

function byDate(a: Claim, b: Claim): number {
  return a.when.date < b.when.date ? -1 : a.when.date > b.when.date ? 1 : 0;
}

/** Roles that point at someone as behind the attack. */
const ALLEGED_ROLES = new Set(['perpetrator', 'organiser', 'sponsor', 'provocateur']);

/** "the United States", "Russia": state names that read with an article. */
function withArticle(name: string): string {
  return /^(United |Netherlands|Philippines|Czech Republic|Russian Federation)/.test(name) ? `the ${name}` : name;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * One neutral line, computed from the claims' attributes:
 *   "<group> claimed responsibility (<date>); officials in <state> alleged involvement by <state>, which <state> denied; ..."
 * - responsibility: the targets of `claimed-responsibility` attributes, with the earliest such claim's date;
 * - allegations: perpetrator/organiser/sponsor/provocateur attributes of claims made from within a state (the
 *   claimant or an entity it is part of is a state) against another state (the target or what it is part of).
 *   Grouped by alleging state; a target is listed when at least two claims name it or it is the group's most
 *   named; at most three groups, the most-claimed first;
 * - denials: `not-involved` claims made from within the accused state about itself.
 */
export function attributionLine(pack: KnowledgePack): string {
  const idx = indexPack(pack);
  const name = (id: string) => idx.entities.get(id)?.name ?? id;
  const claims = [...pack.claims].sort(byDate);

  // Who claimed responsibility, earliest first.
  const responsible = new Map<string, string>();
  for (const c of claims) {
    for (const a of c.attributes) {
      if (a.role === 'claimed-responsibility' && !responsible.has(a.target)) responsible.set(a.target, c.when.date);
    }
  }
  const clauses: string[] = [];
  if (responsible.size > 0) {
    const names = [...responsible.keys()].map(name);
    const first = [...responsible.values()][0] ?? '';
    clauses.push(`${joinList(names)} claimed responsibility (${formatIsoDate(first)})`);
  }

  // State-to-state allegations, grouped by the alleging state.
  interface Group {
    count: number;
    first: string;
    targets: Map<string, number>;
  }
  const groups = new Map<string, Group>();
  const denials = new Set<string>();
  for (const c of claims) {
    const state = stateOf(pack, c.claimant)?.id;
    if (state === undefined) continue;
    const accused = new Set<string>();
    for (const a of c.attributes) {
      const side = stateOf(pack, a.target)?.id;
      if (side === undefined) continue;
      if (a.role === 'not-involved' && side === state) denials.add(state);
      if (ALLEGED_ROLES.has(a.role) && side !== state) accused.add(side);
    }
    if (accused.size === 0) continue;
    let g = groups.get(state);
    if (!g) {
      g = { count: 0, first: c.when.date, targets: new Map() };
      groups.set(state, g);
    }
    g.count++;
    for (const side of accused) g.targets.set(side, (g.targets.get(side) ?? 0) + 1);
  }
  const ranked = [...groups]
    .sort(([, a], [, b]) => b.count - a.count || (a.first < b.first ? -1 : 1))
    .slice(0, 3);
  for (const [state, g] of ranked) {
    const sorted = [...g.targets].sort((a, b) => b[1] - a[1]);
    const targets = sorted.filter(([, n], i) => i === 0 || n >= 2).slice(0, 3).map(([id]) => id);
    let clause = `officials in ${withArticle(name(state))} alleged involvement by ${joinList(targets.map((id) => withArticle(name(id))))}`;
    const deniers = targets.filter((id) => denials.has(id)).map((id) => withArticle(name(id)));
    if (deniers.length > 0) clause += `, which ${joinList(deniers)} denied`;
    clauses.push(clause);
  }
  if (clauses.length === 0) return 'No claim of responsibility or attribution is recorded in the pack';
  const line = clauses.join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}
