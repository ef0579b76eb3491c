/**
 * Node-only: the matcher table compiled from the knowledge pack on disk, read through the shared loader (CLI
 * scanner, tests). Browser bundles get the table from the build instead and never import this file.
 */
import { loadPackFile, PACK_PATH } from '../knowledge/load-node';
import { compileMatcherTable, type CompileReport } from './compile';
import type { MatcherTable } from './table';

const cache = new Map<string, MatcherTable>();

/** The matcher table of the pack at `path` (validated by the loader; compiled once per process). */
export function matcherTableFromPack(path: string = PACK_PATH, report?: CompileReport): MatcherTable {
  const cached = cache.get(path);
  if (cached && !report) return cached;
  const table = compileMatcherTable(loadPackFile(path), report);
  cache.set(path, table);
  return table;
}
