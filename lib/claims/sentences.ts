/**
 * Sentence splitting for any script: Latin/Cyrillic/Greek . ! ? …, CJK 。！？, Arabic ؟ and ۔, Devanagari । ॥,
 * and line breaks. A full stop after an abbreviation ("Mr.", "U.S.", "г."), an initial ("A. Bortnikov") or a
 * German ordinal day ("am 24. Mai") does not end a sentence, and neither does a stop followed by a lower-case
 * word or by no space (decimals, "24.05.2024"). Pure.
 */
import { ABBREVIATIONS, MONTHS } from './lexicon';
import { fold } from './text';

export interface SentenceSpan {
  /** UTF-16 offsets in the block; `end` is exclusive; whitespace trimmed. */
  start: number;
  end: number;
}

const TERMINAL = /[.!?…]/;
const FULL_WIDTH_TERMINAL = /[。！？｡؟۔।॥]/;
const CLOSERS = /[»"”’'）)\]」』›]/;

const MONTH_WORDS = new Set(
  MONTHS.flat()
    .filter((m) => !m.endsWith('*'))
    .concat(['marz', 'mai', 'april', 'august']),
);

function isMonthWord(word: string): boolean {
  const f = fold(word);
  if (MONTH_WORDS.has(f)) return true;
  return MONTHS.some((forms) => forms.some((m) => m.endsWith('*') && f.startsWith(m.slice(0, -1))));
}

/** The word (letters/digits) that ends just before `i`. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}\p{M}\p{N}]/u.test(text.charAt(j - 1))) j--;
  return text.slice(j, i);
}

function wordAt(text: string, i: number): string {
  const m = /^[\p{L}\p{M}\p{N}]+/u.exec(text.slice(i, i + 40));
  return m ? m[0] : '';
}

/** Whether the full stop at `i` (a single '.') ends a sentence, given the next word starts at `next`. */
function stopEnds(text: string, i: number, next: number): boolean {
  const before = wordBefore(text, i);
  if (before.length === 0) return true;
  // Initials and dotted abbreviations: "A. Bortnikov", "U.S.", "т.е."
  if (before.length === 1 && /\p{L}/u.test(before)) return false;
  if (ABBREVIATIONS.has(fold(before))) return false;
  // German ordinal day: "am 24. Mai", "22. März"
  if (/^\d{1,2}$/.test(before) && isMonthWord(wordAt(text, next))) return false;
  return true;
}

/** Splits `text` into sentences. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const emit = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ start: s, end: e });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charAt(i);
    if (ch === '\n' || ch === '\r' || ch === '\u2029') {
      emit(i);
      continue;
    }
    if (FULL_WIDTH_TERMINAL.test(ch)) {
      let j = i + 1;
      while (j < n && (FULL_WIDTH_TERMINAL.test(text.charAt(j)) || CLOSERS.test(text.charAt(j)))) j++;
      emit(j);
      i = j - 1;
      continue;
    }
    if (!TERMINAL.test(ch)) continue;
    let j = i + 1;
    while (j < n && TERMINAL.test(text.charAt(j))) j++;
    while (j < n && CLOSERS.test(text.charAt(j))) j++;
    if (j >= n) {
      emit(n);
      i = n;
      break;
    }
    if (!/\s/.test(text.charAt(j))) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < n && /\s/.test(text.charAt(k)) && text.charAt(k) !== '\n') k++;
    const next = text.charAt(k);
    // A lower-case word goes on with the same sentence ("nonsense and ... propaganda", "«Почему?» — спросил он").
    if (next !== '' && next !== next.toUpperCase() && next === next.toLowerCase()) {
      i = j - 1;
      continue;
    }
    if (/[,;:—–-]/.test(next)) {
      i = j - 1;
      continue;
    }
    const run = text.slice(i, j).replace(new RegExp(CLOSERS.source, 'g'), '');
    if (run === '.' && !stopEnds(text, i, k)) {
      i = j - 1;
      continue;
    }
    emit(j);
    i = j - 1;
  }
  if (start < n) emit(n);
  return out;
}
