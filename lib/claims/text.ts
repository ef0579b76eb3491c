/**
 * Text primitives of the claim matcher: folding, tokens and the phonetic key used to match person names
 * across Latin transliterations. Pure; no DOM.
 */

/** Lower case, no diacritics (NFKD, marks removed), ß → ss. Used on both patterns and text. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

export interface Token {
  /** UTF-16 offsets in the block; `e` is exclusive. */
  s: number;
  e: number;
  raw: string;
  /** Folded form. */
  f: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of `text[from, to)`, with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const raw = m[0].length + m.index > to ? m[0].slice(0, to - m.index) : m[0];
    const first = raw.charAt(0);
    out.push({ s: m.index, e: m.index + raw.length, raw, f: fold(raw), cap: first !== first.toLowerCase() });
  }
  return out;
}

/** Scripts written without spaces between words: patterns in them match inside a token. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
export const CYRILLIC = /\p{Script=Cyrillic}/u;
export const LATIN_WORD = /^[a-z]+$/;

/**
 * Phonetic keys of a folded Latin word, so that one person's name matches in the transliterations of
 * several languages: Zakharova / Sacharowa / Zajárova, Patrushev / Patruschew / Patrouchev, Podolyak /
 * Podoljak, Peskov / Peskow, Naryshkin / Narychkine. Two keys when `j` may be a consonant (es) or a glide (de);
 * `genitive` adds keys without a final -s (Putins, Sacharowas).
 */
const phoneticMemo = new Map<string, string[]>();

export function phoneticKeys(f: string, genitive = false): string[] {
  const memoKey = genitive ? `${f}+` : f;
  const known = phoneticMemo.get(memoKey);
  if (known) return known;
  const keys = computePhoneticKeys(f, genitive);
  if (phoneticMemo.size > 5000) phoneticMemo.clear();
  phoneticMemo.set(memoKey, keys);
  return keys;
}

function computePhoneticKeys(f: string, genitive: boolean): string[] {
  if (!LATIN_WORD.test(f)) return [];
  const base = f
    .replace(/ou/g, 'u')
    .replace(/tsch|sch|sh|ch|kh|zh|h/g, 'H')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/y/g, 'i')
    .replace(/q|c/g, 'k')
    .replace(/x/g, 'ks');
  const variants = new Set<string>();
  for (const j of ['i', 'H']) {
    let k = base.replace(/j/g, j).replace(/(.)\1+/g, '$1');
    if (k.length > 4 && /[^aeiou]e$/.test(k)) k = k.slice(0, -1);
    variants.add(k);
    if (genitive && k.length > 5 && k.endsWith('s')) variants.add(k.slice(0, -1));
  }
  return [...variants];
}

/** Cyrillic letters that end a stem's inflection (stripped from a name before prefix matching). */
const CYR_ENDING = /[аяоеыиьйіїєую]$/;

/** Stem of a Cyrillic name word: up to two final vowels/soft signs removed, never shorter than 4 letters. */
export function cyrillicStem(f: string): string {
  let s = f;
  for (let i = 0; i < 2 && s.length > 4 && CYR_ENDING.test(s); i++) s = s.slice(0, -1);
  return s;
}
