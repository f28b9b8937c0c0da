/** Mentions and hashtags stored when a tweet is written, read with it, and the tag's timeline. */
import { sqlEm } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectCode, signedIn } from './helpers.ts';

describe.each(testDialects())('mentions and hashtags on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const anon = () => callerFor(db().orm);
  const count = async (table: string) =>
    Number((await sqlEm(db().orm).fork().execute(`select count(*) as n from ${table}`))[0]?.n);

  it('a tweet mentions the accounts its @handles name (any case) and carries its tags, each once', async () => {
    const kim = await signedIn(db().orm, 'kim');
    const lee = await signedIn(db().orm, 'lee');
    const handle = lee.user.username;
    const tweet = await kim.api.tweet.create({
      text: `@${handle.toUpperCase()} @${handle} @nobody_here #Seoul #서울 #seoul, mail ${handle}@example.com #1`,
    });
    expect(tweet.mentions).toEqual([{ id: lee.user.id, username: handle }]);
    expect([...tweet.hashtags].sort()).toEqual(['seoul', '서울']);
    // Every read says so.
    expect(await anon().tweet.byId({ tweetId: tweet.id })).toMatchObject({ mentions: tweet.mentions });
    expect((await anon().timeline.public({})).items[0]?.hashtags.sort()).toEqual(['seoul', '서울']);
    // A plain tweet has none.
    expect(await kim.api.tweet.create({ text: 'plain' })).toMatchObject({ mentions: [], hashtags: [] });
  });

  it("a tag's timeline: any case, with or without #, newest first, paged; a deleted tweet leaves it", async () => {
    const kim = await signedIn(db().orm, 'kim');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await kim.api.tweet.create({ text: `${i} #한국어 #Other${i}` })).id);
    await kim.api.tweet.create({ text: 'no tag here' });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await anon().timeline.hashtag({ tag: '#한국어', limit: 2, cursor });
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await anon().timeline.hashtag({ tag: 'OTHER3' })).items.map((t) => t.id)).toEqual([ids[3]]);
    expect((await anon().timeline.hashtag({ tag: 'unused' })).items).toEqual([]);

    await kim.api.tweet.delete({ tweetId: ids[4] as number });
    expect((await anon().timeline.hashtag({ tag: '한국어' })).items).toHaveLength(4);
    expect(await count('tweet_hashtags')).toBe(8);

    // Tags by their start, in order.
    expect((await anon().timeline.hashtags({ query: '#oth', limit: 3 })).items).toEqual(['other0', 'other1', 'other2']);
    expect((await anon().timeline.hashtags({ query: '한' })).items).toEqual(['한국어']);

    for (const tag of ['', '#', '12', 'no spaces', 'a-b'])
      await expectCode(anon().timeline.hashtag({ tag }), 'BAD_REQUEST');
  });

  it('a mentioned account that is deleted is mentioned no more; a deleted tweet leaves no rows', async () => {
    const kim = await signedIn(db().orm, 'kim');
    const lee = await signedIn(db().orm, 'lee');
    const tweet = await kim.api.tweet.create({ text: `hi @${lee.user.username} #bye` });
    await lee.api.auth.deleteAccount({ password: 'password123' });
    expect(await anon().tweet.byId({ tweetId: tweet.id })).toMatchObject({ mentions: [], hashtags: ['bye'] });
    expect(await count('tweet_mentions')).toBe(0);
    await kim.api.tweet.delete({ tweetId: tweet.id });
    expect(await count('tweet_hashtags')).toBe(0);
  });
});
