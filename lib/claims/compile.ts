/**
 * Compiles the cues of the pack's claims into the matcher table (build time). Names come from the entities
 * (and the recognizer's extra name forms where the pack has them); nothing in here is specific to one claim.
 */
import type { Entity, KnowledgePack } from '../knowledge/schema';
import { namePatterns, termPattern } from './patterns';
import type { ClaimTable, TableClaim, TableGroup } from './types';

/** Weight of an institution the claimant belongs to ("the FSB said" for the FSB director's claim). */
export const ANCESTOR_WEIGHT = 0.8;
export const DEFAULT_MIN_SCORE = 2;
export const DEFAULT_MIN_GROUPS = 2;

export function compileClaimTable(pack: KnowledgePack): ClaimTable {
  const entityById = new Map(pack.entities.map((e) => [e.id, e]));
  const extraNames = (pack as { recognition?: RecognitionLike }).recognition?.names ?? {};

  const patterns: string[] = [];
  const patternIndex = new Map<string, number>();
  const pattern = (p: string): number | undefined => {
    if (p === '') return undefined;
    let i = patternIndex.get(p);
    if (i === undefined) {
      i = patterns.length;
      patterns.push(p);
      patternIndex.set(p, i);
    }
    return i;
  };
  const termIds = (terms: Record<string, string[]> | undefined): number[] => {
    const out = new Set<number>();
    for (const list of Object.values(terms ?? {})) {
      for (const t of list) {
        const i = pattern(termPattern(t));
        if (i !== undefined) out.add(i);
      }
    }
    return [...out];
  };

  const entities: ClaimTable['entities'] = [];
  const entityIndex = new Map<string, number>();
  const entity = (id: string): number | undefined => {
    const known = entityIndex.get(id);
    if (known !== undefined) return known;
    const e = entityById.get(id);
    if (!e) return undefined;
    const p = new Set<number>();
    const names = [...Object.values(e.names).flat(), ...Object.values(extraNames[id] ?? {}).flat()];
    for (const name of names) {
      for (const np of namePatterns(name, e.type === 'person')) {
        const i = pattern(np);
        if (i !== undefined) p.add(i);
      }
    }
    const i = entities.length;
    entities.push({ id, p: [...p] });
    entityIndex.set(id, i);
    return i;
  };

  /** The institutions (and groups) an entity belongs to, transitively, up to (not including) a state or place. */
  const institutions = (e: Entity): string[] => {
    const out: string[] = [];
    const queue = [...(e.partOf ?? [])];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      const p = entityById.get(id);
      if (!p || (p.type !== 'institution' && p.type !== 'group') || out.includes(id)) continue;
      out.push(id);
      queue.push(...(p.partOf ?? []));
    }
    return out;
  };

  const sidesOf = new Map<string, string[]>();
  for (const x of pack.conflicts) {
    x.sides.forEach((side, s) => {
      for (const id of side.claims) sidesOf.set(id, [...(sidesOf.get(id) ?? []), `${x.id}:${s}`]);
    });
  }

  const speakers = new Set<number>();
  const claims: TableClaim[] = [];
  for (const c of pack.claims) {
    const cues = c.cues;
    if (!cues) continue;
    const claimant = entityById.get(c.claimant);
    const claimantIdx = entity(c.claimant);
    if (!claimant || claimantIdx === undefined) continue;
    const sp = new Map<number, number>([[claimantIdx, 1]]);
    for (const id of institutions(claimant)) {
      const i = entity(id);
      if (i !== undefined && !sp.has(i)) sp.set(i, ANCESTOR_WEIGHT);
    }
    for (const s of cues.speakers ?? []) {
      const i = entity(s.entity);
      if (i !== undefined) sp.set(i, Math.max(s.weight, i === claimantIdx ? 1 : 0));
    }
    for (const i of sp.keys()) speakers.add(i);

    const about = new Set<number>();
    const groups: TableGroup[] = [];
    for (const t of cues.targets ?? []) {
      const i = entity(t);
      if (i === undefined) continue;
      about.add(i);
      groups.push({ p: [], e: [i], w: 1 });
    }
    for (const g of cues.groups) {
      const e: number[] = [];
      for (const id of g.entities ?? []) {
        const i = entity(id);
        if (i !== undefined) {
          e.push(i);
          about.add(i);
        }
      }
      const group: TableGroup = { p: termIds(g.terms), e, w: g.weight ?? 1 };
      if (g.required) group.r = 1;
      if (group.p.length > 0 || group.e.length > 0) groups.push(group);
    }
    for (const a of c.attributes) {
      const i = entity(a.target);
      if (i !== undefined) about.add(i);
    }
    for (const i of sp.keys()) about.delete(i);

    const tc: TableClaim = {
      id: c.id,
      sp: [...sp],
      about: [...about],
      g: groups,
      d: [c.when.date, ...(c.when.dateEnd ? [c.when.dateEnd] : [])],
      minG: cues.minGroups ?? DEFAULT_MIN_GROUPS,
      min: cues.minScore ?? DEFAULT_MIN_SCORE,
    };
    if (cues.speakerTerms) tc.st = { p: termIds(cues.speakerTerms.terms), w: cues.speakerTerms.weight };
    const neg = termIds(cues.negative);
    if (neg.length > 0) tc.neg = neg;
    if (cues.dates && cues.dates.length > 0) tc.cd = [...cues.dates];
    const x = sidesOf.get(c.id);
    if (x) tc.x = x;
    claims.push(tc);
  }

  // What shows that a text is about the event: names and descriptions of the event and the venue, and the
  // recognizer's positive context cues (numbers alone, such as a year or a toll, are left out).
  const topic = new Set<number>();
  const addTopic = (p: string) => {
    const i = pattern(p);
    if (i !== undefined) topic.add(i);
  };
  const recognition = (pack as { recognition?: RecognitionLike }).recognition;
  for (const id of [pack.event.entity, pack.event.venue]) {
    const e = entityById.get(id);
    const names = [...Object.values(e?.names ?? {}).flat(), ...Object.values(recognition?.descriptions?.[id] ?? {}).flat()];
    for (const name of names) for (const np of namePatterns(name, false)) addTopic(np);
  }
  for (const cue of recognition?.cues ?? []) {
    if (cue.weight < 1) continue;
    for (const t of Object.values(cue.terms).flat()) {
      const tp = termPattern(t);
      if (/\p{L}/u.test(tp)) addTopic(tp);
    }
  }

  return { format: 1, event: pack.event.when.date, patterns, entities, speakers: [...speakers], claims, topic: [...topic] };
}

interface RecognitionLike {
  names?: Record<string, Record<string, string[]>>;
  descriptions?: Record<string, Record<string, string[]>>;
  cues?: { weight: number; terms: Record<string, string[]> }[];
}
