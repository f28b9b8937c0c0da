import { likedTweets } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';
import { TweetFeed } from './Tweets.tsx';

const liked = likedTweets();

/** The tweets you liked, most recent like first. */
export function Likes({ session }: { session: Session }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.likes}</h1>
      <TweetFeed label={t.tweetsYouLiked} pages={liked} myId={session.userId} />
    </>
  );
}
