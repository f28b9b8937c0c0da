/**
 * /trpc answers plain JSON calls and subscriptions itself (trpc-direct.ts): every answer must be the one tRPC's
 * own express adapter gives, byte for byte, on the same router and context. Both are mounted on
 * one server over one database; each case is sent to both.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout } from 'node:timers/promises';
import { appRouter, createContextInner } from '@miniter/api';
import { useTestDatabase } from '@miniter/db/testing';
import { type AnyTRPCRouter, type inferRouterContext, initTRPC, TRPCError, tracked } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { observable } from '@trpc/server/observable';
import express, { type Request } from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { answerDirectly } from '../../src/trpc-direct.ts';
import { trpcHandler } from '../../src/trpc-handler.ts';
import { localMedia, testAuth, testUploads } from '../helpers.ts';

interface Case {
  method?: string;
  /** After the mount point: procedure path(s) and query. */
  target: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Serves `router` three ways on one server: /trpc (ours), /reference (tRPC's express adapter) and
 * /short-way (trpc-direct.ts alone, 418 when it declines, to tell which way a case took).
 */
function serveBothWays<TRouter extends AnyTRPCRouter>(
  router: TRouter,
  contextFor: (req: Request, connectionParams: Record<string, string | undefined> | null) => Promise<unknown>,
) {
  let url = '';
  let close = () => {};
  const failures: string[] = [];
  beforeAll(async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const onError = ({ path }: { path: string | undefined }) => failures.push(path ?? '');
    const createContext = async (req: Request, connectionParams?: Record<string, string | undefined> | null) =>
      (await contextFor(req, connectionParams ?? null)) as inferRouterContext<TRouter>;
    const app = express();
    app.use(
      '/trpc',
      trpcHandler({
        router,
        maxBatchSize: 3,
        createContext: (req, _res, params) => createContext(req, params),
        onError,
      }),
    );
    app.use(
      '/reference',
      createExpressMiddleware({
        router,
        maxBatchSize: 3,
        createContext: ({ req, info }) => createContext(req, info.connectionParams),
        onError,
      } as Parameters<typeof createExpressMiddleware<TRouter>>[0]),
    );
    app.use('/short-way', express.text({ type: () => true }), async (req, res) => {
      const path = req.path.slice(1);
      const options = {
        router,
        path,
        maxBatchSize: 3,
        createContext: (params: Record<string, string | undefined> | null) => createContext(req, params),
        onError,
      };
      if (!(await answerDirectly(req, res, options))) res.status(418).end();
    });
    server.on('request', app);
    close = () => server.close();
  });
  afterAll(() => close());

  async function send(mount: string, { method = 'GET', target, headers = {}, body }: Case) {
    const response = await fetch(`${url}/${mount}/${target}`, { method, headers, body });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      allow: response.headers.get('allow'),
      vary: response.headers.get('vary'),
      cacheControl: response.headers.get('cache-control'),
      body: await response.text(),
    };
  }

  /**
   * Sends the case to both mounts (a function makes it afresh for each, for a call that uses up
   * what it needs); they must answer alike once `normalise`d, with the same failures reported, and
   * with `status`; `short` says whether trpc-direct.ts answers it (else tRPC's resolveResponse does).
   */
  async function expectSame(
    name: string,
    status: number,
    short: boolean,
    call: Case | (() => Promise<Case>),
    normalise: (body: string) => string = (body) => body,
  ) {
    const make = typeof call === 'function' ? call : async () => call;
    failures.length = 0;
    const ours = await send('trpc', await make());
    const oursFailures = failures.splice(0);
    const theirs = await send('reference', await make());
    expect
      .soft({ ...ours, body: normalise(ours.body), failures: oursFailures }, name)
      .toEqual({ ...theirs, body: normalise(theirs.body), failures: failures.splice(0) });
    expect.soft(ours.status, name).toBe(status);
    expect.soft((await send('short-way', await make())).status !== 418, `${name} taken the short way`).toBe(short);
    return { ours, theirs };
  }

  return { send, expectSame, url: () => url };
}

describe('/trpc against tRPC’s own adapter', () => {
  const db = useTestDatabase('sqlite');
  let media: ReturnType<typeof localMedia> | null = null;
  const { send, expectSame: expectAlike } = serveBothWays(appRouter, async (req, connectionParams) => {
    media ??= localMedia(`http://${req.headers.host}`);
    return createContextInner({
      orm: db().orm,
      auth: testAuth,
      uploads: testUploads,
      media,
      limiter: null,
      authorization: req.headers.authorization,
      streamTicket: connectionParams?.ticket,
      requestId: 'same-id',
    });
  });
  // A row created by each has its own id and time.
  const created = (body: string) =>
    body.replace(/"id":\d+/g, '"id":0').replace(/"createdAt":"[^"]+"/g, '"createdAt":""');
  const expectSame = (name: string, status: number, short: boolean, call: Case | (() => Promise<Case>)) =>
    expectAlike(name, status, short, call, created);

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
    const sse = { accept: 'text/event-stream' };
    const ticket = (value: string) => `connectionParams=${encodeURIComponent(JSON.stringify({ ticket: value }))}`;

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
      // Subscriptions (server-sent events); a refusal is an event too, after `connected`.
      ['a subscription without a session', 200, true, get('timeline.live', undefined, sse)],
      [
        'a subscription where the live timeline is off',
        200,
        true,
        get('timeline.live', undefined, { ...sse, ...bearer }),
      ],
      [
        'a subscription with a stream ticket that is none',
        200,
        true,
        get(`timeline.live?${ticket('nope')}`, undefined, sse),
      ],
      ['malformed connection parameters', 400, false, get('timeline.live?connectionParams=%7B', undefined, sse)],
      ['a batched subscription', 400, false, get('timeline.live?batch=1', undefined, { ...sse, ...bearer })],
      ['a subscription over POST', 200, false, post('timeline.live', {}, bearer)],
      ['a query with connection parameters', 200, true, get(`health.ping?${ticket('x')}`)],
    ];
    for (const [name, status, short, call] of cases) await expectSame(name, status, short, call);
  });
});

describe('subscriptions against tRPC’s own adapter', () => {
  interface Ctx {
    params: Record<string, string | undefined> | null;
  }
  const t = initTRPC.context<Ctx>().create({
    sse: { ping: { enabled: true, intervalMs: 40 }, maxDurationMs: 500, client: { reconnectAfterInactivityMs: 1000 } },
  });
  let stopped = 0;
  const untilAborted = (signal: AbortSignal | undefined) =>
    new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true }));
  const router = t.router({
    tracked: t.procedure
      .input(z.object({ lastEventId: z.string().optional(), from: z.number().optional() }).optional())
      .subscription(async function* ({ input }) {
        yield tracked('1', { a: 1 });
        yield tracked('2', input ?? null);
      }),
    mixed: t.procedure.subscription(async function* () {
      yield tracked('1', 'one');
      yield 'untracked';
      yield tracked('2', { two: 2 });
      yield [3];
    }),
    untracked: t.procedure.subscription(async function* () {
      yield 1;
      yield { b: 'ü\n' };
    }),
    failing: t.procedure.subscription(async function* () {
      yield tracked('1', 'x');
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Not yours' });
    }),
    crashing: t.procedure.subscription(async function* () {
      yield 'x';
      throw new Error('boom');
    }),
    refusing: t.procedure.subscription(() => {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in' });
    }),
    notAStream: t.procedure.subscription(() => 42 as unknown as AsyncIterable<number>),
    observed: t.procedure.subscription(() =>
      observable<number>((emit) => {
        emit.next(1);
        emit.next(2);
        emit.complete();
      }),
    ),
    slow: t.procedure.subscription(async function* () {
      yield tracked('1', 'a');
      await setTimeout(150);
      yield tracked('2', 'b');
    }),
    endless: t.procedure.subscription(async function* ({ signal }) {
      yield tracked('1', 'a');
      await untilAborted(signal);
    }),
    params: t.procedure.subscription(async function* ({ ctx }) {
      yield ctx.params;
    }),
    leaving: t.procedure.subscription(async function* ({ signal }) {
      try {
        yield tracked('1', 'a');
        await untilAborted(signal);
      } finally {
        stopped++;
      }
    }),
  });
  const { expectSame, url } = serveBothWays(router, async (_req, params): Promise<Ctx> => ({ params }));
  const sse = { accept: 'text/event-stream' };
  const open = (target: string, headers: Record<string, string> = {}): Case => ({
    target,
    headers: { ...sse, ...headers },
  });
  // How many pings fall between two events depends on timing, not on the server; stacks differ too.
  const withoutPings = (body: string) =>
    body.replaceAll('event: ping\ndata: \n\n\n', '').replace(/"stack":"(?:[^"\\]|\\.)*"/g, '"stack":""');

  it('streams every kind of subscription as tRPC does', async () => {
    const cases: [string, Case][] = [
      ['tracked events, then the end', open('tracked')],
      ['an input', open(`tracked?input=${encodeURIComponent(JSON.stringify({ from: 3 }))}`)],
      ['Last-Event-ID merged into the input', open('tracked', { 'last-event-id': '7' })],
      [
        'Last-Event-ID merged into a given input',
        open(`tracked?input=${encodeURIComponent(JSON.stringify({ from: 3 }))}`, { 'last-event-id': '7' }),
      ],
      ['lastEventId in the query', open('tracked?lastEventId=8')],
      ['input its schema refuses', open(`tracked?input=${encodeURIComponent(JSON.stringify({ from: 'x' }))}`)],
      ['tracked and untracked events', open('mixed')],
      ['untracked events after a resume point', open('mixed', { 'last-event-id': '5' })],
      ['untracked events only', open('untracked')],
      ['an error after an event', open('failing')],
      ['a crash after an event', open('crashing')],
      ['a refusal', open('refusing')],
      ['a procedure that returns no stream', open('notAStream')],
      ['an observable', open('observed')],
      ['connection parameters', open(`params?connectionParams=${encodeURIComponent('{"ticket":"t","x":"y"}')}`)],
      ['a stream at its maximum duration', open('endless')],
    ];
    for (const [name, call] of cases) await expectSame(name, 200, true, call, withoutPings);

    const { ours, theirs } = await expectSame('pings while idle', 200, true, open('slow'), withoutPings);
    for (const answer of [ours, theirs]) expect(answer.body).toContain('event: ping\ndata: \n\n\n');
    expect(ours.cacheControl).toBe('no-cache, no-transform');
  });

  it('stops the subscription when its reader leaves', async () => {
    for (const mount of ['trpc', 'reference']) {
      const before = stopped;
      const leaving = new AbortController();
      const response = await fetch(`${url()}/${mount}/leaving`, { headers: sse, signal: leaving.signal });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes('id: 1\n')) text += decoder.decode((await reader.read()).value);
      expect(stopped, mount).toBe(before);
      leaving.abort();
      await vi.waitFor(() => expect(stopped, mount).toBe(before + 1), { timeout: 2000 });
    }
  });
});
