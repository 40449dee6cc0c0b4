import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CURATED_MATCHES } from './lib/sites';

/** The add-on's id on addons.mozilla.org: fixed forever once published. */
const GECKO_ID = 'nk-russia-context@nkru-context.dev';
/** Only the extension's own scripts and no plugins (README "Privacy"). */
const EXTENSION_CSP = "script-src 'self'; object-src 'none'";
// Corpus sync: a TEST build (scripts/feed/build-test.ts) also trusts the feed keys in this variable, and
// goes to its own folder, so the production build in .output/chrome-mv3 never trusts a test key.
const testFeedKeys = process.env.NKR_TEST_FEED_KEYS;

// See README "Permissions" for why each one is asked for.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // __NKR_BENCH__: bench-only hooks exist only in `wxt build --mode bench` (lib/build-flags.ts).
  // __NKR_TEST_FEED_KEYS__: only in the corpus-sync test build (see testFeedKeys above).
  vite: (env) => ({
    plugins: [preact()],
    define: { __NKR_BENCH__: JSON.stringify(env.mode === 'bench'), ...(testFeedKeys ? { __NKR_TEST_FEED_KEYS__: JSON.stringify(testFeedKeys) } : {}) },
    // hostile (issue 11): WXT's content-script context posts a start-up message a page can hear and
    // forge to shut the script down; ours says nothing (entrypoints/content/quiet-context.ts).
    resolve: { alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: resolve('entrypoints/content/quiet-context.ts') }] },
  }),
  ...(testFeedKeys ? { outDirTemplate: 'test-sync/{{browser}}-mv{{manifestVersion}}' } : {}),
  hooks: {
    // The bundled corpus ships as a file the background reads (and validates) at install time.
    'build:publicAssets': (_wxt, assets) => {
      assets.push({ absoluteSrc: resolve('data/corpus.json'), relativeDest: 'corpus.json' });
    },
  },
  manifest: ({ browser }) => ({
    name: 'North Korea–Russia Context',
    short_name: 'NK–RU Context',
    description: 'Context from Chatham House research on North Korea–Russia relations, where you read the news. Nothing you read leaves your machine.',
    permissions: ['storage', 'scripting', 'activeTab', 'alarms'],
    // Extension pages run only the extension's own scripts: no eval, no inline or remote code.
    content_security_policy: { extension_pages: EXTENSION_CSP },
    // The same sites the content script runs on: lets the background inject the card's code there.
    // A test build also holds the loopback feed's permission: headless Chromium cannot answer the
    // browser's permission prompt, and a request for a granted origin resolves without one.
    host_permissions: [...CURATED_MATCHES, ...(testFeedKeys ? ['http://127.0.0.1/*'] : [])],
    optional_host_permissions: ['*://*/*'],
    // The note form shows in a frame inside the card on any page the extension runs on. Pages can
    // only reach it at a per-session random address, so they cannot probe for the extension.
    web_accessible_resources: [{ resources: ['note-form.html'], matches: ['*://*/*'], use_dynamic_url: true }],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlighted mention and open its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous highlighted mention and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Desktop 140 (ESR 140): the first release with the CSS Highlight API and
            // data_collection_permissions. Android reads data_collection_permissions from 142.
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
