/**
 * Mastodon's streaming API against the real server (`startServer`: its upgrade hook and shutdown
 * included): masto.js's WebSocket client, a raw WebSocket, and a raw server-sent-event reader
 * receive a followee's and their own statuses and deletions; bad tokens and scopes are refused; a
 * stream ends with its session (logout, a revoked OAuth token) and with the server.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createMiniterClient } from '@miniter/api/client';
import { createTestDatabase, testDialects, useTestDatabase } from '@miniter/db/testing';
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { openEvents, until } from '../event-stream.ts';
import { testAuth } from '../helpers.ts';

const redirectUri = 'https://app.example/callback';

const serverFor = (databaseUrl: string, logLines?: string[]) =>
  startServer(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: testAuth.jwtSecret,
      BCRYPT_COST: '4',
      RATE_LIMIT_ENABLED: 'false',
    }),
    ...(logLines ? [pino({ level: 'info' }, { write: (line: string) => logLines.push(line) })] : []),
  );

const wsUrl = (url: string) => url.replace(/^http/, 'ws');

/** A raw WebSocket and the messages it got, parsed. */
async function openSocket(url: string, options: WebSocket.ClientOptions & { protocols?: string[] } = {}) {
  const { protocols, ...rest } = options;
  const ws = new WebSocket(url, protocols, rest);
  const messages: Array<Record<string, unknown>> = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = once(ws, 'close').then(([code]) => code as number);
  await once(ws, 'open');
  return { ws, messages, closed };
}

/** What a handshake that is refused answers: its status and body. */
async function refusedSocket(url: string, options: WebSocket.ClientOptions & { protocols?: string[] } = {}) {
  const { protocols, ...rest } = options;
  const ws = new WebSocket(url, protocols, rest);
  // (Its own error when it is cut off unopened: expected here.)
  ws.on('error', () => {});
  const [, res] = (await once(ws, 'unexpected-response')) as [unknown, import('node:http').IncomingMessage];
  let body = '';
  for await (const chunk of res) body += chunk;
  ws.terminate();
  return { status: res.statusCode, body: JSON.parse(body) as unknown };
}

describe.each(testDialects())('Mastodon streaming on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  let server: RunningServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    server = await serverFor(db().databaseUrl, logLines);
  });
  afterAll(() => server?.close());
  // The database is emptied before each test: the hub is to notice before a stream opens.
  beforeEach(() => server.live.wake());
  // Whatever a test opened, the hub holds nothing once its clients have gone.
  afterEach(async () => {
    await until(() => (server.live.stats().streams ? undefined : true), 3000).catch(() => {});
    expect(server.live.stats()).toEqual({ streams: 0, indexed: 0, users: 0, authors: 0, queued: 0 });
  });

  const trpc = (token?: string) => createMiniterClient({ url: `${server.url}/trpc`, ...(token ? { token } : {}) });
  let users = 0;
  async function signUp() {
    const username = `streamer${++users}`;
    const email = `${username}@example.com`;
    const user = await trpc().auth.signUp.mutate({
      name: `Streamer ${users}`,
      username,
      email,
      password: 'password123',
    });
    const { accessToken } = await trpc().auth.login.mutate({ email, password: 'password123' });
    return { user, token: accessToken, masto: createRestAPIClient({ url: server.url, accessToken }) };
  }

  /** A reader who follows an author: the author's statuses and the reader's own reach the reader. */
  async function readerAndAuthor() {
    const [reader, author] = [await signUp(), await signUp()];
    await trpc(reader.token).follow.follow.mutate({ userId: author.user.id });
    return { reader, author };
  }

  /** A status posted with masto.js, as it has it (in camel case). */
  const post = (poster: Awaited<ReturnType<typeof signUp>>, text: string) =>
    poster.masto.v1.statuses.create({ status: text });

  /** A status posted over plain HTTP, as Mastodon's JSON. */
  async function postRaw(poster: Awaited<ReturnType<typeof signUp>>, text: string) {
    const res = await fetch(`${server.url}/api/v1/statuses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${poster.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: text }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { id: string } & Record<string, unknown>;
  }

  it('answers its health check', async () => {
    const res = await fetch(`${server.url}/api/v1/streaming/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('OK');
    // Mastodon's hostname discovery: a plain GET of the WebSocket's path is 404 when streaming is on this host.
    expect((await fetch(`${server.url}/api/v1/streaming`)).status).toBe(404);
  });

  it('carries updates and deletions to masto.js’s streaming client', async () => {
    const { reader, author } = await readerAndAuthor();
    const stranger = await signUp();
    const streaming = createStreamingAPIClient({
      streamingApiUrl: wsUrl(server.url),
      accessToken: reader.token,
      retry: false,
    });
    try {
      await streaming.prepare();
      const events = streaming.user.subscribe()[Symbol.asyncIterator]();
      const received: mastodon.streaming.Event[] = [];
      // Starting the iterator sends the subscription; it is the server's a moment later.
      let next = events.next();
      await new Promise((r) => setTimeout(r, 200));
      const take = async () => {
        const { value } = await next;
        next = events.next();
        received.push(value);
        return value;
      };

      const theirs = await post(author, 'from a followee');
      await post(stranger, 'from a stranger');
      const mine = await post(reader, 'my own');
      expect(await take()).toEqual({ stream: ['user'], event: 'update', payload: theirs });
      expect(await take()).toEqual({ stream: ['user'], event: 'update', payload: mine });
      // The Status the reader's own REST client reads.
      expect(received[0]?.payload).toEqual(await reader.masto.v1.statuses.$select(theirs.id).fetch());

      await author.masto.v1.statuses.$select(theirs.id).remove();
      expect(await take()).toEqual({ stream: ['user'], event: 'delete', payload: theirs.id });
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toHaveLength(3);
    } finally {
      streaming.close();
    }
  });

  it('serves a raw WebSocket: the token by header, protocol or parameter; ?stream, subscribe and unsubscribe', async () => {
    const { reader, author } = await readerAndAuthor();
    const url = `${wsUrl(server.url)}/api/v1/streaming`;
    const byHeader = await openSocket(`${url}?stream=user`, { headers: { authorization: `Bearer ${reader.token}` } });
    const byProtocol = await openSocket(url, { protocols: [reader.token] });
    // The protocol it offered is the one accepted, as masto.js and browsers require.
    expect(byProtocol.ws.protocol).toBe(reader.token);
    const byParameter = await openSocket(`${url}?access_token=${reader.token}`);
    byProtocol.ws.send(JSON.stringify({ type: 'subscribe', stream: 'user' }));
    byParameter.ws.send(JSON.stringify({ type: 'subscribe', stream: 'user' }));
    byParameter.ws.send(JSON.stringify({ type: 'subscribe', stream: 'user:notification' }));
    byParameter.ws.send(JSON.stringify({ type: 'subscribe', stream: 'no-such-stream' }));
    await until(() => (byParameter.messages.length ? true : undefined));
    expect(byParameter.messages).toEqual([{ error: 'Unknown stream type', status: 400 }]);
    byParameter.messages.length = 0;
    await new Promise((r) => setTimeout(r, 100));

    const status = await postRaw(author, 'to three sockets');
    const update = { stream: ['user'], event: 'update', payload: JSON.stringify(status) };
    for (const socket of [byHeader, byProtocol, byParameter]) {
      await until(() => (socket.messages.length ? true : undefined));
      const [message] = socket.messages;
      expect({ ...message, payload: JSON.parse(String(message?.payload)) }).toEqual({ ...update, payload: status });
    }

    byProtocol.ws.send(JSON.stringify({ type: 'unsubscribe', stream: 'user' }));
    await new Promise((r) => setTimeout(r, 100));
    await author.masto.v1.statuses.$select(status.id).remove();
    const deletion = { stream: ['user'], event: 'delete', payload: status.id };
    await until(() => (byHeader.messages.length === 2 ? true : undefined));
    expect(byHeader.messages[1]).toEqual(deletion);
    await until(() => (byParameter.messages.length === 2 ? true : undefined));
    expect(byParameter.messages[1]).toEqual(deletion);
    await new Promise((r) => setTimeout(r, 200));
    expect(byProtocol.messages).toHaveLength(1);
    // One stream in the hub per connection.
    expect(server.live.stats().streams).toBe(3);
    for (const socket of [byHeader, byProtocol, byParameter]) socket.ws.close();
  });

  it('sends server-sent events at /api/v1/streaming/user, with Mastodon’s framing', async () => {
    const { reader, author } = await readerAndAuthor();
    const stream = await openEvents(`${server.url}/api/v1/streaming/user`, { authorization: `Bearer ${reader.token}` });
    const byParameter = await openEvents(`${server.url}/api/v1/streaming/user?access_token=${reader.token}`);
    const notifications = await openEvents(`${server.url}/api/v1/streaming/user/notification`, {
      authorization: `Bearer ${reader.token}`,
    });
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toBe('text/event-stream');

    const theirs = await postRaw(author, 'from a followee, over SSE');
    const mine = await postRaw(reader, 'my own, over SSE');
    // (A status deleted before the hub reads it would come as its deletion alone.)
    for (const reading of [stream, byParameter]) await until(() => (reading.events.length === 2 ? true : undefined));
    await author.masto.v1.statuses.$select(theirs.id).remove();
    for (const reading of [stream, byParameter]) {
      await until(() => (reading.events.length === 3 ? true : undefined));
      expect(
        reading.events.map(({ event, data }) => ({ event, data: event === 'update' ? JSON.parse(data) : data })),
      ).toEqual([
        { event: 'update', data: theirs },
        { event: 'update', data: mine },
        { event: 'delete', data: theirs.id },
      ]);
      expect(reading.comments[0]).toBe(')');
    }
    expect(notifications.res.status).toBe(200);
    expect(notifications.events).toEqual([]);
    for (const reading of [stream, byParameter, notifications]) reading.close();
    // A token in the URL stays out of the request log.
    await until(() => (logLines.some((line) => line.includes('access_token=')) ? true : undefined));
    expect(logLines.join('\n')).toContain('access_token=[redacted]');
    expect(logLines.join('\n')).not.toContain(reader.token);
  });

  it('refuses a bad token, over HTTP and at the handshake, with Mastodon’s 401', async () => {
    const unauthorized = { error: 'The access token is invalid' };
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }]) {
      const res = await fetch(`${server.url}/api/v1/streaming/user`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(unauthorized);
    }
    const url = `${wsUrl(server.url)}/api/v1/streaming`;
    expect(await refusedSocket(url)).toEqual({ status: 401, body: unauthorized });
    expect(await refusedSocket(url, { protocols: ['not-a-token'] })).toEqual({ status: 401, body: unauthorized });
    expect(await refusedSocket(`${url}?access_token=nope`)).toEqual({ status: 401, body: unauthorized });
    // Another path is no WebSocket.
    expect((await refusedSocket(`${wsUrl(server.url)}/api/v1/elsewhere`)).status).toBe(404);
  });

  it('keeps to the hub’s caps: past a user’s streams, 429 over HTTP and at the handshake', async () => {
    const { reader } = await readerAndAuthor();
    const url = `${wsUrl(server.url)}/api/v1/streaming`;
    // The server's default, LIVE_MAX_STREAMS_PER_USER.
    const sockets = await Promise.all(Array.from({ length: 10 }, () => openSocket(url, { protocols: [reader.token] })));
    const tooMany = { error: 'Too many requests' };
    expect(await refusedSocket(url, { protocols: [reader.token] })).toEqual({ status: 429, body: tooMany });
    const res = await fetch(`${server.url}/api/v1/streaming/user`, {
      headers: { authorization: `Bearer ${reader.token}` },
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual(tooMany);
    for (const socket of sockets) socket.ws.close();
  });

  it('ends the WebSocket and the event stream when their session ends (logout)', async () => {
    const { reader } = await readerAndAuthor();
    const socket = await openSocket(`${wsUrl(server.url)}/api/v1/streaming?stream=user`, { protocols: [reader.token] });
    const events = await openEvents(`${server.url}/api/v1/streaming/user`, { authorization: `Bearer ${reader.token}` });
    await until(() => (server.live.stats().streams === 2 ? true : undefined));
    const started = Date.now();
    await trpc(reader.token).auth.logout.mutate();
    expect(await socket.closed).toBe(3000);
    await events.ended;
    expect(Date.now() - started).toBeLessThan(3000);
    // And the token opens nothing more.
    expect((await refusedSocket(`${wsUrl(server.url)}/api/v1/streaming`, { protocols: [reader.token] })).status).toBe(
      401,
    );
  });

  it('holds an OAuth token to read:statuses, and ends its streams when it is revoked', async () => {
    const reader = await signUp();
    const apps = createRestAPIClient({ url: server.url });
    const app = await apps.v1.apps.create({ clientName: 'Streamer', redirectUris: redirectUri, scopes: 'read write' });
    const oauth = createOAuthAPIClient({ url: server.url });
    async function tokenWith(scope: string) {
      const verifier = randomBytes(32).toString('base64url');
      const { code } = await trpc(reader.token).oauth.authorize.mutate({
        clientId: app.clientId ?? '',
        redirectUri,
        scope,
        codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
        codeChallengeMethod: 'S256',
      });
      const token = await oauth.token.create({
        grantType: 'authorization_code',
        clientId: app.clientId ?? '',
        clientSecret: app.clientSecret ?? '',
        redirectUri,
        code: code ?? '',
        ...({ codeVerifier: verifier } as object),
      });
      return token.accessToken;
    }

    const writeOnly = await tokenWith('write');
    const res = await fetch(`${server.url}/api/v1/streaming/user`, {
      headers: { authorization: `Bearer ${writeOnly}` },
    });
    expect(res.status).toBe(403);
    expect((await refusedSocket(`${wsUrl(server.url)}/api/v1/streaming`, { protocols: [writeOnly] })).status).toBe(403);

    const read = await tokenWith('read');
    const socket = await openSocket(`${wsUrl(server.url)}/api/v1/streaming?stream=user`, { protocols: [read] });
    const events = await openEvents(`${server.url}/api/v1/streaming/user?access_token=${read}`);
    await until(() => (server.live.stats().streams === 2 ? true : undefined));
    await oauth.revoke({ clientId: app.clientId ?? '', clientSecret: app.clientSecret ?? '', token: read });
    expect(await socket.closed).toBe(3000);
    await events.ended;
  });
});

describe('Mastodon streaming at shutdown', () => {
  it('closes its WebSockets and event streams, subscribed or not, without waiting on them', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const server = await serverFor(db.databaseUrl);
      const api = createMiniterClient({ url: `${server.url}/trpc` });
      await api.auth.signUp.mutate({ name: 'Last', email: 'last@example.com', password: 'password123' });
      const { accessToken } = await api.auth.login.mutate({ email: 'last@example.com', password: 'password123' });
      const url = `${wsUrl(server.url)}/api/v1/streaming`;
      const subscribed = await openSocket(`${url}?stream=user`, { protocols: [accessToken] });
      const idle = await openSocket(url, { protocols: [accessToken] });
      // A client that never answers a close: shutdown cuts it off rather than wait.
      const deaf = await openSocket(url, { protocols: [accessToken] });
      deaf.ws.pause();
      const events = await openEvents(`${server.url}/api/v1/streaming/user`, {
        authorization: `Bearer ${accessToken}`,
      });
      const started = Date.now();
      await server.close();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(await subscribed.closed).toBe(1001);
      expect(await idle.closed).toBe(1001);
      deaf.ws.resume();
      await deaf.closed;
      await events.ended;
      expect(server.live.stats().streams).toBe(0);
    } finally {
      await db.close();
    }
  });
});
