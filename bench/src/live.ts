/**
 * 11 and 16 (MySQL): the live timeline. Thousands of streams open on one server process for
 * followers of one author; then how long each of the author's tweets takes from its acknowledgement
 * to every stream, the server's memory with the streams open, and what the idle streams cost the
 * home timeline, against no streams, in turns. A transport says what a stream is: in 11 tRPC's
 * `timeline.live` over server-sent events, in 16 Mastodon's streaming WebSocket (mastodon.ts), the
 * author posting and the readers reading through the same API as the streams.
 *
 * The streams' client is made to be cheap, so that 5,000 of them share the bench's process with
 * the load generator: for tRPC one raw `node:http` GET per stream on its own TCP connection (no
 * agent), and a small server-sent-events parser that takes only what it needs (the event's name, and
 * the tweet's id from a tweet's data), timestamping each socket read as it comes.
 */
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  http,
  type Load,
  type Measured,
  measureTogether,
  median,
  medianRatio,
  percentile,
  type Runner,
} from './measure.ts';
import {
  type BenchContext,
  check,
  query,
  type Row,
  rotate,
  row,
  type ScenarioResult,
  type Session,
  type Target,
  timelineConcurrency,
  withPeakRss,
} from './scenarios.ts';
import { openFilesLimit, type ServerProcess } from './server.ts';

/** 500 followers × 10 streams each: `LIVE_MAX_STREAMS_PER_USER`'s default, so the server runs as configured out of the box. */
const liveFollowers = 500;
const liveStreamsPerFollower = 10;
const liveStreams = liveFollowers * liveStreamsPerFollower;
/** As the tables print it: 5,000. */
const streamsLabel = liveStreams.toLocaleString('en-US');
/** Tweets whose delivery is measured, and the time between them. */
const liveTweets = 10;
const liveTweetSpacingMs = 1000;
/** How long after the last acknowledgement a tweet may still arrive before its stream counts as not reached. */
const reachTimeoutMs = 15_000;
/** Streams being opened at once. */
const openConcurrency = 64;
/** A stream refused with 429 (its user's previous streams not yet gone on the server) is tried again this often. */
const refusedRetryMs = 200;
const refusedRetries = 50;

/** What the scenario needs from the harness: a server of its own. */
export interface LiveHarness {
  /** Starts a server on the large profile's database, WORKERS=1, with open files raised to `fileLimit`. */
  startServer(fileLimit: number): Promise<ServerProcess>;
}

/** One open stream. */
export interface OpenStream {
  close(): void;
  closed: Promise<void>;
}

/**
 * Opens one stream with `token`; resolves once the server has opened it in its hub (whatever is
 * posted afterwards reaches it). `onTweet` gets each tweet's id as it arrives, with the time of the
 * socket read it came in; `onLost` is told once if the stream ends other than by `close`.
 */
export type StreamOpener = (
  url: URL,
  token: string,
  onTweet: (tweetId: number, at: number) => void,
  onLost: (reason: string) => void,
) => Promise<OpenStream>;

/** What a stream is, and how the author posts and the readers read, in one scenario of the live timeline. */
export interface LiveTransport {
  id: 11 | 16;
  /** The streams, for titles and log lines: `timeline.live streams`. */
  streams: string;
  /** Before each target's name: `live`. */
  label: string;
  open: StreamOpener;
  /** Tokens on the scenario's server for `[authorId, ...followerIds]`, in that order. */
  tokens(baseUrl: string, userIds: number[]): Promise<Session[]>;
  /** The author's post: its path, JSON body and the new tweet's id in the answer. */
  post: { name: string; path: string; body: (text: string) => string; idOf: (answer: string) => number };
  /** The home timeline read in turns with the streams and without: its name, users and request. */
  reads: { name: string; sessions: Session[]; path?: (session: Session) => string };
}

/** Open files the server and the bench each need beyond the streams (database, autocannon, logs). */
const liveFileHeadroom = 1_000;
/** The limit of open files asked for, for the server and the bench's own process. */
export const liveFileLimit = 65_536;

export class StreamError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * Opens one stream; resolves once tRPC's `connected` event has arrived (the server has opened it in
 * its hub by then: whatever is logged afterwards reaches it). Each socket read is timestamped and its
 * complete events handed to `onEvent` with that time.
 */
function openStream(
  url: URL,
  token: string,
  onEvent: (event: string | undefined, data: string, at: number) => void,
  onLost: (reason: string) => void,
): Promise<OpenStream> {
  // The last two reads, for the reason when the server ends the stream (tRPC's `serialized-error` event).
  let previous = '';
  let last = '';
  const lostWith = (reason: string) =>
    onLost(`${reason}; its last bytes: ${JSON.stringify((previous + last).slice(-300))}`);
  return new Promise((resolve, reject) => {
    let connected = false;
    let closing = false;
    let markClosed = () => {};
    const closed = new Promise<void>((done) => (markClosed = done));
    const req = request({
      host: url.hostname,
      port: url.port,
      path: '/trpc/timeline.live',
      agent: false,
      headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
    });
    const handle: OpenStream = {
      close() {
        closing = true;
        req.destroy();
      },
      closed,
    };
    req.on('close', markClosed);
    req.on('error', (error) => {
      if (!connected) reject(error);
      else if (!closing) lostWith(error.message);
    });
    req.on('response', (res) => {
      res.setEncoding('utf8');
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => reject(new StreamError(res.statusCode ?? 0, `${res.statusCode} ${body.slice(0, 300)}`)));
        return;
      }
      let buffer = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        previous = last;
        last = chunk;
        buffer += chunk;
        // tRPC ends an event with "\n\n\n"; the blank line that is left over starts the next block.
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event: string | undefined;
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data = line.slice(6);
          }
          if (!event && !data) continue;
          if (event === 'connected' && !connected) {
            connected = true;
            resolve(handle);
          } else onEvent(event, data, at);
        }
      });
      res.on('close', () => {
        if (!connected) reject(new StreamError(0, 'the stream closed before it was connected'));
        else if (!closing) lostWith('the server ended the stream');
      });
    });
    req.end();
  });
}

/** A `timeline.live` stream over server-sent events, counting tweet events (not pings). */
export const openTrpcStream: StreamOpener = (url, token, onTweet, onLost) =>
  openStream(
    url,
    token,
    (event, data, at) => {
      if (event) return; // ping
      const id = tweetIdOf(data);
      if (id !== null) onTweet(id, at);
    },
    onLost,
  );

/** The id of the tweet a tweet event carries: `{"type":"tweet","tweet":{"id":…`. */
function tweetIdOf(data: string): number | null {
  if (!data.startsWith('{"type":"tweet"')) return null;
  const match = /"tweet":\{"id":(\d+)/.exec(data);
  if (match) return Number(match[1]);
  const parsed = JSON.parse(data) as { tweet?: { id?: number } };
  return parsed.tweet?.id ?? null;
}

/** The streams, one per token: opened and closed all together, counting what went wrong. */
class StreamSet {
  private open: OpenStream[] = [];
  /** Opens refused with 429 and tried again; opens that failed for good; streams lost while open. */
  refused = 0;
  failed = 0;
  failed5xx = 0;
  lost = 0;
  firstFailure = '';
  /** Streams connected so far (all opens), and how many had been when the first one was lost. */
  connected = 0;
  connectedAtFirstLoss = 0;
  readonly onTweet: (stream: number, tweetId: number, at: number) => void;
  private readonly url: URL;
  private readonly tokens: string[];
  private readonly opener: StreamOpener;

  constructor(
    baseUrl: string,
    tokens: string[],
    opener: StreamOpener,
    onTweet: (stream: number, tweetId: number, at: number) => void,
  ) {
    this.url = new URL(baseUrl);
    this.tokens = tokens;
    this.opener = opener;
    this.onTweet = onTweet;
  }

  get count() {
    return this.open.length;
  }

  /** Opens every stream, `openConcurrency` at a time; resolves with the seconds it took. */
  async openAll(): Promise<number> {
    if (this.open.length) return 0;
    const started = performance.now();
    const opened: OpenStream[] = [];
    let next = 0;
    const worker = async () => {
      while (next < this.tokens.length) {
        const index = next++;
        const stream = await this.openOne(index);
        if (stream) opened.push(stream);
      }
    };
    await Promise.all(Array.from({ length: openConcurrency }, worker));
    this.open = opened;
    return (performance.now() - started) / 1000;
  }

  private async openOne(index: number): Promise<OpenStream | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        const stream = await this.opener(
          this.url,
          this.tokens[index] as string,
          (id, at) => this.onTweet(index, id, at),
          (reason) => {
            if (!this.lost++) this.connectedAtFirstLoss = this.connected;
            this.firstFailure ||= `stream ${index}: ${reason}`;
          },
        );
        this.connected++;
        return stream;
      } catch (error) {
        const status = error instanceof StreamError ? error.status : 0;
        if (status === 429 && attempt < refusedRetries) {
          this.refused++;
          await sleep(refusedRetryMs);
          continue;
        }
        this.failed++;
        if (status >= 500) this.failed5xx++;
        this.firstFailure ||= `stream ${index}: ${(error as Error).message}`;
        return null;
      }
    }
  }

  async closeAll(): Promise<void> {
    const streams = this.open;
    this.open = [];
    for (const stream of streams) stream.close();
    await Promise.all(streams.map((s) => s.closed));
  }
}

/** Arrivals of one tweet: per stream, the time it came (NaN until it has). */
interface Delivery {
  ackAt: number;
  arrivals: Float64Array;
}

const loadOf = (latencies: number[], requests: number, extra: Partial<Load> = {}): Load => ({
  rps: Number.NaN,
  p50: percentile(latencies, 50),
  p90: percentile(latencies, 90),
  p99: percentile(latencies, 99),
  requests,
  non2xx: 0,
  status5xx: 0,
  errors: 0,
  ...extra,
});

/** The author (the account with the most followers, the known accounts aside) and `liveFollowers` of its followers. */
async function chooseReaders(
  orm: Target['orm'],
): Promise<{ authorId: number; followerIds: number[]; added: number[] }> {
  const [top] = await query(
    orm,
    'select follow_user_id as id, count(*) as followers from users_follow_list where follow_user_id > 5 ' +
      'group by follow_user_id order by followers desc, follow_user_id limit 1',
  );
  const authorId = Number(top?.id);
  const rows = await query(
    orm,
    'select user_id from users_follow_list where follow_user_id = ? and user_id > 5 order by user_id limit ?',
    [authorId, liveFollowers],
  );
  const followerIds = rows.map((r) => Number(r.user_id));
  // Too few (a small profile): follows are added, and removed at the end.
  const added: number[] = [];
  if (followerIds.length < liveFollowers) {
    const more = await query(
      orm,
      'select id from users where id > 5 and id <> ? and id not in ' +
        '(select user_id from users_follow_list where follow_user_id = ?) order by id limit ?',
      [authorId, authorId, liveFollowers - followerIds.length],
    );
    added.push(...more.map((r) => Number(r.id)));
    if (added.length) {
      await query(
        orm,
        `insert into users_follow_list (user_id, follow_user_id, created_at) values ${added.map(() => '(?, ?, now(3))').join(', ')}`,
        added.flatMap((id) => [id, authorId]),
      );
    }
    followerIds.push(...added);
  }
  if (followerIds.length < liveFollowers) {
    throw new Error(`live: ${followerIds.length} users to follow user ${authorId}, ${liveFollowers} needed`);
  }
  return { authorId, followerIds, added };
}

/** The server's last words when it exits: V8's fatal error, or its last error line. */
function exitReason(server: ServerProcess): string {
  const lines = server.output().split('\n');
  const fatal = lines.find((line) => /FATAL ERROR|out of memory/i.test(line));
  return `exited with ${server.exitCode()}: ${(fatal ?? lines.filter((l) => l.trim()).at(-1) ?? '').trim().slice(0, 200)}`;
}

/** The transport of scenario 11: tRPC's `timeline.live` streams, `tweet.create`, `timeline.home`, first-party sessions. */
export function trpcTransport(
  ctx: BenchContext,
  login: (baseUrl: string, userIds: number[]) => Promise<Session[]>,
): LiveTransport {
  return {
    id: 11,
    streams: 'timeline.live streams',
    label: 'live',
    open: openTrpcStream,
    tokens: login,
    post: {
      name: 'tweet.create',
      path: '/trpc/tweet.create',
      body: (text) => JSON.stringify({ text }),
      idOf: (answer) => (JSON.parse(answer) as { result: { data: { id: number } } }).result.data.id,
    },
    reads: { name: 'timeline.home', sessions: ctx.large.random },
  };
}

export async function liveScenario(
  ctx: BenchContext,
  harness: LiveHarness,
  transport: LiveTransport,
): Promise<ScenarioResult> {
  const { large } = ctx;
  const { label, post, reads } = transport;
  ctx.log(`  ${label}: ${streamsLabel} ${transport.streams} on one process`);
  const needed = liveStreams + liveFileHeadroom;
  const ownFiles = openFilesLimit('self').soft;
  if (ownFiles < needed) throw new Error(`${label}: the bench may open ${ownFiles} files, ${needed} needed`);
  const { authorId, followerIds, added } = await chooseReaders(large.orm);

  const server = await harness.startServer(liveFileLimit);
  const tweetIds: number[] = [];
  let set: StreamSet | null = null;
  try {
    const serverFiles = server.fileLimit();
    if (serverFiles < needed) throw new Error(`${label}: the server may open ${serverFiles} files, ${needed} needed`);
    const home = http({
      baseUrl: server.url,
      connections: timelineConcurrency,
      next: rotate(reads.sessions, reads.path),
    });
    const warm = await home(ctx.timing.serverWarmupSeconds);
    if (warm.non2xx || warm.errors) throw new Error(`warm-up of ${server.url}: ${JSON.stringify(warm)}`);
    const loginStarted = performance.now();
    const [author, ...followers] = await transport.tokens(server.url, [authorId, ...followerIds]);
    const tokenSeconds = (performance.now() - loginStarted) / 1000;
    ctx.log(`    author ${authorId}, ${followers.length} followers have their tokens (${tokenSeconds.toFixed(0)} s)`);

    // Stream i is follower i % 500's: a user's ten streams are opened far apart.
    const tokens = Array.from({ length: liveStreams }, (_, i) => (followers[i % followers.length] as Session).token);
    const deliveries = new Map<number, Delivery>();
    const deliveryOf = (tweetId: number) => {
      let delivery = deliveries.get(tweetId);
      if (!delivery) {
        delivery = { ackAt: Number.NaN, arrivals: new Float64Array(liveStreams).fill(Number.NaN) };
        deliveries.set(tweetId, delivery);
      }
      return delivery;
    };
    let duplicates = 0;
    const streams = new StreamSet(server.url, tokens, transport.open, (stream, tweetId, at) => {
      const { arrivals } = deliveryOf(tweetId);
      if (Number.isNaN(arrivals[stream])) arrivals[stream] = at;
      else duplicates++;
    });
    set = streams;

    const rssBefore = server.rss();
    server.resetPeak();
    const openSeconds = await streams.openAll();
    await sleep(2000);
    const rssIdle = server.exitCode() === null ? server.rss() : Number.NaN;
    ctx.log(
      `    ${streams.connected} streams opened in ${openSeconds.toFixed(1)} s (${streams.refused} refused and retried, ` +
        `${streams.failed} failed, ${streams.lost} lost); RSS ${rssBefore.toFixed(0)} MiB before, ${rssIdle.toFixed(0)} MiB with them ` +
        `(peak ${server.peakRss().sinceReset.toFixed(0)} MiB)`,
    );

    // One tweet a second; each stream's latency is from that tweet's acknowledgement.
    const acks: number[] = [];
    if (server.exitCode() === null) {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${author?.token}` };
      const tag = `live-${Date.now().toString(36)}`;
      const firstSend = performance.now();
      for (let i = 0; i < liveTweets; i++) {
        await sleep(Math.max(0, firstSend + i * liveTweetSpacingMs - performance.now()));
        const sentAt = performance.now();
        let response: Response;
        let body: string;
        try {
          response = await fetch(`${server.url}${post.path}`, {
            method: 'POST',
            headers,
            body: post.body(`${tag} #${i} 실시간 ⚡`),
          });
          body = await response.text();
        } catch (error) {
          await sleep(500);
          if (server.exitCode() !== null) break; // reported below
          throw error;
        }
        const ackAt = performance.now();
        if (!response.ok) throw new Error(`${post.name}: ${response.status} ${body}`);
        const id = post.idOf(body);
        tweetIds.push(id);
        acks.push(ackAt - sentAt);
        deliveryOf(id).ackAt = ackAt;
      }
    }
    const reachedBy = (id: number) => {
      let reached = 0;
      for (const at of deliveries.get(id)?.arrivals ?? []) if (!Number.isNaN(at)) reached++;
      return reached;
    };
    const deadline = performance.now() + reachTimeoutMs;
    while (
      server.exitCode() === null &&
      performance.now() < deadline &&
      tweetIds.some((id) => reachedBy(id) < streams.count)
    ) {
      await sleep(50);
    }
    const peakOpen = server.peakRss().sinceReset;
    const lostBeforeTurns = streams.lost;

    const all: number[] = [];
    const perTweet: Load[] = [];
    const lastArrivals: number[] = [];
    for (const id of tweetIds) {
      const { arrivals, ackAt } = deliveries.get(id) as Delivery;
      const latencies = [...arrivals].filter((at) => !Number.isNaN(at)).map((at) => at - ackAt);
      latencies.sort((a, b) => a - b);
      all.push(...latencies);
      perTweet.push(loadOf(latencies, latencies.length));
      lastArrivals.push(latencies.at(-1) ?? Number.NaN);
    }
    all.sort((a, b) => a - b);
    const reached = tweetIds.map(reachedBy);
    const minReached = tweetIds.length ? Math.min(...reached) : 0;
    const p99 = tweetIds.length ? percentile(all, 99) : Number.NaN;
    const last = all.at(-1) ?? Number.NaN;
    const unexpected = [...deliveries.keys()].filter((id) => !tweetIds.includes(id)).length;
    if (tweetIds.length) {
      ctx.log(
        `    ${tweetIds.length} tweets: p50 ${percentile(all, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, last ${last.toFixed(0)} ms; ` +
          `reached ${minReached}–${Math.max(...reached)} of ${streamsLabel}; peak RSS ${peakOpen.toFixed(0)} MiB`,
      );
    }

    // timeline.home with the streams open and idle against none, in turns: each turn opens or closes them all.
    const opens: number[] = [];
    const withStreams: Runner = async (seconds) => {
      if (!streams.count) {
        opens.push(await streams.openAll());
        await sleep(1000);
      }
      return home(seconds);
    };
    const withoutStreams: Runner = async (seconds) => {
      if (streams.count) {
        await streams.closeAll();
        await sleep(1000);
      }
      return home(seconds);
    };
    const [turns, rssTurns] =
      server.exitCode() === null
        ? await withPeakRss([server], () => measureTogether(ctx.timing, { streams: withStreams, none: withoutStreams }))
        : [null, 0];
    await streams.closeAll();
    const ratio = turns ? medianRatio(turns.streams, turns.none) : Number.NaN;
    const crashed = server.exitCode() !== null;
    // Memory while the streams were open; none if the server did not live to hold them all.
    const peakRss = crashed ? Number.NaN : server.peakRss().overall;
    const failures = `${streams.refused} opens refused (429) and retried, ${streams.failed} failed, ${streams.lost} streams lost`;
    const crash = crashed ? `; the server ${exitReason(server)}, after ${streams.connected} streams had connected` : '';
    if (crashed) ctx.log(`    the server ${exitReason(server)}`);
    if (streams.firstFailure) ctx.log(`    first failure: ${streams.firstFailure}`);

    const delivery: Measured = {
      median: loadOf(all, all.length, {
        non2xx: streams.refused + streams.failed - streams.failed5xx,
        status5xx: streams.failed5xx,
        errors: streams.lost + (streams.failed - streams.failed5xx),
      }),
      runs: perTweet,
    };
    const rows: Row[] = [
      row(
        `tweet → ${streamsLabel} streams, delivery`,
        delivery,
        peakOpen,
        `${tweetIds.length} tweets 1 s apart × ${streamsLabel} streams (${liveFollowers} followers × ${liveStreamsPerFollower}), ` +
          `ms from each ${post.name} acknowledgement (all arrivals pooled; runs: per tweet); last arrival ${last.toFixed(0)} ms; ` +
          `reached ${minReached} of ${streamsLabel} by every tweet; ${failures}${crash}`,
      ),
    ];
    if (turns) {
      rows.push(
        row(`${reads.name}, ${streamsLabel} idle streams open`, turns.streams, rssTurns),
        row(`${reads.name}, no streams`, turns.none, rssTurns, `× ${ratio.toFixed(2)} with the streams`),
      );
      ctx.log(
        `    ${reads.name} with / without the streams: ${ratio.toFixed(2)} ` +
          `(${turns.streams.median.rps.toFixed(0)} / ${turns.none.median.rps.toFixed(0)} req/s); peak RSS ${peakRss.toFixed(0)} MiB`,
      );
    }
    return {
      id: transport.id,
      title: `Live timeline: ${streamsLabel} ${transport.streams} on one process, tweets to all of them`,
      rows,
      figures: {
        streams: liveStreams,
        'author user id': authorId,
        'follows added for the scenario': added.length,
        'server open files limit': serverFiles,
        'seconds to open the streams (first time)': openSeconds,
        'seconds to open the streams (turns, median)': medianOf(opens),
        'delivery p50 ms': tweetIds.length ? percentile(all, 50) : Number.NaN,
        'delivery p99 ms': p99,
        'delivery max ms (last arrival)': last,
        'last arrival per tweet, median ms': medianOf(lastArrivals),
        [`${post.name} acknowledgement, median ms`]: medianOf(acks),
        'streams reached by every tweet': minReached,
        'tweet events received': all.length,
        'duplicate events': duplicates,
        'events of other tweets': unexpected,
        'streams connected (all opens)': streams.connected,
        'streams lost while open': streams.lost,
        [`streams lost while open, before the ${reads.name} turns`]: lostBeforeTurns,
        'opens refused (429) and retried': streams.refused,
        'opens failed': streams.failed,
        'server exited': crashed ? 1 : 0,
        'streams open when the first was lost': streams.connectedAtFirstLoss,
        'server RSS before the streams MiB': rssBefore,
        'server RSS with the streams open, idle MiB': rssIdle,
        'server peak RSS, opening and delivering MiB': peakOpen,
        'server peak RSS, whole scenario MiB': peakRss,
        [`${reads.name} with streams / without`]: ratio,
      },
      targets: [
        check(`${label}: server exited (crashed) during the scenario`, crashed ? 1 : 0, '=', 0),
        check(`${label}: delivery p99, a tweet to ${streamsLabel} open streams`, p99, '≤', 1000, 'ms'),
        check(`${label}: streams reached by every tweet (of ${streamsLabel})`, minReached, '=', liveStreams),
        check(`${label}: streams lost or failed to open`, streams.lost + streams.failed, '=', 0),
        check(`${label}: server peak RSS with ${streamsLabel} streams open`, peakRss, '≤', 350, 'MiB'),
        check(`${label}: ${reads.name} with ${streamsLabel} idle streams / without`, ratio, '≥', 0.8),
      ],
    };
  } finally {
    await set?.closeAll();
    await server.stop();
    // The database as it was: the scenario's tweets and follows go.
    if (tweetIds.length) await query(large.orm, `delete from tweets where id in (${tweetIds.join(', ')})`);
    if (added.length) {
      await query(
        large.orm,
        `delete from users_follow_list where follow_user_id = ? and user_id in (${added.join(', ')})`,
        [authorId],
      );
    }
  }
}

/** The median of the figures that are numbers; NaN when there are none. */
const medianOf = (values: number[]) => median(values.filter((v) => !Number.isNaN(v)));
