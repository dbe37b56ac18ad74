import { defineConfig } from 'vitest/config';

// Three tiers: pure unit tests beside the code, integration tests against the real
// PostgreSQL and Meilisearch, and browser tests in Chromium (see server/test/browser).
export default defineConfig({
  test: {
    // Two cores: more workers only make PostgreSQL and Meilisearch wait.
    maxWorkers: 2,
    projects: ['shared', 'server/vitest.unit.config.ts', 'server/vitest.integration.config.ts', 'web'],
  },
});
