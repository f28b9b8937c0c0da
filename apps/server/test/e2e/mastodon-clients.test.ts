/**
 * End to end: Mastodon's client libraries against the server as a user runs it (`pnpm start`), on
 * each dialect. masto.js registers an application, a person authorizes it with PKCE (the calls the
 * web page makes, which the browser tests drive in Chromium) and the code becomes a token; the
 * application signs up a second account; they post, follow, page timelines and follower lists to
 * their end by `Link`, stream over WebSocket, and a read-only or revoked token is refused. megalodon
 * does the same on its own, its stream over WebSocket beside a plain server-sent-event reader.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createMiniterClient } from '@miniter/api/client';
import { createTestDatabase, type TestDatabase, testDialects } from '@miniter/db/testing';
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto';
import generator from 'megalodon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents, until } from '../event-stream.ts';
import { testAuth } from '../helpers.ts';
import { type ServerProcess, startServerProcess } from './start.ts';

const redirectUri = 'https://app.example/callback';

/** Every item of a masto.js paginator, page by page (it follows the `Link` header's `next`). */
async function all<T>(pages: AsyncIterable<T[]>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    items.push(...page);
    count++;
  }
  return { items, pages: count };
}

describe.each(testDialects())('Mastodon clients against pnpm start on %s', (dialect) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let url = '';

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    server = startServerProcess({
      DATABASE_URL: db.databaseUrl,
      PORT: '0',
      NODE_ENV: 'production',
      JWT_SECRET: testAuth.jwtSecret,
      BCRYPT_COST: '10',
      RATE_LIMIT_ENABLED: 'false',
    });
    url = await server.listening;
  });

  afterAll(async () => {
    if (server.child.pid && server.child.exitCode === null) process.kill(-server.child.pid, 'SIGKILL');
    await db.close();
  });

  const trpc = (token?: string) => createMiniterClient({ url: `${url}/trpc`, ...(token ? { token } : {}) });

  /** A person's first-party session, as the web app holds it on the authorize page. */
  async function person(username: string): Promise<string> {
    const email = `${username}@example.com`;
    await trpc().auth.signUp.mutate({ name: username, username, email, password: 'password123' });
    return (await trpc().auth.login.mutate({ email, password: 'password123' })).accessToken;
  }

  it('registers, authorizes, signs up, posts, follows, pages, streams, and refuses what a token may not do', async () => {
    const anonymous = createRestAPIClient({ url });
    const app = await anonymous.v1.apps.create({
      clientName: 'E2E App',
      redirectUris: [redirectUri],
      scopes: 'read write follow',
    });
    const oauth = createOAuthAPIClient({ url });
    const credentials = { clientId: app.clientId ?? '', clientSecret: app.clientSecret ?? '', redirectUri };

    // A person with a Miniter account authorizes the application, with PKCE.
    const jwt = await person('ann');
    const verifier = randomBytes(32).toString('base64url');
    const { code } = await trpc(jwt).oauth.authorize.mutate({
      clientId: credentials.clientId,
      redirectUri,
      scope: 'read write follow',
      state: 'e2e',
      codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
      codeChallengeMethod: 'S256',
    });
    const annToken = await oauth.token.create({
      grantType: 'authorization_code',
      ...credentials,
      code,
      ...({ codeVerifier: verifier } as object),
    });
    const ann = createRestAPIClient({ url, accessToken: annToken.accessToken });
    const annAccount = await ann.v1.accounts.verifyCredentials();
    expect(annAccount).toMatchObject({ username: 'ann', acct: 'ann', source: expect.any(Object) });

    // The application signs up a second account with its own token, whose scopes the new token gets.
    const appToken = await oauth.token.create({
      grantType: 'client_credentials',
      ...credentials,
      scope: 'read write follow',
    });
    const viaApp = createRestAPIClient({ url, accessToken: appToken.accessToken });
    const bobToken = await viaApp.v1.accounts.create({
      username: 'bob',
      email: 'bob@example.com',
      password: 'password123',
      agreement: true,
      locale: 'en',
    });
    const bob = createRestAPIClient({ url, accessToken: bobToken.accessToken });
    const bobAccount = await bob.v1.accounts.verifyCredentials();

    // Bob follows Ann, found by her handle; Ann posts; Bob reads it on his home timeline.
    const found = await bob.v1.accounts.lookup({ acct: 'ann' });
    expect(found.id).toBe(annAccount.id);
    const relationship = await bob.v1.accounts.$select(found.id).follow();
    expect(relationship).toMatchObject({ id: annAccount.id, following: true, followedBy: false });
    expect(await ann.v1.accounts.relationships.fetch({ id: [bobAccount.id] })).toMatchObject([
      { id: bobAccount.id, following: false, followedBy: true },
    ]);
    const posted: mastodon.v1.Status[] = [];
    for (const text of ['one', 'two', 'three']) posted.push(await ann.v1.statuses.create({ status: text }));
    const home = await all(bob.v1.timelines.home.list({ limit: 2 }));
    expect(home.items.map((status) => status.id)).toEqual(posted.map((status) => status.id).reverse());
    expect(home.pages).toBeGreaterThanOrEqual(2);
    const publicTimeline = await all(anonymous.v1.timelines.public.list({ limit: 1, local: true }));
    expect(publicTimeline.items).toHaveLength(3);
    const followers = await all(ann.v1.accounts.$select(annAccount.id).followers.list({ limit: 1 }));
    expect(followers.items.map((account) => account.username)).toEqual(['bob']);

    // megalodon reads the same server.
    const megalodon = generator('mastodon', url, bobToken.accessToken);
    expect((await megalodon.getHomeTimeline({ limit: 40 })).data.map((status) => status.id)).toEqual(
      home.items.map((status) => status.id),
    );

    // Conversations, through the built server: a reply that mentions and tags, its thread, a boost.
    const [first, second] = posted as [mastodon.v1.Status, mastodon.v1.Status];
    const reply = await bob.v1.statuses.create({ status: '@ann yes #서울', inReplyToId: first.id });
    expect(reply).toMatchObject({ inReplyToId: first.id, mentions: [{ username: 'ann' }], tags: [{ name: '서울' }] });
    const thread = await anonymous.v1.statuses.$select(first.id).context.fetch();
    expect(thread.descendants.map((status) => status.id)).toEqual([reply.id]);
    expect((await anonymous.v1.timelines.tag.$select('서울').list()).map((status) => status.id)).toEqual([reply.id]);
    const boost = await bob.v1.statuses.$select(second.id).reblog();
    expect(boost.reblog).toMatchObject({ id: second.id, reblogsCount: 1, reblogged: true });

    // Bob's stream carries Ann's next status and its deletion.
    const instance = await anonymous.v2.instance.fetch();
    const streaming = createStreamingAPIClient({
      streamingApiUrl: instance.configuration.urls.streaming,
      accessToken: bobToken.accessToken,
      retry: false,
    });
    try {
      await streaming.prepare();
      const events = streaming.user.subscribe()[Symbol.asyncIterator]();
      const next = events.next();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const live = await ann.v1.statuses.create({ status: 'live' });
      expect((await next).value).toMatchObject({ event: 'update', payload: { id: live.id, content: '<p>live</p>' } });
      await ann.v1.statuses.$select(live.id).remove();
      expect((await events.next()).value).toMatchObject({ event: 'delete', payload: live.id });
    } finally {
      streaming.close();
    }

    // A read-only token reads but cannot post; a revoked token can do nothing.
    const { code: readCode } = await trpc(jwt).oauth.authorize.mutate({
      clientId: credentials.clientId,
      redirectUri,
      scope: 'read',
    });
    const readToken = await oauth.token.create({ grantType: 'authorization_code', ...credentials, code: readCode });
    const reader = createRestAPIClient({ url, accessToken: readToken.accessToken });
    expect((await reader.v1.accounts.verifyCredentials()).id).toBe(annAccount.id);
    await expect(reader.v1.statuses.create({ status: 'not allowed' })).rejects.toMatchObject({ statusCode: 403 });
    await oauth.revoke({ ...credentials, token: bobToken.accessToken });
    await expect(bob.v1.accounts.verifyCredentials()).rejects.toMatchObject({ statusCode: 401 });
    await expect(bob.v1.timelines.home.list()).rejects.toMatchObject({ statusCode: 401 });
  });

  it('megalodon registers, is authorized, posts, follows, pages, streams over WebSocket and SSE, and revokes', async () => {
    const anonymous = generator('mastodon', url);
    const app = await anonymous.registerApp('Megalodon E2E', {
      scopes: ['read', 'write', 'follow'],
      redirect_uris: redirectUri,
    });
    expect(new URL(app.url ?? '').pathname).toBe('/oauth/authorize');
    const megalodonToken = async (username: string) => {
      const { code } = await trpc(await person(username)).oauth.authorize.mutate({
        clientId: app.client_id,
        redirectUri,
        scope: 'read write follow',
      });
      return (await anonymous.fetchAccessToken(app.client_id, app.client_secret, code, redirectUri)).access_token;
    };
    const carolToken = await megalodonToken('carol');
    const carol = generator('mastodon', url, carolToken);
    const dave = generator('mastodon', url, await megalodonToken('dave'));
    const carolAccount = (await carol.verifyAccountCredentials()).data;
    const daveAccount = (await dave.verifyAccountCredentials()).data;

    expect((await dave.lookupAccount('carol')).data.id).toBe(carolAccount.id);
    expect((await dave.followAccount(carolAccount.id)).data).toMatchObject({ following: true, followed_by: false });
    expect((await carol.getRelationships([daveAccount.id])).data).toMatchObject([{ followed_by: true }]);
    expect((await carol.getAccountFollowers(carolAccount.id, { get_all: true })).data.map((a) => a.acct)).toEqual([
      'dave',
    ]);

    // Dave's streams, one over megalodon's WebSocket and one over server-sent events, carry Carol's
    // status and its deletion.
    const socket = await dave.userStreaming();
    const socketEvents: Array<[string, unknown]> = [];
    socket.on('update', (status: { id: string }) => socketEvents.push(['update', status.id]));
    socket.on('delete', (id: string) => socketEvents.push(['delete', id]));
    const connected = new Promise((resolve) => socket.once('connect', resolve));
    const sse = await openEvents(`${url}/api/v1/streaming/user`, { authorization: `Bearer ${carolToken}` });
    const erinSse = await openEvents(`${url}/api/v1/streaming/user?access_token=${await megalodonToken('erin')}`);
    try {
      await connected;
      expect(sse.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const status = (await carol.postStatus('hello from megalodon')).data;
      expect(status).toMatchObject({ content: '<p>hello from megalodon</p>', account: { acct: 'carol' } });
      expect((await dave.getHomeTimeline()).data.map((s) => s.id)).toEqual([status.id]);
      expect((await anonymous.getLocalTimeline()).data.map((s) => s.id)).toContain(status.id);
      // (A status deleted before the hub's next look at the log is never sent, only its deletion.)
      await until(() => (socketEvents.length && sse.events.length ? true : undefined));
      // Mastodon answers a deletion with the deleted Status (megalodon types it loosely).
      expect((await carol.deleteStatus(status.id)).data).toMatchObject({ id: status.id });
      await until(() => (socketEvents.length >= 2 ? true : undefined));
      expect(socketEvents).toEqual([
        ['update', status.id],
        ['delete', status.id],
      ]);
      // Carol's own stream has her status too; Erin follows nobody, and hers stays quiet.
      await until(() => (sse.events.length >= 2 ? true : undefined));
      expect(sse.events.map((e) => [e.event, e.event === 'update' ? JSON.parse(e.data).id : e.data])).toEqual([
        ['update', status.id],
        ['delete', status.id],
      ]);
      expect(erinSse.events).toEqual([]);
    } finally {
      socket.stop();
      sse.close();
      erinSse.close();
    }

    await anonymous.revokeToken(app.client_id, app.client_secret, carolToken);
    await expect(carol.verifyAccountCredentials()).rejects.toMatchObject({ response: { status: 401 } });
  });
});
