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
    setupFiles: ['tests/setup-lexicon.ts'],
  },
});
