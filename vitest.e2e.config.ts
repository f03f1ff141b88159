import { defineConfig } from 'vitest/config';

// Browser flows against the real CLI server and the built web app (dist/): `npm run build` first.
// Not the unit config's globalSetup: test/e2e/global-setup.ts seeds one demo database, and each test file starts its
// own server on a copy of it.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two files at a time: a browser flow mostly waits (on its server, on Chromium drawing), and each file has its own
    // server and database (a copy of the seeded demo), so two share the machine's two cores without sharing state.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
