/**
 * Joins the pack parts (lib/knowledge/parts/*.json, one per section, written by different editors) into the
 * single pack object that `pack.json` holds. Node-only (reads files); does not validate — the caller does.
 *
 * Each part holds its section directly (`sources.json` is an array, `event.json` an object); a part wrapped
 * in an object with the section's name as its only key (`{ "sources": [...] }`) is unwrapped.
 * `meta.json` holds `{ version, currentAsOf, title }`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile } from './load-node';

/** Sections in the order they appear in pack.json. `recognition` is optional. */
export const PART_SECTIONS = [
  'event',
  'entities',
  'sources',
  'claims',
  'conflicts',
  'discrepancies',
  'timeline',
  'unverified',
  'seed',
] as const;
export const OPTIONAL_SECTIONS = ['recognition'] as const;
export const META_KEYS = ['version', 'currentAsOf', 'title'] as const;

export interface AssembledParts {
  pack: Record<string, unknown>;
  /** Part files that do not exist (their sections are absent from `pack`). */
  missing: string[];
}

function unwrap(section: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === section) return (value as Record<string, unknown>)[section];
  }
  return value;
}

/** Reads the parts in `dir` and reports which required part files are missing. */
export function readParts(dir: string): AssembledParts {
  const missing: string[] = [];
  const pack: Record<string, unknown> = {};
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath)) {
    const meta = readJsonFile(metaPath);
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw new Error(`${metaPath}: must be an object`);
    for (const key of META_KEYS) if (key in meta) pack[key] = (meta as Record<string, unknown>)[key];
  } else missing.push('meta.json');
  for (const section of PART_SECTIONS) {
    const file = join(dir, `${section}.json`);
    if (existsSync(file)) pack[section] = unwrap(section, readJsonFile(file));
    else missing.push(`${section}.json`);
  }
  for (const section of OPTIONAL_SECTIONS) {
    const file = join(dir, `${section}.json`);
    if (existsSync(file)) pack[section] = unwrap(section, readJsonFile(file));
  }
  return { pack, missing };
}

/** The pack object assembled from the parts in `dir` (missing parts leave their sections out). */
export function assembleParts(dir: string): unknown {
  return readParts(dir).pack;
}

/** pack.json's text: 2-space indentation and a trailing newline. */
export function serializePack(pack: unknown): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
