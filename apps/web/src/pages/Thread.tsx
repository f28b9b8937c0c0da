import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, Redirect } from 'wouter';
import { tweetPath, tweetThread } from '../api.ts';
import { Alerts, useRefusal } from '../components/Field.tsx';
import { TweetItem } from '../components/TweetItem.tsx';
import { useI18n } from '../i18n.tsx';
import { issuesOf } from '../problems.ts';
import type { Session } from '../session.ts';
import { indentOf, readThread } from '../thread-cache.ts';

/**
 * A tweet's thread at `/@handle/42`: what it answers above it (oldest first), the tweet itself with
 * a reply box under it, and the replies below, indented by depth. Readable logged out.
 */
export function Thread({ username, id, session }: { username: string; id: string; session: Session | null }) {
  const { t } = useI18n();
  const tweetId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
  const thread = useInfiniteQuery({ ...tweetThread(tweetId ?? 0), enabled: tweetId !== null });
  const problem = useRefusal(thread.error);
  // Not found wins over what is cached: the tweet was deleted (here, or by its author meanwhile).
  const missing =
    tweetId === null ||
    issuesOf(thread.error)?.some((issue) => issue.code === 'not_found' || issue.path[0] === 'tweetId');
  if (missing) return <h1>{t.noSuchTweet}</h1>;
  const shown = readThread(thread.data);
  if (!shown) return thread.error ? <Alerts messages={problem.general} /> : <p aria-busy="true">…</p>;
  // A repost's address is its tweet's.
  if (shown.tweet.repostOf) return <Redirect to={tweetPath(shown.tweet.repostOf)} replace />;
  // One address per tweet, under its author's handle as they write it now.
  if (shown.tweet.author.username !== username) return <Redirect to={tweetPath(shown.tweet)} replace />;
  const myId = session?.userId ?? null;
  return (
    <>
      <h1>{t.thread}</h1>
      {(shown.answersMissing || shown.ancestors.length > 0) && (
        <section aria-label={t.earlierInThread} className="ancestors">
          {shown.answersMissing && <p className="tweet gone">{t.tweetGone}</p>}
          {shown.ancestors.map((tweet) => (
            <TweetItem key={tweet.id} tweet={tweet} myId={myId} />
          ))}
        </section>
      )}
      {/* Keyed: another thread's tweet gets a reply box (and draft) of its own. */}
      <TweetItem key={shown.tweet.id} tweet={shown.tweet} myId={myId} focused />
      {!session && (
        <p>
          <Link href="/login">{t.logInToReply}</Link>
        </p>
      )}
      <section aria-labelledby="replies-title">
        <h2 id="replies-title">{t.replies}</h2>
        <Alerts messages={problem.general} />
        {shown.replies.length > 0 ? (
          <div role="feed" aria-busy={thread.isFetching}>
            {shown.replies.map((reply) => (
              <TweetItem key={reply.id} tweet={reply} myId={myId} indent={indentOf(reply.depth)} />
            ))}
          </div>
        ) : (
          <p>{t.noReplies}</p>
        )}
        {thread.hasNextPage && (
          <button type="button" onClick={() => void thread.fetchNextPage()} disabled={thread.isFetching}>
            {t.moreReplies}
          </button>
        )}
      </section>
    </>
  );
}
