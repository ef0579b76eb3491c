import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (Chrome 136 and later; other engines read a comment): a script that starts with it has
 * every function compiled when the script is, instead of each on its first call. V8 otherwise pre-parses a function
 * at load and parses it again, fully, when it is first called; in a script whose functions nearly all run as soon
 * as it is injected, that second parse is pure cost.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts the compile hint at the top of the named output files, after minification (which would drop a comment).
 * Only where most functions run at once: the page script, injected into a page that names the attack, runs its
 * walk, recognition round trips, highlighter, hover-card and claims set-up within a second (5KB-few 32.3 -> 28.0 ms
 * and 100KB-few 44.3 -> 38.3 ms of the page's main thread, 8 rounds interleaved; docs/bench.md, twenty-first
 * session). Not the sentinel: on most pages it runs a few of its functions (no difference measured on pages
 * without a mention), and compiling its long-page scanner there would be waste.
 */
export function compileHints(fileNames: readonly string[]): Plugin {
  const wanted = new Set(fileNames);
  return {
    name: 'crocus:compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && wanted.has(output.fileName) && !output.code.startsWith(COMPILE_HINT)) {
          output.code = COMPILE_HINT + output.code;
        }
      }
    },
  };
}
