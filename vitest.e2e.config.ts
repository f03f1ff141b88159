import { defineConfig } from 'vitest/config';

// Browser flows against the real CLI server and the built web app (dist/): `npm run build` first.
// No globalSetup from the unit config: each test file starts its own server on a fresh demo database.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
