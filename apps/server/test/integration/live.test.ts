/**
 * `timeline.live` over HTTP, as a client sees it: a raw SSE reader (`curl -N`) and the typed client,
 * against the real server on each dialect.
 */
import { type AppRouter, createMiniterClient, TRPCClientError } from '@miniter/api/client';
import { hasUnsequencedEvents, keptPerAuthor, logPosition, pruneEvents, sequenceEvents, sqlEm } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';
import { type LiveStream, openLiveStream } from '../live-stream.ts';

describe.each(testDialects())('the live timeline on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const maxStreamsPerUser = 5;
  const logLines: string[] = [];
  const server = useHttpServer(() => db().orm, {
    liveLimits: { pollMs: 100, sessionCheckMs: 300, maxStreamsPerUser },
    logger: pino({ level: 'info' }, { write: (line: string) => logLines.push(line) }),
  });
  // The database is emptied before each test: the hub is to notice before the test opens a stream.
  beforeEach(() => server.live?.wake());
  const streams: LiveStream[] = [];
  const open = async (...args: Parameters<typeof openLiveStream> extends [string, ...infer R] ? R : never) => {
    const stream = await openLiveStream(server.url, ...args);
    streams.push(stream);
    return stream;
  };
  const closeAll = async () => {
    for (const stream of streams.splice(0)) stream.close();
    await expectNoStreams();
  };

  let users = 0;
  async function user() {
    const name = `user${++users}`;
    const api = createMiniterClient({ url: `${server.url}/trpc` });
    const me = await api.auth.signUp.mutate({ name, email: `${name}@example.com`, password: 'password123' });
    const { accessToken } = await api.auth.login.mutate({ email: `${name}@example.com`, password: 'password123' });
    return {
      id: me.id,
      token: accessToken,
      api: createMiniterClient({ url: `${server.url}/trpc`, token: accessToken }),
    };
  }

  /** Waits until the hub has let go of every stream (and its index entries). */
  async function expectNoStreams() {
    const deadline = Date.now() + 3000;
    while (server.live?.stats().streams && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(server.live?.stats()).toEqual({ streams: 0, indexed: 0, users: 0, authors: 0, queued: 0 });
  }

  it('carries your tweets and your followees’, in tweet.create’s shape, and deletions; nobody else’s', async () => {
    const [reader, followee, stranger] = [await user(), await user(), await user()];
    await reader.api.follow.follow.mutate({ userId: followee.id });
    const stream = await open(reader.token);
    expect(stream.status).toBe(200);
    await stream.waitFor(0);

    const theirs = await followee.api.tweet.create.mutate({ text: 'from a followee' });
    await stranger.api.tweet.create.mutate({ text: 'from a stranger' });
    const mine = await reader.api.tweet.create.mutate({ text: 'my own' });
    // (A tweet deleted before the hub reads it arrives as its deletion alone: see the resume test.)
    await stream.waitFor(2);
    await followee.api.tweet.delete.mutate({ tweetId: theirs.id });

    const events = await stream.waitFor(3);
    expect(events.map((e) => e.data)).toEqual([
      { type: 'tweet', tweet: theirs },
      { type: 'tweet', tweet: mine },
      { type: 'delete', tweetId: theirs.id },
    ]);
    const ids = events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
    // Nothing more (the stranger's tweet) arrives.
    await new Promise((r) => setTimeout(r, 400));
    expect(stream.events).toHaveLength(3);
    await closeAll();
  });

  it('follows a follow or an unfollow within a second, without reconnecting', async () => {
    const [reader, author] = [await user(), await user()];
    const stream = await open(reader.token);
    await author.api.tweet.create.mutate({ text: 'before the follow' });
    await reader.api.follow.follow.mutate({ userId: author.id });
    const started = Date.now();
    const after = await author.api.tweet.create.mutate({ text: 'after the follow' });
    await stream.waitFor(1, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    await reader.api.follow.unfollow.mutate({ userId: author.id });
    await author.api.tweet.create.mutate({ text: 'after the unfollow' });
    const own = await reader.api.tweet.create.mutate({ text: 'still mine' });
    const events = await stream.waitFor(2);
    expect(events.map((e) => e.data)).toEqual([
      { type: 'tweet', tweet: after },
      { type: 'tweet', tweet: own },
    ]);
    await closeAll();
  });

  it('resumes from Last-Event-ID with what it missed, deletions included, once each', async () => {
    const [reader, author] = [await user(), await user()];
    await reader.api.follow.follow.mutate({ userId: author.id });
    const first = await open(reader.token);
    const seen = await author.api.tweet.create.mutate({ text: 'seen live' });
    const [live] = await first.waitFor(1);
    first.close();

    // Away: a tweet, a tweet deleted again, the seen one deleted.
    const missed = await author.api.tweet.create.mutate({ text: 'missed' });
    const gone = await author.api.tweet.create.mutate({ text: 'gone before the return' });
    await author.api.tweet.delete.mutate({ tweetId: gone.id });
    await author.api.tweet.delete.mutate({ tweetId: seen.id });

    const resumed = await open(reader.token, { lastEventId: live?.id });
    const later = await author.api.tweet.create.mutate({ text: 'after the return' });
    const events = await resumed.waitFor(4);
    expect(events.map((e) => e.data)).toEqual([
      { type: 'tweet', tweet: missed },
      { type: 'delete', tweetId: gone.id },
      { type: 'delete', tweetId: seen.id },
      { type: 'tweet', tweet: later },
    ]);
    const ids = events.map((e) => Number(e.id));
    expect(ids[0]).toBeGreaterThan(Number(live?.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    // A resume point the log never had gets a reset: refetch, then live again.
    const lost = await open(reader.token, { lastEventId: '999999999' });
    const [reset] = await lost.waitFor(1);
    expect(reset?.data).toEqual({ type: 'reset' });
    await closeAll();
  });

  it('resumes across pruning while its authors kept their events; a reader further behind gets a reset', async () => {
    const [reader, quiet, busy, busyReader] = [await user(), await user(), await user(), await user()];
    await reader.api.follow.follow.mutate({ userId: quiet.id });
    await busyReader.api.follow.follow.mutate({ userId: busy.id });
    const [readerStream, busyStream] = [await open(reader.token), await open(busyReader.token)];
    await quiet.api.tweet.create.mutate({ text: 'seen' });
    await busy.api.tweet.create.mutate({ text: 'seen too' });
    const [[seen], [seenToo]] = [await readerStream.waitFor(1), await busyStream.waitFor(1)];
    readerStream.close();
    busyStream.close();

    // Away: one tweet from the quiet author, more than an author keeps from the busy one; then
    // everything logged so far is past its retention time.
    const missed = await quiet.api.tweet.create.mutate({ text: 'missed' });
    const em = sqlEm(db().orm).fork();
    const rows = Array.from({ length: keptPerAuthor + 1 }, () => '(?, ?, ?)').join(', ');
    const values = Array.from({ length: keptPerAuthor + 1 }, (_, n) => [busy.id, `busy ${n}`, new Date()]).flat();
    await em.execute(`insert into tweets (user_id, tweet, created_at) values ${rows}`, values, 'run');
    while (await hasUnsequencedEvents(em)) await sequenceEvents(em);
    await pruneEvents(em, new Date(Date.now() + 60_000));
    expect((await logPosition(em)).prunedThrough).toBeGreaterThan(Number(seen?.id));

    const resumed = await open(reader.token, { lastEventId: seen?.id });
    expect((await resumed.waitFor(1)).map((e) => e.data)).toEqual([{ type: 'tweet', tweet: missed }]);
    const behind = await open(busyReader.token, { lastEventId: seenToo?.id });
    expect((await behind.waitFor(1)).map((e) => e.data)).toEqual([{ type: 'reset' }]);
    await closeAll();
  });

  it('gives each of a user’s streams every event once', async () => {
    const [reader] = [await user()];
    const a = await open(reader.token);
    const b = await open(reader.token);
    const tweet = await reader.api.tweet.create.mutate({ text: 'to both' });
    for (const stream of [a, b]) {
      await stream.waitFor(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(stream.events.map((e) => e.data)).toEqual([{ type: 'tweet', tweet }]);
    }
    await closeAll();
  });

  it('works through the typed client, and ends it when the session ends', async () => {
    const reader = await user();
    const received: unknown[] = [];
    const ended = new Promise<unknown>((resolve) => {
      reader.api.timeline.live.subscribe(undefined, {
        onData: (event) => received.push(event.data),
        onError: resolve,
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    const tweet = await reader.api.tweet.create.mutate({ text: 'through the client' });
    await expect.poll(() => received, { timeout: 3000 }).toEqual([{ type: 'tweet', tweet }]);
    const started = Date.now();
    await reader.api.auth.logout.mutate();
    const error = await ended;
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('UNAUTHORIZED');
    expect(Date.now() - started).toBeLessThan(3000);
    await expectNoStreams();
  });

  it('opens a stream for a browser with a single-use ticket, kept out of the logs', async () => {
    const reader = await user();
    const { ticket, expiresIn } = await reader.api.auth.streamTicket.mutate();
    expect(expiresIn).toBe(60);
    const path = `/trpc/timeline.live?connectionParams=${encodeURIComponent(JSON.stringify({ ticket }))}`;
    const stream = await open(undefined, { path });
    const tweet = await reader.api.tweet.create.mutate({ text: 'to a browser' });
    expect((await stream.waitFor(1))[0]?.data).toEqual({ type: 'tweet', tweet });

    // Used once; and a ticket opens streams only.
    const again = await open(undefined, { path });
    await again.ended;
    expect(again.all.find((e) => e.event === 'serialized-error')?.data).toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    const other = await reader.api.auth.streamTicket.mutate();
    const params = encodeURIComponent(JSON.stringify({ ticket: other.ticket }));
    expect((await fetch(`${server.url}/trpc/timeline.home?connectionParams=${params}`)).status).toBe(401);
    await closeAll();
    expect(logLines.join('\n')).not.toContain(ticket);
    expect(logLines.join('\n')).toContain('connectionParams=[redacted]');
  });

  it('refuses a stream without a valid session, and past the cap per user', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const refused = await open(token);
      await refused.ended;
      const error = refused.all.find((e) => e.event === 'serialized-error');
      expect(error?.data).toMatchObject({ data: { code: 'UNAUTHORIZED', httpStatus: 401 } });
    }
    const reader = await user();
    for (let n = 0; n < maxStreamsPerUser; n++) await (await open(reader.token)).waitFor(0);
    await expect.poll(() => server.live?.stats().streams).toBe(maxStreamsPerUser);
    const extra = await open(reader.token);
    await extra.ended;
    expect(extra.all.find((e) => e.event === 'serialized-error')?.data).toMatchObject({
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
    });
    await closeAll();
  });

  it('keeps ordinary calls quick with 60 streams open', { timeout: 30_000 }, async () => {
    const readers = await Promise.all(Array.from({ length: 60 / maxStreamsPerUser }, () => user()));
    for (const reader of readers) for (let n = 0; n < maxStreamsPerUser; n++) await open(reader.token);
    await expect.poll(() => server.live?.stats().streams, { timeout: 15_000 }).toBe(60);
    // Were the streams holding admission slots (16), these calls would wait for good.
    const started = Date.now();
    const api = readers[0]?.api;
    await Promise.all(Array.from({ length: 20 }, () => api?.health.ping.query()));
    expect(Date.now() - started).toBeLessThan(3000);
    await closeAll();
  });
});
