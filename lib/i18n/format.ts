/**
 * Dates of any precision ("2024", "2024-03", "2024-03-22") and numbers in a given language, for every surface (hover
 * card, panel). A month-only date shows as "March 2024", never as an invented first of the month.
 */
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

export type DateStyle = 'long' | 'short';

/** The calendar date an ISO date (of any precision) stands for, and its precision; undefined when it is not one. */
export function isoDateParts(iso: string): { date: Date; precision: 1 | 2 | 3 } | undefined {
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const precision = d !== undefined ? 3 : mo !== undefined ? 2 : 1;
  return { date: new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1))), precision };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter for a language, a precision and a month style (UTC: dates are calendar dates). */
export function dateFormatter(lang: string, precision: 1 | 2 | 3, style: DateStyle): Intl.DateTimeFormat {
  const key = `${lang}|${precision}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (precision >= 2) opts.month = style;
    if (precision === 3) opts.day = 'numeric';
    try {
      f = new Intl.DateTimeFormat(lang, opts);
    } catch {
      f = new Intl.DateTimeFormat('en', opts);
    }
    formatters.set(key, f);
  }
  return f;
}

/** "22 March 2024" / "March 2024" / "2024" (or with short month names); the input unchanged when it is not a date. */
export function formatIsoDate(iso: string, lang: string, style: DateStyle = 'long'): string {
  const p = isoDateParts(iso);
  return p ? dateFormatter(lang, p.precision, style).format(p.date) : iso;
}

const numberFormats = new Map<string, Intl.NumberFormat | null>();

/** `n` as the language writes numbers (one cached formatter per language: making one costs more than using it). */
export function formatNumber(n: number, lang: string): string {
  let f = numberFormats.get(lang);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(lang);
    } catch {
      f = null;
    }
    numberFormats.set(lang, f);
  }
  return f ? f.format(n) : String(n);
}
