/**
 * What the panel shows, derived from the pack: pure functions, no DOM and no browser API, tested directly.
 */
import { ancestry, indexPack } from '@/lib/knowledge/load';
import type { Attribution, Claim, Conflict, Entity, KnowledgePack, Source, TimelineEntry, TimelineType } from '@/lib/knowledge/schema';
import { TIMELINE_TYPES } from '@/lib/knowledge/timeline-types';

export type Role = Attribution['role'];

/** The order attribution groups are listed in: who claimed it, who was named as behind it, then the rest. */
export const ROLE_ORDER: readonly Role[] = [
  'claimed-responsibility',
  'perpetrator',
  'organiser',
  'sponsor',
  'provocateur',
  'had-prior-knowledge',
  'warned',
  'not-involved',
];

/** An entity's display name, or the id itself when the pack has no such entity. */
export function nameOf(pack: KnowledgePack, id: string): string {
  return indexPack(pack).entities.get(id)?.name ?? id;
}

/** "Alexander Bortnikov" plus the body it belongs to ("Federal Security Service (FSB)"), if any. */
export function claimantLabel(pack: KnowledgePack, id: string): { name: string; partOf?: string } {
  const [self, parent] = ancestry(pack, id);
  const name = self?.name ?? id;
  if (!parent || self?.type === 'state' || parent.type === 'place') return { name };
  return { name, partOf: parent.name };
}

function byWhen(a: Claim, b: Claim): number {
  return a.when.date.localeCompare(b.when.date) || a.id.localeCompare(b.id, 'en', { numeric: true });
}

export interface AttributionGroup {
  /** DOM id of the group, stable across renders. */
  key: string;
  target: string;
  role: Role;
  claims: Claim[];
}

export function attributionKey(target: string, role: Role): string {
  return `attr-${target}-${role}`;
}

/**
 * Claims grouped by attribution target and role (one claim can sit in several groups), oldest claim first.
 * Groups are ordered by role (ROLE_ORDER), then by number of claims, then by the target's name.
 */
export function attributionGroups(pack: KnowledgePack): { groups: AttributionGroup[]; unattributed: Claim[] } {
  const map = new Map<string, AttributionGroup>();
  const unattributed: Claim[] = [];
  for (const c of pack.claims) {
    if (c.attributes.length === 0) unattributed.push(c);
    for (const a of c.attributes) {
      const key = attributionKey(a.target, a.role);
      let g = map.get(key);
      if (!g) {
        g = { key, target: a.target, role: a.role, claims: [] };
        map.set(key, g);
      }
      if (!g.claims.includes(c)) g.claims.push(c);
    }
  }
  const groups = [...map.values()];
  for (const g of groups) g.claims.sort(byWhen);
  groups.sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      b.claims.length - a.claims.length ||
      nameOf(pack, a.target).localeCompare(nameOf(pack, b.target)),
  );
  unattributed.sort(byWhen);
  return { groups, unattributed };
}

/** Distinct claimants of a list of claims, in order of first appearance. */
export function claimantsOf(claims: readonly Claim[]): string[] {
  return [...new Set(claims.map((c) => c.claimant))];
}

export interface Option {
  value: string;
  label: string;
  count: number;
}

/** Everyone acting in the timeline, by name, with the number of entries each acts in. */
export function timelineActors(pack: KnowledgePack): Option[] {
  const counts = new Map<string, number>();
  for (const e of pack.timeline) for (const a of new Set(e.actors)) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, label: nameOf(pack, value), count }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The entry types present in the timeline, in TIMELINE_TYPES order, with counts. */
export function timelineTypes(pack: KnowledgePack): { value: TimelineType; count: number }[] {
  const counts = new Map<TimelineType, number>();
  for (const e of pack.timeline) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return TIMELINE_TYPES.filter((x) => counts.has(x)).map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

export function filterTimeline(entries: readonly TimelineEntry[], filter: { actor?: string; type?: string }): TimelineEntry[] {
  return entries.filter((e) => (!filter.actor || e.actors.includes(filter.actor)) && (!filter.type || e.type === filter.type));
}

/**
 * True when an entry certainly happened after `published` (ISO, any precision): compared at the precision both
 * dates share, so an entry dated "2024-05" is not counted as after an article of 24 May 2024, and an entry on the
 * day of publication counts as before it (the article may report it).
 */
export function isAfter(entryDate: string, published: string): boolean {
  const n = Math.min(entryDate.length, published.length);
  return entryDate.slice(0, n) > published.slice(0, n);
}

/**
 * Where the "published here" marker goes in a chronological list: before the first entry that certainly happened
 * after publication (`entries.length` when none did), and how many entries certainly happened after it.
 */
export function publishedMarker(entries: readonly TimelineEntry[], published: string): { index: number; since: number } {
  let index = entries.length;
  let since = 0;
  entries.forEach((e, i) => {
    if (isAfter(e.when.date, published)) {
      since++;
      if (index === entries.length) index = i;
    }
  });
  return { index, since };
}

/** The entity and every entity that is (transitively) part of it. */
function selfAndParts(pack: KnowledgePack, id: string): Set<string> {
  const partsOf = indexPack(pack).partsOf;
  const out = new Set<string>([id]);
  const queue = [id];
  while (queue.length > 0) {
    const cur = queue.shift() as string;
    for (const child of partsOf.get(cur) ?? []) {
      if (!out.has(child.id)) {
        out.add(child.id);
        queue.push(child.id);
      }
    }
  }
  return out;
}

export interface EntityFocusData {
  entity: Entity;
  /** The bodies it belongs to, nearest first. */
  partOf: Entity[];
  /** Claims made by the entity or by people and bodies that are part of it, oldest first. */
  claimsBy: Claim[];
  /** Attribution groups that name the entity as target. */
  namedIn: AttributionGroup[];
  /** Timeline entries it acts in. */
  timeline: number;
  /** Conflicts in which its claims, or claims naming it, take part, in pack order. */
  conflicts: Conflict[];
}

export function entityFocus(pack: KnowledgePack, id: string): EntityFocusData | undefined {
  const idx = indexPack(pack);
  const entity = idx.entities.get(id);
  if (!entity) return undefined;
  const members = selfAndParts(pack, id);
  const claimsBy = pack.claims.filter((c) => members.has(c.claimant)).sort(byWhen);
  const namedIn = attributionGroups(pack).groups.filter((g) => g.target === id);
  const related = new Set<string>([...claimsBy.map((c) => c.id), ...(idx.claimsByTarget.get(id) ?? []).map((c) => c.id)]);
  const conflicts = pack.conflicts.filter((x) => x.sides.some((s) => s.claims.some((c) => related.has(c))));
  return {
    entity,
    partOf: ancestry(pack, id).slice(1),
    claimsBy,
    namedIn,
    timeline: idx.timelineByActor.get(id)?.length ?? 0,
    conflicts,
  };
}

/** The address to link to: only https URLs are links; anything else is shown as text. */
export function safeHttpsUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** What the source's publisher line says: the original outlet first, "Reuters, via Yahoo News". */
export function sourceOutlet(source: Source): { outlet: string; via?: string } {
  const original = source.originalOutlet?.trim();
  if (original && original !== source.publisher) return { outlet: original, via: source.publisher };
  return { outlet: source.publisher };
}

/** Sources whose publisher, outlet, title or id contains `query` (case-insensitive). */
export function filterSources(sources: readonly Source[], query: string): Source[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...sources];
  return sources.filter((s) =>
    [s.id, s.publisher, s.originalOutlet ?? '', s.title].some((field) => field.toLocaleLowerCase().includes(q)),
  );
}

/** Number of the conflict as the Conflicts section shows it (1-based, pack order). */
export function conflictNumber(pack: KnowledgePack, id: string): number {
  return pack.conflicts.findIndex((x) => x.id === id) + 1;
}
