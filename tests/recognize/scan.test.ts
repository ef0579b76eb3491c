// @vitest-environment node
/** The CLI scanner, run as a child process the way a user (or the corpus scorer) runs it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './support';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const SCAN = `${ROOT}scripts/scan.ts`;

function run(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const res = spawnSync(TSX, [SCAN, ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000 });
  return { stdout: res.stdout, stderr: res.stderr, status: res.status };
}

describe('scripts/scan.ts', () => {
  it('prints the mentions of a saved page, one per line, and a summary', () => {
    const out = execFileSync(TSX, [SCAN, `${FIXTURES}scan-page.html`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const lines = out.trim().split('\n');
    // The page writes "City&nbsp;Hall": the mention is the text as it stands.
    expect(lines).toContain('Crocus City\u00a0Hall attack\tevent\tcrocus-attack');
    expect(lines).toContain('Krasnogorsk\tplace\tkrasnogorsk');
    expect(lines).toContain('Alexander Bortnikov\tperson\tbortnikov');
    // The script element's text is not page text; the gardening aside's "crocus" is not the venue.
    expect(lines.filter((l) => l.startsWith('crocus'))).toEqual([]);
    expect(lines.at(-1)).toMatch(/^\d+ mentions of \d+ entities in \d+ blocks; about the attack: yes/);
  }, 60_000);

  it('--json gives the same as JSON', () => {
    const res = run(['--json', `${FIXTURES}scan-page.html`]);
    expect(res.status).toBe(0);
    const data = JSON.parse(res.stdout) as { about: boolean; mentions: { text: string; entity: string; block: number; start: number; end: number }[] };
    expect(data.about).toBe(true);
    expect(data.mentions.some((m) => m.text === 'Crocus City Hall' && m.entity === 'crocus-city-hall')).toBe(true);
  }, 60_000);

  it('--jsonl: one output line per input line, UTF-16 offsets into the whole text, errors on stderr', () => {
    const file = `${FIXTURES}scan-pages.jsonl`;
    const res = run(['--jsonl', file]);
    expect(res.status).toBe(0);
    expect(res.stderr).toContain('line 2: not valid JSON');
    expect(res.stderr).toContain('line 5: expected an object with a string "text"');
    const inputs = readFileSync(file, 'utf8').split('\n').flatMap((l) => {
      try {
        return [JSON.parse(l) as { id: unknown; text?: string }];
      } catch {
        return [];
      }
    }).filter((o) => typeof o.text === 'string');
    const outputs = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; mentions: { start: number; end: number; text: string; kind: string; entity: string }[] });
    expect(outputs.map((o) => o.id)).toEqual(['pos-1', 2, 'pos-3']);
    outputs.forEach((o, i) => {
      const text = inputs[i]?.text as string;
      for (const m of o.mentions) {
        // Names carry their entity; sentences reporting a known claim carry the claim id (issue 9).
        expect(Object.keys(m).sort()).toEqual(m.kind === 'claim' ? ['claim', 'end', 'kind', 'start', 'text'] : ['end', 'entity', 'kind', 'start', 'text']);
        expect(text.slice(m.start, m.end)).toBe(m.text);
      }
    });
    expect(outputs[0]?.mentions.map((m) => m.entity)).toEqual(expect.arrayContaining(['crocus-attack', 'krasnogorsk']));
    expect(outputs[1]?.mentions).toEqual([]);
    expect(outputs[2]?.mentions.map((m) => m.text)).toContain('Крокус Сити Холл');
  }, 60_000);

  it('--jsonl - reads stdin', () => {
    const res = run(['--jsonl', '-'], '{"id":"a","text":"Gunmen stormed Crocus City Hall near Moscow on 22 March 2024, killing 145."}\n');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout.trim()) as { id: string; mentions: { text: string }[] };
    expect(out.id).toBe('a');
    expect(out.mentions.map((m) => m.text)).toContain('Crocus City Hall');
  }, 60_000);

  it('explains its usage on bad arguments', () => {
    const res = run([]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('usage:');
  }, 60_000);
});
