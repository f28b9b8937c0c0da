/**
 * End to end: Mastodon's client libraries against the server as a user runs it (`pnpm start`), on
 * each dialect. masto.js registers an application, a person authorizes it with PKCE (the calls the
 * web page makes, which the browser tests drive in Chromium) and the code becomes a token; the
 * application signs up a second account; they post, follow, page timelines and follower lists to
 * their end by `Link`, stream over WebSocket, and a read-only or revoked token is refused. megalodon
 * reads the same server.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createMiniterClient } from '@miniter/api/client';
import { createTestDatabase, type TestDatabase, testDialects } from '@miniter/db/testing';
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto';
import generator from 'megalodon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const trpc = (token?: string) => createMiniterClient({ url: `${url}/trpc`, ...(token ? { token } : {}) });
    await trpc().auth.signUp.mutate({
      name: 'Ann',
      username: 'ann',
      email: 'ann@example.com',
      password: 'password123',
    });
    const { accessToken: jwt } = await trpc().auth.login.mutate({ email: 'ann@example.com', password: 'password123' });
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
});
