/**
 * Build-time compiler: knowledge pack (entities' names + the `recognition` section) → matcher table.
 *
 * Everything the matcher recognizes comes from the pack; this file only knows how to turn names into patterns:
 * normalize them, mark stem vowels as optional, decide which event/venue names are specific ("strong") and which
 * are ambiguous or descriptive, flag acronyms and single-word proper names, and pick the anchor tokens of the
 * quick pre-filter.
 */
import type { Entity, EntityType, KnowledgePack, Recognition } from '../knowledge/schema';
import { normalize, normalizeText, originalRange } from './normalize';
import { SCRIPT_NAMES, Sc, isUnspaced, scriptOf } from './scripts';
import { FLAG, GROUP, SHORT_LETTERS, STRENGTH, type MatcherTable } from './table';

/** What the compiler reads from a pack. */
export type PackForMatcher = Pick<KnowledgePack, 'entities'> & { recognition?: Recognition | undefined };

/** Used when a pack has no `recognition` section: the entities' names alone, with neutral weights, no cues. */
export const DEFAULT_RECOGNITION: Recognition = {
  markers: ['Crocus', 'Крокус'],
  scripts: { suffix: { latin: 6, cyrillic: 6, greek: 4, armenian: 6, georgian: 6, other: 3, digit: 0 }, starSuffix: 14, gap: 3, minStem: 4 },
  weights: {
    threshold: 3,
    strongEvent: 4,
    strongVenue: 2,
    weak: 1,
    description: 1,
    entityDefault: { event: 0, venue: 0, place: 0, group: 0.5, person: 0.25, institution: 0.25, state: 0 },
  },
  cues: [],
};

export interface CompileReport {
  /** Patterns claimed by two entities: [pattern, kept entity, dropped entity]. */
  collisions: [string, string, string][];
  /** Names that normalize to nothing matchable. */
  skipped: string[];
}

const KIND_PRIORITY: Record<EntityType, number> = { event: 6, venue: 5, group: 4, person: 3, institution: 2, place: 1, state: 0 };

function firstCodePoint(s: string): number {
  return s.codePointAt(0) ?? 0;
}

/** Letters of `s` (for case checks). */
function letters(s: string): string {
  return [...s].filter((ch) => /\p{L}/u.test(ch)).join('');
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Acronym: 2–6 letters, all capitals ("IS-K", "FSB", "ИГИЛ", "DEAŞ", "U.S."). */
function isAcronym(name: string): boolean {
  const l = letters(name);
  const n = [...l].length;
  return n >= 2 && n <= 6 && l === l.toUpperCase() && l !== l.toLowerCase();
}

/**
 * Strips non-letter, non-digit characters from both ends of a normalized name ("#крокусситихолл"); the final dot
 * of an abbreviation with inner dots stays ("u.s.").
 */
function trimEnds(norm: string): string {
  const chars = [...norm];
  let a = 0;
  let b = chars.length;
  while (a < b && scriptOf(firstCodePoint(chars[a] as string)) === Sc.None) a++;
  while (b > a && scriptOf(firstCodePoint(chars[b - 1] as string)) === Sc.None) b--;
  if (b < chars.length && chars[b] === '.' && chars.slice(a, b).includes('.')) b++;
  return chars.slice(a, b).join('');
}

/** Words of a normalized name (hyphens and spaces both separate words). */
function toWords(norm: string): string[] {
  return norm
    .replace(/(?<=\S)-(?=\S)/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

function scriptOfWord(word: string): Sc {
  for (const ch of word) {
    const sc = scriptOf(firstCodePoint(ch));
    if (sc !== Sc.None && sc !== Sc.Digit) return sc;
  }
  return Sc.None;
}

interface Built {
  /** Pattern with `?` after optional characters. */
  pattern: string;
  /** Pattern without the optional marks: the plain matching form. */
  plain: string;
  words: string[];
  flags: number;
}

interface Rules {
  vowels: Map<Sc, string>;
  minStem: number;
}

/** Turns one name into a pattern; undefined when nothing matchable remains. */
function buildPattern(name: string, rules: Rules, opts: { stems: boolean; star: boolean }): Built | undefined {
  let raw = name.trim();
  let star = opts.star;
  if (raw.endsWith('*')) {
    star = true;
    raw = raw.slice(0, -1);
  }
  // An inner word's star ("торгов* центр*") needs no mark: inner words take a short suffix anyway (the gap).
  raw = raw.replace(/\*(?=[\s-])/gu, '').replaceAll('?', '');
  const plain = trimEnds(normalizeText(raw));
  if (plain === '') return undefined;
  const words = toWords(plain);
  if (words.length === 0) return undefined;
  let flags = star ? FLAG.star : 0;
  const acro = isAcronym(raw);
  if (acro) flags |= FLAG.acro;
  const firstLetter = [...letters(raw)][0] ?? '';
  if (!acro && words.length === 1 && firstLetter !== '' && isCased(firstLetter) && firstLetter === firstLetter.toUpperCase()) {
    const sc = scriptOfWord(words[0] as string);
    if (!isUnspaced(sc)) flags |= FLAG.cap;
  }
  // In a name of several words the whole is specific enough for short stems ("ჰოლი" → "ჰოლში").
  const minStem = words.length > 1 ? Math.min(rules.minStem, 2) : rules.minStem;
  const outWords = words.map((w) => {
    if (!opts.stems || acro || star) return w;
    const sc = scriptOfWord(w);
    const vowels = rules.vowels.get(sc);
    if (!vowels) return w;
    const chars = [...w];
    let k = chars.length;
    let dropped = 0;
    while (dropped < 2 && k - 1 >= minStem && vowels.includes(chars[k - 1] as string)) {
      k--;
      dropped++;
    }
    if (dropped === 0) return w;
    return chars.slice(0, k).join('') + chars.slice(k).map((c) => `${c}?`).join('');
  });
  return { pattern: outWords.join(' '), plain: words.join(' '), words, flags };
}

/** Name variants from `wordVariants` (Ukrainian у/в): at most 8 per name. */
function variantsOf(name: string, wordVariants: Record<string, string[]> | undefined): string[] {
  if (!wordVariants) return [name];
  const parts = name.split(' ');
  let out: string[][] = [[]];
  for (const p of parts) {
    const alts = [p, ...(wordVariants[p.toLowerCase()] ?? [])];
    const next: string[][] = [];
    for (const prefix of out) for (const a of alts) if (next.length < 8) next.push([...prefix, a]);
    out = next;
  }
  return out.map((ws) => ws.join(' '));
}

/** One word of at most SHORT_LETTERS letters, not a stem or an acronym (those have their own suffix rules). */
function isShortWord(built: Built): boolean {
  return built.words.length === 1 && !(built.flags & (FLAG.star | FLAG.acro)) && [...letters(built.plain)].length <= SHORT_LETTERS;
}

function containsMarker(built: Built, markers: string[]): boolean {
  for (const m of markers) {
    const sc = scriptOfWord(m);
    if (isUnspaced(sc)) {
      if (built.plain.includes(m)) return true;
    } else if (built.words.some((w) => w.startsWith(m))) return true;
  }
  return false;
}

function isStrongWithMarker(built: Built, markers: string[]): boolean {
  if (built.words.length >= 2) return true;
  // One word: strong only if it is clearly longer than its marker (クロッカスシティホール, 克罗库斯城市音乐厅,
  // крокусситихолл), not an inflection of it (Крокусе).
  const w = built.words[0] as string;
  for (const m of markers) {
    if (!w.includes(m)) continue;
    const extra = [...w].length - [...m].length;
    if (extra >= (isUnspaced(scriptOfWord(m)) ? 2 : 4)) return true;
  }
  return false;
}

/** Compiles the matcher table; `report` (optional) receives collisions and skipped names. */
export function compileMatcherTable(pack: PackForMatcher, report?: CompileReport): MatcherTable {
  const rec = pack.recognition ?? DEFAULT_RECOGNITION;
  const entities = pack.entities;
  const byId = new Map<string, Entity>(entities.map((e) => [e.id, e]));
  const checkId = (id: string, where: string): void => {
    if (!byId.has(id)) throw new Error(`recognition.${where}: unknown entity "${id}"`);
  };
  for (const id of Object.keys(rec.names ?? {})) checkId(id, 'names');
  for (const id of Object.keys(rec.descriptions ?? {})) checkId(id, 'descriptions');
  for (const id of Object.keys(rec.weights.entities ?? {})) checkId(id, 'weights.entities');
  for (const id of rec.anchors ?? []) checkId(id, 'anchors');

  const vowels = new Map<Sc, string>();
  for (const [script, v] of Object.entries(rec.scripts.vowels ?? {})) {
    const sc = SCRIPT_NAMES[script];
    if (sc === undefined) throw new Error(`recognition.scripts.vowels: unknown script "${script}"`);
    vowels.set(sc, normalizeText(v));
  }
  const rules: Rules = { vowels, minStem: rec.scripts.minStem };
  const markers = rec.markers.map((m) => trimEnds(normalizeText(m))).filter((m) => m !== '');
  const weakNames = new Set((rec.weakNames ?? []).map((n) => toWords(trimEnds(normalizeText(n))).join(' ')));
  const anchors = new Set(rec.anchors ?? []);

  // Entities.
  const eIndex = new Map<string, number>();
  const e: MatcherTable['e'] = entities.map((ent, i) => {
    eIndex.set(ent.id, i);
    const weight = rec.weights.entities?.[ent.id] ?? rec.weights.entityDefault[ent.type] ?? 0;
    return [ent.id, ent.type, weight, anchors.has(ent.id) ? 1 : 0];
  });

  // Names.
  const names = new Map<string, MatcherTable['n'][number]>();
  const collisions: CompileReport['collisions'] = [];
  /** Anchoring names as written and their patterns, for the quick pre-filter. */
  const anchorSources: [string, string][] = [];
  const skipped: string[] = [];
  const addName = (ent: Entity, name: string, description: boolean): void => {
    for (const variant of variantsOf(name, rec.wordVariants)) {
      const built = buildPattern(variant, rules, { stems: true, star: false });
      if (!built) {
        skipped.push(`${ent.id}: ${name}`);
        continue;
      }
      let strength: number = STRENGTH.entity;
      if (ent.type === 'event' || ent.type === 'venue') {
        // Descriptions are classified like names: one that names a marker ("Krasnogorsk attack") is specific.
        if (weakNames.has(built.plain)) strength = description ? STRENGTH.description : STRENGTH.weak;
        else if (containsMarker(built, markers)) {
          strength = isStrongWithMarker(built, markers) ? (ent.type === 'event' ? STRENGTH.event : STRENGTH.venue) : STRENGTH.weak;
        } else strength = STRENGTH.description;
      }
      const idx = eIndex.get(ent.id) as number;
      if (strength > STRENGTH.entity || anchors.has(ent.id)) anchorSources.push([variant, built.pattern]);
      const prev = names.get(built.pattern);
      if (!prev) {
        names.set(built.pattern, [built.pattern, idx, strength, built.flags]);
        continue;
      }
      if (prev[1] === idx) {
        // Same entity: keep the most permissive case rule and the strongest reading.
        prev[3] = prev[3] & built.flags;
        prev[2] = Math.max(prev[2], strength);
        continue;
      }
      const other = entities[prev[1]] as Entity;
      if (KIND_PRIORITY[ent.type] > KIND_PRIORITY[other.type]) {
        collisions.push([built.pattern, ent.id, other.id]);
        names.set(built.pattern, [built.pattern, idx, strength, built.flags]);
      } else collisions.push([built.pattern, other.id, ent.id]);
    }
  };
  for (const ent of entities) {
    for (const list of Object.values(ent.names)) for (const name of list) addName(ent, name, false);
    for (const list of Object.values(rec.names?.[ent.id] ?? {})) for (const name of list) addName(ent, name, false);
    for (const list of Object.values(rec.descriptions?.[ent.id] ?? {})) for (const name of list) addName(ent, name, true);
  }

  // Cues.
  const g: MatcherTable['g'] = [];
  const cues = new Map<string, MatcherTable['c'][number]>();
  rec.cues.forEach((group, gi) => {
    g.push([
      group.id,
      group.weight,
      group.cap,
      (group.blocks ? GROUP.blocks : 0) |
        (group.topical ? GROUP.topical : 0) |
        (group.promotes ? GROUP.promotes : 0) |
        ((rec.proximity ?? []).some((r) => r.group === group.id) ? GROUP.proximity : 0),
    ]);
    for (const list of Object.values(group.terms)) {
      for (const term of list) {
        // Venue words inflect like names ("konser salonuna", "salę koncertową").
        const built = buildPattern(term, rules, { stems: group.inflects === true, star: false });
        if (!built) {
          skipped.push(`cue ${group.id}: ${term}`);
          continue;
        }
        const key = `${gi}\u0000${built.pattern}`;
        const prev = cues.get(key);
        if (prev) prev[2] = prev[2] & built.flags;
        else cues.set(key, [built.pattern, gi, (built.flags & (FLAG.acro | FLAG.star)) | (isShortWord(built) ? FLAG.short : 0)]);
      }
    }
  });

  // Scripts.
  const sfx: number[] = [];
  for (let sc = 0; sc <= Sc.OtherLetter; sc++) sfx.push(0);
  const defaultSuffix = rec.scripts.suffix.other ?? 3;
  for (let sc = Sc.Latin; sc <= Sc.OtherLetter; sc++) sfx[sc] = isUnspaced(sc as Sc) ? 0 : defaultSuffix;
  for (const [script, n] of Object.entries(rec.scripts.suffix)) {
    if (script === 'digit') {
      sfx[Sc.Digit] = n;
      continue;
    }
    const sc = SCRIPT_NAMES[script];
    if (sc === undefined) throw new Error(`recognition.scripts.suffix: unknown script "${script}"`);
    sfx[sc] = n;
  }
  const pre: MatcherTable['pre'] = [];
  for (const [script, p] of Object.entries(rec.scripts.prefixes ?? {})) {
    const sc = SCRIPT_NAMES[script];
    if (sc === undefined) throw new Error(`recognition.scripts.prefixes: unknown script "${script}"`);
    pre.push([sc, normalizeText(p.letters), p.max, p.beforeCapital ? 1 : 0]);
  }

  const w = rec.weights;
  const n = [...names.values()];
  const px: MatcherTable['px'] = [];
  for (const rule of rec.proximity ?? []) {
    checkId(rule.entity, 'proximity.entity');
    for (const id of rule.places) checkId(id, 'proximity.places');
    const gi = rec.cues.findIndex((g) => g.id === rule.group);
    if (gi < 0) throw new Error(`recognition.proximity: unknown cue group "${rule.group}"`);
    px.push([eIndex.get(rule.entity) as number, gi, rule.places.map((id) => eIndex.get(id) as number), rule.window]);
  }
  const table: MatcherTable = {
    v: 1,
    e,
    n,
    c: [...cues.values()],
    g,
    sfx,
    star: rec.scripts.starSuffix,
    gap: rec.scripts.gap,
    pre,
    px,
    w: [w.threshold, w.strongEvent, w.strongVenue, w.weak, w.description, w.topical ?? 0, w.aside ?? 0],
    quick: '',
    ...(rec.quietTypes?.length ? { q: rec.quietTypes } : {}),
  };
  // Anchor tokens of the quick pre-filter: markers, then the one-word names of the places the descriptions use.
  const stems: string[] = [...markers];
  for (const id of rec.quickAnchors ?? []) {
    checkId(id, 'quickAnchors');
    const ent = byId.get(id) as Entity;
    for (const list of Object.values(ent.names)) {
      for (const name of list) {
        const built = buildPattern(name, rules, { stems: true, star: false });
        if (built && built.words.length === 1) stems.push(fixedPart(built.pattern));
      }
    }
  }
  for (const id of anchors) {
    const ent = byId.get(id) as Entity;
    for (const list of Object.values(ent.names)) {
      for (const name of list) {
        const built = buildPattern(name, rules, { stems: true, star: false });
        if (built && built.words.length === 1) stems.push(fixedPart(built.pattern));
      }
    }
  }
  table.quick = buildQuick(anchorSources, stems.filter((x) => [...x].length >= 3));
  if (report) {
    report.collisions.push(...collisions);
    report.skipped.push(...skipped);
  }
  return table;
}

// ---------------------------------------------------------------------------------------------------------------
// Quick pre-filter

/** Characters of a word before its first optional one: present verbatim in any text the word matches. */
function fixedPart(word: string): string {
  const q = word.indexOf('?');
  return q < 0 ? word : word.slice(0, q - 1);
}

function truncateAnchor(word: string): string {
  const chars = [...word];
  const sc = scriptOfWord(word);
  const max = sc === Sc.Thai || sc === Sc.Lao ? 4 : isUnspaced(sc) ? 3 : 6;
  return chars.slice(0, max).join('');
}

/**
 * The anchor of a pattern: a token that any text it matches contains. Preferred, so that the pre-filter stays
 * small and selective: a marker (crocus, крокус, ...) or a place stem (Moscow and its region in every language),
 * else the pattern's longest word.
 */
function anchorOf(pattern: string, preferred: string[]): string {
  const words = pattern.split(' ').map(fixedPart);
  for (const stem of preferred) {
    const sc = scriptOfWord(stem);
    for (const w of words) if (isUnspaced(sc) || sc === Sc.Hebrew || sc === Sc.Arabic ? w.includes(stem) : w.startsWith(stem)) return stem;
  }
  let best = '';
  for (const w of words) if ([...w].length > [...best].length) best = w;
  return truncateAnchor(best);
}

/** Escapes a regex syntax character (valid with the `u` flag: no identity escapes of other characters). */
function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

interface QNode {
  next: Map<string, QNode>;
  end: boolean;
}

/** Serializes a trie of anchors as one regular expression; a shorter anchor makes its longer ones redundant. */
function serialize(node: QNode): string {
  if (node.end) return '';
  const parts = [...node.next.entries()].map(([ch, child]) => escapeChar(ch) + serialize(child));
  return parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
}

/** The same token as the name writes it (lower case): "підмосков" for the anchor "пидмосков" of "Підмосков'я". */
function rawAnchor(raw: string, anchor: string): string | undefined {
  const norm = normalize(raw);
  const at = norm.text.indexOf(anchor);
  if (at < 0) return undefined;
  const [a, b] = originalRange(norm, at, at + anchor.length);
  const out = raw.slice(a, b).normalize('NFC').toLowerCase();
  return /[\u00ad\u200b-\u200f]/.test(out) ? undefined : out;
}

/**
 * The quick pattern (flags `i`): a trie-shaped alternation of the anchor tokens of every anchoring name, each in
 * its matching form and as the pack writes it, so that texts with or without diacritics both pass.
 */
export function buildQuick(sources: readonly (readonly [raw: string, pattern: string])[], preferredStems: string[] = []): string {
  const preferred = [...new Set(preferredStems)].sort((a, b) => b.length - a.length);
  const tokens = new Set<string>();
  for (const [raw, pattern] of sources) {
    const a = anchorOf(pattern, preferred);
    if (a === '') continue;
    tokens.add(a);
    const r = rawAnchor(raw, a);
    if (r) tokens.add(r);
  }
  const root: QNode = { next: new Map(), end: false };
  for (const a of [...tokens].sort((x, y) => x.length - y.length)) {
    let node = root;
    for (const ch of a) {
      if (node.end) break;
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    if (!node.end) {
      node.end = true;
      node.next.clear();
    }
  }
  return serialize(root);
}

/** Size of the table as JSON, in bytes (UTF-8). */
export function tableSize(table: MatcherTable): number {
  return new TextEncoder().encode(JSON.stringify(table)).length;
}
