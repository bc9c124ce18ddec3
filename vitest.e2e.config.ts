import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/chrome-mv3) in real Chromium. One browser at a time on
// a 2-core machine, no retries: a flaky test is a bug to fix, not to hide.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
    // A poll waits up to 5 s (vitest's own default is 1 s): on a loaded machine the first click on a fix loads
    // its part on request and the page's framework renders after it (a clean-clone run at load 13 missed 1 s).
    expect: { poll: { timeout: 5_000 } },
    setupFiles: ['tests/setup-lexicon.ts'],
  },
});
