/**
 * A MariaDB server of a test's own: this machine's `mariadbd` on a spare port over a temporary
 * data folder, started with whatever options the test needs, killed and restarted at will.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const mariadbd = '/usr/sbin/mariadbd';
const installDb = '/usr/bin/mariadb-install-db';

/** Why a throwaway server cannot run here, or null when it can. */
export const mariadbProcessUnavailable = () =>
  existsSync(mariadbd) && existsSync(installDb) ? null : `needs ${mariadbd} and ${installDb}`;

/** A port nothing listens on now, for a server a test starts. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => resolve(socket.end() && true));
    socket.on('error', () => resolve(false));
  });

export interface MariadbProcess {
  /** `mariadb://root@127.0.0.1:<port>/<database>`. */
  url(database: string): string;
  start(): Promise<void>;
  kill(): Promise<void>;
  /** Kills the server and removes its data. */
  remove(): Promise<void>;
}

/** Creates the data folder; `options` are extra `mariadbd` options, e.g. `--sql-mode=…`. */
export async function createMariadbProcess(options: string[] = []): Promise<MariadbProcess> {
  const directory = mkdtempSync(join(tmpdir(), 'miniter-mariadb-'));
  const datadir = join(directory, 'data');
  execFileSync(installDb, ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--skip-test-db'], {
    stdio: 'ignore',
  });
  const port = await freePort();
  let child: ChildProcess | undefined;
  const kill = async () => {
    child?.kill('SIGKILL');
    if (child && child.exitCode === null) await once(child, 'exit');
  };
  return {
    url: (database) => `mariadb://root@127.0.0.1:${port}/${database}`,
    async start() {
      child = spawn(
        mariadbd,
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          `--socket=${join(directory, 'mysqld.sock')}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          '--user=root',
          '--skip-grant-tables',
          '--skip-log-bin',
          '--innodb-buffer-pool-size=16M',
          ...options,
        ],
        { stdio: 'ignore' },
      );
      for (let i = 0; i < 100 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 100));
    },
    kill,
    async remove() {
      await kill();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
