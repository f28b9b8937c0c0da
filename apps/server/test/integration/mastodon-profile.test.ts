/**
 * Editing a profile through Mastodon's `PATCH /api/v1/accounts/update_credentials`, driven by
 * masto.js (multipart, the picture a file) and megalodon (JSON, the picture a data: URI): the answer,
 * then verify_credentials and the public Account show the new name, note and a picture served as
 * WebP. Refusals (too long a name, not a picture, too large, a read-only token) change nothing.
 */
import { makeImage } from '@miniter/api/testing';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { createOAuthAPIClient, createRestAPIClient, MastoHttpError } from 'masto';
import generator from 'megalodon';
import { describe, expect, it } from 'vitest';
import { testUploads } from '../helpers.ts';
import { mastodonUsers, useMastodonServer } from '../mastodon-users.ts';

const outOfBand = 'urn:ietf:wg:oauth:2.0:oob';

describe.each(testDialects())('Mastodon profile edits on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useMastodonServer(() => db().orm);
  const { trpc, signUp } = mastodonUsers(() => server.url);

  /** An OAuth token of `scope` for `jwt`'s user, as an application gets one. */
  async function oauthToken(jwt: string, scope: string) {
    const app = await createRestAPIClient({ url: server.url }).v1.apps.create({
      clientName: 'Profile editor',
      redirectUris: outOfBand,
      scopes: 'read write',
    });
    const { code } = await trpc(jwt).oauth.authorize.mutate({
      clientId: app.clientId ?? '',
      redirectUri: outOfBand,
      scope,
    });
    const token = await createOAuthAPIClient({ url: server.url }).token.create({
      grantType: 'authorization_code',
      clientId: app.clientId ?? '',
      clientSecret: app.clientSecret ?? '',
      redirectUri: outOfBand,
      code: code ?? '',
    });
    return token.accessToken;
  }

  async function get(path: string, token?: string) {
    const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, asserted field by field.
    const body: any = await res.json();
    return { status: res.status, body };
  }

  /** A multipart PATCH as masto.js sends it, read raw: the status and Mastodon's error body. */
  async function patchForm(token: string, fields: Record<string, string | Blob>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const res = await fetch(`${server.url}/api/v1/accounts/update_credentials`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, asserted field by field.
    return { status: res.status, body: (await res.json()) as any };
  }

  /** The picture at `url` is a WebP this server serves. */
  async function expectWebp(url: string) {
    expect(url.startsWith(server.url)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([bytes.subarray(0, 4).toString('latin1'), bytes.subarray(8, 12).toString('latin1')]).toEqual([
      'RIFF',
      'WEBP',
    ]);
  }

  /** What verify_credentials and the public Account say of the user's profile. */
  async function profileOf(userId: number, token: string) {
    const own = await get('/api/v1/accounts/verify_credentials', token);
    const shown = await get(`/api/v1/accounts/${userId}`);
    expect(own.status).toBe(200);
    expect(shown.status).toBe(200);
    const { source, ...account } = own.body;
    expect(account).toEqual(shown.body);
    return { name: shown.body.display_name, note: shown.body.note, source: source.note, avatar: shown.body.avatar };
  }

  it('changes the name, note and picture with masto.js, and ignores what Miniter does not have', async () => {
    const alice = await signUp('Alice', 'alice');
    const before = await alice.masto.v1.accounts.verifyCredentials();
    const png = await makeImage('png', 320, 200);
    const updated = await alice.masto.v1.accounts.updateCredentials({
      displayName: 'Alice Liddell',
      note: 'Down the rabbit hole.\n\nhttps://example.com <3',
      avatar: new Blob([png], { type: 'image/png' }),
      // No header picture, locked accounts, profile fields or posting defaults here: taken, ignored.
      header: new Blob([png], { type: 'image/png' }),
      locked: true,
      bot: true,
      discoverable: false,
      source: { privacy: 'private', sensitive: true, language: 'en' },
      fieldsAttributes: [{ name: 'Site', value: 'https://example.com' }],
    });
    const note =
      '<p>Down the rabbit hole.</p><p><a href="https://example.com" rel="nofollow noopener noreferrer" ' +
      'target="_blank">https://example.com</a> &lt;3</p>';
    expect(updated).toMatchObject({
      id: String(alice.user.id),
      username: 'alice',
      displayName: 'Alice Liddell',
      note,
      locked: false,
      bot: false,
      header: before.header,
      fields: [],
      source: { note: 'Down the rabbit hole.\n\nhttps://example.com <3', privacy: 'public', fields: [] },
    });
    expect(updated.avatar).not.toBe(before.avatar);
    expect(updated.avatarStatic).toBe(updated.avatar);
    await expectWebp(updated.avatar);
    expect(await profileOf(alice.user.id, alice.token)).toEqual({
      name: 'Alice Liddell',
      note,
      source: 'Down the rabbit hole.\n\nhttps://example.com <3',
      avatar: updated.avatar,
    });

    // What is not sent stays as it was; an empty note empties it.
    const renamed = await alice.masto.v1.accounts.updateCredentials({ displayName: 'Alice' });
    expect([renamed.displayName, renamed.note, renamed.avatar]).toEqual(['Alice', note, updated.avatar]);
    const cleared = await alice.masto.v1.accounts.updateCredentials({ note: '' });
    expect([cleared.displayName, cleared.note, cleared.source?.note, cleared.avatar]).toEqual([
      'Alice',
      '',
      '',
      updated.avatar,
    ]);
  });

  it('changes the name, note and picture with megalodon, the picture as a data: URI', async () => {
    const bob = await signUp('Bob', 'bob');
    const client = generator('mastodon', server.url, bob.token);
    const png = await makeImage('png', 200, 200);
    const { data } = await client.updateCredentials({
      display_name: 'Bob the Builder',
      note: 'Can we fix it?\nYes we can!',
      avatar: `data:image/png;base64,${png.toString('base64')}`,
    });
    const note = '<p>Can we fix it?<br />Yes we can!</p>';
    expect(data).toMatchObject({ id: String(bob.user.id), display_name: 'Bob the Builder', note });
    await expectWebp(data.avatar);
    const verified = await client.verifyAccountCredentials();
    expect(verified.data).toMatchObject({ display_name: 'Bob the Builder', note, avatar: data.avatar });
    expect((await client.getAccount(String(bob.user.id))).data).toMatchObject({
      display_name: 'Bob the Builder',
      note,
      avatar: data.avatar,
    });
  });

  it('refuses too long a name and what is not a picture in Mastodon’s shape, changing nothing', async () => {
    const carol = await signUp('Carol', 'carol');
    await carol.masto.v1.accounts.updateCredentials({ note: 'Original note' });
    const before = await profileOf(carol.user.id, carol.token);
    const png = new Blob([await makeImage('png', 64, 64)], { type: 'image/png' });

    // The name past its 50 characters, with a good picture: neither is stored.
    const tooLong = await carol.masto.v1.accounts
      .updateCredentials({ displayName: 'C'.repeat(51), note: 'New note', avatar: png })
      .catch((error: unknown) => error);
    expect(tooLong).toBeInstanceOf(MastoHttpError);
    expect(tooLong).toMatchObject({ statusCode: 422 });
    const longRaw = await patchForm(carol.token, { display_name: 'C'.repeat(51), avatar: png });
    expect(longRaw).toMatchObject({
      status: 422,
      body: {
        error: expect.stringMatching(/^Validation failed: display_name: /),
        details: { display_name: [{ error: 'ERR_TOO_LONG', description: expect.any(String) }] },
      },
    });
    expect(await profileOf(carol.user.id, carol.token)).toEqual(before);

    // Not a picture, a picture past the upload limit, an avatar that is no file: each a validation
    // failure on `avatar`, and the name sent with it not stored either.
    const notImage = new Blob(['just some text'], { type: 'image/png' });
    const tooBig = new Blob([Buffer.alloc(testUploads.maxBytes + 1, 1)], { type: 'image/png' });
    for (const avatar of [notImage, tooBig, 'https://example.com/me.png']) {
      const refused = await patchForm(carol.token, { display_name: 'Caroline', avatar });
      expect(refused, String(avatar)).toMatchObject({
        status: 422,
        body: {
          error: expect.stringMatching(/^Validation failed: avatar: /),
          details: { avatar: [{ error: 'ERR_INVALID', description: expect.any(String) }] },
        },
      });
    }
    await expect(
      carol.masto.v1.accounts.updateCredentials({ displayName: 'Caroline', avatar: notImage }),
    ).rejects.toMatchObject({ statusCode: 422 });
    expect(await profileOf(carol.user.id, carol.token)).toEqual(before);

    // A body past the upload cap is not read at all.
    const huge = new Blob([Buffer.alloc(testUploads.maxBytes * 2, 1)], { type: 'image/png' });
    expect((await patchForm(carol.token, { avatar: huge })).status).toBe(413);
    expect(await profileOf(carol.user.id, carol.token)).toEqual(before);
  });

  it('holds the token to write:accounts', async () => {
    const dave = await signUp('Dave', 'dave');
    const before = await profileOf(dave.user.id, dave.token);
    const avatar = new Blob([await makeImage('png', 64, 64)], { type: 'image/png' });
    const reader = await oauthToken(dave.token, 'read');
    const asks: Record<string, string | Blob>[] = [{ display_name: 'Reader' }, { display_name: 'Reader', avatar }];
    for (const fields of asks) {
      expect(await patchForm(reader, fields)).toEqual({
        status: 403,
        body: { error: 'This action is not allowed' },
      });
    }
    // Past its scope, a refusal of the token comes before one of the input.
    expect((await patchForm(reader, { display_name: 'D'.repeat(51) })).status).toBe(403);
    expect(await profileOf(dave.user.id, dave.token)).toEqual(before);

    const writer = await oauthToken(dave.token, 'write:accounts');
    expect(await patchForm(writer, { display_name: 'Writer', avatar })).toMatchObject({
      status: 200,
      body: { display_name: 'Writer' },
    });
    expect((await patchForm('nope', { display_name: 'Nobody' })).status).toBe(401);
  });
});
