import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server-integration',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: one worker per core keeps PostgreSQL and Meilisearch responsive.
    maxWorkers: 2,
  },
});
