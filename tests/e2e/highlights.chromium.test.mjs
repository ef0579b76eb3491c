// Highlights in real Chromium with the built extension (the checks: highlights.shared.mjs), plus the page adapter's
// time slicing on a 10 MB page (Chromium only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './harness.mjs';
import { highlightsSuite } from './highlights.shared.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

const suite = highlightsSuite({
  name: 'chromium',
  async launch() {
    const b = await launchChromium();
    return { ...b, newPage: () => b.context.newPage() };
  },
});

// ---- The adapter's time slicing on a 10 MB page ----
// Not through the extension (its controller is out of reach of the driver): lib/page and the real recognizer and
// matcher table are bundled into the page itself, in a browser without the extension, with a scheduler that times
// every slice of work between yields.

/** Bundles the adapter + recognizer for the page, and compiles the matcher table from the pack (as the build does). */
async function bundleAdapter() {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'crocus-adapter-'));
  const plugins = [
    {
      name: 'project-paths',
      setup(b) {
        b.onResolve({ filter: /^@\// }, (a) => ({ path: join(ROOT, a.path.slice(2)) + (/\.\w+$/.test(a.path) ? '' : '.ts') }));
        // The highlight stylesheet is imported as text (Vite's ?raw).
        b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: join(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
        b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
      },
    },
  ];
  await build({
    stdin: {
      contents: `import { compileMatcherTable } from '@/lib/recognize/compile';
        import { loadPackFile } from '@/lib/knowledge/load-node';
        export const table = compileMatcherTable(loadPackFile(${JSON.stringify(join(ROOT, 'lib/knowledge/pack.json'))}));`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'table.mjs'),
    plugins,
    logLevel: 'error',
  });
  const { table } = await import(join(dir, 'table.mjs'));
  const page = await build({
    stdin: {
      contents: `import { createPageController } from '@/lib/page/controller';
        import { defaultScheduler } from '@/lib/page/scheduler';
        import { recognizeBlocks, quickCheck } from '@/lib/recognize/recognize';
        (window as any).__adapter = { createPageController, defaultScheduler, recognizeBlocks, quickCheck };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    plugins,
    logLevel: 'error',
  });
  rmSync(dir, { recursive: true, force: true });
  return { script: page.outputFiles[0].text, table };
}

/** About 10 MB of HTML: 50,000 paragraphs, one in a hundred naming the venue and the FSB. */
function bigPage() {
  const filler =
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore ' +
    'magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris. ';
  const parts = [];
  for (let i = 0; i < 50_000; i++) {
    const news = i % 100 === 0 ? 'Gunmen attacked <b>Crocus</b> City Hall in Krasnogorsk; the FSB said four men were held. ' : '';
    parts.push(`<p>${i} ${news}${filler}</p>`);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Archive</title></head><body><main>${parts.join('\n')}</main></body></html>`;
}

/** Runs the adapter over the page; every slice of its work between two yields is timed. */
function measure(table) {
  return new Promise((resolve) => {
    const { createPageController, defaultScheduler, recognizeBlocks, quickCheck } = window.__adapter;
    const base = defaultScheduler(window);
    const slices = [];
    let sliceStart = performance.now();
    const scheduler = {
      ...base,
      yieldToMain: async () => {
        slices.push(performance.now() - sliceStart);
        await base.yieldToMain();
        sliceStart = performance.now();
      },
    };
    const t0 = performance.now();
    const controller = createPageController({
      root: document,
      table,
      recognize: recognizeBlocks,
      quickCheck,
      scheduler,
      onResult: ({ mentions }) => {
        slices.push(performance.now() - sliceStart); // the last slice ends with the report
        const sorted = [...slices].sort((a, b) => b - a);
        resolve({
          mentions: mentions.length,
          total: Math.round(performance.now() - t0),
          slices: slices.length,
          max: Math.round(sorted[0]),
          median: Math.round(sorted[sorted.length >> 1]),
        });
      },
    });
    controller.start();
  });
}

// How long each slice takes is a speed goal, measured by `npm run bench` (longest task); here only that the work is
// split up and complete.
test('10 MB page: the adapter finds every mention, working in many slices that yield to the page', async (t) => {
  const { script, table } = await bundleAdapter();
  suite.server.route('/big.html', bigPage());
  // A browser without the extension: its own page script would work on the same page at the same time.
  const plain = await launchChromium({ extension: false });
  t.after(() => plain.close());
  const page = await plain.context.newPage();
  await page.goto(suite.server.url + 'big.html');
  await page.addScriptTag({ content: script });
  // Warm the recognizer once (compiling its patterns is a one-off cost of the page script's start, not a slice).
  await page.evaluate((t) => window.__adapter.recognizeBlocks(['Crocus City Hall'], t), table);
  const r = await page.evaluate(measure, table);
  t.diagnostic(`10 MB page: ${JSON.stringify(r)}`);
  assert.equal(r.mentions, 1500, JSON.stringify(r)); // 500 paragraphs × venue, place, FSB
  assert.ok(r.slices > 20, JSON.stringify(r));
  await page.close();
});
