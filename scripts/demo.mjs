// The headless demo: the built extension in real Chromium on the seed article (served on 127.0.0.1).
// Writes demo-output/page.png (highlights), card.png (the hover card on the first mention), panel.png (the
// overlay panel opened from the card), their -dark variants on a dark page, and mentions.json: the mentions
// exactly as the extension registered them (read back from the page's CSS highlight registry).
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium, waitFor } from './browser/launch.mjs';
import { serve } from './browser/server.mjs';
import { seedPageHtml } from './browser/seed-page.mjs';

const OUT = new URL('../demo-output/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

const server = await serve({
  routes: { '/news/crocus-city-hall.html': seedPageHtml(), '/news/crocus-city-hall-dark.html': seedPageHtml({ dark: true }) },
});

/** Hovers the first event highlight, screenshots the card, opens the overlay panel from it, screenshots that. */
async function cardAndPanel(page, suffix) {
  const target = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('crocus-event') ?? [])][0];
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0];
    return r ? { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 } : null;
  });
  if (!target) throw new Error('no event highlight on the page');
  await page.waitForFunction(() => document.querySelector('crocus-context-card'));
  await page.mouse.move(target.x - 4, target.y);
  await page.mouse.move(target.x, target.y);
  const card = page.getByTestId('crocus-card');
  await card.waitFor({ timeout: 5000 });
  await page.waitForTimeout(200); // let the card's fade-in finish
  await page.screenshot({ path: `${OUT}card${suffix}.png` });
  await card.getByRole('button', { name: 'Open panel' }).click();
  const frame = await waitFor(() => page.frames().find((f) => f.url().includes('sidepanel.html')), { what: 'the overlay panel' });
  await frame.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}panel${suffix}.png` });
}

let url;
let badge;
let mentions;
const light = await launchChromium();
try {
  const page = await light.context.newPage();
  url = server.url + 'news/crocus-city-hall.html';
  await page.goto(url);
  badge = await waitFor(async () => (await light.badges()).find(Boolean), { what: 'the toolbar badge' });
  await page.waitForFunction(() => (CSS.highlights.get('crocus-event')?.size ?? 0) > 0);

  // Every registered highlight, in document order, with the highlight name that styles it.
  mentions = await page.evaluate(() => {
    const found = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('crocus-')) continue;
      for (const range of highlight) found.push({ text: range.toString(), highlight: name, range });
    }
    found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return found.map(({ text, highlight }) => ({ text, highlight }));
  });
  await page.screenshot({ path: OUT + 'page.png' });
  await cardAndPanel(page, '');
} finally {
  await light.close();
}

// The same in dark: a dark news page, and a browser that prefers dark (the panel follows it).
const dark = await launchChromium({ colorScheme: 'dark' });
try {
  const page = await dark.context.newPage();
  await page.goto(server.url + 'news/crocus-city-hall-dark.html');
  await page.waitForFunction(() => (CSS.highlights.get('crocus-event')?.size ?? 0) > 0);
  await cardAndPanel(page, '-dark');
} finally {
  await dark.close();
  await server.close();
}

writeFileSync(OUT + 'mentions.json', JSON.stringify({ url, badge, mentions }, null, 2) + '\n');
console.log(`Toolbar badge: ${badge}`);
console.log(`Recognized mentions (${mentions.length}):`);
for (const m of mentions) console.log(`  [${m.highlight.replace('crocus-', '')}] ${m.text}`);
console.log(`\nWrote page.png, card.png, panel.png, card-dark.png, panel-dark.png and mentions.json to ${OUT}`);
