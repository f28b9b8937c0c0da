import { useQuery } from '@tanstack/react-query';
import { Link, Redirect } from 'wouter';
import { profileById, profileByUsername, profilePath, userList, userTweets } from '../api.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Alerts, useRefusal } from '../components/Field.tsx';
import { FollowButton } from '../components/FollowButton.tsx';
import { PeoplePagesList } from '../components/PeopleList.tsx';
import { useI18n } from '../i18n.tsx';
import { issuesOf } from '../problems.ts';
import type { Session } from '../session.ts';
import { PictureEditor } from './PictureEditor.tsx';
import { TweetFeed } from './Tweets.tsx';

/**
 * What a profile that cannot be shown says: there is no such user (none has that id or handle, or
 * the address holds no possible one), or the server's other reason (busy, unreachable).
 */
function Unavailable({ error }: { error: unknown }) {
  const { t } = useI18n();
  const problem = useRefusal(error);
  const missing = issuesOf(error)?.some((issue) => issue.code === 'not_found' || issue.path.length > 0);
  return missing ? <h1>{t.noSuchUser}</h1> : <Alerts messages={problem.general} />;
}

/** A user's picture, name, @handle, bio, counts, tweets, followers and following, at `/@handle`. */
export function Profile({ username, session }: { username: string; session: Session }) {
  const { t, numbers } = useI18n();
  const profile = useQuery(profileByUsername(username));
  if (profile.error) return <Unavailable error={profile.error} />;
  const user = profile.data;
  if (!user) return <p aria-busy="true">…</p>;
  // `/@KIM` shows as `/@Kim`: one address per profile, in the case its owner chose.
  if (user.username !== username) return <Redirect to={profilePath(user)} replace />;
  const own = user.id === session.userId;
  return (
    <>
      <section className="card profile" aria-labelledby="profile-name">
        <Avatar person={user} big alt={user.name} />
        <h1 id="profile-name">{user.name}</h1>
        <p className="handle">@{user.username}</p>
        {user.profile && <p className="bio">{user.profile}</p>}
        <dl className="counts">
          <dt>{t.tweets}</dt>
          <dd>{numbers.format(user.tweetCount)}</dd>
          <dt>{t.followers}</dt>
          <dd>{numbers.format(user.followerCount)}</dd>
          <dt>{t.following}</dt>
          <dd>{numbers.format(user.followingCount)}</dd>
        </dl>
        {own ? (
          <>
            <Link href="/settings">{t.editProfile}</Link>
            <PictureEditor />
          </>
        ) : (
          <FollowButton person={user} />
        )}
      </section>
      <TweetFeed label={t.tweetsOf(user.name)} pages={userTweets(user.id)} myId={session.userId} />
      <PeoplePagesList
        title={t.followers}
        pages={userList(user.id, 'followers')}
        myId={session.userId}
        empty={t.nobodyYet}
      />
      <PeoplePagesList
        title={t.following}
        pages={userList(user.id, 'following')}
        myId={session.userId}
        empty={t.nobodyYet}
      />
    </>
  );
}

/** The old address, `/u/42`: found by id, then sent to `/@handle`. An id that is no number asks nothing. */
export function ProfileById({ id }: { id: string }) {
  const { t } = useI18n();
  const userId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
  const profile = useQuery({ ...profileById(userId ?? 0), enabled: userId !== null });
  if (userId === null) return <h1>{t.noSuchUser}</h1>;
  if (profile.error) return <Unavailable error={profile.error} />;
  return profile.data ? <Redirect to={profilePath(profile.data)} replace /> : <p aria-busy="true">…</p>;
}
