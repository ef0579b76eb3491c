import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Fixed Firefox add-on id: keeps storage across reinstalls and gives tests a known moz-extension host. */
export const GECKO_ID = 'crocus-context@crocus-context.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Both browsers on Manifest V3 (Firefox 140 ESR and later support everything we use).
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Crocus Context',
    description:
      'Context for news about the 22 March 2024 Crocus City Hall attack: sourced attributions, timeline and conflicting claims. Runs locally; sends nothing.',
    permissions: ['storage'],
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
