import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Follow, Tweet, User } from '../src/entities/index.ts';
import { type EntityManager, sqlEm } from '../src/orm.ts';
import { decodeCursor } from '../src/pagination.ts';
import {
  deleteFollow,
  type FollowCursor,
  findFollowList,
  followId,
  insertFollow,
  parseFollowId,
} from '../src/queries/follows.ts';
import { findTimeline } from '../src/queries/timeline.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../src/testing/index.ts';

describe.each(testDialects())('queries on %s', (dialect) => {
  let db: TestDatabase;
  let em: EntityManager;
  let alice: User;
  let bob: User;
  let carol: User;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(() => db.close());

  beforeEach(async () => {
    await db.reset();
    em = sqlEm(db.orm).fork();
    const make = (name: string) =>
      em.create(User, { name, username: name, email: `${name}@example.com`, hashedPassword: 'x' });
    [alice, bob, carol] = [make('alice'), make('bob'), make('carol')];
    await em.flush();
  });

  async function tweet(author: User, text: string) {
    const t = em.create(Tweet, { author, text });
    await em.flush();
    return t;
  }

  async function readAll(userId: number, includeFollowed: boolean, limit: number) {
    const ids: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await findTimeline(em.fork(), { userId, includeFollowed, after, limit });
      ids.push(...page.items.map((t) => t.id));
      if (!page.nextCursor) return ids;
      after = decodeCursor(page.nextCursor, 1)?.[0];
    }
  }

  it('stores emoji and Korean intact', async () => {
    const text = `${'😀'.repeat(150)}안녕하세요${'👍🏽'.repeat(10)}`;
    const { id } = await tweet(alice, text);
    const stored = await em.fork().findOneOrFail(Tweet, id);
    expect(stored.text).toBe(text);
  });

  it('the home timeline holds own and followed tweets, newest first, each once', async () => {
    await insertFollow(em, alice.id, bob.id);
    const a1 = await tweet(alice, 'a1');
    const b1 = await tweet(bob, 'b1');
    await tweet(carol, 'not followed');
    const a2 = await tweet(alice, 'a2');
    // Carol follows Alice too: a join-based timeline would repeat rows here (the book's bug).
    await insertFollow(em, carol.id, alice.id);
    await insertFollow(em, bob.id, alice.id);

    const page = await findTimeline(em.fork(), { userId: alice.id, includeFollowed: true, limit: 20 });
    expect(page.items.map((t) => t.id)).toEqual([a2.id, b1.id, a1.id]);
    expect(page.items[0]?.author.name).toBe('alice');
    expect(page.nextCursor).toBeNull();

    const own = await findTimeline(em.fork(), { userId: alice.id, includeFollowed: false, limit: 20 });
    expect(own.items.map((t) => t.id)).toEqual([a2.id, a1.id]);
  });

  it('pages never repeat or skip, even while new tweets arrive', async () => {
    await insertFollow(em, alice.id, bob.id);
    const written: number[] = [];
    for (let i = 0; i < 7; i++) written.push((await tweet(i % 2 ? alice : bob, `t${i}`)).id);

    const first = await findTimeline(em.fork(), { userId: alice.id, includeFollowed: true, limit: 3 });
    await tweet(bob, 'arrives between pages');
    const after = decodeCursor(first.nextCursor ?? '', 1)?.[0];
    const rest = await readAll(alice.id, true, 3).then(() =>
      findTimeline(em.fork(), { userId: alice.id, includeFollowed: true, after, limit: 100 }),
    );
    const seen = [...first.items, ...rest.items].map((t) => t.id);
    expect(seen).toEqual(written.toReversed());
    expect(await readAll(alice.id, true, 2)).toHaveLength(8);
  });

  it('follows are idempotent, also when repeated concurrently', async () => {
    await Promise.all(Array.from({ length: 8 }, () => insertFollow(sqlEm(db.orm).fork(), alice.id, bob.id)));
    await insertFollow(em, alice.id, bob.id);
    expect(await em.fork().count(Follow, { user: alice.id })).toBe(1);
    await deleteFollow(em, alice.id, bob.id);
    await deleteFollow(em, alice.id, bob.id);
    expect(await em.fork().count(Follow, {})).toBe(0);
  });

  it('lists followers and following, most recent first, page by page', async () => {
    const others = Array.from({ length: 5 }, (_, i) =>
      em.create(User, { name: `u${i}`, username: `u${i}`, email: `u${i}@example.com`, hashedPassword: 'x' }),
    );
    await em.flush();
    for (const u of others) await insertFollow(em, u.id, alice.id);
    await insertFollow(em, alice.id, bob.id);

    const names: string[] = [];
    let after: [number, number] | undefined;
    do {
      const page = await findFollowList(em.fork(), { userId: alice.id, direction: 'followers', after, limit: 2 });
      names.push(...page.items.map((e) => e.user.name));
      after = page.nextCursor ? (decodeCursor(page.nextCursor, 2) as [number, number]) : undefined;
    } while (after);
    expect(names).toEqual(['u4', 'u3', 'u2', 'u1', 'u0']);

    const following = await findFollowList(em.fork(), { userId: alice.id, direction: 'following', limit: 10 });
    expect(following.items.map((e) => e.user.name)).toEqual(['bob']);
  });

  it('bounds a follow list by follow ids: below, above, and the page just above', async () => {
    const others = Array.from({ length: 5 }, (_, i) =>
      em.create(User, { name: `u${i}`, username: `u${i}`, email: `u${i}@example.com`, hashedPassword: 'x' }),
    );
    await em.flush();
    // In one statement: all five follows at the same instant, ordered by the follower's id alone.
    await em.insert(
      Follow,
      others.map((u) => ({ user: u.id, followed: alice.id, createdAt: new Date(1_765_000_000_123) })),
    );
    const list = (bounds: { after?: FollowCursor; since?: FollowCursor; oldestFirst?: boolean }) =>
      findFollowList(em.fork(), { userId: alice.id, direction: 'followers', limit: 2, ...bounds });
    const all = await findFollowList(em.fork(), { userId: alice.id, direction: 'followers', limit: 10 });
    expect(all.items.map((e) => e.user.name)).toEqual(['u4', 'u3', 'u2', 'u1', 'u0']);
    const at = (i: number) => (all.items[i] as { position: FollowCursor }).position;

    const id = followId(at(1));
    expect(id).toBe(`1765000000123${String(others[3]?.id).padStart(10, '0')}`);
    expect(parseFollowId(id)).toEqual(at(1));
    for (const bad of ['', '42', 'abc', '9'.repeat(26)]) expect(parseFollowId(bad)).toBeNull();

    const names = async (bounds: Parameters<typeof list>[0]) => (await list(bounds)).items.map((e) => e.user.name);
    expect(await names({ after: at(1) })).toEqual(['u2', 'u1']);
    expect(await names({ since: at(3) })).toEqual(['u4', 'u3']);
    expect(await names({ since: at(3), oldestFirst: true })).toEqual(['u3', 'u2']);
    expect(await names({ after: at(0), since: at(2) })).toEqual(['u3']);
    expect((await list({ since: at(4), oldestFirst: true })).nextCursor).toBeNull();
  });

  it('deleting a user cascades to their tweets and follows', async () => {
    await tweet(bob, 'bye');
    await insertFollow(em, alice.id, bob.id);
    await insertFollow(em, bob.id, carol.id);
    await em.nativeDelete(User, { id: bob.id });
    const fresh = em.fork();
    expect(await fresh.count(Tweet, {})).toBe(0);
    expect(await fresh.count(Follow, {})).toBe(0);
  });
});
