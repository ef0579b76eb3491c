/**
 * Formatting for the panel: dates of any precision (2024, 2024-03, 2024-03-22) in the UI language, numbers,
 * language names and plural-aware interface strings. Pure apart from reading the UI language.
 */
import type { DateInfo } from '@/lib/knowledge/schema';
import { t, uiLanguage } from '@/lib/i18n/t';

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The ISO calendar date at the start of `value` (a date or a date-time), at the precision it has; else undefined. */
export function isoDatePrefix(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return y;
  if (d !== undefined && (Number(d) < 1 || Number(d) > 31)) return `${y}-${mo}`;
  return [y, mo, d].filter((x) => x !== undefined).join('-');
}

function locale(): string {
  return uiLanguage();
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(precision: 1 | 2 | 3, style: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${locale()}|${precision}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (precision >= 2) opts.month = style;
    if (precision === 3) opts.day = 'numeric';
    try {
      f = new Intl.DateTimeFormat(locale(), opts);
    } catch {
      f = new Intl.DateTimeFormat('en', opts);
    }
    formatters.set(key, f);
  }
  return f;
}

function parts(iso: string): { date: Date; precision: 1 | 2 | 3 } | undefined {
  const m = ISO.exec(iso);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const precision = d !== undefined ? 3 : mo !== undefined ? 2 : 1;
  return { date: new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1))), precision };
}

/** "22 March 2024" / "March 2024" / "2024" in the UI language; the input unchanged when it is not an ISO date. */
export function formatIsoDate(iso: string, style: 'long' | 'short' = 'long'): string {
  const p = parts(iso);
  if (!p) return iso;
  return formatter(p.precision, style).format(p.date);
}

/** A span between two ISO dates; Intl's range format when both have the same precision. */
export function formatIsoRange(start: string, end: string, style: 'long' | 'short' = 'long'): string {
  const a = parts(start);
  const b = parts(end);
  if (!a || !b) return `${start} – ${end}`;
  if (a.precision === b.precision) {
    const f = formatter(a.precision, style) as Intl.DateTimeFormat & { formatRange?: (x: Date, y: Date) => string };
    if (typeof f.formatRange === 'function') return f.formatRange(a.date, b.date);
  }
  return `${formatIsoDate(start, style)} – ${formatIsoDate(end, style)}`;
}

/** A `DateInfo` as one line: the date or span, "c." when approximate, and the local time with its zone. */
export function formatDateInfo(info: DateInfo, style: 'long' | 'short' = 'long'): string {
  let text = info.dateEnd && info.dateEnd !== info.date ? formatIsoRange(info.date, info.dateEnd, style) : formatIsoDate(info.date, style);
  if (info.approximate) text = t('panel_date_approx', text);
  if (info.time) {
    const time = info.timeEnd ? `${info.time}–${info.timeEnd}` : info.time;
    const zone = info.timeZone && info.timeZone !== 'Europe/Moscow' ? t('panel_time_zone', time, info.timeZone) : t('panel_time_moscow', time);
    text = `${text}, ${zone}`;
  }
  return text;
}

/** A number in the UI language's digits and grouping. */
export function formatNumber(n: number): string {
  try {
    return new Intl.NumberFormat(locale()).format(n);
  } catch {
    return String(n);
  }
}

/** The name of a language (BCP 47 tag) in the UI language: "Russian", "русский"; the tag when unknown. */
export function languageName(tag: string): string {
  try {
    const names = new Intl.DisplayNames([locale()], { type: 'language' });
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * A plural-aware message: `base_one`, `base_few`, `base_many` or `base_other`, chosen by the plural rules of the
 * language the messages are written in (`panel_lang`), with the count formatted as the first substitution.
 */
export function plural(base: string, n: number, ...more: (string | number)[]): string {
  let category: string = 'other';
  try {
    category = new Intl.PluralRules(t('panel_lang')).select(n);
  } catch {
    // keep "other"
  }
  const key = `${base}_${category}`;
  const text = t(key, formatNumber(n), ...more);
  return text === key ? t(`${base}_other`, formatNumber(n), ...more) : text;
}
