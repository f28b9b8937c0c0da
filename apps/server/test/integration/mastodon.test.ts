/**
 * Mastodon's client API against the real server, driven by Mastodon's own client libraries:
 * masto.js (`masto`) and megalodon. Posting, reading and paging timelines to their end through
 * `Link`, accounts by handle and id, deletion, and the refusals' statuses and bodies. Tokens are
 * first-party ones from `auth.login`, sent as `Authorization: Bearer`.
 */
import { tweetMaxLength } from '@miniter/api/text-fields';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { createRestAPIClient, MastoHttpError } from 'masto';
import generator, { detector } from 'megalodon';
import { describe, expect, it } from 'vitest';
import { mastodonUsers, useMastodonServer } from '../mastodon-users.ts';

/** Every key of Mastodon's Status and Account that Miniter answers, whatever their values. */
const statusKeys = [
  'id',
  'uri',
  'url',
  'created_at',
  'account',
  'content',
  'visibility',
  'sensitive',
  'spoiler_text',
  'media_attachments',
  'application',
  'mentions',
  'tags',
  'emojis',
  'reblogs_count',
  'favourites_count',
  'replies_count',
  'in_reply_to_id',
  'in_reply_to_account_id',
  'reblog',
  'poll',
  'card',
  'language',
  'text',
  'edited_at',
  'favourited',
  'reblogged',
  'muted',
  'bookmarked',
  'pinned',
  'filtered',
];
const accountKeys = [
  'id',
  'username',
  'acct',
  'display_name',
  'locked',
  'bot',
  'discoverable',
  'group',
  'created_at',
  'note',
  'url',
  'uri',
  'avatar',
  'avatar_static',
  'header',
  'header_static',
  'followers_count',
  'following_count',
  'statuses_count',
  'last_status_at',
  'emojis',
  'fields',
];

interface Raw {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, asserted field by field.
  body: any;
}

describe.each(testDialects())('the Mastodon API on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useMastodonServer(() => db().orm);
  const { trpc, signUp } = mastodonUsers(() => server.url);

  async function raw(method: string, path: string, options: { token?: string; body?: string; type?: string } = {}) {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.type) headers['content-type'] = options.type;
    const res = await fetch(`${server.url}${path}`, { method, headers, body: options.body ?? null });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined } as Raw;
  }

  function expectStatus(status: Record<string, unknown>) {
    expect(Object.keys(status)).toEqual(expect.arrayContaining(statusKeys));
    expect(status.id).toMatch(/^\d+$/);
    expectAccount(status.account as Record<string, unknown>);
  }
  function expectAccount(account: Record<string, unknown>) {
    expect(Object.keys(account)).toEqual(expect.arrayContaining(accountKeys));
    expect(account.id).toMatch(/^\d+$/);
    for (const key of ['avatar', 'avatar_static', 'header', 'header_static', 'url', 'uri']) {
      expect(String(account[key])).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    }
  }

  it('posts, reads and pages timelines to their end with masto.js', async () => {
    const alice = await signUp('Alice', 'alice');
    const bob = await signUp('Bob', 'bob');
    await trpc(alice.token).follow.follow.mutate({ userId: bob.user.id });
    const masto = createRestAPIClient({ url: server.url, accessToken: alice.token });
    const bobMasto = createRestAPIClient({ url: server.url, accessToken: bob.token });

    const posted = [];
    for (let i = 1; i <= 5; i++) {
      const client = i % 2 ? masto : bobMasto;
      posted.push(await client.v1.statuses.create({ status: `post ${i} <b>&</b> https://example.com/x?a=1&b=2.` }));
    }
    const first = posted[0];
    expect(first?.content).toBe(
      '<p>post 1 &lt;b&gt;&amp;&lt;/b&gt; <a href="https://example.com/x?a=1&amp;b=2" rel="nofollow noopener noreferrer" target="_blank">https://example.com/x?a=1&amp;b=2</a>.</p>',
    );
    expect(first?.account.username).toBe('alice');
    expect(first?.visibility).toBe('public');
    const newestFirst = posted.map((s) => s.id).reverse();

    // Home: page by page through `Link`, two at a time, to the end.
    const pages: string[][] = [];
    for await (const page of masto.v1.timelines.home.list({ limit: 2 })) pages.push(page.map((s) => s.id));
    expect(pages.flat()).toEqual(newestFirst);
    expect(pages.length).toBeLessThanOrEqual(3);
    // Public, signed out: the same five, through the same paging.
    const anonymous = createRestAPIClient({ url: server.url });
    const publicIds: string[] = [];
    for await (const page of anonymous.v1.timelines.public.list({ limit: 2, local: true })) {
      publicIds.push(...page.map((s) => s.id));
    }
    expect(publicIds).toEqual(newestFirst);
    // Bob follows nobody: his home has his own two.
    const bobHome = await bobMasto.v1.timelines.home.list();
    expect(bobHome.map((s) => s.id)).toEqual([newestFirst[1], newestFirst[3]]);

    // Bounds: below max_id, above since_id, and the page just above min_id (still newest first).
    const [n5, n4, n3, n2, n1] = newestFirst as [string, string, string, string, string];
    expect((await anonymous.v1.timelines.public.list({ maxId: n2 })).map((s) => s.id)).toEqual([n1]);
    expect((await anonymous.v1.timelines.public.list({ sinceId: n3, limit: 1 })).map((s) => s.id)).toEqual([n5]);
    expect((await anonymous.v1.timelines.public.list({ minId: n2, limit: 2 })).map((s) => s.id)).toEqual([n4, n3]);
    expect(await anonymous.v1.timelines.public.list({ remote: true })).toEqual([]);

    // An account's statuses, paged; pinned and media-only ones are none.
    const own: string[] = [];
    for await (const page of masto.v1.accounts.$select(alice.user.id.toString()).statuses.list({ limit: 1 })) {
      own.push(...page.map((s) => s.id));
    }
    expect(own).toEqual([n5, n3, n1]);
    const aliceStatuses = masto.v1.accounts.$select(String(alice.user.id)).statuses;
    expect(await aliceStatuses.list({ pinned: true })).toEqual([]);
    expect(await aliceStatuses.list({ onlyMedia: true })).toEqual([]);
    expect((await aliceStatuses.list({ excludeReplies: true, excludeReblogs: true })).map((s) => s.id)).toEqual([
      n5,
      n3,
      n1,
    ]);

    // One status; then deleted, answered with its text for a redraft, and gone.
    expect((await anonymous.v1.statuses.$select(n1).fetch()).content).toBe(first?.content);
    const deleted = await masto.v1.statuses.$select(n1).remove();
    expect(deleted.text).toBe('post 1 <b>&</b> https://example.com/x?a=1&b=2.');
    await expect(anonymous.v1.statuses.$select(n1).fetch()).rejects.toMatchObject({ statusCode: 404 });
    // Someone else's status cannot be deleted.
    await expect(masto.v1.statuses.$select(n2).remove()).rejects.toMatchObject({ statusCode: 403 });
  });

  it('favourites with masto.js: counted, shown to whoever liked, listed and paged by Link', async () => {
    const alice = await signUp('Alice', 'alice');
    const bob = await signUp('Bob', 'bob');
    const carol = await signUp('Carol', 'carol');
    const masto = createRestAPIClient({ url: server.url, accessToken: alice.token });
    const bobMasto = createRestAPIClient({ url: server.url, accessToken: bob.token });
    const carolMasto = createRestAPIClient({ url: server.url, accessToken: carol.token });
    const posted = [];
    for (let i = 1; i <= 3; i++) posted.push(await masto.v1.statuses.create({ status: `fav ${i}` }));
    const [s1, s2, s3] = posted.map((s) => s.id) as [string, string, string];

    const liked = await bobMasto.v1.statuses.$select(s1).favourite();
    expect(liked).toMatchObject({ id: s1, favouritesCount: 1, favourited: true });
    expect(await bobMasto.v1.statuses.$select(s1).favourite()).toMatchObject({ favouritesCount: 1 });
    await carolMasto.v1.statuses.$select(s1).favourite();
    // Each reader sees their own; signed out, no one's.
    expect(await masto.v1.statuses.$select(s1).fetch()).toMatchObject({ favouritesCount: 2, favourited: false });
    expect((await bobMasto.v1.timelines.public.list()).find((s) => s.id === s1)?.favourited).toBe(true);
    const anonymous = createRestAPIClient({ url: server.url });
    expect(await anonymous.v1.statuses.$select(s1).fetch()).toMatchObject({ favouritesCount: 2, favourited: false });

    // Who liked it, one a page, most recent first, to the end by Link. (masto.js 8 types this list
    // with no parameters, but sends them, as Mastodon takes them.)
    const likers: string[] = [];
    for await (const page of anonymous.v1.statuses.$select(s1).favouritedBy.list({ limit: 1 } as never)) {
      likers.push(...page.map((a) => a.username));
    }
    expect(likers).toEqual(['carol', 'bob']);

    // Bob's favourites: in the order he liked them, most recent first, paged by Link.
    await bobMasto.v1.statuses.$select(s3).favourite();
    await bobMasto.v1.statuses.$select(s2).favourite();
    const favourites: string[] = [];
    for await (const page of bobMasto.v1.favourites.list({ limit: 2 })) favourites.push(...page.map((s) => s.id));
    expect(favourites).toEqual([s2, s3, s1]);
    const prev = await raw('GET', '/api/v1/favourites?limit=1', { token: bob.token });
    expect(prev.headers.get('link')).toMatch(/min_id=\d+>; rel="prev"/);

    expect(await bobMasto.v1.statuses.$select(s1).unfavourite()).toMatchObject({
      favouritesCount: 1,
      favourited: false,
    });
    expect(await bobMasto.v1.statuses.$select(s1).unfavourite()).toMatchObject({ favouritesCount: 1 });
    await expect(bobMasto.v1.statuses.$select('987654').favourite()).rejects.toMatchObject({ statusCode: 404 });
    await expect(anonymous.v1.favourites.list()).rejects.toMatchObject({ statusCode: 401 });
  });

  it('answers every key of Status and Account, ids as strings, in the raw JSON', async () => {
    const alice = await signUp('Alice', 'alice');
    await trpc(alice.token).user.updateProfile.mutate({ profile: 'line one\nline two\n\nsecond <p>' });
    const posted = await raw('POST', '/api/v1/statuses', {
      token: alice.token,
      type: 'application/json',
      body: JSON.stringify({ status: 'hello' }),
    });
    expect(posted.status).toBe(200);
    expectStatus(posted.body);
    expect(posted.body).toMatchObject({
      visibility: 'public',
      sensitive: false,
      spoiler_text: '',
      text: null,
      reblog: null,
      replies_count: 0,
      favourited: false,
      filtered: [],
    });
    const account = posted.body.account;
    expect(account).toMatchObject({
      id: String(alice.user.id),
      username: 'alice',
      acct: 'alice',
      display_name: 'Alice',
      locked: false,
      bot: false,
      discoverable: true,
      group: false,
      note: '<p>line one<br />line two</p><p>second &lt;p&gt;</p>',
      statuses_count: 1,
      followers_count: 0,
      following_count: 0,
      emojis: [],
      fields: [],
    });
    expect(account.last_status_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The default pictures are real PNGs.
    for (const url of [account.avatar, account.header]) {
      const picture = await fetch(url);
      expect(picture.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await picture.arrayBuffer())
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }

    const home = await raw('GET', '/api/v1/timelines/home', { token: alice.token });
    expect(home.body).toEqual([posted.body]);
    // One page, not full: a `prev` link, absolute, and no `next`.
    expect(home.headers.get('link')).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/timelines\/home\?min_id=\d+>; rel="prev"$/,
    );

    const me = await raw('GET', '/api/v1/accounts/verify_credentials', { token: alice.token });
    expectAccount(me.body);
    expect(me.body.source).toMatchObject({ privacy: 'public', note: 'line one\nline two\n\nsecond <p>', fields: [] });
    expect((await raw('GET', `/api/v1/accounts/${alice.user.id}`)).body).toEqual(account);
    expect((await raw('GET', '/api/v1/accounts/lookup?acct=ALICE')).body).toEqual(account);
    const host = new URL(server.url).host;
    expect((await raw('GET', `/api/v1/accounts/lookup?acct=alice@${host}`)).body).toEqual(account);
  });

  it('takes forms, refuses in Mastodon shapes, honours Idempotency-Key', async () => {
    const alice = await signUp('Alice', 'alice');
    const form = 'application/x-www-form-urlencoded';
    const byForm = await raw('POST', '/api/v1/statuses', {
      token: alice.token,
      type: form,
      body: 'status=%ED%95%9C+%F0%9F%8C%8F',
    });
    expect(byForm.status).toBe(200);
    expect(byForm.body.content).toBe('<p>한 🌏</p>');

    const cases: [string, Promise<Raw>, number, Record<string, unknown>][] = [
      ['no token', raw('GET', '/api/v1/timelines/home'), 401, { error: 'The access token is invalid' }],
      [
        'a bad token',
        raw('GET', '/api/v1/accounts/verify_credentials', { token: 'nope' }),
        401,
        { error: 'The access token is invalid' },
      ],
      ['nobody', raw('GET', '/api/v1/accounts/4000000'), 404, { error: 'Record not found' }],
      ['an id that is no id', raw('GET', '/api/v1/accounts/abc'), 404, { error: 'Record not found' }],
      ['no such status', raw('GET', '/api/v1/statuses/4000000'), 404, { error: 'Record not found' }],
      ['no such handle', raw('GET', '/api/v1/accounts/lookup?acct=nobody'), 404, { error: 'Record not found' }],
      [
        'another server',
        raw('GET', '/api/v1/accounts/lookup?acct=alice@elsewhere.example'),
        404,
        { error: 'Record not found' },
      ],
      [
        'a status too long',
        raw('POST', '/api/v1/statuses', {
          token: alice.token,
          type: form,
          body: `status=${'x'.repeat(tweetMaxLength + 1)}`,
        }),
        422,
        { details: { status: [{ error: 'ERR_TOO_LONG', description: expect.any(String) }] } },
      ],
      [
        'a direct message',
        raw('POST', '/api/v1/statuses', { token: alice.token, type: form, body: 'status=psst&visibility=direct' }),
        422,
        { details: { visibility: [expect.objectContaining({ error: 'ERR_INVALID' })] } },
      ],
      [
        'a bad max_id',
        raw('GET', '/api/v1/timelines/public?max_id=abc'),
        422,
        { details: { max_id: expect.any(Array) } },
      ],
      [
        'not JSON',
        raw('POST', '/api/v1/statuses', { token: alice.token, type: 'application/json', body: '{' }),
        400,
        {},
      ],
    ];
    for (const [name, answer, status, body] of cases) {
      const { status: got, body: json, headers } = await answer;
      expect({ name, status: got }).toEqual({ name, status });
      expect(headers.get('content-type'), name).toMatch(/^application\/json/);
      expect(json, name).toMatchObject({ error: expect.any(String), ...body });
    }

    // A retried post with its Idempotency-Key is written once and answered the same.
    const keyed = async () =>
      fetch(`${server.url}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.token}`, 'content-type': form, 'idempotency-key': 'k1' },
        body: 'status=once',
      }).then((res) => res.json() as Promise<{ id: string }>);
    const [once, again] = [await keyed(), await keyed()];
    expect(again.id).toBe(once.id);
    const texts = (await trpc().tweet.byAuthor.query({ userId: alice.user.id })).items.map((t) => t.text);
    expect(texts.filter((t) => t === 'once')).toHaveLength(1);

    // What apps ask for at start-up is empty, not missing; a user's own needs a session.
    for (const path of ['/api/v1/lists', '/api/v1/filters', '/api/v2/filters', '/api/v1/notifications']) {
      expect((await raw('GET', path, { token: alice.token })).body, path).toEqual([]);
      expect((await raw('GET', path)).status, path).toBe(401);
    }
    expect((await raw('GET', '/api/v1/markers', { token: alice.token })).body).toEqual({});
    expect((await raw('GET', '/api/v1/custom_emojis')).body).toEqual([]);
  });

  it('describes the instance, v2 and v1', async () => {
    const founder = await signUp('Founder', 'founder');
    await signUp('Later', 'later');
    const masto = createRestAPIClient({ url: server.url });
    const v2 = await masto.v2.instance.fetch();
    expect(v2.configuration.statuses.maxCharacters).toBe(tweetMaxLength);
    expect(v2.configuration.urls.streaming).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(v2.apiVersions).toEqual({ mastodon: 2 });
    expect(v2.rules).toEqual([]);
    expect(v2.registrations.enabled).toBe(true);
    expect(v2.contact.account?.id).toBe(String(founder.user.id));
    const v1 = await masto.v1.instance.fetch();
    expect(v1.configuration.statuses.maxCharacters).toBe(tweetMaxLength);
    expect(v1.contactAccount?.username).toBe('founder');
    // Counted at most every minute: at least the two accounts made here.
    expect(v1.stats.userCount).toBeGreaterThanOrEqual(2);
  });

  it('publishes NodeInfo, which megalodon reads to know a Mastodon-compatible server', async () => {
    expect(await detector(server.url)).toBe('mastodon');
    const { body } = await raw('GET', '/nodeinfo/2.0');
    expect(body).toMatchObject({
      version: '2.0',
      software: { name: 'miniter' },
      openRegistrations: true,
      usage: { users: { total: expect.any(Number) }, localPosts: expect.any(Number) },
      metadata: { upstream: { name: 'mastodon' } },
    });
  });

  it('works for megalodon', async () => {
    const alice = await signUp('Alice', 'alice');
    const client = generator('mastodon', server.url, alice.token);
    const instance = await client.getInstance();
    expect(instance.data.configuration.statuses.max_characters).toBe(tweetMaxLength);
    const me = await client.verifyAccountCredentials();
    expect(me.data).toMatchObject({ id: String(alice.user.id), username: 'alice', acct: 'alice' });
    const posted = await client.postStatus('from megalodon');
    const status = posted.data as { id: string; content: string };
    expect(status.content).toBe('<p>from megalodon</p>');
    expect((await client.getHomeTimeline({ limit: 5 })).data.map((s) => s.id)).toEqual([status.id]);
    expect((await client.getLocalTimeline()).data.map((s) => s.id)).toEqual([status.id]);
    expect((await client.getPublicTimeline()).data.map((s) => s.id)).toEqual([status.id]);
    expect((await client.lookupAccount('alice')).data.id).toBe(me.data.id);
    expect((await client.getAccount(me.data.id)).data.statuses_count).toBe(1);
    expect((await client.getAccountStatuses(me.data.id)).data.map((s) => s.id)).toEqual([status.id]);
    await client.deleteStatus(status.id);
    expect((await client.getHomeTimeline()).data).toEqual([]);
    await expect(client.getStatus(status.id)).rejects.toMatchObject({ response: { status: 404 } });
  });

  it('masto.js reads refusals as MastoHttpError', async () => {
    const masto = createRestAPIClient({ url: server.url, accessToken: 'nope' });
    const refused = await masto.v1.accounts.verifyCredentials().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MastoHttpError);
    expect(refused).toMatchObject({ statusCode: 401, message: 'The access token is invalid' });
  });

  // Last: their accounts would take the first ids, which the instance's contact is chosen among.
  it('replies and threads with masto.js: in_reply_to_id, replies_count, context, exclude_replies', async () => {
    const alice = await signUp('Alice', 'alice');
    const bob = await signUp('Bob', 'bob');
    const masto = createRestAPIClient({ url: server.url, accessToken: alice.token });
    const bobMasto = createRestAPIClient({ url: server.url, accessToken: bob.token });
    const root = await masto.v1.statuses.create({ status: 'root' });
    const answer = await bobMasto.v1.statuses.create({ status: '@alice yes', inReplyToId: root.id });
    expect(answer).toMatchObject({ inReplyToId: root.id, inReplyToAccountId: String(alice.user.id) });
    const deeper = await masto.v1.statuses.create({ status: '<script>no</script>', inReplyToId: answer.id });
    const aside = await bobMasto.v1.statuses.create({ status: 'aside', inReplyToId: root.id });
    expect(await masto.v1.statuses.$select(root.id).fetch()).toMatchObject({ repliesCount: 2 });

    const whole = await masto.v1.statuses.$select(root.id).context.fetch();
    expect(whole.ancestors).toEqual([]);
    expect(whole.descendants.map((s) => s.id)).toEqual([answer.id, deeper.id, aside.id]);
    // Text stays text: escaped in the HTML.
    expect(whole.descendants[1]?.content).toBe('<p>&lt;script&gt;no&lt;/script&gt;</p>');
    const middle = await masto.v1.statuses.$select(answer.id).context.fetch();
    expect(middle.ancestors.map((s) => s.id)).toEqual([root.id]);
    expect(middle.descendants.map((s) => s.id)).toEqual([deeper.id]);

    // An account's statuses without its replies to others; its own thread stays.
    const thread = await masto.v1.statuses.create({ status: 'more', inReplyToId: root.id });
    const ids = async (excludeReplies: boolean) =>
      (await masto.v1.accounts.$select(String(alice.user.id)).statuses.list({ excludeReplies })).map((s) => s.id);
    expect(await ids(true)).toEqual([thread.id, root.id]);
    expect(await ids(false)).toEqual([thread.id, deeper.id, root.id]);

    // A form's empty in_reply_to_id is no reply; one that is gone is Mastodon's 404.
    const form = await raw('POST', '/api/v1/statuses', {
      token: alice.token,
      type: 'application/x-www-form-urlencoded',
      body: 'status=plain&in_reply_to_id=',
    });
    expect(form.body).toMatchObject({ in_reply_to_id: null });
    await expect(masto.v1.statuses.create({ status: 'x', inReplyToId: '987654' })).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(masto.v1.statuses.$select('987654').context.fetch()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('mentions and hashtags with masto.js: linked in content, listed, a tag timeline and search', async () => {
    const alice = await signUp('Alice', 'alice');
    await signUp('Bob', 'bob');
    const masto = createRestAPIClient({ url: server.url, accessToken: alice.token });
    const posted = await masto.v1.statuses.create({ status: 'hi @Bob and @nobody #서울 #Seoul <b>x</b>' });
    expect(posted.mentions).toEqual([
      { id: expect.stringMatching(/^\d+$/), username: 'bob', acct: 'bob', url: `${server.url}/@bob` },
    ]);
    expect(posted.tags.map((t) => t.name).sort()).toEqual(['seoul', '서울']);
    // Linked as Mastodon links them; an @handle that names nobody, and markup, stay text.
    expect(posted.content).toBe(
      `<p>hi <span class="h-card" translate="no"><a href="${server.url}/@Bob" class="u-url mention">@<span>Bob</span></a></span>` +
        ' and @nobody ' +
        `<a href="${server.url}/tags/%EC%84%9C%EC%9A%B8" class="mention hashtag" rel="tag">#<span>서울</span></a> ` +
        `<a href="${server.url}/tags/seoul" class="mention hashtag" rel="tag">#<span>Seoul</span></a> &lt;b&gt;x&lt;/b&gt;</p>`,
    );
    await masto.v1.statuses.create({ status: 'no tag' });
    const tagged = await masto.v1.timelines.tag.$select('SEOUL').list();
    expect(tagged.map((s) => s.id)).toEqual([posted.id]);
    expect(await masto.v1.timelines.tag.$select('not-a-tag!').list()).toEqual([]);
    expect(await masto.v1.tags.$select('Seoul').fetch()).toMatchObject({ name: 'seoul', following: false });
    const found = await masto.v2.search.list({ q: '#seo', type: 'hashtags' });
    expect(found.hashtags.map((t) => t.name)).toEqual(['seoul']);
    expect((await masto.v2.search.list({ q: '서' })).hashtags.map((t) => t.name)).toEqual(['서울']);
  });

  it('reblogs with masto.js: the boost carries its status, counted, listed, excluded on request', async () => {
    const alice = await signUp('Alice', 'alice');
    const bob = await signUp('Bob', 'bob');
    const masto = createRestAPIClient({ url: server.url, accessToken: alice.token });
    const bobMasto = createRestAPIClient({ url: server.url, accessToken: bob.token });
    await bobMasto.v1.accounts.$select(String(alice.user.id)).follow();
    const status = await masto.v1.statuses.create({ status: 'boost me' });

    const boost = await bobMasto.v1.statuses.$select(status.id).reblog();
    expect(boost).toMatchObject({
      account: { username: 'bob' },
      content: '',
      reblog: { id: status.id, reblogsCount: 1, reblogged: true, account: { username: 'alice' } },
    });
    // Idempotent; a boost of the boost is of the status.
    expect(await bobMasto.v1.statuses.$select(boost.id).reblog()).toMatchObject({ id: boost.id });
    expect(await masto.v1.statuses.$select(status.id).fetch()).toMatchObject({ reblogsCount: 1, reblogged: false });
    const rebloggers = await masto.v1.statuses.$select(status.id).rebloggedBy.list();
    expect(rebloggers.map((a) => a.username)).toEqual(['bob']);
    const bobs = async (excludeReblogs: boolean) =>
      (await masto.v1.accounts.$select(String(bob.user.id)).statuses.list({ excludeReblogs })).map((s) => s.reblog?.id);
    expect(await bobs(false)).toEqual([status.id]);
    expect(await bobs(true)).toEqual([]);
    // Bob's home has Alice's status once: as his boost, its newest entry.
    const home = await bobMasto.v1.timelines.home.list();
    expect(home.map((s) => s.reblog?.id ?? s.id)).toEqual([status.id]);

    expect(await bobMasto.v1.statuses.$select(status.id).unreblog()).toMatchObject({
      id: status.id,
      reblogsCount: 0,
      reblogged: false,
    });
    await expect(bobMasto.v1.statuses.$select('987654').reblog()).rejects.toMatchObject({ statusCode: 404 });
  });
});
