// Lint rules (all errors) and the layer fences of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'stream', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'scratch/', 'test-results/', 'playwright-report/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The engine is plain Node: never import electron.' }], patterns: [{ group: ['**/renderer/**'], message: 'The engine may not import the renderer.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/ipc.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "Identifier[name=/^ipc(Main|Renderer)$/]", message: 'Only electron/ipc.ts and electron/preload.ts touch ipcMain / ipcRenderer.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', ...nodeBuiltins.filter((n) => !n.includes('*'))], patterns: [{ group: ['node:*', '@duckdb/*', '**/electron/**', '**/renderer/**'], message: 'shared/ is pure: no Node, DuckDB, electron/ or renderer/.' }] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { paths: ['electron', ...nodeBuiltins.filter((n) => !n.includes('*'))], patterns: [{ group: ['node:*', '@duckdb/*', '**/electron/**'], message: 'The renderer imports shared/ and browser libraries only.' }] }],
    },
  },
);
