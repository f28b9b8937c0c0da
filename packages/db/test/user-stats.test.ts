/**
 * Users' counts (`user_stats`), kept by triggers: after every kind of change they equal a count of
 * the rows themselves, including under concurrent writers (MySQL's row locks: many follows of one
 * account, and a follow and its follow back at the same moment).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Follow, Tweet, User } from '../src/entities/index.ts';
import { type EntityManager, sqlEm } from '../src/orm.ts';
import { insertFollow } from '../src/queries/follows.ts';
import { findUserProfiles } from '../src/queries/users.ts';
import { testDialects, useTestDatabase } from '../src/testing/index.ts';

describe.each(testDialects())('user counts on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  let em: EntityManager;
  const em$ = () => sqlEm(db().orm).fork();

  beforeEach(() => {
    em = em$();
  });

  async function users(count: number, prefix = 'u'): Promise<User[]> {
    const made = Array.from({ length: count }, (_, i) =>
      em.create(User, {
        name: `${prefix}${i}`,
        username: `${prefix}${i}`,
        email: `${prefix}${i}@example.com`,
        hashedPassword: 'x',
      }),
    );
    await em.flush();
    return made;
  }

  /** The counts as kept, and as the rows say they should be. */
  async function countsOf(ids: number[]) {
    const profiles = await findUserProfiles(em$(), ids);
    const kept = ids.map((id) => {
      const profile = profiles.get(id);
      return (
        profile && { followers: profile.followerCount, following: profile.followingCount, tweets: profile.tweetCount }
      );
    });
    const counted = await Promise.all(
      ids.map(async (id) => {
        const fork = em$();
        if (!(await fork.count(User, { id }))) return undefined;
        return {
          followers: await fork.count(Follow, { followed: id }),
          following: await fork.count(Follow, { user: id }),
          tweets: await fork.count(Tweet, { author: id }),
        };
      }),
    );
    return { kept, counted };
  }

  it('follow, unfollow, tweet, delete a tweet, delete an account: the counts follow the rows', async () => {
    const [ann, bob, cat] = (await users(3)) as [User, User, User];
    const ids = [ann.id, bob.id, cat.id];
    expect((await countsOf(ids)).kept).toEqual(ids.map(() => ({ followers: 0, following: 0, tweets: 0 })));

    em.create(Follow, { user: ann, followed: bob });
    em.create(Follow, { user: cat, followed: bob });
    em.create(Follow, { user: bob, followed: ann });
    const tweets = ['one', 'two', 'three'].map((text) => em.create(Tweet, { author: bob, text }));
    await em.flush();
    const afterWrites = await countsOf(ids);
    expect(afterWrites.kept).toEqual(afterWrites.counted);
    expect(afterWrites.kept[1]).toEqual({ followers: 2, following: 1, tweets: 3 });
    const last = (await findUserProfiles(em$(), [bob.id])).get(bob.id)?.lastTweetAt;
    expect(last?.getTime()).toBe(tweets[2]?.createdAt.getTime());

    await em.nativeDelete(Follow, { user: cat, followed: bob });
    await em.nativeDelete(Tweet, { id: tweets[2]?.id });
    const afterDeletes = await countsOf(ids);
    expect(afterDeletes.kept).toEqual(afterDeletes.counted);
    expect(afterDeletes.kept[1]).toEqual({ followers: 1, following: 1, tweets: 2 });
    // As Mastodon's `last_status_at`: when they last wrote, a deleted tweet included.
    expect((await findUserProfiles(em$(), [bob.id])).get(bob.id)?.lastTweetAt?.getTime()).toBe(last?.getTime());

    // An account's deletion deletes its rows one by one (services/account.ts): the others' counts follow.
    await em.nativeDelete(Tweet, { author: bob });
    await em.nativeDelete(Follow, { $or: [{ user: bob }, { followed: bob }] });
    await em.nativeDelete(User, { id: bob.id });
    const afterAccount = await countsOf(ids);
    expect(afterAccount.kept).toEqual(afterAccount.counted);
    expect(afterAccount.kept).toEqual([
      { followers: 0, following: 0, tweets: 0 },
      undefined,
      { followers: 0, following: 0, tweets: 0 },
    ]);
  });

  it('stays exact under concurrent writers, without deadlocks', async () => {
    const [star, ...fans] = (await users(41, 'c')) as [User, ...User[]];
    // Forty follow one account at once, each in its own transaction; then each pair of the first ten
    // follows each other in both directions at the same moment.
    await Promise.all(fans.map((fan) => em$().transactional((tx) => insertFollow(tx, fan.id, star.id))));
    const pairs = fans.slice(0, 10);
    await Promise.all(
      pairs.flatMap((a, i) =>
        pairs
          .slice(i + 1)
          .flatMap((b) => [
            em$().transactional((tx) => insertFollow(tx, a.id, b.id)),
            em$().transactional((tx) => insertFollow(tx, b.id, a.id)),
          ]),
      ),
    );
    await Promise.all(
      fans.map((fan) =>
        em$().transactional((tx) => tx.insert(Tweet, { author: fan.id, text: 'hi', createdAt: new Date() })),
      ),
    );
    const ids = [star.id, ...fans.map((fan) => fan.id)];
    const { kept, counted } = await countsOf(ids);
    expect(kept).toEqual(counted);
    expect(kept[0]).toEqual({ followers: 40, following: 0, tweets: 0 });
    expect(kept[1]).toEqual({ followers: 9, following: 10, tweets: 1 });
  });
});
