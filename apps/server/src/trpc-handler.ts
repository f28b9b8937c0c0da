/**
 * The /trpc endpoint: tRPC's protocol with a leaner read and write than its express adapter.
 *
 * - Read: the adapter hands the request body to the Fetch `Request` as a WebStreams
 *   `ReadableStream` fed chunk by chunk. A JSON call's body is small and read whole anyway, so it
 *   is read here first (raw-body, with the size cap). Multipart uploads keep the stream
 *   (`streamBody`).
 * - Plain JSON queries and mutations, and subscriptions, are then answered on Node's request and
 *   response (`trpc-direct.ts`); everything else goes through tRPC's `resolveResponse`, given the
 *   body as text in `req.body`. Its answer is read whole and sent with its length in one write
 *   rather than piped through a `WritableStream` with chunked encoding, except server-sent events
 *   (a refused subscription's error), which are written as they come (`streamEvents`).
 */

import { type AnyTRPCRouter, type inferRouterContext, TRPCError } from '@trpc/server';
import { incomingMessageToRequest, internal_exceptionHandler } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { Request, RequestHandler, Response } from 'express';
import getRawBody from 'raw-body';
import { answerDirectly } from './trpc-direct.ts';
import { write } from './trpc-sse.ts';

export interface TrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  /** `connectionParams`: what a subscription's client sent as tRPC's connection parameters. */
  createContext: (
    req: Request,
    res: Response,
    connectionParams?: Partial<Record<string, string>> | null,
  ) => Promise<inferRouterContext<TRouter>>;
  /** Called for every call that fails, with the error tRPC answers with. */
  onError?: (failure: { error: TRPCError; path: string | undefined; req: Request }) => void;
  maxBatchSize?: number;
  maxBodySize?: number;
  /** Pass the body on as a stream rather than read it first (multipart uploads). */
  streamBody?: boolean;
}

/**
 * Reads the body into `req.body` as text. Resolves to the error tRPC is to answer with when it
 * cannot (too large, or not as long as its Content-Length said), or 'aborted' when the client left.
 */
async function readBody(req: Request, limit: number | undefined): Promise<TRPCError | 'aborted' | null> {
  try {
    req.body = await getRawBody(req, {
      length: req.headers['content-length'],
      limit: limit ?? Number.POSITIVE_INFINITY,
      encoding: 'utf8',
    });
    return null;
  } catch (cause) {
    const type = (cause as { type?: unknown }).type;
    if (type === 'request.aborted') return 'aborted';
    req.body = '';
    return type === 'entity.too.large'
      ? new TRPCError({ code: 'PAYLOAD_TOO_LARGE', cause })
      : new TRPCError({ code: 'BAD_REQUEST', message: 'The request body could not be read', cause });
  }
}

/**
 * Server-sent events written as they come, with backpressure (`write`). A client that leaves
 * cancels the stream.
 */
async function streamEvents(body: ReadableStream<Uint8Array>, res: Response): Promise<void> {
  const reader = body.getReader();
  res.once('close', () => void reader.cancel().catch(() => {}));
  res.flushHeaders();
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !(await write(res, value))) break;
  }
  res.end();
}

export function trpcHandler<TRouter extends AnyTRPCRouter>(options: TrpcHandlerOptions<TRouter>): RequestHandler {
  return async (req, res) => {
    // Mounted at /trpc: the rest of the path names the procedure(s), as in tRPC's adapter.
    const path = req.path.slice(req.path.lastIndexOf('/') + 1);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const error = hasBody && !options.streamBody ? await readBody(req, options.maxBodySize) : null;
    if (error === 'aborted') return;
    const { router, maxBatchSize, maxBodySize } = options;
    const createContext = (connectionParams?: Partial<Record<string, string>> | null) =>
      options.createContext(req, res, connectionParams);
    const onError = ({ error, path }: { error: TRPCError; path: string | undefined }) =>
      options.onError?.({ error, path, req });
    // What escapes is answered as tRPC's adapter answers it: a 500 with the error's shape.
    const fail = internal_exceptionHandler({ router, req, res, path, onError, createContext: () => createContext() });
    if (!error && !options.streamBody) {
      const answered = await answerDirectly(req, res, { router, path, maxBatchSize, createContext, onError }).catch(
        (cause: unknown) => fail(cause) ?? true,
      );
      if (answered) return;
    }
    const request = incomingMessageToRequest(req, res, { maxBodySize: maxBodySize ?? null });
    resolveResponse({
      router,
      maxBatchSize,
      req: request,
      path,
      error,
      createContext: ({ info }) => options.createContext(req, res, info.connectionParams),
      onError,
    })
      .then(async (response) => {
        res.statusCode = response.status;
        res.setHeaders(response.headers);
        if (response.body && response.headers.get('content-type')?.startsWith('text/event-stream')) {
          return streamEvents(response.body, res);
        }
        // A streamed batch (`trpc-accept: application/jsonl`) is sent whole too, with its length.
        res.removeHeader('transfer-encoding');
        res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
      })
      .catch(fail);
  };
}
