/**
 * The typed client, and TanStack Query's options for each call: inputs and outputs come from the
 * server's router types (`RouterOutputs`), none written here.
 */
import { createMiniterClient, type RouterOutputs, TRPCClientError } from '@miniter/api/client';
import { infiniteQueryOptions, QueryClient, queryOptions } from '@tanstack/react-query';
import { currentSession } from './session.ts';

export const api = createMiniterClient({ url: `${location.origin}/trpc`, token: () => currentSession()?.token });

export type Tweet = RouterOutputs['tweet']['create'];
export type TweetPage = RouterOutputs['timeline']['home'];

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused call (bad input, no session, not found) is not retried; a network failure is.
      retry: (failures, error) => failures < 2 && !(error instanceof TRPCClientError && error.data?.httpStatus),
      staleTime: 10_000,
    },
  },
});

const pages = <T>(
  key: readonly unknown[],
  fetchPage: (cursor: string | undefined) => Promise<T & { nextCursor: string | null }>,
) =>
  infiniteQueryOptions({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const homeTimeline = () => pages(['timeline', 'home'], (cursor) => api.timeline.home.query({ cursor }));

export const userTweets = (userId: number) =>
  pages(['tweets', userId], (cursor) => api.tweet.byAuthor.query({ userId, cursor }));

export const userProfile = (userId: number) =>
  queryOptions({ queryKey: ['user', userId], queryFn: () => api.user.byId.query({ userId }) });

/** What the server said, for a person: its message, or that it could not be reached. */
export function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError && error.data?.httpStatus) return error.message;
  return 'The server cannot be reached: try again in a moment';
}

export const me = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: async () => {
      const { id, name, profilePictureUrl } = await api.user.me.query();
      return { id, name, profilePictureUrl };
    },
  });
