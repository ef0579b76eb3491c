/**
 * Dates mentioned in a sentence, in many languages: "24 May", "May 24, 2024", "24 мая", "24 травня",
 * "am 24. Mai", "le 24 mai", "el 24 de mayo de 2024", "2024-05-24", "24.05.2024", "in March", "в 2025 году".
 * Pure.
 */
import { AMBIGUOUS_MONTHS, MONTHS, MONTH_ABBREVIATIONS } from './lexicon';
import type { Token } from './text';
import { fold } from './text';

export interface DateMention {
  y?: number;
  m?: number;
  d?: number;
}

const exactMonth = new Map<string, number>();
/** Month stems by their first three letters. */
const stemMonth = new Map<string, [string, number][]>();
MONTHS.forEach((forms, i) => {
  for (const form of forms) {
    const f = fold(form);
    if (f.endsWith('*')) {
      const stem = f.slice(0, -1);
      stemMonth.set(stem.slice(0, 3), [...(stemMonth.get(stem.slice(0, 3)) ?? []), [stem, i + 1]]);
    } else exactMonth.set(f, i + 1);
  }
});

function monthOf(t: Token): { m: number; weak: boolean } | undefined {
  const exact = exactMonth.get(t.f);
  if (exact !== undefined) return { m: exact, weak: AMBIGUOUS_MONTHS.has(t.f) };
  for (const [stem, m] of stemMonth.get(t.f.slice(0, 3)) ?? []) if (t.f.startsWith(stem)) return { m, weak: false };
  const abbr = MONTH_ABBREVIATIONS[t.f];
  if (abbr !== undefined) return { m: abbr, weak: true };
  return undefined;
}

function dayOf(t: Token | undefined): number | undefined {
  if (!t) return undefined;
  const m = /^(\d{1,2})(st|nd|rd|th|er|e|го|е|я)?$/.exec(t.f);
  if (!m) return undefined;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : undefined;
}

function yearOf(t: Token | undefined): number | undefined {
  if (!t || !/^(19|20)\d\d$/.test(t.f)) return undefined;
  return Number(t.f);
}

const FILLERS = new Set(['de', 'of', 'the', 'del', 'di', 'do', 'da']);

/** Dates mentioned in `tokens` (words of `text`). */
export function findDates(text: string, tokens: readonly Token[], from = 0, to = text.length): DateMention[] {
  const out: DateMention[] = [];
  const used = new Set<number>();
  const slice = text.slice(from, to);
  // Numeric forms first.
  for (const m of slice.matchAll(/(?<!\d)((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?(?!\d)/g)) {
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12) out.push({ y: Number(m[1]), m: mo, ...(m[3] ? { d: Number(m[3]) } : {}) });
    markUsed(tokens, from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length, used);
  }
  for (const m of slice.matchAll(/(?<![\d.])(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?!\d)/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Day first unless that cannot be (US style 05/24/2024).
    const [d, mo] = b > 12 ? [b, a] : [a, b];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) out.push({ y: Number(m[3]), m: mo, d });
    markUsed(tokens, from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length, used);
  }
  tokens.forEach((t, i) => {
    if (used.has(i)) return;
    const month = monthOf(t);
    if (!month) return;
    let d: number | undefined;
    let y: number | undefined;
    let dayIdx = -1;
    // Day before the month: "24 May", "24. Mai", "24 de mayo", "the 22nd of March".
    const prev = tokens[i - 1];
    if (prev && !used.has(i - 1) && dayOf(prev) !== undefined) {
      d = dayOf(prev);
      dayIdx = i - 1;
    } else if (prev && FILLERS.has(prev.f) && dayOf(tokens[i - 2]) !== undefined && !used.has(i - 2)) {
      d = dayOf(tokens[i - 2]);
      dayIdx = i - 2;
    }
    let k = i + 1;
    // Day after the month: "May 24".
    if (d === undefined && dayOf(tokens[k]) !== undefined && yearOf(tokens[k]) === undefined) {
      d = dayOf(tokens[k]);
      dayIdx = k;
      k++;
    }
    if (FILLERS.has(tokens[k]?.f ?? '')) k++;
    if (yearOf(tokens[k]) !== undefined) {
      y = yearOf(tokens[k]);
      used.add(k);
    }
    if (month.weak && d === undefined && y === undefined) return;
    used.add(i);
    if (dayIdx >= 0) used.add(dayIdx);
    out.push({ m: month.m, ...(d !== undefined ? { d } : {}), ...(y !== undefined ? { y } : {}) });
  });
  tokens.forEach((t, i) => {
    if (used.has(i)) return;
    const y = yearOf(t);
    if (y !== undefined && y >= 2000 && y < 2040) out.push({ y });
  });
  return out;
}

function markUsed(tokens: readonly Token[], s: number, e: number, used: Set<number>): void {
  tokens.forEach((t, i) => {
    if (t.s >= s && t.e <= e) used.add(i);
  });
}
