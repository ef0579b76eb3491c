/**
 * Node-only: the matcher table compiled from the knowledge pack's parts on disk (CLI scanner, tests). Browser
 * bundles get the table from the build instead and never import this file.
 */
import { z } from 'zod';
import { readParts } from '../knowledge/assemble';
import { PARTS_DIR } from '../knowledge/load-node';
import { Entity, Recognition } from '../knowledge/schema';
import { compileMatcherTable, type CompileReport, type PackForMatcher } from './compile';
import type { MatcherTable } from './table';

/** The entities and recognition data of the pack parts in `dir`, validated (throws with the path of an error). */
export function readMatcherInput(dir: string = PARTS_DIR): PackForMatcher {
  const { pack } = readParts(dir);
  const entities = z.array(Entity).min(1).safeParse(pack.entities);
  if (!entities.success) throw new Error(`${dir}entities.json: ${z.prettifyError(entities.error)}`);
  let recognition: Recognition | undefined;
  if (pack.recognition !== undefined) {
    const rec = Recognition.safeParse(pack.recognition);
    if (!rec.success) throw new Error(`${dir}recognition.json: ${z.prettifyError(rec.error)}`);
    recognition = rec.data;
  }
  return { entities: entities.data, recognition };
}

const cache = new Map<string, MatcherTable>();

/** The matcher table of the pack parts in `dir` (compiled once per process). */
export function matcherTableFromParts(dir: string = PARTS_DIR, report?: CompileReport): MatcherTable {
  const cached = cache.get(dir);
  if (cached && !report) return cached;
  const table = compileMatcherTable(readMatcherInput(dir), report);
  cache.set(dir, table);
  return table;
}
