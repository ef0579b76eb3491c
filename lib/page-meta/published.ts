/**
 * The publication date a page declares about itself, from the metadata news sites use: Open Graph
 * `article:published_time`, schema.org `datePublished` (JSON-LD or microdata), and the common meta names.
 * Returns an ISO date (YYYY-MM-DD) or undefined. Reads the DOM, never changes it; hostile JSON is ignored.
 */
const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="date"]',
];

/** ISO date part of a date-time string, if it is one (2024-05-24, 2024-05-24T10:00:00+03:00, 2024-05-24 10:00). */
export function isoDay(value: string | null | undefined): string | undefined {
  const m = value?.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : undefined;
}

/** Finds `datePublished` in JSON-LD, including inside @graph arrays and nested objects (bounded depth). */
function jsonLdDate(node: unknown, depth = 0): string | undefined {
  if (depth > 6 || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 50)) {
      const found = jsonLdDate(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  const own = typeof record.datePublished === 'string' ? isoDay(record.datePublished) : undefined;
  if (own) return own;
  return jsonLdDate(record['@graph'], depth + 1) ?? jsonLdDate(record.mainEntity, depth + 1);
}

export function publishedDate(doc: Document): string | undefined {
  for (const selector of META_SELECTORS) {
    const day = isoDay(doc.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20)) {
    const text = script.textContent ?? '';
    if (text.length > 500_000) continue;
    try {
      const day = jsonLdDate(JSON.parse(text));
      if (day) return day;
    } catch {
      // Broken JSON-LD is common; try the next block.
    }
  }
  return isoDay(doc.querySelector('time[itemprop="datePublished"], article time[datetime]')?.getAttribute('datetime'));
}
