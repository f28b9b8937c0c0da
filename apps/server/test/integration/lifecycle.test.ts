import { once } from 'node:events';
import { Agent, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMiniterClient } from '@miniter/api/client';
import { User } from '@miniter/db';
import { createTestDatabase, testDialects } from '@miniter/db/testing';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server.ts';
import { localMedia, testAuth, testUploads } from '../helpers.ts';

/** A server whose sign-ups are slow on purpose: one is still running when shutdown starts. */
const slowServer = (databaseUrl: string) =>
  startServer(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: testAuth.jwtSecret,
      BCRYPT_COST: '12',
    }),
  );

describe('server lifecycle', () => {
  it('finishes in-flight requests on shutdown, then stops listening', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const server = await slowServer(db.databaseUrl);
      const api = createMiniterClient({ url: `${server.url}/trpc` });
      const inFlight = api.auth.signUp.mutate({ name: 'late', email: 'late@example.com', password: 'password123' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await server.close();
      expect(await inFlight).toMatchObject({ name: 'late' });
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    } finally {
      await db.close();
    }
  });

  it('closes a kept-alive connection once the answer in flight is out', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const server = await slowServer(db.databaseUrl);
      const agent = new Agent({ keepAlive: true });
      const body = JSON.stringify({ name: 'late', email: 'late@example.com', password: 'password123' });
      const answer = new Promise<IncomingMessage>((resolve, reject) => {
        const req = request(`${server.url}/trpc/auth.signUp`, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        });
        req.on('response', resolve).on('error', reject).end(body);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closed = server.close();
      const res = await answer;
      res.resume();
      expect(res.statusCode).toBe(200);
      expect(res.headers.connection).toBe('close');
      // Nothing holds the server: it stops well before any deadline.
      await closed;
      agent.destroy();
    } finally {
      await db.close();
    }
  });
});

describe.each(testDialects())('internal errors on %s', (dialect) => {
  it('reach the client as a generic message with a request id; the log has the real error', async () => {
    const db = await createTestDatabase(dialect);
    const logLines: string[] = [];
    const app = createApp({
      orm: db.orm,
      auth: testAuth,
      uploads: testUploads,
      media: localMedia('http://127.0.0.1'),
      logger: pino({ level: 'error' }, { write: (line: string) => logLines.push(line) }),
    });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const em = db.orm.em.fork();
      const user = em.create(User, { name: 'a', username: 'a', email: 'a@example.com', hashedPassword: 'x' });
      await em.flush();
      // Break the schema under the running app: the query fails inside the driver. (A table no
      // foreign key names: MySQL would refuse to drop `tweets`.)
      await em.getConnection().execute('drop table tweet_stats');
      const { port } = server.address() as AddressInfo;
      const input = encodeURIComponent(JSON.stringify({ userId: user.id }));
      const res = await fetch(`http://127.0.0.1:${port}/trpc/tweet.byAuthor?input=${input}`);
      const body = await res.text();
      expect(res.status).toBe(500);
      const error = JSON.parse(body).error;
      expect(error.message).toBe('Internal server error');
      expect(body).not.toMatch(/tweets|tweet_stats|select|sql|stack|\.ts|node_modules/i);
      const requestId = res.headers.get('x-request-id');
      expect(error.data.requestId).toBe(requestId);
      const logged = logLines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'procedure failed');
      expect(logged).toMatchObject({ reqId: requestId, path: 'tweet.byAuthor' });
      expect(JSON.stringify(logged.err)).toMatch(/tweet_stats/);
      // The request's own line follows once the response is out; a client's sane id is kept.
      await expect.poll(() => logLines.some((line) => line.includes('request completed'))).toBe(true);
      const completed = logLines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request completed');
      expect(completed).toMatchObject({ level: 50, reqId: requestId, res: { statusCode: 500 } });
      expect(completed.req).toMatchObject({ method: 'GET', url: `/trpc/tweet.byAuthor?input=${input}` });
      const own = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { 'x-request-id': 'client-id-1234' } });
      expect(own.headers.get('x-request-id')).toBe('client-id-1234');
    } finally {
      server.close();
      await db.close();
    }
  });
});
