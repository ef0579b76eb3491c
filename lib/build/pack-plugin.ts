/**
 * Vite plugin: validates the knowledge pack at build start and serves it to the bundles.
 *
 * - `buildStart` validates lib/knowledge/pack.json (it assembles nothing: run
 *   `npx tsx scripts/validate-pack.ts --assemble` to rebuild it from the parts) and fails the build with a
 *   message naming the path of every error.
 * - `virtual:crocus/pack` is the full validated pack (for the panel, an extension page).
 * - `virtual:crocus/card` is `cardData(pack)`, the small subset the in-page hover card needs (a function that
 *   parses it on first use).
 * - `virtual:crocus/matcher` is the recognizer's matcher table compiled from the pack (page script only).
 * - `virtual:crocus/claims` is the claim matcher's table (page script only; a function that parses it on first use).
 * - `virtual:crocus/quick` is the quick pattern alone, with its case spelled out (matched without `i`) where it can
 *   be, and the quick scanner's tables, for the sentinel on every page.
 *
 * Node-only; used by wxt.config.ts and vitest.config.ts. Types of the virtual modules: lib/build/virtual-modules.d.ts.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { cardData } from '../knowledge/card';
import { compileMatcherTable } from '../recognize/compile';
import { compileClaimTable } from '../claims/compile';
import { quickScannerPlan } from '../recognize/quick-plan';
import { foldCase } from '../recognize/quick-fold';
import { quickGroups } from '../recognize/quick-groups';
import type { MatcherTable } from '../recognize/table';
import { readJsonFile } from '../knowledge/load-node';
import type { KnowledgePack } from '../knowledge/schema';
import { assertValidPack } from '../knowledge/validate';

export const PACK_MODULE_ID = 'virtual:crocus/pack';
export const CARD_MODULE_ID = 'virtual:crocus/card';
export const MATCHER_MODULE_ID = 'virtual:crocus/matcher';
export const QUICK_MODULE_ID = 'virtual:crocus/quick';
export const CLAIMS_MODULE_ID = 'virtual:crocus/claims';
const RESOLVED: Record<string, string> = {
  [PACK_MODULE_ID]: `\0${PACK_MODULE_ID}`,
  [CARD_MODULE_ID]: `\0${CARD_MODULE_ID}`,
  [MATCHER_MODULE_ID]: `\0${MATCHER_MODULE_ID}`,
  [QUICK_MODULE_ID]: `\0${QUICK_MODULE_ID}`,
  [CLAIMS_MODULE_ID]: `\0${CLAIMS_MODULE_ID}`,
};

export interface CrocusPackOptions {
  /** Path of the pack to validate and serve. Default: lib/knowledge/pack.json in this repository. */
  packPath?: string;
}

const DEFAULT_PACK_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'knowledge', 'pack.json');

/** JSON as an ES module; JSON.parse of a string literal parses faster than an object literal of this size. */
function jsonModule(value: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
}

/**
 * JSON as an ES module whose default export is a function returning the value, parsed on first call: the page
 * script starts without parsing what it may never need (the card data until a hover, the claim table until the
 * page is judged to be about the attack).
 */
function lazyJsonModule(value: unknown): string {
  return `let value;\nexport default function load() {\n  return (value ??= JSON.parse(${JSON.stringify(JSON.stringify(value))}));\n}\n`;
}

export function crocusPack(options: CrocusPackOptions = {}): Plugin {
  const packPath = options.packPath ?? DEFAULT_PACK_PATH;
  let cache: { mtimeMs: number; size: number; pack: KnowledgePack } | undefined;

  /** Reads and validates the pack, re-reading only when the file changed. Throws `PackValidationError`. */
  const load = (): KnowledgePack => {
    const st = statSync(packPath);
    if (cache && cache.mtimeMs === st.mtimeMs && cache.size === st.size) return cache.pack;
    const pack = assertValidPack(readJsonFile(packPath), packPath);
    cache = { mtimeMs: st.mtimeMs, size: st.size, pack };
    return pack;
  };

  let compiled: { pack: KnowledgePack; table: MatcherTable } | undefined;
  const matcherTable = (): MatcherTable => {
    const pack = load();
    if (compiled?.pack !== pack) compiled = { pack, table: compileMatcherTable(pack) };
    return compiled.table;
  };

  return {
    name: 'crocus-pack',
    buildStart() {
      this.addWatchFile(packPath);
      try {
        load();
      } catch (err) {
        this.error((err as Error).message);
      }
    },
    resolveId(id) {
      return RESOLVED[id] ?? null;
    },
    load(id) {
      if (id === RESOLVED[PACK_MODULE_ID]) return jsonModule(load());
      if (id === RESOLVED[CARD_MODULE_ID]) return lazyJsonModule(cardData(load()));
      if (id === RESOLVED[MATCHER_MODULE_ID]) return jsonModule(matcherTable());
      // The sentinel gets only the quick pattern: it is injected into every page.
      if (id === RESOLVED[CLAIMS_MODULE_ID]) return lazyJsonModule(compileClaimTable(load()));
      if (id === RESOLVED[QUICK_MODULE_ID]) {
        const source = matcherTable().quick;
        // The quick scanner's tables and the case-folded pattern, computed here rather than on every page.
        const folded = foldCase(source);
        // Groups only of the folded source: under `i` a group's first units would miss their case variants.
        const grouped = folded === null ? null : quickGroups(folded);
        return [
          `export default ${JSON.stringify(grouped?.source ?? folded ?? source)};`,
          `export const folded = ${folded !== null};`,
          // As JSON in a string: parsed only on a long page (a string literal is the cheapest thing to parse).
          `export const plan = ${JSON.stringify(JSON.stringify(quickScannerPlan(source)))};`,
          `export const groups = ${JSON.stringify(grouped?.groups ?? null)};`,
          '',
        ].join('\n');
      }
      return null;
    },
    watchChange(id) {
      if (id === packPath) cache = undefined;
    },
  };
}

export default crocusPack;
