/** Replies and threads through the procedures, on each database: counts, context, the home rule, the live rule. */
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from '../src/live/hub.ts';
import { verifyToken } from '../src/services/auth.ts';
import { callerFor, expectCode, signedIn, testAuth, testMedia } from './helpers.ts';

describe.each(testDialects())('replies on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const anon = () => callerFor(db().orm);
  let hub: LiveHub | undefined;
  afterEach(() => hub?.close());

  it('a reply says what it answers; the answered tweet counts its replies, exactly under concurrency', async () => {
    const alice = await signedIn(db().orm, 'alice');
    const bob = await signedIn(db().orm, 'bob');
    const root = await alice.api.tweet.create({ text: 'root' });
    expect(root).toMatchObject({ inReplyTo: null, replyCount: 0 });

    const reply = await bob.api.tweet.create({ text: 'answer', inReplyToId: root.id });
    expect(reply).toMatchObject({
      inReplyTo: { id: root.id, userId: alice.user.id, username: alice.user.username },
      replyCount: 0,
    });
    expect(await anon().tweet.byId({ tweetId: root.id })).toMatchObject({ replyCount: 1 });

    const repliers = await Promise.all(Array.from({ length: 12 }, (_, i) => signedIn(db().orm, `r${i}`)));
    await Promise.all(repliers.map((r) => r.api.tweet.create({ text: 'me too', inReplyToId: root.id })));
    expect(await anon().tweet.byId({ tweetId: root.id })).toMatchObject({ replyCount: 13 });

    await expectCode(bob.api.tweet.create({ text: 'into the void', inReplyToId: 987_654 }), 'NOT_FOUND');
    // Nothing written for it.
    expect((await anon().tweet.byAuthor({ userId: bob.user.id })).items).toHaveLength(1);

    // Deleting a reply uncounts it; deleting an account uncounts its replies.
    await bob.api.tweet.delete({ tweetId: reply.id });
    expect(await anon().tweet.byId({ tweetId: root.id })).toMatchObject({ replyCount: 12 });
    await repliers[0]?.api.auth.deleteAccount({ password: 'password123' });
    expect(await anon().tweet.byId({ tweetId: root.id })).toMatchObject({ replyCount: 11 });
  });

  it('context: ancestors oldest first, descendants depth first with their depth, paged without a repeat or a gap', async () => {
    const alice = await signedIn(db().orm, 'alice');
    const bob = await signedIn(db().orm, 'bob');
    const post = (who: typeof alice, text: string, inReplyToId?: number) =>
      who.api.tweet.create({ text, inReplyToId }).then((t) => t.id);
    const root = await post(alice, 'root');
    const a = await post(bob, 'a', root);
    const b = await post(alice, 'b', root);
    const a1 = await post(alice, 'a1', a);
    const a1x = await post(bob, 'a1x', a1);
    const a2 = await post(bob, 'a2', a);
    const b1 = await post(bob, 'b1', b);
    await alice.api.tweet.create({ text: 'unrelated' });

    const whole = await anon().tweet.context({ tweetId: root });
    expect(whole.tweet.id).toBe(root);
    expect(whole.ancestors).toEqual([]);
    expect(whole.descendants.map((t) => [t.id, t.depth])).toEqual([
      [a, 1],
      [a1, 2],
      [a1x, 3],
      [a2, 2],
      [b, 1],
      [b1, 2],
    ]);
    expect(whole.nextCursor).toBeNull();

    const middle = await bob.api.tweet.context({ tweetId: a1 });
    expect(middle.ancestors.map((t) => t.id)).toEqual([root, a]);
    expect(middle.descendants.map((t) => [t.id, t.depth])).toEqual([[a1x, 1]]);

    // Page by page, two at a time; a reply written between pages lands in its place, once.
    const seen: number[] = [];
    let cursor: string | undefined;
    let late: number | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await anon().tweet.context({ tweetId: root, limit: 2, cursor });
      seen.push(...page.descendants.map((t) => t.id));
      if (pages === 0) late = await post(alice, 'late', b1);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([a, a1, a1x, a2, b, b1, late]);

    await expectCode(anon().tweet.context({ tweetId: 987_654 }), 'NOT_FOUND');
    await expectCode(anon().tweet.context({ tweetId: root, cursor: 'nonsense' }), 'BAD_REQUEST');
  });

  it('a deleted tweet leaves its replies, which still say what they answered; the chain ends there', async () => {
    const alice = await signedIn(db().orm, 'alice');
    const bob = await signedIn(db().orm, 'bob');
    const root = await alice.api.tweet.create({ text: 'root' });
    const middle = await bob.api.tweet.create({ text: 'middle', inReplyToId: root.id });
    const leaf = await alice.api.tweet.create({ text: 'leaf', inReplyToId: middle.id });
    await bob.api.tweet.delete({ tweetId: middle.id });

    const thread = await anon().tweet.context({ tweetId: leaf.id });
    expect(thread.tweet.inReplyTo).toMatchObject({ id: middle.id, userId: bob.user.id });
    expect(thread.ancestors).toEqual([]);
    expect((await anon().tweet.context({ tweetId: root.id })).descendants).toEqual([]);
    expect(await anon().tweet.byId({ tweetId: root.id })).toMatchObject({ replyCount: 0 });
    // Replying to what is gone is refused.
    await expectCode(alice.api.tweet.create({ text: 'late', inReplyToId: middle.id }), 'NOT_FOUND');
  });

  it("a user's tweets without their replies to others keep their threads (Mastodon's exclude_replies)", async () => {
    const alice = await signedIn(db().orm, 'alice');
    const bob = await signedIn(db().orm, 'bob');
    const own = await alice.api.tweet.create({ text: 'mine' });
    const thread = await alice.api.tweet.create({ text: 'and more', inReplyToId: own.id });
    const other = await bob.api.tweet.create({ text: 'bob' });
    await alice.api.tweet.create({ text: 'to bob', inReplyToId: other.id });
    const ids = async (excludeReplies: boolean) =>
      (await anon().tweet.byAuthor({ userId: alice.user.id, excludeReplies })).items.map((t) => t.id);
    expect(await ids(true)).toEqual([thread.id, own.id]);
    expect(await ids(false)).toHaveLength(3);
  });

  /**
   * Who sees a reply at home: the reader (R) follows its author (A) and whom it answers (B) or not.
   * As Twitter and Mastodon: only when R follows (or is) both; R's own replies always.
   */
  const homeRules = [
    { case: 'a plain tweet of a followee', author: 'a', answers: null, follows: ['a'], shown: true },
    { case: "a followee's reply to a followee", author: 'a', answers: 'b', follows: ['a', 'b'], shown: true },
    { case: "a followee's reply to a stranger", author: 'a', answers: 'b', follows: ['a'], shown: false },
    { case: "a stranger's reply to a followee", author: 'a', answers: 'b', follows: ['b'], shown: false },
    { case: "a followee's reply to the reader", author: 'a', answers: 'r', follows: ['a'], shown: true },
    { case: "a stranger's reply to the reader", author: 'a', answers: 'r', follows: [], shown: false },
    { case: "a followee's reply to themselves (a thread)", author: 'a', answers: 'a', follows: ['a'], shown: true },
    { case: "the reader's reply to a stranger", author: 'r', answers: 'b', follows: [], shown: true },
  ] as const;

  it.each(homeRules)('home and live: $case → shown $shown', async ({ author, answers, follows, shown }) => {
    hub = new LiveHub({ orm: db().orm, media: testMedia(), limits: { pollMs: 50 } });
    await hub.start();
    const people = {
      r: await signedIn(db().orm, 'r'),
      a: await signedIn(db().orm, 'a'),
      b: await signedIn(db().orm, 'b'),
    };
    for (const name of follows) await people.r.api.follow.follow({ userId: people[name].user.id });
    const answered = answers && (await people[answers].api.tweet.create({ text: 'first' }));
    const sessionId = verifyToken(testAuth, people.r.token)?.sessionId ?? '';
    const events = hub.open({ userId: people.r.user.id, sessionId })[Symbol.asyncIterator]();
    let next = events.next();
    await expect.poll(() => hub?.stats().streams).toBe(1);

    const tweet = await people[author].api.tweet.create({ text: 'the one', inReplyToId: answered?.id });
    // A tweet of the reader's own after it: the live stream has shown the one by then if it shows it.
    const marker = await people.r.api.tweet.create({ text: 'marker' });
    const home = (await people.r.api.timeline.home({})).items.map((t) => t.id);
    expect(home.includes(tweet.id)).toBe(shown);
    const live: number[] = [];
    for (;;) {
      const { value } = await next;
      live.push((value as { data: { tweet: { id: number } } }).data.tweet.id);
      if (live.includes(marker.id)) break;
      next = events.next();
    }
    expect(live.includes(tweet.id)).toBe(shown);
  });
});
