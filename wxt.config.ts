import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { deferPublicSuffixData } from './src/build/defer-public-suffix-data';
import { normalizePath, type Plugin } from 'vite';

// Vite ids use forward slashes on every platform.
const QUIET_CONTEXT = normalizePath(fileURLToPath(new URL('./src/content/quiet-content-script-context.ts', import.meta.url)));

/**
 * Resolves WXT's `wxt/utils/content-script-context` to our quiet subclass (src/content/quiet-content-script-context.ts),
 * so the context WXT creates for the content script dispatches no DOM event a page could observe. The subclass
 * itself still imports WXT's module.
 */
function useQuietContentScriptContext(): Plugin {
  return {
    name: 'canhgiac:quiet-content-script-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'wxt/utils/content-script-context') return null;
      if (importer !== undefined && normalizePath(importer.split('?')[0] ?? '') === QUIET_CONTEXT) return null;
      return QUIET_CONTEXT;
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), useQuietContentScriptContext(), deferPublicSuffixData()],
    // Rolldown's constant inlining copied tldts' 68 kB public-suffix label string into each of its three uses: the
    // content script every page evaluates was 406 kB instead of 270 kB.
    build: { rolldownOptions: { optimization: { inlineConst: false } } },
  }),
  // The sources zip (for store review) holds what builds the extension, not tests, fixtures or screenshots.
  zip: { excludeSources: ['test/**', 'assets/screenshots/**', '.ci/**', 'coverage/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['storage', 'alarms', 'contextMenus'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'canh-giac@canhgiac.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
