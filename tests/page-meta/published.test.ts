import { describe, it, expect } from 'vitest';
import { publishedDate, isoDay } from '@/lib/page-meta/published';

function doc(head: string, body = ''): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.head.innerHTML = head;
  d.body.innerHTML = body;
  return d;
}

describe('publishedDate', () => {
  it('reads Open Graph article:published_time', () => {
    expect(publishedDate(doc('<meta property="article:published_time" content="2024-05-24T12:00:00+03:00">'))).toBe('2024-05-24');
  });

  it('reads JSON-LD datePublished, also inside @graph, skipping broken blocks', () => {
    const head = `<script type="application/ld+json">{broken</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-03-23T08:10:00Z"}]}</script>`;
    expect(publishedDate(doc(head))).toBe('2024-03-23');
  });

  it('reads microdata time elements and common meta names', () => {
    expect(publishedDate(doc('', '<article><time itemprop="datePublished" datetime="2025-08-04">4 Aug</time></article>'))).toBe('2025-08-04');
    expect(publishedDate(doc('<meta name="parsely-pub-date" content="2026-03-12T09:00:00Z">'))).toBe('2026-03-12');
  });

  it('returns undefined when the page declares nothing usable', () => {
    expect(publishedDate(doc('<meta property="article:published_time" content="yesterday">'))).toBeUndefined();
    expect(publishedDate(doc('<title>x</title>'))).toBeUndefined();
  });

  it('accepts only real calendar days', () => {
    expect(isoDay('2024-02-30')).toBeUndefined();
    expect(isoDay('2024-02-29T10:00')).toBe('2024-02-29');
  });
});

describe('publishedDate, order of the sources', () => {
  it('prefers Open Graph over a plain date meta, whatever their order in the head', () => {
    const head = '<meta name="date" content="2024-01-01"><meta property="article:published_time" content="2024-03-23T08:00:00Z">';
    expect(publishedDate(doc(head))).toBe('2024-03-23');
  });

  it('takes the first element of a key: a broken first one does not fall back to a later duplicate', () => {
    const head = '<meta property="article:published_time" content="soon"><meta property="article:published_time" content="2024-03-23"><meta name="pubdate" content="2024-03-25">';
    expect(publishedDate(doc(head))).toBe('2024-03-25');
  });

  it('reads JSON-LD whatever the case of its type, and a time element only inside an article', () => {
    expect(publishedDate(doc('<script type="Application/LD+JSON">{"datePublished":"2024-04-01"}</script>'))).toBe('2024-04-01');
    expect(publishedDate(doc('', '<footer><time datetime="2026-01-01">today</time></footer>'))).toBeUndefined();
    expect(publishedDate(doc('', '<article><p>x <time datetime="2024-03-22T20:00">22 March</time></p></article>'))).toBe('2024-03-22');
  });
});
