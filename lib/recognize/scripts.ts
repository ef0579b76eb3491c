/**
 * Script classes for matching: which writing system a (normalized) character belongs to, and whether that
 * script separates words with spaces. Ranges only — no regex per character — so the matcher stays cheap.
 */

export const Sc = {
  None: 0, // not a letter or digit: space, punctuation, symbols
  Digit: 1,
  Latin: 2,
  Cyrillic: 3,
  Greek: 4,
  Armenian: 5,
  Georgian: 6,
  Hebrew: 7,
  Arabic: 8,
  Devanagari: 9,
  Bengali: 10,
  OtherIndic: 11,
  Thai: 12,
  Lao: 13,
  Khmer: 14,
  Myanmar: 15,
  Han: 16,
  Kana: 17,
  Hangul: 18,
  OtherLetter: 19,
} as const;
export type Sc = (typeof Sc)[keyof typeof Sc];

/** Script names as used in the recognition data (`scripts` section of recognition.json). */
export const SCRIPT_NAMES: Readonly<Record<string, Sc>> = {
  latin: Sc.Latin,
  cyrillic: Sc.Cyrillic,
  greek: Sc.Greek,
  armenian: Sc.Armenian,
  georgian: Sc.Georgian,
  hebrew: Sc.Hebrew,
  arabic: Sc.Arabic,
  devanagari: Sc.Devanagari,
  bengali: Sc.Bengali,
  'other-indic': Sc.OtherIndic,
  thai: Sc.Thai,
  lao: Sc.Lao,
  khmer: Sc.Khmer,
  myanmar: Sc.Myanmar,
  han: Sc.Han,
  kana: Sc.Kana,
  hangul: Sc.Hangul,
  other: Sc.OtherLetter,
};

const LETTER_RE = /\p{L}|\p{M}/u;
const DIGIT_RE = /\p{Nd}/u;

/** Script of one code point. */
export function scriptOf(cp: number): Sc {
  if (cp < 0x80) {
    if (cp >= 0x61 && cp <= 0x7a) return Sc.Latin;
    if (cp >= 0x41 && cp <= 0x5a) return Sc.Latin;
    if (cp >= 0x30 && cp <= 0x39) return Sc.Digit;
    return Sc.None;
  }
  if (cp < 0x0250) {
    if (cp === 0xaa || cp === 0xba || (cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7)) return Sc.Latin;
    return Sc.None;
  }
  if (cp < 0x0370) return cp < 0x02b0 ? Sc.Latin : cp >= 0x0300 ? Sc.Latin /* combining diacritics */ : Sc.None;
  if (cp < 0x0400) return cp === 0x037e || cp === 0x0387 ? Sc.None : Sc.Greek;
  if (cp < 0x0530) return cp >= 0x0482 && cp <= 0x0489 ? Sc.None : Sc.Cyrillic;
  if (cp < 0x0590) return cp >= 0x055a && cp <= 0x055f ? Sc.None : cp === 0x0589 || cp === 0x058a ? Sc.None : Sc.Armenian;
  if (cp < 0x0600) {
    if (cp === 0x05be || cp === 0x05c0 || cp === 0x05c3 || cp === 0x05c6 || cp >= 0x05f3) return Sc.None;
    return Sc.Hebrew;
  }
  if (cp < 0x0900) {
    if (cp >= 0x0660 && cp <= 0x0669) return Sc.Digit;
    if (cp >= 0x06f0 && cp <= 0x06f9) return Sc.Digit;
    if (cp === 0x060c || cp === 0x061b || cp === 0x061f || cp === 0x06d4 || cp === 0x066a || cp === 0x066b || cp === 0x066c || cp === 0x066d) return Sc.None;
    if (cp >= 0x0700 && cp < 0x0750) return Sc.OtherLetter; // Syriac
    if (cp >= 0x0780 && cp < 0x08a0) return Sc.OtherLetter; // Thaana, NKo, ...
    return Sc.Arabic;
  }
  if (cp < 0x0980) {
    if (cp === 0x0964 || cp === 0x0965 || cp === 0x0970) return Sc.None;
    if (cp >= 0x0966 && cp <= 0x096f) return Sc.Digit;
    return Sc.Devanagari;
  }
  if (cp < 0x0a00) return cp >= 0x09e6 && cp <= 0x09ef ? Sc.Digit : Sc.Bengali;
  if (cp < 0x0e00) return LETTER_RE.test(String.fromCodePoint(cp)) ? Sc.OtherIndic : DIGIT_RE.test(String.fromCodePoint(cp)) ? Sc.Digit : Sc.None;
  if (cp < 0x0e80) return cp >= 0x0e50 && cp <= 0x0e59 ? Sc.Digit : cp === 0x0e3f || cp === 0x0e4f || cp === 0x0e5a || cp === 0x0e5b ? Sc.None : Sc.Thai;
  if (cp < 0x0f00) return cp >= 0x0ed0 && cp <= 0x0ed9 ? Sc.Digit : Sc.Lao;
  if (cp >= 0x1000 && cp < 0x10a0) return Sc.Myanmar;
  if (cp >= 0x10a0 && cp < 0x1100) return cp === 0x10fb ? Sc.None : Sc.Georgian;
  if (cp >= 0x1100 && cp < 0x1200) return Sc.Hangul;
  if (cp >= 0x1780 && cp < 0x1800) return Sc.Khmer;
  if (cp >= 0x1c80 && cp < 0x1c90) return Sc.Cyrillic;
  if (cp >= 0x1c90 && cp < 0x1cc0) return Sc.Georgian;
  if (cp >= 0x1e00 && cp < 0x1f00) return Sc.Latin;
  if (cp >= 0x1f00 && cp < 0x2000) return Sc.Greek;
  if (cp >= 0x2d00 && cp < 0x2d30) return Sc.Georgian;
  if (cp >= 0x2de0 && cp < 0x2e00) return Sc.Cyrillic;
  if (cp >= 0x3040 && cp < 0x3100) return cp === 0x30fb ? Sc.None : Sc.Kana;
  if (cp >= 0x3130 && cp < 0x3190) return Sc.Hangul;
  if (cp >= 0x31f0 && cp < 0x3200) return Sc.Kana;
  if (cp >= 0x3400 && cp < 0x4dc0) return Sc.Han;
  if (cp >= 0x4e00 && cp < 0xa000) return Sc.Han;
  if (cp >= 0xa640 && cp < 0xa6a0) return Sc.Cyrillic;
  if (cp >= 0xac00 && cp < 0xd7b0) return Sc.Hangul;
  if (cp >= 0xf900 && cp < 0xfb00) return Sc.Han;
  if (cp >= 0xfb13 && cp < 0xfb18) return Sc.Armenian;
  if (cp >= 0xfb1d && cp < 0xfb50) return Sc.Hebrew;
  if (cp >= 0xfb50 && cp < 0xfe00) return Sc.Arabic;
  if (cp >= 0xfe70 && cp < 0xff00) return Sc.Arabic;
  if (cp >= 0x20000 && cp < 0x32000) return Sc.Han;
  const s = String.fromCodePoint(cp);
  if (LETTER_RE.test(s)) return Sc.OtherLetter;
  if (DIGIT_RE.test(s)) return Sc.Digit;
  return Sc.None;
}

/** Scripts written without spaces between words: names match anywhere, no word boundaries, no suffixes. */
export function isUnspaced(sc: number): boolean {
  return sc >= Sc.Thai && sc <= Sc.Hangul;
}

/** A letter of a script that separates words with spaces. */
export function isSpacedLetter(sc: number): boolean {
  return sc >= Sc.Latin && sc !== Sc.Digit && !isUnspaced(sc);
}

/** Script class per BMP code unit, filled on first use (0xff: not computed yet). */
const bmp = new Uint8Array(0x10000).fill(0xff);
const astral = new Map<number, Sc>();

/** Script of the character at UTF-16 index `i` of `s` (cached). */
export function scriptAt(s: string, i: number): Sc {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c >= 0xe000) {
    let sc = bmp[c] as number;
    if (sc === 0xff) {
      sc = scriptOf(c);
      bmp[c] = sc;
    }
    return sc as Sc;
  }
  let cp = c;
  if (c < 0xdc00 && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  } else if (c >= 0xdc00 && i > 0) {
    // Low surrogate: belongs to the code point before it.
    const h = s.charCodeAt(i - 1);
    if (h >= 0xd800 && h < 0xdc00) cp = ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  let sc = astral.get(cp);
  if (sc === undefined) {
    sc = scriptOf(cp);
    astral.set(cp, sc);
  }
  return sc;
}
