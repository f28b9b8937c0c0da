/**
 * The live timeline's hub, one per process. It follows the event log (`timeline_events`, written by
 * triggers with each change) a page at a time and hands each event to the open streams it concerns:
 * one query per instance however many streams are open, and each tweet shaped once per origin its
 * readers opened their streams at (its pictures' URLs are the origin's: `LocalStorage.forOrigin`).
 *
 * Three things wake it: a write in this process (which it sequences at once), a message on the bus
 * (Redis, from another instance) and a timer. The database is the source of truth and the bus only
 * a shortcut, so a lost message, a Redis outage or a second process without Redis costs latency
 * (at most the timer's period), never an event.
 */
import {
  countTimelineEvents,
  type EntityManager,
  findEventsAfter,
  findFolloweeIds,
  findLiveSessions,
  findTimelineEvents,
  findTweetsById,
  hasUnsequencedEvents,
  keptPerAuthor,
  type LiveEvent,
  logPosition,
  type Orm,
  pruneEvents,
  sequenceEvents,
  sqlEm,
  type TweetData,
} from '@miniter/db';
import type { MediaStorage } from '../media/storage.ts';
import { ServiceError } from '../services/errors.ts';
import { type TweetView, tweet } from '../shape.ts';

/** What a stream carries; its id (the event's `seq`) grows along the stream. */
export type LiveData =
  | { type: 'tweet'; tweet: TweetView }
  /** A repost by whom you follow: their entry, which carries the tweet (`repost.repostOf`). */
  | { type: 'repost'; repost: TweetView }
  | { type: 'delete'; tweetId: number }
  /** The resume point is older than the log keeps (or from another database): refetch `timeline.home`. */
  | { type: 'reset' };

export interface LiveItem {
  id: string;
  data: LiveData;
}

/** How instances tell each other that the log has grown. */
export interface LiveBus {
  publish(lastSeq: number): void;
  subscribe(wake: () => void): void;
  close(): Promise<void>;
}

export interface LiveLimits {
  /** Open streams per process, and per user in a process. */
  maxStreams: number;
  maxStreamsPerUser: number;
  /** Events waiting for a reader that does not read: past this, its stream is closed (it resumes). */
  maxQueued: number;
  /** How often the log is read without being woken, and open streams' sessions checked. */
  pollMs: number;
  sessionCheckMs: number;
  /** How long every event is kept for resuming (each author's newest `keptPerAuthor` tweets and deletions longer). */
  retentionMs: number;
}

export const defaultLiveLimits: LiveLimits = {
  // An open stream holds about 19 KiB of heap, most of it Node's and express's request objects;
  // `pnpm start` sizes the heap for this cap (96 MiB and 25 KiB per stream: apps/server/package.json).
  maxStreams: 5_000,
  maxStreamsPerUser: 10,
  maxQueued: 1_000,
  pollMs: 250,
  sessionCheckMs: 2_000,
  retentionMs: 7 * 24 * 3600_000,
};

/**
 * How long a write waits for others to share its sequencing transaction (seven statements): at
 * 20 ms, a process writing 3,500 tweets a second spent about 6% of its statements sequencing, and
 * `tweet.create` reached 0.48 of its SQL ceiling; at 100 ms, 0.50 to 0.56 (bench scenario 9), for
 * 100 ms more of live-delivery latency at most.
 */
const sequenceDelayMs = 100;

type Queued = { seq: number; data: LiveData };
type FollowChange = { follow: boolean; userId: number };

class Stream {
  readonly authors = new Set<number>();
  readonly queue: Queued[] = [];
  /** Follow changes that came while its followees were being read, to apply once they are. */
  loading: FollowChange[] | null = [];
  /**
   * Why it ended: closed quietly (client left, overflow), interrupted (shutdown, a replaced database:
   * the client is to reconnect and resume from its last id), or with an error.
   */
  ended: 'closed' | 'interrupted' | ServiceError | null = null;
  private wake: (() => void) | null = null;
  readonly userId: number;
  readonly sessionId: string;
  /** The picture store as the stream's request saw it: its tweets link pictures at its origin. */
  readonly media: MediaStorage;
  private readonly maxQueued: number;

  constructor(userId: number, sessionId: string, media: MediaStorage, maxQueued: number) {
    this.userId = userId;
    this.sessionId = sessionId;
    this.media = media;
    this.maxQueued = maxQueued;
  }

  push(item: Queued) {
    if (this.queue.length >= this.maxQueued) return this.end('closed');
    this.queue.push(item);
    this.wake?.();
  }

  end(reason: 'closed' | 'interrupted' | ServiceError) {
    this.ended ??= reason;
    this.wake?.();
  }

  /** The next queued item, or null once ended (without a promise when one is already there). */
  next(): Queued | null | Promise<Queued | null> {
    if (this.ended) return null;
    const item = this.queue.shift();
    if (item) return item;
    return new Promise<void>((resolve) => (this.wake = resolve)).then(() => {
      this.wake = null;
      return this.next();
    });
  }
}

/**
 * The home timeline's rules, as `findTimeline` applies them to what comes live: a reply is shown to
 * its author, and to whoever follows (or is) whom it answers; a repost of your own tweet is not
 * shown to you. Its author is followed, or the event would not be here.
 */
function shownAtHome(stream: Stream, event: LiveEvent, tweets: ReadonlyMap<number, TweetData>): boolean {
  const written = event.kind === 'tweet' ? tweets.get(event.subjectId) : undefined;
  if (written?.repostOf) return written.repostOf.author.id !== stream.userId;
  const reply = written?.inReplyTo;
  return !reply || event.userId === stream.userId || stream.authors.has(reply.userId);
}

/** Runs `task` once at a time; a call while it runs makes it run once more afterwards. */
function coalesced(task: () => Promise<void>, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task().catch(onError);
      } while (again);
      running = null;
    })();
    return running;
  };
  return run;
}

export interface LiveHubOptions {
  orm: Orm;
  /** For streams opened without a store of their own. */
  media: MediaStorage;
  bus?: LiveBus | null;
  limits?: Partial<LiveLimits>;
  /** Where failures to read the log go (it retries on the next wake). */
  onError?: (error: unknown) => void;
}

export class LiveHub {
  private readonly limits: LiveLimits;
  private readonly byUser = new Map<number, Set<Stream>>();
  private readonly byAuthor = new Map<number, Set<Stream>>();
  /** The last `seq` handed to the streams. */
  private cursor = 0;
  private timers: NodeJS.Timeout[] = [];
  /** Streams open only between `start` and `close`. */
  private running = false;
  private lastPrune = 0;
  private sequenceTimer: NodeJS.Timeout | null = null;
  readonly wake: () => Promise<void>;
  private readonly sequence: () => Promise<void>;

  private readonly options: LiveHubOptions;

  constructor(options: LiveHubOptions) {
    this.options = options;
    this.limits = { ...defaultLiveLimits, ...options.limits };
    const onError = options.onError ?? (() => {});
    this.wake = coalesced(() => this.pump(), onError);
    this.sequence = coalesced(async () => {
      if (!this.running) return;
      const before = this.cursor;
      const last = await sequenceEvents(this.em());
      if (last > before) this.options.bus?.publish(last);
      await this.wake();
    }, onError);
  }

  private em(): EntityManager {
    return sqlEm(this.options.orm).fork();
  }

  async start(): Promise<void> {
    this.cursor = (await logPosition(this.em())).lastSeq;
    this.running = true;
    this.options.bus?.subscribe(() => void this.wake());
    const every = (ms: number, task: () => Promise<void>) => this.timers.push(setInterval(task, ms).unref());
    every(this.limits.pollMs, async () => {
      if (await hasUnsequencedEvents(this.em()).catch(() => false)) await this.sequence();
      else await this.wake();
    });
    every(this.limits.sessionCheckMs, () => this.checkSessions().catch(this.options.onError ?? (() => {})));
  }

  /**
   * A change was written in this process: sequence it (with whatever else is written meanwhile)
   * within `sequenceDelayMs`, and deliver it. One sequencing transaction per burst of writes, not
   * one per write, keeps the cost off the write path.
   */
  written(): void {
    this.sequenceTimer ??= setTimeout(() => {
      this.sequenceTimer = null;
      void this.sequence();
    }, sequenceDelayMs);
  }

  /** Ends every stream (clients resume elsewhere) and stops reading the log. */
  async close(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearInterval(timer);
    if (this.sequenceTimer) clearTimeout(this.sequenceTimer);
    for (const streams of this.byUser.values()) for (const stream of streams) stream.end('interrupted');
    // Reads already under way finish before the database goes (each returns at once when stopped).
    await Promise.all([this.sequence(), this.wake()]);
  }

  private streamCount() {
    let streams = 0;
    for (const set of this.byUser.values()) streams += set.size;
    return streams;
  }

  /** Open streams, and the entries of the hub's indexes (for tests and metrics). */
  stats() {
    let indexed = 0;
    for (const streams of this.byAuthor.values()) indexed += streams.size;
    let queued = 0;
    for (const streams of this.byUser.values()) for (const stream of streams) queued += stream.queue.length;
    return { streams: this.streamCount(), indexed, users: this.byUser.size, authors: this.byAuthor.size, queued };
  }

  /**
   * Opens `userId`'s live timeline from after `lastEventId` (or from now), its pictures linked
   * through `media` (the call's context's, at the request's origin). Refuses at once past the caps;
   * the iterable then yields until the reader leaves (`signal`), the session ends, or the hub closes.
   */
  open(input: {
    userId: number;
    sessionId: string;
    media?: MediaStorage | undefined;
    lastEventId?: string | undefined;
    signal?: AbortSignal | undefined;
  }) {
    const { userId, sessionId } = input;
    if (!this.running) throw new ServiceError('SERVICE_UNAVAILABLE', 'The server is starting or stopping: reconnect');
    const own = this.byUser.get(userId);
    if (this.streamCount() >= this.limits.maxStreams) {
      throw new ServiceError('TOO_MANY_REQUESTS', 'Too many live streams on this server: try again later');
    }
    if ((own?.size ?? 0) >= this.limits.maxStreamsPerUser) {
      throw new ServiceError(
        'TOO_MANY_REQUESTS',
        `At most ${this.limits.maxStreamsPerUser} live streams per user: close one first`,
      );
    }
    // Taken now, before the client hears that the stream is open: whatever is logged after this
    // reaches it, however long the rest of the opening takes.
    const start = input.lastEventId ?? String(this.cursor);
    return this.run(
      new Stream(userId, sessionId, input.media ?? this.options.media, this.limits.maxQueued),
      start,
      input.lastEventId !== undefined,
      input.signal,
    );
  }

  private async *run(stream: Stream, start: string, resuming: boolean, signal?: AbortSignal): AsyncGenerator<LiveItem> {
    let expiry: NodeJS.Timeout | undefined;
    const onAbort = () => stream.end('closed');
    signal?.addEventListener('abort', onAbort, { once: true });
    this.add(this.byUser, stream.userId, stream);
    try {
      const expiresAt = await this.admit(stream);
      // (A timer cannot wait longer than 2^31 - 1 ms; a stream never lives that long anyway.)
      expiry = setTimeout(
        () => stream.end(new ServiceError('UNAUTHORIZED', 'Your session has expired: sign in again')),
        Math.min(expiresAt.getTime() - Date.now(), 2 ** 31 - 1),
      );
      let sent = yield* this.replay(stream, start, resuming);
      for (let item = await stream.next(); item; item = await stream.next()) {
        if (item.seq > sent) {
          sent = item.seq;
          yield { id: String(item.seq), data: item.data };
        }
      }
      if (stream.ended instanceof ServiceError) throw stream.ended;
      // Not an end of the stream but of this connection: it closes without tRPC's `return` event,
      // so that a client's EventSource reconnects (to another instance) and resumes from its last id.
      if (stream.ended === 'interrupted') throw new DOMException('The stream was interrupted: resume it', 'AbortError');
    } finally {
      clearTimeout(expiry);
      signal?.removeEventListener('abort', onAbort);
      this.remove(this.byUser, stream.userId, stream);
      for (const author of stream.authors) this.remove(this.byAuthor, author, stream);
    }
  }

  /**
   * Checks the stream's session and routes its followees' events to it from now on; resolves to
   * the session's expiry.
   */
  private async admit(stream: Stream): Promise<Date> {
    const em = this.em();
    const [followees, sessions] = await Promise.all([
      findFolloweeIds(em, stream.userId),
      findLiveSessions(em, [stream.sessionId]),
    ]);
    const expiresAt = sessions.get(stream.sessionId);
    if (!expiresAt) throw new ServiceError('UNAUTHORIZED', 'Your session has ended: sign in again');
    for (const author of [stream.userId, ...followees]) this.follow(stream, author);
    for (const change of stream.loading ?? []) this.applyFollow(stream, change);
    stream.loading = null;
    return expiresAt;
  }

  /**
   * What the stream missed from `start` up to where the hub routes events to it, read from the log;
   * returns the last `seq` it covers. (Its own generator, so that its EntityManager lives only as
   * long as the reading: an open stream holds nothing of the database.)
   */
  private async *replay(stream: Stream, start: string, resuming: boolean): AsyncGenerator<LiveItem, number> {
    const em = this.em();
    const from = this.cursor;
    let sent = /^\d{1,15}$/.test(start) ? Number(start) : -1;
    const { lastSeq, prunedThrough } = await logPosition(em);
    // From before what was pruned, the stream is whole still if fewer than `keptPerAuthor` of its
    // events have come since (to the end of the log, not only to `from`): each author's newest that
    // many are kept, so none of its authors lost one.
    const tooFarBack =
      sent < prunedThrough &&
      (await countTimelineEvents(em, stream.userId, sent, lastSeq, keptPerAuthor)) >= keptPerAuthor;
    if (sent < 0 || sent > from || tooFarBack) {
      // Older than the log keeps, or not from this log at all.
      if (resuming) yield { id: String(from), data: { type: 'reset' } };
      return from;
    }
    while (sent < from) {
      const events = await findTimelineEvents(em, stream.userId, sent, from);
      if (!events.length) break;
      const tweets = await findTweetsById(em, tweetIds(events));
      for (const event of events) {
        sent = event.seq;
        if (!shownAtHome(stream, event, tweets)) continue;
        const data = this.shape(event, tweets, stream.media);
        if (data) yield { id: String(event.seq), data };
      }
    }
    return from;
  }

  /** A follow change takes effect in the pump, before the next event is routed. */
  private applyFollow(stream: Stream, { follow, userId }: FollowChange) {
    if (follow) this.follow(stream, userId);
    else if (userId !== stream.userId) this.unfollow(stream, userId);
  }

  private follow(stream: Stream, author: number) {
    stream.authors.add(author);
    this.add(this.byAuthor, author, stream);
  }

  private unfollow(stream: Stream, author: number) {
    stream.authors.delete(author);
    this.remove(this.byAuthor, author, stream);
  }

  private add(index: Map<number, Set<Stream>>, key: number, stream: Stream) {
    const set = index.get(key) ?? new Set();
    index.set(key, set.add(stream));
  }

  private remove(index: Map<number, Set<Stream>>, key: number, stream: Stream) {
    const set = index.get(key);
    set?.delete(stream);
    if (set?.size === 0) index.delete(key);
  }

  /** What a stream shows for `event`; null for a follow change, or a tweet deleted since. */
  private shape(event: LiveEvent, tweets: Map<number, TweetData>, media: MediaStorage): LiveData | null {
    if (event.kind === 'delete') return { type: 'delete', tweetId: event.subjectId };
    const data = event.kind === 'tweet' ? tweets.get(event.subjectId) : undefined;
    if (!data) return null;
    return data.repostOf
      ? { type: 'repost', repost: tweet(data, media) }
      : { type: 'tweet', tweet: tweet(data, media) };
  }

  /** Hands the log's new events to the streams they concern, page by page. */
  private async pump(): Promise<void> {
    if (!this.running) return;
    const em = this.em();
    // With no stream open there is no one to read for: the cursor jumps to the end of the log.
    while (this.byUser.size) {
      const events = await findEventsAfter(em, this.cursor);
      if (!events.length) break;
      const tweets = await findTweetsById(em, tweetIds(events));
      for (const event of events) {
        this.cursor = event.seq;
        if (event.kind === 'follow' || event.kind === 'unfollow') {
          const change = { follow: event.kind === 'follow', userId: event.subjectId };
          for (const stream of this.byUser.get(event.userId) ?? []) {
            if (stream.loading) stream.loading.push(change);
            else this.applyFollow(stream, change);
          }
          continue;
        }
        const readers = this.byAuthor.get(event.userId);
        if (!readers) continue;
        // Shaped once for each store its readers see pictures through (one per origin), not per reader.
        const shaped = new Map<MediaStorage, LiveData | null>();
        for (const stream of readers) {
          if (!shownAtHome(stream, event, tweets)) continue;
          let data = shaped.get(stream.media);
          if (data === undefined) {
            data = this.shape(event, tweets, stream.media);
            shaped.set(stream.media, data);
          }
          if (data) stream.push({ seq: event.seq, data });
        }
      }
    }
    const { lastSeq } = await logPosition(em);
    if (lastSeq < this.cursor) {
      // Behind what was read: the database was emptied or replaced. Its streams' ids mean nothing
      // now: they end, and their clients resume from a reset.
      for (const streams of this.byUser.values()) for (const stream of streams) stream.end('interrupted');
    }
    if (lastSeq < this.cursor || !this.byUser.size) this.cursor = lastSeq;
    if (Date.now() - this.lastPrune > 3600_000) {
      this.lastPrune = Date.now();
      await pruneEvents(em, new Date(Date.now() - this.limits.retentionMs));
    }
  }

  /**
   * Ends the streams whose session was ended (logout, password change, deleted account): on a timer,
   * and at once when the session epoch moves.
   */
  async checkSessions(): Promise<void> {
    const ids = new Set<string>();
    for (const streams of this.byUser.values()) for (const stream of streams) ids.add(stream.sessionId);
    if (!ids.size) return;
    const list = [...ids];
    const live = new Set<string>();
    for (let i = 0; i < list.length; i += 500) {
      for (const id of (await findLiveSessions(this.em(), list.slice(i, i + 500))).keys()) live.add(id);
    }
    // Only sessions that were checked: a stream opened meanwhile was checked when it opened.
    for (const streams of this.byUser.values()) {
      for (const stream of streams) {
        if (ids.has(stream.sessionId) && !live.has(stream.sessionId))
          stream.end(new ServiceError('UNAUTHORIZED', 'Your session has ended: sign in again'));
      }
    }
  }
}

const tweetIds = (events: LiveEvent[]) =>
  events.filter((event) => event.kind === 'tweet').map((event) => event.subjectId);
