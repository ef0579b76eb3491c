/**
 * Validates the knowledge pack.
 *
 *   npx tsx scripts/validate-pack.ts              validate lib/knowledge/pack.json
 *   npx tsx scripts/validate-pack.ts some/pack.json
 *   npx tsx scripts/validate-pack.ts --assemble   write lib/knowledge/pack.json from lib/knowledge/parts, then validate
 *
 * Prints "pack OK: ..." and exits 0, or prints every error as `path: message` and exits 1.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readParts, serializePack } from '../lib/knowledge/assemble';
import { PACK_PATH, PARTS_DIR, readJsonFile } from '../lib/knowledge/load-node';
import { formatErrors, validatePack } from '../lib/knowledge/validate';

function main(argv: string[]): number {
  const flags = argv.filter((a) => a.startsWith('--'));
  const args = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--assemble' && f !== '--help');
  if (flags.includes('--help') || unknown.length > 0 || args.length > 1) {
    console.error('usage: npx tsx scripts/validate-pack.ts [--assemble] [path/to/pack.json]');
    return unknown.length > 0 || args.length > 1 ? 2 : 0;
  }
  const path = args[0] !== undefined ? resolve(args[0]) : PACK_PATH;
  const shown = relative(process.cwd(), path) || path;

  let data: unknown;
  if (flags.includes('--assemble')) {
    const { pack, missing } = readParts(PARTS_DIR);
    if (missing.length > 0) console.error(`warning: missing parts: ${missing.join(', ')}`);
    writeFileSync(path, serializePack(pack));
    console.log(`wrote ${shown}`);
    data = pack;
  } else {
    if (!existsSync(path)) {
      console.error(`${shown} does not exist${path === PACK_PATH ? ': run `npx tsx scripts/validate-pack.ts --assemble` to build it from the parts' : ''}`);
      return 1;
    }
    try {
      data = readJsonFile(path);
    } catch (err) {
      console.error((err as Error).message);
      return 1;
    }
  }

  const result = validatePack(data);
  if (!result.ok) {
    console.error(`${shown}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
    console.error(formatErrors(result.errors));
    return 1;
  }
  const p = result.pack;
  console.log(
    `pack OK: ${p.claims.length} claims, ${p.conflicts.length} conflicts, ${p.timeline.length} timeline entries, ` +
      `${p.sources.length} sources, ${p.entities.length} entities, current as of ${p.currentAsOf}`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
