/** Reposts through the procedures, on each database: one per user and tweet, counted, shown by the home rules. */
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from '../src/live/hub.ts';
import { verifyToken } from '../src/services/auth.ts';
import { callerFor, expectCode, signedIn, testAuth, testMedia } from './helpers.ts';

describe.each(testDialects())('reposts on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const anon = () => callerFor(db().orm);
  let hub: LiveHub | undefined;
  afterEach(() => hub?.close());

  it('one repost per user and tweet, counted, carrying the tweet; of a repost, of its tweet; undone likewise', async () => {
    const alice = await signedIn(db().orm, 'alice');
    const bob = await signedIn(db().orm, 'bob');
    const carol = await signedIn(db().orm, 'carol');
    const { id } = await alice.api.tweet.create({ text: 'pass it on' });

    const repost = await bob.api.tweet.repost({ tweetId: id });
    expect(repost).toMatchObject({
      text: '',
      author: { id: bob.user.id },
      repostOf: { id, repostCount: 1, reposted: true },
    });
    // Twice is one repost, and succeeds with the same entry.
    expect(await bob.api.tweet.repost({ tweetId: id })).toMatchObject({ id: repost.id, repostOf: { repostCount: 1 } });
    // A repost of the repost is of the tweet; so is a like or a reply of it.
    expect(await carol.api.tweet.repost({ tweetId: repost.id })).toMatchObject({ repostOf: { id, repostCount: 2 } });
    expect(await carol.api.tweet.like({ tweetId: repost.id })).toMatchObject({ id: repost.id });
    expect(await carol.api.tweet.create({ text: 'yes', inReplyToId: repost.id })).toMatchObject({ inReplyTo: { id } });
    expect(await anon().tweet.byId({ tweetId: id })).toMatchObject({ repostCount: 2, likeCount: 1, replyCount: 1 });
    expect(await bob.api.tweet.byId({ tweetId: id })).toMatchObject({ reposted: true });
    expect(await alice.api.tweet.byId({ tweetId: id })).toMatchObject({ reposted: false });

    // Who reposted it, most recent first, paged.
    const first = await anon().tweet.repostedBy({ tweetId: id, limit: 1 });
    expect(first.items.map((u) => u.id)).toEqual([carol.user.id]);
    const rest = await anon().tweet.repostedBy({ tweetId: id, cursor: first.nextCursor ?? undefined });
    expect(rest.items.map((u) => u.id)).toEqual([bob.user.id]);
    // Of a repost: of its tweet.
    const ofEntry = await anon().tweet.repostedBy({ tweetId: repost.id });
    expect(ofEntry.items.map((u) => u.id)).toEqual([carol.user.id, bob.user.id]);
    expect((await anon().tweet.likedBy({ tweetId: repost.id })).items.map((u) => u.id)).toEqual([carol.user.id]);

    // In the reposter's profile, not in the public timeline (as Mastodon's).
    expect((await anon().tweet.byAuthor({ userId: bob.user.id })).items.map((t) => t.repostOf?.id)).toEqual([id]);
    const excluded = await anon().tweet.byAuthor({ userId: bob.user.id, excludeReposts: true });
    expect(excluded.items).toEqual([]);
    expect((await anon().timeline.public({})).items.every((t) => t.repostOf === null)).toBe(true);

    expect(await bob.api.tweet.unrepost({ tweetId: id })).toMatchObject({ id, repostCount: 1, reposted: false });
    expect(await bob.api.tweet.unrepost({ tweetId: id })).toMatchObject({ id, repostCount: 1 });
    await expectCode(bob.api.tweet.repost({ tweetId: 987_654 }), 'NOT_FOUND');
    await expectCode(anon().tweet.repost({ tweetId: id }), 'UNAUTHORIZED');
  });

  it("a deleted tweet takes its reposts from every timeline; a deleted account, others' reposts of its tweets", async () => {
    const alice = await signedIn(db().orm, 'alice');
    const bob = await signedIn(db().orm, 'bob');
    const reader = await signedIn(db().orm, 'reader');
    await reader.api.follow.follow({ userId: bob.user.id });
    const gone = await alice.api.tweet.create({ text: 'soon gone' });
    const kept = await alice.api.tweet.create({ text: 'kept until the account goes' });
    await bob.api.tweet.repost({ tweetId: gone.id });
    await bob.api.tweet.repost({ tweetId: kept.id });
    const home = async () => (await reader.api.timeline.home({})).items.map((t) => t.repostOf?.id);
    expect(await home()).toEqual([kept.id, gone.id]);

    await alice.api.tweet.delete({ tweetId: gone.id });
    expect(await home()).toEqual([kept.id]);
    await alice.api.auth.deleteAccount({ password: 'password123' });
    expect(await home()).toEqual([]);
    expect((await anon().user.byId({ userId: bob.user.id })).tweetCount).toBe(0);
  });

  /**
   * The home timeline of a reader (R) who follows A and B: what a repost brings in. As Twitter and
   * Mastodon: a tweet shows once, at its newest repost by whom R follows; R's own tweets are not
   * brought back by reposts.
   */
  const homeRules = [
    { case: "a followee's repost of a stranger's tweet", reposts: [['a', 's']], shown: ['a>s'] },
    {
      case: 'two followees repost one tweet',
      reposts: [
        ['a', 's'],
        ['b', 's'],
      ],
      shown: ['b>s'],
    },
    { case: "a followee's repost of another followee's tweet", reposts: [['a', 'b']], shown: ['a>b'] },
    { case: "a followee's repost of the reader's tweet", reposts: [['a', 'r']], shown: ['r'] },
    { case: "a stranger's repost of a followee's tweet", reposts: [['s', 'a']], shown: ['a'] },
  ] as const;

  it.each(homeRules)('home and live: $case', async ({ reposts, shown }) => {
    hub = new LiveHub({ orm: db().orm, media: testMedia(), limits: { pollMs: 50 } });
    await hub.start();
    const people = {
      r: await signedIn(db().orm, 'r'),
      a: await signedIn(db().orm, 'a'),
      b: await signedIn(db().orm, 'b'),
      s: await signedIn(db().orm, 's'),
    };
    const name = new Map(Object.entries(people).map(([key, p]) => [p.user.id, key]));
    for (const followee of [people.a, people.b]) await people.r.api.follow.follow({ userId: followee.user.id });
    const tweets = new Map<string, number>();
    for (const [, author] of reposts) {
      if (!tweets.has(author)) tweets.set(author, (await people[author].api.tweet.create({ text: author })).id);
    }
    const sessionId = verifyToken(testAuth, people.r.token)?.sessionId ?? '';
    const events = hub.open({ userId: people.r.user.id, sessionId })[Symbol.asyncIterator]();
    let next = events.next();
    await expect.poll(() => hub?.stats().streams).toBe(1);
    for (const [by, author] of reposts) await people[by].api.tweet.repost({ tweetId: tweets.get(author) as number });
    const marker = await people.r.api.tweet.create({ text: 'marker' });

    // Each entry as `reposter>author`, or the author of a tweet shown as itself.
    const entry = (t: { author: { id: number }; repostOf: { author: { id: number } } | null }) =>
      t.repostOf ? `${name.get(t.author.id)}>${name.get(t.repostOf.author.id)}` : name.get(t.author.id);
    const home = (await people.r.api.timeline.home({})).items.filter((t) => t.id !== marker.id).map(entry);
    expect(home).toEqual([...shown]);
    // Live, every repost by whom the reader follows comes as it happens, but of the reader's own tweets.
    const live: string[] = [];
    for (;;) {
      const { value } = await next;
      if (value?.data.type === 'tweet' && value.data.tweet.id === marker.id) break;
      if (value?.data.type === 'repost') live.push(entry(value.data.repost) as string);
      next = events.next();
    }
    const expectedLive = reposts
      .filter(([by, author]) => by !== 's' && author !== 'r')
      .map(([by, author]) => `${by}>${author}`);
    expect(live).toEqual(expectedLive);
  });
});
