/**
 * A Vite plugin: in the build of the extension's HTML pages, webextension-polyfill gets a chunk of its own.
 *
 * Left to itself, Rolldown puts the polyfill in the one chunk every page imports (with its runtime and WXT's
 * `virtual:wxt-html-plugins`), so the framed pages that never use it (entrypoints/gate-reason, spot-note;
 * components/frame-api.ts) evaluate it too. The polyfill throws "This script should only be loaded in a
 * browser extension" when it runs where the extension's context is gone: a gate frame reloaded as the
 * extension is updated or reloaded under an open ClassDojo tab. That error lands in ClassDojo's console.
 * In its own chunk it runs only in the pages that import it (options, popup, policy-format).
 */
import type { Plugin } from 'vite';

export function polyfillOwnChunk(): Plugin {
  return {
    name: 'policy-guard:polyfill-own-chunk',
    outputOptions(output) {
      // Only the ES build of the HTML pages; the background and content scripts are built alone (IIFE).
      if (output.format && output.format !== 'es') return null;
      return {
        ...output,
        hoistTransitiveImports: false,
        manualChunks(id: string) {
          return /[\\/]node_modules[\\/](@wxt-dev[\\/])?webextension-polyfill[\\/]/.test(id) ? 'polyfill' : undefined;
        },
      };
    },
  };
}
