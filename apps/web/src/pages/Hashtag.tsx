import { hashtagKey, isHashtag } from '@miniter/api/tweet-text';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Redirect } from 'wouter';
import { hashtagTweets } from '../api.ts';
import { Alerts, useRefusal } from '../components/Field.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useI18n } from '../i18n.tsx';
import { issuesOf } from '../problems.ts';
import type { Session } from '../session.ts';
import { hashtagPath } from '../tweet-links.ts';
import { TweetFeed } from './Tweets.tsx';

/** The address's part, decoded; as it is if it cannot be (a stray `%`: no hashtag, the server says). */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * The tweets carrying a hashtag at `/tags/seoul`, newest first, a page at a time; readable logged
 * out. `tag` is the address's part: what cannot be a hashtag is the server's to refuse, and the page
 * says why.
 */
export function Hashtag({ tag, session }: { tag: string; session: Session | null }) {
  const { t } = useI18n();
  const typed = decoded(tag).trim();
  const bare = typed.startsWith('#') ? typed.slice(1) : typed;
  const key = hashtagKey(bare);
  const pages = hashtagTweets(key);
  // The feed below reads the same query (one call): here, for its refusal.
  const { error } = useInfiniteQuery(pages);
  const problem = useRefusal(error);
  const refused = issuesOf(error)?.some((issue) => issue.path[0] === 'tag') ?? false;
  useDocumentTitle(refused ? `${t.notAHashtag} – Miniter` : t.hashtagTitle(key));
  // One address per hashtag, its key: `/tags/Seoul` and `/tags/%23seoul` show as `/tags/seoul`.
  if (isHashtag(bare) && decoded(tag) !== key) return <Redirect to={hashtagPath(key)} replace />;
  if (refused)
    return (
      <>
        <h1>{t.notAHashtag}</h1>
        <Alerts messages={problem.general} />
      </>
    );
  return (
    <>
      <h1>#{key}</h1>
      <TweetFeed
        key={key}
        label={t.taggedTweets(key)}
        pages={pages}
        myId={session?.userId ?? null}
        empty={t.noTaggedTweets}
      />
    </>
  );
}
