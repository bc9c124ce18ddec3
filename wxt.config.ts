import { defineConfig } from 'wxt';
import { francSubset } from './scripts/vite/franc-subset';
import { nativeBrowserInContentScripts } from './scripts/vite/native-browser';
import { polyfillOwnChunk } from './scripts/vite/polyfill-chunk';

// The only hosts the extension may touch. Content-script matches and host permissions are the same
// list, so a change to one is a change to both (tests/e2e/privacy.e2e.ts asserts the manifest).
export const CLASSDOJO_HOSTS = ['https://teach.classdojo.com/*', 'https://home.classdojo.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Browsers that run MV3 extensions preload modules themselves: Vite's polyfill would only add a fetch()
  // to the popup and options page (tests/e2e/bundle.e2e.ts allows no unexplained network call).
  // JSON data (name lists, sensitive terms, the router's model) ships as JSON.parse('…') strings rather than
  // object literals: V8 parses JSON several times faster than it compiles the same data as JavaScript, and
  // the content script runs on every ClassDojo page.
  // franc-all's trigram models are cut at build time to the languages the router can meet
  // (lib/routing/franc-languages.ts): 540 KB of data for 400+ languages would be most of the background.
  vite: () => ({ build: { modulePreload: { polyfill: false }, sourcemap: process.env.PG_SOURCEMAP === '1', ...(process.env.PG_NOMINIFY === '1' ? { minify: false } : {}) }, json: { stringify: true }, plugins: [francSubset(), nativeBrowserInContentScripts(), polyfillOwnChunk()] }),
  manifest: ({ browser }) => ({
    // Name and description come from public/_locales, so stores and browsers show them translated.
    name: '__MSG_extName__',
    short_name: 'Policy Guard',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting`: the background injects the content script's parts loaded only when asked for (the page
    // doctor, the outline, the spot-check overlay: entrypoints/on-request) into the ClassDojo tab that asks,
    // so they are not on every page. It reaches no site beyond the host permissions below, adds no warning
    // at install (the hosts' warning is the same), and the injected file is our own, packaged and not
    // web-accessible.
    permissions: ['storage', 'scripting'],
    // The spot-check shortcut for senior leaders; a command needs no permission.
    commands: {
      'toggle-spot-check': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Start or stop a spot-check of this ClassDojo page',
      },
    },
    host_permissions: CLASSDOJO_HOSTS,
    // The gate's reason box and the spot-check's note box are extension pages framed in our UI
    // (entrypoints/gate-reason, spot-note), so the page can neither search nor read what is typed there. Only the teachers' app may frame it; in
    // Chromium under a per-session id (use_dynamic_url), so no page can tell the extension is installed from
    // it. Firefox's extension URLs are per-install already.
    web_accessible_resources: [
      {
        resources: ['gate-reason.html', 'spot-note.html'],
        matches: [CLASSDOJO_HOSTS[0]!],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // What a school's IT may push through Google Admin or Edge policies (docs/deploying.md). Firefox reads
    // managed storage from its own enterprise policies and has no such manifest key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // Firefox needs a stable add-on id for storage.sync/managed storage and for AMO.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'policy-guard@classdojo-policy.invalid', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['demo-out/**', 'test-results/**', '.ci/**'],
  },
});
