/**
 * The live timeline's event log: the triggers log every change with it, and the sequencer numbers
 * events in the order they become visible, so a reader paging by `seq` never skips one, even when
 * writers commit out of `id` order (MySQL/MariaDB).
 */
import { describe, expect, it } from 'vitest';
import { Follow, Tweet, User } from '../src/entities/index.ts';
import { type EntityManager, sqlEm } from '../src/orm.ts';
import { insertFollow } from '../src/queries/follows.ts';
import {
  countTimelineEvents,
  findEventsAfter,
  findTimelineEvents,
  hasUnsequencedEvents,
  keptPerAuthor,
  type LiveEvent,
  logPosition,
  pruneEvents,
  sequenceEvents,
} from '../src/queries/live.ts';
import { insertTweet } from '../src/queries/tweets.ts';
import { seedDatabase } from '../src/seed/load.ts';
import { testDialects, useTestDatabase } from '../src/testing/index.ts';

describe.each(testDialects())('the event log on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const em = () => sqlEm(db().orm).fork();

  async function users(n: number) {
    const fork = em();
    const made = Array.from({ length: n }, (_, i) =>
      fork.create(User, { name: `u${i}`, username: `u${i}`, email: `u${i}@example.com`, hashedPassword: 'x' }),
    );
    await fork.flush();
    return made.map((u) => u.id);
  }

  /** The whole log, page by page. */
  async function everyEvent() {
    const events: LiveEvent[] = [];
    for (
      let page = await findEventsAfter(em(), 0);
      page.length;
      page = await findEventsAfter(em(), events.at(-1)?.seq ?? 0)
    ) {
      events.push(...page);
    }
    return events;
  }

  it('leaves nothing of a seeded database for the live timeline to deliver', async () => {
    await seedDatabase(db().orm, {
      profile: { users: 20, tweets: 100, followsPerUser: 3 },
      seed: 1,
      bcryptCost: 4,
      reset: true,
    });
    expect(await em().count(Tweet)).toBe(100);
    expect(await hasUnsequencedEvents(em())).toBe(false);
    expect(await findEventsAfter(em(), 0)).toEqual([]);
    // What is written afterwards is logged as ever.
    await insertTweet(em(), 1, 'news', new Date());
    expect(await hasUnsequencedEvents(em())).toBe(true);
  });

  it('logs tweets, deletions, follows and unfollows with the change, and numbers them from 1', async () => {
    const [a = 0, b = 0] = await users(2);
    const tweet = await insertTweet(em(), a, 'hello', new Date());
    await insertFollow(em(), b, a);
    await em().nativeDelete(Follow, { user: b, followed: a });
    await em().nativeDelete(Tweet, { id: tweet });
    expect(await findEventsAfter(em(), 0)).toEqual([]);
    expect(await sequenceEvents(em())).toBe(4);
    expect(await findEventsAfter(em(), 0)).toEqual([
      { seq: 1, kind: 'tweet', userId: a, subjectId: tweet },
      { seq: 2, kind: 'follow', userId: b, subjectId: a },
      { seq: 3, kind: 'unfollow', userId: b, subjectId: a },
      { seq: 4, kind: 'delete', userId: a, subjectId: tweet },
    ]);
    // A repeat follow changes nothing, so it logs nothing.
    await insertFollow(em(), b, a);
    await insertFollow(em(), b, a);
    expect(await sequenceEvents(em())).toBe(5);
    expect(await logPosition(em())).toEqual({ lastSeq: 5, prunedThrough: 0 });
  });

  it('gives a reader the tweets of its timeline: its own and its followees’', async () => {
    const [reader = 0, followee = 0, stranger = 0] = await users(3);
    await insertFollow(em(), reader, followee);
    const own = await insertTweet(em(), reader, 'mine', new Date());
    const theirs = await insertTweet(em(), followee, 'theirs', new Date());
    await insertTweet(em(), stranger, 'a stranger’s', new Date());
    const last = await sequenceEvents(em());
    const events = await findTimelineEvents(em(), reader, 0, last);
    expect(events.map((e) => [e.kind, e.subjectId])).toEqual([
      ['tweet', own],
      ['tweet', theirs],
    ]);
  });

  it('numbers every event once, without gaps, under concurrent writers and sequencers', async () => {
    const ids = await users(4);
    const writes = Array.from({ length: 80 }, (_, n) => insertTweet(em(), ids[n % 4] ?? 0, `t${n}`, new Date()));
    const sequencers = Array.from({ length: 6 }, async () => {
      for (let n = 0; n < 5; n++) await sequenceEvents(em());
    });
    await Promise.all([...writes, ...sequencers]);
    await sequenceEvents(em());
    const events = [...(await findEventsAfter(em(), 0))];
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.subjectId)).size).toBe(80);
  });

  it('prunes old events but each author’s newest tweets and deletions, and remembers how far', async () => {
    const [quiet = 0, busy = 0, reader = 0] = await users(3);
    const kept = await insertTweet(em(), quiet, 'old but kept', new Date());
    await insertFollow(em(), reader, quiet);
    const rows = Array.from({ length: keptPerAuthor + 2 }, () => '(?, ?, ?)').join(', ');
    const values = Array.from({ length: keptPerAuthor + 2 }, (_, n) => [busy, `busy ${n}`, new Date()]).flat();
    await em().execute(`insert into tweets (user_id, tweet, created_at) values ${rows}`, values, 'run');
    while (await hasUnsequencedEvents(em())) await sequenceEvents(em());
    const all = await everyEvent();
    expect(all).toHaveLength(keptPerAuthor + 4);

    await pruneEvents(em(), new Date(Date.now() + 60_000));
    const left = await everyEvent();
    // The follow and the busy author's two oldest tweets go; the quiet author's one tweet stays.
    const busyOnes = all.filter((e) => e.userId === busy);
    expect(left).toEqual([all[0], ...busyOnes.slice(2)]);
    expect(left[0]).toMatchObject({ kind: 'tweet', subjectId: kept });
    expect(await logPosition(em())).toEqual({ lastSeq: keptPerAuthor + 4, prunedThrough: busyOnes[1]?.seq });
    // What a reader would be given, counted up to a limit.
    expect(await countTimelineEvents(em(), reader, 0, keptPerAuthor + 4, 10)).toBe(1);
    await insertFollow(em(), reader, busy);
    expect(await countTimelineEvents(em(), reader, 0, keptPerAuthor + 4, 10)).toBe(10);
  });

  it.runIf(dialect === 'mysql')('does not skip a lower id that commits after a higher one', async () => {
    const [a = 0, b = 0] = await users(2);
    let commit = () => {};
    const held = new Promise<void>((resolve) => (commit = resolve));
    let inserted = () => {};
    const started = new Promise<void>((resolve) => (inserted = resolve));
    // The first writer takes the lower id and holds its transaction open.
    const first = em().transactional(async (tx: EntityManager) => {
      await insertTweet(tx, a, 'lower id, committed last', new Date());
      inserted();
      await held;
    });
    await started;
    const second = await insertTweet(em(), b, 'higher id, committed first', new Date());

    // A reader sees only the committed one, and has read through its seq.
    await sequenceEvents(em());
    const seen = await findEventsAfter(em(), 0);
    expect(seen.map((e) => e.subjectId)).toEqual([second]);
    const readThrough = seen.at(-1)?.seq ?? 0;

    commit();
    await first;
    await sequenceEvents(em());
    // Paging on from where it stopped, it gets the late one: by id it would be behind the reader.
    const next = await findEventsAfter(em(), readThrough);
    expect(next).toHaveLength(1);
    expect(next[0]?.userId).toBe(a);
    expect(next[0]?.subjectId).toBeLessThan(second);
  });
});
