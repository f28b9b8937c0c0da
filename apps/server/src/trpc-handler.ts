/**
 * The /trpc endpoint: tRPC's express adapter with a leaner read and write.
 *
 * - Read: the adapter hands the request body to the Fetch `Request` as a WebStreams
 *   `ReadableStream` fed chunk by chunk. A JSON call's body is small and read whole anyway, so it
 *   is read here first (raw-body, with the size cap) and given to tRPC as text, which its adapter
 *   accepts in `req.body`. Multipart uploads keep the stream (`streamBody`).
 * - Write: the adapter pipes every response body through a `WritableStream` with chunked encoding;
 *   Miniter's responses are single JSON documents (the client batches with `httpBatchLink`), so
 *   the body is read whole and sent with its length in one write.
 * The write took a quarter off the server's CPU per `timeline.home` call; the read, with the
 * written-out writes, lifted `tweet.create` from 0.28 to 0.39 of its SQL ceiling (bench/README.md).
 */
import { type AnyTRPCRouter, TRPCError } from '@trpc/server';
import {
  incomingMessageToRequest,
  internal_exceptionHandler,
  type NodeHTTPHandlerOptions,
} from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { Request, RequestHandler, Response } from 'express';
import getRawBody from 'raw-body';

export type TrpcHandlerOptions<TRouter extends AnyTRPCRouter> = NodeHTTPHandlerOptions<TRouter, Request, Response> & {
  /** Pass the body on as a stream rather than read it first (multipart uploads). */
  streamBody?: boolean;
};

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

export function trpcHandler<TRouter extends AnyTRPCRouter>(options: TrpcHandlerOptions<TRouter>): RequestHandler {
  return async (req, res) => {
    // Mounted at /trpc: the rest of the path names the procedure(s), as in tRPC's adapter.
    const path = req.path.slice(req.path.lastIndexOf('/') + 1);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const error = hasBody && !options.streamBody ? await readBody(req, options.maxBodySize) : null;
    if (error === 'aborted') return;
    const request = incomingMessageToRequest(req, res, { maxBodySize: options.maxBodySize ?? null });
    resolveResponse({
      ...options,
      req: request,
      path,
      error,
      createContext: async (inner) => options.createContext?.({ ...inner, req, res }),
      onError: (error) => options.onError?.({ ...error, req }),
    })
      .then(async (response) => {
        res.statusCode = response.status;
        res.setHeaders(response.headers);
        // A streamed batch (`trpc-accept: application/jsonl`) is sent whole too, with its length.
        res.removeHeader('transfer-encoding');
        res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
      })
      .catch(internal_exceptionHandler({ ...options, req, res, path }));
  };
}
