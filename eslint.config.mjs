// ESLint flat config: typescript-eslint's recommended rules for all TypeScript,
// a guard that keeps core/ and the lint core (lint/) free of Node and DOM
// APIs, and the module boundaries (eslint-plugin-import-x), checked on the
// resolved file of every import, so no spelling of a path gets around them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { featureZones } from './eslint/boundaries.mjs';

const pureRestrictions = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'url', 'crypto', 'stream', 'util'], message: 'core/ and lint/ are shared with the browser plugin: no Node-only modules.' }
    ]
  }],
  'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname', 'navigator']
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'lib/**', 'templates/**', 'test-results/**', 'playwright-report/**', '.tmp/**', '**/*.bundle.js', 'test/**/fluent-sources/**'] },
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
    files: ['core/**', 'lint/**'],
    languageOptions: { globals: {} },
    rules: pureRestrictions
  },
  {
    files: ['core/**', 'lint/**', 'client/**', 'scripts/**', 'bin/**'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle reads the imported modules itself: it must parse TypeScript too.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'] })]
    },
    rules: {
      // An import the resolver cannot follow would slip past the boundaries below.
      'import-x/no-unresolved': ['error', { commonjs: true, ignore: ['\\?packed$'] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', {
        basePath: import.meta.dirname,
        zones: [
          { target: './core', from: '.', except: ['./core', './node_modules'], message: 'core/ is shared by the plugin, the lint core and the CLI: it imports nothing outside core/.' },
          { target: './lint', from: '.', except: ['./lint', './core', './node_modules'], message: 'The lint core (lint/) runs in the plugin and in the CLI: it imports only core/ and packages.' },
          { target: './client', from: '.', except: ['./client', './core', './lint', './metadata', './node_modules'], message: 'client/ (the plugin) imports only core/, the lint core (lint/) and the bundled metadata.' },
          { target: './scripts', from: '.', except: ['./scripts', './core', './lint', './package.json', './node_modules'], message: 'scripts/ (the CLI) imports only core/ and the lint core (lint/), never client/.' },
          ...featureZones()
        ]
      }]
    }
  }
);
