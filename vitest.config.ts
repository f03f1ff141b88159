import { defineConfig } from 'vitest/config';

// One suite, two engines: PGlite by default, PostgreSQL when DATABASE_URL is set (npm run test:pg in .ci/run).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Both cores: vitest's default (CPUs − 1) is one worker on a 2-core CI machine, which leaves a core idle while
    // a PGlite file computes. On PostgreSQL a file waits on the server for part of each query, so a third worker
    // fills those waits. Every file opens its own database (test/setup/global.ts), so files do not share state.
    maxWorkers: process.env.DATABASE_URL ? 3 : 2,
  },
});
