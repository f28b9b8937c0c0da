import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { messageOf, userProfile, userTweets } from '../api.ts';
import type { Session } from '../session.ts';
import { TweetFeed } from './Tweets.tsx';

const count = new Intl.NumberFormat();

/** A user's name, profile, counts and tweets. */
export function Profile({ userId, session }: { userId: number; session: Session }) {
  const profile = useQuery(userProfile(userId));
  const tweets = useInfiniteQuery(userTweets(userId));
  if (profile.error) {
    return (
      <p role="alert" className="error">
        {messageOf(profile.error)}
      </p>
    );
  }
  const user = profile.data;
  return (
    <>
      <section className="card" aria-labelledby="profile-name">
        {user?.profilePictureUrl && (
          <img className="avatar big" src={user.profilePictureUrl} alt={user.name} width={96} height={96} />
        )}
        <h1 id="profile-name">{user?.name ?? '…'}</h1>
        {user?.profile && <p>{user.profile}</p>}
        {user && (
          <dl className="counts">
            <dt>Tweets</dt>
            <dd>{count.format(user.tweetCount)}</dd>
            <dt>Followers</dt>
            <dd>{count.format(user.followerCount)}</dd>
            <dt>Following</dt>
            <dd>{count.format(user.followingCount)}</dd>
          </dl>
        )}
      </section>
      <TweetFeed
        label={`${user?.name ?? 'Their'} tweets`}
        pages={tweets.data}
        queryKey={userTweets(userId).queryKey}
        myId={session.userId}
        hasNextPage={tweets.hasNextPage}
        isFetching={tweets.isFetching}
        fetchNextPage={() => void tweets.fetchNextPage()}
      />
    </>
  );
}
