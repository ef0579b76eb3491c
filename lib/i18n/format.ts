/**
 * Dates of reduced precision ("2024", "2024-03", "2024-03-22") in the reader's language: a month-only date shows
 * as "March 2024", never as an invented first of the month.
 */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number | undefined, number | undefined];
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions =
    d !== undefined ? { day: 'numeric', month: 'short', year: 'numeric' } : m !== undefined ? { month: 'long', year: 'numeric' } : { year: 'numeric' };
  try {
    return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
}

export function formatNumber(n: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang).format(n);
  } catch {
    return String(n);
  }
}
