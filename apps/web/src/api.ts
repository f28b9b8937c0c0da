/**
 * The typed client, and TanStack Query's options for each call: inputs and outputs come from the
 * server's router types (`RouterOutputs`), none written here.
 */
import { createMiniterClient, type RouterOutputs, TRPCClientError } from '@miniter/api/client';
import { infiniteQueryOptions, MutationCache, QueryCache, QueryClient, queryOptions } from '@tanstack/react-query';
import { currentSession } from './session.ts';

export const api = createMiniterClient({ url: `${location.origin}/trpc`, token: () => currentSession()?.token });

export type Tweet = RouterOutputs['tweet']['create'];
export type TweetPage = RouterOutputs['timeline']['home'];

let sessionEnded = () => {};
/** What to do when a call finds the session ended (expired, or revoked elsewhere). */
export const onSessionEnded = (handler: () => void) => {
  sessionEnded = handler;
};
/** Ends the page's session when `error` says that the server's has ended. */
export const checkSession = (error: unknown) => {
  if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED' && currentSession()) sessionEnded();
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: checkSession }),
  mutationCache: new MutationCache({ onError: checkSession }),
  defaultOptions: {
    // A write the browser cannot send fails at once, with its draft back, rather than waiting
    // offline to be sent later behind the person's back (and doubled if they post it again).
    mutations: { networkMode: 'always' },
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

/** The cache's keys by what they hold, so that a write finds every view it changes (`writes.ts`). */
export const keys = {
  /** Profiles, with their counts. */
  users: ['user'],
  /** Followers and following lists. */
  people: ['people'],
  home: ['timeline', 'home'],
  publicTimeline: ['timeline', 'public'],
  tweetsBy: (userId: number) => ['tweets', userId],
  /** Every list of tweets: the timelines and each user's tweets. */
  tweetLists: [['timeline'], ['tweets']],
  suggestions: ['suggestions'],
} as const;

/** A list of tweet pages: the home timeline, or a user's tweets. */
export type TweetPages = ReturnType<typeof homeTimeline>;

export const homeTimeline = () => pages(keys.home, (cursor) => api.timeline.home.query({ cursor }));

export const userTweets = (userId: number): TweetPages =>
  pages(keys.tweetsBy(userId), (cursor) => api.tweet.byAuthor.query({ userId, cursor }));

export const userList = (userId: number, direction: 'followers' | 'following') =>
  pages([...keys.people, direction, userId], (cursor) => api.follow[direction].query({ userId, cursor }));

export const relationship = (userId: number) =>
  queryOptions({ queryKey: ['relationship', userId], queryFn: () => api.follow.relationship.query({ userId }) });

export const userProfile = (userId: number) =>
  queryOptions({ queryKey: [...keys.users, userId], queryFn: () => api.user.byId.query({ userId }) });

/**
 * What the server said, for a person (its messages are written for people: "Tweet must be at most
 * 300 characters", "Too many requests: try again in 12 seconds"), or `unreachable` when it did not
 * answer.
 */
export function messageOf(error: unknown, unreachable: string): string {
  if (error instanceof TRPCClientError && error.data?.httpStatus) return error.message;
  return unreachable;
}

export const me = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: async () => {
      const { id, name, profilePictureUrl } = await api.user.me.query();
      return { id, name, profilePictureUrl };
    },
  });
