/**
 * Sentence-level claim matching. For each sentence of each block, every claim of the table is scored:
 *
 *   score = speaker x (sum of the weights of the claim's ideas found + date cue) - date mismatch penalty
 *
 * - speaker: 1 when the claimant is named in the sentence (0.8 for an institution it belongs to, or the
 *   weight the cues give another stand-in), x0.4 when someone else is the one speaking in the sentence;
 *   when nobody is named, the previous sentence's speaker if the sentence goes on with a pronoun ("He added",
 *   "По его словам"; 0.9 for "The spokesman added"), else 0.6 x the speaker of a neighbouring sentence.
 * - ideas: the claim's cue groups and targets; each counts once.
 * - date: +1 (and one idea) when the claim's date is mentioned, +0.3 for its month; a different explicit
 *   date costs 1.5 (a month 0.75, a year 1.5). The event's own date says nothing either way.
 * A claim needs `minG` ideas and `min` score. Precision before recall: when the two best claims are within
 * a margin and could contradict each other (different claimants and no conflict side in common, or opposite
 * sides of a conflict), the sentence is left alone.
 * Pure: no DOM, no pack (only the compiled table).
 */
import { findDates, type DateMention } from './dates';
import { COMPLEMENTIZERS, PRONOUNS, REPORTING, ROLES } from './lexicon';
import { PatternSet, termPattern, type Hit } from './patterns';
import { splitSentences } from './sentences';
import { tokenize, type Token } from './text';
import type { ClaimMatch, ClaimTable, MatchOptions, TableClaim } from './types';

export const RIVAL_FACTOR = 0.4;
/** Weight of a speaker carried over by a pronoun, and by a role noun. */
export const PRONOUN_WEIGHT = 1;
export const ROLE_WEIGHT = 0.9;
export const NEIGHBOUR_WEIGHT = 0.6;
/** Two claims closer than this (absolute, or this share of the best score) are ambiguous. */
export const MARGIN = 0.5;
export const MARGIN_SHARE = 0.15;
const SUBJECT_WINDOW = 3;
/** Entity index of "the previous sentence's speaker" (a pronoun). */
const CARRIED = -1;

const lexiconSet = (words: readonly string[]) => new PatternSet([...new Set(words.map(termPattern))]);
let lexicon: { reporting: PatternSet; pronouns: PatternSet; roles: PatternSet; complementizers: PatternSet } | undefined;
const lex = () =>
  (lexicon ??= {
    reporting: lexiconSet(REPORTING),
    pronouns: lexiconSet(PRONOUNS),
    roles: lexiconSet(ROLES),
    complementizers: lexiconSet(COMPLEMENTIZERS),
  });

/** A table claim with the lookups the scorer needs, built once per table. */
interface Prepared {
  claim: TableClaim;
  own: Map<number, number>;
  about: Set<number>;
  ownDates: YMD[];
  contentDates: YMD[];
}

interface Compiled {
  set: PatternSet;
  /** Pattern index → entity indexes. */
  entitiesOf: Map<number, number[]>;
  speakers: Set<number>;
  claims: Prepared[];
  /** Pattern index / entity index → the claims (indexes) one of whose ideas it is. */
  claimsByPattern: Map<number, number[]>;
  claimsByEntity: Map<number, number[]>;
  event: YMD;
  topic: Set<number>;
}
const compiledCache = new WeakMap<ClaimTable, Compiled>();

function addTo(map: Map<number, number[]>, key: number, v: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [v]);
  else if (list[list.length - 1] !== v) list.push(v);
}

function compiled(table: ClaimTable): Compiled {
  let c = compiledCache.get(table);
  if (!c) {
    const entitiesOf = new Map<number, number[]>();
    table.entities.forEach((e, i) => {
      for (const p of e.p) addTo(entitiesOf, p, i);
    });
    const claimsByPattern = new Map<number, number[]>();
    const claimsByEntity = new Map<number, number[]>();
    const claims = table.claims.map((claim, k): Prepared => {
      for (const g of claim.g) {
        for (const p of g.p) addTo(claimsByPattern, p, k);
        for (const e of g.e) addTo(claimsByEntity, e, k);
      }
      return {
        claim,
        own: new Map(claim.sp),
        about: new Set(claim.about),
        ownDates: claim.d.map(ymd),
        contentDates: (claim.cd ?? []).map(ymd),
      };
    });
    c = {
      set: new PatternSet(table.patterns),
      entitiesOf,
      speakers: new Set(table.speakers),
      claims,
      claimsByPattern,
      claimsByEntity,
      event: ymd(table.event),
      topic: new Set(table.topic ?? []),
    };
    compiledCache.set(table, c);
  }
  return c;
}

interface Mention {
  ent: number;
  s: number;
  e: number;
}

interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
  hits: Set<number>;
  /** Entities with any name found (also inside a longer name). */
  entityHits: Set<number>;
  /** Speakers named in the sentence (longest names win), in text order. */
  speakers: Mention[];
  /**
   * Who speaks in the sentence: the entities of the named phrase next to a word of speech ("X said",
   * "according to X"; adjacent names such as "Слідчий комітет РФ" form one phrase), if any.
   */
  subject?: number[];
  /** Token index where the subject phrase starts. */
  subjectAt?: number;
  /** How the sentence goes on with the previous sentence's speaker: 1 for a pronoun ("He added", "По его
   * словам", "Según él"), less for a role noun ("The spokesman added"), 0 when it does not. */
  continuation: number;
  dates: DateMention[];
  /** The speakers this sentence is taken to have (its subject, else everyone named, else carried over). */
  effective: Map<number, number>;
}

function analyse(text: string, start: number, end: number, blockTokens: readonly Token[], c: Compiled): Sentence {
  // Tokens are in text order: binary search for the first one of the sentence.
  let a = 0;
  let hi = blockTokens.length;
  while (a < hi) {
    const mid = (a + hi) >> 1;
    if ((blockTokens[mid] as Token).s < start) a = mid + 1;
    else hi = mid;
  }
  let b = a;
  while (b < blockTokens.length && (blockTokens[b] as Token).e <= end) b++;
  const tokens = blockTokens.slice(a, b);
  const hits = c.set.find(text, tokens);
  const hitSet = new Set(hits.map((h) => h.p));
  const entityHits = new Set<number>();
  const all: Mention[] = [];
  for (const h of hits) {
    for (const ent of c.entitiesOf.get(h.p) ?? []) {
      entityHits.add(ent);
      all.push({ ent, s: h.s, e: h.e });
    }
  }
  // Longest names win: "Ukraine's Foreign Ministry" is not "Ukraine".
  all.sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s);
  const kept: Mention[] = [];
  for (const m of all) {
    if (kept.some((k) => k.ent === m.ent && k.s === m.s)) continue;
    if (kept.some((k) => m.s < k.e && k.s < m.e && (k.e - k.s > m.e - m.s || k.ent !== m.ent) && !(k.s === m.s && k.e === m.e))) continue;
    kept.push(m);
  }
  const speakers = kept.filter((m) => c.speakers.has(m.ent)).sort((a, b) => a.s - b.s);

  const L = lex();
  const verbs = L.reporting.find(text, tokens).map((h: Hit) => h.s);
  // Adjacent names form one phrase ("FSB-Chef Bortnikow", "Слідчий комітет РФ").
  const phrases: Mention[][] = [];
  for (const m of speakers) {
    const last = phrases[phrases.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && m.s === prev.e) last.push(m);
    else phrases.push([m]);
  }
  // A pronoun ("he said", "según él") stands for the previous sentence's speaker.
  const pronouns = L.pronouns.find(text, tokens);
  const candidates = [...phrases, ...pronouns.map((h) => [{ ent: CARRIED, s: h.s, e: h.e }])];
  // "X said" first (also "X, the ministry's spokeswoman, said"), else the inverted "said X" / "according to X".
  let subject: number[] | undefined;
  let subjectAt = -1;
  let best = Infinity;
  for (const ph of candidates) {
    const e0 = Math.max(...ph.map((m) => m.e));
    const skip = appositionEnd(text, tokens, e0);
    const s0 = (ph[0] as Mention).s;
    for (const v of verbs) {
      const d = v >= s0 && v < e0 ? 0 : v >= e0 ? v - e0 + 1 : Infinity;
      const da = skip !== undefined && v >= skip ? v - skip + 1 : Infinity;
      const dd = Math.min(d, da);
      if (dd <= SUBJECT_WINDOW && dd < best) {
        best = dd;
        subject = ph.map((m) => m.ent);
        subjectAt = s0;
      }
    }
  }
  if (subject === undefined) {
    // Not across "that": in "wrote that the US ..." the US is what is reported, not who reports it.
    const that = L.complementizers.find(text, tokens).map((h) => h.s);
    for (const ph of candidates) {
      const s0 = (ph[0] as Mention).s;
      for (const v of verbs) {
        const d = v < s0 && !that.some((c) => c > v && c < s0) ? s0 - v : Infinity;
        if (d <= SUBJECT_WINDOW && d < best) {
          best = d;
          subject = ph.map((m) => m.ent);
          subjectAt = s0;
        }
      }
    }
  }

  const roles = L.roles.find(text, tokens).map((h) => h.s);
  const capitalisedEarly = tokens.slice(1, 4).some((t) => t.cap);
  let continuation = 0;
  if (subject?.includes(CARRIED)) {
    subject = undefined;
    continuation = PRONOUN_WEIGHT;
  } else if (speakers.length === 0 && subject === undefined) {
    if (pronouns.some((p) => p.s < 3) || (verbs.includes(0) && tokens.length > 1)) continuation = PRONOUN_WEIGHT;
    else if (roles.some((r) => r < 3) && !capitalisedEarly) continuation = ROLE_WEIGHT;
  }

  return {
    start,
    end,
    tokens,
    hits: hitSet,
    entityHits,
    speakers,
    ...(subject !== undefined ? { subject, subjectAt } : {}),
    continuation,
    dates: findDates(text, tokens, start, end),
    effective: new Map(),
  };
}

/**
 * Token index after an apposition that follows a name: "Zakharova, the ministry's spokeswoman, said" gives the
 * index of "said". Undefined when the name is not followed by a comma-enclosed phrase of at most 12 words.
 */
function appositionEnd(text: string, tokens: readonly Token[], after: number): number | undefined {
  const t = tokens[after - 1];
  const next = tokens[after];
  if (!t || !next || !/^\s*,/.test(text.slice(t.e, next.s))) return undefined;
  for (let k = after + 1; k < tokens.length && k <= after + 12; k++) {
    const gap = text.slice((tokens[k - 1] as Token).e, (tokens[k] as Token).s);
    if (/[.;:!?]/.test(gap)) return undefined;
    if (gap.includes(',')) return k;
  }
  return undefined;
}

interface YMD {
  y: number;
  m?: number;
  d?: number;
}
const ymd = (iso: string): YMD => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y as number, ...(m ? { m } : {}), ...(d ? { d } : {}) };
};
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

/** Whether the mention names `date` or, with `slack`, up to that many days after it (a report of the day after). */
function sameDay(mention: DateMention, date: YMD, slack: number): boolean {
  if (mention.m === undefined || mention.d === undefined || date.m === undefined || date.d === undefined) return false;
  const y = mention.y ?? date.y;
  const diff = dayNumber(y, mention.m, mention.d) - dayNumber(date.y, date.m, date.d);
  return diff >= 0 && diff <= slack;
}

/** Date cue of a claim in a sentence: bonus (added to the ideas), whether it counts as an idea, penalty. */
function dateCue(dates: readonly DateMention[], pc: Prepared, event: YMD): { bonus: number; idea: boolean; penalty: number } {
  if (dates.length === 0) return { bonus: 0, idea: false, penalty: 0 };
  const own = pc.ownDates;
  const content = pc.contentDates;
  let bonus = 0;
  let idea = false;
  let penalty = 0;
  const yearOk = (m: DateMention, d: YMD) => m.y === undefined || m.y === d.y;
  for (const m of dates) {
    if (m.m !== undefined && m.d !== undefined) {
      if (event.m === m.m && event.d === m.d && yearOk(m, event)) {
        // The attack's date: it says little about which claim, even for claims made that day.
        if (own.some((d) => sameDay(m, d, 0))) bonus = Math.max(bonus, 0.3);
      } else if (own.some((d) => (d.d !== undefined ? sameDay(m, d, 1) : d.m === m.m && yearOk(m, d)))) {
        bonus = Math.max(bonus, 1);
        idea = true;
      } else if (content.some((d) => (d.d !== undefined ? sameDay(m, d, 0) : d.m === m.m && yearOk(m, d)))) {
        bonus = Math.max(bonus, 1);
        idea = true;
      } else penalty = Math.max(penalty, 1.5);
    } else if (m.m !== undefined) {
      if (own.some((d) => d.m === m.m && yearOk(m, d))) {
        const exact = own.some((d) => d.d === undefined && d.m === m.m);
        bonus = Math.max(bonus, exact ? 1 : 0.3);
        if (exact) idea = true;
      } else if (content.some((d) => d.d === undefined && d.m === m.m && yearOk(m, d))) {
        bonus = Math.max(bonus, 1);
        idea = true;
      } else if (content.some((d) => d.m === m.m && yearOk(m, d)) || (event.m === m.m && yearOk(m, event))) {
        // a month of the claim's content, or the attack's month
      } else penalty = Math.max(penalty, 0.75);
    } else if (m.y !== undefined) {
      if (own.some((d) => d.y === m.y)) {
        if (m.y !== event.y) bonus = Math.max(bonus, 0.5);
      } else if (m.y !== event.y && !content.some((d) => d.y === m.y)) penalty = Math.max(penalty, 1.5);
    }
  }
  if (idea) penalty = 0;
  return { bonus, idea, penalty };
}

export interface Candidate {
  claim: string;
  score: number;
  speaker: number;
  ideas: number;
  sum: number;
  date: { bonus: number; idea: boolean; penalty: number };
}

function speakerWeight(pc: Prepared, sentences: readonly Sentence[], i: number): number {
  const s = sentences[i] as Sentence;
  const { claim, own, about } = pc;
  // Someone else speaks: the one next to "said" is not of this claim, or (with no such word) the first one named
  // is neither of this claim nor what it is about. But a target next to the verb does not speak when the claimant
  // is named before it ("Рахмон в разговоре с Путиным заявил").
  const targetAfterOwn =
    s.subject !== undefined && s.subject.every((e) => about.has(e)) && s.speakers.some((m) => own.has(m.ent) && m.s < (s.subjectAt ?? 0));
  const otherSubject = s.subject !== undefined && !s.subject.some((e) => own.has(e)) && !targetAfterOwn;
  const first = s.speakers[0]?.ent;
  const otherFirst = s.subject === undefined && s.continuation === 0 && first !== undefined && !own.has(first) && !about.has(first);
  let w = 0;
  for (const m of s.speakers) w = Math.max(w, own.get(m.ent) ?? 0);
  if (claim.st && claim.st.p.some((p) => s.hits.has(p))) w = Math.max(w, claim.st.w);
  // "He said the United States ...": the previous sentence's speaker, when that counts more than a name here.
  let carried = 0;
  if (s.continuation > 0 && i > 0 && !otherSubject) {
    for (const [e, x] of (sentences[i - 1] as Sentence).effective) carried = Math.max(carried, s.continuation * x * (own.get(e) ?? 0));
  }
  if (w > 0) return Math.max(otherSubject || otherFirst ? w * RIVAL_FACTOR : w, carried);
  if (otherSubject) return 0;
  if (s.continuation === 0 && s.speakers.some((m) => !own.has(m.ent) && !about.has(m.ent))) return 0;
  if (carried > 0) return carried;
  for (const j of [i - 1, i + 1]) {
    const n = sentences[j];
    if (!n) continue;
    const named = n.subject ?? n.speakers.map((m) => m.ent);
    let x = 0;
    for (const e of named) x = Math.max(x, own.get(e) ?? 0);
    if (x > 0) return NEIGHBOUR_WEIGHT * x;
  }
  return 0;
}

function scoreClaim(pc: Prepared, sentences: readonly Sentence[], i: number, event: YMD): Candidate | undefined {
  const s = sentences[i] as Sentence;
  const { claim, own } = pc;
  if (claim.neg?.some((p) => s.hits.has(p))) return undefined;
  let ideas = 0;
  let sum = 0;
  for (const g of claim.g) {
    const found = g.p.some((p) => s.hits.has(p)) || g.e.some((e) => !own.has(e) && s.entityHits.has(e));
    if (found) {
      ideas++;
      sum += g.w;
    } else if (g.r) return undefined;
  }
  if (ideas === 0) return undefined;
  const speaker = speakerWeight(pc, sentences, i);
  if (speaker === 0) return undefined;
  const date = dateCue(s.dates, pc, event);
  if (date.idea) ideas++;
  const score = speaker * (sum + date.bonus) - date.penalty;
  return { claim: claim.id, score: Math.round(score * 100) / 100, speaker, ideas, sum, date };
}

function compatible(a: TableClaim, b: TableClaim): boolean {
  const ax = a.x ?? [];
  const bx = b.x ?? [];
  const opposite = ax.some((p) => bx.some((q) => p.split(':')[0] === q.split(':')[0] && p !== q));
  if (opposite) return false;
  const sameSide = ax.some((p) => bx.includes(p));
  const sameClaimant = a.sp[0]?.[0] === b.sp[0]?.[0];
  return sameSide || sameClaimant;
}

export interface SentenceResult {
  start: number;
  end: number;
  text: string;
  /** Claims that passed their thresholds, best first. */
  candidates: Candidate[];
  /** The claim reported, if one stands out. */
  match?: Candidate;
}

/** Every sentence of one block with its candidates (for tests and tuning). */
export function scoreBlock(text: string, table: ClaimTable): SentenceResult[] {
  const c = compiled(table);
  const event = c.event;
  const blockTokens = tokenize(text);
  const sentences = splitSentences(text).map((sp) => analyse(text, sp.start, sp.end, blockTokens, c));
  // Carry speakers forward through pronouns ("Bortnikov said ... He added ... He also said ...").
  sentences.forEach((s, i) => {
    if (s.subject) for (const e of s.subject) s.effective.set(e, 1);
    else if (s.continuation > 0 && i > 0) {
      for (const [e, x] of (sentences[i - 1] as Sentence).effective) s.effective.set(e, x * s.continuation);
    } else for (const m of s.speakers) s.effective.set(m.ent, 1);
  });
  const byId = new Map(table.claims.map((cl) => [cl.id, cl]));
  return sentences.map((s, i) => {
    const candidates: Candidate[] = [];
    // Only claims one of whose ideas is in the sentence can pass.
    const maybe = new Set<number>();
    for (const p of s.hits) for (const k of c.claimsByPattern.get(p) ?? []) maybe.add(k);
    for (const e of s.entityHits) for (const k of c.claimsByEntity.get(e) ?? []) maybe.add(k);
    for (const k of [...maybe].sort((a, b) => a - b)) {
      const pc = c.claims[k] as Prepared;
      const cand = scoreClaim(pc, sentences, i, event);
      if (cand && cand.ideas >= pc.claim.minG && cand.score >= pc.claim.min) candidates.push(cand);
    }
    candidates.sort((a, b) => b.score - a.score || b.ideas - a.ideas);
    const result: SentenceResult = { start: s.start, end: s.end, text: text.slice(s.start, s.end), candidates };
    const top = candidates[0];
    if (top) {
      const margin = Math.max(MARGIN, MARGIN_SHARE * top.score);
      const topClaim = byId.get(top.claim) as TableClaim;
      const clash = candidates
        .slice(1)
        .some((other) => top.score - other.score < margin && !compatible(topClaim, byId.get(other.claim) as TableClaim));
      if (!clash) result.match = top;
    }
    return result;
  });
}

/** Whether a block mentions the event (see `ClaimTable.topic`). */
export function mentionsTopic(text: string, table: ClaimTable): boolean {
  const c = compiled(table);
  return c.set.find(text, tokenize(text)).some((h) => c.topic.has(h.p));
}

/**
 * The sentences of `blocks` that report a claim of the table, in block and text order. Run it on pages that are
 * about the event (the recognizer's gate), or pass `topicWindow` to keep only blocks near a mention of it.
 */
export function matchClaims(blocks: readonly string[], table: ClaimTable, options: MatchOptions = {}): ClaimMatch[] {
  const out: ClaimMatch[] = [];
  const w = options.topicWindow;
  const topical = w === undefined ? undefined : blocks.map((b) => mentionsTopic(b, table));
  blocks.forEach((text, block) => {
    if (topical && w !== undefined && !topical.slice(Math.max(0, block - w), block + w + 1).some(Boolean)) return;
    for (const s of scoreBlock(text, table)) {
      if (s.match) out.push({ block, start: s.start, end: s.end, text: s.text, claim: s.match.claim, score: s.match.score });
    }
  });
  return out;
}

/** Who speaks in each sentence of a block, as the matcher sees it (entity ids; for tests and tuning). */
export function speakersOf(text: string, table: ClaimTable): { text: string; named: string[]; subject?: string[]; continuation: number }[] {
  const c = compiled(table);
  const blockTokens = tokenize(text);
  const id = (e: number) => table.entities[e]?.id ?? String(e);
  return splitSentences(text).map((sp) => {
    const s = analyse(text, sp.start, sp.end, blockTokens, c);
    return {
      text: text.slice(sp.start, sp.end),
      named: s.speakers.map((m) => id(m.ent)),
      ...(s.subject ? { subject: s.subject.map(id) } : {}),
      continuation: s.continuation,
    };
  });
}
