import { Session, sqlEm, User } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import bcrypt from 'bcrypt';
import jwt from 'jsonwebtoken';
import { describe, expect, it, vi } from 'vitest';
import {
  authenticate,
  changePassword,
  login,
  logout,
  logoutEverywhere,
  signUp,
  verifyToken,
} from '../src/services/auth.ts';
import { ServiceError } from '../src/services/errors.ts';
import { follow, unfollow } from '../src/services/follows.ts';
import { createTweet, deleteTweet } from '../src/services/tweets.ts';
import { testAuth } from './helpers.ts';

const refusal = (kind: string) => expect.objectContaining({ name: 'ServiceError', kind });

const now = () => Math.floor(Date.now() / 1000);
/** A token signed with the test secret; by default one that Miniter itself would issue. */
const sign = (claims: object, options: jwt.SignOptions = {}) =>
  jwt.sign({ jti: 'a'.repeat(32), ...claims }, testAuth.jwtSecret, {
    issuer: 'miniter',
    audience: 'miniter-api',
    ...options,
  });

describe('tokens', () => {
  it('are accepted only when signed, current, and addressed to Miniter', () => {
    expect(verifyToken(testAuth, sign({ sub: '7' }, { expiresIn: 60 }))).toEqual({
      userId: 7,
      sessionId: 'a'.repeat(32),
    });
    // Within the clock tolerance (5 s by default), an expiry just past still counts.
    expect(verifyToken(testAuth, sign({ sub: '7', exp: now() - 2 }))).not.toBeNull();
  });

  it('stop being accepted when they expire, also after a first check, and only under their secret', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const token = sign({ sub: '8' }, { expiresIn: 10 });
      expect(verifyToken(testAuth, token)).toEqual({ userId: 8, sessionId: 'a'.repeat(32) });
      expect(verifyToken({ ...testAuth, jwtSecret: 'another secret of 32 characters or so' }, token)).toBeNull();
      vi.setSystemTime(Date.now() + 13_000);
      expect(verifyToken(testAuth, token)).not.toBeNull();
      vi.setSystemTime(Date.now() + 3_000);
      expect(verifyToken(testAuth, token)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['expired', () => sign({ sub: '7', exp: now() - 10 })],
    ['without exp', () => sign({ sub: '7' })],
    [
      'without a session id',
      () => jwt.sign({ sub: '7' }, testAuth.jwtSecret, { expiresIn: 60, issuer: 'miniter', audience: 'miniter-api' }),
    ],
    ['from another issuer', () => sign({ sub: '7' }, { expiresIn: 60, issuer: 'someone-else' })],
    ['for another audience', () => sign({ sub: '7' }, { expiresIn: 60, audience: 'another-api' })],
    ['signed with another secret', () => jwt.sign({ sub: '7', jti: 'x' }, 'another-secret', { expiresIn: 60 })],
    [
      'alg none',
      () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
          `{"sub":"7","jti":"x","iss":"miniter","aud":"miniter-api","exp":${now() + 60}}`,
        ).toString('base64url')}.`,
    ],
    ['with a non-numeric subject', () => sign({ sub: 'admin' }, { expiresIn: 60 })],
    ['garbage', () => 'not.a.token'],
  ])('are refused when %s', (_, make) => {
    expect(verifyToken(testAuth, make())).toBeNull();
  });
});

describe.each(testDialects())('services on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const em = () => sqlEm(db().orm).fork();
  const newUser = (name: string) =>
    signUp(em(), testAuth, { name, email: `${name}@example.com`, password: 'password123' });

  it('sign-up stores only a bcrypt hash of the password', async () => {
    const user = await newUser('alice');
    const stored = await em().findOneOrFail(User, user.id, { populate: ['hashedPassword'] });
    expect(stored.hashedPassword).not.toContain('password123');
    expect(await bcrypt.compare('password123', stored.hashedPassword)).toBe(true);
    expect(bcrypt.getRounds(stored.hashedPassword)).toBe(testAuth.bcryptCost);
    // Hidden and lazy: a plain load neither selects nor serialises it.
    const plain = await em().findOneOrFail(User, user.id);
    expect(JSON.stringify(plain)).not.toContain('$2');
  });

  it('sign-up refuses a taken email, also when two race', async () => {
    await newUser('alice');
    await expect(newUser('alice')).rejects.toEqual(refusal('CONFLICT'));
    const racers = await Promise.allSettled([newUser('bob'), newUser('bob'), newUser('bob')]);
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of racers) if (r.status === 'rejected') expect(r.reason).toEqual(refusal('CONFLICT'));
  });

  it('login gives one answer for an unknown email and a wrong password', async () => {
    await newUser('alice');
    const session = await login(em(), testAuth, { email: 'alice@example.com', password: 'password123' });
    expect(verifyToken(testAuth, session.accessToken)?.userId).toBe(session.user.id);
    // Nothing personal in the token: who (by id), which session, when, from whom, for whom.
    expect(Object.keys(jwt.decode(session.accessToken) as object).sort()).toEqual([
      'aud',
      'exp',
      'iat',
      'iss',
      'jti',
      'sub',
    ]);
    const wrong = await login(em(), testAuth, { email: 'alice@example.com', password: 'nope-nope' }).catch((e) => e);
    const unknown = await login(em(), testAuth, { email: 'nobody@example.com', password: 'password123' }).catch(
      (e) => e,
    );
    expect(wrong).toBeInstanceOf(ServiceError);
    expect(unknown).toEqual(refusal('UNAUTHORIZED'));
    expect(wrong.message).toBe(unknown.message);
  });

  it('a token works only while its session lives', async () => {
    const user = await newUser('alice');
    const credentials = { email: 'alice@example.com', password: 'password123' };
    const [first, second] = [await login(em(), testAuth, credentials), await login(em(), testAuth, credentials)];
    expect((await authenticate(em(), testAuth, first.accessToken)).user.id).toBe(user.id);

    const { sessionId } = await authenticate(em(), testAuth, first.accessToken);
    await logout(em(), sessionId);
    await expect(authenticate(em(), testAuth, first.accessToken)).rejects.toEqual(refusal('UNAUTHORIZED'));
    expect((await authenticate(em(), testAuth, second.accessToken)).user.id).toBe(user.id);

    await logoutEverywhere(em(), user);
    await expect(authenticate(em(), testAuth, second.accessToken)).rejects.toEqual(refusal('UNAUTHORIZED'));
    await expect(authenticate(em(), testAuth, null)).rejects.toEqual(refusal('UNAUTHORIZED'));
  });

  it('a password change ends every session and opens a new one', async () => {
    const user = await newUser('alice');
    const old = await login(em(), testAuth, { email: 'alice@example.com', password: 'password123' });
    const fork = em();
    const current = await fork.findOneOrFail(User, user.id);
    await expect(
      changePassword(fork, testAuth, current, { currentPassword: 'wrong-password', newPassword: 'new password 1' }),
    ).rejects.toEqual(refusal('FORBIDDEN'));
    const fresh = await changePassword(fork, testAuth, current, {
      currentPassword: 'password123',
      newPassword: 'new password 1',
    });
    await expect(authenticate(em(), testAuth, old.accessToken)).rejects.toEqual(refusal('UNAUTHORIZED'));
    expect((await authenticate(em(), testAuth, fresh.accessToken)).user.id).toBe(user.id);
    await expect(login(em(), testAuth, { email: 'alice@example.com', password: 'password123' })).rejects.toEqual(
      refusal('UNAUTHORIZED'),
    );
    await login(em(), testAuth, { email: 'alice@example.com', password: 'new password 1' });
  });

  it('deleting a user ends their sessions at once', async () => {
    const user = await newUser('alice');
    const { accessToken } = await login(em(), testAuth, { email: 'alice@example.com', password: 'password123' });
    await em().nativeDelete(User, { id: user.id });
    await expect(authenticate(em(), testAuth, accessToken)).rejects.toEqual(refusal('UNAUTHORIZED'));
    expect(await em().count(Session, {})).toBe(0);
  });

  it('follow rules: not yourself, not a missing user, repeats are no-ops', async () => {
    const [alice, bob] = [await newUser('alice'), await newUser('bob')];
    await expect(follow(em(), alice, alice.id)).rejects.toEqual(refusal('BAD_REQUEST'));
    await expect(follow(em(), alice, 999_999)).rejects.toEqual(refusal('NOT_FOUND'));
    expect(await follow(em(), alice, bob.id)).toEqual({ userId: bob.id, following: true, followedBy: false });
    expect(await follow(em(), alice, bob.id)).toEqual({ userId: bob.id, following: true, followedBy: false });
    expect(await unfollow(em(), alice, bob.id)).toEqual({ userId: bob.id, following: false, followedBy: false });
    expect(await unfollow(em(), alice, bob.id)).toEqual({ userId: bob.id, following: false, followedBy: false });
  });

  it('only the author deletes a tweet', async () => {
    const [alice, bob] = [await newUser('alice'), await newUser('bob')];
    const tweet = await createTweet(em(), await em().findOneOrFail(User, alice.id), 'hello');
    await expect(deleteTweet(em(), bob, tweet.id)).rejects.toEqual(refusal('FORBIDDEN'));
    await deleteTweet(em(), alice, tweet.id);
    await expect(deleteTweet(em(), alice, tweet.id)).rejects.toEqual(refusal('NOT_FOUND'));
  });
});
