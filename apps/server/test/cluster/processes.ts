/**
 * The cluster suite's processes, each on loopback on a port of its own that survives restarts:
 * a Redis server, HAProxy (Debian's) in front of the instances, and Miniter instances run as
 * `pnpm start` runs them (the bundle in `apps/server/dist`, WORKERS=1). No process outlives the one
 * that started it: each is killed on teardown, by an exit hook, or by a watchdog should this
 * process die without running hooks (`killOnExit`).
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { keep, killOnExit, release, removeOnExit } from '../../../../packages/db/src/testing/replica-set.ts';

export { freePort } from '../../../../packages/db/src/testing/mariadb-process.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const serverRoot = join(repoRoot, 'apps/server');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true, or throws `what` after `timeoutMs`. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs: number, failed?: () => string | null) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const failure = failed?.();
    if (failure) throw new Error(`${what}: ${failure}`);
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => resolve(socket.end() && true));
    socket.on('error', () => resolve(false));
  });

/** Spawns a guarded child: it is killed when this process exits, however it exits. */
function spawnGuarded(command: string, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  const child = spawn(command, args, options);
  const { pid } = child;
  if (pid) {
    killOnExit(pid);
    child.once('exit', () => release(pid));
  }
  return child;
}

/** Ends a child: `signal`, then SIGKILL past `graceMs`; resolves with its exit code (null if killed). */
async function end(child: ChildProcess | undefined, signal: NodeJS.Signals, graceMs = 15_000): Promise<number | null> {
  if (!child) return null;
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const [code] = await exited;
  clearTimeout(timer);
  return code;
}

// ---------------------------------------------------------------------------------------------
// Redis

export interface RedisServer {
  port: number;
  url: string;
  start(): Promise<void>;
  /** SIGTERM (Redis exits cleanly); resolves with the exit code. */
  stop(): Promise<number | null>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** A `redis-cli` command, e.g. `['FLUSHALL']`; its output. */
  cli(args: string[]): Promise<string>;
}

export function createRedisServer(port: number): RedisServer {
  let child: ChildProcess | undefined;
  const redis: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) return;
      const started = spawnGuarded(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
        { stdio: 'ignore' },
      );
      child = started;
      await until(
        async () => (await redis.cli(['PING'])) === 'PONG',
        `redis-server on ${port}`,
        10_000,
        () => (started.exitCode !== null ? `exited with ${started.exitCode}` : null),
      );
    },
    stop: () => end(child, 'SIGTERM'),
    kill: async () => void (await end(child, 'SIGKILL')),
    async restart() {
      await redis.stop();
      await redis.start();
    },
    cli: async (args) =>
      execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8', timeout: 5000 }).trim(),
  };
  return redis;
}

// ---------------------------------------------------------------------------------------------
// HAProxy

export interface HaproxyBackend {
  name: string;
  port: number;
}

export interface HaproxyServerState {
  name: string;
  /** `UP`, `DOWN`, `UP 1/2` (going down), `DOWN 1/1` (coming up), `MAINT`, `DRAIN`, `no check`. */
  status: string;
  up: boolean;
}

export interface Haproxy {
  port: number;
  url: string;
  /** The generated configuration. */
  config: string;
  /** A runtime API command on the admin socket (`show stat`, `set server miniter/a state drain`…). */
  command(line: string): Promise<string>;
  /** Each backend server's state, from `show stat`. */
  servers(): Promise<HaproxyServerState[]>;
  /** Waits until exactly these servers are UP (e.g. `['a', 'b']`, `['b']`). */
  waitForUp(names: string[], timeoutMs?: number): Promise<void>;
  /** Its stderr (alerts and warnings). */
  output(): string;
  start(): Promise<void>;
  /** SIGTERM; `start` starts it again with the same configuration. */
  stop(): Promise<number | null>;
  /** Stops it and removes its configuration. */
  remove(): Promise<void>;
}

/** The health check: every `inter`, down after `fall` failures, up after `rise` successes. */
export const healthCheck = { interMs: 500, fall: 2, rise: 1 } as const;

export function haproxyConfig(port: number, socket: string, backends: HaproxyBackend[]): string {
  return `global
  maxconn 4096
  stats socket ${socket} mode 600 level admin
  # the port of a backend that is restarted stays the same: no DNS, no resolvers
  hard-stop-after 5s

defaults
  mode http
  option http-keep-alive
  timeout connect 1s
  timeout client 1h
  timeout http-request 10s
  timeout queue 5s
  # long enough for live streams (SSE); a streamed response is passed on as it comes, unbuffered
  timeout server 1h
  timeout tunnel 1h
  timeout client-fin 1s
  timeout server-fin 1s
  # a request that could not reach a server goes to another: connection failures only, so that
  # nothing a server may have started is sent twice
  retries 3
  retry-on conn-failure
  option redispatch 1

frontend web
  bind 127.0.0.1:${port}
  option forwardfor
  # a request id of [0-9A-F] only (within the server's [\\w.-]{8,64}), unless the client sent one
  unique-id-format %{+X}o%ci%cp%fi%fp%Ts%rt%pid
  http-request set-header X-Request-Id %[unique-id] unless { req.hdr(x-request-id) -m found }
  default_backend miniter

backend miniter
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server check inter ${healthCheck.interMs}ms fall ${healthCheck.fall} rise ${healthCheck.rise}
${backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port}`).join('\n')}
`;
}

export function createHaproxy(port: number, backends: HaproxyBackend[]): Haproxy {
  const directory = mkdtempSync(join(tmpdir(), 'miniter-haproxy-'));
  const socket = join(directory, 'admin.sock');
  removeOnExit(directory);
  const file = join(directory, 'haproxy.cfg');
  const config = haproxyConfig(port, socket, backends);
  writeFileSync(file, config);
  let child: ChildProcess | undefined;
  let output = '';

  const command = (line: string) =>
    new Promise<string>((resolve, reject) => {
      let answer = '';
      const connection = connect(socket);
      connection.on('connect', () => connection.write(`${line}\n`));
      connection.on('data', (chunk) => {
        answer += chunk;
      });
      connection.on('end', () => resolve(answer));
      connection.on('error', reject);
    });

  const servers = async (): Promise<HaproxyServerState[]> => {
    const [header = '', ...rows] = (await command('show stat')).replace(/^# /, '').trim().split('\n');
    const columns = header.split(',');
    const at = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
    return rows
      .map((line) => line.split(','))
      .filter((row) => at(row, 'pxname') === 'miniter' && !['BACKEND', 'FRONTEND'].includes(at(row, 'svname')))
      .map((row) => ({ name: at(row, 'svname'), status: at(row, 'status'), up: /^UP/.test(at(row, 'status')) }));
  };

  const haproxy: Haproxy = {
    port,
    url: `http://127.0.0.1:${port}`,
    config,
    command,
    servers,
    async waitForUp(names, timeoutMs = 10_000) {
      const wanted = [...names].sort().join(',');
      let seen = '';
      await until(
        async () => {
          const up = (await servers()).filter((s) => s.status === 'UP').map((s) => s.name);
          seen = up.sort().join(',');
          return seen === wanted;
        },
        `HAProxy: waiting for UP [${wanted}], saw [${seen}]`,
        timeoutMs,
      );
    },
    output: () => output,
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) return;
      execFileSync('haproxy', ['-c', '-q', '-f', file], { stdio: 'pipe' });
      const started = spawnGuarded('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
      child = started;
      started.stderr?.on('data', (chunk) => {
        output += chunk;
      });
      await until(
        async () => (await accepts(port)) && (await command('show info')).includes('Name: HAProxy'),
        `haproxy on ${port}`,
        10_000,
        () => (started.exitCode !== null ? `exited with ${started.exitCode}: ${output}` : null),
      );
    },
    stop: () => end(child, 'SIGTERM', 5000),
    async remove() {
      await end(child, 'SIGTERM', 5000);
      rmSync(directory, { recursive: true, force: true });
      keep(directory);
    },
  };
  return haproxy;
}

/** Whether Debian's haproxy is installed (`apt-get install haproxy`). */
export const haproxyUnavailable = () => {
  try {
    execFileSync('haproxy', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'needs haproxy (apt-get install haproxy)';
  }
};

// ---------------------------------------------------------------------------------------------
// Miniter instances

let bundle: string | undefined;

/**
 * Builds the server once (`pnpm --filter @miniter/server build`, as `pnpm start` does) and keeps a
 * copy of the bundle for this run, beside it (its imports are relative to `dist/`), so that a
 * rebuild by someone else meanwhile does not change the code of an instance restarted later.
 * Returns the copy's path; `removeServerBundle` deletes it.
 */
export async function buildServer(): Promise<string> {
  if (bundle) return bundle;
  await promisify(execFile)('pnpm', ['--filter', '@miniter/server', 'build'], { cwd: repoRoot });
  bundle = join(serverRoot, 'dist', `main.cluster-${process.pid}.js`);
  copyFileSync(join(serverRoot, 'dist/main.js'), bundle);
  removeOnExit(bundle);
  return bundle;
}

export function removeServerBundle() {
  if (bundle) {
    rmSync(bundle, { force: true });
    keep(bundle);
  }
  bundle = undefined;
}

/** One JSON line of an instance's log (pino), with `reqId` on a request's lines. */
export interface LogLine {
  level: number;
  time: number;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string; remoteAddress?: string };
  res?: { statusCode: number };
  [key: string]: unknown;
}

export interface InstanceOptions {
  name: string;
  port: number;
  /** The bundle from `buildServer()`. */
  bundle: string;
  /** Its environment past the defaults below (DATABASE_URL, REDIS_URL, JWT_SECRET…). */
  env: Record<string, string>;
}

export interface Instance {
  name: string;
  port: number;
  url: string;
  pid(): number | null;
  running(): boolean;
  /** Spawns it (with `env` over the instance's own for this run) and waits until /readyz says 200. */
  start(env?: Record<string, string>): Promise<void>;
  /** SIGTERM (or `signal`), waits for it to exit (SIGKILL past `graceMs`): its exit code. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
  /** SIGKILL, at once. */
  kill(): Promise<void>;
  /** Every JSON log line since it was created (all its runs), from `since` (an index) on. */
  logs(since?: number): LogLine[];
  /** How many lines so far: the `since` of lines to come. */
  logCount(): number;
  /** The lines of one request. */
  requestLines(reqId: string): LogLine[];
  /** Its output that is not JSON (stderr, a crash). */
  output(): string;
}

/** What every instance gets; `env` (and then `start(env)`) override it. */
export function instanceEnv(port: number): Record<string, string> {
  return {
    NODE_ENV: 'test',
    WORKERS: '1',
    HOST: '127.0.0.1',
    PORT: String(port),
    BCRYPT_COST: '4',
    LOG_LEVEL: 'info',
    TRUST_PROXY: '1',
    MALLOC_ARENA_MAX: '2',
  };
}

export function createInstance({ name, port, bundle, env }: InstanceOptions): Instance {
  let child: ChildProcess | undefined;
  const lines: LogLine[] = [];
  let output = '';
  const isRunning = () => Boolean(child && child.exitCode === null && child.signalCode === null);

  const instance: Instance = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: () => (isRunning() ? (child?.pid ?? null) : null),
    running: isRunning,
    async start(override = {}) {
      if (isRunning()) throw new Error(`instance ${name} is already running`);
      const started = spawnGuarded(
        process.execPath,
        // pnpm start's flags (apps/server/bin/start.sh), for the default LIVE_MAX_STREAMS.
        ['--max-semi-space-size=4', '--max-old-space-size=221', bundle],
        {
          cwd: serverRoot,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...instanceEnv(port), ...env, ...override },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = started;
      let partial = '';
      started.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) {
          if (!line) continue;
          try {
            lines.push(JSON.parse(line) as LogLine);
          } catch {
            output += `${line}\n`;
          }
        }
      });
      started.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      await until(
        async () => (await fetch(`${instance.url}/readyz`, { signal: AbortSignal.timeout(2000) })).status === 200,
        `instance ${name} on ${port}`,
        60_000,
        () => (started.exitCode !== null ? `exited with ${started.exitCode}:\n${output.slice(-4000)}` : null),
      );
    },
    stop: (signal = 'SIGTERM', graceMs = 20_000) => end(child, signal, graceMs),
    kill: async () => void (await end(child, 'SIGKILL')),
    logs: (since = 0) => lines.slice(since),
    logCount: () => lines.length,
    requestLines: (reqId) => lines.filter((line) => line.reqId === reqId),
    output: () => output,
  };
  return instance;
}
