/**
 * Property-based: generated inputs at every procedure over HTTP, on each dialect, signed in with a
 * live session. Inputs are built from each procedure's own schema (./procedures.ts), so they
 * reach the services, with values that favour the edges: NUL and other control characters, lone
 * and paired surrogates, combining marks, right-to-left text, lengths at each limit, huge
 * strings, wrong types, prototype-pollution keys, deep nesting.
 *
 * Oracles: never a 5xx (the message has the input); a 4xx is typed; a call that needs a session is
 * refused for the lack of one (401) before anything is said about its input; and what is
 * acknowledged is what was stored: every string of a successful answer is well-formed, and a
 * created tweet or user reads back from the database as answered. The REST routes' every answer is
 * also one the OpenAPI document describes.
 *
 * `MINITER_FUZZ_RUNS` sets the runs per procedure (default 150).
 */

import { sqlEm } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { mastodonRoutes } from '../../src/mastodon/index.ts';
import { anything, number, numbers, text } from '../arbitraries.ts';
import { useHttpServer } from '../helpers.ts';
import { useMastodonServer } from '../mastodon-users.ts';
import { procedures, takes } from '../procedures.ts';

const numRuns = Number(process.env.MINITER_FUZZ_RUNS ?? 150);
const password = 'password123';

/** The procedures that need a session (a subscription refuses within its stream, which answers 200). */
const signedInProcedures = new Set(
  procedures.filter((p) => p.signedIn && p.type !== 'subscription').map((p) => p.path),
);

/** Whether `read` accepts `value`: what is not JSON, or a path that does not decode, is refused unread. */
const reads = (read: (value: string) => unknown) => (value: string) => {
  try {
    read(value);
    return true;
  } catch {
    return false;
  }
};
const isJson = reads(JSON.parse);
const decodes = reads(decodeURIComponent);
/** A path parameter that stays one segment of the path: not empty, `.` or `..` (resolved away), and decodable. */
const isSegment = (value: string) => !/^(?:\.|%2e){0,2}$/i.test(value) && decodes(value);

/** Inputs for one procedure: its own fields, mostly of the types they take, sometimes anything. */
function inputsFor(fields: Record<string, Parameters<typeof takes>[0]>) {
  const field = Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => {
      const typed = [
        takes(schema, 'x') && text,
        takes(schema, 1) && number,
        takes(schema, [1]) && numbers,
        takes(schema, true) && fc.boolean(),
      ].filter((a) => a !== false);
      return [name, fc.oneof({ weight: 6, arbitrary: fc.oneof(...typed) }, { weight: 1, arbitrary: anything })];
    }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.record(field) },
    { weight: 2, arbitrary: fc.record(field, { requiredKeys: [] }) },
    { weight: 1, arbitrary: anything },
  );
}

/** Raw JSON bodies that no object literal can make: own `__proto__` keys, deep nesting. */
const rawJson = fc.oneof(
  fc.constantFrom(
    '{"__proto__":{"polluted":true},"userId":1}',
    '{"constructor":{"prototype":{"polluted":true}},"text":"x"}',
    '{"0":{"__proto__":{"polluted":true}}}',
    '{"text":"\\ud800"}',
    '{"text":"a\\u0000c"}',
    '{"userId":1e400}',
    '{',
    'null',
  ),
  fc.nat({ max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.nat({ max: 5_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
);

/** Every string in a JSON value (keys too). */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      yield key;
      yield* strings(inner);
    }
  }
}

// These end the session they are called with: each of their runs gets a session of its own.
const endsSession = new Set(['auth.logout', 'auth.logoutAll', 'auth.changePassword', 'auth.deleteAccount']);

describe.each(testDialects())('every procedure, fuzzed over HTTP on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useHttpServer(() => db().orm);
  let accounts = 0;

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as { result: { data: { accessToken?: string } } }).result.data;
  };

  /** A new account with a live session. */
  async function signedIn() {
    const email = `fuzz${++accounts}@example.com`;
    await post('auth.signUp', { name: `fuzz ${accounts}`, email, password });
    return String((await post('auth.login', { email, password })).accessToken);
  }

  /** Data for the generated ids to find: users 1–3, their tweets and follows. */
  beforeAll(async () => {
    const tokens = [await signedIn(), await signedIn(), await signedIn()];
    for (const [n, token] of tokens.entries()) {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      const call = (path: string, body: unknown) =>
        fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      await call('tweet.create', { text: `tweet ${n}` });
      await call('follow.follow', { userId: ((n + 1) % 3) + 1 });
    }
  });

  async function send(path: string, type: string, body: string, token: string | null) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res =
      type === 'query'
        ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(body)}`, { headers })
        : await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text() };
  }

  /** What the database holds for an acknowledged write, read with SQL, or null for other procedures. */
  async function storedFor(path: string, data: Record<string, unknown>) {
    const em = sqlEm(db().orm).fork();
    if (path === 'tweet.create') {
      const [row] = await em.execute('select tweet as text from tweets where id = ?', [data.id]);
      return { sent: { text: data.text }, stored: { ...row } };
    }
    if (path === 'auth.signUp') {
      const [row] = await em.execute('select name, profile from users where id = ?', [data.id]);
      return { sent: { name: data.name, profile: data.profile }, stored: { ...row } };
    }
    return null;
  }

  async function check(
    path: string,
    body: string,
    token: string | null,
    { status, text }: Awaited<ReturnType<typeof send>>,
  ) {
    const shown = `${path} ${token ? 'signed in' : 'anonymous'} ${body.slice(0, 2000)} → ${status} ${text.slice(0, 300)}`;
    expect(status, shown).toBeLessThan(500);
    // Without a session, a call that needs one is refused for that whatever its input, once the
    // input is JSON at all (a query's past Node's header limit gets 431 first).
    if (!token && signedInProcedures.has(path) && isJson(body) && status !== 431) expect(status, shown).toBe(401);
    if (!text.startsWith('{')) return;
    const answer = JSON.parse(text) as { result?: { data?: unknown }; error?: { data?: { code?: string } } };
    if (status >= 400) {
      expect(answer.error?.data?.code, shown).toMatch(/^[A-Z_]+$/);
      // A signed-in call with a live session is never turned away for its session (a login can
      // still fail for its credentials).
      if (token && path !== 'auth.login') expect(answer.error?.data?.code, shown).not.toBe('UNAUTHORIZED');
      return;
    }
    for (const s of strings(answer.result?.data)) expect(s.isWellFormed(), `${shown}: not well-formed`).toBe(true);
    const written = await storedFor(path, answer.result?.data as Record<string, unknown>);
    if (written) expect(written.stored, `${shown}: stored differs from acknowledged`).toEqual(written.sent);
  }

  it.each(procedures)(
    '$path ($type) answers every generated input with a 2xx or a typed 4xx, storing what it acknowledges',
    { timeout: 60_000 + numRuns * 200 },
    async ({ path, type, fields }) => {
      const shared = endsSession.has(path) ? null : await signedIn();
      const session = async (signed: boolean) => (signed ? (shared ?? (await signedIn())) : null);
      const signedInMostly = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false));
      await fc.assert(
        fc.asyncProperty(inputsFor(fields), signedInMostly, async (input, signed) => {
          const body = JSON.stringify(input) ?? 'null';
          const token = await session(signed);
          await check(path, body, token, await send(path, type, body, token));
        }),
        { numRuns },
      );
      await fc.assert(
        fc.asyncProperty(rawJson, signedInMostly, async (body, signed) => {
          const token = await session(signed);
          await check(path, body, token, await send(path, type, body, token));
        }),
        { numRuns: Math.ceil(numRuns / 5) },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

/** A REST route to fuzz: its path (`:name` parameters), what its body and query string hold. */
interface RestCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: Record<string, 'text' | 'number'>;
  query?: string[];
  /** Which procedure it runs (for the session rules). */
  procedure: string;
  /** The book's routes also take the token bare. */
  rawToken?: true;
  /** Mastodon's routes refuse in Mastodon's shape, `{ "error": "…" }`. */
  mastodon?: true;
  /** A Mastodon route that needs a token (it declares a scope). */
  scoped?: boolean;
}

/** The book's endpoints (apps/server/src/rest/book.ts). */
const bookCases: RestCase[] = [
  {
    method: 'POST',
    path: '/sign-up',
    body: { name: 'text', email: 'text', password: 'text', profile: 'text' },
    procedure: 'auth.signUp',
  },
  { method: 'POST', path: '/login', body: { email: 'text', password: 'text' }, procedure: 'auth.login' },
  { method: 'POST', path: '/tweet', body: { tweet: 'text' }, procedure: 'tweet.create' },
  { method: 'POST', path: '/follow', body: { follow: 'number' }, procedure: 'follow.follow' },
  { method: 'POST', path: '/unfollow', body: { unfollow: 'number' }, procedure: 'follow.unfollow' },
  { method: 'GET', path: '/timeline/:user_id', query: ['limit', 'cursor'], procedure: 'timeline.user' },
  { method: 'GET', path: '/timeline', query: ['limit', 'cursor'], procedure: 'timeline.home' },
  { method: 'GET', path: '/profile-picture/:user_id', procedure: 'user.profilePicture' },
  { method: 'GET', path: '/ping', procedure: 'health.ping' },
].map((c) => ({ ...c, rawToken: true }) as RestCase);

/** The parameters Mastodon's routes read, each sent as text or a number (or anything). */
const mastodonParams: Record<string, 'text' | 'number'> = Object.fromEntries([
  ...['limit', 'max_id', 'since_id', 'min_id', 'id', 'offset', 'in_reply_to_id'].map((n) => [n, 'number'] as const),
  ...['acct', 'q', 'type', 'resolve', 'following', 'local', 'only_media', 'exclude_replies', 'pinned', 'status']
    .concat(['visibility', 'spoiler_text', 'display_name', 'note', 'client_name', 'redirect_uris', 'scopes'])
    .concat(['website', 'grant_type', 'code', 'client_id', 'client_secret', 'redirect_uri', 'code_verifier'])
    .concat(['scope', 'token', 'username', 'email', 'password', 'agreement', 'locale', 'avatar'])
    .map((n) => [n, 'text'] as const),
]);

/**
 * Every route of Mastodon's API and OAuth, from their declarations: a route added is fuzzed untold,
 * with the parameters above and its own. Not the event streams: a stream that opens does not end.
 */
const mastodonCases: RestCase[] = mastodonRoutes
  .filter((route) => route.media !== 'text/event-stream')
  .map((route) => {
    const method = route.method.toUpperCase() as RestCase['method'];
    const own = Object.keys(route.params?.shape ?? {}).map((name) => [name, 'text'] as const);
    const params = { ...Object.fromEntries(own), ...mastodonParams };
    const sent = method === 'GET' ? { query: Object.keys(params) } : { body: params };
    return { method, path: route.path, procedure: 'mastodon', mastodon: true, scoped: Boolean(route.scope), ...sent };
  });

const restBody = (fields: Record<string, 'text' | 'number'>) => {
  const field = Object.fromEntries(
    Object.entries(fields).map(([name, kind]) => [
      name,
      fc.oneof({ weight: 6, arbitrary: kind === 'text' ? text : number }, { weight: 1, arbitrary: anything }),
    ]),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.record(field).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.record(field, { requiredKeys: [] }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: anything.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: rawJson },
  );
};

/** A path or query value, percent-encoded: numbers, ids, text of every edge, and broken escapes. */
const urlValue = fc.oneof(
  { weight: 4, arbitrary: number.map(String) },
  { weight: 4, arbitrary: text.map((s) => encodeURIComponent(s.toWellFormed())) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%FF', '%00', '%E0%A4%A', '%C0%AF', '..%2F..') },
);

describe.each(testDialects())('the REST routes, fuzzed over HTTP on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useMastodonServer(() => db().orm);
  let accounts = 0;

  async function signedIn() {
    const email = `rest${++accounts}@example.com`;
    const json = { 'content-type': 'application/json' };
    const body = JSON.stringify({ name: `rest ${accounts}`, email, password });
    await fetch(`${server.url}/sign-up`, { method: 'POST', headers: json, body });
    const res = await fetch(`${server.url}/login`, { method: 'POST', headers: json, body });
    return ((await res.json()) as { access_token: string }).access_token;
  }

  it.each([...bookCases, ...mastodonCases])(
    '$method $path answers every generated request with a 2xx or a typed 4xx',
    { timeout: 60_000 + numRuns * 200 },
    async ({ method, path, body, query = [], procedure, rawToken, mastodon, scoped }) => {
      const shared = endsSession.has(procedure) ? null : await signedIn();
      const request = fc.record({
        params: fc.array(urlValue, { minLength: 2, maxLength: 2 }),
        query: fc.record(Object.fromEntries(query.map((key) => [key, urlValue])), { requiredKeys: [] }),
        body: body ? restBody(body) : fc.constant(undefined),
        signed: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
        bare: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let n = 0;
          const search = Object.entries(r.query)
            .map(([key, value]) => `${key}=${value}`)
            .join('&');
          const url = `${server.url}${path.replace(/:\w+/g, () => r.params[n++] as string)}${search ? `?${search}` : ''}`;
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          const token = r.signed ? (shared ?? (await signedIn())) : null;
          if (token) headers.authorization = rawToken && r.bare ? token : `Bearer ${token}`;
          const res = await fetch(url, { method, headers, ...(r.body === undefined ? {} : { body: r.body }) });
          const answer = await res.text();
          const shown = `${method} ${url.slice(0, 300)} ${token ? 'signed in' : 'anonymous'} ${String(r.body).slice(0, 2000)} → ${res.status} ${answer.slice(0, 300)}`;
          expect(res.status, shown).toBeLessThan(500);
          // Without a session, a route that needs one answers 401 whatever the request holds, once
          // it reaches the route and can be read at all: its parameters are path segments, its
          // body (if any) is a JSON object or array within the body cap (413), its URL is within
          // Node's header limit (431).
          const readable =
            r.params.slice(0, n).every(isSegment) &&
            (r.body === undefined || (/^\s*[[{]/.test(r.body) && isJson(r.body)));
          const refusedUnread = res.status === 413 || res.status === 431;
          if (!token && (signedInProcedures.has(procedure) || scoped) && readable && !refusedUnread) {
            expect(res.status, shown).toBe(401);
          }
          // Every refusal is JSON, never an HTML page; successes are JSON, text (/ping) or empty. A URL
          // past the header limit is refused by Node's parser before any route: 431, no body.
          if (res.status >= 400 && res.status !== 431) {
            expect(res.headers.get('content-type') ?? '', shown).toMatch(/^application\/json/);
          }
          if (!answer.startsWith('{')) return;
          const json = JSON.parse(answer) as { error?: { code?: string } };
          if (res.status >= 400 && mastodon) {
            // In Mastodon's shape once it reaches the route (an empty segment is another path).
            if (readable) expect(typeof json.error, shown).toBe('string');
          } else if (res.status >= 400) {
            expect(json.error?.code, shown).toMatch(/^[A-Z_]+$/);
            // A live session is never turned away for itself (a login can fail for its credentials).
            if (token && procedure !== 'auth.login') expect(json.error?.code, shown).not.toBe('UNAUTHORIZED');
          } else {
            for (const s of strings(json)) expect(s.isWellFormed(), `${shown}: not well-formed`).toBe(true);
          }
        }),
        { numRuns },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
