/**
 * The event core, casualty history, timeline, discrepancies, unverified notes and seed mapping of the
 * knowledge pack (lib/knowledge/parts/*.json): shape (schema), ids, order, and the seed anchoring.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  Discrepancy,
  EntityId,
  EventCore,
  KnowledgePack,
  TimelineEntry,
  Unverified,
  type DateInfo,
} from '../../lib/knowledge/schema';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const root = (p: string) => resolve(repo, p);
const readJson = (p: string): unknown => JSON.parse(readFileSync(root(p), 'utf8'));

const event = EventCore.parse(readJson('lib/knowledge/parts/event.json'));
const timeline = z.array(TimelineEntry).parse(readJson('lib/knowledge/parts/timeline.json'));
const discrepancies = z.array(Discrepancy).parse(readJson('lib/knowledge/parts/discrepancies.json'));
const unverified = z.array(Unverified).parse(readJson('lib/knowledge/parts/unverified.json'));
const seed = KnowledgePack.shape.seed.parse(readJson('lib/knowledge/parts/seed.json'));
const seedText = readFileSync(root(seed.file), 'utf8');

/**
 * Orders two dates of possibly reduced precision (2024, 2024-03, 2024-03-22): a date is only "before"
 * another where their common precision says so, so 2024-03 sits anywhere within March 2024.
 * Times are compared when both entries carry a full date and a time.
 */
function compareWhen(a: DateInfo, b: DateInfo): number {
  const n = Math.min(a.date.length, b.date.length);
  const byDate = a.date.slice(0, n).localeCompare(b.date.slice(0, n));
  if (byDate !== 0 || a.date.length < 10 || b.date.length < 10) return byDate;
  if (a.time && b.time) return a.time.localeCompare(b.time);
  return 0;
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const expectUnique = (xs: string[]) => expect(xs.filter((x, i) => xs.indexOf(x) !== i)).toEqual([]);
const range = (prefix: string, from: number, to: number, pad: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(pad, '0')}`);

describe('event core', () => {
  it('names the event and the venue', () => {
    expect(event.entity).toBe('crocus-attack');
    expect(event.venue).toBe('crocus-city-hall');
    expect(event.when).toMatchObject({ date: '2024-03-22', time: '19:58', timeEnd: '20:11' });
    expect(event.perpetrators.people).toEqual(['mirzoyev', 'rachabalizoda', 'fariduni', 'faizov']);
  });

  it('has unique casualty figure ids, numbered K01.. in chronological order', () => {
    const ks = ids(event.casualties);
    expectUnique(ks);
    expect(ks).toEqual(range('K', 1, ks.length, 2));
    for (let i = 1; i < event.casualties.length; i++) {
      const [a, b] = [event.casualties[i - 1]!, event.casualties[i]!];
      expect(compareWhen(a.asOf, b.asOf), `${a.id} after ${b.id}`).toBeLessThanOrEqual(0);
    }
  });

  it('gives every casualty figure sources, an asOf date and at least one number', () => {
    for (const k of event.casualties) {
      expect(k.sources.length, k.id).toBeGreaterThan(0);
      expect(k.asOf.date, k.id).toMatch(/^\d{4}/);
      expect([k.dead, k.injured, k.missing].some((n) => n !== undefined), k.id).toBe(true);
    }
  });

  it('points currentCasualtyFigure at the latest official figure: 149 dead, 1 missing, 609 injured', () => {
    const current = event.casualties.find((k) => k.id === event.currentCasualtyFigure);
    expect(current).toBeDefined();
    expect(current!.official).toBe(true);
    expect(current).toMatchObject({ dead: 149, missing: 1, injured: 609 });
    const official = event.casualties.filter((k) => k.official);
    expect(official.at(-1)!.id).toBe(current!.id);
    for (const k of official) expect(compareWhen(k.asOf, current!.asOf), k.id).toBeLessThanOrEqual(0);
  });

  it('names publishers by a fixed entity id or by a plain name that cannot be mistaken for one', () => {
    const entityPublishers = ['fsb', 'investigative-committee', 'bastrykin', 'mchs', 'murashko', 'tass', 'baza', 'reuters', 'afp', 'ap', 'rt', 'ria-novosti'];
    for (const k of event.casualties) {
      if (EntityId.safeParse(k.publishedBy).success) expect(entityPublishers, k.id).toContain(k.publishedBy);
    }
  });

  it('keeps state media and unofficial channels out of the official counts', () => {
    for (const k of event.casualties.filter((c) => c.official)) {
      expect(['fsb', 'investigative-committee', 'bastrykin', 'mchs', 'murashko'], k.id).toContain(k.publishedBy);
    }
  });
});

describe('timeline', () => {
  it('has every entry T01..T77 exactly once', () => {
    const ts = ids(timeline);
    expectUnique(ts);
    expect([...ts].sort()).toEqual(range('T', 1, 77, 2));
  });

  it('is sorted by date', () => {
    for (let i = 1; i < timeline.length; i++) {
      const [a, b] = [timeline[i - 1]!, timeline[i]!];
      expect(compareWhen(a.when, b.when), `${a.id} after ${b.id}`).toBeLessThanOrEqual(0);
    }
  });

  it('explains every imprecise date', () => {
    for (const t of timeline) {
      if (t.when.date.length < 10 || t.when.dateEnd || t.when.approximate) expect(t.when.note, t.id).toBeTruthy();
      if (t.when.dateEnd) expect(t.when.dateEnd > t.when.date, t.id).toBe(true);
    }
  });

  it('refers only to claims that exist', () => {
    const known = new Set((readJson('lib/knowledge/parts/claims.json') as { id: string }[]).map((c) => c.id));
    for (const t of timeline) for (const c of t.claims ?? []) expect(known.has(c), `${t.id} → ${c}`).toBe(true);
  });

  it('maps the key statements to their claims', () => {
    const claimsOf = (id: string) => timeline.find((t) => t.id === id)?.claims ?? [];
    expect(claimsOf('T09')).toContain('C29');
    expect(claimsOf('T10')).toContain('C31');
    expect(claimsOf('T14')).toContain('C01');
    expect(claimsOf('T50')).toContain('C24');
  });
});

describe('discrepancies and unverified notes', () => {
  it('has D1..D18, each with at least two sourced variants', () => {
    const ds = ids(discrepancies);
    expectUnique(ds);
    expect(ds).toEqual(range('D', 1, 18, 1));
    for (const d of discrepancies) expect(d.variants.length, d.id).toBeGreaterThanOrEqual(2);
  });

  it('has U1..U15', () => {
    const us = ids(unverified);
    expectUnique(us);
    expect(us).toEqual(range('U', 1, 15, 1));
  });
});

describe('seed mapping', () => {
  it('maps the seed article S62', () => {
    expect(seed.source).toBe('S62');
    expect(seed.file).toBe('seeds/000_ac573e2a3b29c701.txt');
  });

  it('anchors every statement on a verbatim, unique passage of the seed', () => {
    for (const s of seed.statements) {
      const { exact } = s.target;
      expect(seedText.includes(exact), exact).toBe(true);
      expect(seedText.indexOf(exact), exact).toBe(seedText.lastIndexOf(exact));
    }
  });

  it('explains every statement that is not plainly confirmed', () => {
    for (const s of seed.statements) if (s.status !== 'confirmed') expect(s.note, s.target.exact).toBeTruthy();
  });

  /** Sentences with their offsets: split at line breaks and at . ! ? followed by a capital or an opening quote. */
  function sentences(text: string): { start: number; end: number; text: string }[] {
    const out: { start: number; end: number; text: string }[] = [];
    const cut = /\n+|(?<=[.!?]["”]?)\s+(?=[A-Z“"«])/g;
    let start = 0;
    for (const m of [...text.matchAll(cut), { index: text.length, 0: '' } as RegExpExecArray]) {
      const end = m.index!;
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body) out.push({ start: start + lead, end: start + lead + body.length, text: body });
      start = end + m[0].length;
    }
    return out;
  }

  it('covers every sentence with a number, a quotation or a verb of saying', () => {
    const spans = seed.statements.map((s) => {
      const start = seedText.indexOf(s.target.exact);
      return [start, start + s.target.exact.length] as const;
    });
    const mustCover = sentences(seedText).filter((s) =>
      /\d|["“”«»]|\b(said|told|accused|warned|rejected|confirm\w*)\b/i.test(s.text),
    );
    expect(mustCover.length).toBeGreaterThanOrEqual(10);
    for (const s of mustCover) {
      expect(spans.some(([a, b]) => a < s.end && s.start < b), s.text).toBe(true);
    }
  });

  it('covers the arrests sentence and the headline line', () => {
    const texts = seed.statements.map((s) => s.target.exact);
    expect(texts.some((t) => t.includes('More than a dozen suspects have been arrested'))).toBe(true);
    expect(texts.some((t) => t.startsWith('NYT:'))).toBe(true);
  });
});
