import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { crocusPack } from './lib/build/pack-plugin';
import { compileHints } from './lib/build/compile-hints';

/** Fixed Firefox add-on id: keeps storage across reinstalls and gives tests a known moz-extension host. */
export const GECKO_ID = 'crocus-context@crocus-context.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Both browsers on Manifest V3 (Firefox 140 ESR and later support everything we use).
  manifestVersion: 3,
  // crocusPack validates the knowledge pack at build start (a broken pack fails the build) and serves it;
  // compileHints has V8 compile the page script whole when it is injected (lib/build/compile-hints.ts).
  vite: () => ({ plugins: [preact(), crocusPack(), compileHints(['page.js'])] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Extension pages and the background may load only the extension's own code and connect nowhere:
    // the product never talks to a server.
    content_security_policy: {
      extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'",
    },
    // Only the panel page, for the in-page overlay (an iframe); its scripts load from the extension's own origin.
    web_accessible_resources: [
      {
        resources: ['sidepanel.html'],
        matches: ['http://*/*', 'https://*/*'],
        // Chrome: a per-session URL, so pages cannot probe for the extension with a fixed address.
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_command_open_panel__',
      },
    },
    // The sentinel, on every page (entrypoints/sentinel.ts: an unlisted script, so WXT adds no wrapper to it).
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['sentinel.js'],
        css: ['assets/sentinel.css'],
        run_at: 'document_idle',
        all_frames: true,
        match_about_blank: true,
      },
    ],
    // scripting: the sentinel's candidates get the full page script injected only where needed. The page and card
    // scripts are unlisted (entrypoints/page, entrypoints/card): injecting them needs the hosts the sentinel runs on.
    permissions: ['storage', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 (ESR) is the first release with data_collection_permissions.
              strict_min_version: '140.0',
              // Firefox's data-collection disclosure: nothing is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
