// The headless demo: the built extension in real Chromium on the seed article (served on 127.0.0.1).
// Writes demo-output/page.png (highlights), demo-output/panel.png (the panel), and demo-output/mentions.json,
// the mentions exactly as the extension registered them (read back from the page's CSS highlight registry).
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium, waitFor } from './browser/launch.mjs';
import { serve } from './browser/server.mjs';
import { seedPageHtml } from './browser/seed-page.mjs';

const OUT = new URL('../demo-output/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

const server = await serve({ routes: { '/news/crocus-city-hall.html': seedPageHtml() } });
const chromium = await launchChromium();
try {
  const page = await chromium.context.newPage();
  const url = server.url + 'news/crocus-city-hall.html';
  await page.goto(url);
  const badge = await waitFor(async () => (await chromium.badges()).find(Boolean), { what: 'the toolbar badge' });

  // Every registered highlight, in document order, with the highlight name that styles it.
  const mentions = await page.evaluate(() => {
    const found = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('crocus-')) continue;
      for (const range of highlight) {
        const block = range.startContainer.parentElement?.closest('p,h1,h2,h3,li,td,blockquote,figcaption') ?? null;
        found.push({ text: range.toString(), highlight: name, context: block?.textContent?.slice(0, 120) ?? '' , range });
      }
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return found.map(({ range: _r, ...m }) => m);
  });

  await page.screenshot({ path: OUT + 'page.png', fullPage: true });
  const panel = await chromium.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(chromium.extensionUrl('sidepanel.html'));
  await panel.waitForLoadState('load');
  await panel.screenshot({ path: OUT + 'panel.png' });

  writeFileSync(OUT + 'mentions.json', JSON.stringify({ url, badge, mentions }, null, 2) + '\n');
  console.log(`Toolbar badge: ${badge}`);
  console.log(`Recognized mentions (${mentions.length}):`);
  for (const m of mentions) console.log(`  [${m.highlight.replace('crocus-', '')}] ${m.text}`);
  console.log(`\nWrote ${OUT}page.png, ${OUT}panel.png and ${OUT}mentions.json`);
} finally {
  await chromium.close();
  await server.close();
}
