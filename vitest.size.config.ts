import { defineConfig } from 'vitest/config';

// The size budgets, on the built extension (.output/chrome-mv3): `npm test` runs them after the build.
export default defineConfig({
  test: {
    include: ['tests/size/**/*.test.ts'],
  },
});
