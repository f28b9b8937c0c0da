import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api, messageOf, relationship, userList, userProfile, userTweets } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';
import { followChanged, profileChanged } from '../writes.ts';
import { TweetFeed } from './Tweets.tsx';

/** Follow or unfollow, shown at once and put back if the server refuses. */
function FollowButton({ userId }: { userId: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const state = relationship(userId);
  const { data } = useQuery(state);
  const change = useMutation({
    mutationFn: (follow: boolean) =>
      follow ? api.follow.follow.mutate({ userId }) : api.follow.unfollow.mutate({ userId }),
    onMutate: (follow) => {
      const before = queryClient.getQueryData(state.queryKey);
      queryClient.setQueryData(state.queryKey, { userId, following: follow });
      return { before };
    },
    onError: (_error, _follow, context) => queryClient.setQueryData(state.queryKey, context?.before),
    onSuccess: ({ following }) => followChanged(queryClient, userId, following),
  });
  if (!data) return null;
  return (
    <>
      <button type="button" aria-pressed={data.following} onClick={() => change.mutate(!data.following)}>
        {data.following ? t.unfollow : t.follow}
      </button>
      {change.error && (
        <p role="alert" className="error">
          {messageOf(change.error, t.unreachable)}
        </p>
      )}
    </>
  );
}

/** Your picture: a preview of the chosen file before it is sent, and the server's refusals. */
function PictureEditor() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  const done = () => {
    setFile(null);
    void profileChanged(queryClient);
  };
  const upload = useMutation({
    mutationFn: (picture: File) => {
      const form = new FormData();
      form.set('file', picture);
      return api.user.uploadProfilePicture.mutate(form);
    },
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api.user.removeProfilePicture.mutate(), onSuccess: done });
  const error = upload.error ?? remove.error;
  return (
    <div className="picture-editor">
      <label>
        {t.choosePicture}{' '}
        <input
          type="file"
          accept="image/*"
          onChange={(event: ChangeEvent<HTMLInputElement>) => setFile(event.target.files?.[0] ?? null)}
        />
      </label>
      {preview && <img className="avatar big" src={preview} alt={t.preview} width={96} height={96} />}
      <button type="button" disabled={!file || upload.isPending} onClick={() => file && upload.mutate(file)}>
        {t.upload}
      </button>{' '}
      <button type="button" className="link" onClick={() => remove.mutate()} disabled={remove.isPending}>
        {t.removePicture}
      </button>
      {error && (
        <p role="alert" className="error">
          {messageOf(error, t.unreachable)}
        </p>
      )}
    </div>
  );
}

/** Followers or following, a page at a time. */
function People({ userId, direction }: { userId: number; direction: 'followers' | 'following' }) {
  const { t } = useI18n();
  const list = useInfiniteQuery(userList(userId, direction));
  const people = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby={`${direction}-title`} className="card">
      <h2 id={`${direction}-title`}>{t[direction]}</h2>
      <ul className="people">
        {people.map((person) => (
          <li key={person.id}>
            <Link href={`/u/${person.id}`}>{person.name}</Link>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetching}>
          {t.loadMore}
        </button>
      )}
    </section>
  );
}

/** A user's name, profile, counts, tweets, followers and following. */
export function Profile({ userId, session }: { userId: number; session: Session }) {
  const { t, numbers } = useI18n();
  const profile = useQuery(userProfile(userId));
  if (profile.error) {
    return (
      <p role="alert" className="error">
        {messageOf(profile.error, t.unreachable)}
      </p>
    );
  }
  const user = profile.data;
  const own = userId === session.userId;
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
            <dt>{t.tweets}</dt>
            <dd>{numbers.format(user.tweetCount)}</dd>
            <dt>{t.followers}</dt>
            <dd>{numbers.format(user.followerCount)}</dd>
            <dt>{t.following}</dt>
            <dd>{numbers.format(user.followingCount)}</dd>
          </dl>
        )}
        {own ? <PictureEditor /> : <FollowButton userId={userId} />}
      </section>
      <TweetFeed label={t.tweetsOf(user?.name ?? '…')} pages={userTweets(userId)} myId={session.userId} />
      <People userId={userId} direction="followers" />
      <People userId={userId} direction="following" />
    </>
  );
}
