/**
 * Remembered session checks (`live/sessions.ts`), on both dialects, with two caches on one database
 * standing for two processes: a remembered check costs no statement, and whatever ends a session or
 * changes an account is refused or seen at once by the other process, however it was remembered.
 */
import { sqlEm } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionCache, settleSessionChange } from '../src/live/sessions.ts';
import { callerFor, signedIn } from './helpers.ts';

describe.each(testDialects())('remembered session checks on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const caches: SessionCache[] = [];
  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()));
  });

  /** A process: its own cache, started (and closed after the test). */
  async function process() {
    const sessions = new SessionCache({ orm: db().orm });
    caches.push(sessions);
    await sessions.start();
    return { sessions, as: (token: string) => callerFor(db().orm, token, { sessions }) };
  }

  it('answers a remembered check without the database, and forgets it when the epoch moves', async () => {
    const a = await process();
    const kim = await signedIn(db().orm, 'kim');
    expect((await a.as(kim.token).user.me()).id).toBe(kim.user.id);
    // Gone from the database without the epoch moving: the remembered check still answers.
    await sqlEm(db().orm).execute('delete from auth_sessions where user_id = ?', [kim.user.id]);
    expect((await a.as(kim.token).user.me()).id).toBe(kim.user.id);
    await settleSessionChange(sqlEm(db().orm).fork());
    await expect(a.as(kim.token).user.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each([
    ['auth.logout', (api: ReturnType<typeof callerFor>) => api.auth.logout()],
    ['auth.logoutAll', (api: ReturnType<typeof callerFor>) => api.auth.logoutAll()],
    [
      'auth.changePassword',
      (api: ReturnType<typeof callerFor>) =>
        api.auth.changePassword({ currentPassword: 'password123', newPassword: 'password456' }),
    ],
    ['auth.deleteAccount', (api: ReturnType<typeof callerFor>) => api.auth.deleteAccount({ password: 'password123' })],
  ])('refuses the token on the other process as soon as %s answers', async (_name, end) => {
    const [a, b] = [await process(), await process()];
    const kim = await signedIn(db().orm, 'kim');
    // Both remember the check.
    await a.as(kim.token).user.me();
    await b.as(kim.token).user.me();
    await end(a.as(kim.token));
    await expect(b.as(kim.token).user.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(a.as(kim.token).user.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('shows the other process an account changed through one at once', async () => {
    const [a, b] = [await process(), await process()];
    const kim = await signedIn(db().orm, 'kim');
    await b.as(kim.token).user.me();
    await a.as(kim.token).user.updateProfile({ name: 'Kim Minji' });
    expect((await b.as(kim.token).user.me()).name).toBe('Kim Minji');
  });

  it('does not remember a check read before a change it learns of later', async () => {
    const a = await process();
    const kim = await signedIn(db().orm, 'kim');
    await a.as(kim.token).user.me();
    const { jti } = JSON.parse(Buffer.from(kim.token.split('.')[1] ?? '', 'base64url').toString());
    const before = a.sessions.get(jti, kim.user.id);
    expect(before).not.toBeNull();
    await settleSessionChange(sqlEm(db().orm).fork());
    // A check whose statement read the old epoch, finishing after the change: not kept.
    a.sessions.remember(jti, kim.user.id, before as NonNullable<typeof before>);
    expect(a.sessions.get(jti, kim.user.id)).toBeNull();
  });

  it('stops trusting what it remembers once its ticks stall, and a change does not wait for it', async () => {
    const a = await process();
    const kim = await signedIn(db().orm, 'kim');
    await a.as(kim.token).user.me();
    // The epoch is no longer read (a stalled process), and the session goes behind the API's back.
    a.sessions.tick = () => new Promise(() => {});
    await sqlEm(db().orm).execute('delete from auth_sessions where user_id = ?', [kim.user.id]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(a.as(kim.token).user.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const started = performance.now();
    await settleSessionChange(sqlEm(db().orm).fork());
    expect(performance.now() - started).toBeLessThan(500);
  });
});
