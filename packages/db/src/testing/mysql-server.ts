/**
 * Vitest global setup: one MySQL server for the whole test run, handed to the tests with
 * `provide('mysqlUrl')`. In order of preference:
 *   1. MINITER_TEST_DATABASE_URL: an existing server (no container);
 *   2. a Testcontainers container of MINITER_TEST_MYSQL_IMAGE (default mysql:8.4), stopped at the end;
 *   3. neither possible: one line saying the MySQL tests were skipped, or a failure when
 *      MINITER_REQUIRE_MYSQL=1.
 * Tests create their own databases on the server (see createTestDatabase).
 */
import { MySqlContainer } from '@testcontainers/mysql';
import { getContainerRuntimeClient } from 'testcontainers';
import type { TestProject } from 'vitest/node';
import type {} from './index.ts'; // the `mysqlUrl` entry of vitest's ProvidedContext

interface MysqlServer {
  url: string;
  stop(): Promise<void>;
}

const log = (message: string) => console.log(`[mysql] ${message}`);

export default async function setup(project: TestProject) {
  const server = await startMysqlServer();
  project.provide('mysqlUrl', server?.url ?? null);
  return async () => {
    await server?.stop();
  };
}

async function startMysqlServer(): Promise<MysqlServer | null> {
  const existing = process.env.MINITER_TEST_DATABASE_URL;
  if (existing) {
    log(`using the server at MINITER_TEST_DATABASE_URL (${new URL(existing).host})`);
    return { url: existing, stop: async () => {} };
  }

  const engineProblem = await findContainerEngineProblem();
  if (engineProblem) {
    const why = `no container engine (${engineProblem}) and MINITER_TEST_DATABASE_URL is not set`;
    if (process.env.MINITER_REQUIRE_MYSQL === '1') {
      throw new Error(
        `MINITER_REQUIRE_MYSQL=1 but the MySQL tests cannot run: ${why}. Start Docker (or another engine ` +
          'Testcontainers supports), or set MINITER_TEST_DATABASE_URL=mysql://user:password@host:3306.',
      );
    }
    log(`MySQL tests SKIPPED: ${why}. The SQLite tests ran.`);
    return null;
  }

  const image = process.env.MINITER_TEST_MYSQL_IMAGE || 'mysql:8.4';
  const started = Date.now();
  const container = await new MySqlContainer(image).withRootPassword('miniter-test').start();
  // MariaDB answers the MySQL protocol but has its own MikroORM driver (schema introspection differs).
  const scheme = /mariadb/i.test(image) ? 'mariadb' : 'mysql';
  const url = `${scheme}://root:miniter-test@${container.getHost()}:${container.getPort()}`;
  log(
    `Testcontainers started ${image} as container ${container.getId().slice(0, 12)} ` +
      `on ${container.getHost()}:${container.getPort()} in ${Date.now() - started} ms`,
  );
  return {
    url,
    async stop() {
      await container.stop({ remove: true, removeVolumes: true });
      log(`stopped and removed container ${container.getId().slice(0, 12)}`);
    },
  };
}

/** Why no container engine can be used, or null when one answers. */
async function findContainerEngineProblem(): Promise<string | null> {
  try {
    await getContainerRuntimeClient();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] || 'unknown error' : String(error);
  }
}
