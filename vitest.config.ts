import { defineConfig } from 'vitest/config';
import { isServiceDown } from './server/src/infra/service-down.ts';

// Three tiers: pure unit tests beside the code, integration tests against the real
// PostgreSQL and Meilisearch, and browser tests in Chromium (see server/test/browser).
export default defineConfig({
  test: {
    // Two cores: more workers only make PostgreSQL and Meilisearch wait.
    maxWorkers: 2,
    // The fault tests stop PostgreSQL and Meilisearch on purpose: the drivers' background
    // rejections then say a service is down, as the server's own handler tolerates them
    // (server/src/main.ts). Any other unhandled error still fails the run.
    onUnhandledError: (error) => (isServiceDown(error) ? false : undefined),
    projects: ['shared', 'server/vitest.unit.config.ts', 'server/vitest.integration.config.ts', 'web', 'bench/vitest.config.ts'],
  },
});
