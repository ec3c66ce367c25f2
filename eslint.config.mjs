// ESLint flat config: typescript-eslint's recommended rules for all TypeScript,
// plus a guard that keeps the shared logic in core/ free of Node and DOM APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'lib/**', 'templates/**', 'test-results/**', 'playwright-report/**', '.tmp/**', '**/*.bundle.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['client/**'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['core/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'url', 'crypto', 'stream', 'util'], message: 'core/ is shared with the browser plugin: no Node-only modules.' },
          { group: ['../../scripts/*', '../../client/*', '../scripts/*', '../client/*'], message: 'core/ must not depend on scripts/ or client/.' }
        ]
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname', 'navigator']
    }
  }
);
