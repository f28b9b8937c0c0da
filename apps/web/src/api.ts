/**
 * The typed client, and TanStack Query's options for each call: inputs and outputs come from the
 * server's router types (`RouterOutputs`), none written here.
 */
import { createMiniterClient, type RouterOutputs, TRPCClientError } from '@miniter/api/client';
import { infiniteQueryOptions, MutationCache, QueryCache, QueryClient, queryOptions } from '@tanstack/react-query';
import type { AuthorizationRequest } from './oauth-request.ts';
import { relationshipBatcher } from './relationships.ts';
import { currentSession } from './session.ts';

export const api = createMiniterClient({ url: `${location.origin}/trpc`, token: () => currentSession()?.token });

export type Tweet = RouterOutputs['tweet']['create'];
export type TweetPage = RouterOutputs['timeline']['home'];
/** A page of a tweet's thread: the tweet, what it answers up the chain, and some of the replies below it. */
export type ThreadPage = RouterOutputs['tweet']['context'];
/** Your own account, as Settings edits it. */
export type Account = RouterOutputs['user']['me'];
/** Someone in a people list: followers, following, search results, suggestions. */
export type Person = RouterOutputs['user']['suggestions'][number];
/** What an application asks of you, as the authorize page shows it. */
export type OAuthClient = RouterOutputs['oauth']['client'];
/** An application you let use your account. */
export type AuthorizedApp = RouterOutputs['oauth']['authorizedApps'][number];

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

/** The cache's keys by what they hold, so that a write finds every view it changes (`writes.ts`). */
export const keys = {
  /** Profiles with their counts, and your own account. */
  users: ['user'],
  /** Followers and following lists. */
  people: ['people'],
  home: ['timeline', 'home'],
  publicTimeline: ['timeline', 'public'],
  /** The tweets you liked. */
  likes: ['timeline', 'likes'],
  tweetsBy: (userId: number) => ['tweets', userId],
  /** The tweets carrying a hashtag, by its key. */
  hashtag: (key: string) => ['timeline', 'hashtag', key],
  /** Every list of tweets: the timelines (your likes and each hashtag's among them) and each user's tweets. */
  tweetLists: [['timeline'], ['tweets']],
  /** Each tweet's thread, by the tweet's id. */
  threads: ['thread'],
  suggestions: ['suggestions'],
  search: ['search'],
  authorizedApps: ['oauth', 'authorizedApps'],
} as const;

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

/** A list of tweet pages: a timeline, or a user's tweets. */
export type TweetPages = ReturnType<typeof homeTimeline>;

export const homeTimeline = () => pages(keys.home, (cursor) => api.timeline.home.query({ cursor }));

export const publicTimeline = (): TweetPages =>
  pages(keys.publicTimeline, (cursor) => api.timeline.public.query({ cursor }));

/** The tweets you liked, most recent like first. */
export const likedTweets = (): TweetPages =>
  pages<TweetPage>(keys.likes, (cursor) => api.timeline.likes.query({ cursor }));

export const userTweets = (userId: number): TweetPages =>
  pages(keys.tweetsBy(userId), (cursor) => api.tweet.byAuthor.query({ userId, cursor }));

/** The tweets carrying hashtag `key`, newest first (readable logged out). */
export const hashtagTweets = (key: string): TweetPages =>
  pages<TweetPage>(keys.hashtag(key), (cursor) => api.timeline.hashtag.query({ tag: key, cursor }));

/** The first few hashtags starting with `query` (`#` or not): the search box's list as you type `#`. */
export const hashtagsLike = (query: string) =>
  queryOptions({
    queryKey: ['hashtags', query],
    queryFn: async () => (await api.timeline.hashtags.query({ query, limit: 8 })).items,
  });

/** Tweet `tweetId`'s thread: its ancestors, and its replies a page at a time ("Show more replies"). */
export const tweetThread = (tweetId: number) =>
  pages<ThreadPage>([...keys.threads, tweetId], (cursor) => api.tweet.context.query({ tweetId, cursor }));

/** A list of people pages: followers, following, or search results. */
export type PeoplePages = ReturnType<typeof userList>;

export const userList = (userId: number, direction: 'followers' | 'following') =>
  pages([...keys.people, direction, userId], (cursor) => api.follow[direction].query({ userId, cursor }));

/** People found by handle or name, a page at a time. */
export const searchPeople = (query: string): PeoplePages =>
  pages([...keys.search, query], (cursor) => api.user.search.query({ query, cursor }));

/** The first few people found: the search box's list as you type. */
export const peopleLike = (query: string) =>
  queryOptions({
    queryKey: [...keys.search, query, 'first'],
    queryFn: async () => (await api.user.search.query({ query, limit: 8 })).items,
  });

export const suggestions = (limit: number) =>
  queryOptions({ queryKey: [...keys.suggestions, limit], queryFn: () => api.user.suggestions.query({ limit }) });

/** Whether you follow each person shown is asked in one call for all the buttons a page shows. */
const following = relationshipBatcher((userIds) => api.follow.relationships.query({ userIds }));

export const relationship = (userId: number) =>
  queryOptions({ queryKey: ['relationship', userId], queryFn: () => following(userId) });

export const profileByUsername = (username: string) =>
  queryOptions({
    queryKey: [...keys.users, 'username', username.toLowerCase()],
    queryFn: () => api.user.byUsername.query({ username }),
  });

export const profileById = (userId: number) =>
  queryOptions({ queryKey: [...keys.users, 'id', userId], queryFn: () => api.user.byId.query({ userId }) });

export const me = () => queryOptions({ queryKey: [...keys.users, 'me'], queryFn: () => api.user.me.query() });

export { profilePath, tweetPath } from './paths.ts';

/** The application behind an authorization request, and what it asks; refused if the request is bad. */
export const oauthClient = ({ clientId, redirectUri, scope, state }: AuthorizationRequest) =>
  queryOptions({
    queryKey: ['oauth', 'client', { clientId, redirectUri, scope, state }],
    queryFn: () => api.oauth.client.query({ clientId, redirectUri, scope, state }),
  });

export const authorizedApps = () =>
  queryOptions({ queryKey: keys.authorizedApps, queryFn: () => api.oauth.authorizedApps.query() });
