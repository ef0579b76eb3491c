/**
 * The publication date a page declares about itself, from the metadata news sites use: Open Graph
 * `article:published_time`, schema.org `datePublished` (JSON-LD or microdata), and the common meta names.
 * Returns an ISO date (YYYY-MM-DD) or undefined. Reads the DOM, never changes it; hostile JSON is ignored.
 */
/**
 * The meta elements that may carry the date, most trusted first: [attribute, value]. Matched on the document's
 * meta elements (one native collection) rather than by one selector each: every selector query walks the whole
 * document, which on a 1 MB page costs about a millisecond apiece.
 */
const META_KEYS: readonly (readonly [string, string])[] = [
  ['property', 'article:published_time'],
  ['property', 'og:article:published_time'],
  ['itemprop', 'datePublished'],
  ['name', 'article:published_time'],
  ['name', 'datePublished'],
  ['name', 'pubdate'],
  ['name', 'publishdate'],
  ['name', 'publish-date'],
  ['name', 'parsely-pub-date'],
  ['name', 'sailthru.date'],
  ['name', 'dc.date.issued'],
  ['name', 'DC.date.issued'],
  ['name', 'dcterms.created'],
  ['name', 'date'],
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
  const metas = Array.from(doc.getElementsByTagName('meta'));
  for (const [attr, value] of META_KEYS) {
    // The first element with the key decides for it, as a selector query would find it.
    const meta = metas.find((m) => m.getAttribute(attr) === value);
    const day = isoDay(meta?.getAttribute('content'));
    if (day) return day;
  }
  const scripts = Array.from(doc.getElementsByTagName('script')).filter((s) => s.type.trim().toLowerCase() === 'application/ld+json');
  for (const script of scripts.slice(0, 20)) {
    const text = script.textContent ?? '';
    if (text.length > 500_000) continue;
    try {
      const day = jsonLdDate(JSON.parse(text));
      if (day) return day;
    } catch {
      // Broken JSON-LD is common; try the next block.
    }
  }
  const time = Array.from(doc.getElementsByTagName('time')).find(
    (t) => t.getAttribute('itemprop') === 'datePublished' || (t.hasAttribute('datetime') && t.closest('article') !== null),
  );
  return isoDay(time?.getAttribute('datetime'));
}
