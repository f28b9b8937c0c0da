import { Session, sqlEm, User } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import type { TRPCError } from '@trpc/server';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { issueAccessToken, registerApplication } from '../src/services/oauth.ts';
import { callerFor, expectCode, signedIn, testAuth } from './helpers.ts';

describe.each(testDialects())('routers on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const anon = () => callerFor(db().orm);

  it('health.ping answers pong', async () => {
    expect(await anon().health.ping()).toBe('pong');
  });

  describe('auth.signUp', () => {
    const valid = { name: 'Alice', email: 'alice@example.com', password: 'password123' };

    it('returns the public user: trimmed name, no email, no hash', async () => {
      const user = await anon().auth.signUp({ ...valid, name: '  김철수 😀  ', profile: '백엔드 개발자' });
      expect(user).toEqual({
        id: expect.any(Number),
        name: '김철수 😀',
        username: 'alice',
        profile: '백엔드 개발자',
        profilePictureUrl: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    });

    it('stores the email lower-case and refuses it again in another case', async () => {
      const user = await anon().auth.signUp({ ...valid, email: 'Alice@Example.COM' });
      const stored = await db().orm.em.fork().findOneOrFail(User, user.id);
      expect(stored.email).toBe('alice@example.com');
      await expectCode(anon().auth.signUp({ ...valid, email: 'ALICE@example.com' }), 'CONFLICT');
    });

    it.each([
      ['name', { name: '   ' }],
      ['name', { name: 'n'.repeat(51) }],
      ['email', { email: 'not-an-email' }],
      ['password', { password: 'short' }],
      // 25 Hangul syllables are 25 characters but 75 bytes: bcrypt would ignore the tail.
      ['password', { password: '가'.repeat(25) }],
      ['profile', { profile: 'p'.repeat(2001) }],
    ])('refuses a bad %s with BAD_REQUEST', async (field, override) => {
      await expectCode(anon().auth.signUp({ ...valid, ...override }), 'BAD_REQUEST', field);
    });

    it('accepts limits exactly: 50-character name of emoji, 72-byte password', async () => {
      const user = await anon().auth.signUp({ ...valid, name: '😀'.repeat(50), password: '가'.repeat(24) });
      expect([...user.name]).toHaveLength(50);
      await anon().auth.login({ email: valid.email, password: '가'.repeat(24) });
    });
  });

  describe('auth.login', () => {
    it('matches the email case-insensitively and returns a bearer token', async () => {
      await anon().auth.signUp({ name: 'Bob', email: 'bob@example.com', password: 'password123' });
      const session = await anon().auth.login({ email: ' BOB@example.com', password: 'password123' });
      expect(session).toMatchObject({ tokenType: 'Bearer', expiresIn: testAuth.jwtExpiresIn, user: { name: 'Bob' } });
      const me = await callerFor(db().orm, session.accessToken).user.me();
      expect(me.email).toBe('bob@example.com');
    });

    it('gives the same UNAUTHORIZED for a wrong password and an unknown email', async () => {
      await anon().auth.signUp({ name: 'Bob', email: 'bob@example.com', password: 'password123' });
      const messages = await Promise.all(
        [
          { email: 'bob@example.com', password: 'wrong-password' },
          { email: 'nobody@example.com', password: 'password123' },
        ].map((input) =>
          anon()
            .auth.login(input)
            .catch((e: TRPCError) => `${e.code}: ${e.message}`),
        ),
      );
      expect(messages[0]).toMatch(/^UNAUTHORIZED/);
      expect(messages[1]).toBe(messages[0]);
    });
  });

  describe('protected procedures', () => {
    it('refuse a missing, malformed, expired, alg-none or orphaned token', async () => {
      const { user, token } = await signedIn(db().orm, 'alice');
      const expired = jwt.sign({ sub: String(user.id), exp: Math.floor(Date.now() / 1000) - 5 }, testAuth.jwtSecret);
      const none = jwt.sign({ sub: String(user.id) }, '', { algorithm: 'none', expiresIn: 60 });
      for (const bad of [undefined, 'garbage', expired, none]) {
        await expectCode(callerFor(db().orm, bad).user.me(), 'UNAUTHORIZED');
      }
      await db().orm.em.fork().nativeDelete(User, { id: user.id });
      await expectCode(callerFor(db().orm, token).tweet.create({ text: 'ghost' }), 'UNAUTHORIZED');
    });

    it('refuse a valid token once its session row has expired', async () => {
      const { user, token } = await signedIn(db().orm, 'alice');
      const em = db().orm.em.fork();
      await em.nativeUpdate(Session, { user: user.id }, { expiresAt: new Date(Date.now() + 60_000) });
      expect(await callerFor(db().orm, token).user.me()).toMatchObject({ id: user.id });
      await em.nativeUpdate(Session, { user: user.id }, { expiresAt: new Date(Date.now() - 1000) });
      await expectCode(callerFor(db().orm, token).user.me(), 'UNAUTHORIZED');
    });
  });

  describe('users', () => {
    it('user.byId counts followers, following and tweets, and says when they last tweeted', async () => {
      const alice = await signedIn(db().orm, 'alice');
      const bob = await signedIn(db().orm, 'bob');
      expect(await anon().user.byId({ userId: bob.user.id })).toMatchObject({ tweetCount: 0, lastTweetAt: null });
      await alice.api.follow.follow({ userId: bob.user.id });
      await bob.api.tweet.create({ text: 'one' });
      const last = await bob.api.tweet.create({ text: 'two' });
      expect(await anon().user.byId({ userId: bob.user.id })).toEqual({
        ...bob.user,
        followerCount: 1,
        followingCount: 0,
        tweetCount: 2,
        lastTweetAt: last.createdAt,
      });
      expect(await anon().user.byIds({ userIds: [bob.user.id, 987_654, alice.user.id, bob.user.id] })).toEqual([
        await anon().user.byId({ userId: bob.user.id }),
        await anon().user.byId({ userId: alice.user.id }),
        await anon().user.byId({ userId: bob.user.id }),
      ]);
      await expectCode(anon().user.byId({ userId: 987_654 }), 'NOT_FOUND');
      await expectCode(anon().user.byId({ userId: -1 }), 'BAD_REQUEST', 'userId');
    });
  });

  describe('tweets', () => {
    it('counts code points: 300 emoji fit and come back intact, 301 do not', async () => {
      const { api, user } = await signedIn(db().orm);
      const text = `${'😀'.repeat(299)}👍`;
      const tweet = await api.tweet.create({ text: `  ${text}\n` });
      expect(tweet).toEqual({
        id: expect.any(Number),
        text,
        createdAt: expect.any(String),
        author: { id: user.id, name: user.name, username: user.username, profilePictureUrl: null },
        inReplyTo: null,
        mentions: [],
        hashtags: [],
        repostOf: null,
        replyCount: 0,
        likeCount: 0,
        repostCount: 0,
        liked: false,
        reposted: false,
      });
      const [read] = (await anon().tweet.byAuthor({ userId: user.id })).items;
      expect(read?.text).toBe(text);
      await expectCode(api.tweet.create({ text: '😀'.repeat(301) }), 'BAD_REQUEST', 'text');
      await expectCode(api.tweet.create({ text: ' \n\t ' }), 'BAD_REQUEST', 'text');
    });

    it('tweet.delete: own only, then gone', async () => {
      const alice = await signedIn(db().orm, 'alice');
      const bob = await signedIn(db().orm, 'bob');
      const { id } = await alice.api.tweet.create({ text: 'mine' });
      await expectCode(bob.api.tweet.delete({ tweetId: id }), 'FORBIDDEN');
      expect(await alice.api.tweet.delete({ tweetId: id })).toEqual({ id });
      await expectCode(alice.api.tweet.delete({ tweetId: id }), 'NOT_FOUND');
      await expectCode(anon().tweet.delete({ tweetId: id }), 'UNAUTHORIZED');
    });
  });

  describe('auth.granted', () => {
    it("lets through a token whose scopes cover the one named, and Miniter's own sessions", async () => {
      const alice = await signedIn(db().orm, 'alice');
      const em = sqlEm(db().orm).fork();
      const { application } = await registerApplication(em, {
        name: 'App',
        redirectUris: ['urn:ietf:wg:oauth:2.0:oob'],
      });
      const grant = (scopes: string[]) =>
        issueAccessToken(em, { applicationId: application.id, userId: alice.user.id, scopes });
      const lists = callerFor(db().orm, await grant(['read:lists']));
      expect(await lists.auth.granted({ scope: 'read:lists' })).toEqual({ scope: 'read:lists' });
      await expectCode(lists.auth.granted({ scope: 'read:notifications' }), 'FORBIDDEN');
      const follow = callerFor(db().orm, await grant(['follow']));
      expect(await follow.auth.granted({ scope: 'read:blocks' })).toEqual({ scope: 'read:blocks' });
      expect(await alice.api.auth.granted({ scope: 'write:reports' })).toEqual({ scope: 'write:reports' });
      await expectCode(anon().auth.granted({ scope: 'read:lists' }), 'UNAUTHORIZED');
      // `read` stands for several: a call names the one it needs.
      await expectCode(alice.api.auth.granted({ scope: 'read' as never }), 'BAD_REQUEST', 'scope');
    });
  });

  describe('follows', () => {
    it('are idempotent both ways and refuse yourself or a missing user', async () => {
      const alice = await signedIn(db().orm, 'alice');
      const bob = await signedIn(db().orm, 'bob');
      const target = { userId: bob.user.id };
      const results = await Promise.all([1, 2, 3].map(() => alice.api.follow.follow(target)));
      expect(results).toEqual(Array(3).fill({ userId: bob.user.id, following: true, followedBy: false }));
      expect((await anon().follow.followers(target)).items.map((u) => u.id)).toEqual([alice.user.id]);
      expect(await alice.api.follow.unfollow(target)).toEqual({
        userId: bob.user.id,
        following: false,
        followedBy: false,
      });
      // Either way, the answer says whether they follow you.
      await bob.api.follow.follow({ userId: alice.user.id });
      expect(await alice.api.follow.unfollow(target)).toEqual({
        userId: bob.user.id,
        following: false,
        followedBy: true,
      });
      expect(await alice.api.follow.follow(target)).toEqual({ userId: bob.user.id, following: true, followedBy: true });
      await expectCode(alice.api.follow.follow({ userId: alice.user.id }), 'BAD_REQUEST');
      await expectCode(alice.api.follow.follow({ userId: 424_242 }), 'NOT_FOUND');
      await expectCode(anon().follow.followers({ userId: 424_242 }), 'NOT_FOUND');
    });

    it('tell whether you follow someone', async () => {
      const alice = await signedIn(db().orm, 'alice');
      const bob = await signedIn(db().orm, 'bob');
      const target = { userId: bob.user.id };
      expect(await alice.api.follow.relationship(target)).toEqual({ userId: bob.user.id, following: false });
      await alice.api.follow.follow(target);
      expect(await alice.api.follow.relationship(target)).toEqual({ userId: bob.user.id, following: true });
      expect(await bob.api.follow.relationship({ userId: alice.user.id })).toEqual({
        userId: alice.user.id,
        following: false,
      });
      await expectCode(alice.api.follow.relationship({ userId: 424_242 }), 'NOT_FOUND');
      await expectCode(anon().follow.relationship(target), 'UNAUTHORIZED');
    });

    it('list followers and following as public users with their follow ids, paged', async () => {
      const star = await signedIn(db().orm, 'star');
      const fans = [];
      for (let i = 0; i < 5; i++) {
        const fan = await signedIn(db().orm, `fan${i}`);
        await fan.api.follow.follow({ userId: star.user.id });
        fans.push(fan.user);
      }
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await anon().follow.followers({ userId: star.user.id, limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        for (const item of page.items) {
          expect(Object.keys(item).sort()).toEqual([
            'createdAt',
            'followId',
            'id',
            'name',
            'profile',
            'profilePictureUrl',
            'username',
          ]);
        }
        ids.push(...page.items.map((u) => u.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(ids).toEqual(fans.map((f) => f.id).reverse());
      // By follow id, as Mastodon's lists page: below, above, the page just above; and a bad one refused.
      const all = (await anon().follow.followers({ userId: star.user.id })).items;
      const [fan4, fan3, fan2, fan1] = all.map((u) => u.followId);
      const idsOf = async (bounds: object) =>
        (await anon().follow.followers({ userId: star.user.id, limit: 2, ...bounds })).items.map((u) => u.followId);
      expect(await idsOf({ maxId: fan3 })).toEqual([fan2, fan1]);
      expect(await idsOf({ sinceId: fan1 })).toEqual([fan4, fan3]);
      expect(await idsOf({ minId: fan1 })).toEqual([fan3, fan2]);
      expect(
        await idsOf({
          cursor: (await anon().follow.followers({ userId: star.user.id, limit: 1 })).nextCursor,
          maxId: fan2,
        }),
      ).toEqual([fan1, all[4]?.followId]);
      await expectCode(anon().follow.followers({ userId: star.user.id, maxId: 'nope' }), 'BAD_REQUEST');
      const following = await anon().follow.following({ userId: fans[0]?.id ?? 0 });
      expect(following).toEqual({
        items: [
          {
            id: star.user.id,
            name: 'star',
            username: star.user.username,
            profile: '',
            profilePictureUrl: null,
            createdAt: star.user.createdAt,
            followId: expect.stringMatching(/^\d+$/),
          },
        ],
        nextCursor: null,
      });
    });
  });

  describe('timelines', () => {
    it('home: own and followed tweets, newest first, once each; user and byAuthor views', async () => {
      const alice = await signedIn(db().orm, 'alice');
      const bob = await signedIn(db().orm, 'bob');
      const carol = await signedIn(db().orm, 'carol');
      await alice.api.follow.follow({ userId: bob.user.id });
      await carol.api.follow.follow({ userId: alice.user.id });
      const a1 = await alice.api.tweet.create({ text: 'a1' });
      const b1 = await bob.api.tweet.create({ text: 'b1' });
      await carol.api.tweet.create({ text: 'c1' });
      const a2 = await alice.api.tweet.create({ text: 'a2' });

      const home = await alice.api.timeline.home({});
      expect(home.items.map((t) => t.text)).toEqual(['a2', 'b1', 'a1']);
      expect(home.nextCursor).toBeNull();
      expect((await anon().timeline.user({ userId: alice.user.id })).items.map((t) => t.id)).toEqual([
        a2.id,
        b1.id,
        a1.id,
      ]);
      expect((await anon().tweet.byAuthor({ userId: alice.user.id })).items.map((t) => t.id)).toEqual([a2.id, a1.id]);
      await expectCode(alice.api.timeline.home(undefined as never), 'BAD_REQUEST');
      await expectCode(anon().timeline.home({}), 'UNAUTHORIZED');
      await expectCode(anon().timeline.user({ userId: 777_777 }), 'NOT_FOUND');
    });

    it('pages by cursor: default 20, limit 1–100, never a repeat or a gap', async () => {
      const { api } = await signedIn(db().orm);
      const written = [];
      for (let i = 0; i < 25; i++) written.push((await api.tweet.create({ text: `t${i}` })).id);

      const first = await api.timeline.home({});
      expect(first.items).toHaveLength(20);
      await api.tweet.create({ text: 'new while paging' });
      const second = await api.timeline.home({ cursor: first.nextCursor ?? '' });
      expect([...first.items, ...second.items].map((t) => t.id)).toEqual(written.reverse());
      expect(second.nextCursor).toBeNull();

      await expectCode(api.timeline.home({ limit: 0 }), 'BAD_REQUEST', 'limit');
      await expectCode(api.timeline.home({ limit: 101 }), 'BAD_REQUEST', 'limit');
      await expectCode(api.timeline.home({ cursor: 'bogus!' }), 'BAD_REQUEST', 'cursor');
      expect((await api.timeline.home({ limit: 100 })).items).toHaveLength(26);
    });

    it('withAuthors: each page also answers its authors, once each, as user.byIds does', async () => {
      const alice = await signedIn(db().orm, 'alice');
      const bob = await signedIn(db().orm, 'bob');
      await alice.api.follow.follow({ userId: bob.user.id });
      await bob.api.tweet.create({ text: 'b1' });
      await alice.api.tweet.create({ text: 'a1' });
      await bob.api.tweet.create({ text: 'b2' });
      const profiles = await anon().user.byIds({ userIds: [bob.user.id, alice.user.id] });

      const pages = [
        alice.api.timeline.home({ withAuthors: true }),
        anon().timeline.public({ withAuthors: true }),
        anon().timeline.user({ userId: alice.user.id, withAuthors: true }),
      ];
      for (const page of await Promise.all(pages)) {
        expect(page.items.map((t) => t.text)).toEqual(['b2', 'a1', 'b1']);
        // In the order each first appears on the page, with their counts.
        expect(page.authors).toEqual(profiles);
      }
      const bobs = await anon().tweet.byAuthor({ userId: bob.user.id, limit: 1, withAuthors: true });
      expect(bobs.authors).toEqual([profiles[0]]);
      // Not asked for: not answered.
      expect(await alice.api.timeline.home({})).not.toHaveProperty('authors');
      expect((await alice.api.timeline.home({ sinceId: 1e9, withAuthors: true })).authors).toEqual([]);
    });
  });
});
