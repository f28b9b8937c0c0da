/**
 * Mastodon's follow and search routes against the real server, driven by masto.js and megalodon:
 * followers and following paged to their end through `Link` (by follow id, newest follow first),
 * relationships with every documented key, follow and unfollow with their refusals, and account
 * search (v1 and v2). Tokens are first-party ones from `auth.login`.
 */
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { createRestAPIClient, MastoHttpError } from 'masto';
import generator from 'megalodon';
import { describe, expect, it } from 'vitest';
import { mastodonUsers, useMastodonServer } from '../mastodon-users.ts';

/** Every key of Mastodon's Relationship (entities/Relationship.md). */
const relationshipKeys = [
  'id',
  'following',
  'showing_reblogs',
  'notifying',
  'languages',
  'followed_by',
  'blocking',
  'blocked_by',
  'muting',
  'muting_notifications',
  'muting_expires_at',
  'requested',
  'requested_by',
  'domain_blocking',
  'endorsed',
  'note',
];

describe.each(testDialects())('Mastodon follows and search on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useMastodonServer(() => db().orm);
  const { trpc, signUp } = mastodonUsers(() => server.url);

  async function get(path: string, token?: string) {
    const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers, asserted field by field.
    const body: any = await res.json();
    return { status: res.status, link: res.headers.get('link'), body };
  }

  it('pages followers and following to their end with masto.js, newest follow first', async () => {
    const star = await signUp('Star', 'star');
    const fans = [];
    for (let i = 0; i < 5; i++) {
      const fan = await signUp(`Fan ${i}`, `fan${i}`);
      await fan.masto.v1.accounts.$select(String(star.user.id)).follow();
      fans.push(fan);
    }
    const newestFirst = fans.map((f) => String(f.user.id)).reverse();
    const pages: string[][] = [];
    for await (const page of star.masto.v1.accounts.$select(String(star.user.id)).followers.list({ limit: 2 })) {
      pages.push(page.map((a) => a.id));
    }
    expect(pages).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
    const fan0 = fans[0];
    if (!fan0) throw new Error('no fans');
    const following = await fan0.masto.v1.accounts.$select(String(fan0.user.id)).following.list();
    expect(following.map((a) => [a.id, a.username, a.followersCount])).toEqual([[String(star.user.id), 'star', 5]]);

    // The Link header: absolute, `next` by max_id and `prev` by min_id, other parameters kept.
    const first = await get(`/api/v1/accounts/${star.user.id}/followers?limit=2`);
    expect(first.link).toMatch(
      new RegExp(
        `^<${server.url}/api/v1/accounts/${star.user.id}/followers\\?limit=2&max_id=(\\d+)>; rel="next", ` +
          `<${server.url}/api/v1/accounts/${star.user.id}/followers\\?limit=2&min_id=(\\d+)>; rel="prev"$`,
      ),
    );
    const [, maxId, minId] = /max_id=(\d+).*min_id=(\d+)/.exec(first.link ?? '') ?? [];
    const ids = async (query: string) =>
      (await get(`/api/v1/accounts/${star.user.id}/followers?${query}`)).body.map((a: { id: string }) => a.id);
    // Newer than the first page's newest: nobody yet; then one more follow is.
    expect(await ids(`min_id=${minId}`)).toEqual([]);
    const late = await signUp('Late', 'late');
    await late.masto.v1.accounts.$select(String(star.user.id)).follow();
    expect(await ids(`min_id=${minId}`)).toEqual([String(late.user.id)]);
    expect(await ids(`since_id=${minId}`)).toEqual([String(late.user.id)]);
    expect(await ids(`max_id=${maxId}&limit=1`)).toEqual(newestFirst.slice(2, 3));
    // The last page: no `next`.
    const oldest = await get(`/api/v1/accounts/${star.user.id}/followers?max_id=${maxId}&limit=3`);
    expect(oldest.body.map((a: { id: string }) => a.id)).toEqual(newestFirst.slice(2));
    expect(oldest.link).not.toContain('rel="next"');

    // `limit` defaults to 40 and is clamped to 80; the last page has no `next`.
    expect((await get(`/api/v1/accounts/${star.user.id}/followers?limit=500`)).body).toHaveLength(6);
    expect((await get(`/api/v1/accounts/${star.user.id}/followers`)).link).not.toContain('rel="next"');
    // Nobody, and an empty list, as Mastodon answers them.
    expect((await get('/api/v1/accounts/999999/followers')).status).toBe(404);
    expect((await get('/api/v1/accounts/abc/following')).status).toBe(404);
    const none = await get(`/api/v1/accounts/${star.user.id}/following`);
    expect([none.status, none.body, none.link]).toEqual([200, [], null]);
    expect((await get(`/api/v1/accounts/${star.user.id}/followers?max_id=nope`)).status).toBe(422);
  });

  it('answers relationships with every documented key, both ways', async () => {
    const alice = await signUp('Alice', 'alice');
    const bob = await signUp('Bob', 'bob');
    const carol = await signUp('Carol', 'carol');
    await alice.masto.v1.accounts.$select(String(bob.user.id)).follow();
    await carol.masto.v1.accounts.$select(String(alice.user.id)).follow();

    const ids = [bob.user.id, carol.user.id, 999_999, alice.user.id].map(String);
    const relationships = await alice.masto.v1.accounts.relationships.fetch({ id: ids });
    // masto.js camel-cases keys: the raw JSON has Mastodon's own.
    const keys = await get(`/api/v1/accounts/relationships?${ids.map((id) => `id[]=${id}`).join('&')}`, alice.token);
    for (const relationship of keys.body)
      expect(Object.keys(relationship).sort()).toEqual([...relationshipKeys].sort());
    // Nobody is left out; the rest in the order asked.
    expect(relationships.map((r) => [r.id, r.following, r.followedBy, r.showingReblogs])).toEqual([
      [String(bob.user.id), true, false, true],
      [String(carol.user.id), false, true, false],
      [String(alice.user.id), false, false, false],
    ]);
    expect(relationships[0]).toMatchObject({ notifying: false, languages: null, requested: false, note: '' });

    // One id as `id`, the Rails list as `id[]`; none; no session.
    const raw = await get(`/api/v1/accounts/relationships?id=${bob.user.id}`, alice.token);
    expect(raw.body).toMatchObject([{ id: String(bob.user.id), following: true, followed_by: false }]);
    expect((await get('/api/v1/accounts/relationships', alice.token)).body).toEqual([]);
    expect((await get(`/api/v1/accounts/relationships?id[]=${bob.user.id}`)).status).toBe(401);

    const megalodon = generator('mastodon', server.url, bob.token);
    const fromBob = await megalodon.getRelationships([String(alice.user.id)]);
    expect(fromBob.data).toMatchObject([{ id: String(alice.user.id), following: false, followed_by: true }]);
  });

  it('follows and unfollows, answering the Relationship, and refuses as Mastodon does', async () => {
    const alice = await signUp('Alice', 'alice');
    const bob = await signUp('Bob', 'bob');
    await bob.masto.v1.accounts.$select(String(alice.user.id)).follow();
    const toBob = alice.masto.v1.accounts.$select(String(bob.user.id));

    const followed = await toBob.follow({ reblogs: true, notify: false });
    expect(followed).toMatchObject({ id: String(bob.user.id), following: true, followedBy: true });
    // A repeat changes nothing.
    expect(await toBob.follow()).toMatchObject({ following: true });
    expect((await alice.masto.v1.accounts.$select(String(bob.user.id)).fetch()).followersCount).toBe(1);
    expect(await toBob.unfollow()).toMatchObject({ following: false, followedBy: true });
    expect(await toBob.unfollow()).toMatchObject({ following: false });

    const refusal = (call: Promise<unknown>) => call.catch((error: unknown) => error);
    const self = alice.masto.v1.accounts.$select(String(alice.user.id));
    // Mastodon will not follow yourself, as it will not follow nobody; unfollowing yourself is a no-op.
    const selfFollow = await refusal(self.follow());
    expect(selfFollow).toBeInstanceOf(MastoHttpError);
    expect(selfFollow).toMatchObject({ statusCode: 404, message: 'Record not found' });
    expect(await self.unfollow()).toMatchObject({ id: String(alice.user.id), following: false, followedBy: false });
    expect(await refusal(alice.masto.v1.accounts.$select('999999').follow())).toMatchObject({ statusCode: 404 });
    expect(await refusal(alice.masto.v1.accounts.$select('999999').unfollow())).toMatchObject({ statusCode: 404 });
    const anonymous = createRestAPIClient({ url: server.url });
    expect(await refusal(anonymous.v1.accounts.$select(String(bob.user.id)).follow())).toMatchObject({
      statusCode: 401,
    });

    // megalodon's follow, and its followers read to the end through Link.
    const megalodon = generator('mastodon', server.url, alice.token);
    expect((await megalodon.followAccount(String(bob.user.id))).data).toMatchObject({ following: true });
    const followers = await megalodon.getAccountFollowers(String(bob.user.id), { limit: 1, get_all: true });
    expect(followers.data.map((a) => a.id)).toEqual([String(alice.user.id)]);
    const following = await megalodon.getAccountFollowing(String(alice.user.id));
    expect(following.data.map((a) => a.username)).toEqual(['bob']);
    expect((await megalodon.unfollowAccount(String(bob.user.id))).data).toMatchObject({ following: false });
  });

  it('suggests whom to follow, v2 with why and v1 as Accounts, never yourself or whom you follow', async () => {
    const [reader, friend, star, other] = [
      await signUp('Reader', 'reader'),
      await signUp('Friend', 'friend'),
      await signUp('Star', 'starling'),
      await signUp('Other', 'other'),
    ];
    await reader.masto.v1.accounts.$select(String(friend.user.id)).follow();
    // Followed by whom the reader follows, and by one more: first among the suggestions.
    await friend.masto.v1.accounts.$select(String(star.user.id)).follow();
    await other.masto.v1.accounts.$select(String(star.user.id)).follow();
    const suggestions = await reader.masto.v2.suggestions.list({ limit: 2 });
    const accts = suggestions.map((s) => s.account.acct);
    expect(accts[0]).toBe('starling');
    expect(accts).not.toContain('reader');
    expect(accts).not.toContain('friend');
    expect(suggestions[0]).toMatchObject({ source: 'global', sources: ['friends_of_friends'] });
    expect(suggestions[0]?.account).toMatchObject({ followersCount: 2, acct: 'starling' });
    const v1 = await get('/api/v1/suggestions', reader.token);
    expect(v1.status).toBe(200);
    expect(v1.body.map((a: { acct: string }) => a.acct)).toEqual(accts);
    expect((await get('/api/v2/suggestions')).status).toBe(401);
  });

  it('searches accounts by handle and name, v1 and v2', async () => {
    const song = await signUp('Song Kim', 'song');
    await signUp('Songbird', 'songbird');
    await signUp('Min Song', 'minji');
    await signUp('Other', 'other');
    const host = new URL(server.url).host;

    const found = await song.masto.v1.accounts.search.list({ q: 'song' });
    // The handle first, then handles starting with it, then names with a word starting with it.
    expect(found.map((a) => a.username)).toEqual(['song', 'songbird', 'minji']);
    expect(found[0]).toMatchObject({ acct: 'song', displayName: 'Song Kim' });
    const handles = async (query: string) =>
      (await song.masto.v1.accounts.search.list({ q: query, resolve: true })).map((a) => a.username);
    // `@handle`, also at this server's address, is the same search.
    expect(await handles('@song')).toEqual(['song', 'songbird', 'minji']);
    expect(await handles(`@song@${host}`)).toEqual(['song', 'songbird', 'minji']);
    expect(await handles('song@elsewhere.example')).toEqual([]);
    expect(await handles('kim')).toEqual(['song']);
    expect(await handles('nobody')).toEqual([]);
    const usernames = async (query: string) =>
      (await get(`/api/v1/accounts/search?${query}`, song.token)).body.map((a: { username: string }) => a.username);
    expect(await usernames('q=song&limit=2')).toEqual(['song', 'songbird']);
    expect(await usernames('q=song&offset=1&limit=1')).toEqual(['songbird']);
    expect(await usernames('q=')).toEqual([]);
    await song.masto.v1.accounts
      .$select(String((await trpc().user.byUsername.query({ username: 'minji' })).id))
      .follow();
    expect(await usernames('q=song&following=true')).toEqual(['minji']);

    const v2 = await song.masto.v2.search.list({ q: 'song', type: 'accounts' });
    expect(v2.accounts.map((a) => a.username)).toEqual(['song', 'songbird', 'minji']);
    expect([v2.statuses, v2.hashtags]).toEqual([[], []]);
    const all = await get('/api/v2/search?q=song&limit=1');
    expect(all.body.accounts.map((a: { username: string }) => a.username)).toEqual(['song']);
    expect((await get('/api/v2/search?q=song&type=accounts&offset=2')).body.accounts).toHaveLength(1);
    expect((await get('/api/v2/search?q=song&type=statuses')).body).toEqual({
      accounts: [],
      statuses: [],
      hashtags: [],
    });

    const megalodon = generator('mastodon', server.url, song.token);
    expect((await megalodon.searchAccount('songb')).data.map((a) => a.username)).toEqual(['songbird']);
    const searched = await megalodon.search('kim', { type: 'accounts' });
    expect(searched.data.accounts.map((a) => a.username)).toEqual(['song']);
  });
});
