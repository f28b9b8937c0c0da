/**
 * Graceful drain, on the real server process: on SIGTERM /readyz turns 503 at once while every
 * request is still served for DRAIN_DELAY (for a load balancer to notice), then the server stops
 * accepting and exits 0. Alone and as a cluster (whose primary serves the workers' metrics summed).
 * Every log line names the instance, and every line of a request its id.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, get } from 'node:http';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { testAuth } from '../helpers.ts';

const drainDelayMs = 2000;

interface LogLine {
  pid: number;
  msg: string;
  instance?: string;
  reqId?: string;
  url?: string;
  metrics?: string;
}

/** The server itself, not the pnpm wrapper: its own exit code is what is checked. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../src/main.ts', import.meta.url))], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let log = '';
  const listening = new Promise<LogLine>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk;
      const line = log.split('\n').find((l) => l.includes('"msg":"Miniter is listening"'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${log}`)));
  });
  const lines = () =>
    log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  return { child, listening, lines };
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The status of a GET on a connection of `agent` (kept alive across calls). */
const statusVia = (agent: Agent, url: string) =>
  new Promise<number>((resolve, reject) => {
    get(url, { agent }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });

describe.each([1, 2])('drain with WORKERS=%i', (workers) => {
  it('answers 503 on /readyz while still serving, then refuses and exits 0', { timeout: 60_000 }, async () => {
    const db = await createTestDatabase('sqlite');
    let child: ChildProcess | undefined;
    try {
      const server = startMain({
        PORT: '0',
        METRICS_PORT: '0',
        WORKERS: String(workers),
        DRAIN_DELAY: `${drainDelayMs / 1000}s`,
        DATABASE_URL: db.databaseUrl,
        JWT_SECRET: testAuth.jwtSecret,
        BCRYPT_COST: '10',
        RATE_LIMIT_ENABLED: 'false',
      });
      child = server.child;
      const { url = '', metrics = '', pid } = await server.listening;
      const account = { email: 'kim@example.com', password: 'password123' };
      const signUp = await post(`${url}/trpc/auth.signUp`, { name: 'kim', ...account });
      const { id: userId } = ((await signUp.json()) as { result: { data: { id: number } } }).result.data;
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      // A connection opened before the signal, kept alive through the drain.
      const agent = new Agent({ keepAlive: true });
      expect(await statusVia(agent, `${url}/healthz`)).toBe(200);

      const signalled = performance.now();
      child.kill('SIGTERM');
      await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { interval: 50 }).toBe(503);
      const readyz = await fetch(`${url}/readyz`);
      expect(await readyz.json()).toMatchObject({ status: 'draining', database: { ready: true } });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const ping = await fetch(`${url}/trpc/health.ping`, { headers: { 'x-request-id': 'drain-test-0001' } });
      expect(ping.status).toBe(200);
      const input = encodeURIComponent(JSON.stringify({ userId }));
      const profile = await fetch(`${url}/trpc/user.byId?input=${input}`);
      expect(await profile.json()).toMatchObject({ result: { data: { id: userId, name: 'kim' } } });
      expect((await post(`${url}/trpc/auth.login`, account)).status).toBe(200);
      expect(await statusVia(agent, `${url}/healthz`)).toBe(200);
      if (workers > 1) {
        // The primary still serves the workers' metrics, summed under the one instance.
        const text = await (await fetch(metrics)).text();
        expect(text).toMatch(/miniter_http_request_duration_seconds_count\{[^}]*route="\/trpc\/health\.ping"[^}]*\} 1/);
        expect(text).toContain(`instance="${hostname()}:${pid}"`);
      }
      expect(performance.now() - signalled).toBeLessThan(drainDelayMs);

      await new Promise((resolve) => setTimeout(resolve, drainDelayMs - (performance.now() - signalled) + 300));
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
      const [code] = child.exitCode === null ? await once(child, 'exit') : [child.exitCode];
      const exitedAfter = performance.now() - signalled;
      agent.destroy();
      expect(code).toBe(0);
      expect(exitedAfter).toBeGreaterThanOrEqual(drainDelayMs);
      expect(exitedAfter).toBeLessThan(drainDelayMs + 10_000);

      const lines = server.lines();
      expect(lines.map((l) => l.msg)).toContain('draining: /readyz answers 503, still serving');
      expect(lines.filter((l) => l.msg === 'stopped')).toHaveLength(workers);
      // Every line names the instance: the primary's default name, in its workers too.
      for (const line of lines) expect(line.instance).toBe(`${hostname()}:${pid}`);
      const requests = lines.filter((l) => l.msg === 'request completed');
      expect(requests.length).toBeGreaterThanOrEqual(5);
      for (const line of requests) expect(line.reqId).toMatch(/^[\w.-]{8,64}$/);
      expect(requests.map((l) => l.reqId)).toContain('drain-test-0001');
    } finally {
      child?.kill('SIGKILL');
      await db.close();
    }
  });
});
