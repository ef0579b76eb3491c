/**
 * The quick scanner: the same answer as `quickTest(text, quickPattern(source))` from one loop over a long text's code
 * units, about five times faster than the two RegExp passes of `quickTest` on a page without a match (the sentinel
 * on a 10 MB page: ~24 ms instead of ~103 ms in Chromium). Only the sentinel uses it.
 */
import { groupSource, type QuickGroup } from './quick-groups';
import { GRAM_BITS, GRAM_MAX, GRAM_SLOTS, gramSlot, hashUnit, type QuickScannerPlan } from './quick-plan';
import { ANCHOR_REACH, classRanges, forgetLastMatch, QUICK_STRIP_CLASS, quickPattern, quickTest, quickWindows, quickWindowsPattern, windowsAround, type QuickWindows } from './quick';
/**
 * The scanner's state word: bit 29 marks a strip character (QUICK_STRIP_CLASS), bits 0-28 the automaton (the
 * plan's). Below 2^30, so that it stays a small integer (no heap number per unit before V8 optimizes the loop).
 */
const STRIP_BIT = 1 << GRAM_BITS;

/**
 * Texts shorter than this (code units) get `quickTest`: below it, setting up and warming up the scanner costs more
 * than the RegExp (measured in Chromium: ~2 ms to set up cold, ~4 ms until V8 optimizes the loop, then ~2 ns per
 * unit, against ~10 ns per unit for `quickTest` on a text without match; break-even near 600,000 units).
 */
export const QUICK_SCAN_MIN = 600_000;

/** The quick test of one pattern (`quickTest`, faster on long texts), and the text around its matches. */
export interface QuickScanner {
  (text: string): boolean;
  /**
   * `quickWindows(text, quickWindowsPattern(source), max)`: the pieces of the text around its matches (none: no match).
   * On a long text the scanner finds the matches, in one pass; its pieces are cut from the text as is (the
   * recognizer ignores the strip characters they may hold). `total`: the length of the whole text when `text` is a
   * part of it (a long page read in parts), which decides between the RegExp and the scanner as `text.length` does.
   */
  windows(text: string, max: number, total?: number): QuickWindows;
  /** Whether texts of this length (or parts of a text this long) are tested by the scanner, not the RegExp. */
  scans(total: number): boolean;
  /**
   * Of a long text tested in stretches (so that the caller can yield between them, without slicing the text: V8
   * reads a slice or a concatenation of strings ~1.5-2.5 times slower, unit by unit, than the string it came from),
   * `windows` for the matches that start in [from, to); the pieces are cut from the whole text. For the scanner's
   * texts (`scans`): a text without a plan gets the RegExp, over the stretch and the longest name's reach past it.
   */
  stretch(text: string, max: number, from: number, to: number): QuickWindows;
}

/**
 * A faster `quickTest` for one pattern: `createQuickScanner(source, { plan })(text) === quickTest(text,
 * quickPattern(source))` for every text; no difference is intended.
 *
 * Texts shorter than `minLength` (QUICK_SCAN_MIN) get `quickTest`. On the first longer one, the scanner sets up its
 * tables from `plan` (`quickScannerPlan(source)` of lib/recognize/quick-plan.ts, or that as JSON, parsed only then:
 * a page parses a string literal faster than the object; without a plan, `quickTest` for every text) and from then
 * on reads each text once, code unit by code unit, with the plan's bit-parallel (shift-and) automaton over one table of
 * masks per code unit. Where a gram ends and its units hash to a slot that a gram holds (the plan's `grams`: the
 * automaton also accepts combinations of its grams' units, ~8,000 per MB of news text, hardly any of them a gram),
 * the RegExp itself (sticky) tests the text at the gram's start: true always comes from the RegExp.
 *
 * Strip characters (soft hyphens, zero-width and bidi marks, combining marks) are handled in the same pass instead
 * of by a second test of the stripped text: where one occurs, a slower loop also runs the automaton over the text
 * as it reads without them (until GRAM_MAX units in a row are none), and a gram that ends there, or one from the
 * fast loop with a strip character within reach, is tested on the stripped stretch (what `quickTest` tests when the
 * text holds any).
 *
 * `folded`: `source` is `foldCase` of the pattern (computed at build time), which the RegExps use without the `i`
 * flag (faster to compile); `plan` is then the pattern's (a folded source has none of its own: `quickTest` then).
 *
 * Set-up (once, on the first long text), for the pack's pattern in Chromium: ~0.5 ms from a plan; the mask table
 * is an Int32Array of 65,536 entries (256 KB). Then ~4 ms until V8 has optimized the loop, and ~1.9 ns per code unit.
 */
export function createQuickScanner(
  source: string,
  options: { plan?: QuickScannerPlan | string | null; folded?: boolean; minLength?: number; groups?: QuickGroup[] | null } = {},
): QuickScanner {
  const minLength = options.minLength ?? QUICK_SCAN_MIN;
  const groups = options.groups ?? null;
  // Made when first needed: the sentinel on a short page uses only the windows' pattern, and V8 parses a pattern
  // when it is made.
  let quick: RegExp | undefined;
  const quickOf = () => (quick ??= quickPattern(source, '', options.folded));
  let find: Find | null | undefined;
  let windowsPattern: RegExp | undefined;
  const wholeWindows = () => (windowsPattern ??= quickWindowsPattern(source, options.folded));
  // With groups (quick-groups.ts, slices of `source`): the windows' pattern of only the groups whose first units
  // the text holds.
  const firsts: RegExp[] = [];
  const byPresent = new Map<number, RegExp>();
  const windowsOf = (text: string): RegExp => {
    if (!groups) return wholeWindows();
    let present = 0;
    for (let i = 0; i < groups.length; i++) if ((firsts[i] ??= new RegExp((groups[i] as QuickGroup).first)).test(text)) present |= 1 << i;
    if (present === (1 << groups.length) - 1) return wholeWindows();
    let pattern = byPresent.get(present);
    if (!pattern) {
      const alts = groups.filter((_, i) => present & (1 << i)).map((g) => groupSource(source, g));
      // No group present: only the strip characters can be found (`(?!)` never matches).
      pattern = quickWindowsPattern(alts.length ? `(?:${alts.join('|')})` : '(?!)', options.folded);
      byPresent.set(present, pattern);
    }
    return pattern;
  };
  const planOf = () => (typeof options.plan === 'string' ? (JSON.parse(options.plan) as QuickScannerPlan | null) : (options.plan ?? null));
  const finder = () => (find === undefined ? (find = scanner(quickOf(), planOf())) : find);
  // The page's text is not kept for the last match's sake (`forgetLastMatch`).
  const forgetting = <T>(result: T): T => {
    forgetLastMatch();
    return result;
  };
  const test = ((text: string) => {
    const f = text.length < minLength ? null : finder();
    return forgetting(f ? f(text, 0) >= 0 : quickTest(text, quickOf()));
  }) as QuickScanner;
  test.windows = (text, max, total = text.length) => {
    const f = total < minLength ? null : finder();
    return forgetting(f ? windowsAround(text, (from) => f(text, from), max) : quickWindows(text, windowsOf(text), max));
  };
  test.scans = (total) => total >= minLength;
  test.stretch = (text, max, from, until) => {
    const to = Math.min(until, text.length);
    const f = finder();
    if (!f) return forgetting(quickWindows(text.slice(from, to + ANCHOR_REACH), windowsOf(text), max));
    // A gram that ends in the stretch may start up to GRAM_MAX - 1 units before it: the automaton starts there.
    return forgetting(windowsAround(text, (at) => f(text, at, to), max, Math.max(0, from - GRAM_MAX + 1)));
  };
  return test;
}


/**
 * Position of the first match at or after `from` whose gram ends before `to` (the unit where the scanner confirmed
 * it), or -1.
 */
type Find = (text: string, from: number, to?: number) => number;

/** The scanner of a plan (null without one: `quickTest` then). */
function scanner(quick: RegExp, plan: QuickScannerPlan | null): Find | null {
  if (!plan || quick.unicode) return null;
  const mask = new Int32Array(0x10000);
  const strip = classRanges(QUICK_STRIP_CLASS);
  for (let i = 0; i < strip.length; i++) {
    const r = strip[i] as [number, number];
    mask.fill(STRIP_BIT, r[0], r[1] + 1);
  }
  for (let i = 0; i < plan.units.length; i++) {
    const u = plan.units.charCodeAt(i);
    mask[u] = (mask[u] as number) | (plan.bits[i] as number);
  }
  // The slots the grams hold (quick-plan.ts, `hashUnit`).
  const slots = new Uint8Array(GRAM_SLOTS);
  for (let i = 0; i < plan.grams.length; i++) slots[plan.grams[i] as number] = 1;
  const START = plan.start | STRIP_BIT;
  let END = 0;
  let L = 0;
  for (let k = 0; k < plan.ends.length; k += 2) {
    END |= plan.ends[k] as number;
    L = Math.max(L, plan.ends[k + 1] as number);
  }
  const ends = plan.ends;
  const maxLen = plan.maxLen;
  const CHECK = END | STRIP_BIT;
  const ring = new Int32Array(L);
  // The pattern tried only where a gram starts (lastIndex): every match starts with a gram, so a match elsewhere
  // is found where its own gram ends. (An unanchored test of the stretch from there tried every unit of it: on a
  // 1 MB page without a mention, 12 of the sentinel's ~45 ms.)
  const sticky = new RegExp(quick.source, `${quick.flags}y`);

  /** Whether the text without strip characters matches at its first unit from `p` that is not one. */
  const matchStripped = (text: string, p: number): boolean => {
    let w = '';
    for (let j = p; j < text.length && w.length < maxLen; j++) {
      if (((mask[text.charCodeAt(j)] as number) & STRIP_BIT) === 0) w += text[j];
    }
    return quick.test(w);
  };

  /** Whether the text matches at `p`, as is or (with a strip character within reach) without strip characters. */
  const matchAt = (text: string, p: number): boolean => {
    sticky.lastIndex = p;
    if (sticky.test(text)) return true;
    for (let j = p, end = Math.min(text.length, p + maxLen); j < end; j++) {
      if (((mask[text.charCodeAt(j)] as number) & STRIP_BIT) !== 0) return matchStripped(text, p);
    }
    return false;
  };

  /** Whether the `length` units of the text from `p` may be a gram (its slot holds one): else no match starts at `p`. */
  const gramAt = (text: string, p: number, length: number): boolean => {
    let hash = length;
    for (let j = p; j < p + length; j++) hash = hashUnit(hash, (mask[text.charCodeAt(j)] as number) & (STRIP_BIT - 1));
    return slots[gramSlot(hash)] === 1;
  };

  /** Whether the text matches, as `matchAt`, at the start of a gram ending at `i` (state `d`). */
  const matchEnding = (text: string, i: number, d: number): boolean => {
    for (let k = 0; k < ends.length; k += 2) {
      const length = ends[k + 1] as number;
      if ((d & (ends[k] as number)) !== 0 && gramAt(text, i - length + 1, length) && matchAt(text, i - length + 1)) return true;
    }
    return false;
  };

  let resumeState = 0;
  let stripHit = 0;
  /**
   * From a strip character at `i` (state `d` after it): runs the automaton over the text as is (`d`) and as it reads
   * without strip characters (`d2`) until L units in a row are none. Returns -1 on a match (the unit where it was
   * confirmed in `stripHit`), else the last unit it read (the state after it in `resumeState`, where both readings
   * agree again).
   */
  const stripRun = (text: string, i: number, d: number): number => {
    const n = text.length;
    // The L - 1 units before i are no strip characters (the fast loop runs only L units after the last one). The
    // ring holds the positions of the last L units without strip characters (r of them so far).
    let d2 = 0;
    let r = 0;
    for (let j = Math.max(0, i - L + 1); j < i; j++) {
      d2 = ((d2 << 1) | START) & (mask[text.charCodeAt(j)] as number);
      ring[r++ % L] = j;
    }
    let clean = 0;
    for (let j = i + 1; j < n; j++) {
      const m = mask[text.charCodeAt(j)] as number;
      d = ((d << 1) | START) & m;
      if ((d & END) !== 0 && matchEnding(text, j, d)) {
        stripHit = j;
        return -1;
      }
      if ((m & STRIP_BIT) !== 0) {
        clean = 0;
        continue;
      }
      d2 = ((d2 << 1) | START) & m;
      ring[r++ % L] = j;
      for (let k = 0; (d2 & END) !== 0 && k < ends.length; k += 2) {
        if ((d2 & (ends[k] as number)) !== 0 && matchStripped(text, ring[(r - (ends[k + 1] as number)) % L] as number)) {
          stripHit = j;
          return -1;
        }
      }
      if (++clean === L) {
        resumeState = d;
        return j;
      }
    }
    return n;
  };

  let hitState = 0;
  /**
   * The fast loop, alone in a small function that holds no call (a call in the loop, even on a branch never taken,
   * makes V8 reload the tables at every unit; and a small function is optimized sooner): from unit `i` (state `d`
   * before it) to the first unit where a gram ends or a strip character is (the state after it in `hitState`), or
   * the end of the text.
   */
  const advance = (text: string, i: number, d: number, n: number): number => {
    for (; i < n; i++) {
      d = ((d << 1) | START) & (mask[text.charCodeAt(i)] as number);
      if ((d & CHECK) !== 0) {
        hitState = d;
        return i;
      }
    }
    return n;
  };

  return (text: string, from: number, to = text.length): number => {
    for (let i = advance(text, from, 0, to); i < to; i = advance(text, i + 1, hitState, to)) {
      const d = hitState;
      if ((d & END) !== 0 && matchEnding(text, i, d)) return i;
      if ((d & STRIP_BIT) !== 0) {
        i = stripRun(text, i, d);
        if (i < 0) return stripHit;
        hitState = resumeState;
      }
    }
    return -1;
  };
}
