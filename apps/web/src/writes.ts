/**
 * What each write changes on screen, in one place: the views it touches are updated at once or
 * invalidated (refetched now if shown, on their next showing if not), never left to go stale.
 */
import type { QueryClient } from '@tanstack/react-query';
import { type AuthorizedApp, authorizedApps, keys, relationship, type Tweet } from './api.ts';
import { addReply, dropFromThread, replaceInThread, type ThreadPages, updateInThread } from './thread-cache.ts';
import {
  drop,
  type Pages,
  prepend,
  replace,
  shownTweet,
  update,
  withLike,
  withReplies,
  withRepost,
} from './timeline-cache.ts';

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

const changeThreads = (queryClient: QueryClient, change: (thread: ThreadPages) => ThreadPages) =>
  queryClient.setQueriesData({ queryKey: keys.threads }, change);

/** Tweet `id` changed as `change` says in every list of tweets and every thread that holds it. */
const updateTweet = (queryClient: QueryClient, id: number, change: (tweet: Tweet) => Tweet) => {
  for (const queryKey of keys.tweetLists)
    queryClient.setQueriesData({ queryKey }, (pages: Pages) => update(pages, id, change));
  changeThreads(queryClient, (thread) => updateInThread(thread, id, change));
};

/**
 * You are posting `pending` (`pendingTweet`): shown at once atop your home timeline (yours are all
 * there, replies too) and, a reply, under what it answers in every thread shown, counted there.
 */
export async function postShown(queryClient: QueryClient, pending: Tweet): Promise<void> {
  const parentId = pending.inReplyTo?.id;
  // A fetch under way would put back what it read before the post.
  await queryClient.cancelQueries({ queryKey: keys.home });
  queryClient.setQueryData(keys.home, (pages: Pages) => prepend(pages, [pending]));
  if (parentId === undefined) return;
  await queryClient.cancelQueries({ queryKey: keys.threads });
  changeThreads(queryClient, (thread) => addReply(thread, pending));
  updateTweet(queryClient, parentId, (tweet) => withReplies(tweet, 1));
}

/** The server refused `pending`: only it goes (what arrived meanwhile stays), and its count with it. */
export function postRefused(queryClient: QueryClient, pending: Tweet): void {
  queryClient.setQueryData(keys.home, (pages: Pages) => drop(pages, pending.id));
  const parentId = pending.inReplyTo?.id;
  if (parentId === undefined) return;
  changeThreads(queryClient, (thread) => dropFromThread(thread, pending.id));
  updateTweet(queryClient, parentId, (tweet) => withReplies(tweet, -1));
}

/**
 * The server stored `tweet`, shown as `pendingId` until now: swapped in, and the lists it joins (your
 * tweets and count, everyone's, its hashtags') refreshed. Threads not shown, where a reply also
 * belongs (those of the tweets above what it answers), are read again on their next showing.
 */
export function posted(queryClient: QueryClient, pendingId: number, tweet: Tweet): Promise<unknown> {
  queryClient.setQueryData(keys.home, (pages: Pages) => replace(pages, pendingId, tweet));
  if (tweet.inReplyTo) changeThreads(queryClient, (thread) => replaceInThread(thread, pendingId, tweet));
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.tweetsBy(tweet.author.id) }),
    queryClient.invalidateQueries({ queryKey: keys.publicTimeline }),
    queryClient.invalidateQueries({ queryKey: keys.users }),
    ...tweet.hashtags.map((key) => queryClient.invalidateQueries({ queryKey: keys.hashtag(key) })),
    tweet.inReplyTo && queryClient.invalidateQueries({ queryKey: keys.threads, refetchType: 'none' }),
  ]);
}

/**
 * You deleted `tweet`: gone from every list of tweets and every thread shown, from your count, and,
 * a reply, from what it answered's. The threads shown are read again: the replies below it went too.
 */
export function tweetDeleted(
  queryClient: QueryClient,
  { id, inReplyTo }: Pick<Tweet, 'id' | 'inReplyTo'>,
): Promise<unknown> {
  for (const queryKey of keys.tweetLists) queryClient.setQueriesData({ queryKey }, (pages: Pages) => drop(pages, id));
  changeThreads(queryClient, (thread) => dropFromThread(thread, id));
  if (inReplyTo) updateTweet(queryClient, inReplyTo.id, (tweet) => withReplies(tweet, -1));
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.users }),
    queryClient.invalidateQueries({ queryKey: keys.threads }),
  ]);
}

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

/** You reposted (or took back your repost of) tweet `id`: shown at once wherever it is, as itself or passed on. */
export const repostShown = (queryClient: QueryClient, id: number, reposted: boolean): void =>
  updateTweet(queryClient, id, (tweet) => withRepost(tweet, reposted));

/**
 * The server's answer to a repost (your entry, carrying the tweet) or an unrepost (the tweet): the
 * tweet as it now is, everywhere. Your entry joins (or leaves) your tweets and your home timeline on
 * their next showing, as your likes list does: read again now, the list under your pointer would
 * move (a tweet reposted jumps to the top of home). Your tweet count changes at once.
 */
export function repostSettled(queryClient: QueryClient, answer: Tweet, myId: number): Promise<unknown> {
  const tweet = shownTweet(answer);
  updateTweet(queryClient, tweet.id, (shown) => ({ ...shown, ...tweet }));
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.home, refetchType: 'none' }),
    queryClient.invalidateQueries({ queryKey: keys.tweetsBy(myId), refetchType: 'none' }),
    queryClient.invalidateQueries({ queryKey: keys.users }),
  ]);
}

/** Tweet `id` as a cached list or thread holds it (itself or passed on), if one does. */
export function knownTweet(queryClient: QueryClient, id: number): Tweet | undefined {
  const lists = keys.tweetLists.flatMap((queryKey) => queryClient.getQueriesData<Pages>({ queryKey }));
  for (const [, pages] of lists)
    for (const page of pages?.pages ?? [])
      for (const entry of page.items) if (shownTweet(entry).id === id) return shownTweet(entry);
  for (const [, thread] of queryClient.getQueriesData<ThreadPages>({ queryKey: keys.threads }))
    for (const page of thread?.pages ?? [])
      for (const tweet of [page.tweet, ...page.ancestors, ...page.descendants])
        if (shownTweet(tweet).id === id) return shownTweet(tweet);
  return undefined;
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
