import type { EntityDictionary, EntityManager } from '@mikro-orm/core';
import { Tweet } from '../entities/tweet.ts';
import { User } from '../entities/user.ts';
import { UserStats } from '../entities/user-stats.ts';

/** What read paths show of a user: plain data, not a managed entity (entities satisfy it too). */
export type UserSummaryData = Pick<User, 'id' | 'name' | 'username' | 'profilePicture'>;
export type UserData = UserSummaryData & Pick<User, 'profile' | 'createdAt'>;
/** A signed-in user's own account: every column but the password hash. */
export type AccountData = UserData & Pick<User, 'email' | 'updatedAt'>;

/** A tweet with its author's summary and its counts, as plain data; `liked` by whoever reads it. */
export type TweetData = Pick<Tweet, 'id' | 'text' | 'createdAt'> & {
  author: UserSummaryData;
  /** The tweet it answers (which may since be deleted) and that tweet's author (null once gone). */
  inReplyTo: { id: number; userId: number; username: string | null } | null;
  /** The accounts it mentions (that still exist), and its hashtags' keys, as stored when it was written. */
  mentions: { id: number; username: string }[];
  hashtags: string[];
  /** A repost (its own row, by its reposter, with no text): the tweet it passes on, read after the row. */
  repostOfId: number | null;
  repostOf: TweetData | null;
  replyCount: number;
  likeCount: number;
  repostCount: number;
  liked: boolean;
  reposted: boolean;
};

/** All of a user's columns but the password hash (of `users` aliased `u`), named `u_<column>`. */
export const userColumns =
  'u.id as u_id, u.name as u_name, u.username as u_username, u.email as u_email, u.profile as u_profile, ' +
  'u.profile_picture as u_profile_picture, u.created_at as u_created_at, u.updated_at as u_updated_at';

/** The user selected with `userColumns`, under its column names (as `em.map` takes it). */
export const userRow = (row: Record<string, unknown>) =>
  ({
    id: row.u_id,
    name: row.u_name,
    username: row.u_username,
    email: row.u_email,
    profile: row.u_profile,
    profile_picture: row.u_profile_picture,
    created_at: row.u_created_at,
    updated_at: row.u_updated_at,
  }) as EntityDictionary<User>;

/**
 * Raw columns to property values, through the ORM's compiled result mapper (the same conversions
 * `em.map` makes, dates included) but without creating or tracking entities, which read paths that
 * change nothing do not need and which cost more than the query.
 */
export function mapColumns<T extends object>(em: EntityManager, entity: new () => T, row: EntityDictionary<T>) {
  return em.getComparator().mapResult(em.getMetadata(entity), row);
}

/** What a tweet row selects of its author (`users` aliased `u`), for `tweetAuthor`. */
export const tweetAuthorColumns = 'u.name as u_name, u.username as u_username, u.profile_picture as u_profile_picture';

/** A profile page's user: their public columns, their counts, and when they last tweeted. */
export interface UserProfileData {
  user: UserData;
  followerCount: number;
  followingCount: number;
  tweetCount: number;
  /** When they last tweeted (a deleted tweet's time stays, as Mastodon's `last_status_at`). */
  lastTweetAt: Date | null;
}

/**
 * What a row selects of a user's profile, for `userProfile`: `tweetAuthorColumns` and the rest of
 * their public columns (`users` aliased `u`), and their counts (`user_stats` aliased `s`).
 */
export const profileColumns =
  `u.id as u_id, ${tweetAuthorColumns}, u.profile as u_profile, u.created_at as u_created_at, ` +
  's.follower_count, s.following_count, s.tweet_count, s.last_tweet_at';

/** The profile of a row selected with `profileColumns`. */
export function userProfile(em: EntityManager, row: Record<string, unknown>): UserProfileData {
  const stats = mapColumns(em, UserStats, row as EntityDictionary<UserStats>);
  return {
    user: mapColumns(em, User, userRow(row)) as UserData,
    followerCount: Number(stats.followerCount),
    followingCount: Number(stats.followingCount),
    tweetCount: Number(stats.tweetCount),
    lastTweetAt: stats.lastTweetAt ?? null,
  };
}

/** The author of a tweet row selected with `user_id` and `tweetAuthorColumns`: nothing to convert. */
export const tweetAuthor = (row: Record<string, unknown>): UserSummaryData => ({
  id: Number(row.user_id),
  name: String(row.u_name),
  username: String(row.u_username),
  profilePicture: row.u_profile_picture as string | null,
});

/**
 * What a tweet row selects beside its author (`tweets` aliased `t`): its columns, the username it
 * answers (`users` aliased `ru`), its counts (`tweet_stats` aliased `ts`: none until the first like
 * reply or repost), whether `readerId` liked and reposted it, its mentions and hashtags; with the joins and the columns'
 * parameters, which come before the statement's own.
 */
export function tweetSql(readerId: number | undefined) {
  const [liked, reposted] =
    readerId === undefined
      ? ['0', '0']
      : [
          'exists (select 1 from tweet_likes as l where l.user_id = ? and l.tweet_id = t.id)',
          'exists (select 1 from tweets as rp where rp.repost_of_id = t.id and rp.user_id = ?)',
        ];
  return {
    columns:
      't.id, t.user_id, t.tweet, t.created_at, t.in_reply_to_id, t.in_reply_to_user_id, t.repost_of_id, ' +
      'ru.username as in_reply_to_username, coalesce(ts.like_count, 0) as like_count, ' +
      'coalesce(ts.reply_count, 0) as reply_count, coalesce(ts.repost_count, 0) as repost_count, ' +
      `${liked} as liked, ${reposted} as reposted, ` +
      // Each a probe of an index by tweet: nothing for a tweet that has none.
      "(select group_concat(concat(m.user_id, ':', mu.username)) from tweet_mentions as m " +
      'join users as mu on mu.id = m.user_id where m.tweet_id = t.id) as mention_list, ' +
      '(select group_concat(h.name) from tweet_hashtags as th join hashtags as h on h.id = th.hashtag_id ' +
      'where th.tweet_id = t.id) as hashtag_list',
    params: readerId === undefined ? [] : [readerId, readerId],
    join: 'left join tweet_stats as ts on ts.tweet_id = t.id left join users as ru on ru.id = t.in_reply_to_user_id',
  };
}

/** `id:username,…` and `tag,…` as `tweetSql` selects them (neither a handle nor a tag holds `:` or `,`). */
const mentionsOf = (list: unknown) =>
  list
    ? String(list)
        .split(',')
        .map((pair) => {
          const at = pair.indexOf(':');
          return { id: Number(pair.slice(0, at)), username: pair.slice(at + 1) };
        })
    : [];
const hashtagsOf = (list: unknown) => (list ? String(list).split(',') : []);

/** A tweet row (`tweetSql`'s columns) with its author, as plain data. */
export function tweetData(em: EntityManager, row: Record<string, unknown>, author = tweetAuthor(row)): TweetData {
  const { id, text, createdAt } = mapColumns(em, Tweet, {
    id: row.id,
    tweet: row.tweet,
    created_at: row.created_at,
  } as EntityDictionary<Tweet>) as TweetData;
  const inReplyTo =
    row.in_reply_to_id === null
      ? null
      : {
          id: Number(row.in_reply_to_id),
          userId: Number(row.in_reply_to_user_id),
          username: (row.in_reply_to_username as string | null) ?? null,
        };
  return {
    id,
    text,
    createdAt,
    author,
    inReplyTo,
    mentions: mentionsOf(row.mention_list),
    hashtags: hashtagsOf(row.hashtag_list),
    repostOfId: row.repost_of_id === null ? null : Number(row.repost_of_id),
    repostOf: null,
    replyCount: Number(row.reply_count),
    likeCount: Number(row.like_count),
    repostCount: Number(row.repost_count),
    liked: Boolean(Number(row.liked)),
    reposted: Boolean(Number(row.reposted)),
  };
}
