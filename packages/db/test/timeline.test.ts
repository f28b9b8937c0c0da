/**
 * The home timeline's window-by-window plan against a brute-force answer, for readers on each side
 * of the plan's switch: a few listed followees (some of them quiet) and many matched by a subquery.
 * A third of the tweets are replies and a tenth reposts, which the home timeline shows by its rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Follow, Tweet, User } from '../src/entities/index.ts';
import { sqlEm } from '../src/orm.ts';
import { decodeCursor } from '../src/pagination.ts';
import { findTimeline, findTimelineRows } from '../src/queries/timeline.ts';
import { createRandom, randomInt } from '../src/seed/random.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../src/testing/index.ts';

const userCount = 160;
const tweetCount = 3_000;
/** Follows: 1 → 2..131 (more than are listed), 2 → 3 quiet ones, 3 → one prolific one, 4 → nobody. */
const follows: Record<number, number[]> = {
  1: Array.from({ length: 130 }, (_, i) => i + 2),
  2: [150, 151, 152],
  3: [10],
  4: [],
};

/**
 * Tweet ids as this database gives them (1, 2, 3…), or as a distributed one may: unique and only
 * roughly in time order, e.g. TiDB hands each node its own range of 30,000 auto-increment ids, so
 * consecutive tweets may be millions apart and out of order. The timeline must stay whole either way.
 */
const idSchemes = {
  dense: (i: number) => i + 1,
  sparse: (i: number) => (i % 3 === 0 ? 40_000_000 + i : i % 3 === 1 ? 30_001 + i : i + 1),
};

const idKinds = Object.keys(idSchemes) as (keyof typeof idSchemes)[];

describe.each(testDialects().flatMap((dialect) => idKinds.map((ids) => [dialect, ids] as const)))(
  'the home timeline on %s with %s ids',
  (dialect, ids) => {
    let db: TestDatabase;
    const authorOf = new Map<number, number>();
    /** Whom each reply answers: the tweet and its author. */
    const replyTo = new Map<number, { id: number; userId: number }>();
    /** What each repost passes on: the tweet and its author. */
    const repostOf = new Map<number, { id: number; userId: number }>();

    beforeAll(async () => {
      db = await createTestDatabase(dialect);
      const em = sqlEm(db.orm).fork();
      await em.insertMany(
        User,
        Array.from({ length: userCount }, (_, i) => ({
          id: i + 1,
          name: `u${i + 1}`,
          username: `u${i + 1}`,
          usernameKey: `u${i + 1}`,
          email: `u${i + 1}@example.com`,
          hashedPassword: 'x',
          profile: '',
          createdAt: new Date(),
          updatedAt: new Date(),
        })),
      );
      await em.insertMany(
        Follow,
        Object.entries(follows).flatMap(([user, followed]) =>
          followed.map((f) => ({ user: Number(user), followed: f, createdAt: new Date() })),
        ),
      );
      // Most tweets by a few authors; the quiet ones wrote one each, long ago.
      const random = createRandom(7);
      const reposted = new Set<string>();
      const tweets = Array.from({ length: tweetCount }, (_, i) => {
        const id = idSchemes[ids](i);
        const author = [99, 100, 101, 102].includes(i)
          ? [2, 150, 151, 152][i - 99]
          : random() < 0.3
            ? 10
            : 11 + randomInt(random, 139); // 11–149: never a quiet one
        authorOf.set(id, author as number);
        const earlier = i > 0 ? idSchemes[ids](randomInt(random, i)) : undefined;
        const kind = random();
        // A tenth pass an earlier tweet on (one repost per user and tweet; never a repost).
        const passed = earlier !== undefined && kind < 0.1 && !repostOf.has(earlier) ? earlier : undefined;
        const repost =
          passed === undefined || reposted.has(`${passed}:${author}`)
            ? undefined
            : { id: passed, userId: authorOf.get(passed) as number };
        if (repost) {
          repostOf.set(id, repost);
          reposted.add(`${repost.id}:${author}`);
        }
        // A third answer an earlier tweet, by anyone (themselves too: a thread).
        const reply =
          !repost && earlier !== undefined && kind > 0.67 && !repostOf.has(earlier)
            ? { id: earlier, userId: authorOf.get(earlier) as number }
            : undefined;
        if (reply) replyTo.set(id, reply);
        return {
          id,
          author: author as number,
          text: repost ? '' : `t${id}`,
          createdAt: new Date(),
          inReplyToId: reply?.id ?? null,
          inReplyToUserId: reply?.userId ?? null,
          repostOfId: repost?.id ?? null,
          repostOfUserId: repost?.userId ?? null,
        };
      });
      for (let i = 0; i < tweets.length; i += 500) await em.insertMany(Tweet, tweets.slice(i, i + 500));
      // Counted as the triggers would have, had the counts rows been there.
      await em.execute(
        'insert into tweet_stats (tweet_id, reply_count, repost_count) select id, ' +
          '(select count(*) from tweets as r where r.in_reply_to_id = t.id), ' +
          '(select count(*) from tweets as r where r.repost_of_id = t.id) from tweets as t',
      );
    }, 60_000);
    afterAll(() => db.close());

    const sees = (userId: number, author: number) => author === userId || Boolean(follows[userId]?.includes(author));
    /** Whether someone the reader sees reposted `tweetId` in an entry above `entryId`. */
    const repostedSince = (userId: number, tweetId: number, entryId: number) =>
      [...repostOf].some(([id, of]) => of.id === tweetId && id > entryId && sees(userId, authorOf.get(id) as number));
    /**
     * What the timeline must hold, highest id first: every tweet and repost of the reader and their
     * followees, but a followee's reply only when the reader is or follows whom it answers, a
     * reposted tweet only at its newest entry, and no repost of the reader's own tweets.
     */
    const expected = (userId: number) =>
      [...authorOf]
        .filter(([id, author]) => {
          const reply = replyTo.get(id);
          const repost = repostOf.get(id);
          if (repost) return sees(userId, author) && repost.userId !== userId && !repostedSince(userId, repost.id, id);
          if (author === userId) return true;
          return sees(userId, author) && (!reply || sees(userId, reply.userId)) && !repostedSince(userId, id, id);
        })
        .map(([id]) => id)
        .sort((a, b) => b - a);

    it.each([1, 2, 3, 4, 10])('user %i reads every tweet once, newest first, page by page', async (userId) => {
      for (const limit of [7, 100]) {
        const seen: number[] = [];
        let after: number | undefined;
        for (let pages = 0; pages < 5_000; pages++) {
          const page = await findTimeline(sqlEm(db.orm).fork(), { userId, includeFollowed: true, after, limit });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items.map((t) => t.id));
          if (!page.nextCursor) break;
          after = decodeCursor(page.nextCursor, 1)?.[0];
        }
        expect(seen).toEqual(expected(userId));
      }
    });

    it.each([1, 2, 3, 10])(
      'user %i reads between bounds: newest first page by page, or oldest first',
      async (userId) => {
        const all = expected(userId);
        // Bounds inside the history, a tweet's id each, as Mastodon's max_id, since_id and min_id are.
        const after = all[Math.floor(all.length / 5)] as number;
        const since = all[Math.floor((all.length * 4) / 5)] as number;
        const within = all.filter((id) => id < after && id > since);
        const seen: number[] = [];
        let cursor = after;
        for (let pages = 0; pages < 5_000; pages++) {
          const page = await findTimeline(sqlEm(db.orm).fork(), {
            userId,
            includeFollowed: true,
            after: cursor,
            since,
            limit: 7,
          });
          seen.push(...page.items.map((t) => t.id));
          if (!page.nextCursor) break;
          cursor = decodeCursor(page.nextCursor, 1)?.[0] as number;
        }
        expect(seen).toEqual(within);
        const oldest = await findTimeline(sqlEm(db.orm).fork(), {
          userId,
          includeFollowed: true,
          since,
          oldestFirst: true,
          limit: 3,
        });
        expect(oldest.items.map((t) => t.id)).toEqual(all.filter((id) => id > since).slice(-3));
        expect(oldest.nextCursor).toBeNull();
      },
    );

    it('gives tweets and their authors exactly as the ORM loads them, dates included', async () => {
      const page = await findTimeline(sqlEm(db.orm).fork(), { userId: 2, includeFollowed: true, limit: 3 });
      // User 2's own tweet and the quiet followees' one each: the three highest of those four ids.
      expect(page.items.map((t) => t.id)).toEqual(expected(2).slice(0, 3));
      expect(page.items.map((t) => authorOf.get(t.id))).toEqual(page.items.map((t) => Number(t.author.name.slice(1))));
      const em = sqlEm(db.orm).fork();
      for (const item of page.items) {
        const stored = await em.findOneOrFail(Tweet, item.id, { populate: ['author'] });
        expect(item).toEqual({
          id: stored.id,
          text: stored.text,
          createdAt: stored.createdAt,
          author: {
            id: stored.author.id,
            name: stored.author.name,
            username: stored.author.username,
            profilePicture: null,
          },
          inReplyTo: replyTo.has(item.id)
            ? { ...replyTo.get(item.id), username: `u${replyTo.get(item.id)?.userId}` }
            : null,
          mentions: [],
          hashtags: [],
          replyCount: [...replyTo.values()].filter((reply) => reply.id === item.id).length,
          repostOfId: repostOf.get(item.id)?.id ?? null,
          repostOf: item.repostOf,
          likeCount: 0,
          repostCount: [...repostOf.values()].filter((repost) => repost.id === item.id).length,
          liked: false,
          reposted: false,
        });
      }
    });

    // How many statements it takes is a matter of dense ids (the windows are sized for them).
    it.skipIf(ids === 'sparse')('reads windows rather than whole histories, and only as many as needed', async () => {
      const statements: string[] = [];
      const em = sqlEm(db.orm).fork();
      const run = (sql: string, params: readonly unknown[]) => {
        statements.push(sql);
        return em.execute(sql, [...params]);
      };
      const window = /from \(select id from tweets as c where (.+?) order by id desc limit \?\)/;
      const rows = await findTimelineRows(run, { userId: 1, includeFollowed: true, limit: 20 });
      expect(rows.map((r) => Number(r.id))).toEqual(expected(1).slice(0, 21));
      expect(statements).toHaveLength(2);
      expect(window.exec(statements[1] ?? '')?.[1]).toMatch(/in \(select follow_user_id .* and id >= \? and id < \?$/);

      statements.length = 0;
      await findTimelineRows(run, { userId: 2, includeFollowed: true, limit: 20 });
      expect(window.exec(statements.at(-1) ?? '')?.[1]).toMatch(/^user_id in \(\?, \?, \?, \?\)/);

      statements.length = 0;
      await findTimelineRows(run, { userId: 10, includeFollowed: false, limit: 20 });
      expect(statements).toHaveLength(1);
      expect(window.exec(statements[0] ?? '')?.[1]).toBe('user_id in (?)');
    });
  },
);
