import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, checkSession, homeTimeline, me, type Tweet } from '../api.ts';
import { Suggestions } from '../components/PeopleList.tsx';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';
import {
  addWaiting,
  entryDeleted,
  isOrPasses,
  type Pages,
  prepend,
  shownTweet,
  withYourFlags,
} from '../timeline-cache.ts';
import { knownTweet } from '../writes.ts';
import { Compose } from './Compose.tsx';
import { TweetFeed } from './Tweets.tsx';

const home = homeTimeline();

/**
 * Your timeline, with what arrives live (tweets, and reposts by whom you follow) waiting behind a
 * button rather than pushing it down.
 */
export function Home({ session }: { session: Session }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const author = useQuery(me()).data;
  const [waiting, setWaiting] = useState<Tweet[]>([]);
  useEffect(() => {
    const subscription = api.timeline.live.subscribe(undefined, {
      onData: ({ data }) => {
        const shown = queryClient.getQueryData(home.queryKey);
        if (data.type === 'tweet') {
          // Your own are on the page already (posted at once).
          if (data.tweet.author.id !== session.userId) setWaiting((list) => addWaiting(list, shown, data.tweet));
        } else if (data.type === 'repost') {
          // Yours show reposted at once, and your timeline is read again on its next showing.
          if (data.repost.author.id !== session.userId) setWaiting((list) => addWaiting(list, shown, data.repost));
        } else if (data.type === 'delete') {
          // A tweet deleted takes its reposts with it; a repost taken back, itself.
          setWaiting((list) => list.filter((t) => !isOrPasses(t, data.tweetId)));
          queryClient.setQueryData(home.queryKey, (pages: Pages) => entryDeleted(pages, data.tweetId, session.userId));
        } else {
          setWaiting([]);
          void queryClient.invalidateQueries({ queryKey: home.queryKey });
        }
      },
      // The stream ends with UNAUTHORIZED when the session is revoked elsewhere.
      onError: checkSession,
    });
    return () => subscription.unsubscribe();
  }, [queryClient, session.userId]);
  // A timeline that starts empty (a new user's) shows people to follow, and keeps them while the
  // page is open: following one fills the timeline, and the list does not vanish under the focus.
  const first = useInfiniteQuery(home).data?.pages[0];
  const [newcomer, setNewcomer] = useState(false);
  if (first?.items.length === 0 && !newcomer) setNewcomer(true);
  const reveal = () => {
    // A repost as you know its tweet (liked, reposted): the stream's copy does not say.
    const entries = waiting.map((entry) => withYourFlags(entry, knownTweet(queryClient, shownTweet(entry).id)));
    queryClient.setQueryData(home.queryKey, (pages: Pages) => prepend(pages, entries));
    setWaiting([]);
  };
  return (
    <>
      <h1>{t.home}</h1>
      <Compose author={author} />
      {waiting.length > 0 && (
        <button type="button" className="new-tweets" onClick={reveal}>
          {t.newTweets(waiting.length)}
        </button>
      )}
      {newcomer && (
        <>
          <p className="notice">{t.welcome}</p>
          <Suggestions myId={session.userId} />
        </>
      )}
      <TweetFeed label={t.yourTimeline} pages={home} myId={session.userId} />
    </>
  );
}
