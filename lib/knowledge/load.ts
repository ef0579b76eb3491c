/**
 * Reading a validated knowledge pack, shared by every consumer (panel, hover card, recognizer build, CLI, tests).
 * Pure: no fs, no browser API and no validator (the pack is validated at build time; `validate.ts` and its zod
 * schemas stay out of the panel's bundle). Reading the pack from disk lives in `load-node.ts`, for Node code only.
 */
import type { CasualtyFigure, Claim, Conflict, Discrepancy, Entity, KnowledgePack, Source, TimelineEntry } from './schema';

export type { KnowledgePack } from './schema';

export interface PackIndex {
  entities: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  claims: ReadonlyMap<string, Claim>;
  timeline: ReadonlyMap<string, TimelineEntry>;
  conflicts: ReadonlyMap<string, Conflict>;
  discrepancies: ReadonlyMap<string, Discrepancy>;
  casualties: ReadonlyMap<string, CasualtyFigure>;
  /** Claims made by each entity (claimant id → claims, in pack order). */
  claimsByClaimant: ReadonlyMap<string, readonly Claim[]>;
  /** Claims that name each entity as an attribution target. */
  claimsByTarget: ReadonlyMap<string, readonly Claim[]>;
  /** Conflicts each claim takes part in. */
  conflictsByClaim: ReadonlyMap<string, readonly Conflict[]>;
  /** Timeline entries each entity acts in. */
  timelineByActor: ReadonlyMap<string, readonly TimelineEntry[]>;
  /** Timeline entries each claim is made in. */
  timelineByClaim: ReadonlyMap<string, readonly TimelineEntry[]>;
  /** Direct children of each entity (the reverse of `partOf`). */
  partsOf: ReadonlyMap<string, readonly Entity[]>;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

const indexCache = new WeakMap<KnowledgePack, PackIndex>();

/** Maps by id and the reverse indexes consumers need. Cached per pack object. */
export function indexPack(pack: KnowledgePack): PackIndex {
  const cached = indexCache.get(pack);
  if (cached) return cached;
  const claimsByClaimant = new Map<string, Claim[]>();
  const claimsByTarget = new Map<string, Claim[]>();
  for (const c of pack.claims) {
    pushTo(claimsByClaimant, c.claimant, c);
    for (const a of c.attributes) pushTo(claimsByTarget, a.target, c);
  }
  const conflictsByClaim = new Map<string, Conflict[]>();
  for (const x of pack.conflicts) for (const side of x.sides) for (const id of side.claims) pushTo(conflictsByClaim, id, x);
  const timelineByActor = new Map<string, TimelineEntry[]>();
  const timelineByClaim = new Map<string, TimelineEntry[]>();
  for (const t of pack.timeline) {
    for (const a of t.actors) pushTo(timelineByActor, a, t);
    for (const c of t.claims ?? []) pushTo(timelineByClaim, c, t);
  }
  const partsOf = new Map<string, Entity[]>();
  for (const e of pack.entities) for (const p of e.partOf ?? []) pushTo(partsOf, p, e);
  const index: PackIndex = {
    entities: byId(pack.entities),
    sources: byId(pack.sources),
    claims: byId(pack.claims),
    timeline: byId(pack.timeline),
    conflicts: byId(pack.conflicts),
    discrepancies: byId(pack.discrepancies),
    casualties: byId(pack.event.casualties),
    claimsByClaimant,
    claimsByTarget,
    conflictsByClaim,
    timelineByActor,
    timelineByClaim,
    partsOf,
  };
  indexCache.set(pack, index);
  return index;
}

/** The casualty figure the pack marks as current (validation guarantees it exists). */
export function currentCasualtyFigure(pack: KnowledgePack): CasualtyFigure {
  const id = pack.event.currentCasualtyFigure;
  const figure = pack.event.casualties.find((k) => k.id === id);
  if (!figure) throw new Error(`knowledge pack: current casualty figure "${id}" not found`);
  return figure;
}

/** The sources of any sourced item, in the item's order (unknown ids are skipped). */
export function sourcesOf(pack: KnowledgePack, item: { sources?: readonly string[] | undefined }): Source[] {
  const sources = indexPack(pack).sources;
  const out: Source[] = [];
  for (const id of item.sources ?? []) {
    const s = sources.get(id);
    if (s) out.push(s);
  }
  return out;
}

/** Display name for a `publishedBy`/`reportedBy` value: the entity's name when it is an entity id, else the value. */
export function displayName(pack: KnowledgePack, idOrName: string): string {
  return indexPack(pack).entities.get(idOrName)?.name ?? idOrName;
}

/** The entity and every entity it is (transitively) part of, nearest first. */
export function ancestry(pack: KnowledgePack, entityId: string): Entity[] {
  const entities = indexPack(pack).entities;
  const out: Entity[] = [];
  const seen = new Set<string>();
  const queue = [entityId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const e = entities.get(id);
    if (!e) continue;
    out.push(e);
    queue.push(...(e.partOf ?? []));
  }
  return out;
}

/** The state an entity belongs to (itself when it is one), following `partOf`; undefined for groups etc. */
export function stateOf(pack: KnowledgePack, entityId: string): Entity | undefined {
  return ancestry(pack, entityId).find((e) => e.type === 'state');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "22 Mar 2024", "Mar 2024" or "2024" for an ISO date of any precision. */
export function formatIsoDate(iso: string): string {
  const [y = '', m, d] = iso.split('-');
  const month = m !== undefined ? MONTHS[Number(m) - 1] : undefined;
  if (month === undefined) return y;
  if (d === undefined) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}
