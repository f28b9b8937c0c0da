import { publicTimeline } from '../api.ts';
import { Suggestions } from '../components/PeopleList.tsx';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';
import { TweetFeed } from './Tweets.tsx';

const everyone = publicTimeline();

/** Everyone's tweets, newest first, and people you might follow. */
export function Explore({ session }: { session: Session }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t.explore}</h1>
      <Suggestions myId={session.userId} />
      <h2>{t.everyonesTweets}</h2>
      <TweetFeed label={t.everyonesTweets} pages={everyone} myId={session.userId} />
    </>
  );
}
