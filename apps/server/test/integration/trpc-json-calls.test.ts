/**
 * /trpc answers plain JSON calls itself (trpc-json-calls.ts): every answer must be the one tRPC's
 * own express adapter gives, byte for byte, on the same router and context. Both are mounted on
 * one server over one database; each case is sent to both.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appRouter, createContextInner } from '@miniter/api';
import { useTestDatabase } from '@miniter/db/testing';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trpcHandler } from '../../src/trpc-handler.ts';
import { answerJsonCalls } from '../../src/trpc-json-calls.ts';
import { localMedia, testAuth, testUploads } from '../helpers.ts';

describe('/trpc against tRPC’s own adapter', () => {
  const db = useTestDatabase('sqlite');
  let url = '';
  let close = () => {};
  const failures: string[] = [];

  beforeAll(async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const media = localMedia(url);
    const contextFor = (authorization: string | undefined) =>
      createContextInner({
        orm: db().orm,
        auth: testAuth,
        uploads: testUploads,
        media,
        limiter: null,
        authorization,
        requestId: 'same-id',
      });
    const onError = ({ path }: { path: string | undefined }) => failures.push(path ?? '');
    const app = express();
    app.use(
      '/trpc',
      trpcHandler({
        router: appRouter,
        maxBatchSize: 3,
        createContext: async (req) => contextFor(req.headers.authorization),
        onError,
      }),
    );
    app.use(
      '/reference',
      createExpressMiddleware({
        router: appRouter,
        maxBatchSize: 3,
        createContext: ({ req }) => contextFor(req.headers.authorization),
        onError,
      }),
    );
    // Only the short way, to tell which way a case took: 418 when it declines.
    app.use('/short-way', express.text({ type: () => true }), async (req, res) => {
      const path = req.path.slice(1);
      const options = {
        router: appRouter,
        path,
        maxBatchSize: 3,
        createContext: async () => contextFor(req.headers.authorization),
        onError,
      };
      if (!(await answerJsonCalls(req, res, options))) res.status(418).end();
    });
    server.on('request', app);
    close = () => server.close();
  });
  afterAll(() => close());

  interface Case {
    method?: string;
    /** After the mount point: procedure path(s) and query. */
    target: string;
    headers?: Record<string, string>;
    body?: string;
  }

  async function send(mount: string, { method = 'GET', target, headers = {}, body }: Case) {
    const response = await fetch(`${url}/${mount}/${target}`, { method, headers, body });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      allow: response.headers.get('allow'),
      vary: response.headers.get('vary'),
      body: await response.text(),
    };
  }

  /**
   * Sends the case to both mounts (a function makes it afresh for each, for a call that uses up
   * what it needs); they must answer alike, with the same failures reported, and with `status`;
   * `short` says whether trpc-json-calls.ts answers it (else tRPC's resolveResponse does).
   */
  async function expectSame(name: string, status: number, short: boolean, call: Case | (() => Promise<Case>)) {
    const make = typeof call === 'function' ? call : async () => call;
    failures.length = 0;
    const ours = await send('trpc', await make());
    const oursFailures = failures.splice(0);
    const theirs = await send('reference', await make());
    // A row created by each has its own id and time.
    const created = (body: string) =>
      body.replace(/"id":\d+/g, '"id":0').replace(/"createdAt":"[^"]+"/g, '"createdAt":""');
    expect
      .soft({ ...ours, body: created(ours.body), failures: oursFailures }, name)
      .toEqual({ ...theirs, body: created(theirs.body), failures: failures.splice(0) });
    expect.soft(ours.status, name).toBe(status);
    expect.soft((await send('short-way', await make())).status !== 418, `${name} taken the short way`).toBe(short);
  }

  const json = { 'content-type': 'application/json' };
  const post = (target: string, input: unknown, headers: Record<string, string> = {}): Case => ({
    method: 'POST',
    target,
    headers: { ...json, ...headers },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  const get = (target: string, input?: unknown, headers: Record<string, string> = {}): Case => ({
    target:
      input === undefined
        ? target
        : `${target}${target.includes('?') ? '&' : '?'}input=${encodeURIComponent(JSON.stringify(input))}`,
    headers,
  });

  it('answers every kind of call and refusal as tRPC does', async () => {
    const signUp = (name: string) =>
      send('trpc', post('auth.signUp', { name, email: `${name}@example.com`, password: 'password123' }));
    const alice = JSON.parse((await signUp('alice')).body).result.data;
    const bob = JSON.parse((await signUp('bob')).body).result.data;
    const signIn = async () => {
      const login = await send('trpc', post('auth.login', { email: 'alice@example.com', password: 'password123' }));
      return { authorization: `Bearer ${JSON.parse(login.body).result.data.accessToken}` };
    };
    const bearer = await signIn();
    const alicesId = { userId: alice.id };

    const cases: [string, number, boolean, Case | (() => Promise<Case>)][] = [
      ['a query without input', 200, true, get('health.ping')],
      ['a query with input', 200, true, get('user.byId', alicesId)],
      ['a batch of queries', 200, true, get('user.byId,health.ping?batch=1', { 0: alicesId })],
      [
        'a batch with a refused call',
        207,
        true,
        get('user.byId,user.byId?batch=1', { 0: alicesId, 1: { userId: 999 } }),
      ],
      ['a batch with an unknown procedure', 207, true, get('health.ping,nope.nope?batch=1')],
      ['a signed-in query', 200, true, get('timeline.home', {}, bearer)],
      ['a signed-in query without a session', 401, true, get('timeline.home', {})],
      ['a bad token', 401, true, get('timeline.home', {}, { authorization: 'Bearer nonsense' })],
      ['input its schema refuses', 400, true, get('user.byId', { userId: 'one' })],
      ['an unknown procedure', 404, true, get('nope')],
      ['a query over POST', 405, true, post('health.ping', undefined)],
      ['a mutation over GET', 405, true, get('tweet.create', { text: 'hi' }, bearer)],
      ['a mutation', 200, true, post('tweet.create', { text: 'hello' }, bearer)],
      [
        'a batch of mutations',
        200,
        true,
        post('tweet.create,follow.follow?batch=1', { 0: { text: '2' }, 1: { userId: bob.id } }, bearer),
      ],
      ['a mutation its schema refuses', 400, true, post('tweet.create', { text: '' }, bearer)],
      ['a mutation without a session', 401, true, post('tweet.create', { text: 'hello' })],
      ['a mutation its service refuses', 400, true, post('follow.follow', alicesId, bearer)],
      ['a mutation with no body', 200, true, async () => post('auth.logout', undefined, await signIn())],
      [
        'JSON with parameters and capitals',
        200,
        true,
        post('tweet.create', { text: 'x' }, { ...bearer, 'content-type': 'Application/JSON; charset=utf-8' }),
      ],
      [
        'malformed JSON in the body',
        400,
        false,
        { method: 'POST', target: 'tweet.create', headers: { ...json, ...bearer }, body: '{"text":' },
      ],
      ['malformed JSON in the query', 400, false, { target: 'user.byId?input=%7B' }],
      ['a batch whose input is not an object', 400, false, post('tweet.create?batch=1', [1], bearer)],
      ['a batch over the size limit', 400, false, get('health.ping,health.ping,health.ping,health.ping?batch=1')],
      ['a query and a mutation in one batch', 400, false, post('health.ping,tweet.create?batch=1', {}, bearer)],
      ['batch=0', 404, false, get('health.ping,health.ping?batch=0')],
      ['batch given twice', 200, false, get('health.ping,health.ping?batch=1&batch=1')],
      [
        'input given twice',
        200,
        false,
        { target: `user.byId?input=${encodeURIComponent(JSON.stringify(alicesId))}&input=1` },
      ],
      [
        'a text body',
        415,
        false,
        { method: 'POST', target: 'tweet.create', headers: { 'content-type': 'text/plain', ...bearer }, body: '{}' },
      ],
      [
        'no content type',
        415,
        false,
        { method: 'POST', target: 'tweet.create', headers: bearer, body: '{"text":"x"}' },
      ],
      ['a malformed path', 400, false, get('user.by%E0%A4%A')],
      ['an encoded path', 200, true, get('user%2EbyId', alicesId)],
      [
        'a streamed batch',
        200,
        false,
        get('health.ping,user.byId?batch=1', { 1: alicesId }, { 'trpc-accept': 'application/jsonl' }),
      ],
      ['HEAD', 204, false, { method: 'HEAD', target: 'health.ping' }],
      [
        'PUT',
        405,
        false,
        { method: 'PUT', target: 'tweet.create', headers: { ...json, ...bearer }, body: '{"text":"x"}' },
      ],
    ];
    for (const [name, status, short, call] of cases) await expectSame(name, status, short, call);
  });
});
