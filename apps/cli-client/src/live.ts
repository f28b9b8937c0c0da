/**
 * `miniter timeline --follow`: the home timeline's page, then each new tweet, repost and deletion as
 * it happens (`timeline.live`, server-sent events), until SIGINT or SIGTERM.
 *
 * The stream is opened before the page is read, so nothing posted in between is lost; a tweet or
 * repost that is both on the page and in the stream is shown once. tRPC's link reconnects after a
 * dropped connection and resumes from the last event id; a stream the server ends quietly (it is
 * shutting down, or this reader fell behind) is opened again here, from the same id.
 */
import type { RouterOutputs } from '@miniter/api/client';
import type { Cli } from './context.ts';
import { CliError, errorCode } from './errors.ts';
import { renderDeleted, renderTweet, type Tweet } from './format.ts';

export type TweetPage = { items: Tweet[]; nextCursor: string | null };

/** One event of the stream: its id to resume from, and a new tweet or repost, a deletion or a reset. */
type LiveEvent = RouterOutputs['timeline']['live'] extends AsyncIterable<infer Event> ? Event : never;

/** A connection still down after this is reported on stderr (a routine reconnect is not). */
const noticeAfterMs = 2000;
/** How long to wait before opening a stream the server ended again: doubling, up to the maximum. */
const reopenDelayMs = { first: 500, max: 10_000 };

/** Says on stderr that the connection is gone (once it has been for a while) and when it is back. */
function connectionNotice(cli: Cli) {
  let pending: NodeJS.Timeout | undefined;
  let shown = false;
  const say = (text: string) => process.stderr.write(`${cli.colors.dim(text)}\n`);
  return {
    lost() {
      if (pending || shown) return;
      pending = setTimeout(() => {
        pending = undefined;
        shown = true;
        say(`Connection to ${cli.server} lost: reconnecting…`);
      }, noticeAfterMs);
    },
    back() {
      clearTimeout(pending);
      pending = undefined;
      if (shown) say(`Reconnected to ${cli.server}.`);
      shown = false;
    },
    clear() {
      clearTimeout(pending);
    },
  };
}

/**
 * Prints the page with `printPage` (as `miniter timeline` does), then the live events: as people
 * read them, or with `--json` one object per line. Resolves on SIGINT or SIGTERM (or when stdout's
 * reader goes away); rejects when the stream ends for good, e.g. with the session.
 */
export function followTimeline(cli: Cli, limit: number | undefined, printPage: (page: TweetPage) => void) {
  const { api } = cli.session();
  const stop = new AbortController();
  const notice = connectionNotice(cli);
  /** The tweets and reposts on the page last printed: the stream may carry them too. */
  let shown = new Set<number>();
  /** The reposts seen, on a page or live: a deletion of one is named as a repost. */
  const reposts = new Set<number>();
  let lastEventId: string | undefined;
  let started = false;
  let reopenings = 0;
  let generation = 0;
  let subscription: { unsubscribe(): void } | undefined;
  let reopenTimer: NodeJS.Timeout | undefined;
  // Output is written in the order events arrive, a page read included.
  let queue = Promise.resolve();

  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (stop.signal.aborted) return;
      stop.abort();
      close();
      clearTimeout(reopenTimer);
      notice.clear();
      clearInterval(keepAlive);
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      process.stdout.off('error', onStdoutError);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onSignal = () => finish();
    // `miniter timeline --follow | head`: once the reader has gone, there is no one to follow for.
    const onStdoutError = (error: NodeJS.ErrnoException) => finish(error.code === 'EPIPE' ? undefined : error);
    // The stream's own reconnection timer does not keep Node running; this does, until a signal.
    const keepAlive = setInterval(() => {}, 3600_000);
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    process.stdout.on('error', onStdoutError);

    const print = (text: string) => {
      if (!stop.signal.aborted) cli.print(text);
    };
    const enqueue = (task: () => void | Promise<void>) => {
      queue = queue.then(task).catch(finish);
    };
    const readPage = async () => {
      const page = await api.timeline.home.query({ limit }, { signal: stop.signal });
      shown = new Set(page.items.map((tweet) => tweet.id));
      for (const tweet of page.items) if (tweet.repostOf) reposts.add(tweet.id);
      return page;
    };
    /** The page again, after a reset (or a stream that could not resume): what was missed is on it. */
    const startOver = async (id: string | undefined) => {
      const page = await readPage();
      if (stop.signal.aborted) return;
      if (cli.json) print(JSON.stringify(id === undefined ? { type: 'reset' } : { id, type: 'reset' }));
      else print(`\n${cli.colors.dim('↻ The live timeline started over; your timeline now:')}\n`);
      printPage(page);
    };
    const show = (event: LiveEvent) => {
      const { id, data } = event;
      if (data.type === 'reset') return startOver(id);
      if (data.type === 'delete') {
        if (cli.json) return print(JSON.stringify({ id, ...data }));
        return print(`\n${renderDeleted(data.tweetId, cli, reposts.has(data.tweetId) ? 'repost' : 'tweet')}`);
      }
      const tweet = data.type === 'tweet' ? data.tweet : data.repost;
      if (shown.has(tweet.id)) return;
      if (tweet.repostOf) reposts.add(tweet.id);
      if (cli.json) return print(JSON.stringify({ id, ...data }));
      print(`\n${renderTweet(tweet, cli)}`);
    };

    const close = () => {
      generation++;
      const current = subscription;
      subscription = undefined;
      current?.unsubscribe();
    };
    /** After the server ended the stream, or a connection it did not type an error for: again, later. */
    const reopen = () => {
      close();
      notice.lost();
      const delay = Math.min(reopenDelayMs.first * 2 ** reopenings++, reopenDelayMs.max);
      reopenTimer = setTimeout(open, delay);
    };
    const open = () => {
      const mine = ++generation;
      const current = () => mine === generation && !stop.signal.aborted;
      subscription = api.timeline.live.subscribe(lastEventId === undefined ? undefined : { lastEventId }, {
        onStarted() {
          if (!current()) return;
          reopenings = 0;
          if (!started) {
            // Events from here on reach this stream: the page read now misses nothing.
            started = true;
            enqueue(async () => printPage(await readPage()));
            return;
          }
          notice.back();
          // Back without an event id to resume from: what happened meanwhile is only on the page.
          if (lastEventId === undefined) enqueue(() => startOver(undefined));
        },
        onData(event) {
          if (!current()) return;
          lastEventId = event.id;
          enqueue(() => show(event));
        },
        onConnectionStateChange(state) {
          if (!current() || state.state !== 'connecting' || !state.error) return;
          // Not even the first connection: fail as any other command does when the server is away.
          if (!started && !errorCode(state.error))
            finish(new CliError(`cannot reach ${cli.server} — is the server running?`));
          else if (started) notice.lost();
        },
        onError(error) {
          if (!current()) return;
          if (started && !errorCode(error)) reopen();
          else finish(error);
        },
        onComplete() {
          if (current()) reopen();
        },
      });
    };
    open();
  });
}
