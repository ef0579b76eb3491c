/**
 * Formatting for the panel: dates of any precision (2024, 2024-03, 2024-03-22) in the UI language, numbers,
 * language names and plural-aware interface strings. Pure apart from reading the UI language.
 */
import type { DateInfo } from '@/lib/knowledge/schema';
import { t, uiLanguage } from '@/lib/i18n/t';
import { dateFormatter, formatIsoDate as formatDate, formatNumber as formatNumberIn, isoDateParts, type DateStyle } from '@/lib/i18n/format';

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

/** "22 March 2024" / "March 2024" / "2024" in the UI language; the input unchanged when it is not an ISO date. */
export function formatIsoDate(iso: string, style: DateStyle = 'long'): string {
  return formatDate(iso, uiLanguage(), style);
}

/** A span between two ISO dates; Intl's range format when both have the same precision. */
export function formatIsoRange(start: string, end: string, style: DateStyle = 'long'): string {
  const a = isoDateParts(start);
  const b = isoDateParts(end);
  if (!a || !b) return `${start} – ${end}`;
  if (a.precision === b.precision) {
    const f = dateFormatter(uiLanguage(), a.precision, style) as Intl.DateTimeFormat & { formatRange?: (x: Date, y: Date) => string };
    if (typeof f.formatRange === 'function') return f.formatRange(a.date, b.date);
  }
  return `${formatIsoDate(start, style)} – ${formatIsoDate(end, style)}`;
}

/** A `DateInfo` as one line: the date or span, "c." when approximate, and the local time with its zone. */
export function formatDateInfo(info: DateInfo, style: DateStyle = 'long'): string {
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
  return formatNumberIn(n, uiLanguage());
}

/** The name of a language (BCP 47 tag) in the UI language: "Russian", "русский"; the tag when unknown. */
export function languageName(tag: string): string {
  try {
    const names = new Intl.DisplayNames([uiLanguage()], { type: 'language' });
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
