import { defineConfig } from 'vitest/config';

/**
 * The test pyramid, one project per level (`pnpm test:unit`, `test:integration`, `test:e2e`).
 * The global setup runs once for all of them: it provides the MySQL server (or skips it).
 */
// Projects do not extend the root config, so the global setup is not repeated per project.
const level = (name: string, include: string[], timeouts: { test: number; hook: number }) => ({
  test: { name, include, testTimeout: timeouts.test, hookTimeout: timeouts.hook },
});

export default defineConfig({
  test: {
    globalSetup: ['./packages/db/src/testing/mysql-server.ts'],
    projects: [
      level('unit', ['packages/*/test/**/*.test.ts', 'apps/*/test/unit/**/*.test.ts'], { test: 15_000, hook: 60_000 }),
      level('integration', ['apps/*/test/integration/**/*.test.ts'], { test: 30_000, hook: 60_000 }),
      level('e2e', ['apps/*/test/e2e/**/*.test.ts'], { test: 60_000, hook: 60_000 }),
    ],
  },
});
