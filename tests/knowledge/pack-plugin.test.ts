import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CARD_MODULE_ID, PACK_MODULE_ID, QUICK_MODULE_ID, crocusPack } from '../../lib/build/pack-plugin';
import { loadPackFile } from '../../lib/knowledge/load-node';
import { compileMatcherTable } from '../../lib/recognize/compile';
import { quickPattern, quickWindows, quickWindowsPattern } from '../../lib/recognize/quick';
import { createQuickScanner } from '../../lib/recognize/quick-scanner';
import type { QuickGroup } from '../../lib/recognize/quick-groups';
import { cardData } from '../../lib/knowledge/card';
import { assertValidPack } from '../../lib/knowledge/validate';
import { MINIMAL_PACK_PATH, minimalPack } from './fixtures/packs';

type Hook = ((this: unknown, ...args: unknown[]) => unknown) | { handler: (this: unknown, ...args: unknown[]) => unknown } | undefined;

/** Calls a Vite/Rollup hook (function or `{ handler }` form) with a minimal plugin context. */
function call(hook: unknown, ctx: object, ...args: unknown[]): unknown {
  const h = hook as Hook;
  if (h === undefined) throw new Error('hook missing');
  return typeof h === 'function' ? h.call(ctx, ...args) : h.handler.call(ctx, ...args);
}

function context() {
  return {
    addWatchFile: vi.fn(),
    error: (message: string): never => {
      throw new Error(message);
    },
  };
}

/** Evaluates the `export default JSON.parse("...")` module the plugin returns. */
function moduleValue(code: unknown): unknown {
  expect(typeof code).toBe('string');
  const m = /^export default (JSON\.parse\(.*\));\n$/s.exec(code as string);
  expect(m).not.toBeNull();
  return new Function(`return ${m?.[1] ?? ''}`)() as unknown;
}

/** The value of a lazy module: its default export is a function that parses the JSON on first call. */
function lazyModuleValue(code: unknown): unknown {
  expect(typeof code).toBe('string');
  const body = (code as string).replace('export default function load()', 'function load()');
  return new Function(`${body}\nreturn load();`)() as unknown;
}

describe('crocusPack() Vite plugin', () => {
  it('validates at build start, watches the pack, and serves the pack and the card', () => {
    const plugin = crocusPack({ packPath: MINIMAL_PACK_PATH });
    const ctx = context();
    call(plugin.buildStart, ctx, {});
    expect(ctx.addWatchFile).toHaveBeenCalledWith(MINIMAL_PACK_PATH);

    const packId = call(plugin.resolveId, ctx, PACK_MODULE_ID);
    const cardId = call(plugin.resolveId, ctx, CARD_MODULE_ID);
    expect(packId).toBe(`\0${PACK_MODULE_ID}`);
    expect(cardId).toBe(`\0${CARD_MODULE_ID}`);
    expect(call(plugin.resolveId, ctx, 'preact')).toBeNull();

    const expected = assertValidPack(minimalPack());
    expect(moduleValue(call(plugin.load, ctx, packId))).toEqual(expected);
    expect(lazyModuleValue(call(plugin.load, ctx, cardId))).toEqual(cardData(expected));
    expect(call(plugin.load, ctx, '/some/other/file.ts')).toBeNull();
  });

  it('serves the sentinel the quick pattern case-folded and in groups, with the same matches as the table\'s', () => {
    const plugin = crocusPack();
    const ctx = context();
    call(plugin.buildStart, ctx, {});
    const code = call(plugin.load, ctx, call(plugin.resolveId, ctx, QUICK_MODULE_ID)) as string;
    const mod = new Function(`${code.replace('export default ', 'const quick = ').replaceAll('export const ', 'const ')}\nreturn { quick, folded, groups };`)() as {
      quick: string;
      folded: boolean;
      groups: QuickGroup[] | null;
    };
    expect(mod.folded).toBe(true);
    expect(mod.groups).toHaveLength(3);
    const table = compileMatcherTable(loadPackFile());
    const reference = quickWindowsPattern(table.quick);
    const sentinel = createQuickScanner(mod.quick, { folded: mod.folded, groups: mod.groups });
    const texts = ['Nothing to see here.', 'Gunmen at Crocus City Hall in Krasnogorsk', 'теракт в «Крокус Сити Холле»', 'هجوم كروكوس', '克罗库斯城市音乐厅', 'Η Μόσχα', 'uhlaselo lwaseCrocus City Hall'];
    for (const text of texts) {
      expect(sentinel.windows(text, 8), text).toEqual(quickWindows(text, reference, 8));
      expect(quickPattern(mod.quick, '', true).test(text), text).toBe(quickPattern(table.quick).test(text));
    }
  });

  it('fails the build with a message naming the path of each error', () => {
    const broken = minimalPack();
    broken.claims[1].claimant = 'nobody-known';
    broken.sources[0].url = 'http://news.example.org/';
    const dir = mkdtempSync(join(tmpdir(), 'crocus-pack-'));
    const path = join(dir, 'pack.json');
    writeFileSync(path, JSON.stringify(broken));
    const plugin = crocusPack({ packPath: path });
    let message = '';
    try {
      call(plugin.buildStart, context(), {});
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(`${path} is invalid (2 errors)`);
    expect(message).toContain('$.claims[id=C02].claimant: unknown claimant entity id "nobody-known"');
    expect(message).toContain('$.sources[id=S1].url: address is not https');
  });

  it('fails the build when the pack file is missing', () => {
    const plugin = crocusPack({ packPath: join(tmpdir(), 'no-such-dir-crocus', 'pack.json') });
    expect(() => call(plugin.buildStart, context(), {})).toThrow(/no-such-dir-crocus/);
  });
});
