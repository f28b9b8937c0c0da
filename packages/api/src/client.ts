/**
 * The typed Miniter client. Only types come from the server side, so a browser or CLI bundle
 * carries none of the server's code.
 */
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  isNonJsonSerializable,
  splitLink,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from './root.ts';

export { TRPCClientError } from '@trpc/client';
export type { AppRouter, RouterInputs, RouterOutputs } from './root.ts';

export interface MiniterClientOptions {
  /** The server's tRPC endpoint, e.g. `http://localhost:4000/trpc`. */
  url: string;
  /** A bearer token from `auth.login`; a function is read before every request. */
  token?: string | null | (() => string | null | undefined);
  /** At most this many calls per batched request; keep it at or below the server's limit. */
  maxBatchSize?: number;
  fetch?: typeof globalThis.fetch;
}

export function createMiniterClient(options: MiniterClientOptions) {
  const headers = (): Record<string, string> => {
    const token = typeof options.token === 'function' ? options.token() : options.token;
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const fetch = options.fetch ?? globalThis.fetch;
  const common = { url: options.url, headers, fetch };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Server-sent events through the `eventsource` package, which (unlike a browser's own
        // EventSource) sends headers: the token is read again at every (re)connection.
        true: httpSubscriptionLink({
          url: options.url,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...headers() } }),
          }),
        }),
        false: splitLink({
          // FormData and files cannot travel in a JSON batch.
          condition: (op) => isNonJsonSerializable(op.input),
          true: httpLink(common),
          false: httpBatchLink({ ...common, maxItems: options.maxBatchSize ?? 20 }),
        }),
      }),
    ],
  });
}

export type MiniterClient = ReturnType<typeof createMiniterClient>;
