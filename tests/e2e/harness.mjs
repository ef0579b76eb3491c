import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// What end-to-end tests share: browser launch recipes with the built extension, a loopback server, the seed page.
export { launchChromium, launchFirefox, waitFor, CHROME_BUILD, FIREFOX_BUILD, GECKO_ID, FIREFOX_UUID } from '../../scripts/browser/launch.mjs';
export { serve } from '../../scripts/browser/server.mjs';
export { seedPageHtml, seedText } from '../../scripts/browser/seed-page.mjs';

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** axe-core's source, evaluated in a page or frame to check it for accessibility violations. */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Viewport point inside the first range of one of our highlights (`crocus-event`, `crocus-entity`), or null. */
export function pointOnHighlight(page, name) {
  return page.evaluate((n) => {
    const range = [...(CSS.highlights.get(n) ?? [])][0];
    const r = range?.getClientRects()[0];
    return r ? { x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2 } : null;
  }, name);
}
