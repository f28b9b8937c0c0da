/**
 * Stored sessions: `$XDG_CONFIG_HOME/miniter/credentials.json` (default `~/.config/miniter/`),
 * one entry per server URL, readable by the owner only.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Credentials {
  token: string;
  userId: number;
  name: string;
  email: string;
  expiresAt: string;
}

type Store = Record<string, Credentials>;

export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'miniter', 'credentials.json');
}

function readStore(path: string): Store {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Store;
  } catch {
    return {};
  }
}

function writeStore(path: string, store: Store) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Write then rename: a crash never leaves a half-written file, and the mode is set before
  // the token is in it.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  if (Object.keys(store).length === 0) rmSync(path, { force: true });
}

export function loadCredentials(server: string, path = credentialsPath()): Credentials | undefined {
  return readStore(path)[server];
}

export function saveCredentials(server: string, credentials: Credentials, path = credentialsPath()) {
  writeStore(path, { ...readStore(path), [server]: credentials });
}

/** Forgets the session for `server`; true when there was one. */
export function removeCredentials(server: string, path = credentialsPath()): boolean {
  const { [server]: removed, ...rest } = readStore(path);
  if (removed) writeStore(path, rest);
  return removed !== undefined;
}
