import { describe, expect, it } from 'vitest';
import type { OutputBundle } from 'rollup';
import { COMPILE_HINT, compileHints } from '../../lib/build/compile-hints';

function chunk(fileName: string, code: string) {
  return { type: 'chunk', fileName, code } as const;
}

/** Runs the plugin's generateBundle on a bundle of chunks and an asset; returns the outputs' code by file name. */
function emitted(files: string[], bundle: Record<string, { type: 'chunk' | 'asset'; fileName: string; code?: string; source?: string }>) {
  const hook = compileHints(files).generateBundle as (this: unknown, options: unknown, bundle: OutputBundle) => void;
  hook.call({}, {}, bundle as unknown as OutputBundle);
  return Object.fromEntries(Object.values(bundle).map((o) => [o.fileName, o.code ?? o.source]));
}

describe('compile hints', () => {
  it('puts the hint first in the named scripts, after minification, and nowhere else', () => {
    const out = emitted(['page.js'], {
      'page.js': chunk('page.js', 'var page=(function(){})();'),
      'sentinel.js': chunk('sentinel.js', 'var sentinel=(function(){})();'),
      'page.css': { type: 'asset', fileName: 'page.css', source: 'a{}' },
    });
    expect(out['page.js']).toBe(`${COMPILE_HINT}var page=(function(){})();`);
    // V8 reads the hint only as the script's first line.
    expect((out['page.js'] as string).split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(out['sentinel.js']).toBe('var sentinel=(function(){})();');
    expect(out['page.css']).toBe('a{}');
  });

  it('does not add it twice (a rebuild in watch mode hands over the same chunk)', () => {
    const bundle = { 'page.js': chunk('page.js', 'x()') };
    emitted(['page.js'], bundle);
    expect(emitted(['page.js'], bundle)['page.js']).toBe(`${COMPILE_HINT}x()`);
  });

  it('runs after the minifier and only in builds', () => {
    const plugin = compileHints(['page.js']);
    expect(plugin.enforce).toBe('post');
    expect(plugin.apply).toBe('build');
  });
});
