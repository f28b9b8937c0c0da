import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The test pyramid, one project per level (`pnpm test:unit`, `test:integration`, `test:e2e`).
 * The global setup runs once for all of them: it provides the MySQL server (or skips it).
 */
// Projects do not extend the root config, so the global setup is not repeated per project.
const level = (name: string, include: string[], timeouts: { test: number; hook: number }) => ({
  test: { name, include, testTimeout: timeouts.test, hookTimeout: timeouts.hook },
});

/**
 * The cluster suite needs Debian's haproxy and mariadbd: required in CI (`.ci/run` installs them),
 * elsewhere skipped with a line when absent, as the other suites skip what they cannot run.
 */
const clusterRuns =
  Boolean(process.env.CI) || (spawnSync('haproxy', ['-v']).status === 0 && existsSync('/usr/sbin/mariadbd'));
if (!clusterRuns) console.log('[cluster] SKIPPED: needs haproxy (apt-get install haproxy) and mariadbd');

const cluster = {
  test: {
    name: 'cluster',
    include: ['apps/*/test/cluster/**/*.test.ts'],
    globalSetup: ['./apps/server/test/cluster/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { groupOrder: 1 },
  },
};

export default defineConfig({
  test: {
    globalSetup: ['./packages/db/src/testing/mysql-server.ts'],
    projects: [
      level('unit', ['packages/*/test/**/*.test.ts', 'apps/*/test/unit/**/*.test.ts'], { test: 15_000, hook: 60_000 }),
      level('integration', ['apps/*/test/integration/**/*.test.ts'], { test: 30_000, hook: 60_000 }),
      level('e2e', ['apps/*/test/e2e/**/*.test.ts'], { test: 60_000, hook: 60_000 }),
      // Past one machine (issue 18): one topology of real processes for the whole project (its own
      // global setup), after the other levels (groupOrder), its files one at a time: they share it.
      ...(clusterRuns ? [cluster] : []),
    ],
  },
});
