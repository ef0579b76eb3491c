/**
 * The quick pattern in groups, by the code units its alternatives can start with: a page needs only the groups
 * whose first units it holds. V8 compiles the pattern to native code at the first `exec` on a text
 * over 1,000 characters, the largest part of what the sentinel costs a page without a mention; an English page
 * then compiles the alternatives that start with a Latin letter, not those in Cyrillic, Arabic, Han...
 *
 * Computed at build time (lib/build/pack-plugin.ts) from the source the sentinel gets; `null` for syntax this
 * does not read (then the whole pattern is used, as before).
 */

/** A group: a class of the units its alternatives can start with, and where its alternatives are. */
export interface QuickGroup {
  /** RegExp class source (`[...]`) that matches every unit an alternative of the group can start with (`firstClass`). */
  first: string;
  /** The group's alternatives are `source.slice(from, to)` of the grouped source (`a|b`, no parentheses). */
  from: number;
  to: number;
}

/** The pattern with its alternatives in group order (the same matches), and its groups. */
export interface GroupedQuick {
  source: string;
  groups: QuickGroup[];
}

/**
 * Walks `source`'s syntax characters (escapes and classes skipped) with the group depth after each, until `stop`
 * returns true: its index then, else -1. `depth` and `inClass` are the state where the walk ended.
 */
function walk(source: string, stop: (c: string, i: number, depth: number) => boolean): { at: number; depth: number; inClass: boolean } {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (stop(c, i, depth)) return { at: i, depth, inClass };
    }
  }
  return { at: -1, depth, inClass };
}

/** Top-level alternatives of `source` (split at `|` outside groups and classes), or null if unbalanced. */
function alternatives(source: string): string[] | null {
  const out: string[] = [];
  let start = 0;
  const end = walk(source, (c, i, depth) => {
    if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
    return depth < 0;
  });
  if (end.at >= 0 || end.depth !== 0 || end.inClass) return null;
  out.push(source.slice(start));
  return out;
}

/** Whether `next` is a quantifier that allows zero occurrences (or one we do not read). */
const isOptional = (next: string | undefined) => next !== undefined && '?*{'.includes(next);

/** The units an alternative can start with, or null when its first atom is not a literal, an escaped syntax
 * character, a class of literals or a group of such alternatives (or it can match the empty string). */
function firstUnits(alt: string): string[] | null {
  if (alt.startsWith('(?:')) {
    const end = walk(alt, (c, _, depth) => c === ')' && depth === 0).at;
    // An optional group at the start: what follows could start the match too.
    if (end < 0 || isOptional(alt[end + 1])) return null;
    const inner = alternatives(alt.slice(3, end));
    if (!inner) return null;
    const units: string[] = [];
    for (const a of inner) {
      const u = firstUnits(a);
      if (!u) return null;
      units.push(...u);
    }
    return units;
  }
  let units: string[];
  let next: number;
  if (alt.startsWith('[')) {
    const close = alt.indexOf(']', 1);
    const body = alt.slice(1, close);
    // Only plain lists of characters (what quick-fold writes): no ranges, escapes or negation.
    if (close < 0 || body === '' || /[\\^-]/.test(body)) return null;
    units = [...body].flatMap((ch) => ch.split(''));
    next = close + 1;
  } else if (alt.startsWith('\\')) {
    const ch = alt[1] ?? '';
    if (ch === '' || !'\\^$.*+?()[]{}|/'.includes(ch)) return null;
    units = [ch];
    next = 2;
  } else {
    const ch = alt[0] ?? '';
    if (ch === '' || '^$.*+?()[]{}|'.includes(ch)) return null;
    units = [ch];
    next = 1;
  }
  // A quantifier that allows zero occurrences would let the match start later.
  if (isOptional(alt[next])) return null;
  return units;
}

const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

/**
 * A class of the units a group's alternatives start with, for the test of whether a text holds any: the units below
 * U+0100 as they are (every text holds Latin-1 spaces and digits), the others widened to their 256-unit blocks.
 * Wider than the units, so a text holding none of the block may skip the group, at most a few more keep it; and
 * a few ranges read a text several times faster than a hundred single units (V8: ~0.1 against ~0.6 ms per 100,000
 * units of two-byte text).
 */
function firstClass(units: string[]): string {
  const codes = units.map((u) => u.charCodeAt(0)).sort((a, b) => a - b);
  let cls = '';
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    if (code < 0x100) {
      cls += hex(code);
      continue;
    }
    // Adjacent blocks make one range.
    let last = code >> 8;
    while (i + 1 < codes.length && (codes[i + 1] as number) >> 8 <= last + 1) last = (codes[++i] as number) >> 8;
    cls += `${hex((code >> 8) << 8)}-${hex((last << 8) | 0xff)}`;
  }
  return `[${cls}]`;
}

/**
 * The group of an alternative by the units it can start with: 0 if one is below U+0100 (ASCII and Latin-1: what
 * pages in English, French, German... are written in), 1 if all are Cyrillic (the second script of the news about
 * the attack), 2 for the others. Three, not one per script: each group costs every page a test of its first units.
 */
const blockOf = (units: string[]) =>
  units.some((u) => u.charCodeAt(0) < 0x100) ? 0 : units.every((u) => u.charCodeAt(0) >= 0x400 && u.charCodeAt(0) < 0x530) ? 1 : 2;

/**
 * `source` (one non-capturing group of alternatives, as the quick pattern is), its alternatives in groups by
 * `blockOf`. Null if `source` is not in that shape or all its alternatives fall in one group.
 */
export function quickGroups(source: string): GroupedQuick | null {
  if (!source.startsWith('(?:') || !source.endsWith(')')) return null;
  const alts = alternatives(source.slice(3, -1));
  if (!alts || alternatives(source)?.length !== 1) return null;
  const byBlock = new Map<number, { first: Set<string>; alts: string[] }>();
  for (const alt of alts) {
    const units = firstUnits(alt);
    if (!units || units.length === 0) return null;
    const block = blockOf(units);
    const group = byBlock.get(block) ?? byBlock.set(block, { first: new Set(), alts: [] }).get(block)!;
    for (const u of units) group.first.add(u);
    group.alts.push(alt);
  }
  if (byBlock.size < 2) return null;
  // One source, its alternatives in group order: a group is a slice of it, and nothing ships twice.
  let grouped = '(?:';
  const groups: QuickGroup[] = [];
  for (const g of [...byBlock.keys()].sort().map((b) => byBlock.get(b)!)) {
    if (groups.length) grouped += '|';
    const from = grouped.length;
    grouped += g.alts.join('|');
    groups.push({ first: firstClass([...g.first]), from, to: grouped.length });
  }
  return { source: `${grouped})`, groups };
}

/** The RegExp source of one group of `grouped`'s (`(?:a|b)`). */
export function groupSource(grouped: string, group: QuickGroup): string {
  return `(?:${grouped.slice(group.from, group.to)})`;
}
