// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Architecture boundaries, enforced (Dark Reader's import zones, done with `no-restricted-imports` per folder):
 *   engine  ← content, background, ui, cli      (the engine imports none of them, and no DOM/browser/Dexie/Preact)
 *   shared  ← everyone                         (shared imports only the engine's types)
 *   content never imports background, ui, patterns (the bundled database) or Dexie — it stays small and talks by message
 *   ui never imports background or content     (it talks to the background by message)
 *   only the background writes the database (Dexie)
 */
const zone = (folders, message) =>
  folders.flatMap((folder) => [
    { group: [`@/src/${folder}`, `@/src/${folder}/**`, `~/src/${folder}/**`], message },
    { group: [`../${folder}`, `../${folder}/**`, `../../${folder}/**`, `../../../${folder}/**`], message },
  ]);
const pkg = (names, message) => names.map((name) => ({ group: [name, `${name}/**`], message }));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Plain JS: Node scripts, and the fixture pages' own scripts (they run in the page).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['test/fixtures/pages/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...zone(['content', 'background', 'ui', 'shared', 'patterns', 'cli'], 'The engine is pure: it imports nothing from the extension.'),
            ...pkg(['wxt', 'webextension-polyfill', 'dexie', 'preact', '@wxt-dev/*', 'node:*'], 'The engine is pure: no browser, DOM, Dexie, UI or Node APIs.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['src/content/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...zone(['background', 'ui', 'patterns', 'cli'], 'Content scripts talk to the background by message and never bundle the database or the UI.'),
            ...pkg(['dexie'], 'Only the background opens the database (a content script would get the page\'s IndexedDB).'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...zone(['background', 'content', 'cli'], 'The UI talks to the background by message.'),
            ...pkg(['dexie'], 'Only the background writes the database.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...zone(['background', 'content', 'ui', 'cli', 'patterns'], 'shared/ is imported by everyone and imports none of them.'),
            ...pkg(['dexie'], 'Only the background writes the database.'),
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}'],
    rules: {
      // Thin entrypoints: no logic at module top level besides the define…() call; they import one start…()/render…().
      'max-lines': ['error', { max: 30, skipComments: true, skipBlankLines: true }],
    },
  },
);
