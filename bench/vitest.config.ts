import { defineProject } from 'vitest/config';

// The benchmarks' own instruments (the seeded section 7.4 variants) are tested like code.
export default defineProject({
  test: { name: 'bench', include: ['**/*.test.ts'], exclude: ['node_modules/**'] },
});
