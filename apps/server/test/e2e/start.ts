/** The server as a user runs it: the README's start command (`pnpm start` at the repository root). */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the base URL once the server logs that it listens. */
  listening: Promise<string>;
}

export function startServerProcess(env: Record<string, string>): ServerProcess {
  // Its own process group, so a signal reaches pnpm and the node process under it alike.
  const child = spawn('pnpm', ['start'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /"url":"(http:[^"]+)"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  listening.catch(() => {});
  return { child, output: () => output, listening };
}
