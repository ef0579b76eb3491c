// What end-to-end tests share: browser launch recipes with the built extension, a loopback server, the seed page.
export { launchChromium, launchFirefox, waitFor, CHROME_BUILD, FIREFOX_BUILD, GECKO_ID, FIREFOX_UUID } from '../../scripts/browser/launch.mjs';
export { serve } from '../../scripts/browser/server.mjs';
export { seedPageHtml, seedText } from '../../scripts/browser/seed-page.mjs';

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
