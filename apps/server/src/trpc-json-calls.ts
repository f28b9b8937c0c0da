/**
 * tRPC's JSON calls answered straight on Node's request and response.
 *
 * tRPC 11's adapters turn every request into a Fetch `Request` and every answer into a Fetch
 * `Response` (undici objects, abort-signal chains, WebStreams), which cost a light write more
 * server CPU than its SQL: `tweet.create` reached 0.42 of its SQL ceiling through them and 0.51
 * without (bench scenario 9). This module answers the calls `httpLink` and `httpBatchLink` make,
 * queries over GET and mutations over POST with a JSON body, with tRPC's own pieces: its procedure
 * lookup and call, error shape, status rule and transformer. Anything else (a subscription, a
 * streamed batch, an upload, a malformed request) is declined before a procedure runs, and tRPC's
 * `resolveResponse` answers it. `trpc-json-calls.test.ts` pins every answer to tRPC's own adapter.
 */
import type { AnyTRPCRouter } from '@trpc/server';
import {
  type AnyProcedure,
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  type inferRouterContext,
  isObject,
  type TRPCError,
  TRPCError as TRPCErrorClass,
  type TRPCResponse,
  transformTRPCResponse,
  urlPathToProcedurePath,
} from '@trpc/server/unstable-core-do-not-import';
import type { Request, Response } from 'express';

interface Call {
  path: string;
  procedure: AnyProcedure | null;
  input: unknown;
}

export interface JsonCallsOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  /** The procedure path(s) after the mount point, still URL-encoded. */
  path: string;
  maxBatchSize?: number | undefined;
  createContext: () => Promise<inferRouterContext<TRouter>>;
  onError: (error: { error: TRPCError; path: string; input: unknown; ctx: unknown; type: string }) => void;
}

const isJson = (contentType: string | undefined) =>
  contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';

/** The request's calls as tRPC reads them, or null for anything this module leaves to tRPC. */
async function readCalls<TRouter extends AnyTRPCRouter>(
  req: Request,
  { router, path, maxBatchSize }: JsonCallsOptions<TRouter>,
): Promise<{ isBatch: boolean; calls: Call[] } | null> {
  const streamed = req.headers['trpc-accept'] || req.headers.accept?.includes('application/jsonl');
  const plain = req.method === 'GET' || (req.method === 'POST' && isJson(req.headers['content-type']));
  const query = req.query; // express parses the query string again at every read of `req.query`
  const { batch } = query;
  if (streamed || !plain || (batch !== undefined && batch !== '1') || query.connectionParams !== undefined) {
    return null;
  }
  const isBatch = batch === '1';
  const config = router._def._config;
  let paths: string[];
  let inputs: unknown;
  try {
    const procedurePath = urlPathToProcedurePath(decodeURIComponent(path), config.pathSeparator);
    paths = isBatch ? procedurePath.split(',') : [procedurePath];
    const text = req.method === 'GET' ? query.input : req.body;
    if (typeof text === 'string' && text !== '') inputs = JSON.parse(text);
    else if (text !== undefined && text !== '') return null;
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
    paths.map(async (path, index) => {
      const raw = isBatch ? (inputs as Record<string, unknown> | undefined)?.[index] : inputs;
      return {
        path,
        procedure: await getProcedureAtPath(router, path),
        input: raw === undefined ? raw : deserialize(raw),
      };
    }),
  );
  const types = new Set(calls.map((call) => call.procedure?._def.type).filter(Boolean));
  if (types.size > 1 || types.has('subscription')) return null;
  return { isBatch, calls };
}

const acceptedMethod = { query: 'GET', mutation: 'POST' } as const;

/**
 * Answers the request if it is a plain JSON call and resolves to true; resolves to false, having
 * run nothing, when tRPC is to answer it.
 */
export async function answerJsonCalls<TRouter extends AnyTRPCRouter>(
  req: Request,
  res: Response,
  options: JsonCallsOptions<TRouter>,
): Promise<boolean> {
  const request = await readCalls(req, options).catch(() => null);
  if (!request) return false;
  let ctx: inferRouterContext<TRouter>;
  try {
    ctx = await options.createContext();
  } catch {
    return false;
  }

  const config = options.router._def._config;
  const aborted = new AbortController();
  // Only a client that leaves aborts: an abort builds a DOMException, with its stack, every time.
  res.once('close', () => res.writableFinished || aborted.abort());
  let allow: string | undefined;
  const run = async ({ path, procedure, input }: Call, batchIndex: number) => {
    const type = procedure?._def.type ?? 'unknown';
    try {
      if (!procedure) throw new TRPCErrorClass({ code: 'NOT_FOUND', message: `No procedure found on path "${path}"` });
      const method = acceptedMethod[procedure._def.type as keyof typeof acceptedMethod];
      if (req.method !== method) {
        // A 405 lists the methods the procedure accepts (RFC 9110 15.5.6), as tRPC's does.
        allow = method;
        throw new TRPCErrorClass({
          code: 'METHOD_NOT_SUPPORTED',
          message: `Unsupported ${req.method}-request to ${type} procedure at path "${path}"`,
        });
      }
      const data = await procedure({
        path,
        getRawInput: async () => input,
        ctx,
        type: procedure._def.type,
        signal: aborted.signal,
        batchIndex,
      });
      return { response: { result: { data } } as TRPCResponse, error: undefined };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      options.onError({ error, path, input, ctx, type });
      return { response: { error: getErrorShape({ config, ctx, error, input, path, type }) } as TRPCResponse, error };
    }
  };
  const results = await Promise.all(request.calls.map(run));
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
