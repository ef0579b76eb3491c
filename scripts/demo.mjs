// The headless demo: the built extension in real Chromium on the seed article (served on 127.0.0.1).
// Writes demo-output/page.png (highlights), card.png (the hover card on the first mention), panel.png (the
// overlay panel opened from the card), and mentions.json: the mentions exactly as the extension registered them
// (read back from the page's CSS highlight registry).
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

  // Hover the first event mention: the card opens after the dwell delay.
  const target = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('crocus-event') ?? [])][0];
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0];
    return r ? { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 } : null;
  });
  if (target) {
    await page.mouse.move(target.x, target.y);
    const card = page.getByTestId('crocus-card');
    await card.waitFor({ timeout: 5000 });
    await page.screenshot({ path: OUT + 'card.png' });
    await card.getByRole('button', { name: 'Open panel' }).click();
    await page.waitForFunction(() => document.querySelector('crocus-context-panel') !== null);
    await page.waitForTimeout(800);
    await page.screenshot({ path: OUT + 'panel.png' });
  }

  writeFileSync(OUT + 'mentions.json', JSON.stringify({ url, badge, mentions }, null, 2) + '\n');
  console.log(`Toolbar badge: ${badge}`);
  console.log(`Recognized mentions (${mentions.length}):`);
  for (const m of mentions) console.log(`  [${m.highlight.replace('crocus-', '')}] ${m.text}`);
  console.log(`\nWrote page.png, card.png, panel.png and mentions.json to ${OUT}`);
} finally {
  await chromium.close();
  await server.close();
}
