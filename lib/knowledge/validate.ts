/**
 * Validates a knowledge pack: the zod schema first (shape of each record), then the cross-reference
 * checks the schema cannot express (dangling ids, duplicate ids, conflicts with one claimant, dates after
 * `currentAsOf`, ...). Every error names a JSON path such as `$.claims[id=C04].claimant` so an editor can
 * find the record; array elements are named by their id where they have a unique one, else by index.
 *
 * Pure: no fs, no browser API. The same code runs in the build plugin, the CLI and the tests.
 */
import type { z } from 'zod';
import {
  Claim,
  Conflict,
  Discrepancy,
  Entity,
  EntityId,
  EventCore,
  KnowledgePack,
  Source,
  TimelineEntry,
  Unverified,
  SeedStatement,
  type Claim as ClaimRecord,
  type DateInfo,
  type Fact,
} from './schema';

export interface PackError {
  /** JSON path of the offending value: `$.claims[id=C04].claimant`, `$.sources[3].url`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; pack: KnowledgePack } | { ok: false; errors: PackError[] };

export class PackValidationError extends Error {
  readonly errors: PackError[];
  constructor(errors: PackError[], label = 'knowledge pack') {
    super(`${label} is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${formatErrors(errors)}`);
    this.name = 'PackValidationError';
    this.errors = errors;
  }
}

/** One error per line, `path: message`. */
export function formatErrors(errors: readonly PackError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

export function validatePack(data: unknown): ValidationResult {
  const errors: PackError[] = [];
  const format = makePathFormatter(data);
  const push = (path: Segment[], message: string) => errors.push({ path: format(path), message });

  const parsed = KnowledgePack.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) push(issue.path as Segment[], describeIssue(data, issue));
  }
  // Cross-reference checks run even when the schema failed, on the records that parsed, so one run reports
  // as much as possible.
  crossCheck(data, push);

  if (errors.length > 0 || !parsed.success) return { ok: false, errors: dedupe(errors) };
  return { ok: true, pack: parsed.data };
}

/** Returns the validated pack or throws a `PackValidationError` listing every error, one per line. */
export function assertValidPack(data: unknown, label?: string): KnowledgePack {
  const result = validatePack(data);
  if (!result.ok) throw new PackValidationError(result.errors, label);
  return result.pack;
}

// ---------------------------------------------------------------------------------------------------------
// Paths

type Segment = string | number | symbol;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function getAt(data: unknown, path: readonly Segment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isRecord(cur) && typeof seg === 'string') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** Formats path segments against the data: array elements with a unique string id become `[id=X]`. */
function makePathFormatter(data: unknown): (path: readonly Segment[]) => string {
  const uniqueIds = new WeakMap<unknown[], Set<string>>();
  const unique = (arr: unknown[]): Set<string> => {
    let set = uniqueIds.get(arr);
    if (!set) {
      const seen = new Map<string, number>();
      for (const el of arr) {
        const id = isRecord(el) ? el.id : undefined;
        if (typeof id === 'string') seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      set = new Set([...seen].filter(([, n]) => n === 1).map(([id]) => id));
      uniqueIds.set(arr, set);
    }
    return set;
  };
  return (path) => {
    let out = '$';
    let cur: unknown = data;
    for (const seg of path) {
      if (typeof seg === 'number') {
        const el = Array.isArray(cur) ? cur[seg] : undefined;
        const id = isRecord(el) ? el.id : undefined;
        out += Array.isArray(cur) && typeof id === 'string' && /^[\w.-]+$/.test(id) && unique(cur).has(id) ? `[id=${id}]` : `[${seg}]`;
        cur = el;
      } else {
        const key = String(seg);
        out += /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
        cur = isRecord(cur) ? cur[key] : undefined;
      }
    }
    return out;
  };
}

function dedupe(errors: PackError[]): PackError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Field-specific wording for a missing required field. */
const MISSING_HINTS: Record<string, string> = {
  sources: 'needs at least one source (field "sources" is missing)',
  publisher: 'a source needs a publisher (field "publisher" is missing)',
  date: 'needs a date (field "date" is missing)',
  url: 'a source needs an address (field "url" is missing)',
  claimant: 'a claim needs a claimant (field "claimant" is missing)',
  id: 'needs an id (field "id" is missing)',
};

function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path as Segment[];
  const last = path[path.length - 1];
  if (issue.code === 'invalid_type' && path.length > 0 && getAt(data, path) === undefined) {
    const parent = getAt(data, path.slice(0, -1));
    if (isRecord(parent) && !(String(last) in parent)) {
      return MISSING_HINTS[String(last)] ?? `required field "${String(last)}" is missing`;
    }
  }
  if (last === 'sources' && issue.code === 'too_small') return 'needs at least one source';
  return issue.message;
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Earliest and latest day an ISO date of any precision can mean, as YYYY-MM-DD (comparable as strings). */
export function dateSpan(iso: string): { first: string; last: string } {
  const [y = '0000', m, d] = iso.split('-');
  if (d !== undefined && m !== undefined) return { first: iso, last: iso };
  if (m !== undefined) {
    const year = Number(y);
    const month = Number(m);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(days).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s);
}

// ---------------------------------------------------------------------------------------------------------
// Cross-reference checks

interface Parsed<T> {
  item: T;
  /** Index in the raw array. */
  i: number;
}

/** Parses each element of a raw array on its own and keeps those that pass (with their original index). */
function parseEach<T>(raw: unknown, schema: z.ZodType<T>): Parsed<T>[] {
  if (!Array.isArray(raw)) return [];
  const out: Parsed<T>[] = [];
  raw.forEach((el, i) => {
    const r = schema.safeParse(el);
    if (r.success) out.push({ item: r.data, i });
  });
  return out;
}

/** Ids present in a raw array (valid records or not), so that a broken record is not also reported as missing. */
function rawIds(raw: unknown): Set<string> {
  const ids = new Set<string>();
  if (Array.isArray(raw)) for (const el of raw) if (isRecord(el) && typeof el.id === 'string') ids.add(el.id);
  return ids;
}

const SECTION_NOUN: Record<string, string> = {
  entities: 'entity',
  sources: 'source',
  claims: 'claim',
  conflicts: 'conflict',
  discrepancies: 'discrepancy',
  timeline: 'timeline',
  unverified: 'unverified item',
};

function crossCheck(data: unknown, push: (path: Segment[], message: string) => void): void {
  if (!isRecord(data)) return;
  const pack = data;

  // Duplicate ids, per section (and casualty figures).
  const dupCheck = (raw: unknown, base: Segment[], noun: string) => {
    if (!Array.isArray(raw)) return;
    const first = new Map<string, number>();
    raw.forEach((el, i) => {
      const id = isRecord(el) ? el.id : undefined;
      if (typeof id !== 'string') return;
      const prev = first.get(id);
      if (prev === undefined) first.set(id, i);
      else push([...base, i, 'id'], `duplicate ${noun} id "${id}" (first used at index ${prev})`);
    });
  };
  for (const [section, noun] of Object.entries(SECTION_NOUN)) dupCheck(pack[section], [section], noun);
  const rawEvent = isRecord(pack.event) ? pack.event : undefined;
  dupCheck(rawEvent?.casualties, ['event', 'casualties'], 'casualty figure');

  const entityIds = rawIds(pack.entities);
  const sourceIds = rawIds(pack.sources);
  const claimIds = rawIds(pack.claims);
  const timelineIds = rawIds(pack.timeline);
  const casualtyIds = rawIds(rawEvent?.casualties);

  const entities = parseEach(pack.entities, Entity);
  const entityById = new Map(entities.map((e) => [e.item.id, e.item]));
  const sources = parseEach(pack.sources, Source);
  const claims = parseEach(pack.claims, Claim);
  const claimById = new Map(claims.map((c) => [c.item.id, c.item]));
  const conflicts = parseEach(pack.conflicts, Conflict);
  const discrepancies = parseEach(pack.discrepancies, Discrepancy);
  const timeline = parseEach(pack.timeline, TimelineEntry);
  const unverified = parseEach(pack.unverified, Unverified);
  const eventParse = EventCore.safeParse(pack.event);
  const event = eventParse.success ? eventParse.data : undefined;
  const currentAsOf = isIsoDate(pack.currentAsOf) ? pack.currentAsOf : undefined;

  const entityRef = (path: Segment[], id: string, what = 'entity') => {
    if (!entityIds.has(id)) push(path, `unknown ${what} id "${id}": no entity has this id`);
  };
  const sourceRefs = (path: Segment[], ids: readonly string[] | undefined) => {
    ids?.forEach((id, k) => {
      if (!sourceIds.has(id)) push([...path, k], `unknown source id "${id}": not in $.sources`);
    });
  };
  const claimRef = (path: Segment[], id: string) => {
    if (!claimIds.has(id)) push(path, `unknown claim id "${id}": not in $.claims`);
  };
  const timelineRef = (path: Segment[], id: string) => {
    if (!timelineIds.has(id)) push(path, `unknown timeline id "${id}": not in $.timeline`);
  };
  const factCheck = (path: Segment[], fact: Fact) => sourceRefs([...path, 'sources'], fact.sources);
  const dateCheck = (path: Segment[], when: DateInfo, what: string, mustBeCurrent: boolean) => {
    const start = dateSpan(when.date);
    if (when.dateEnd !== undefined) {
      const end = dateSpan(when.dateEnd);
      if (end.last < start.first) push([...path, 'dateEnd'], `dateEnd ${when.dateEnd} is before date ${when.date}`);
      else if (when.dateEnd === when.date && when.time && when.timeEnd && when.timeEnd < when.time) {
        push([...path, 'timeEnd'], `timeEnd ${when.timeEnd} is before time ${when.time} on the same day`);
      }
    } else if (when.time && when.timeEnd && when.timeEnd < when.time) {
      push([...path, 'timeEnd'], `timeEnd ${when.timeEnd} is before time ${when.time}: give dateEnd if the span crosses midnight`);
    }
    if (mustBeCurrent && currentAsOf) {
      if (start.first > currentAsOf) push([...path, 'date'], `${what} date ${when.date} is after the pack's currentAsOf ${currentAsOf}`);
      else if (when.dateEnd !== undefined && dateSpan(when.dateEnd).first > currentAsOf) {
        push([...path, 'dateEnd'], `${what} dateEnd ${when.dateEnd} is after the pack's currentAsOf ${currentAsOf}`);
      }
    }
  };

  // Entities.
  for (const { item: e, i } of entities) {
    e.partOf?.forEach((id, k) => {
      if (id === e.id) push(['entities', i, 'partOf', k], `entity "${e.id}" is listed as part of itself`);
      else entityRef(['entities', i, 'partOf', k], id);
    });
    sourceRefs(['entities', i, 'sources'], e.sources);
  }

  // Sources.
  for (const { item: s, i } of sources) {
    if (currentAsOf && dateSpan(s.date).first > currentAsOf) {
      push(['sources', i, 'date'], `source date ${s.date} is after the pack's currentAsOf ${currentAsOf}`);
    }
  }

  // Claims.
  for (const { item: c, i } of claims) {
    entityRef(['claims', i, 'claimant'], c.claimant, 'claimant entity');
    c.attributes.forEach((a, k) => entityRef(['claims', i, 'attributes', k, 'target'], a.target, 'attribution target entity'));
    sourceRefs(['claims', i, 'sources'], c.sources);
    dateCheck(['claims', i, 'when'], c.when, 'claim', true);
    checkClaimCues(c, ['claims', i, 'cues'], entityRef, push);
  }

  // Conflicts.
  for (const { item: x, i } of conflicts) {
    const sideOf = new Map<string, number>();
    const distinct = new Set<string>();
    x.sides.forEach((side, s) => {
      const inSide = new Set<string>();
      side.claims.forEach((id, k) => {
        const path: Segment[] = ['conflicts', i, 'sides', s, 'claims', k];
        claimRef(path, id);
        if (inSide.has(id)) {
          push(path, `claim ${id} is listed twice on the same side`);
          return;
        }
        inSide.add(id);
        const other = sideOf.get(id);
        if (other !== undefined) push(path, `claim ${id} appears on two sides of this conflict (sides ${other} and ${s})`);
        else sideOf.set(id, s);
        distinct.add(id);
      });
    });
    if (distinct.size < 2) {
      push(['conflicts', i, 'sides'], `a conflict needs at least two different claims; it has ${distinct.size}`);
    } else {
      const claimants = new Set<string>();
      let known = 0;
      for (const id of distinct) {
        const c = claimById.get(id);
        if (c) {
          claimants.add(c.claimant);
          known++;
        }
      }
      if (known === distinct.size && claimants.size < 2) {
        push(['conflicts', i, 'sides'], `all claims of this conflict have one claimant (${[...claimants].join(', ')}): a conflict needs at least two claimants`);
      }
    }
  }

  // Discrepancies.
  for (const { item: d, i } of discrepancies) {
    d.variants.forEach((v, k) => sourceRefs(['discrepancies', i, 'variants', k, 'sources'], v.sources));
  }

  // Timeline.
  for (const { item: t, i } of timeline) {
    t.actors.forEach((id, k) => entityRef(['timeline', i, 'actors', k], id, 'actor entity'));
    t.claims?.forEach((id, k) => claimRef(['timeline', i, 'claims', k], id));
    sourceRefs(['timeline', i, 'sources'], t.sources);
    dateCheck(['timeline', i, 'when'], t.when, 'timeline entry', true);
  }

  // Unverified.
  for (const { item: u, i } of unverified) sourceRefs(['unverified', i, 'sources'], u.sources);

  // Event.
  if (event) {
    const ev: Segment[] = ['event'];
    const typed = (field: 'entity' | 'venue', want: 'event' | 'venue') => {
      const id = event[field];
      const e = entityById.get(id);
      if (!entityIds.has(id)) push([...ev, field], `unknown entity id "${id}": no entity has this id`);
      else if (e && e.type !== want) push([...ev, field], `entity "${id}" has type "${e.type}"; event.${field} must name an entity of type "${want}"`);
    };
    typed('entity', 'event');
    typed('venue', 'venue');
    factCheck([...ev, 'place'], event.place);
    dateCheck([...ev, 'when'], event.when, 'event', true);
    event.summary.forEach((f, k) => factCheck([...ev, 'summary', k], f));
    event.casualties.forEach((k, n) => {
      const path: Segment[] = [...ev, 'casualties', n];
      sourceRefs([...path, 'sources'], k.sources);
      dateCheck([...path, 'asOf'], k.asOf, 'casualty figure', true);
      const by = k.publishedBy.trim();
      if (EntityId.safeParse(by).success && !entityIds.has(by)) {
        push([...path, 'publishedBy'], `"${by}" looks like an entity id but no entity has it: use a known entity id or a plain name`);
      }
    });
    if (!casualtyIds.has(event.currentCasualtyFigure)) {
      push([...ev, 'currentCasualtyFigure'], `unknown casualty figure id "${event.currentCasualtyFigure}": not in $.event.casualties`);
    }
    event.perpetrators.people.forEach((id, k) => {
      const e = entityById.get(id);
      if (!entityIds.has(id)) push([...ev, 'perpetrators', 'people', k], `unknown entity id "${id}": no entity has this id`);
      else if (e && e.type !== 'person') push([...ev, 'perpetrators', 'people', k], `entity "${id}" has type "${e.type}", not "person"`);
    });
    event.perpetrators.facts.forEach((f, k) => factCheck([...ev, 'perpetrators', 'facts', k], f));
    for (const list of ['arrests', 'trial', 'verdict'] as const) event[list].forEach((f, k) => factCheck([...ev, list, k], f));
  }

  // Seed.
  const seed = isRecord(pack.seed) ? pack.seed : undefined;
  if (seed) {
    if (typeof seed.source === 'string' && !sourceIds.has(seed.source)) {
      push(['seed', 'source'], `unknown source id "${seed.source}": not in $.sources`);
    }
    parseEach(seed.statements, SeedStatement).forEach(({ item: st, i }) => {
      st.claims.forEach((id, k) => claimRef(['seed', 'statements', i, 'claims', k], id));
      st.timeline?.forEach((id, k) => timelineRef(['seed', 'statements', i, 'timeline', k], id));
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Claim cues (what lib/claims compiles into the sentence matcher)

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Why a cue term cannot be matched, or undefined: words of letters/digits, `*` only ending a stem of 3+ letters. */
function cueTermProblem(term: string): string | undefined {
  // An apostrophe stays inside a word (Ukrainian обов'яз*, French l'Ukraine).
  const words = term.trim().split(/[\s\-\u2010\u2011]+/).filter(Boolean);
  if (words.length === 0) return 'is empty';
  for (const w of words) {
    if (/\*./u.test(w)) return `"${w}": "*" may only end a word`;
    const letters = w.replace(/[^\p{L}\p{N}]/gu, '');
    if (letters.length === 0) return `"${w}" has no letters`;
    if (w.endsWith('*') && letters.length < 3 && !UNSPACED_SCRIPT.test(w)) return `stem "${w}" is shorter than 3 letters`;
  }
  return undefined;
}

function checkClaimCues(
  c: ClaimRecord,
  path: Segment[],
  entityRef: (path: Segment[], id: string, what?: string) => void,
  push: (path: Segment[], message: string) => void,
): void {
  const cues = c.cues;
  if (!cues) return;
  const terms = (list: Record<string, string[]> | undefined, at: Segment[]) => {
    for (const [lang, words] of Object.entries(list ?? {})) {
      words.forEach((t, k) => {
        const problem = cueTermProblem(t);
        if (problem) push([...at, lang, k], `cue term ${problem}`);
      });
    }
  };
  cues.speakers?.forEach((s, k) => {
    entityRef([...path, 'speakers', k, 'entity'], s.entity, 'speaker entity');
    if (s.entity === c.claimant) push([...path, 'speakers', k, 'entity'], `"${s.entity}" is the claimant, which always counts as the speaker`);
  });
  if (cues.speakerTerms) terms(cues.speakerTerms.terms, [...path, 'speakerTerms', 'terms']);
  cues.targets?.forEach((id, k) => entityRef([...path, 'targets', k], id, 'cue target entity'));
  let termLists = 0;
  cues.groups.forEach((g, k) => {
    const lists = Object.values(g.terms ?? {}).filter((l) => l.length > 0).length;
    termLists += lists;
    if (lists === 0 && (g.entities ?? []).length === 0) push([...path, 'groups', k], 'a cue group needs terms or entities');
    g.entities?.forEach((id, n) => entityRef([...path, 'groups', k, 'entities', n], id, 'cue entity'));
    terms(g.terms, [...path, 'groups', k, 'terms']);
  });
  if (termLists === 0) push([...path, 'groups'], 'cues need at least one term list');
  terms(cues.negative, [...path, 'negative']);
  const ideas = cues.groups.length + (cues.targets?.length ?? 0) + 1;
  if (cues.minGroups !== undefined && cues.minGroups > ideas) {
    push([...path, 'minGroups'], `minGroups ${cues.minGroups} is more than the ${ideas} ideas the cues can show (groups, targets and the date)`);
  }
}
