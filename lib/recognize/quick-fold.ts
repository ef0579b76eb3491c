/**
 * The quick pattern with its case spelled out, computed at build time: every letter becomes the class of the code
 * units that the `i` flag (without `u`) makes equal to it, so the sentinel matches it case-sensitively. Same
 * matches; but V8, compiling a case-insensitive pattern, works out those equivalents for every letter of it on every
 * page, about 1 ms of the sentinel's cost on a short page in Chromium (measured: 5 KB page without a mention, ~11.9
 * vs ~10.6 ms in the benchmark's harness, 20 rounds each).
 */

/**
 * ECMA-262 Canonicalize without the `u` flag: two code units are equal under `i` when these are. A unit whose upper
 * case is not one unit, or is ASCII when the unit is not, stays itself (so ſ and ı are not s and i).
 */
function canonicalize(unit: string): string {
  const upper = unit.toUpperCase();
  if (upper.length !== 1) return unit;
  if (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) return unit;
  return upper;
}

let equivalents: Map<string, string[]> | undefined;

/** The code units of each canonical form that has more than one (built once: 65,536 upper-casings). */
function caseEquivalents(): Map<string, string[]> {
  if (equivalents) return equivalents;
  const all = new Map<string, string[]>();
  for (let code = 0; code < 0x10000; code++) {
    // Lone surrogates have no case.
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const unit = String.fromCharCode(code);
    const key = canonicalize(unit);
    const group = all.get(key);
    if (group) group.push(unit);
    else all.set(key, [unit]);
  }
  equivalents = new Map([...all].filter(([, units]) => units.length > 1));
  return equivalents;
}

const inClass = (unit: string) => (/[\\\]^-]/.test(unit) ? `\\${unit}` : unit);

/**
 * `source` (the quick pattern's syntax: literal characters, escaped syntax characters, `(?:`, `|`, `)`, `?`) with
 * every cased code unit replaced by the class of its equivalents: `new RegExp(foldCase(source))` matches what
 * `quickPattern(source)` (flag `i`) matches. Null for any other syntax, and for a source that needs the `u` flag
 * (whose case folding differs): those keep the `i` flag.
 */
export function foldCase(source: string): string | null {
  if (source.includes('\\u{')) return null;
  const groups = caseEquivalents();
  let folded = '';
  for (let i = 0; i < source.length; i++) {
    const unit = source[i] as string;
    if (unit === '\\') {
      const escaped = source[i + 1];
      // Only escaped syntax characters: `\u0041`, `\w` and the like have case under `i`.
      if (escaped === undefined || !'\\^$.*+?()[]{}|/'.includes(escaped)) return null;
      folded += unit + escaped;
      i++;
    } else if ('[]{}*+^$.'.includes(unit)) {
      return null;
    } else {
      const group = '()|?:'.includes(unit) ? undefined : groups.get(canonicalize(unit));
      folded += group ? `[${group.map(inClass).join('')}]` : unit;
    }
  }
  return folded;
}
