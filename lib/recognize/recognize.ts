/**
 * The recognizer: text blocks in, mentions out. Pure (no DOM, no browser API); runs in the content script, the CLI
 * scanner and tests with the same matcher table.
 *
 * Per block: normalize (normalize.ts, with an offset map), then one left-to-right walk over a character trie of
 * all name and cue patterns (built once per table). Names start at a word boundary in scripts written with spaces
 * (optionally after attached prefix letters: Hebrew/Arabic ones, and lower-case Latin ones before a capital, the
 * noun-class prefixes of Bantu languages) and anywhere in Chinese/Japanese/Korean/Thai; a word
 * may end in a bounded inflectional suffix, inner words of a name too; stem vowels marked optional may be replaced.
 * Overlapping names: leftmost, then longest wins; blocking cues ("Crocus Expo") compete with names.
 *
 * Gating: the page is "about" the attack when it has an anchoring mention (event/venue name or description, or a
 * gunman's name) and its score (names, entities, cues, minus negative cues) reaches the threshold. Only then is
 * anything highlighted. Weak names and descriptions in a block that has only negative cues are dropped.
 */
import { normalize, type Normalized } from './normalize';
import { quickPattern, quickTest } from './quick';
import { Sc, isUnspaced, scriptAt } from './scripts';
import { FLAG, GROUP, SHORT_SUFFIX, STRENGTH, type MatcherTable } from './table';
import { CONTEXT, type BlockMention, type BlockContext, type PageLayout, type PageResult } from './types';
import { nearContext } from './context';

interface Hit {
  /** 0 name, 1 cue */
  t: 0 | 1;
  /** index into table.n or table.c */
  i: number;
  f: number;
}

interface TrieNode {
  /** children by UTF-16 code unit; OPT + unit for an optional character; GAP for a word gap */
  m: Map<number, TrieNode> | null;
  /** children behind an optional character: skipping it leads there too */
  opt: TrieNode[] | null;
  h: Hit[] | null;
}

/** Key offset of an optional character; key of a word gap (a space in a pattern). */
const OPT = 0x10000;
const GAP = 0x20;

interface PrefixRule {
  letters: string;
  max: number;
  /** Only before a capital, the prefix written in lower case (eKrasnogorsk). */
  beforeCapital: boolean;
}

interface Compiled {
  root: TrieNode;
  quick: RegExp | null;
  /** the same with the `g` flag, to find every match */
  quickAll: RegExp | null;
  /** prefix letters per script class */
  pre: Map<number, PrefixRule>;
}

const compiledCache = new WeakMap<MatcherTable, Compiled>();

function newNode(): TrieNode {
  return { m: null, opt: null, h: null };
}

function insert(root: TrieNode, pattern: string, hit: Hit): void {
  let node = root;
  for (let i = 0; i < pattern.length; i++) {
    const unit = pattern.charCodeAt(i);
    const optional = pattern[i + 1] === '?';
    const key = optional ? OPT + unit : unit;
    if (!node.m) node.m = new Map();
    let child = node.m.get(key);
    if (!child) {
      child = newNode();
      node.m.set(key, child);
      if (optional) (node.opt ??= []).push(child);
    }
    node = child;
    if (optional) i++;
  }
  (node.h ??= []).push(hit);
}

function getCompiled(table: MatcherTable): Compiled {
  let c = compiledCache.get(table);
  if (c) return c;
  const root = newNode();
  table.n.forEach(([pattern, , , flags], i) => insert(root, pattern, { t: 0, i, f: flags }));
  table.c.forEach(([pattern, , flags], i) => insert(root, pattern, { t: 1, i, f: flags }));
  let quick: RegExp | null = null;
  let quickAll: RegExp | null = null;
  try {
    quick = table.quick ? quickPattern(table.quick) : null;
    quickAll = table.quick ? quickPattern(table.quick, 'g') : null;
  } catch {
    quick = quickAll = null;
  }
  const pre = new Map<number, PrefixRule>();
  for (const [sc, letters, max, beforeCapital] of table.pre) pre.set(sc, { letters, max, beforeCapital: beforeCapital === 1 });
  c = { root, quick, quickAll, pre };
  compiledCache.set(table, c);
  return c;
}

/**
 * Whether `text` (a page's whole text, or any part of it) may contain an anchoring mention. False means no
 * mention can be found in it: the sentinel stops there.
 */
export function quickCheck(text: string, table: MatcherTable): boolean {
  const { quick } = getCompiled(table);
  if (!quick) return true;
  return quickTest(text, quick);
}

// ---------------------------------------------------------------------------------------------------------------
// Matching one block

interface Raw {
  /** 0 name, 1 cue */
  t: 0 | 1;
  i: number;
  /** normalized offsets: start, end of the pattern, end including the suffix */
  s: number;
  ce: number;
  e: number;
  /** inside a longer mention */
  inner?: boolean;
  /** entity index and strength when they differ from the pattern's (proximity descriptions, promoted names) */
  ent?: number;
  str?: number;
}

function isSep(ch: string | undefined): boolean {
  return ch === ' ' || ch === '-';
}

function runOf(text: string, pos: number, sc: Sc): number {
  let r = 0;
  while (pos + r < text.length && scriptAt(text, pos + r) === sc) r++;
  return r;
}

/** Whether the original of normalized unit `p` is written as a capital (`upper`) or as a lower-case letter. */
function isCased(original: string, norm: Normalized, p: number, upper: boolean): boolean {
  const ch = original.slice(norm.start[p], norm.end[p]);
  return upper ? ch !== ch.toLowerCase() : ch !== ch.toUpperCase();
}

/** Whether a name may start at `p` of the normalized text (word boundary rules of its script). */
function startAllowed(original: string, norm: Normalized, p: number, sc: Sc, pre: Compiled['pre']): boolean {
  const text = norm.text;
  if (isUnspaced(sc) || sc === Sc.None) return true;
  if (p === 0) return true;
  const prev = scriptAt(text, p - 1);
  if (sc === Sc.Digit ? prev === Sc.None || isUnspaced(prev) : prev !== sc && prev !== Sc.Digit) return true;
  const rule = pre.get(sc);
  if (!rule || (rule.beforeCapital && !isCased(original, norm, p, true))) return false;
  for (let k = 1; k <= rule.max && p - k >= 0; k++) {
    const ch = text[p - k] as string;
    if (!rule.letters.includes(ch) || (rule.beforeCapital && !isCased(original, norm, p - k, false))) return false;
    const before = p - k - 1 >= 0 ? scriptAt(text, p - k - 1) : Sc.None;
    if (before !== sc && before !== Sc.Digit) return true;
  }
  return false;
}

function scan(original: string, norm: Normalized, table: MatcherTable, c: Compiled, out: Raw[]): void {
  const text = norm.text;
  const rootMap = c.root.m;
  if (!rootMap) return;
  const n = text.length;
  // DFS stack as two parallel arrays: nodes and text positions.
  const nodes: TrieNode[] = [];
  const positions: number[] = [];
  for (let p = 0; p < n; p++) {
    const first = rootMap.get(text.charCodeAt(p));
    if (!first) continue;
    const sc = scriptAt(text, p);
    if (!startAllowed(original, norm, p, sc, c.pre)) continue;
    let sp = 0;
    nodes[sp] = first;
    positions[sp++] = p + 1;
    while (sp > 0) {
      sp--;
      const node = nodes[sp] as TrieNode;
      const pos = positions[sp] as number;
      if (node.h) terminal(text, table, node.h, p, pos, out);
      const m = node.m;
      if (!m) continue;
      if (pos < n) {
        const unit = text.charCodeAt(pos);
        const lit = m.get(unit);
        if (lit) {
          nodes[sp] = lit;
          positions[sp++] = pos + 1;
        }
        const opt = node.opt ? m.get(OPT + unit) : undefined;
        if (opt) {
          nodes[sp] = opt;
          positions[sp++] = pos + 1;
        }
      }
      if (node.opt) {
        for (const o of node.opt) {
          nodes[sp] = o;
          positions[sp++] = pos;
        }
      }
      const gap = m.get(GAP);
      if (gap && pos < n) {
        const ch = text[pos];
        if (isSep(ch)) {
          nodes[sp] = gap;
          positions[sp++] = pos + 1;
        } else {
          // written together (#крокусситихолл)
          nodes[sp] = gap;
          positions[sp++] = pos;
          const sc2 = scriptAt(text, pos - 1);
          const k = Math.min(runOf(text, pos, sc2), table.gap + 1);
          if (k >= 1 && k <= table.gap && isSep(text[pos + k])) {
            nodes[sp] = gap;
            positions[sp++] = pos + k + 1;
          }
        }
      }
    }
  }
}

function terminal(text: string, table: MatcherTable, hits: Hit[], p: number, pos: number, out: Raw[]): void {
  const last = scriptAt(text, pos - 1);
  const r = isUnspaced(last) || last === Sc.None ? 0 : runOf(text, pos, last);
  // A word does not run on into digits ("France24" is not France).
  if (last !== Sc.Digit && !isUnspaced(last) && pos + r < text.length && scriptAt(text, pos + r) === Sc.Digit) return;
  for (const h of hits) {
    let allowed: number;
    if (isUnspaced(last) || last === Sc.None) allowed = 0;
    else if (h.f & FLAG.acro) allowed = 0;
    else if (h.f & FLAG.star) allowed = table.star;
    else if (h.f & FLAG.short) allowed = Math.min(SHORT_SUFFIX, table.sfx[last] ?? 0);
    else allowed = table.sfx[last] ?? 0;
    if (r > allowed) continue;
    out.push({ t: h.t, i: h.i, s: p, ce: pos, e: pos + r });
  }
}

function isUpperStart(original: string, at: number): boolean {
  const cp = original.codePointAt(at);
  if (cp === undefined) return false;
  const ch = String.fromCodePoint(cp);
  return ch !== ch.toLowerCase();
}

function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Case rules checked on the original text. */
function caseOk(flags: number, original: string, norm: Normalized, raw: Raw): boolean {
  if (flags & FLAG.acro) {
    const a = norm.start[raw.s] as number;
    const b = norm.end[raw.ce - 1] as number;
    return isAllCaps(original.slice(a, b));
  }
  if (flags & FLAG.cap) return isUpperStart(original, norm.start[raw.s] as number);
  return true;
}

interface BlockMatch {
  names: Raw[];
  /** indexes of the cues found in the block (after blocking) */
  cues: Set<number>;
}

/** Entity index of a name match (a proximity description carries its own). */
function entOf(table: MatcherTable, r: Raw): number {
  return r.ent ?? (table.n[r.i] as MatcherTable['n'][number])[1];
}

/** Strength of a match: a name's (possibly promoted) strength; -1 for a cue. */
function strengthOf(table: MatcherTable, r: Raw): number {
  if (r.t === 1) return -1;
  return r.str ?? (table.n[r.i] as MatcherTable['n'][number])[2];
}

function groupFlags(table: MatcherTable, cueIndex: number): number {
  return (table.g[(table.c[cueIndex] as MatcherTable['c'][number])[1]] as MatcherTable['g'][number])[3];
}

const SENTENCE_END = /[.!?;:。！？；]/;

/** Words between two non-overlapping matches (characters for scripts without spaces); Infinity across a sentence end. */
function distance(text: string, a: Raw, b: Raw): number {
  const [x, y] = a.s <= b.s ? [a, b] : [b, a];
  if (y.s < x.e) return 0;
  const gap = text.slice(x.e, y.s);
  if (SENTENCE_END.test(gap)) return Infinity;
  const trimmed = gap.trim();
  if (trimmed === '') return 0;
  if (isUnspaced(scriptAt(text, x.e - 1)) || isUnspaced(scriptAt(text, y.s))) {
    return trimmed.includes(' ') ? trimmed.split(' ').length - 1 + Math.ceil(trimmed.replaceAll(' ', '').length / 4) : Math.ceil(trimmed.length / 4);
  }
  return trimmed.split(' ').length;
}

function matchBlock(original: string, table: MatcherTable, c: Compiled): { norm: Normalized; m: BlockMatch } {
  const norm = normalize(original);
  const text = norm.text;
  const raws: Raw[] = [];
  scan(original, norm, table, c, raws);
  const candidates: Raw[] = [];
  const cues = new Set<number>();
  // One stretch of text is one cue of a group, however many of its terms match it ("22 марта" is both the
  // Russian "22 марта" and the Bulgarian "22 март").
  const counted: Raw[] = [];
  const addCue = (r: Raw) => {
    const group = (table.c[r.i] as MatcherTable['c'][number])[1];
    if (counted.some((o) => o.s < r.e && r.s < o.e && (table.c[o.i] as MatcherTable['c'][number])[1] === group)) return;
    counted.push(r);
    cues.add(r.i);
  };
  const promoters: Raw[] = [];
  const near: Raw[] = [];
  for (const r of raws) {
    if (r.t === 0) {
      const [, , , flags] = table.n[r.i] as MatcherTable['n'][number];
      if (caseOk(flags, original, norm, r)) candidates.push(r);
    } else {
      const [, , flags] = table.c[r.i] as MatcherTable['c'][number];
      if (!caseOk(flags, original, norm, r)) continue;
      const gf = groupFlags(table, r.i);
      if (gf & GROUP.blocks) candidates.push(r);
      else addCue(r);
      if (gf & GROUP.promotes) promoters.push(r);
      if (gf & GROUP.proximity) near.push(r);
    }
  }
  // Leftmost, then longest; on a tie a name wins over a blocking cue, a stronger name over a weaker one.
  candidates.sort((a, b) => a.s - b.s || b.e - a.e || b.ce - a.ce || a.t - b.t || strengthOf(table, b) - strengthOf(table, a));
  const names: Raw[] = [];
  const losers: Raw[] = [];
  let last: Raw | undefined;
  for (const r of candidates) {
    if (last && r.s < last.e) {
      if (r.t === 0) losers.push(r);
      continue;
    }
    last = r;
    if (r.t === 1) addCue(r);
    else names.push(r);
  }
  // Names overlapped by a longer one: inside it, they are kept as inner mentions ("Krasnogorsk" in "the
  // Krasnogorsk attack"); reaching past it, they extend a mention of the same entity and are dropped otherwise.
  const inner: Raw[] = [];
  if (losers.length > 0 && names.length > 0) {
    let j = 0;
    for (const r of losers) {
      while (j + 1 < names.length && (names[j + 1] as Raw).s <= r.s) j++;
      const o = names[j] as Raw;
      if (r.s < o.s || r.s >= o.e) continue;
      const oEnt = entOf(table, o);
      const rEnt = entOf(table, r);
      if (r.e <= o.e) {
        // Only inside an event/venue name or description, and only another entity ("Krasnogorsk" in "the
        // Krasnogorsk attack"); parts of an entity's own name ("ISIS" in "ISIS-K") are not mentions.
        if (strengthOf(table, o) > STRENGTH.entity && rEnt !== oEnt && (r.s !== o.s || r.e !== o.e)) inner.push({ ...r, inner: true });
      } else if (rEnt === oEnt) {
        const next = names[j + 1];
        if (!next || next.s >= r.e) {
          o.e = r.e;
          o.ce = r.ce;
        }
      }
    }
  }

  // An ambiguous event/venue name right next to a venue word or an attack word is specific ("Crocus concert
  // hall", "la strage del Crocus").
  if (promoters.length > 0) {
    for (const r of names) {
      if (strengthOf(table, r) !== STRENGTH.weak) continue;
      if (promoters.some((p) => (p.e <= r.s || p.s >= r.e) && distance(text, r, p) <= 2)) r.str = STRENGTH.venue;
    }
  }

  // A venue word near a place describes the venue ("a concert venue outside Moscow"), an attack word near
  // Krasnogorsk the attack (rules from the pack).
  for (const [pxEntity, pxGroup, places, window] of table.px) {
    for (const h of near) {
      if ((table.c[h.i] as MatcherTable['c'][number])[1] !== pxGroup) continue;
      for (const p of names) {
        if (p.inner || p.ent !== undefined || !places.includes(entOf(table, p)) || distance(text, h, p) > window) continue;
        // A place that only says where a name next to it is ("Crocus City Hall in Krasnogorsk") describes nothing.
        if (names.some((n) => n !== p && strengthOf(table, n) > STRENGTH.entity && distance(text, n, p) <= 1)) continue;
        const s0 = Math.min(h.s, p.s);
        const e0 = Math.max(h.e, p.e);
        // Not where a name already says more (an event/venue name or description overlapping the span).
        if (names.some((n) => n !== p && strengthOf(table, n) > STRENGTH.entity && n.s < e0 && s0 < n.e)) continue;
        if (names.some((n) => n !== p && n.s > s0 && n.e < e0 && !n.inner)) continue;
        names.push({ t: 0, i: -1, s: s0, ce: e0, e: e0, ent: pxEntity, str: STRENGTH.description });
        p.inner = true;
        break;
      }
    }
  }

  // Longest first; one inside another inner mention is a part of it ("Crocus" in "Crocus City Hall").
  if (inner.length > 0) {
    inner.sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s);
    const kept: Raw[] = [];
    for (const r of inner) if (!kept.some((k) => k.s <= r.s && r.e <= k.e)) kept.push(r);
    names.push(...kept);
  }
  names.sort((a, b) => a.s - b.s || b.e - a.e);
  return { norm, m: { names, cues } };
}

const QUOTE_CHARS = '"«»„“”‟‹›‚「」『』《》〈〉〝〞＂';

/** Extends a span over closing quotes when it contains an unbalanced quote («теракт в „Крокусе“»). */
function balanceQuotes(original: string, a: number, b: number): number {
  let count = 0;
  for (let i = a; i < b; i++) if (QUOTE_CHARS.includes(original[i] as string)) count++;
  let end = b;
  while (count % 2 === 1 && end < original.length && QUOTE_CHARS.includes(original[end] as string)) {
    end++;
    count++;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------------------------
// Page

/** A name that can anchor a page: an event or venue name or description, or a gunman's name. */
function isAnchor(table: MatcherTable, r: Raw): boolean {
  return strengthOf(table, r) > STRENGTH.entity || table.e[entOf(table, r)]?.[3] === 1;
}

/** An anchor of this attack and no other: the event's or venue's name, a gunman's name (not "Crocus" alone). */
function isFirmAnchor(table: MatcherTable, r: Raw): boolean {
  return strengthOf(table, r) >= STRENGTH.venue || table.e[entOf(table, r)]?.[3] === 1;
}

/** Longest stretch read from a quick match on: more than any anchoring name or description spans. */
const PIECE_CHARS = 512;

/** The stretches of `text` that start where a match of the quick pattern starts (inside it, not at its start). */
function piecesFromMatches(text: string, quickAll: RegExp): string[] {
  const pieces: string[] = [];
  quickAll.lastIndex = 0;
  for (let m = quickAll.exec(text); m; m = quickAll.exec(text)) {
    if (m.index > 0) pieces.push(text.slice(m.index, m.index + PIECE_CHARS));
    quickAll.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return pieces;
}

/**
 * Whether any of `texts` holds a name that can anchor a page (the first condition of gating): false means no page
 * whose text these pieces cover can be about the attack. The pieces come from a page's whole text (the sentinel's
 * `quickWindows`), where neighbouring blocks run together ("...MoscowCrocus City Hall"): each is also read from
 * every quick match on, so a name or description glued to the block before it still counts.
 */
export function hasAnchor(texts: readonly string[], table: MatcherTable): boolean {
  const c = getCompiled(table);
  for (const text of texts) {
    const pieces = c.quickAll ? [text, ...piecesFromMatches(text, c.quickAll)] : [text];
    for (const piece of pieces) if (matchBlock(piece, table, c).m.names.some((r) => isAnchor(table, r))) return true;
  }
  return false;
}

export interface PageScore {
  score: number;
  /** topical evidence (needed when the only anchors are ambiguous names or descriptions) */
  topical: number;
  anchored: boolean;
  /** anchored by a venue or event name or a gunman's name */
  firm: boolean;
}

/** Recognizes the mentions in a page given as text blocks (offsets in each mention are into its block). */
export function recognizeBlocks(blocks: readonly string[], table: MatcherTable): PageResult {
  return recognizeDetailed(blocks, table).result;
}

/**
 * `recognizeBlocks` with the score that decided the gating (for the CLI and tests). `layout` says which blocks lie
 * in menus, sidebars and footers and which are headlines, when known (lib/recognize/context.ts).
 */
export function recognizeDetailed(blocks: readonly string[], table: MatcherTable, layout: PageLayout = {}): { result: PageResult; score: PageScore } {
  const { result, score } = recognizeScored(blocks, table);
  return { result: { about: result.about, mentions: nearContext(result.mentions, result.context ?? [], layout) }, score };
}

/**
 * `recognizeBlocks` for a part of a page (a chunk, a batch): names that need context nearby carry `loose`, and
 * `context` says which blocks give it. The page's owner, who has all its blocks, applies `nearContext` over them.
 */
export function recognizeLoose(blocks: readonly string[], table: MatcherTable): PageResult {
  return recognizeScored(blocks, table).result;
}

/** An entity whose name is evidence of the attack by itself: a group such as IS-K, a gunman. */
function isEvidenceEntity(table: MatcherTable, ei: number): boolean {
  return (table.e[ei]?.[2] ?? 0) >= 1 || table.e[ei]?.[3] === 1;
}

/**
 * A cue group whose terms are evidence of the attack: attack words, the date, the toll. A year alone is not: a
 * listing of a concert in early 2024 names the venue and the year too.
 */
function isEvidenceGroup(table: MatcherTable, gi: number): boolean {
  const [, weight, , flags] = table.g[gi] as MatcherTable['g'][number];
  return weight > 0 && (flags & (GROUP.topical | GROUP.promotes)) !== 0;
}

/** What a block says about the attack (see `CONTEXT`). */
function contextOf(m: BlockMatch, table: MatcherTable): BlockContext {
  let firm = false;
  let ambiguous = false;
  let evidence = false;
  for (const r of m.names) {
    if (isFirmAnchor(table, r)) firm = true;
    else if (isAnchor(table, r)) ambiguous = true;
    // A group such as IS-K is evidence of an attack, not necessarily of this one ("IS claimed the Kerman bombing").
    if (strengthOf(table, r) === STRENGTH.event || isEvidenceEntity(table, entOf(table, r))) evidence = true;
  }
  for (const ci of m.cues) if (isEvidenceGroup(table, (table.c[ci] as MatcherTable['c'][number])[1])) evidence = true;
  let flags: BlockContext = CONTEXT.none;
  if (firm || ambiguous || evidence) flags |= CONTEXT.speaks;
  if (firm || (ambiguous && evidence)) flags |= CONTEXT.names;
  if (evidence) flags |= CONTEXT.evidence;
  return flags;
}

function recognizeScored(blocks: readonly string[], table: MatcherTable): { result: PageResult; score: PageScore } {
  const c = getCompiled(table);
  const matches = blocks.map((b) => matchBlock(b, table, c));

  // Page score.
  const [threshold, wEvent, wVenue, wWeak, wDesc, needTopical, asideTopical] = table.w;
  const strengths = new Set<number>();
  const entities = new Set<number>();
  const cueSet = new Set<number>();
  let anchored = false;
  let firmAnchor = false;
  for (const { m } of matches) {
    for (const r of m.names) {
      const ei = entOf(table, r);
      const strength = strengthOf(table, r);
      strengths.add(strength);
      entities.add(ei);
      if (isAnchor(table, r)) anchored = true;
      if (isFirmAnchor(table, r)) firmAnchor = true;
    }
    for (const ci of m.cues) cueSet.add(ci);
  }
  let score = 0;
  let topical = 0;
  if (strengths.has(STRENGTH.event)) score += wEvent;
  if (strengths.has(STRENGTH.venue)) score += wVenue;
  if (strengths.has(STRENGTH.weak)) score += wWeak;
  if (strengths.has(STRENGTH.description)) score += wDesc;
  for (const ei of entities) {
    const weight = table.e[ei]?.[2] ?? 0;
    score += weight;
    if (weight >= 0.5) topical += weight;
  }
  const perGroup = new Map<number, number>();
  for (const ci of cueSet) {
    const gi = (table.c[ci] as MatcherTable['c'][number])[1];
    perGroup.set(gi, (perGroup.get(gi) ?? 0) + 1);
  }
  for (const [gi, count] of perGroup) {
    const [, weight, cap, flags] = table.g[gi] as MatcherTable['g'][number];
    const total = weight * count;
    const part = weight >= 0 ? Math.min(total, cap) : Math.max(total, cap);
    score += part;
    if (flags & GROUP.topical && part > 0) topical += part;
  }
  // Evidence of the attack itself, not just of the venue (a concert listing names the venue too): an attack,
  // date or other topical cue, the event's name, a gunman, or a group such as IS-K.
  let evidence = strengths.has(STRENGTH.event);
  for (const ei of entities) if (isEvidenceEntity(table, ei)) evidence = true;
  for (const [gi] of perGroup) if (isEvidenceGroup(table, gi)) evidence = true;
  const scored = anchored && evidence && score >= threshold && (firmAnchor || topical >= needTopical);
  // Firmly named with strong evidence, on a page whose cues are about something else: about it in sections only
  // (CONTEXT.aside, lib/recognize/context.ts).
  const aside = !scored && firmAnchor && evidence && asideTopical > 0 && topical >= asideTopical;
  const about = scored || aside;
  const mentions: BlockMention[] = [];
  if (about) {
    matches.forEach(({ norm, m }, block) => {
      const original = blocks[block] as string;
      // A block with negative cues and nothing for the attack: its ambiguous names are about something else.
      let positive = 0;
      let negative = 0;
      let strong = false;
      for (const ci of m.cues) {
        const weight = (table.g[(table.c[ci] as MatcherTable['c'][number])[1]] as MatcherTable['g'][number])[1];
        if (weight > 0) positive++;
        else if (weight < 0) negative++;
      }
      for (const r of m.names) if (strengthOf(table, r) >= STRENGTH.venue) strong = true;
      const dropWeak = negative > 0 && positive === 0 && !strong;
      for (const r of m.names) {
        const ei = entOf(table, r);
        const strength = strengthOf(table, r);
        if (dropWeak && (strength === STRENGTH.weak || strength === STRENGTH.description)) continue;
        const start = norm.start[r.s] as number;
        const end = balanceQuotes(original, start, norm.end[r.e - 1] as number);
        const [id, kind] = table.e[ei] as MatcherTable['e'][number];
        if (table.q?.includes(kind)) continue;
        const mention: BlockMention = { block, start, end, text: original.slice(start, end), kind, entity: id };
        if (r.inner) mention.inner = true;
        if (strength === STRENGTH.entity && !isAnchor(table, r)) mention.loose = true;
        mentions.push(mention);
      }
    });
  }
  const context = matches.map(({ m }) => contextOf(m, table) | (aside ? CONTEXT.aside : 0));
  return { result: { about, mentions, context }, score: { score, topical, anchored, firm: firmAnchor } };
}

/**
 * What the extension does with a page: the quick check on its whole text first (the sentinel), then the
 * recognizer. Use this wherever the result must equal what would be highlighted (CLI, measurements); `layout`
 * as for `recognizeDetailed`.
 */
export function recognizePage(blocks: readonly string[], table: MatcherTable, layout: PageLayout = {}): PageResult {
  if (!quickCheck(blocks.join('\n'), table)) return { about: false, mentions: [] };
  return recognizeDetailed(blocks, table, layout).result;
}

/**
 * One text with paragraphs separated by newlines (each a block), as `recognizePage` sees it; mention offsets are
 * into the whole text.
 */
export function recognizeText(text: string, table: MatcherTable): PageResult {
  const blocks: string[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const part of text.split('\n')) {
    blocks.push(part);
    offsets.push(at);
    at += part.length + 1;
  }
  const res = recognizePage(blocks, table);
  return {
    about: res.about,
    mentions: res.mentions.map((m) => ({ ...m, start: m.start + (offsets[m.block] as number), end: m.end + (offsets[m.block] as number) })),
  };
}
