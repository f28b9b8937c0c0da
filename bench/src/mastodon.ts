/**
 * Mastodon's client API (issue 27) under load: OAuth access tokens as a Mastodon app holds them,
 * scenario 10 (the home timeline and posting, each against its tRPC procedure, in turns), and the
 * streaming WebSocket's client for scenario 16 (live.ts runs it as it runs scenario 11).
 */
import { createHash, randomBytes } from 'node:crypto';
import { oauth } from '@miniter/api';
import { type Orm, sqlEm } from '@miniter/db';
import WebSocket from 'ws';
import { type LiveTransport, StreamError, type StreamOpener } from './live.ts';
import { type HttpRequest, http, measureTogether, medianRatio } from './measure.ts';
import {
  type BenchContext,
  check,
  query,
  rotate,
  row,
  type ScenarioResult,
  type Session,
  timelineConcurrency,
  tweetRequests,
  withPeakRss,
} from './scenarios.ts';

/** The scopes Mastodon's apps ask for (Elk, Tusky, masto.js's examples). */
export const mastodonScopes = 'read write follow';
/** The redirect URI of an app that shows the code to copy: the bench has no redirect to follow. */
const outOfBand = 'urn:ietf:wg:oauth:2.0:oob';

/** The bench's application, as `POST /api/v1/apps` answered its registration. */
export interface MastodonApp {
  id: number;
  clientId: string;
  clientSecret: string;
}

/** Mastodon's home timeline, a page of 20 as `timeline.home`'s (its default is 20 too). */
export const mastodonHomePath = '/api/v1/timelines/home?limit=20';

async function answer<T>(response: Response, what: string): Promise<T> {
  const body = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

/** Registers the bench as a Mastodon app (`POST /api/v1/apps`), as an app does on first start. */
export async function registerApp(baseUrl: string): Promise<MastodonApp> {
  const app = await answer<{ id: string; client_id: string; client_secret: string }>(
    await fetch(`${baseUrl}/api/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'Miniter bench', redirect_uris: outOfBand, scopes: mastodonScopes }),
    }),
    'POST /api/v1/apps',
  );
  return { id: Number(app.id), clientId: app.client_id, clientSecret: app.client_secret };
}

/**
 * Access tokens through OAuth's real flow, for users already signed in to the web app (`sessions`:
 * their first-party tokens): the authorize page's call (`oauth.authorize`, with a PKCE challenge as
 * masto.js sends one), then the code exchanged at `POST /oauth/token` with the verifier and the
 * app's secret. No password: the person is signed in, as on the page.
 */
export async function authorizedTokens(baseUrl: string, app: MastodonApp, sessions: Session[]): Promise<Session[]> {
  const tokens: Session[] = [];
  for (const session of sessions) {
    const verifier = randomBytes(32).toString('base64url');
    const { result } = await answer<{ result: { data: { code: string } } }>(
      await fetch(`${baseUrl}/trpc/oauth.authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({
          clientId: app.clientId,
          redirectUri: outOfBand,
          scope: mastodonScopes,
          codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
          codeChallengeMethod: 'S256',
        }),
      }),
      `oauth.authorize for user ${session.userId}`,
    );
    const token = await answer<{ access_token: string; scope: string }>(
      await fetch(`${baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: result.data.code,
          code_verifier: verifier,
          client_id: app.clientId,
          client_secret: app.clientSecret,
          redirect_uri: outOfBand,
        }),
      }),
      `POST /oauth/token for user ${session.userId}`,
    );
    if (token.scope !== mastodonScopes) throw new Error(`POST /oauth/token granted "${token.scope}"`);
    tokens.push({ userId: session.userId, token: token.access_token });
  }
  return tokens;
}

/**
 * Access tokens for many users at once (scenario 16's 500 stream readers), issued in this process by
 * the very service the token endpoint's grant ends in (`oauth.issueAccessToken`, which
 * `apps/server/src/mastodon/oauth.ts` calls from `saveToken`): the same row, a never-expiring session
 * of `app` with the scopes, as the real flow leaves. The real flow needs each person signed in
 * first-party, that is a login each: a bcrypt comparison at the server's cost per user (cost 12:
 * about 0.2 s of a core; scenario 11's 500 logins take 75 s on this 2-core machine), for nothing
 * the scenario measures. Scenario 11 pays it because a login is the only way to a
 * first-party session; an OAuth token has a way without one. The flow itself is exercised by
 * `authorizedTokens`, for scenario 16's author and scenario 10's users.
 */
export async function issuedTokens(orm: Orm, app: MastodonApp, userIds: number[]): Promise<Session[]> {
  const em = sqlEm(orm).fork();
  const scopes = mastodonScopes.split(' ');
  const tokens: Session[] = [];
  for (const userId of userIds) {
    tokens.push({ userId, token: await oauth.issueAccessToken(em, { applicationId: app.id, userId, scopes }) });
  }
  return tokens;
}

/** `POST /api/v1/statuses` from `sessions` in turn, the n-th with `text(n)`, as masto.js sends it (JSON). */
function statusRequests(sessions: Session[], text: (n: number) => string) {
  let n = 0;
  return (connection: Record<string, unknown>): HttpRequest => {
    const session = sessions[n % sessions.length] as Session;
    const status = text(n++);
    connection.text = status;
    return {
      path: '/api/v1/statuses',
      headers: { authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ status }),
    };
  };
}

/** Writes of scenario 10: posting, 8 connections as scenario 3's first case and 9. */
const postConnections = 8;

/**
 * 10: Mastodon's API against tRPC, in turns, for the same users (their first-party sessions on
 * /trpc, the tokens they authorized the bench's app with on Mastodon's routes): the home timeline
 * (limit 20, concurrency 4), and posting (`tweet.create` against `POST /api/v1/statuses`, the same
 * texts but for one letter, 8 connections). Afterwards every acknowledged post must be stored, and
 * the posts go: 100,000 of them by 24 users would fill those users' home timelines with their own
 * posts for the scenarios after this one (16's reads among them).
 */
export async function mastodonScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { large, mastodon } = ctx;
  const { server } = large;
  ctx.log('  Mastodon against tRPC: home timeline');
  const [home, homeRss] = await withPeakRss([server], () =>
    measureTogether(ctx.timing, {
      trpc: http({ baseUrl: server.url, connections: timelineConcurrency, next: rotate(large.random) }),
      mastodon: http({
        baseUrl: server.url,
        connections: timelineConcurrency,
        next: rotate(mastodon.random, () => mastodonHomePath),
      }),
    }),
  );
  const homeRatio = medianRatio(home.mastodon, home.trpc);

  ctx.log('  Mastodon against tRPC: posting');
  const tag = `mastodon-${Date.now().toString(36)}`;
  // The same text on both sides but for the letter that tells them apart in the database.
  const text = (api: 't' | 'm') => (n: number) => `${tag} ${api}#${n} 벤치마크 🚀`;
  const acknowledged = new Map<number, string>();
  const trpcPosts = tweetRequests(large.random, text('t'));
  const [posts, postRss] = await withPeakRss([server], () =>
    measureTogether(ctx.timing, {
      trpc: http({
        baseUrl: server.url,
        connections: postConnections,
        method: 'POST',
        next: trpcPosts,
        onResponse: (status, body) => {
          if (status !== 200) return;
          const tweet = (JSON.parse(body) as { result: { data: { id: number; text: string } } }).result.data;
          acknowledged.set(tweet.id, tweet.text);
        },
      }),
      mastodon: http({
        baseUrl: server.url,
        connections: postConnections,
        method: 'POST',
        next: statusRequests(mastodon.random, text('m')),
        onResponse: (status, body, connection) => {
          if (status !== 200) return;
          acknowledged.set(Number((JSON.parse(body) as { id: string }).id), String(connection.text));
        },
      }),
    }),
  );
  const postRatio = medianRatio(posts.mastodon, posts.trpc);
  const stored = await query(large.orm, 'select id, tweet from tweets where tweet like ?', [`${tag} %`]);
  const storedIds = new Map(stored.map((r) => [Number(r.id), String(r.tweet)]));
  const lost = [...acknowledged].filter(([id, text]) => storedIds.get(id) !== text).length;
  await query(large.orm, 'delete from tweets where tweet like ?', [`${tag} %`]);
  return {
    id: 10,
    title: `Mastodon's API against tRPC, same users: the home timeline (limit 20, concurrency ${timelineConcurrency}) and posting (${postConnections} connections)`,
    rows: [
      row('GET /trpc/timeline.home', home.trpc, homeRss),
      row(`GET ${mastodonHomePath}`, home.mastodon, homeRss, `× ${homeRatio.toFixed(2)}`),
      row('POST /trpc/tweet.create', posts.trpc, postRss),
      row(
        'POST /api/v1/statuses',
        posts.mastodon,
        postRss,
        `× ${postRatio.toFixed(2)}; ${acknowledged.size} posts acknowledged on both sides, ${stored.length} stored`,
      ),
    ],
    figures: {
      'Mastodon / tRPC, home timeline (req/s)': homeRatio,
      'Mastodon / tRPC, posting (req/s)': postRatio,
      'acknowledged posts lost': lost,
    },
    targets: [
      check('GET /api/v1/timelines/home / timeline.home throughput', homeRatio, '≥', 0.9),
      check('POST /api/v1/statuses / tweet.create throughput', postRatio, '≥', 0.9),
      check('acknowledged posts lost (both APIs)', lost, '=', 0),
    ],
  };
}

/**
 * One Mastodon streaming WebSocket (`/api/v1/streaming?stream=user`, the token in `Authorization`),
 * open once the server has accepted it: it opens the connection's `timeline.live` stream before it
 * answers 101, so whatever is posted afterwards reaches it. Each `update` event's status id is
 * taken from the message's text (the payload is the Status as a JSON string: its `id` first),
 * timestamped when the message arrives; `delete` events and pings are not counted.
 */
export const openMastodonSocket: StreamOpener = (url, token, onTweet, onLost) =>
  new Promise((resolve, reject) => {
    let opened = false;
    let closing = false;
    // An error is followed by a close: one loss.
    let lost = false;
    const lose = (reason: string) => {
      if (lost || closing) return;
      lost = true;
      onLost(reason);
    };
    let markClosed = () => {};
    const closed = new Promise<void>((done) => (markClosed = done));
    const ws = new WebSocket(`ws://${url.host}/api/v1/streaming?stream=user`, {
      headers: { authorization: `Bearer ${token}` },
      perMessageDeflate: false,
    });
    let last = '';
    ws.on('unexpected-response', (req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        reject(new StreamError(res.statusCode ?? 0, `${res.statusCode} ${body.slice(0, 300)}`));
        req.destroy();
      });
    });
    ws.on('open', () => {
      opened = true;
      resolve({
        close() {
          closing = true;
          ws.terminate();
        },
        closed,
      });
    });
    ws.on('message', (data: Buffer) => {
      const at = performance.now();
      last = data.toString();
      if (!last.includes('"event":"update"')) return;
      const match = /"payload":"\{\\"id\\":\\"(\d+)\\"/.exec(last);
      const id = match
        ? Number(match[1])
        : Number((JSON.parse((JSON.parse(last) as { payload: string }).payload) as { id: string }).id);
      onTweet(id, at);
    });
    ws.on('error', (error) => {
      if (!opened) reject(error);
      else lose(`${error.message}; its last message: ${JSON.stringify(last.slice(-300))}`);
    });
    ws.on('close', (code, reason) => {
      markClosed();
      if (!opened) reject(new StreamError(0, `closed (${code}) before it opened`));
      else lose(`the server closed it (${code} ${reason.toString()})`);
    });
  });

/**
 * The transport of scenario 16: Mastodon's streaming WebSocket, the author posting with
 * `POST /api/v1/statuses` and the readers' home timeline read at `GET /api/v1/timelines/home`, all
 * with OAuth tokens of the bench's app: the author's through the real flow (a login, then the
 * authorize page's call and the code exchanged), the 500 readers' issued in process (`issuedTokens`).
 */
export function mastodonTransport(
  ctx: BenchContext,
  login: (baseUrl: string, userIds: number[]) => Promise<Session[]>,
): LiveTransport {
  const { app } = ctx.mastodon;
  return {
    id: 16,
    streams: 'Mastodon streaming WebSockets',
    label: 'live (Mastodon WebSocket)',
    open: openMastodonSocket,
    async tokens(baseUrl, [authorId, ...readerIds]) {
      const author = await authorizedTokens(baseUrl, app, await login(baseUrl, [authorId as number]));
      return [...author, ...(await issuedTokens(ctx.large.orm, app, readerIds))];
    },
    post: {
      name: 'POST /api/v1/statuses',
      path: '/api/v1/statuses',
      body: (status) => JSON.stringify({ status }),
      idOf: (answer) => Number((JSON.parse(answer) as { id: string }).id),
    },
    reads: { name: 'GET /api/v1/timelines/home', sessions: ctx.mastodon.random, path: () => mastodonHomePath },
  };
}
