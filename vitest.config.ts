import { defineConfig } from 'vitest/config';

// Two cores on CI: the suites start real servers, so run at most two files at once.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
