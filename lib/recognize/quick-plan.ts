/**
 * The quick scanner's plan: its automaton's tables for one pattern, computed when the extension is built
 * (lib/build/pack-plugin.ts) and shipped with the pattern as data. Apart from the scanner (quick-scanner.ts), which
 * is injected into every page, so that no page parses this code.
 */

/** Bits of the scanner's state word that the automaton may use (the next one marks strip characters). */
export const GRAM_BITS = 29;

/** Longest prefix of the pattern's strings that the scanner's automaton follows (code units). */
export const GRAM_MAX = 4;
/** Most (prefix, length) pairs the parser follows at once; a pattern that needs more gets `quickTest`. */
const MAX_FRONT = 4096;

/**
 * The code units whose upper case is one unit that does not lower-case back to them (µ ı ſ ǅ ǈ ǋ ǲ ͅ ς ϐ ϑ ϕ ϖ ϰ ϱ ϵ ᲀ-ᲈ
 * ẛ ι, Unicode 17): besides a unit's upper case, lower case and the lower case of its upper case, the only units
 * that case-insensitive matching (without `u`: equal upper case) may relate to it.
 */
const CASE_EXTRAS =
  '\u00b5\u0131\u017f\u01c5\u01c8\u01cb\u01f2\u0345\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u1fbe';

/** What the scanner needs to know of a pattern. */
interface QuickShape {
  /** The first GRAM_MAX code units of every string the pattern matches (all of a shorter one), as written. */
  grams: string[];
  /** Length of the shortest and of the longest string it matches, in code units. */
  minLen: number;
  maxLen: number;
}

/** (prefix, length) pairs: the first GRAM_MAX units and the length of the strings matched so far. */
interface Front {
  p: string[];
  n: number[];
}

/**
 * The shape of a pattern in the quick pattern's syntax (what `buildQuick` makes): literal characters, escaped
 * syntax characters (`\(`), non-capturing groups `(?:a|b)`, alternation and `?` after an atom. `null` for any other
 * syntax (classes, other escapes and quantifiers, anchors, capturing groups...).
 *
 * (This and the rest of the set-up run once per page, before V8 optimizes anything: plain indexed loops, no
 * destructuring, spread or iterators, which are slow in V8's interpreter.)
 */
function quickShape(source: string): QuickShape | null {
  // Tokens: `(?:`, an escape, a syntax character, or a run of other characters.
  const tokens = source.match(/\(\?:|\\[\s\S]?|[()|?*+{}[\]^$.]|[^\\()|?*+{}[\]^$.]+/g) ?? [];
  // One frame per open group: the pairs before it, those of its finished alternatives, those of the current one.
  const starts: Front[] = [];
  const done: Front[] = [];
  let start: Front = { p: [''], n: [0] };
  let alts: Front = { p: [], n: [] };
  let cur = start;
  for (let pos = 0; pos < tokens.length; pos++) {
    const tok = tokens[pos] as string;
    const optional = tokens[pos + 1] === '?';
    if (optional && (tok === '(?:' || tok === '|' || '?*+{'.includes(tokens[pos + 2] ?? '|'))) return null;
    if (tok === '(?:') {
      starts.push(start);
      done.push(alts);
      start = cur;
      alts = { p: [], n: [] };
    } else if (tok === '|') {
      add(alts, cur);
      cur = start;
    } else if (tok === ')') {
      if (starts.length === 0) return null;
      const group = distinct(add(alts, cur));
      cur = optional ? distinct(join(start, group)) : group;
      start = starts.pop() as Front;
      alts = done.pop() as Front;
    } else {
      let run = tok;
      if (tok.charCodeAt(0) === 0x5c) {
        if (tok.length !== 2 || !'\\^$.*+?()[]{}|/'.includes(tok[1] as string)) return null;
        run = tok[1] as string;
      } else if (tok.length === 1 && '()?*+{}[]^$.'.includes(tok)) {
        return null;
      }
      if (optional) {
        // `?` makes only the last unit of a run optional.
        const before = append(cur, run.slice(0, -1));
        cur = distinct(join(before, append(before, run.slice(-1))));
      } else {
        cur = append(cur, run);
      }
    }
    if (optional) pos++;
    if (cur.p.length > MAX_FRONT) return null;
  }
  if (starts.length > 0) return null;
  const ends = distinct(add(alts, cur));
  const grams: string[] = [];
  let minLen = Infinity;
  let maxLen = 0;
  for (let i = 0; i < ends.p.length; i++) {
    if (!grams.includes(ends.p[i] as string)) grams.push(ends.p[i] as string);
    minLen = Math.min(minLen, ends.n[i] as number);
    maxLen = Math.max(maxLen, ends.n[i] as number);
  }
  return { grams, minLen, maxLen };
}

function append(front: Front, run: string): Front {
  const out: Front = { p: [], n: [] };
  for (let i = 0; i < front.p.length; i++) {
    const n = front.n[i] as number;
    out.p.push(n < GRAM_MAX ? ((front.p[i] as string) + run).slice(0, GRAM_MAX) : (front.p[i] as string));
    out.n.push(n + run.length);
  }
  return out;
}

function join(a: Front, b: Front): Front {
  return { p: a.p.concat(b.p), n: a.n.concat(b.n) };
}

/** Adds the pairs of `b` to `a` (a group's own list of finished alternatives), and returns `a`. */
function add(a: Front, b: Front): Front {
  for (let i = 0; i < b.p.length; i++) {
    a.p.push(b.p[i] as string);
    a.n.push(b.n[i] as number);
  }
  return a;
}

/** The pairs without repeats (only where there are many: repeats cost nothing but time). */
function distinct(front: Front): Front {
  if (front.p.length < 64) return front;
  const seen = new Set<string>();
  const out: Front = { p: [], n: [] };
  for (let i = 0; i < front.p.length; i++) {
    const key = `${front.n[i]}:${front.p[i]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.p.push(front.p[i] as string);
    out.n.push(front.n[i] as number);
  }
  return out;
}

/**
 * For each code unit of `units` (at the same index), the units that case-insensitive matching without `u` may treat
 * as equal to it (itself included): its upper case, its lower case, the lower case of its upper case, and those of
 * CASE_EXTRAS with the same upper case (units related by equal upper case, which every pair the RegExp's
 * Canonicalize relates is; a few more, such as ı for i, which only cost a look by the RegExp where one occurs).
 */
function caseVariants(units: string): string[] {
  // Unit by unit (a unit whose mapping is not one unit stays itself). Upper case: the whole string's where that keeps
  // its length (no unit maps to none; upper-casing has no context). Lower case: unit by unit, as a string's lower
  // case depends on the context (Σ at the end of a word: ς).
  const map = (s: string, upper: boolean): string => {
    const whole = upper ? s.toUpperCase() : '';
    if (whole.length === s.length) return whole;
    let out = '';
    for (let j = 0; j < s.length; j++) {
      const m = upper ? (s[j] as string).toUpperCase() : (s[j] as string).toLowerCase();
      out += m.length === 1 ? m : s[j];
    }
    return out;
  };
  const up = map(units, true);
  const low = map(units, false);
  const upLow = map(up, false);
  const extrasUp = map(CASE_EXTRAS, true);
  const out: string[] = [];
  for (let j = 0; j < units.length; j++) {
    let vs = '';
    const add = (c: string): void => {
      if (!vs.includes(c)) vs += c;
    };
    add(units[j] as string);
    add(up[j] as string);
    add(low[j] as string);
    add(upLow[j] as string);
    for (let k = extrasUp.indexOf(up[j] as string); k >= 0; k = extrasUp.indexOf(up[j] as string, k + 1)) add(CASE_EXTRAS[k] as string);
    for (let k = extrasUp.indexOf(units[j] as string); k >= 0; k = extrasUp.indexOf(units[j] as string, k + 1)) add(CASE_EXTRAS[k] as string);
    out.push(vs);
  }
  return out;
}

/**
 * The scanner's tables for one pattern, as plain data (what `quickScannerPlan` computes; JSON-serializable, so it
 * can be computed when the extension is built and shipped with the pattern).
 */
export interface QuickScannerPlan {
  /** Code units and, at the same index, their automaton bits (strip characters not included). */
  units: string;
  bits: number[];
  /** Bits where a gram starts, and pairs: bits where the grams of one length end, that length. */
  start: number;
  ends: number[];
  /** Length of the longest string the pattern matches (code units). */
  maxLen: number;
  /** The `gramSlot` of every gram: the scanner's filter of its automaton's hits (see `hashUnit`). */
  grams: number[];
}

/** Size of the scanner's table of gram slots (a power of 2). */
export const GRAM_SLOTS = 1 << 16;

/**
 * A gram's slot in the scanner's table is a hash of its length and its units' automaton bits, which are the same for
 * every way the RegExp may spell a unit (`quickScannerPlan` gives a case class one mask):
 * `gramSlot(hashUnit(...hashUnit(length, bits of unit 0)..., bits of the last unit))`. A group of the automaton's
 * bits accepts every combination of its grams' units by position ("easo" from "east" and "reason"...): on news text
 * thousands of such hits per MB, hardly any of them a gram. A hit whose slot no gram holds cannot start a match, so
 * the scanner skips the RegExp there.
 */
export const hashUnit = (hash: number, bits: number): number => Math.imul(hash ^ bits, 0x01000193);
export const gramSlot = (hash: number): number => (hash >>> 16) & (GRAM_SLOTS - 1);

/** Case classes: units that case-insensitive matching may relate (`caseVariants`, closed transitively) share one. */
function caseClasses(units: string, variants: string[]): Map<number, number> {
  const classOf = new Map<number, number>();
  let next = 1;
  for (let i = 0; i < units.length; i++) {
    const vs = variants[i] as string;
    // The class of a variant met before, else a new one; classes this unit links are merged into it.
    let cls = 0;
    for (let k = 0; k < vs.length && cls === 0; k++) cls = classOf.get(vs.charCodeAt(k)) ?? 0;
    if (cls === 0) cls = next++;
    for (let k = 0; k < vs.length; k++) {
      const old = classOf.get(vs.charCodeAt(k));
      if (old !== undefined && old !== cls) classOf.forEach((c, u) => c === old && classOf.set(u, cls));
      classOf.set(vs.charCodeAt(k), cls);
    }
  }
  return classOf;
}

/**
 * The tables of the scanner of `source`, or `null` if `source` is not in the quick pattern's syntax (see
 * `quickShape`), or needs the `u` flag, or matches the empty string: the scanner then uses `quickTest`.
 *
 * The automaton: the first GRAM_MAX units (all of a shorter string) of every string the pattern matches ("grams")
 * go to groups of bits, one bit per unit of a gram, in a 29-bit word; the mask of a unit has bit t of a group for
 * each gram of that group whose unit t it may be (case variants included).
 */
export function quickScannerPlan(source: string): QuickScannerPlan | null {
  const shape = source.includes('\\u{') ? null : quickShape(source);
  if (!shape || shape.minLen === 0) return null;
  const grams = shape.grams;
  let units = '';
  for (let i = 0; i < grams.length; i++) {
    const g = grams[i] as string;
    for (let t = 0; t < g.length; t++) if (!units.includes(g[t] as string)) units += g[t];
  }
  const variants = caseVariants(units);

  // Groups of bits: one per gram length, then more for the lengths with the most grams, while bits remain.
  const byLength: string[][] = [];
  for (let l = 0; l <= GRAM_MAX; l++) byLength.push([]);
  for (let i = 0; i < grams.length; i++) (byLength[(grams[i] as string).length] as string[]).push(grams[i] as string);
  const groups: number[] = [];
  let free = GRAM_BITS;
  for (let l = 1; l <= GRAM_MAX; l++) {
    const count = (byLength[l] as string[]).length > 0 ? 1 : 0;
    groups.push(count);
    free -= count * l;
  }
  for (;;) {
    let pick = 0;
    let load = 1;
    for (let l = 1; l <= GRAM_MAX; l++) {
      const perGroup = (byLength[l] as string[]).length / (groups[l - 1] as number);
      if (l <= free && perGroup > load) {
        pick = l;
        load = perGroup;
      }
    }
    if (pick === 0) break;
    groups[pick - 1] = (groups[pick - 1] as number) + 1;
    free -= pick;
  }

  // Grams that share their first two units share a group; those of one script (256-unit block) take the groups in
  // turn, so that a group mixes grams of different scripts (a group also accepts every combination of its grams'
  // units by position, which across scripts hardly ever occurs in a text).
  const bitsOf = new Map<number, number>();
  let start = 0;
  const ends: number[] = [];
  let offset = 0;
  for (let l = 1; l <= GRAM_MAX; l++) {
    const count = groups[l - 1] as number;
    if (count === 0) continue;
    let endBits = 0;
    for (let g = 0; g < count; g++) {
      start |= 1 << (offset + g * l);
      endBits |= 1 << (offset + g * l + l - 1);
    }
    const pairGroup = new Map<string, number>();
    const turn = new Map<number, number>();
    const list = byLength[l] as string[];
    for (let i = 0; i < list.length; i++) {
      const gram = list[i] as string;
      const pair = gram.slice(0, 2).toUpperCase();
      let g = pairGroup.get(pair);
      if (g === undefined) {
        const block = gram.charCodeAt(0) >> 8;
        g = (turn.get(block) ?? 0) % count;
        turn.set(block, g + 1);
        pairGroup.set(pair, g);
      }
      for (let t = 0; t < l; t++) {
        const vs = variants[units.indexOf(gram[t] as string)] as string;
        const bit = 1 << (offset + g * l + t);
        for (let k = 0; k < vs.length; k++) bitsOf.set(vs.charCodeAt(k), (bitsOf.get(vs.charCodeAt(k)) ?? 0) | bit);
      }
    }
    ends.push(endBits, l);
    offset += count * l;
  }
  if (offset > GRAM_BITS) return null;
  // One mask per case class: the slot of a gram is then the same however the text spells it.
  const classOf = caseClasses(units, variants);
  const classBits = new Map<number, number>();
  bitsOf.forEach((bits, u) => classBits.set(classOf.get(u) as number, (classBits.get(classOf.get(u) as number) ?? 0) | bits));
  const plan: QuickScannerPlan = { units: '', bits: [], start, ends, maxLen: shape.maxLen, grams: [] };
  bitsOf.forEach((_, u) => {
    plan.units += String.fromCharCode(u);
    plan.bits.push(classBits.get(classOf.get(u) as number) as number);
  });
  for (let i = 0; i < grams.length; i++) {
    const gram = grams[i] as string;
    let hash = gram.length;
    for (let t = 0; t < gram.length; t++) hash = hashUnit(hash, classBits.get(classOf.get(gram.charCodeAt(t)) as number) as number);
    const slot = gramSlot(hash);
    if (!plan.grams.includes(slot)) plan.grams.push(slot);
  }
  return plan;
}

