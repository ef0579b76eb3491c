import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Source } from '../../lib/knowledge/schema';

const SOURCES_PATH = path.resolve(__dirname, '../../lib/knowledge/parts/sources.json');
const SHEET_PATH = path.resolve(__dirname, '../../../shared/knowledge/facts.md');

const sources: unknown[] = JSON.parse(readFileSync(SOURCES_PATH, 'utf8'));
const ids = new Set(
  sources.map((s) => (s && typeof s === 'object' && 'id' in s ? String((s as { id: unknown }).id) : '')),
);

function readSheet(): string {
  if (!existsSync(SHEET_PATH)) {
    throw new Error(
      `Fact sheet not found at ${SHEET_PATH}. The source register is checked against ` +
        `shared/knowledge/facts.md, a sibling of the repository root; restore it there.`,
    );
  }
  return readFileSync(SHEET_PATH, 'utf8');
}

/** The text between a heading that starts with `from` and the next heading that starts with `to`. */
function between(sheet: string, from: string, to: string): string {
  const start = sheet.indexOf(from);
  const end = sheet.indexOf(to, start + 1);
  if (start < 0 || end < 0) throw new Error(`Fact sheet has no "${from}" ... "${to}" part`);
  return sheet.slice(start, end);
}

/** Every source key cited in brackets, e.g. [S12] or [S24b]. */
function citedKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const bracket of text.matchAll(/\[([^\]\n]*)\]/g)) {
    for (const key of bracket[1].matchAll(/\bS\d+[a-z]?\b/g)) keys.add(key[0]);
  }
  return keys;
}

describe('knowledge pack: source register (parts/sources.json)', () => {
  it('has entries', () => {
    expect(sources.length).toBeGreaterThan(0);
  });

  it('every entry parses with the Source schema', () => {
    const failures = sources.flatMap((s, i) => {
      const result = Source.safeParse(s);
      if (result.success) return [];
      const id = (s as { id?: string })?.id ?? `#${i}`;
      return result.error.issues.map((issue) => `${id}: ${issue.path.join('.')}: ${issue.message}`);
    });
    expect(failures).toEqual([]);
  });

  it('ids are unique', () => {
    const seen = new Map<string, number>();
    for (const s of sources) {
      const id = (s as { id: string }).id;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([]);
  });

  it('no address is http or a bare IP', () => {
    const bad = sources
      .map((s) => s as { id: string; url: string })
      .filter((s) => !s.url.startsWith('https://') || /^https?:\/\/(\d{1,3}\.){3}\d{1,3}([:/]|$)/.test(s.url))
      .map((s) => `${s.id}: ${s.url}`);
    expect(bad).toEqual([]);
  });

  it('no host ends in a dot', () => {
    const bad = sources
      .map((s) => s as { id: string; url: string })
      .filter((s) => new URL(s.url).hostname.endsWith('.'))
      .map((s) => `${s.id}: ${s.url}`);
    expect(bad).toEqual([]);
  });

  it('every source key cited in sections 1–6 of the fact sheet has an entry', () => {
    const sheet = readSheet();
    const body = between(sheet, '## 1. Event core facts', '## Source register');
    const cited = citedKeys(body);
    expect(cited.size).toBeGreaterThan(100);
    const missing = [...cited].filter((key) => !ids.has(key)).sort();
    expect(missing, `cited in the fact sheet but missing from sources.json: ${missing.join(', ')}`).toEqual([]);
  });

  it('has exactly the keys of the fact sheet’s Source register', () => {
    const sheet = readSheet();
    const register = between(sheet, '## Source register', '## Corrections log');
    const keys = new Set([...register.matchAll(/^(S\d+[a-z]?) — /gm)].map((m) => m[1]));
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((k) => !ids.has(k)).sort(), 'in the register but not in sources.json').toEqual([]);
    expect([...ids].filter((k) => !keys.has(k)).sort(), 'in sources.json but not in the register').toEqual([]);
  });
});
