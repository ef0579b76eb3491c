/**
 * Text normalization for matching, with an offset map back to the original text.
 *
 * The matching form is: NFKC-compatible, case-folded, without diacritics and other non-spacing marks that
 * spellings vary on (Latin/Greek/Cyrillic accents, Hebrew points, Arabic harakat, Thai tone marks, Indic nukta),
 * with letter variants folded (ё→е, і/ї→и, є→е, ґ→г, Central Asian Cyrillic letters to their Russian base,
 * Arabic/Persian/Urdu letter forms to one form, ß→ss, ı→i, ł→l, ς→σ, ...), every apostrophe as `'`, every
 * dash as `-`, quotes removed, soft hyphens / zero-width / bidi characters removed, every run of whitespace
 * (incl. no-break spaces) as one space, spaces between letters of scripts written without spaces (Chinese,
 * Japanese, Korean, Thai) removed, non-ASCII digits as ASCII digits, and Latin/Cyrillic look-alikes inside a
 * mixed-script word mapped to the word's majority script.
 *
 * Every UTF-16 unit `i` of the normalized text comes from `[start[i], end[i])` of the original text, so a
 * match `[a, b)` in the normalized text is `[start[a], end[b - 1])` in the original.
 */
import { Sc, isUnspaced, scriptOf } from './scripts';

export interface Normalized {
  /** The matching form. */
  text: string;
  /** Original UTF-16 offset where each unit of `text` starts. */
  start: Int32Array;
  /** Original UTF-16 offset (exclusive) where each unit of `text` ends. */
  end: Int32Array;
}

// Kinds of characters, by what normalization does with them.
/** `foldCodePoint(cp).k` of a character that stays text. */
export const FOLD_TEXT = 0;
const K_TEXT = FOLD_TEXT; // emits `str`
const K_SPACE = 1; // whitespace, and separator dots: one space (or nothing between unspaced-script letters)
const K_QUOTE = 2; // quotation marks: removed (a space if they stood between two letters)
const K_DROP = 3; // soft hyphen, zero-width and bidi characters, variation selectors: removed
const K_MARK = 4; // a stripped combining mark: removed, its offset joins the character before it

interface Fold {
  k: number;
  str: string;
}

const WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
  // Separator dots between words of a transliterated name: クロッカス・シティ・ホール, 亚历山大·博尔特尼科夫.
  0x00b7, 0x2027, 0x30fb, 0xff65, 0x2022,
]);

const DROP = new Set([0x00ad, 0x034f, 0x061c, 0x0640, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff]);
function isDrop(cp: number): boolean {
  return (
    DROP.has(cp) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x180b && cp <= 0x180d) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

const QUOTES = new Set([
  0x22, 0xab, 0xbb, 0x201a, 0x201c, 0x201d, 0x201e, 0x201f, 0x2039, 0x203a, 0x2e42, 0x300c, 0x300d, 0x300e, 0x300f,
  0x300a, 0x300b, 0x3008, 0x3009, 0x301d, 0x301e, 0x301f, 0xff02, 0xff62, 0xff63, 0x05f4, 0x275d, 0x275e,
]);
const APOSTROPHES = new Set([0x27, 0x60, 0xb4, 0x2018, 0x2019, 0x201b, 0x2032, 0x02b9, 0x02bb, 0x02bc, 0x02bd, 0x02be, 0x02bf, 0x02c8, 0xff07, 0x05f3, 0x055a]);
const DASHES = new Set([0x2d, 0x058a, 0x05be, 0x1400, 0x1806, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2e3a, 0x2e3b, 0xfe58, 0xfe63, 0xff0d, 0x2e17]);

/** Combining marks removed from the matching form (spelling-variant marks), by code point. */
function isStrippedMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    // Hebrew points and cantillation
    (cp >= 0x0591 && cp <= 0x05bd) ||
    cp === 0x05bf ||
    cp === 0x05c1 ||
    cp === 0x05c2 ||
    cp === 0x05c4 ||
    cp === 0x05c5 ||
    cp === 0x05c7 ||
    // Arabic harakat, Quranic marks, superscript alef
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06dc) ||
    (cp >= 0x06df && cp <= 0x06e4) ||
    cp === 0x06e7 ||
    cp === 0x06e8 ||
    (cp >= 0x06ea && cp <= 0x06ed) ||
    // Thai maitaikhu, tone marks, thanthakhat, nikhahit, yamakkan
    (cp >= 0x0e47 && cp <= 0x0e4e) ||
    // Lao tone marks
    (cp >= 0x0ec8 && cp <= 0x0ecd) ||
    // Devanagari / Bengali nukta and candrabindu
    cp === 0x093c ||
    cp === 0x0901 ||
    cp === 0x09bc ||
    cp === 0x0981
  );
}

/** Letter foldings applied after case folding (one UTF-16 unit in, string out). */
const CHAR_MAP: Record<string, string> = {
  // Latin
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŀ: 'l', ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ŧ: 't', ƚ: 'l',
  // Greek
  ς: 'σ', ϐ: 'β', ϑ: 'θ', ϕ: 'φ', ϲ: 'σ',
  // Cyrillic: Ukrainian/Belarusian and Central Asian letters onto the Russian base letter
  і: 'и', ї: 'и', є: 'е', ґ: 'г', ѓ: 'г', ќ: 'к', қ: 'к', ҝ: 'к', ғ: 'г', ң: 'н', ү: 'у', ұ: 'у', һ: 'х', ҳ: 'х',
  ҷ: 'ч', ҹ: 'ч', ә: 'а', ө: 'о', ѐ: 'е', ѝ: 'и',
  // Arabic script: hamza/madda carriers, Persian/Urdu forms, ta marbuta
  'آ': 'ا', 'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ے': 'ي', 'ۓ': 'ي', 'ئ': 'ي',
  'ک': 'ك', 'ڪ': 'ك', 'ة': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ە': 'ه', 'ۀ': 'ه', 'ۂ': 'ه', 'ؤ': 'و',
};

const NON_ASCII_DIGIT_BASES = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10];

const foldCache = new Map<number, Fold>();

/** What normalization makes of one code point (non-ASCII path; cached). */
export function foldCodePoint(cp: number): Fold {
  let f = foldCache.get(cp);
  if (f) return f;
  f = computeFold(cp);
  foldCache.set(cp, f);
  return f;
}

function classify(cp: number): Fold | undefined {
  if (WHITESPACE.has(cp)) return { k: K_SPACE, str: ' ' };
  if (isDrop(cp)) return { k: K_DROP, str: '' };
  if (QUOTES.has(cp)) return { k: K_QUOTE, str: '' };
  if (APOSTROPHES.has(cp)) return { k: K_TEXT, str: "'" };
  if (DASHES.has(cp)) return { k: K_TEXT, str: '-' };
  if (isStrippedMark(cp)) return { k: K_MARK, str: '' };
  for (const base of NON_ASCII_DIGIT_BASES) if (cp >= base && cp <= base + 9) return { k: K_TEXT, str: String(cp - base) };
  return undefined;
}

function computeFold(cp: number): Fold {
  const direct = classify(cp);
  if (direct) return direct;
  const decomposed = String.fromCodePoint(cp).normalize('NFKD');
  let kept = '';
  for (const ch of decomposed) {
    const c = ch.codePointAt(0) as number;
    if (isStrippedMark(c) || isDrop(c)) continue;
    kept += ch;
  }
  if (kept === '') return { k: K_MARK, str: '' };
  // A compatibility decomposition may itself be a space, quote, apostrophe or dash (fullwidth forms).
  if ([...kept].length === 1) {
    const again = classify(kept.codePointAt(0) as number);
    if (again) return again;
  }
  if (kept.trim() === '') return { k: K_SPACE, str: ' ' };
  const lower = kept.normalize('NFC').toLowerCase();
  let out = '';
  for (const ch of lower) {
    const c = ch.codePointAt(0) as number;
    const m = CHAR_MAP[ch];
    if (m !== undefined) out += m;
    else if (isStrippedMark(c) || isDrop(c) || QUOTES.has(c) || WHITESPACE.has(c)) continue;
    else if (APOSTROPHES.has(c)) out += "'";
    else if (DASHES.has(c)) out += '-';
    else out += ch;
  }
  return out === '' ? { k: K_MARK, str: '' } : { k: K_TEXT, str: out };
}

/** Cyrillic ↔ Latin look-alikes (lower case, after folding), for words written in a mix of both scripts. */
const CYR_TO_LAT: Record<string, string> = { а: 'a', в: 'b', е: 'e', и: 'i', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', ј: 'j' };
const LAT_TO_CYR: Record<string, string> = Object.fromEntries(Object.entries(CYR_TO_LAT).map(([c, l]) => [l, c]));

function isWordChar(sc: number): boolean {
  return sc !== Sc.None;
}

/** Normalizes `input` to the matching form, keeping the offset map. */
export function normalize(input: string): Normalized {
  const n = input.length;
  const codes: number[] = [];
  const st: number[] = [];
  const en: number[] = [];
  let pendingSpace = -1; // original offset of a pending space
  let pendingQuote = -1; // original offset of a pending removed quote
  let lastSc: number = Sc.None; // script class of the last emitted unit
  let mixed = false; // some word mixes Latin and Cyrillic letters

  /** `sc`: the script of the first unit of `str`; `lastScript`, of its last (a fold may be more than one letter). */
  const emit = (str: string, s: number, e: number, sc: number, lastScript = sc): void => {
    if (codes.length > 0) {
      if (pendingSpace >= 0) {
        if (!(isUnspaced(lastSc) && isUnspaced(sc)) && codes[codes.length - 1] !== 0x20) {
          codes.push(0x20);
          st.push(pendingSpace);
          en.push(pendingSpace + 1);
          lastSc = Sc.None;
        }
      } else if (pendingQuote >= 0 && lastSc !== Sc.None && sc !== Sc.None && !(isUnspaced(lastSc) && isUnspaced(sc))) {
        codes.push(0x20);
        st.push(pendingQuote);
        en.push(pendingQuote + 1);
        lastSc = Sc.None;
      } else if (!mixed && ((lastSc === Sc.Latin && sc === Sc.Cyrillic) || (lastSc === Sc.Cyrillic && sc === Sc.Latin))) {
        mixed = true;
      }
    }
    pendingSpace = -1;
    pendingQuote = -1;
    for (let j = 0; j < str.length; j++) {
      codes.push(str.charCodeAt(j));
      st.push(s);
      en.push(e);
    }
    lastSc = lastScript;
  };

  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) emit(input[i] as string, i, i + 1, Sc.Latin);
      else if (c >= 0x41 && c <= 0x5a) emit(String.fromCharCode(c + 32), i, i + 1, Sc.Latin);
      else if (c >= 0x30 && c <= 0x39) emit(input[i] as string, i, i + 1, Sc.Digit);
      else if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
        if (pendingSpace < 0 && codes.length > 0) pendingSpace = i;
      } else if (c === 0x22) {
        if (pendingQuote < 0) pendingQuote = i;
      } else if (c === 0x27 || c === 0x60) emit("'", i, i + 1, Sc.None);
      else emit(input[i] as string, i, i + 1, Sc.None);
      i++;
      continue;
    }
    let cp = c;
    let len = 1;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        len = 2;
      }
    }
    const f = foldCodePoint(cp);
    switch (f.k) {
      case K_TEXT: {
        // "㍘" folds to "0点": a digit first, a Han letter last (no space between it and the next Han letter).
        const last = f.str.codePointAt(f.str.length - 1) as number;
        const lastScript = scriptOf(last >= 0xdc00 && last < 0xe000 && f.str.length > 1 ? (f.str.codePointAt(f.str.length - 2) as number) : last);
        emit(f.str, i, i + len, scriptOf(f.str.codePointAt(0) as number), lastScript);
        break;
      }
      case K_SPACE:
        if (pendingSpace < 0 && codes.length > 0) pendingSpace = i;
        break;
      case K_QUOTE:
        if (pendingQuote < 0) pendingQuote = i;
        break;
      case K_MARK:
        // The mark belongs to the character before it: the match of that character covers it too.
        if (en.length > 0 && pendingSpace < 0 && pendingQuote < 0 && en[en.length - 1] === i) {
          for (let j = en.length - 1; j >= 0 && en[j] === i; j--) en[j] = i + len;
        }
        break;
      default:
        break;
    }
    i += len;
  }

  if (mixed) fixMixedWords(codes);

  let text = '';
  for (let j = 0; j < codes.length; j += 8192) text += String.fromCharCode(...codes.slice(j, j + 8192));
  return { text, start: Int32Array.from(st), end: Int32Array.from(en) };
}

/** Maps Cyrillic/Latin look-alikes inside words that mix the two scripts onto the word's majority script. */
function fixMixedWords(codes: number[]): void {
  let j = 0;
  while (j < codes.length) {
    const sc = scriptOf(codes[j] as number);
    if (!isWordChar(sc) || sc === Sc.Digit) {
      j++;
      continue;
    }
    let k = j;
    let lat = 0;
    let cyr = 0;
    while (k < codes.length) {
      const s = scriptOf(codes[k] as number);
      if (s === Sc.None) break;
      if (s === Sc.Latin) lat++;
      else if (s === Sc.Cyrillic) cyr++;
      k++;
    }
    if (lat > 0 && cyr > 0) {
      const toLatin = lat >= cyr;
      const map = toLatin ? CYR_TO_LAT : LAT_TO_CYR;
      const from = toLatin ? Sc.Cyrillic : Sc.Latin;
      let ok = true;
      for (let m = j; m < k && ok; m++) if (scriptOf(codes[m] as number) === from && map[String.fromCharCode(codes[m] as number)] === undefined) ok = false;
      if (ok) {
        for (let m = j; m < k; m++) {
          if (scriptOf(codes[m] as number) === from) codes[m] = (map[String.fromCharCode(codes[m] as number)] as string).charCodeAt(0);
        }
      }
    }
    j = k;
  }
}

/** The matching form alone (for names and patterns at compile time). */
export function normalizeText(input: string): string {
  return normalize(input).text;
}

/** Original `[start, end)` of the normalized range `[a, b)`. */
export function originalRange(norm: Normalized, a: number, b: number): [number, number] {
  return [norm.start[a] as number, norm.end[b - 1] as number];
}
