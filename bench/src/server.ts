/**
 * The server under test, started as a user starts it: `pnpm start` at the repository root, in
 * production mode, in its own process group. Its resident memory is sampled from /proc, of each
 * Node process that runs `dist/main.js` (found among pnpm's descendants: the cluster's primary and
 * its workers, or the one process with WORKERS=1), not of the pnpm wrapper; `treePeakRss` adds up
 * the peaks of the whole tree, pnpm included.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerOptions {
  databaseUrl: string;
  jwtSecret: string;
  bcryptCost: number;
  /** Server processes (`WORKERS`); unset: the server's default, one per core. */
  workers?: number;
  /**
   * Open files (`RLIMIT_NOFILE`) for the server: it is then started through `sh -c 'ulimit -n …'`,
   * falling back to the hard limit it inherits where it may not raise that.
   */
  fileLimit?: number;
  /** More environment for the server (`LIVE_MAX_STREAMS`, …). */
  env?: Record<string, string>;
  /** Ports to listen on, first and last (`--ports`); unset: one the system picks. */
  ports?: readonly [number, number];
}

export interface ServerProcess {
  url: string;
  /** The process that takes SIGTERM: the cluster's primary, or the only one. */
  pid: number;
  /** Processes serving requests: the cluster's workers, or the one process. */
  workers: number;
  /** Peak resident set size (MiB) of any one server process since the last `resetPeak`, and since start. */
  peakRss(): { sinceReset: number; overall: number };
  resetPeak(): void;
  /** The resident set size (MiB) of the largest server process now. */
  rss(): number;
  /**
   * The peak resident set size (VmHWM, MiB) of every process `pnpm start` left running (pnpm, any
   * shell, the server's processes), and their sum: what the machine gives the server.
   */
  treePeakRss(): { total: number; processes: { command: string; peakMiB: number }[] };
  /** The soft limit of open files of the serving process(es) (the lowest if several). */
  fileLimit(): number;
  /** `pnpm start`'s exit code once it has exited (the server crashed or stopped), else null. */
  exitCode(): number | null;
  /** What the server has written to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const port = await freePort(options.ports);
  const [command, args] = options.fileLimit
    ? ['sh', ['-c', `ulimit -n ${options.fileLimit} 2>/dev/null || ulimit -Sn "$(ulimit -Hn)"; exec pnpm start`]]
    : ['pnpm', ['start']];
  const child = spawn(command, args, {
    cwd: repoRoot,
    detached: true,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      JWT_SECRET: options.jwtSecret,
      BCRYPT_COST: String(options.bcryptCost),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_ENABLED: 'false',
      ...(options.workers ? { WORKERS: String(options.workers) } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server's own warnings and errors (pino JSON) are passed on; pnpm's banner lines are not.
  let output = '';
  const forward = (chunk: Buffer) => {
    output += chunk;
    for (const line of String(chunk).split('\n')) {
      if (line.trim() && !/^\$ /.test(line)) process.stderr.write(`[server] ${line}\n`);
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(child, url, () => output);
  let pids = serverPids(child.pid as number);
  // The primary is the one whose parent is not a server process.
  const pid = pids.find((p) => !pids.includes(parentOf(p))) as number;

  let overall = 0;
  let sinceReset = 0;
  let samples = 0;
  const current = () => Math.max(0, ...pids.map(residentMiB));
  const sample = () => {
    // Workers may be replaced: the list is read again every second. None left: the server is gone.
    if (++samples % 10 === 0) {
      try {
        pids = serverPids(child.pid as number);
      } catch {
        pids = [];
      }
    }
    const rss = current();
    overall = Math.max(overall, rss);
    sinceReset = Math.max(sinceReset, rss);
  };
  sample();
  const sampler = setInterval(sample, 100);
  return {
    url,
    pid,
    workers: pids.length > 1 ? pids.length - 1 : 1,
    peakRss: () => ({ sinceReset, overall }),
    resetPeak() {
      sinceReset = current();
    },
    rss: current,
    treePeakRss() {
      const processes = [child.pid as number, ...descendants(child.pid as number)].map((p) => ({
        command: commandOf(p),
        peakMiB: statusMiB(p, 'VmHWM'),
      }));
      return { total: processes.reduce((sum, p) => sum + p.peakMiB, 0), processes };
    },
    fileLimit: () => Math.min(...pids.map((p) => openFilesLimit(p).soft)),
    exitCode: () => child.exitCode,
    output: () => output,
    async stop() {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      // The server shuts down on SIGTERM and pnpm exits after it; the whole group goes if it hangs.
      const exited = once(child, 'exit');
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0; // gone meanwhile
  }
}

/** Every process under `root`. */
function descendants(root: number): number[] {
  const processes = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
  const parents = new Map(processes.map((pid) => [pid, parentOf(pid)]));
  const descends = (pid: number): boolean => pid === root || (pid > 1 && descends(parents.get(pid) ?? 0));
  return processes.filter((pid) => pid !== root && descends(pid));
}

/** A process's command line, its words joined; empty once it is gone. */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The descendants of `root` that run the server's entry point. */
function serverPids(root: number): number[] {
  const found = descendants(root).filter((pid) => {
    const argv = commandOf(pid).split(' ');
    return /(^|\/)node$/.test(argv[0] ?? '') && argv.some((arg) => arg.endsWith('dist/main.js'));
  });
  if (!found.length) throw new Error(`no Node process running dist/main.js under pnpm (pid ${root})`);
  return found;
}

/** A process's limits of open files (`/proc/<pid>/limits`); 0 once it is gone. */
export function openFilesLimit(pid: number | 'self'): { soft: number; hard: number } {
  try {
    const limits = readFileSync(`/proc/${pid}/limits`, 'utf8');
    const [, soft, hard] = /^Max open files\s+(\S+)\s+(\S+)/m.exec(limits) ?? [];
    const value = (v: string | undefined) => (v === 'unlimited' ? Number.POSITIVE_INFINITY : Number(v ?? 0));
    return { soft: value(soft), hard: value(hard) };
  } catch {
    return { soft: 0, hard: 0 };
  }
}

/**
 * Raises this process's limit of open files to `wanted` (soft and, if need be, hard), as far as
 * Linux lets it: Node raises its own soft limit to the hard one at start, but only a privileged
 * process (root, CAP_SYS_RESOURCE) may raise the hard one, which `prlimit` does here. The servers
 * started afterwards inherit it. Returns the limits now in force.
 */
export function raiseFileLimit(wanted: number): { soft: number; hard: number } {
  const now = openFilesLimit('self');
  if (now.soft >= wanted) return now;
  const hard = Math.max(wanted, now.hard);
  try {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${wanted}:${hard}`], { stdio: 'ignore' });
  } catch {
    // Not privileged, or no prlimit (util-linux): what Node set at start stays.
  }
  return openFilesLimit('self');
}

/** A size of a process's `/proc/<pid>/status` (VmRSS: resident now; VmHWM: its peak), in MiB; 0 once it is gone. */
function statusMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status)?.[1] ?? 0);
    return kib / 1024;
  } catch {
    return 0;
  }
}

const residentMiB = (pid: number) => statusMiB(pid, 'VmRSS');

async function waitUntilUp(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}) before it was up:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server was not up within 60 s:\n${output()}`);
}

/** A port nothing listens on: one the system picks, or one of `range` (from a random place in it). */
async function freePort(range?: readonly [number, number]): Promise<number> {
  if (!range) return listenable(0);
  const [first, last] = range;
  const size = last - first + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = first + ((start + i) % size);
    try {
      return await listenable(port);
    } catch {
      // taken: the next one
    }
  }
  throw new Error(`no free port in ${first}–${last}`);
}

/** Listens on `port` (0: any) for a moment, and answers the port it got. */
async function listenable(port: number): Promise<number> {
  const probe = createServer();
  probe.listen(port, '127.0.0.1');
  // Rejects with the 'error' (EADDRINUSE) emitted instead.
  await once(probe, 'listening');
  const address = probe.address();
  const got = typeof address === 'object' && address ? address.port : 0;
  probe.close();
  await once(probe, 'close');
  return got;
}
