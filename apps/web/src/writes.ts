/**
 * What each write changes on screen, in one place: the views it touches are updated at once or
 * invalidated (refetched now if shown, on their next showing if not), never left to go stale.
 */
import type { QueryClient } from '@tanstack/react-query';
import { type AuthorizedApp, authorizedApps, keys, relationship, type Tweet } from './api.ts';
import { drop, type Pages, update, withLike } from './timeline-cache.ts';

/** You followed or unfollowed `userId`. */
export function followChanged(queryClient: QueryClient, userId: number, following: boolean): Promise<unknown> {
  queryClient.setQueryData(relationship(userId).queryKey, { userId, following });
  // Suggestions stay as they are while shown (the button just pressed does not jump away).
  void queryClient.invalidateQueries({ queryKey: keys.suggestions, refetchType: 'none' });
  return Promise.all([
    // Both profiles' counts, both people lists, and your home timeline (their tweets come or go).
    queryClient.invalidateQueries({ queryKey: keys.users }),
    queryClient.invalidateQueries({ queryKey: keys.people }),
    queryClient.invalidateQueries({ queryKey: keys.home }),
  ]);
}

/** You posted `tweet` (the home timeline has it already). */
export const tweeted = (queryClient: QueryClient, tweet: Tweet): Promise<unknown> =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.tweetsBy(tweet.author.id) }),
    queryClient.invalidateQueries({ queryKey: keys.publicTimeline }),
    queryClient.invalidateQueries({ queryKey: keys.users }),
  ]);

/** You deleted tweet `id`: gone from every list of tweets, and from your count. */
export function tweetDeleted(queryClient: QueryClient, id: number): Promise<unknown> {
  for (const queryKey of keys.tweetLists) queryClient.setQueriesData({ queryKey }, (pages: Pages) => drop(pages, id));
  return queryClient.invalidateQueries({ queryKey: keys.users });
}

/** Tweet `id` changed as `change` says in every list of tweets that holds it. */
const updateTweet = (queryClient: QueryClient, id: number, change: (tweet: Tweet) => Tweet) => {
  for (const queryKey of keys.tweetLists)
    queryClient.setQueriesData({ queryKey }, (pages: Pages) => update(pages, id, change));
};

/** You liked (or unliked) tweet `id`: shown at once wherever it is, before the server answers. */
export const likeShown = (queryClient: QueryClient, id: number, liked: boolean): void =>
  updateTweet(queryClient, id, (tweet) => withLike(tweet, liked));

/**
 * The server's answer to a like or an unlike: the tweet as it now is, everywhere. Your likes list
 * gains or loses it on its next showing (a tweet unliked there stays until then, to be liked again).
 */
export function likeSettled(queryClient: QueryClient, tweet: Tweet): Promise<unknown> {
  updateTweet(queryClient, tweet.id, (shown) => ({ ...shown, ...tweet }));
  return queryClient.invalidateQueries({ queryKey: keys.likes, refetchType: 'none' });
}

/** Your name, handle, bio or picture changed: it shows beside your tweets and in every list. */
export const profileChanged = (queryClient: QueryClient): Promise<unknown> => queryClient.invalidateQueries();

/** You revoked application `appId`'s access: gone from the list at once. */
export function appRevoked(queryClient: QueryClient, appId: number): Promise<unknown> {
  queryClient.setQueryData(authorizedApps().queryKey, (apps: AuthorizedApp[] | undefined) =>
    apps?.filter((app) => app.id !== appId),
  );
  return queryClient.invalidateQueries({ queryKey: keys.authorizedApps });
}
