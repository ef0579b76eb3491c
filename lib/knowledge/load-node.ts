/**
 * Node-only half of the loader: reads a pack from disk. Browser bundles import `load.ts` (pure) and never
 * this file, so `node:fs` stays out of them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgePack } from './schema';
import { assertValidPack } from './validate';

// A string path, not `new URL(...)`: under happy-dom the global URL is not Node's.
const HERE = dirname(fileURLToPath(import.meta.url));
/** Where the assembled pack lives in the repository. */
export const PACK_PATH = join(HERE, 'pack.json');
/** The folder of pack parts that `assemble.ts` joins into `pack.json`. */
export const PARTS_DIR = join(HERE, 'parts');

/** Reads JSON from `path`; a syntax error names the file. */
export function readJsonFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`${path}: not valid JSON: ${(err as Error).message}`);
  }
}

/** Reads, validates and returns the pack at `path` (default: lib/knowledge/pack.json); throws `PackValidationError`. */
export function loadPackFile(path: string = PACK_PATH): KnowledgePack {
  return assertValidPack(readJsonFile(path), path);
}
