import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { TweetPages } from '../api.ts';
import { Alerts, useRefusal } from '../components/Field.tsx';
import { TweetItem } from '../components/TweetItem.tsx';
import { useI18n } from '../i18n.tsx';

interface TweetFeedProps {
  label: string;
  pages: TweetPages;
  /** Who reads; null when nobody is logged in (a hashtag's page). */
  myId: number | null;
  /** What an empty feed says. */
  empty?: string;
}

/** A feed of tweet pages: more load on scrolling to its end, or with the button (keyboards, tests). */
export function TweetFeed({ label, pages, myId, empty }: TweetFeedProps) {
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
            <TweetItem key={tweet.id} tweet={tweet} myId={myId} />
          ))}
        </div>
      ) : (
        data && <p>{empty ?? t.noTweets}</p>
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
