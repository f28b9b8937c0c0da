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
  retryLink,
  splitLink,
  type TRPCClientError,
  type TRPCLink,
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
  /** How many times a call is sent again after a network error or a 502/503/504 (default 4). */
  retries?: number;
}

/**
 * The mutations that are safe to send again when their answer was lost: the server deduplicates
 * them by `Idempotency-Key` (`tweet.create`, `tweet.delete`), or repeating them changes nothing. The
 * procedures declare it (`meta.retrySafe`; a test holds this list to them: the client takes no code
 * from the server). Others (sign-up, login, password change, account deletion, uploads) are not
 * retried: their repeat would fail or do the work twice, so the caller hears of the error.
 */
export const retrySafeMutations: ReadonlySet<string> = new Set([
  'tweet.create',
  'tweet.delete',
  'tweet.like',
  'tweet.unlike',
  'tweet.repost',
  'tweet.unrepost',
  'follow.follow',
  'follow.unfollow',
  'user.removeProfilePicture',
  'user.updateProfile',
]);

/** 128 random bits as hex: `crypto.randomUUID` exists only in secure contexts, this everywhere. */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Gives each mutation an `Idempotency-Key` (`context.idempotencyKey`, unless the caller set one): one
 * per logical action, the same for each of its retries, which come after this link.
 */
const idempotencyKeys: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    next(
      op.type === 'mutation' && typeof op.context.idempotencyKey !== 'string'
        ? { ...op, context: { ...op.context, idempotencyKey: newKey() } }
        : op,
    );

/**
 * No answer at all (connection refused or reset), or a gateway or server saying "later". Not a
 * deadline the caller's `fetch` set: that covers the call, and a server that did not answer in time
 * is not helped by more calls.
 */
const transient = (error: TRPCClientError<AppRouter>) => {
  if (error.cause?.name === 'TimeoutError') return false;
  // Without a tRPC body (a proxy's error page), the HTTP response is in `meta`.
  const status = error.data?.httpStatus ?? (error.meta?.response as Response | undefined)?.status;
  return status === undefined || status === 502 || status === 503 || status === 504;
};

export function createMiniterClient(options: MiniterClientOptions) {
  const headers = (): Record<string, string> => {
    const token = typeof options.token === 'function' ? options.token() : options.token;
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const fetch = options.fetch ?? globalThis.fetch;
  const common = { url: options.url, headers, fetch };
  const retries = options.retries ?? 4;
  return createTRPCClient<AppRouter>({
    links: [
      idempotencyKeys,
      retryLink({
        // Streams reconnect and resume by themselves (`httpSubscriptionLink`).
        retry: ({ op, error, attempts }) =>
          attempts <= retries &&
          (op.type === 'query' || (op.type === 'mutation' && retrySafeMutations.has(op.path))) &&
          transient(error),
        // 100, 200, 400, 800 ms, with jitter: about what a load balancer needs to notice a lost instance.
        retryDelayMs: (attempt) => 100 * 2 ** (attempt - 1) * (0.75 + Math.random() / 2),
      }),
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
          // FormData and files cannot travel in a JSON batch, and a mutation's key is its own header.
          condition: (op) => op.type === 'mutation' || isNonJsonSerializable(op.input),
          true: httpLink({
            ...common,
            headers: ({ op }) => {
              const key = op.context.idempotencyKey;
              return typeof key === 'string' ? { ...headers(), 'idempotency-key': key } : headers();
            },
          }),
          false: httpBatchLink({ ...common, maxItems: options.maxBatchSize ?? 20 }),
        }),
      }),
    ],
  });
}

export type MiniterClient = ReturnType<typeof createMiniterClient>;
