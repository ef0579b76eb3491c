/**
 * Dates on the options page, formatted for the language its messages are written in: `options_locale` is
 * "en-GB" in English ("24 May 2024, 10:00"), "ru" and "uk" in the translations. Counts and other interface text
 * come from `t()` and the panel's `plural()` (public/_locales).
 */
import { t } from '@/lib/i18n/t';

const FALLBACK = 'en-GB';

/** The BCP 47 locale of the options page's messages, for Intl formats and the page's `lang`. */
export function optionsLocale(): string {
  try {
    return Intl.getCanonicalLocales(t('options_locale'))[0] ?? FALLBACK;
  } catch {
    // A missing message comes back as the key itself, which is no locale.
    return FALLBACK;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = optionsLocale();
  const key = `${locale}|${name}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat(FALLBACK, options);
    }
    formatters.set(key, f);
  }
  return f;
}

/** "24 May 2024, 10:00" for a visit timestamp. */
export function formatVisit(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatter('visit', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}

/** Heading of a day group ("Friday 24 May 2024") from a local YYYY-MM-DD. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return formatter('day', { dateStyle: 'full' }).format(new Date(y, m - 1, d));
}

/**
 * A declared publication date of any precision: "2024", "May 2024", "24 May 2024" (a month-only date is never
 * shown as an invented first of the month). Only the calendar date is shown, as the page declared it.
 */
export function formatPublished(value: string): string {
  const [y, m, d] = value.slice(0, 10).split('-');
  const year = Number(y);
  const month = Number(m);
  if (!y || !m || !Number.isInteger(year) || !(month >= 1 && month <= 12)) return y || value;
  const day = Number(d);
  if (d) {
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCDate() === day) return formatter('published-day', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return formatter('published-month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}
