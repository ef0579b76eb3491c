/**
 * The quick check, on its own so the sentinel (injected into every page) carries only this and the pattern.
 * `quick` is the compiled anchor pattern (flags `iu`); the text is tested as is and, only when it holds characters
 * that normalization ignores (soft hyphens, zero-width and bidi marks, combining marks), once more without them.
 */

/**
 * Characters normalization ignores (soft hyphen, zero-width and bidi marks, combining marks...) as a RegExp class.
 * All in the Basic Multilingual Plane: plain \uXXXX escapes, without the `u` flag (faster to scan). Written out, not
 * built from a list of ranges: the sentinel runs this module's top level on every page, and building the classes
 * there cost ~0.4 ms in V8's interpreter.
 */
export const QUICK_STRIP_CLASS = '[\\u00ad\\u034f\\u061c\\u0640\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\ufe00-\\ufe0f\\u0300-\\u036f\\u0591-\\u05bd\\u05bf\\u05c1-\\u05c2\\u05c4-\\u05c5\\u05c7\\u0610-\\u061a\\u064b-\\u065f\\u0670\\u06d6-\\u06dc\\u06df-\\u06e4\\u06e7-\\u06e8\\u06ea-\\u06ed\\u0e47-\\u0e4e\\u0ec8-\\u0ecd\\u093c\\u0901\\u09bc\\u0981]';
/**
 * The one strip character with case variants: U+0345 (combining ypogegrammeni) is ι in upper case, so a class read
 * case-insensitively that holds it matches every ι and Ι of a Greek text. `quickWindowsPattern` leaves it out and
 * `quickWindows` looks for it on its own.
 */
export const CASED_STRIP = '\u0345';
/** QUICK_STRIP_CLASS without CASED_STRIP (one string replace; a test checks it unit by unit). */
export const UNCASED_STRIP_CLASS = QUICK_STRIP_CLASS.replace('\\u0300-\\u036f', '\\u0300-\\u0344\\u0346-\\u036f');

/** The ranges of code units of a class of \uXXXX escapes (as QUICK_STRIP_CLASS is written). */
export function classRanges(cls: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of cls.matchAll(/\\u([0-9a-f]{4})(?:-\\u([0-9a-f]{4}))?/g)) {
    const from = parseInt(m[1] as string, 16);
    ranges.push([from, m[2] ? parseInt(m[2], 16) : from]);
  }
  return ranges;
}

// The class lists combining marks on purpose: each is a character to strip on its own.
// eslint-disable-next-line no-misleading-character-class
const QUICK_STRIP = new RegExp(QUICK_STRIP_CLASS, 'g');
// eslint-disable-next-line no-misleading-character-class
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

/**
 * V8 keeps the subject of the last successful match of any RegExp (the legacy `RegExp.input`) for as long as the
 * script's world lives: the page's whole text, once one of its names matched (2 MB on a 1 MB page that names
 * Moscow). A match on the empty string lets it go. (Built with `new RegExp`: the minifier drops a call of a literal's
 * `exec` whose result is unused as free of side effects.)
 */
const NOTHING = new RegExp('');
export const forgetLastMatch = (): void => void NOTHING.exec('');

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

/**
 * More code units than any name or description around an anchor spans: texts tested in parts overlap by this much,
 * so no name is cut in two.
 */
export const ANCHOR_REACH = 256;
/** Characters kept on each side of a match. */
const WINDOW_RADIUS = ANCHOR_REACH;
/** Matches close together share a piece, up to this length. */
const WINDOW_MAX_CHARS = 4_096;

/**
 * The pieces of `text` around its matches, at most `max` of them; matches closer than a piece's reach share one.
 * `next(from)` gives the position of the first match at or after `from` (any unit of it: pieces reach far beyond
 * the pattern's longest string), or -1; the first is looked for from `start`.
 */
export function windowsAround(text: string, next: (from: number) => number, max: number, start = 0): QuickWindows {
  const windows: string[] = [];
  let from = -1;
  let to = -1;
  for (let at = next(start); at >= 0; at = next(at + 1)) {
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
