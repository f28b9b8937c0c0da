/** The live timeline's hub on its own, against a real database: what the HTTP tests cannot reach. */
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveHub } from '../src/live/hub.ts';
import { verifyToken } from '../src/services/auth.ts';
import { signedIn, testAuth, testMedia } from './helpers.ts';

describe.each(testDialects())('the live hub on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  let hub: LiveHub | undefined;
  afterEach(() => hub?.close());

  it('cuts off a reader that stops reading, with no more than its cap queued', async () => {
    hub = new LiveHub({ orm: db().orm, media: testMedia(), limits: { maxQueued: 5, pollMs: 50 } });
    await hub.start();
    const { user, token, api } = await signedIn(db().orm, 'reader');
    const sessionId = verifyToken(testAuth, token)?.sessionId ?? '';
    const events = hub.open({ userId: user.id, sessionId })[Symbol.asyncIterator]();
    const first = events.next();
    const tweet = await api.tweet.create({ text: 'read' });
    expect((await first).value).toMatchObject({ data: { type: 'tweet', tweet: { id: tweet.id } } });

    // It stops reading; the hub keeps at most 5 for it, then ends the stream.
    for (let n = 0; n < 20; n++) await api.tweet.create({ text: `unread ${n}` });
    await expect.poll(() => hub?.stats().queued, { timeout: 3000 }).toBe(5);
    expect(await events.next()).toEqual({ done: true, value: undefined });
    expect(hub.stats()).toMatchObject({ streams: 0, indexed: 0, queued: 0 });
  });

  it('interrupts every stream on close (its client is to resume elsewhere), and refuses new ones', async () => {
    hub = new LiveHub({ orm: db().orm, media: testMedia(), limits: { pollMs: 50 } });
    await hub.start();
    const { user, token } = await signedIn(db().orm, 'reader');
    const sessionId = verifyToken(testAuth, token)?.sessionId ?? '';
    const events = hub.open({ userId: user.id, sessionId })[Symbol.asyncIterator]();
    const pending = events.next();
    await expect.poll(() => hub?.stats().streams).toBe(1);
    await hub.close();
    // An AbortError: the SSE writer then closes the connection without tRPC's `return`.
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(() => hub?.open({ userId: user.id, sessionId })).toThrow(/starting or stopping/);
  });
});
