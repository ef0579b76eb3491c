/**
 * The quick check, on its own so the sentinel (injected into every page) carries only this and the pattern.
 * `quick` is the compiled anchor pattern (flags `iu`); the text is tested as is and, only when it holds characters
 * that normalization ignores (soft hyphens, zero-width and bidi marks, combining marks), once more without them.
 */
export const QUICK_STRIP_RANGES: [number, number][] = [
  [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x640, 0x640], [0x180e, 0x180e], [0x200b, 0x200f], [0x202a, 0x202e],
  [0x2060, 0x2064], [0x2066, 0x2069], [0xfeff, 0xfeff], [0xfe00, 0xfe0f], [0x300, 0x36f], [0x591, 0x5bd], [0x5bf, 0x5bf],
  [0x5c1, 0x5c2], [0x5c4, 0x5c5], [0x5c7, 0x5c7], [0x610, 0x61a], [0x64b, 0x65f], [0x670, 0x670], [0x6d6, 0x6dc],
  [0x6df, 0x6e4], [0x6e7, 0x6e8], [0x6ea, 0x6ed], [0xe47, 0xe4e], [0xec8, 0xecd], [0x93c, 0x93c], [0x901, 0x901],
  [0x9bc, 0x9bc], [0x981, 0x981],
];
const unit = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
// All in the Basic Multilingual Plane: a class of plain \uXXXX escapes, without the `u` flag (faster to scan).
const classOf = (ranges: [number, number][]) => `[${ranges.map(([a, b]) => (a === b ? unit(a) : `${unit(a)}-${unit(b)}`)).join('')}]`;
const QUICK_STRIP_CLASS = classOf(QUICK_STRIP_RANGES);
/**
 * The one strip character with case variants: U+0345 (combining ypogegrammeni) is ι in upper case, so a class read
 * case-insensitively that holds it matches every ι and Ι of a Greek text. `quickWindowsPattern` leaves it out and
 * `quickWindows` looks for it on its own.
 */
export const CASED_STRIP = '\u0345';
const UNCASED_STRIP_CLASS = classOf(
  QUICK_STRIP_RANGES.flatMap(([a, b]): [number, number][] => {
    const c = CASED_STRIP.charCodeAt(0);
    return a <= c && c <= b ? ([[a, c - 1], [c + 1, b]] as [number, number][]).filter(([x, y]) => x <= y) : [[a, b]];
  }),
);
const QUICK_STRIP = new RegExp(QUICK_STRIP_CLASS, 'g');
const QUICK_STRIP_TEST = new RegExp(QUICK_STRIP_CLASS);

/**
 * The quick pattern as a RegExp (`source` from the matcher table's `quick`). Without the `u` flag where the source
 * allows it (no code-point escapes): V8 scans a large text about 40% faster so, with the same matches for the
 * pattern's letters (all in the Basic Multilingual Plane, case-folded either way). `folded`: the source is
 * `foldCase` of the pattern (lib/recognize/quick-fold.ts, computed at build time), matched without the `i` flag: the
 * same matches, compiled faster.
 */
export function quickPattern(source: string, flags = '', folded = false): RegExp {
  return new RegExp(source, quickFlags(source, folded) + flags);
}

function quickFlags(source: string, folded: boolean): string {
  if (folded) return '';
  return source.includes('\\u{') ? 'iu' : 'i';
}

/** Whether `text` may contain an anchoring mention; false means none can be found in it. */
export function quickTest(text: string, quick: RegExp): boolean {
  if (quick.test(text)) return true;
  if (!QUICK_STRIP_TEST.test(text)) return false;
  return quick.test(text.replace(QUICK_STRIP, ''));
}

export interface QuickWindows {
  /** Pieces of the text around the pattern's matches. */
  windows: string[];
  /** False when the text had more matches than pieces allowed: the pieces do not cover every match. */
  complete: boolean;
}

/** Characters kept on each side of a match: more than any name or description around an anchor spans. */
const WINDOW_RADIUS = 256;
/** Matches close together share a piece, up to this length. */
const WINDOW_MAX_CHARS = 4_096;

/**
 * The pieces of `text` around its matches, at most `max` of them; matches closer than a piece's reach share one.
 * `next(from)` gives the position of the first match at or after `from` (any unit of it: pieces reach far beyond
 * the pattern's longest string), or -1.
 */
export function windowsAround(text: string, next: (from: number) => number, max: number): QuickWindows {
  const windows: string[] = [];
  let from = -1;
  let to = -1;
  for (let at = next(0); at >= 0; at = next(at + 1)) {
    const end = Math.min(text.length, at + WINDOW_RADIUS);
    if (from >= 0 && at - WINDOW_RADIUS <= to && end - from <= WINDOW_MAX_CHARS) {
      to = Math.max(to, end);
      continue;
    }
    if (from >= 0) windows.push(text.slice(from, to));
    if (windows.length >= max) return { windows, complete: false };
    from = Math.max(0, at - WINDOW_RADIUS);
    to = end;
  }
  if (from >= 0) windows.push(text.slice(from, to));
  return { windows, complete: true };
}

/**
 * The pattern `quickWindows` reads with: the quick pattern's anchors, or one character that normalization ignores
 * (one pass finds either; a text without such characters, most of them, is read once). CASED_STRIP is not in it.
 * `folded` as for `quickPattern`.
 */
export function quickWindowsPattern(source: string, folded = false): RegExp {
  return new RegExp(`${source}|${UNCASED_STRIP_CLASS}`, `${quickFlags(source, folded)}g`);
}

/**
 * `windowsAround` the matches of `pattern` (`quickWindowsPattern(source)`). A text that holds a character the
 * recognizer ignores is read again without them (as `quickTest` reads it), so a name they cut in two is found
 * too. Lets the sentinel send the background a few hundred characters per match instead of the page, to learn
 * whether any of them is an anchor; no piece means no match.
 */
export function quickWindows(text: string, pattern: RegExp, max: number): QuickWindows {
  let source = text;
  let stripped = false;
  let ignorable = text.includes(CASED_STRIP);
  const next = (from: number) => {
    pattern.lastIndex = from;
    const m = pattern.exec(source);
    // A lone ignorable character is the class's match (anchors are letters): read the text again without them.
    if (m && !stripped && m[0].length === 1 && QUICK_STRIP_TEST.test(m[0])) {
      ignorable = true;
      return -1;
    }
    // (With the `u` flag a search from inside a surrogate pair starts at the pair: `from` is then inside the match.)
    return m ? Math.max(m.index, from) : -1;
  };
  if (!ignorable) {
    const found = windowsAround(source, next, max);
    if (!ignorable) return found;
  }
  source = text.replace(QUICK_STRIP, '');
  stripped = true;
  return windowsAround(source, next, max);
}
