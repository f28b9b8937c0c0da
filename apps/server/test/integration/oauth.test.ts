/**
 * OAuth 2 as Mastodon's clients use it, through the real server: an application registers, a person
 * authorizes it (the web page's calls), masto.js exchanges the code (with PKCE) and revokes the
 * token, and the token is held to its scopes and ends every way a session ends. The attacks on the
 * code grant are refused: a replayed code, another client, redirect URI or verifier, a `plain`
 * challenge, an unregistered redirect.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createMiniterClient } from '@miniter/api/client';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { createOAuthAPIClient, createRestAPIClient } from 'masto';
import { describe, expect, it } from 'vitest';
import { useMastodonServer } from '../mastodon-users.ts';

const redirectUri = 'https://app.example/callback';
const outOfBand = 'urn:ietf:wg:oauth:2.0:oob';

describe.each(testDialects())('OAuth 2 on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useMastodonServer(() => db().orm);
  const trpc = (token?: string) => createMiniterClient({ url: `${server.url}/trpc`, ...(token ? { token } : {}) });

  const post = (path: string, body: Record<string, unknown>, form = false) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
      body: form
        ? new URLSearchParams(Object.entries(body).map(([key, value]): [string, string] => [key, String(value)]))
        : JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));

  async function registerApp(scopes = 'read write follow', uris: string | string[] = [redirectUri, outOfBand]) {
    const { status, body } = await post('/api/v1/apps', {
      client_name: 'Test App',
      redirect_uris: uris,
      scopes,
      website: 'https://app.example',
    });
    expect(status).toBe(200);
    return body as { id: string; client_id: string; client_secret: string };
  }

  let users = 0;
  async function signedIn() {
    const n = ++users;
    const email = `oauth${n}@example.com`;
    const user = await trpc().auth.signUp.mutate({ name: `User ${n}`, email, password: 'password123' });
    const { accessToken } = await trpc().auth.login.mutate({ email, password: 'password123' });
    return { user, jwt: accessToken };
  }

  const pkce = () => {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  };

  /** What the authorize page does once the person chooses Authorize. */
  async function authorize(jwt: string, app: { client_id: string }, extra: Record<string, string> = {}) {
    return trpc(jwt).oauth.authorize.mutate({ clientId: app.client_id, redirectUri, scope: 'read write', ...extra });
  }

  const exchange = (app: { client_id: string; client_secret: string }, code: string, extra = {}) =>
    post('/oauth/token', {
      grant_type: 'authorization_code',
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: redirectUri,
      code,
      ...extra,
    });

  it('registers applications in JSON or a form, with one or several redirect URIs', async () => {
    const json = await registerApp('read write', [redirectUri, outOfBand]);
    expect(json).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      name: 'Test App',
      website: 'https://app.example',
      scopes: ['read', 'write'],
      redirect_uri: `${redirectUri}\n${outOfBand}`,
      redirect_uris: [redirectUri, outOfBand],
      client_id: expect.any(String),
      client_secret: expect.any(String),
      client_secret_expires_at: 0,
    });
    const form = await post('/api/v1/apps', { client_name: 'Form App', redirect_uris: outOfBand }, true);
    expect(form).toMatchObject({ status: 200, body: { scopes: ['read'], redirect_uris: [outOfBand] } });
    expect((await post('/api/v1/apps', { client_name: 'Bad', redirect_uris: 'javascript:alert(1)' })).status).toBe(422);
    expect(
      (await post('/api/v1/apps', { client_name: 'Bad', redirect_uris: redirectUri, scopes: 'root' })).status,
    ).toBe(422);
    expect((await post('/api/v1/apps', { redirect_uris: redirectUri })).status).toBe(422);
  });

  it('authorizes with PKCE, exchanges the code with masto.js, and holds the token to its scopes', async () => {
    const app = await registerApp();
    const { user, jwt } = await signedIn();
    const asked = await trpc().oauth.client.query({ clientId: app.client_id, redirectUri, scope: 'read', state: 's1' });
    expect(asked).toEqual({
      name: 'Test App',
      website: 'https://app.example',
      scopes: ['read'],
      denyTo: `${redirectUri}?error=access_denied&state=s1`,
    });
    const { verifier, challenge } = pkce();
    const { code, redirectTo } = await trpc(jwt).oauth.authorize.mutate({
      clientId: app.client_id,
      redirectUri,
      scope: 'read',
      state: 'xyz',
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
    });
    expect(redirectTo).toBe(`${redirectUri}?code=${code}&state=xyz`);

    const oauth = createOAuthAPIClient({ url: server.url });
    const token = await oauth.token.create({
      grantType: 'authorization_code',
      clientId: app.client_id,
      clientSecret: app.client_secret,
      redirectUri,
      code,
      // masto.js passes what it is given, in snake case.
      ...({ codeVerifier: verifier } as object),
    });
    expect(token).toMatchObject({ tokenType: 'Bearer', scope: 'read', createdAt: expect.any(Number) });
    expect(token.accessToken).toMatch(/^[\w-]{43}$/);

    const api = trpc(token.accessToken);
    expect((await api.user.me.query()).id).toBe(user.id);
    expect((await api.timeline.home.query({})).items).toEqual([]);
    await expect(api.tweet.create.mutate({ text: 'from an app' })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN', httpStatus: 403 },
    });
    // Only Miniter's own clients may end sessions or authorize other applications.
    await expect(api.auth.logoutAll.mutate()).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(authorize(token.accessToken, app)).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });

    const wrongClient = { client_id: app.client_id, client_secret: 'wrong', token: token.accessToken };
    expect(await post('/oauth/revoke', wrongClient)).toMatchObject({
      status: 403,
      body: { error: 'unauthorized_client' },
    });
    expect((await api.user.me.query()).id).toBe(user.id);
    await oauth.revoke({ clientId: app.client_id, clientSecret: app.client_secret, token: token.accessToken });
    await expect(api.user.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('a write token posts; the out-of-band URI gets the code to copy', async () => {
    const app = await registerApp();
    const { jwt } = await signedIn();
    const { code, redirectTo } = await trpc(jwt).oauth.authorize.mutate({
      clientId: app.client_id,
      redirectUri: outOfBand,
      scope: 'write:statuses read',
    });
    expect(redirectTo).toBeNull();
    const { status, body } = await exchange(app, code, { redirect_uri: outOfBand });
    expect(status).toBe(200);
    expect(body.scope).toBe('write:statuses read');
    const posted = await trpc(body.access_token as string).tweet.create.mutate({ text: 'posted by an app' });
    expect(posted.text).toBe('posted by an app');
  });

  it('refuses a replayed code, another client, redirect URI or verifier, and a plain challenge', async () => {
    const app = await registerApp();
    const other = await registerApp();
    const { jwt } = await signedIn();

    const first = await authorize(jwt, app);
    expect((await exchange(app, first.code)).status).toBe(200);
    expect(await exchange(app, first.code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const stolen = await authorize(jwt, app);
    expect(await exchange(other, stolen.code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // The failed attempt does not use up the code for its own client... but a wrong secret is no client.
    expect(await exchange({ ...app, client_secret: 'wrong' }, stolen.code)).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });

    const redirected = await authorize(jwt, app);
    expect(await exchange(app, redirected.code, { redirect_uri: 'https://evil.example/' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });

    const { challenge } = pkce();
    const guarded = await authorize(jwt, app, { codeChallenge: challenge, codeChallengeMethod: 'S256' });
    expect(await exchange(app, guarded.code, { code_verifier: pkce().verifier })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    const withoutVerifier = await authorize(jwt, app, { codeChallenge: challenge, codeChallengeMethod: 'S256' });
    expect(await exchange(app, withoutVerifier.code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    await expect(
      authorize(jwt, app, { codeChallenge: pkce().verifier, codeChallengeMethod: 'plain' }),
    ).rejects.toMatchObject({ data: { httpStatus: 422 } });
    await expect(authorize(jwt, app, { redirectUri: 'https://evil.example/' })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
    await expect(authorize(jwt, app, { scope: 'read push' })).rejects.toMatchObject({ data: { httpStatus: 422 } });
    await expect(
      trpc().oauth.client.query({ clientId: app.client_id, redirectUri: `${redirectUri}/../evil` }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
  });

  it("an application's own token registers nothing but itself, and ends with log out everywhere", async () => {
    const app = await registerApp();
    const { status, body } = await post('/oauth/token', {
      grant_type: 'client_credentials',
      client_id: app.client_id,
      client_secret: app.client_secret,
      scope: 'read',
    });
    expect(status).toBe(200);
    const appToken = body.access_token as string;
    const verify = await fetch(`${server.url}/api/v1/apps/verify_credentials`, {
      headers: { authorization: `Bearer ${appToken}` },
    });
    expect(await verify.json()).toMatchObject({ id: app.id, name: 'Test App', scopes: ['read', 'write', 'follow'] });
    await expect(trpc(appToken).user.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    expect(
      (
        await post('/oauth/token', {
          grant_type: 'client_credentials',
          client_id: app.client_id,
          client_secret: app.client_secret,
          scope: 'push',
        })
      ).status,
    ).toBe(400);

    const { jwt } = await signedIn();
    const granted = await exchange(app, (await authorize(jwt, app)).code);
    const token = granted.body.access_token as string;
    expect((await trpc(token).user.me.query()).name).toMatch(/^User/);
    await trpc(jwt).auth.logoutAll.mutate();
    await expect(trpc(token).user.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it("signs up an account through an application's own token, as masto.js sends it (a multipart form)", async () => {
    const app = await registerApp('read write');
    const appToken = async (scope: string) => {
      const credentials = { client_id: app.client_id, client_secret: app.client_secret };
      const { body } = await post('/oauth/token', { grant_type: 'client_credentials', ...credentials, scope });
      return body.access_token as string;
    };
    const masto = createRestAPIClient({ url: server.url, accessToken: await appToken('read write:accounts') });
    const signUp = {
      username: 'newbie',
      email: 'newbie@example.com',
      password: 'password123',
      agreement: true,
      locale: 'en',
    };
    const token = await masto.v1.accounts.create(signUp);
    expect(token).toMatchObject({ tokenType: 'Bearer', scope: 'read write:accounts' });
    expect(await trpc(token.accessToken).user.me.query()).toMatchObject({ username: 'newbie', name: 'newbie' });

    const taken = await masto.v1.accounts.create({ ...signUp, email: 'other@example.com' }).catch((error) => error);
    expect(taken).toMatchObject({ statusCode: 422 });
    const readOnly = createRestAPIClient({ url: server.url, accessToken: await appToken('read') });
    expect(await readOnly.v1.accounts.create({ ...signUp, username: 'third' }).catch((e) => e)).toMatchObject({
      statusCode: 403,
    });
    const asPerson = createRestAPIClient({ url: server.url, accessToken: token.accessToken });
    expect(await asPerson.v1.accounts.create({ ...signUp, username: 'fourth' }).catch((e) => e)).toMatchObject({
      statusCode: 401,
    });
  });

  it('lists the applications a person authorized, and revoking one ends its tokens', async () => {
    const app = await registerApp();
    const { jwt } = await signedIn();
    const granted = await exchange(app, (await authorize(jwt, app)).code);
    const token = granted.body.access_token as string;
    await trpc(token).user.me.query();
    const [listed, ...rest] = await trpc(jwt).oauth.authorizedApps.query();
    expect(rest).toEqual([]);
    expect(listed).toMatchObject({
      id: Number(app.id),
      name: 'Test App',
      scopes: ['read', 'write'],
      authorizedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(listed?.lastUsedAt).not.toBeNull();
    await trpc(jwt).oauth.revokeApp.mutate({ appId: Number(app.id) });
    await expect(trpc(token).user.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    expect(await trpc(jwt).oauth.authorizedApps.query()).toEqual([]);
    await expect(trpc(jwt).oauth.revokeApp.mutate({ appId: Number(app.id) })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
  });

  it('a password change ends the tokens given to applications', async () => {
    const app = await registerApp();
    const { jwt } = await signedIn();
    const token = (await exchange(app, (await authorize(jwt, app)).code)).body.access_token as string;
    await trpc(token).user.me.query();
    await trpc(jwt).auth.changePassword.mutate({ currentPassword: 'password123', newPassword: 'password456' });
    await expect(trpc(token).user.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('a token of a deleted account is refused', async () => {
    const app = await registerApp();
    const { jwt } = await signedIn();
    const token = (await exchange(app, (await authorize(jwt, app)).code)).body.access_token as string;
    await trpc(jwt).auth.deleteAccount.mutate({ password: 'password123' });
    await expect(trpc(token).user.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('answers browser apps on any origin (CORS), as Mastodon does', async () => {
    const origin = 'https://elk.example';
    const preflight = await fetch(`${server.url}/oauth/token`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const metadata = await fetch(`${server.url}/.well-known/oauth-authorization-server`, { headers: { origin } });
    expect(metadata.headers.get('access-control-allow-origin')).toBe('*');
    expect(metadata.headers.get('access-control-expose-headers')).toContain('Link');
    // The typed API keeps to its configured origins (none here).
    const trpcAnswer = await fetch(`${server.url}/trpc/health.ping`, { headers: { origin } });
    expect(trpcAnswer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('publishes its metadata', async () => {
    const res = await fetch(`${server.url}/.well-known/oauth-authorization-server`);
    expect(await res.json()).toMatchObject({
      issuer: `${server.url}/`,
      authorization_endpoint: `${server.url}/oauth/authorize`,
      token_endpoint: `${server.url}/oauth/token`,
      revocation_endpoint: `${server.url}/oauth/revoke`,
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'client_credentials'],
      scopes_supported: expect.arrayContaining(['read', 'write', 'follow', 'push', 'read:statuses']),
    });
  });
});
