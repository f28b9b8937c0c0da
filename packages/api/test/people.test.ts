/**
 * People you can find (issue 25), through the procedures on both dialects: handle rules, derived
 * handles, profile changes, search ranking (Korean included), suggestions, the public timeline.
 */
import { reservedUsernames } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { callerFor, signedIn } from './helpers.ts';

/** The refusal a call ends in: its code, and the issues a client words for each field. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => expect.unreachable('the call succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The fields and messages of a refusal of bad input (the wire's `path: message` lines). */
const problems = (error: TRPCError) =>
  error.cause instanceof ZodError ? error.cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [];

let counter = 0;
const account = (name: string, username?: string) => ({
  name,
  ...(username === undefined ? {} : { username }),
  email: `user${++counter}@example.com`,
  password: 'password123',
});

describe.each(testDialects())('people on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const anon = () => callerFor(db().orm);
  const signUp = (name: string, username?: string) => anon().auth.signUp(account(name, username));

  describe('handles', () => {
    it.each([
      ['a', true],
      ['Kim_Min_Ji', true],
      ['x'.repeat(30), true],
      ['@kim', true],
      ['  kim  ', true],
      ['', false],
      ['x'.repeat(31), false],
      ['kim.minji', false],
      ['kim-minji', false],
      ['kim minji', false],
      ['김민지', false],
      // Look-alikes of Latin letters: Cyrillic а, Greek ο, fullwidth ｋ, the Kelvin sign, dotless ı.
      ['\u0430dmin', false],
      ['r\u03bfot', false],
      ['\uff4bim', false],
      ['\u212aim', false],
      ['k\u0131m', false],
      ['kim\u200b', false],
      ['kim\u0301', false],
      ['@@kim', false],
    ])('%j is a valid handle: %s', async (username, valid) => {
      const call = signUp('Kim', username);
      if (valid) {
        expect((await call).username).toBe(username.trim().replace(/^@/, ''));
      } else {
        const error = await refusal(call);
        expect(error.code).toBe('BAD_REQUEST');
        expect(problems(error)).toEqual([expect.stringMatching(/^username: /)]);
      }
    });

    it.each([...reservedUsernames].flatMap((word) => [word, word.toUpperCase()]))('%s is reserved', async (word) => {
      const error = await refusal(signUp('Someone', word));
      expect(error.code).toBe('BAD_REQUEST');
      expect(problems(error)).toEqual(['username: This username is reserved']);
    });

    it('are unique in any case, kept in the case they were chosen in, and found in any case', async () => {
      const kim = await signUp('Kim', 'KimMinJi');
      expect(kim.username).toBe('KimMinJi');
      const error = await refusal(signUp('Other Kim', 'kimminji'));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toBe('This username is taken');
      const profile = await anon().user.byUsername({ username: '@KIMMINJI' });
      expect(profile).toMatchObject({ id: kim.id, username: 'KimMinJi', followerCount: 0, tweetCount: 0 });
      await expect(anon().user.byUsername({ username: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('are derived from the e-mail when none is chosen: valid, numbered on a clash, never reserved', async () => {
      const made = [];
      for (const email of ['min.ji+news@a.example', 'min_ji@b.example', 'admin@c.example', '__@d.example']) {
        made.push(await anon().auth.signUp({ name: 'Min', email, password: 'password123' }));
      }
      expect(made.map((u) => u.username)).toEqual(['min_ji_news', 'min_ji', 'user', 'user2']);
    });

    it('of concurrent sign-ups for one handle: exactly one wins, the others get CONFLICT on username', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => anon().auth.signUp(account(`Racer ${i}`, 'racer'))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toMatchObject({ code: 'CONFLICT', message: 'This username is taken' });
          expect((result.reason as TRPCError).cause).toMatchObject({ field: 'username', reason: 'username_taken' });
        }
      }
    });

    it('of concurrent derived sign-ups from one local part: all succeed with distinct handles', async () => {
      const users = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          anon().auth.signUp({ name: 'Same', email: `same@host${i}.example`, password: 'password123' }),
        ),
      );
      expect(new Set(users.map((u) => u.username.toLowerCase())).size).toBe(5);
    });
  });

  describe('user.updateProfile', () => {
    it('changes name, handle and bio; the old handle is free at once', async () => {
      const me = await signedIn(db().orm, 'Before');
      const changed = await me.api.user.updateProfile({ name: '김민지', username: 'Minji', profile: '안녕하세요\r\n' });
      expect(changed).toMatchObject({
        name: '김민지',
        username: 'Minji',
        profile: '안녕하세요',
        email: expect.any(String),
      });
      expect(await me.api.user.me()).toMatchObject({ name: '김민지', username: 'Minji' });
      // Found by the new name, not the old one.
      expect((await anon().user.search({ query: 'ㄱㅁ' })).items.map((u) => u.id)).toEqual([me.user.id]);
      expect((await anon().user.search({ query: 'before' })).items).toEqual([]);
      const other = await signUp('Taker', me.user.username);
      expect(other.username).toBe(me.user.username);
    });

    it('refuses a taken handle with CONFLICT on username, and bad fields by name', async () => {
      await signUp('Taken', 'taken');
      const me = await signedIn(db().orm, 'Me');
      const taken = await refusal(me.api.user.updateProfile({ username: 'TAKEN' }));
      expect(taken.code).toBe('CONFLICT');
      expect(taken.cause).toMatchObject({ field: 'username' });
      for (const input of [
        { name: '' },
        { username: 'no way' },
        { username: 'settings' },
        { profile: 'p'.repeat(2001) },
      ]) {
        const error = await refusal(me.api.user.updateProfile(input));
        expect(error.code).toBe('BAD_REQUEST');
        expect(problems(error)[0]?.split(':')[0]).toBe(Object.keys(input)[0]);
      }
      expect(await me.api.user.me()).toMatchObject({ name: 'Me', username: me.user.username });
    });

    it('needs a session', async () => {
      expect((await refusal(anon().user.updateProfile({ name: 'x' }))).code).toBe('UNAUTHORIZED');
    });

    it('of two users racing for one handle: one wins', async () => {
      const [a, b] = [await signedIn(db().orm, 'A'), await signedIn(db().orm, 'B')];
      const results = await Promise.allSettled([
        a.api.user.updateProfile({ username: 'prize' }),
        b.api.user.updateProfile({ username: 'Prize' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    });
  });

  describe('user.search', () => {
    const ids = async (query: string, limit?: number) =>
      (await anon().user.search({ query, ...(limit ? { limit } : {}) })).items.map((u) => u.username);

    it('ranks the exact handle, then handles that start with it, then names with a word that does', async () => {
      await signUp('Zed Kim', 'zed');
      await signUp('Anyone', 'kimberly');
      await signUp('Someone', 'kim');
      await signUp('Kimchi Lover', 'lover');
      await signUp('Another', 'kim2');
      await signUp('Lee, Kim-Soo', 'lee');
      // Names by the word that matched (kim before kimchi), then by who came first.
      expect(await ids('kim')).toEqual(['kim', 'kim2', 'kimberly', 'zed', 'lee', 'lover']);
      expect(await ids('@KIM')).toEqual(await ids('kim'));
      expect(await ids('soo')).toEqual(['lee']);
      // Several words: each starts a word of the name, in any order.
      expect(await ids('kim lee')).toEqual(['lee']);
      expect(await ids('  LOVER  kimc ')).toEqual(['lover']);
      expect(await ids('kim nobody')).toEqual([]);
    });

    it('finds a user once, at their best rank, and pages without repeats or gaps', async () => {
      await signUp('Kim Kimberly Kimura', 'kimfan');
      for (let i = 0; i < 7; i++) await signUp(`Kim ${i}`, `k${i}`);
      const all = await ids('kim');
      expect(all[0]).toBe('kimfan');
      expect(new Set(all).size).toBe(all.length);
      expect(all).toHaveLength(8);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await anon().user.search({ query: 'kim', limit: 3, cursor });
        paged.push(...page.items.map((u) => u.username));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(all);
    });

    it('finds Korean names by any syllable prefix of a word and by initial consonants', async () => {
      await signUp('김민지', 'minji');
      await signUp('김민수', 'minsu');
      await signUp('박지민', 'jimin');
      expect(await ids('김민')).toEqual(['minsu', 'minji']);
      expect(await ids('민지')).toEqual(['minji']);
      expect(await ids('ㄱㅁㅈ')).toEqual(['minji']);
      expect(await ids('ㄱㅁ')).toEqual(['minsu', 'minji']);
      expect(await ids('ㅈㅁ')).toEqual(['jimin']);
      // By the word that matched: 지 (김민지's last syllable) before 지민.
      expect(await ids('지')).toEqual(['minji', 'jimin']);
    });

    it('takes %, _ and \\ literally', async () => {
      await signUp('100% Real', 'real');
      await signUp('Under_score', 'under_score');
      await signUp('Underscore', 'underscore');
      await signUp('Back\\slash', 'slash');
      // As wildcards, each of these would find someone.
      expect(await ids('100')).toEqual(['real']);
      expect(await ids('%')).toEqual([]);
      expect(await ids('100%')).toEqual([]);
      expect(await ids('under_')).toEqual(['under_score']);
      expect(await ids('_')).toEqual([]);
      expect(await ids('back\\')).toEqual([]);
      expect(await ids('\\')).toEqual([]);
    });

    it('refuses an empty query and a bad cursor by name', async () => {
      expect(problems(await refusal(anon().user.search({ query: '   ' })))).toEqual(['query: Query must not be empty']);
      expect(problems(await refusal(anon().user.search({ query: 'a', cursor: 'nope' })))[0]).toMatch(/^cursor: /);
      expect(await ids('@')).toEqual([]);
    });
  });

  describe('discovery', () => {
    it('timeline.public: everyone, newest first, paged, signed out', async () => {
      const a = await signedIn(db().orm, 'A');
      const b = await signedIn(db().orm, 'B');
      const written = [];
      for (let i = 0; i < 5; i++) written.push(await (i % 2 ? a : b).api.tweet.create({ text: `tweet ${i}` }));
      const page1 = await anon().timeline.public({ limit: 3 });
      const page2 = await anon().timeline.public({ limit: 3, cursor: page1.nextCursor ?? undefined });
      expect([...page1.items, ...page2.items].map((t) => t.id)).toEqual(written.map((t) => t.id).reverse());
      expect(page2.nextCursor).toBeNull();
      expect(page1.items[0]?.author).toEqual({
        id: b.user.id,
        name: 'B',
        username: b.user.username,
        profilePictureUrl: null,
      });
    });

    it('user.suggestions: friends of friends first, then the most followed; never yourself or your followees', async () => {
      const me = await signedIn(db().orm, 'Me');
      const friend = await signedIn(db().orm, 'Friend');
      const other = await signedIn(db().orm, 'Other');
      const [fof1, fof2, popular, quiet] = [
        await signUp('Fof One'),
        await signUp('Fof Two'),
        await signUp('Popular'),
        await signUp('Quiet'),
      ];
      await me.api.follow.follow({ userId: friend.user.id });
      await other.api.follow.follow({ userId: friend.user.id });
      for (const follower of [friend, other]) {
        await follower.api.follow.follow({ userId: fof2.id });
        await follower.api.follow.follow({ userId: popular.id });
      }
      await friend.api.follow.follow({ userId: fof1.id });
      await friend.api.follow.follow({ userId: me.user.id });
      const suggested = (await me.api.user.suggestions({ limit: 10 })).map((u) => u.id);
      expect(suggested.slice(0, 3).sort()).toEqual([fof1.id, fof2.id, popular.id].sort());
      expect(suggested).not.toContain(me.user.id);
      expect(suggested).not.toContain(friend.user.id);
      expect(suggested).not.toContain(quiet.id);
      expect((await me.api.user.suggestions({ limit: 1 })).length).toBe(1);
      // Someone who follows nobody yet gets the most followed (two followers each), then the rest.
      const newbie = await signedIn(db().orm, 'Newbie');
      const forNewbie = (await newbie.api.user.suggestions()).map((u) => u.id);
      expect(forNewbie.slice(0, 3).sort()).toEqual([friend.user.id, fof2.id, popular.id].sort());
      expect(forNewbie).not.toContain(newbie.user.id);
      expect((await me.api.user.suggestions()).length).toBeGreaterThan(0);
      expect((await refusal(anon().user.suggestions())).code).toBe('UNAUTHORIZED');
    });

    it('follow.relationships: one answer per id, in order, both ways', async () => {
      const me = await signedIn(db().orm, 'Me');
      const a = await signedIn(db().orm, 'A');
      const b = await signUp('B');
      await me.api.follow.follow({ userId: b.id });
      await a.api.follow.follow({ userId: me.user.id });
      expect(await me.api.follow.relationships({ userIds: [a.user.id, b.id, 999_999] })).toEqual([
        { userId: a.user.id, following: false, followedBy: true },
        { userId: b.id, following: true, followedBy: false },
        { userId: 999_999, following: false, followedBy: false },
      ]);
      expect((await refusal(me.api.follow.relationships({ userIds: [] }))).code).toBe('BAD_REQUEST');
    });
  });
});
