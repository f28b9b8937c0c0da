/**
 * The schema must work without foreign keys (a sharded MySQL such as Vitess has none across shards):
 * with every foreign key dropped, nothing is left behind and nothing dangling is written.
 */
import { sqlEm } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { callerFor, signedIn } from './helpers.ts';

describe.each(testDialects())('without foreign keys on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const sql = (query: string, params: unknown[] = []) => sqlEm(db().orm).fork().execute(query, params);

  beforeEach(async () => {
    if (dialect === 'sqlite') {
      await sql('pragma foreign_keys = off');
      return;
    }
    const keys = await sql(
      'select table_name as t, constraint_name as c from information_schema.referential_constraints ' +
        'where constraint_schema = database()',
    );
    for (const { t, c } of keys) await sql(`alter table \`${t}\` drop foreign key \`${c}\``);
    expect(
      await sql('select 1 from information_schema.referential_constraints where constraint_schema = database()'),
    ).toHaveLength(0);
  });

  /** Rows that still name user `id`, per table. */
  async function rowsOf(id: number) {
    const count = async (query: string) => Number((await sql(query, [id, id]))[0]?.n);
    return {
      users: await count('select count(*) as n from users where id = ? or id = ?'),
      tweets: await count('select count(*) as n from tweets where user_id = ? or user_id = ?'),
      follows: await count('select count(*) as n from users_follow_list where user_id = ? or follow_user_id = ?'),
      sessions: await count('select count(*) as n from auth_sessions where user_id = ? or user_id = ?'),
      tickets: await count(
        'select count(*) as n from stream_tickets where session_id in ' +
          '(select id from auth_sessions where user_id = ? or user_id = ?)',
      ),
      orphanTickets: Number(
        (
          await sql(
            'select count(*) as n from stream_tickets t ' +
              'where not exists (select 1 from auth_sessions s where s.id = t.session_id)',
          )
        )[0]?.n,
      ),
      keys: await count('select count(*) as n from idempotency_keys where user_id = ? or user_id = ?'),
      // Their likes, and others' likes of their tweets.
      likes: await count(
        'select count(*) as n from tweet_likes where user_id = ? or tweet_id in (select id from tweets where user_id = ?)',
      ),
    };
  }

  it('deleting an account deletes everything of it, and logging out its stream tickets', async () => {
    const a = await signedIn(db().orm, 'a');
    const b = await signedIn(db().orm, 'b');
    await a.api.follow.follow({ userId: b.user.id });
    await b.api.follow.follow({ userId: a.user.id });
    const keyed = await callerFor(db().orm, a.token, { idempotencyKey: 'k1' }).tweet.create({ text: 'keyed' });
    const bs = await b.api.tweet.create({ text: 'b' });
    await a.api.tweet.like({ tweetId: bs.id });
    await b.api.tweet.like({ tweetId: keyed.id });
    await a.api.auth.streamTicket();
    await b.api.auth.streamTicket();
    expect(await rowsOf(a.user.id)).toMatchObject({ tweets: 1, follows: 2, tickets: 1, keys: 1, likes: 2 });
    await b.api.auth.logout();
    expect((await rowsOf(b.user.id)).orphanTickets).toBe(0);

    await a.api.auth.deleteAccount({ password: 'password123' });
    expect(await rowsOf(a.user.id)).toEqual({
      users: 0,
      tweets: 0,
      follows: 0,
      sessions: 0,
      tickets: 0,
      orphanTickets: 0,
      keys: 0,
      likes: 0,
    });
    // B's tweet counts A's like no more.
    expect(await b.api.tweet.byId({ tweetId: bs.id })).toMatchObject({ likeCount: 0 });
  });

  it('writes nothing that names a missing user', async () => {
    const a = await signedIn(db().orm, 'a');
    await expect(a.api.follow.follow({ userId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(Number((await sql('select count(*) as n from users_follow_list'))[0]?.n)).toBe(0);
    await expect(a.api.tweet.like({ tweetId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(Number((await sql('select count(*) as n from tweet_likes'))[0]?.n)).toBe(0);
    expect(Number((await sql('select count(*) as n from tweet_stats'))[0]?.n)).toBe(0);
  });
});
