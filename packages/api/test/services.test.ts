import { sqlEm, User } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import bcrypt from 'bcrypt';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { authenticate, issueToken, login, signUp, verifyToken } from '../src/services/auth.ts';
import { ServiceError } from '../src/services/errors.ts';
import { follow, unfollow } from '../src/services/follows.ts';
import { createTweet, deleteTweet } from '../src/services/tweets.ts';
import { testAuth } from './helpers.ts';

const refusal = (kind: string) => expect.objectContaining({ name: 'ServiceError', kind });

describe('tokens', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('carry the user id as subject and an expiry, nothing personal', () => {
    const token = issueToken(testAuth, 7);
    const payload = jwt.decode(token, { complete: true });
    expect(payload?.header.alg).toBe('HS256');
    expect(payload?.payload).toEqual({ sub: '7', iat: expect.any(Number), exp: expect.any(Number) });
    expect(verifyToken(testAuth, token)).toBe(7);
  });

  it.each([
    ['expired', () => jwt.sign({ sub: '7', exp: now() - 10 }, testAuth.jwtSecret)],
    ['without exp', () => jwt.sign({ sub: '7' }, testAuth.jwtSecret)],
    ['signed with another secret', () => jwt.sign({ sub: '7' }, 'another-secret', { expiresIn: 60 })],
    [
      'alg none',
      () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(`{"sub":"7","exp":${now() + 60}}`).toString('base64url')}.`,
    ],
    ['with a non-numeric subject', () => jwt.sign({ sub: 'admin' }, testAuth.jwtSecret, { expiresIn: 60 })],
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
    expect(verifyToken(testAuth, session.accessToken)).toBe(session.user.id);
    const wrong = await login(em(), testAuth, { email: 'alice@example.com', password: 'nope-nope' }).catch((e) => e);
    const unknown = await login(em(), testAuth, { email: 'nobody@example.com', password: 'password123' }).catch(
      (e) => e,
    );
    expect(wrong).toBeInstanceOf(ServiceError);
    expect(unknown).toEqual(refusal('UNAUTHORIZED'));
    expect(wrong.message).toBe(unknown.message);
  });

  it('authenticate refuses a valid token whose user is gone', async () => {
    const user = await newUser('alice');
    const token = issueToken(testAuth, user.id);
    expect((await authenticate(em(), testAuth, token)).id).toBe(user.id);
    await em().nativeDelete(User, { id: user.id });
    await expect(authenticate(em(), testAuth, token)).rejects.toEqual(refusal('UNAUTHORIZED'));
    await expect(authenticate(em(), testAuth, null)).rejects.toEqual(refusal('UNAUTHORIZED'));
  });

  it('follow rules: not yourself, not a missing user, repeats are no-ops', async () => {
    const [alice, bob] = [await newUser('alice'), await newUser('bob')];
    await expect(follow(em(), alice, alice.id)).rejects.toEqual(refusal('BAD_REQUEST'));
    await expect(follow(em(), alice, 999_999)).rejects.toEqual(refusal('NOT_FOUND'));
    expect(await follow(em(), alice, bob.id)).toEqual({ userId: bob.id, following: true });
    expect(await follow(em(), alice, bob.id)).toEqual({ userId: bob.id, following: true });
    expect(await unfollow(em(), alice, bob.id)).toEqual({ userId: bob.id, following: false });
    expect(await unfollow(em(), alice, bob.id)).toEqual({ userId: bob.id, following: false });
  });

  it('only the author deletes a tweet', async () => {
    const [alice, bob] = [await newUser('alice'), await newUser('bob')];
    const tweet = await createTweet(em(), await em().findOneOrFail(User, alice.id), 'hello');
    await expect(deleteTweet(em(), bob, tweet.id)).rejects.toEqual(refusal('FORBIDDEN'));
    await deleteTweet(em(), alice, tweet.id);
    await expect(deleteTweet(em(), alice, tweet.id)).rejects.toEqual(refusal('NOT_FOUND'));
  });
});
