/**
 * tRPC's calls answered straight on Node's request and response.
 *
 * tRPC 11's adapters turn every request into a Fetch `Request` and every answer into a Fetch
 * `Response` (undici objects, abort-signal chains, WebStreams), which cost a light write more
 * server CPU than its SQL: `tweet.create` reached 0.42 of its SQL ceiling through them and 0.51
 * without (bench scenario 9). This module answers the calls `httpLink` and `httpBatchLink` make,
 * queries over GET and mutations over POST with a JSON body, and the subscriptions
 * `httpSubscriptionLink` opens (server-sent events, `trpc-sse.ts`), with tRPC's own pieces: its
 * procedure lookup and call, error shape, status rule and transformer. Anything else (a streamed
 * batch, an upload, a malformed request) is declined before a procedure runs, and tRPC's
 * `resolveResponse` answers it. `trpc-direct.test.ts` pins every answer to tRPC's own adapter.
 */
import type { AnyTRPCRouter } from '@trpc/server';
import { isObservable, observableToAsyncIterable } from '@trpc/server/observable';
import {
  type AnyProcedure,
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  type inferRouterContext,
  isAsyncIterable,
  isObject,
  parseConnectionParamsFromString,
  type TRPCError,
  TRPCError as TRPCErrorClass,
  type TRPCResponse,
  transformTRPCResponse,
  urlPathToProcedurePath,
} from '@trpc/server/unstable-core-do-not-import';
import type { Request, Response } from 'express';
import { streamSubscription } from './trpc-sse.ts';

interface Call {
  path: string;
  procedure: AnyProcedure | null;
  /** The input as sent, and as the procedure gets it (a subscription's with its `lastEventId`). */
  input: unknown;
  callInput: unknown;
}

type ConnectionParams = ReturnType<typeof parseConnectionParamsFromString>;

export interface DirectCallsOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  /** The procedure path(s) after the mount point, still URL-encoded. */
  path: string;
  maxBatchSize?: number | undefined;
  createContext: (connectionParams: ConnectionParams | null) => Promise<inferRouterContext<TRouter>>;
  onError: (error: { error: TRPCError; path: string; input: unknown; ctx: unknown; type: string }) => void;
}

const isJson = (contentType: string | undefined) =>
  contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';

/** A subscription's `Last-Event-ID`, where tRPC looks for it (the first of a repeated parameter). */
function lastEventIdOf(req: Request): string | null {
  const { query } = req;
  const value = [req.headers['last-event-id'], query.lastEventId, query['Last-Event-Id']]
    .map((given) => (Array.isArray(given) ? given[0] : given))
    .find((given) => given !== undefined);
  return typeof value === 'string' ? value : null;
}

/** The request's calls as tRPC reads them, or null for anything this module leaves to tRPC. */
async function readCalls<TRouter extends AnyTRPCRouter>(
  req: Request,
  { router, path, maxBatchSize }: DirectCallsOptions<TRouter>,
) {
  const streamed = req.headers['trpc-accept'] || req.headers.accept?.includes('application/jsonl');
  const plain = req.method === 'GET' || (req.method === 'POST' && isJson(req.headers['content-type']));
  const query = req.query; // express parses the query string again at every read of `req.query`
  const { batch, connectionParams: params } = query;
  if (streamed || !plain || (batch !== undefined && batch !== '1') || Array.isArray(params)) return null;
  const isBatch = batch === '1';
  const config = router._def._config;
  let paths: string[];
  let inputs: unknown;
  let connectionParams: ConnectionParams | null = null;
  try {
    const procedurePath = urlPathToProcedurePath(decodeURIComponent(path), config.pathSeparator);
    paths = isBatch ? procedurePath.split(',') : [procedurePath];
    const text = req.method === 'GET' ? query.input : req.body;
    if (typeof text === 'string' && text !== '') inputs = JSON.parse(text);
    else if (text !== undefined && text !== '') return null;
    if (typeof params === 'string') connectionParams = parseConnectionParamsFromString(params);
  } catch {
    return null;
  }
  if (
    isBatch &&
    ((maxBatchSize !== undefined && paths.length > maxBatchSize) || !(inputs === undefined || isObject(inputs)))
  ) {
    return null;
  }
  const { deserialize } = config.transformer.input;
  const calls = await Promise.all(
    paths.map(async (path, index): Promise<Call> => {
      const raw = isBatch ? (inputs as Record<string, unknown> | undefined)?.[index] : inputs;
      const procedure = await getProcedureAtPath(router, path);
      const input = raw === undefined ? raw : deserialize(raw);
      return { path, procedure, input, callInput: input };
    }),
  );
  const types = new Set(calls.map((call) => call.procedure?._def.type).filter(Boolean));
  const [call] = calls;
  if (types.has('subscription')) {
    // tRPC refuses a batched one (or, unless enabled, any), and can end each after one value.
    const { sse } = config;
    if (isBatch || !call || req.method !== 'GET' || sse?.enabled === false || sse?.emitAndEndImmediately) return null;
    // tRPC hands the procedure the client's resume point in its input.
    const lastEventId = lastEventIdOf(req);
    if (lastEventId) {
      call.callInput = isObject(call.input) ? { ...call.input, lastEventId } : (call.input ?? { lastEventId });
    }
  }
  if (types.size > 1) return null;
  return { isBatch, calls, connectionParams };
}

const acceptedMethod = { query: 'GET', mutation: 'POST', subscription: 'GET' } as const;

/**
 * Answers the request if it is a plain JSON call or a subscription and resolves to true; resolves
 * to false, having run nothing, when tRPC is to answer it.
 */
export async function answerDirectly<TRouter extends AnyTRPCRouter>(
  req: Request,
  res: Response,
  options: DirectCallsOptions<TRouter>,
): Promise<boolean> {
  const request = await readCalls(req, options).catch(() => null);
  if (!request) return false;
  let ctx: inferRouterContext<TRouter>;
  try {
    ctx = await options.createContext(request.connectionParams);
  } catch {
    return false;
  }

  const config = options.router._def._config;
  const aborted = new AbortController();
  // Only a client that leaves aborts: an abort builds a DOMException, with its stack, every time.
  res.once('close', () => res.writableFinished || aborted.abort());
  let allow: string | undefined;
  const fail = ({ path, procedure, input }: Call, cause: unknown) => {
    const error = getTRPCErrorFromUnknown(cause);
    const type = procedure?._def.type ?? 'unknown';
    options.onError({ error, path, input, ctx, type });
    return { error, shape: getErrorShape({ config, ctx, error, input, path, type }) };
  };
  const run = async (call: Call, batchIndex: number) => {
    const { path, procedure, callInput } = call;
    if (!procedure) throw new TRPCErrorClass({ code: 'NOT_FOUND', message: `No procedure found on path "${path}"` });
    const type = procedure._def.type;
    const method = acceptedMethod[type];
    if (req.method !== method) {
      // A 405 lists the methods the procedure accepts (RFC 9110 15.5.6), as tRPC's does.
      allow = method;
      throw new TRPCErrorClass({
        code: 'METHOD_NOT_SUPPORTED',
        message: `Unsupported ${req.method}-request to ${type} procedure at path "${path}"`,
      });
    }
    return procedure({ path, getRawInput: async () => callInput, ctx, type, signal: aborted.signal, batchIndex });
  };

  const [first] = request.calls;
  if (first?.procedure?._def.type === 'subscription') {
    const events = await run(first, 0).then(
      (data: unknown) =>
        isAsyncIterable(data)
          ? data
          : isObservable(data)
            ? observableToAsyncIterable(data, aborted.signal)
            : {
                error: new TRPCErrorClass({
                  code: 'INTERNAL_SERVER_ERROR',
                  message: `Subscription ${first.path} did not return an observable or a AsyncGenerator`,
                }),
              },
      (cause: unknown) => ({ error: fail(first, cause).error }),
    );
    // Not awaited: the request is answered, and its stream goes on without holding the frames of
    // the middleware chain that called this (express keeps each handler's promise).
    void streamSubscription(res, {
      config,
      events,
      lastEventId: lastEventIdOf(req),
      stop: () => aborted.abort(),
      formatError: (cause) => fail(first, cause).shape,
    }).catch(() => res.destroy());
    return true;
  }

  const results = await Promise.all(
    request.calls.map((call, index) =>
      run(call, index).then(
        (data: unknown) => ({ response: { result: { data } } as TRPCResponse, error: undefined }),
        (cause: unknown) => {
          const { error, shape } = fail(call, cause);
          return { response: { error: shape } as TRPCResponse, error };
        },
      ),
    ),
  );
  const responses = results.map((result) => result.response);
  const body = JSON.stringify(
    transformTRPCResponse(config, request.isBatch ? responses : (responses[0] as TRPCResponse)),
  );
  res.statusCode = getHTTPStatusCode(
    responses,
    results.map((result) => result.error),
  );
  res.setHeader('vary', 'trpc-accept, accept');
  if (allow) res.setHeader('allow', allow);
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
  return true;
}
