import { insertLike, sqlEm } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectCode, signedIn } from './helpers.ts';

describe.each(testDialects())('likes on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const anon = () => callerFor(db().orm);
  const sql = (query: string, params: unknown[] = []) => sqlEm(db().orm).fork().execute(query, params);

  it('one like per user and tweet, counted, seen as liked by its liker only; unlike likewise', async () => {
    const alice = await signedIn(db().orm, 'alice');
    const bob = await signedIn(db().orm, 'bob');
    const { id } = await alice.api.tweet.create({ text: 'like me' });
    expect(await bob.api.tweet.byId({ tweetId: id })).toMatchObject({ likeCount: 0, liked: false });

    expect(await bob.api.tweet.like({ tweetId: id })).toMatchObject({ id, likeCount: 1, liked: true });
    // Twice is one like, and succeeds.
    expect(await bob.api.tweet.like({ tweetId: id })).toMatchObject({ likeCount: 1, liked: true });
    expect(await alice.api.tweet.like({ tweetId: id })).toMatchObject({ likeCount: 2, liked: true });

    // Every read of the tweet says so, for whoever reads it.
    expect(await anon().tweet.byId({ tweetId: id })).toMatchObject({ likeCount: 2, liked: false });
    const carol = await signedIn(db().orm, 'carol');
    expect(await carol.api.tweet.byId({ tweetId: id })).toMatchObject({ likeCount: 2, liked: false });
    const [home] = (await bob.api.timeline.public({})).items;
    expect(home).toMatchObject({ id, likeCount: 2, liked: true });
    expect((await alice.api.timeline.home({})).items[0]).toMatchObject({ id, likeCount: 2, liked: true });
    expect((await anon().tweet.byAuthor({ userId: alice.user.id })).items[0]).toMatchObject({ liked: false });
    // A token that is no good leaves a public read anonymous.
    expect(await callerFor(db().orm, 'not-a-token').tweet.byId({ tweetId: id })).toMatchObject({ liked: false });

    expect(await bob.api.tweet.unlike({ tweetId: id })).toMatchObject({ likeCount: 1, liked: false });
    expect(await bob.api.tweet.unlike({ tweetId: id })).toMatchObject({ likeCount: 1, liked: false });

    await expectCode(bob.api.tweet.like({ tweetId: 987_654 }), 'NOT_FOUND');
    await expectCode(bob.api.tweet.unlike({ tweetId: 987_654 }), 'NOT_FOUND');
    await expectCode(anon().tweet.like({ tweetId: id }), 'UNAUTHORIZED');
  });

  it('likedBy and timeline.likes: most recent like first, paged by like without a repeat or a gap', async () => {
    const alice = await signedIn(db().orm, 'alice');
    const likers = [];
    for (let i = 0; i < 5; i++) likers.push(await signedIn(db().orm, `liker${i}`));
    const tweets: number[] = [];
    for (let i = 0; i < 5; i++) tweets.push((await alice.api.tweet.create({ text: `t${i}` })).id);
    for (const liker of likers) await liker.api.tweet.like({ tweetId: tweets[0] as number });
    // Alice likes her tweets out of their order: her likes list follows her likes.
    const order = [3, 0, 4, 1, 2].map((i) => tweets[i] as number);
    for (const tweetId of order) await alice.api.tweet.like({ tweetId });

    const first = await anon().tweet.likedBy({ tweetId: tweets[0] as number, limit: 4 });
    const rest = await anon().tweet.likedBy({ tweetId: tweets[0] as number, cursor: first.nextCursor ?? '' });
    expect([...first.items, ...rest.items].map((u) => u.id)).toEqual(
      [...likers.map((l) => l.user.id), alice.user.id].reverse(),
    );
    expect(rest.nextCursor).toBeNull();
    const newest = first.items[0]?.likeId as number;
    expect((await anon().tweet.likedBy({ tweetId: tweets[0] as number, minId: newest })).items).toEqual([]);

    const liked = await alice.api.timeline.likes({ limit: 3 });
    const more = await alice.api.timeline.likes({ maxId: liked.items.at(-1)?.likeId });
    expect([...liked.items, ...more.items].map((t) => t.id)).toEqual([...order].reverse());
    expect(liked.items.every((t) => t.liked)).toBe(true);
    expect(more.nextCursor).toBeNull();

    await expectCode(anon().tweet.likedBy({ tweetId: 987_654 }), 'NOT_FOUND');
    await expectCode(anon().timeline.likes({}), 'UNAUTHORIZED');
  });

  it('200 likes at once count 200; a deleted tweet takes its likes and counts; a deleted account its likes', async () => {
    const alice = await signedIn(db().orm, 'alice');
    const { id } = await alice.api.tweet.create({ text: 'popular' });
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) {
      const [row] = await sql(
        `insert into users (name, email, hashed_password, username, username_key, profile, created_at, updated_at) ` +
          `values (?, ?, 'x', ?, ?, '', ?, ?)`,
        [`fan ${i}`, `fan${i}@example.com`, `fan${i}`, `fan${i}`, new Date(), new Date()],
      ).then(() => sql('select max(id) as id from users'));
      ids.push(Number(row?.id));
    }
    // Each like on an EntityManager of its own, all at once.
    const made = await Promise.all(ids.map((userId) => insertLike(sqlEm(db().orm).fork(), userId, id)));
    expect(made.every(Boolean)).toBe(true);
    expect(await anon().tweet.byId({ tweetId: id })).toMatchObject({ likeCount: 200 });

    const bob = await signedIn(db().orm, 'bob');
    const other = await alice.api.tweet.create({ text: 'other' });
    await bob.api.tweet.like({ tweetId: id });
    await bob.api.tweet.like({ tweetId: other.id });
    await bob.api.auth.deleteAccount({ password: 'password123' });
    expect(await anon().tweet.byId({ tweetId: id })).toMatchObject({ likeCount: 200 });
    expect(await anon().tweet.byId({ tweetId: other.id })).toMatchObject({ likeCount: 0 });

    await alice.api.tweet.delete({ tweetId: id });
    expect(await sql('select count(*) as n from tweet_likes where tweet_id = ?', [id])).toEqual([{ n: 0 }]);
    expect(await sql('select count(*) as n from tweet_stats where tweet_id = ?', [id])).toEqual([{ n: 0 }]);
  });
});
