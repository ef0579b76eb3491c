import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'bench-output/**'] },
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
);
