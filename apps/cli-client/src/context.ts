/** What every command works with: the server, its clients, the stored session, and the terminal. */
import { createMiniterClient, type MiniterClient } from '@miniter/api/client';
import type { Command } from 'commander';
import { createColors } from 'picocolors';
import { type Credentials, loadCredentials } from './credentials.ts';
import { CliError, describeError } from './errors.ts';
import type { Colors, RenderOptions } from './format.ts';

export const defaultServer = 'http://localhost:4000';
/** A server that does not answer at all fails within this, not after the OS's long TCP timeout. */
const requestTimeoutMs = 5000;

export interface Cli extends RenderOptions {
  server: string;
  colors: Colors;
  json: boolean;
  print(text: string): void;
  anonymous: MiniterClient;
  /**
   * For public reads that say what you liked: with the stored session when there is one, else
   * anonymous. A session the server no longer accepts leaves such a read anonymous, not refused.
   */
  reader(): MiniterClient;
  /** The stored session for this server; CliError when there is none. */
  session(): { api: MiniterClient; credentials: Credentials };
}

export interface GlobalOptions {
  server?: string;
  json?: boolean;
}

export function resolveServer(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = flag || env.MINITER_URL || defaultServer;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`invalid server URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`invalid server URL: ${raw}`);
  return url.toString().replace(/\/+$/, '');
}

/**
 * `fetch` with a deadline. A call must be answered whole within it; a stream of server-sent events
 * (`timeline --follow`) only has to start within it, and then stays open as long as it runs.
 *
 * A stream also gets a connection of its own, closed with it: when the server ends a stream because
 * it is shutting down, the stream's resumption then goes wherever a new connection goes (the server
 * once restarted, another instance), not back over a kept-alive socket to the server going away.
 */
function fetchWithTimeout(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
  const signals = init?.signal ? [init.signal] : [];
  const headers = new Headers(init?.headers);
  if (headers.get('accept') !== 'text/event-stream') {
    return fetch(input, { ...init, signal: AbortSignal.any([...signals, AbortSignal.timeout(requestTimeoutMs)]) });
  }
  headers.set('connection', 'close');
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException('The server did not answer in time', 'TimeoutError')),
    requestTimeoutMs,
  );
  return fetch(input, { ...init, headers, signal: AbortSignal.any([...signals, deadline.signal]) }).finally(() =>
    clearTimeout(timer),
  );
}

function clientFor(server: string, token?: string): MiniterClient {
  return createMiniterClient({ url: `${server}/trpc`, token, fetch: fetchWithTimeout });
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function createCli(options: GlobalOptions): Cli & { usedSession: boolean } {
  const server = resolveServer(options.server);
  let reader: MiniterClient | undefined;
  const cli = {
    server,
    colors: createColors(useColor(process.stdout.isTTY)),
    json: options.json ?? false,
    width: process.stdout.columns || 80,
    print: (text: string) => {
      process.stdout.write(`${text}\n`);
    },
    anonymous: clientFor(server),
    usedSession: false,
    reader() {
      reader ??= clientFor(server, loadCredentials(server)?.token);
      return reader;
    },
    session() {
      const credentials = loadCredentials(server);
      if (!credentials) throw new CliError(`You are not logged in to ${server}: run \`miniter login\``);
      cli.usedSession = true;
      return { api: clientFor(server, credentials.token), credentials };
    },
  };
  return cli;
}

/**
 * Wraps a command's action: builds its context from the global options and turns any failure
 * into one readable CliError line.
 */
export function action<A extends unknown[]>(run: (cli: Cli, ...args: A) => Promise<void>) {
  return async function (this: Command, ...args: A) {
    const cli = createCli(this.optsWithGlobals<GlobalOptions>());
    try {
      await run(cli, ...args);
    } catch (error) {
      throw new CliError(describeError(error, cli.server, cli.usedSession));
    }
  };
}
