/**
 * A MariaDB primary and a read replica of a test's own: two `mariadbd --no-defaults` processes on
 * spare ports over temporary data folders (each one a `createMariadbProcess`), with GTID replication
 * (`CHANGE MASTER TO … MASTER_USE_GTID=slave_pos`), row-based binary logs and a `--read-only` replica.
 * The application connects as a user with every privilege on its database and none beyond it (no
 * SUPER, no READ ONLY ADMIN), so the replica's read_only applies to it. Started in about 2 s here.
 *
 * Also a script: `pnpm exec node packages/db/src/testing/replica-set.ts [database]` starts a pair,
 * prints its URLs and stops it (removing its data) on Ctrl-C.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createMariadbProcess, type MariadbProcess, mariadbProcessUnavailable } from './mariadb-process.ts';

const run = promisify(execFile);
const client = '/usr/bin/mariadb';

export type ReplicaSetServer = 'primary' | 'replica';

export interface ReplicaSetOptions {
  /** The application's database, created on both servers (default `miniter`). */
  database?: string;
  /** The application's user and password (default `miniter` / `miniter-password`). */
  user?: string;
  password?: string;
}

export interface ReplicaStatus {
  ioRunning: boolean;
  sqlRunning: boolean;
  /** `Seconds_Behind_Master`, null while a thread is stopped. */
  secondsBehind: number | null;
  lastError: string;
  /** GTID positions: what the primary has written, what the replica has applied. */
  primaryPosition: string;
  replicaPosition: string;
}

export interface ReplicaSet {
  database: string;
  ports: Record<ReplicaSetServer, number>;
  /** `mariadb://<user>:<password>@127.0.0.1:<port>/<database>`, the application's URLs. */
  primaryUrl: string;
  replicaUrl: string;
  /** `mariadb://root@127.0.0.1:<port>` (no database): every privilege, READ ONLY ADMIN included. */
  rootUrl(server: ReplicaSetServer): string;
  /**
   * Runs statements through the `mariadb` client, as root (on the socket) or as the application's
   * user (over TCP, as the application connects); the result as rows of tab-separated values.
   */
  sql(server: ReplicaSetServer, statements: string, as?: 'root' | 'app'): Promise<string[][]>;
  /** `STOP SLAVE SQL_THREAD`: the replica keeps receiving but applies nothing, so it goes stale. */
  stopReplicaSql(): Promise<void>;
  startReplicaSql(): Promise<void>;
  /** Waits until the replica has applied everything the primary has written (default 10 s). */
  waitForReplicaCatchUp(timeoutMs?: number): Promise<void>;
  replicaStatus(): Promise<ReplicaStatus>;
  /** SIGKILL; `startReplica` starts it again on the same port, replicating from where it was. */
  killReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** SIGKILL; `startPrimary` starts it again on the same port (the replica reconnects by itself). */
  killPrimary(): Promise<void>;
  startPrimary(): Promise<void>;
  restartPrimary(): Promise<void>;
  /**
   * The server's `Com_select` (SHOW GLOBAL STATUS, which does not count itself): compare it before
   * and after to tell which server answered reads. Replication applies no SELECT.
   */
  selectCount(server: ReplicaSetServer): Promise<number>;
  /** Kills both servers and removes their data. */
  stop(): Promise<void>;
}

export { mariadbProcessUnavailable as replicaSetUnavailable };

// ---------------------------------------------------------------------------------------------
// No process left behind: every child is killed when this process exits, however it exits.

const guarded = new Map<number, ChildProcess>();

function killAllGuarded() {
  for (const [pid, watchdog] of guarded) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
    watchdog.kill('SIGKILL');
  }
  guarded.clear();
  for (const [path, watchdog] of removals) {
    rmSync(path, { recursive: true, force: true });
    watchdog.kill('SIGKILL');
  }
  removals.clear();
}

let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAllGuarded);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAllGuarded();
      // Ours was the only handler: do what the signal would have done without it.
      if (process.listeners(signal).every((listener) => listener === onSignal))
        process.exit(128 + constants.signals[signal]);
    };
    process.on(signal, onSignal);
  }
}

/**
 * Makes sure the process `pid` dies with this one: killed by an exit hook, and, should this process
 * die without running hooks (SIGKILL, a crash), by a watchdog shell in a session of its own that
 * kills it once this process is gone. Call `release(pid)` when the process has ended by itself.
 */
export function killOnExit(pid: number): void {
  hookExit();
  if (guarded.has(pid)) return;
  const watchdog = spawn(
    'sh',
    ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -9 ${pid} 2>/dev/null`],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  guarded.set(pid, watchdog);
}

const removals = new Map<string, ChildProcess>();

/**
 * Removes `path` (a temporary folder or file of this process's) when this process exits, or, should
 * it die without running hooks, by a watchdog once it is gone. `keep(path)` cancels it.
 */
export function removeOnExit(path: string): void {
  hookExit();
  if (removals.has(path) || !/^[\w./-]+$/.test(path)) return;
  const watchdog = spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; rm -rf '${path}'`], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  removals.set(path, watchdog);
}

export function keep(path: string): void {
  removals.get(path)?.kill('SIGKILL');
  removals.delete(path);
}

export function release(pid: number): void {
  guarded.get(pid)?.kill('SIGKILL');
  guarded.delete(pid);
}

// ---------------------------------------------------------------------------------------------

interface Server {
  process: MariadbProcess;
  port: number;
  socket: string;
  pidFile: string;
  pid?: number;
  /** createMariadbProcess's temporary folder. */
  folder?: string;
}

const quote = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const identifier = (value: string) => `\`${value.replaceAll('`', '``')}\``;

async function createServer(directory: string, name: ReplicaSetServer, options: string[]): Promise<Server> {
  const socket = join(directory, `${name}.sock`);
  const pidFile = join(directory, `${name}.pid`);
  const server = await createMariadbProcess([
    // createMariadbProcess starts servers without grant tables or binary log: these options, last,
    // take both back, and put the socket and pid file where this module finds them.
    '--skip-grant-tables=0',
    '--skip-name-resolve',
    `--socket=${socket}`,
    `--pid-file=${pidFile}`,
    '--log-bin=mariadb-bin',
    '--binlog-format=ROW',
    '--log-slave-updates=1',
    '--gtid-strict-mode=1',
    // The migrations create triggers, which needs SUPER under binary logging unless trusted.
    '--log-bin-trust-function-creators=1',
    '--sync-binlog=0',
    '--innodb-flush-log-at-trx-commit=2',
    '--max-connections=500',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    ...options,
  ]);
  // The url's port is createMariadbProcess's spare one.
  const port = Number(new URL(server.url('x')).port);
  return { process: server, port, socket, pidFile };
}

async function sqlOn(
  server: Server,
  statements: string,
  login = ['-uroot', `--socket=${server.socket}`],
): Promise<string[][]> {
  const { stdout } = await run(
    client,
    ['--no-defaults', '--default-character-set=utf8mb4', ...login, '-NB', '-e', statements],
    { encoding: 'utf8' },
  );
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

async function startServer(server: Server): Promise<void> {
  await server.process.start();
  // Up once root answers on the socket.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await sqlOn(server, 'DO 1');
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`mariadbd on port ${server.port} did not start: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  server.pid = Number(readFileSync(server.pidFile, 'utf8').trim());
  killOnExit(server.pid);
  // createMariadbProcess's folder (the parent of the data folder), removed even if `stop` never runs.
  const [[datadir = ''] = []] = await sqlOn(server, 'SELECT @@datadir');
  if (datadir) server.folder = dirname(datadir.replace(/\/$/, ''));
  if (server.folder) removeOnExit(server.folder);
}

async function killServer(server: Server): Promise<void> {
  await server.process.kill();
  if (server.pid) release(server.pid);
  server.pid = undefined;
}

export async function startReplicaSet(options: ReplicaSetOptions = {}): Promise<ReplicaSet> {
  const unavailable = mariadbProcessUnavailable();
  if (unavailable) throw new Error(`a replica set ${unavailable}`);
  const database = options.database ?? 'miniter';
  const user = options.user ?? 'miniter';
  const password = options.password ?? 'miniter-password';
  const directory = mkdtempSync(join(tmpdir(), 'miniter-rs-'));
  removeOnExit(directory);

  const primary = await createServer(directory, 'primary', ['--server-id=1']);
  const replica = await createServer(directory, 'replica', ['--server-id=2', '--read-only=1']);
  const servers = { primary, replica };
  const stop = async () => {
    await Promise.all([primary.process.remove(), replica.process.remove()]);
    for (const server of [primary, replica]) {
      if (server.pid) release(server.pid);
      if (server.folder) keep(server.folder);
    }
    rmSync(directory, { recursive: true, force: true });
    keep(directory);
  };

  try {
    await Promise.all([startServer(primary), startServer(replica)]);
    // The same users and database on both, kept out of the binary log: replication starts from an
    // empty GTID position and carries only what the application (and its migrations) write.
    const accounts = `
      SET SESSION sql_log_bin = 0;
      CREATE DATABASE ${identifier(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
      CREATE USER 'root'@'127.0.0.1';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
      CREATE USER 'replicator'@'127.0.0.1' IDENTIFIED BY 'replicator';
      GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'127.0.0.1';
      CREATE USER ${quote(user)}@'%' IDENTIFIED BY ${quote(password)};
      GRANT ALL PRIVILEGES ON ${identifier(database)}.* TO ${quote(user)}@'%';
    `;
    await Promise.all([sqlOn(primary, accounts), sqlOn(replica, accounts)]);
    await sqlOn(
      replica,
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${primary.port}, MASTER_USER='replicator',
         MASTER_PASSWORD='replicator', MASTER_CONNECT_RETRY=1, MASTER_USE_GTID=slave_pos;
       START SLAVE;`,
    );
  } catch (error) {
    await stop();
    throw error;
  }

  const url = (server: Server) =>
    `mariadb://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${server.port}/${database}`;

  const replicaStatus = async (): Promise<ReplicaStatus> => {
    const [[primaryPosition = ''] = []] = await sqlOn(primary, 'SELECT @@GLOBAL.gtid_binlog_pos').catch(() => [['']]);
    const { stdout } = await run(client, [
      '--no-defaults',
      `--socket=${replica.socket}`,
      '-uroot',
      '-e',
      'SHOW SLAVE STATUS\\G',
    ]);
    const field = (name: string) => new RegExp(`^\\s*${name}: (.*)$`, 'm').exec(stdout)?.[1]?.trim() ?? '';
    const [[replicaPosition = ''] = []] = await sqlOn(replica, 'SELECT @@GLOBAL.gtid_slave_pos');
    const behind = field('Seconds_Behind_Master');
    return {
      ioRunning: field('Slave_IO_Running') === 'Yes',
      sqlRunning: field('Slave_SQL_Running') === 'Yes',
      secondsBehind: behind === '' || behind === 'NULL' ? null : Number(behind),
      lastError: [field('Last_IO_Error'), field('Last_SQL_Error')].filter(Boolean).join('; '),
      primaryPosition,
      replicaPosition,
    };
  };

  const waitForReplicaCatchUp = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await replicaStatus();
      if (status.primaryPosition === status.replicaPosition) return;
      if (Date.now() > deadline) throw new Error(`the replica did not catch up: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  // Replicating before anyone uses it (the IO thread connected).
  const connected = Date.now() + 10_000;
  while (!(await replicaStatus()).ioRunning) {
    if (Date.now() > connected) {
      const status = await replicaStatus();
      await stop();
      throw new Error(`the replica did not connect to the primary: ${status.lastError}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    database,
    ports: { primary: primary.port, replica: replica.port },
    primaryUrl: url(primary),
    replicaUrl: url(replica),
    rootUrl: (server) => `mariadb://root@127.0.0.1:${servers[server].port}`,
    sql: (server, statements, as = 'root') =>
      sqlOn(
        servers[server],
        statements,
        as === 'root'
          ? undefined
          : [`-u${user}`, `-p${password}`, '-h127.0.0.1', `-P${servers[server].port}`, database],
      ),
    stopReplicaSql: async () => void (await sqlOn(replica, 'STOP SLAVE SQL_THREAD')),
    startReplicaSql: async () => void (await sqlOn(replica, 'START SLAVE SQL_THREAD')),
    waitForReplicaCatchUp,
    replicaStatus,
    killReplica: () => killServer(replica),
    // Replication starts again by itself, from the replica's own GTID position.
    startReplica: () => startServer(replica),
    killPrimary: () => killServer(primary),
    startPrimary: () => startServer(primary),
    restartPrimary: async () => {
      await killServer(primary);
      await startServer(primary);
    },
    selectCount: async (server) => {
      const [[, value = '0'] = []] = await sqlOn(servers[server], "SHOW GLOBAL STATUS LIKE 'Com_select'");
      return Number(value);
    },
    stop,
  };
}

// The script: start a pair, print its URLs, stop on Ctrl-C.
if (import.meta.main) {
  const started = Date.now();
  const set = await startReplicaSet({ database: process.argv[2] || 'miniter' });
  console.log(`primary  ${set.primaryUrl}`);
  console.log(`replica  ${set.replicaUrl}`);
  console.log(`root     ${set.rootUrl('primary')}  ${set.rootUrl('replica')}`);
  console.log(`started in ${Date.now() - started} ms; Ctrl-C stops both and removes their data`);
  const end = async () => {
    await set.stop();
    process.exit(0);
  };
  process.once('SIGINT', end);
  process.once('SIGTERM', end);
}
