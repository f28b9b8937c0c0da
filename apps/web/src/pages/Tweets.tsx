import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, type Tweet, type TweetPages } from '../api.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Alerts, useRefusal } from '../components/Field.tsx';
import { LikeButton } from '../components/LikeButton.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { useI18n } from '../i18n.tsx';
import { ago } from '../time-ago.ts';
import { tweetDeleted } from '../writes.ts';

function TweetItem({ tweet, mine }: { tweet: Tweet; mine: boolean }) {
  const { t, dates, relative } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.tweet.delete.mutate({ tweetId: tweet.id }),
    onSuccess: () => tweetDeleted(queryClient, tweet.id),
  });
  const problem = useRefusal(remove.error);
  return (
    <article aria-labelledby={`tweet-${tweet.id}-author`} className={tweet.id < 0 ? 'tweet pending' : 'tweet'}>
      <Avatar person={tweet.author} />
      <div>
        <p className="meta">
          <PersonName person={tweet.author} id={`tweet-${tweet.id}-author`} />{' '}
          <time dateTime={tweet.createdAt} title={dates.format(new Date(tweet.createdAt))}>
            {ago(relative, tweet.createdAt)}
          </time>
        </p>
        <p className="text">{tweet.text}</p>
        {/* A tweet still being posted (a negative id) has nothing to act on yet. */}
        {tweet.id > 0 && (
          <div className="actions">
            <LikeButton tweet={tweet} />
            {mine && (
              <button type="button" className="link" onClick={() => remove.mutate()} disabled={remove.isPending}>
                {t.delete}
                <span className="visually-hidden">{t.thisTweet}</span>
              </button>
            )}
          </div>
        )}
        <Alerts messages={problem.general} />
      </div>
    </article>
  );
}

/** A feed of tweet pages: more load on scrolling to its end, or with the button (keyboards, tests). */
export function TweetFeed({ label, pages, myId }: { label: string; pages: TweetPages; myId: number }) {
  const { t } = useI18n();
  const { data, error, hasNextPage, isFetching, fetchNextPage } = useInfiniteQuery(pages);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetching) void fetchNextPage();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetching, fetchNextPage]);
  const tweets = data?.pages.flatMap((page) => page.items) ?? [];
  const problem = useRefusal(error);
  return (
    <section aria-label={label}>
      <Alerts messages={problem.general} />
      {/* A feed holds articles: none, and it is no feed (axe's aria-required-children). */}
      {tweets.length > 0 ? (
        <div role="feed" aria-busy={isFetching}>
          {tweets.map((tweet) => (
            <TweetItem key={tweet.id} tweet={tweet} mine={tweet.author.id === myId} />
          ))}
        </div>
      ) : (
        data && <p>{t.noTweets}</p>
      )}
      <div ref={end} />
      {hasNextPage && (
        <button type="button" onClick={() => void fetchNextPage()} disabled={isFetching}>
          {t.loadMore}
        </button>
      )}
    </section>
  );
}
