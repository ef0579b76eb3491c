import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CARD_MODULE_ID, PACK_MODULE_ID, crocusPack } from '../../lib/build/pack-plugin';
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
