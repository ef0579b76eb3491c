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

/**
 * Viewport point in the claim sentence (`crocus-claim` highlight) whose text starts with `prefix`, scrolled to 300 px
 * below the top first; null when no such sentence is annotated.
 */
export function pointOnClaim(page, prefix) {
  return page.evaluate((p) => {
    const range = [...(CSS.highlights.get('crocus-claim') ?? [])].find((r) => r.toString().startsWith(p));
    if (!range) return null;
    scrollBy(0, range.getClientRects()[0].top - 300);
    const r = range.getClientRects()[0];
    return { x: r.left + 10, y: r.top + r.height / 2 };
  }, prefix);
}

/**
 * Runs `steps` against `page` and closes the page after. When they fail, the error says what the page's frames
 * showed and what the page, its frames and the extension's worker logged as errors or warnings: a failure on a
 * machine we cannot watch (CI) then explains itself.
 */
export async function onPage(page, steps, { worker } = {}) {
  const said = [];
  const onConsole = (m) => {
    if (m.type() === 'error' || m.type() === 'warning') said.push(`${m.type()}: ${m.text()}`);
  };
  const onError = (e) => said.push(`page error: ${e.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  worker?.on('console', onConsole);
  try {
    return await steps();
  } catch (err) {
    const frames = await Promise.all(
      page.frames().map(async (f) => {
        const state = await f
          .evaluate(() => `${document.readyState}, text: ${(document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 160)}`)
          .catch((e) => `not readable (${e.message.split('\n')[0]})`);
        return `${f.url().slice(0, 100)}${f.isDetached() ? ' (detached)' : ''}: ${state}`;
      }),
    );
    const hosts = await page
      .evaluate(() => [...document.querySelectorAll('crocus-context-card, crocus-context-panel')].map((h) => `${h.localName} display=${h.style.display || 'default'}`))
      .catch(() => []);
    throw new Error(`${err.message}\nframes:\n  ${frames.join('\n  ')}\nour hosts: ${hosts.join(', ') || 'none'}\nlogged:\n  ${said.slice(-20).join('\n  ') || 'nothing'}`, { cause: err });
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
    worker?.off('console', onConsole);
    await page.close().catch(() => {});
  }
}
