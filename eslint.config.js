import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'bench-output/**', 'tmp_*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        // WXT auto-imports and the browser/Node globals our files use.
        defineBackground: 'readonly', defineContentScript: 'readonly', createShadowRootUi: 'readonly',
        window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly', URL: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', navigator: 'readonly',
      },
    },
    rules: {
      // A `let` read in a closure before its one assignment (wiring order) is intended.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='fetch']", message: 'The extension makes no network requests.' },
        { selector: "CallExpression[callee.name='fetch']", message: 'The extension makes no network requests.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Drivers of real browsers: their callbacks run in the page or the extension (window, chrome, CSS ...),
    // which node's globals do not describe; a wrong name fails the test that runs it.
    files: ['scripts/**/*.{js,mjs}', 'tests/**/*.{js,mjs}'],
    rules: { 'no-undef': 'off' },
  },
);
