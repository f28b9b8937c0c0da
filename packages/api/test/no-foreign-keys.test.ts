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
    };
  }

  it('deleting an account deletes everything of it, and logging out its stream tickets', async () => {
    const a = await signedIn(db().orm, 'a');
    const b = await signedIn(db().orm, 'b');
    await a.api.follow.follow({ userId: b.user.id });
    await b.api.follow.follow({ userId: a.user.id });
    await callerFor(db().orm, a.token, { idempotencyKey: 'k1' }).tweet.create({ text: 'keyed' });
    await a.api.auth.streamTicket();
    await b.api.auth.streamTicket();
    expect(await rowsOf(a.user.id)).toMatchObject({ tweets: 1, follows: 2, tickets: 1, keys: 1 });
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
    });
  });

  it('writes nothing that names a missing user', async () => {
    const a = await signedIn(db().orm, 'a');
    await expect(a.api.follow.follow({ userId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(Number((await sql('select count(*) as n from users_follow_list'))[0]?.n)).toBe(0);
  });
});
