import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { crocusPack } from './lib/build/pack-plugin';

export default defineConfig({
  plugins: [WxtVitest(), crocusPack()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', './tests/support/i18n-setup.ts'],
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // vitest's own summary is not a line CI reads; this one is ("N passed, N failed").
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
