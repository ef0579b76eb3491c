/**
 * Sentence-level claim matching. For each sentence of each block, every claim of the table is scored:
 *
 *   score = speaker x (sum of the weights of the claim's ideas found + date cue) + date mismatch penalty
 *
 * - speaker: 1 when the claimant is named in the sentence (0.8 for an institution it belongs to, or the
 *   weight the cues give another stand-in), x0.4 when someone else is the one speaking in the sentence;
 *   when nobody is named, 0.9 x the previous sentence's speaker if the sentence goes on with a pronoun
 *   ("He added", "По его словам"), else 0.6 x the speaker of a neighbouring sentence of the block.
 * - ideas: the claim's cue groups and targets; each counts once.
 * - date: +1 (and one idea) when the claim's date is mentioned, +0.3 for its month; a different explicit
 *   date costs 1.5 (a month 0.75, a year 1). The event's own date says nothing either way.
 * A claim needs `minG` ideas and `min` score. Precision before recall: when the two best claims are within
 * a margin and could contradict each other (different claimants and no conflict side in common, or opposite
 * sides of a conflict), the sentence is left alone.
 * Pure: no DOM, no pack (only the compiled table).
 */
import { findDates, type DateMention } from './dates';
import { PRONOUNS, REPORTING, ROLES } from './lexicon';
import { PatternSet, termPattern, type Hit } from './patterns';
import { splitSentences } from './sentences';
import { tokenize, type Token } from './text';
import type { ClaimMatch, ClaimTable, TableClaim } from './types';

export const RIVAL_FACTOR = 0.4;
export const CONTINUATION_WEIGHT = 0.9;
export const NEIGHBOUR_WEIGHT = 0.6;
/** Two claims closer than this (absolute, or this share of the best score) are ambiguous. */
export const MARGIN = 0.5;
export const MARGIN_SHARE = 0.15;
const SUBJECT_WINDOW = 3;

const lexiconSet = (words: readonly string[]) => new PatternSet([...new Set(words.map(termPattern))]);
let lexicon: { reporting: PatternSet; pronouns: PatternSet; roles: PatternSet } | undefined;
const lex = () => (lexicon ??= { reporting: lexiconSet(REPORTING), pronouns: lexiconSet(PRONOUNS), roles: lexiconSet(ROLES) });

interface Compiled {
  set: PatternSet;
  /** Pattern index → entity indexes. */
  entitiesOf: Map<number, number[]>;
  speakers: Set<number>;
}
const compiledCache = new WeakMap<ClaimTable, Compiled>();

function compiled(table: ClaimTable): Compiled {
  let c = compiledCache.get(table);
  if (!c) {
    const entitiesOf = new Map<number, number[]>();
    table.entities.forEach((e, i) => {
      for (const p of e.p) entitiesOf.set(p, [...(entitiesOf.get(p) ?? []), i]);
    });
    c = { set: new PatternSet(table.patterns), entitiesOf, speakers: new Set(table.speakers) };
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
  /** The speaker next to a word of speech ("X said", "according to X"), if any. */
  subject?: number;
  /** Whether the sentence goes on with the previous sentence's speaker. */
  continuation: boolean;
  dates: DateMention[];
  /** The speaker this sentence is taken to have (named, or carried over by a pronoun). */
  effective?: number;
}

function analyse(text: string, start: number, end: number, blockTokens: readonly Token[], c: Compiled): Sentence {
  const tokens = blockTokens.filter((t) => t.s >= start && t.e <= end);
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
  let subject: number | undefined;
  let best = Infinity;
  for (const m of speakers) {
    for (const v of verbs) {
      const d = v >= m.e ? v - m.e + 1 : v < m.s ? m.s - v : Infinity;
      if (d <= SUBJECT_WINDOW && d < best) {
        best = d;
        subject = m.ent;
      }
    }
  }

  const pronouns = L.pronouns.find(text, tokens).map((h) => h.s);
  const roles = L.roles.find(text, tokens).map((h) => h.s);
  const capitalisedEarly = tokens.slice(1, 4).some((t) => t.cap);
  const continuation =
    speakers.length === 0 &&
    (pronouns.some((p) => p < 3) ||
      (verbs.includes(0) && tokens.length > 1) ||
      pronouns.some((p) => verbs.some((v) => Math.abs(v - p) <= 2)) ||
      (roles.some((r) => r < 3) && !capitalisedEarly));

  return {
    start,
    end,
    tokens,
    hits: hitSet,
    entityHits,
    speakers,
    ...(subject !== undefined ? { subject } : {}),
    continuation,
    dates: findDates(text, tokens, start, end),
  };
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

function sameDay(mention: DateMention, date: YMD, slack: number): boolean {
  if (mention.m === undefined || mention.d === undefined || date.m === undefined || date.d === undefined) return false;
  const y = mention.y ?? date.y;
  return Math.abs(dayNumber(y, mention.m, mention.d) - dayNumber(date.y, date.m, date.d)) <= slack;
}

/** Date cue of a claim in a sentence: bonus (added to the ideas), whether it counts as an idea, penalty. */
function dateCue(dates: readonly DateMention[], claim: TableClaim, event: YMD): { bonus: number; idea: boolean; penalty: number } {
  if (dates.length === 0) return { bonus: 0, idea: false, penalty: 0 };
  const own = claim.d.map(ymd);
  const content = (claim.cd ?? []).map(ymd);
  let bonus = 0;
  let idea = false;
  let penalty = 0;
  const yearOk = (m: DateMention, d: YMD) => m.y === undefined || m.y === d.y;
  for (const m of dates) {
    if (m.m !== undefined && m.d !== undefined) {
      if (own.some((d) => (d.d !== undefined ? sameDay(m, d, 1) : d.m === m.m && yearOk(m, d)))) {
        bonus = Math.max(bonus, 1);
        idea = true;
      } else if (content.some((d) => (d.d !== undefined ? sameDay(m, d, 0) : d.m === m.m && yearOk(m, d)))) {
        bonus = Math.max(bonus, 0.5);
      } else if (event.m === m.m && event.d === m.d && yearOk(m, event)) {
        // the attack's date
      } else penalty = Math.max(penalty, 1.5);
    } else if (m.m !== undefined) {
      if (own.some((d) => d.m === m.m && yearOk(m, d))) {
        const exact = own.some((d) => d.d === undefined && d.m === m.m);
        bonus = Math.max(bonus, exact ? 1 : 0.3);
        if (exact) idea = true;
      } else if (content.some((d) => d.m === m.m && yearOk(m, d)) || (event.m === m.m && yearOk(m, event))) {
        // content or the attack's month
      } else penalty = Math.max(penalty, 0.75);
    } else if (m.y !== undefined) {
      if (own.some((d) => d.y === m.y)) {
        if (m.y !== event.y) bonus = Math.max(bonus, 0.5);
      } else if (m.y !== event.y && !content.some((d) => d.y === m.y)) penalty = Math.max(penalty, 1);
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

function speakerWeight(claim: TableClaim, sentences: readonly Sentence[], i: number): number {
  const s = sentences[i] as Sentence;
  const own = new Map(claim.sp);
  const about = new Set(claim.about);
  const rival = (ent: number | undefined) => ent !== undefined && !own.has(ent) && !about.has(ent);
  let w = 0;
  for (const m of s.speakers) w = Math.max(w, own.get(m.ent) ?? 0);
  if (claim.st && claim.st.p.some((p) => s.hits.has(p))) w = Math.max(w, claim.st.w);
  if (w > 0) {
    const subject = s.subject ?? s.speakers[0]?.ent;
    if (rival(subject)) w *= RIVAL_FACTOR;
    return w;
  }
  // Nobody of this claim is named: someone else speaking rules the sentence out.
  if (rival(s.subject) || s.speakers.some((m) => rival(m.ent) && s.subject === undefined)) return 0;
  if (s.continuation && i > 0) {
    const prev = sentences[i - 1]?.effective;
    if (prev !== undefined && own.has(prev)) return CONTINUATION_WEIGHT * (own.get(prev) as number);
  }
  for (const j of [i - 1, i + 1]) {
    const n = sentences[j];
    const e = n?.subject ?? n?.speakers[0]?.ent;
    if (e !== undefined && own.has(e)) return NEIGHBOUR_WEIGHT * (own.get(e) as number);
  }
  return 0;
}

function scoreClaim(claim: TableClaim, sentences: readonly Sentence[], i: number, event: YMD): Candidate | undefined {
  const s = sentences[i] as Sentence;
  if (claim.neg?.some((p) => s.hits.has(p))) return undefined;
  const own = new Set(claim.sp.map(([e]) => e));
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
  const speaker = speakerWeight(claim, sentences, i);
  if (speaker === 0) return undefined;
  const date = dateCue(s.dates, claim, event);
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
  const event = ymd(table.event);
  const blockTokens = tokenize(text);
  const sentences = splitSentences(text).map((sp) => analyse(text, sp.start, sp.end, blockTokens, c));
  // Carry speakers forward through pronouns ("Bortnikov said ... He added ... He also said ...").
  sentences.forEach((s, i) => {
    const named = s.subject ?? s.speakers[0]?.ent;
    if (named !== undefined) s.effective = named;
    else if (s.continuation && i > 0) {
      const prev = sentences[i - 1]?.effective;
      if (prev !== undefined) s.effective = prev;
    }
  });
  const byId = new Map(table.claims.map((cl) => [cl.id, cl]));
  return sentences.map((s, i) => {
    const candidates: Candidate[] = [];
    for (const claim of table.claims) {
      const cand = scoreClaim(claim, sentences, i, event);
      if (cand && cand.ideas >= claim.minG && cand.score >= claim.min) candidates.push(cand);
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

/** The sentences of `blocks` that report a claim of the table, in block and text order. */
export function matchClaims(blocks: readonly string[], table: ClaimTable): ClaimMatch[] {
  const out: ClaimMatch[] = [];
  blocks.forEach((text, block) => {
    for (const s of scoreBlock(text, table)) {
      if (s.match) out.push({ block, start: s.start, end: s.end, text: s.text, claim: s.match.claim, score: s.match.score });
    }
  });
  return out;
}
