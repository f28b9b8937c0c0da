import type { EntityManager } from '@mikro-orm/sql';
import { type Page, type PageRequest, toPage } from '../pagination.ts';
import { readConnection } from '../replicas.ts';
import {
  profileColumns,
  type TweetData,
  tweetAuthor,
  tweetAuthorColumns,
  tweetData,
  tweetSql,
  type UserProfileData,
  type UserSummaryData,
  userProfile,
} from './read-models.ts';

/**
 * A timeline's page: ids below `after` (the cursor, or Mastodon's `max_id`) and above `since`
 * (`since_id`, `min_id`), each bound exclusive. `oldestFirst` takes the page just above `since`
 * (Mastodon's `min_id`: what came after a marker) rather than just below `after`; either way the
 * page is answered newest first, and its next cursor leads to older tweets within the bounds, of
 * which an oldest-first page leaves none.
 */
export interface TimelinePage extends PageRequest<number> {
  since?: number | undefined;
  oldestFirst?: boolean | undefined;
  /** Also the authors' profiles and counts (`TweetPage.authors`), read by the page's own statement. */
  withAuthors?: boolean | undefined;
  /** Who reads the page, for whether they liked each tweet (`TweetData.liked`); no one: false. */
  readerId?: number | undefined;
}

/** A page of tweets; with `withAuthors`, its authors' profiles too, each once. */
export interface TweetPage extends Page<TweetData> {
  authors?: UserProfileData[];
}

/**
 * What a page's statement selects and joins beside its tweets (`t`): their authors (`users` aliased
 * `u`) and counts, with the parameters of those columns, which come before the statement's own.
 */
export function shownWith(query: Pick<TimelinePage, 'readerId' | 'withAuthors'>) {
  const tweet = tweetSql(query.readerId);
  const authors = query.withAuthors
    ? { columns: profileColumns, join: 'join users as u on u.id = t.user_id join user_stats as s on s.user_id = u.id' }
    : { columns: tweetAuthorColumns, join: 'join users as u on u.id = t.user_id' };
  return {
    columns: `${tweet.columns}, ${authors.columns}`,
    join: `${authors.join} ${tweet.join}`,
    params: tweet.params,
  };
}

export interface TimelineQuery extends TimelinePage {
  userId: number;
  /**
   * Also the tweets of everyone `userId` follows (their home timeline, the book's timeline), not
   * only their own. A reply is among them only when `userId` wrote it or follows (or is) whom it
   * answers too, as on Twitter and Mastodon: half a conversation with a stranger is noise.
   */
  includeFollowed: boolean;
  /** Without replies to others (their threads, replies to themselves, stay), as Mastodon's `exclude_replies`. */
  excludeReplies?: boolean | undefined;
  /** Without reposts, as Mastodon's `exclude_reblogs`. */
  excludeReposts?: boolean | undefined;
}

/**
 * A tweet, not a repost: written so that no index can serve it, as the repost index would be read
 * for `repost_of_id is null` (nearly every tweet), then sorted, rather than the window by id.
 */
const notARepost = 'coalesce(repost_of_id, 0) = 0';

/** Runs one SQL statement with `?` parameters and returns its rows. */
export type RunSql = (sql: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** Up to this many followees are listed in the query; beyond, they are matched by a subquery. */
const listedFolloweesMax = 100;
/** How much larger than its expected need a window is made, and the bounds on how fast it grows. */
const windowMargin = 2;
const growth = { min: 2, max: 16 };

/**
 * Tweets newest first (by id, which grows with time), keyed by tweet id, each once.
 *
 * One plan cannot serve every reader: "followed authors, newest first" scanned along the primary key
 * reads the whole table for someone who follows a few quiet accounts, while reading each author's
 * tweets through `tweets (user_id, id)` and sorting them reads hundreds of thousands of entries for
 * someone who follows thousands. So the page is found window by window, newest first: each query
 * asks only for ids in `[low, high)`, a window sized from the share of all tweets the authors would
 * have written were they average, and grown from what the previous window found. Up to
 * `listedFolloweesMax` followees are listed, so that each author is one range seek in
 * `tweets (user_id, id)`; more are matched by a subquery, and the database reads the window along
 * the primary key. Either way no query reads much more than its window or its authors' share of it.
 * Usually that is two statements: the followees with the table sizes, then one window that also
 * brings the page's tweets and authors, returned as plain data (nothing here is changed or tracked).
 */
export async function findTimeline(em: EntityManager, query: TimelineQuery): Promise<TweetPage> {
  return (await findTimelineOf(em, query)) as TweetPage;
}

/**
 * `findTimeline` of someone who may have no account: null then. The timeline's first statement says
 * so, rather than a statement of its own (each costs a round trip, about 60 µs of a server's CPU).
 */
export function findUserTimeline(em: EntityManager, query: TimelineQuery): Promise<TweetPage | null> {
  return findTimelineOf(em, query, { user: false });
}

async function findTimelineOf(em: EntityManager, query: TimelineQuery, found?: { user: boolean }) {
  const connectionType = readConnection(em);
  const run: RunSql = (sql, params) => em.execute(sql, [...params], { connectionType });
  const rows = await findTimelineRows(run, query, found);
  if (found && !found.user) return null;
  return tweetPageOf(em, timelinePage(rows, query), query);
}

/** Everyone's tweets, newest first (the public timeline: Mastodon's local one). */
export async function findPublicTimeline(em: EntityManager, query: TimelinePage): Promise<TweetPage> {
  const connectionType = readConnection(em);
  const rows = await findPublicTimelineRows((sql, params) => em.execute(sql, [...params], { connectionType }), query);
  return tweetPageOf(em, timelinePage(rows, query), query);
}

/**
 * `limit + 1` rows read in `readOrder` as a page, newest first (by `keyOf`, their id): the rows of an
 * oldest-first page turned round, no next cursor.
 */
export function pageOfRows<T>(rows: T[], query: TimelinePage, keyOf: (row: T) => number): Page<T> {
  if (query.oldestFirst) return { items: rows.slice(0, query.limit).reverse(), nextCursor: null };
  return toPage(rows, query.limit, (row) => [keyOf(row)]);
}

const timelinePage = (rows: Record<string, unknown>[], query: TimelinePage) =>
  pageOfRows(rows, query, (row) => Number(row.id));

/** The `where` conditions on `column` (an id) that keep a page within its bounds, and their parameters. */
export function idBounds(query: TimelinePage, column = 'id'): { sql: string[]; params: number[] } {
  const bounds: Array<[string, number]> = [];
  if (query.since !== undefined) bounds.push([`${column} > ?`, query.since]);
  if (query.after !== undefined) bounds.push([`${column} < ?`, query.after]);
  return { sql: bounds.map(([sql]) => sql), params: bounds.map(([, value]) => value) };
}

/** The order a page's ids are read in: from its newest, or from just above `since`. */
export const readOrder = (query: TimelinePage) => (query.oldestFirst ? 'asc' : 'desc');

/**
 * The public timeline's next `limit + 1` tweets (no reposts) with their authors: the page's ids from
 * a walk down the primary key, then their rows. (Joined directly, MariaDB would rather read every
 * user, then sort all their tweets.)
 */
export function findPublicTimelineRows(run: RunSql, query: TimelinePage): Promise<Record<string, unknown>[]> {
  const bounds = idBounds(query);
  // Tweets, not reposts, as Mastodon's public timelines.
  const where = `where ${[notARepost, ...bounds.sql].join(' and ')} `;
  const order = readOrder(query);
  const shown = shownWith(query);
  return run(
    `select ${shown.columns} from (select id from tweets ${where}order by id ${order} limit ?) as w ` +
      `join tweets as t on t.id = w.id ${shown.join} order by t.id ${order}`,
    [...shown.params, ...bounds.params, query.limit + 1],
  );
}

/**
 * A page of tweet rows as plain data, each author made once (with `withAuthors`, their profile too),
 * and the tweets its reposts pass on, read after it (with their authors).
 */
export async function tweetPageOf(
  em: EntityManager,
  page: Page<Record<string, unknown>>,
  query: Pick<TimelinePage, 'withAuthors' | 'readerId'>,
): Promise<TweetPage> {
  const authors = new Map<unknown, UserSummaryData>();
  const profiles: UserProfileData[] = [];
  const items = page.items.map((row): TweetData => {
    let author = authors.get(row.user_id);
    if (!author) {
      author = tweetAuthor(row);
      authors.set(row.user_id, author);
      if (query.withAuthors) profiles.push(userProfile(em, row));
    }
    return tweetData(em, row, author);
  });
  const reposted = [...new Set(items.flatMap((t) => (t.repostOfId === null ? [] : [t.repostOfId])))];
  if (reposted.length) {
    // What the reposts pass on is never a repost itself: one more read at most.
    const originals = await findTweets(em, reposted, query);
    const byId = new Map(originals.items.map((t) => [t.id, t]));
    for (const item of items) item.repostOf = item.repostOfId === null ? null : (byId.get(item.repostOfId) ?? null);
    const known = new Set(profiles.map((p) => p.user.id));
    profiles.push(...(originals.authors ?? []).filter((p) => !known.has(p.user.id)));
  }
  return { items, nextCursor: page.nextCursor, ...(query.withAuthors && { authors: profiles }) };
}

/** The tweets that still exist among `ids` (in no order), as `tweetPageOf` reads a page. */
export async function findTweets(
  em: EntityManager,
  ids: readonly number[],
  query: Pick<TimelinePage, 'withAuthors' | 'readerId'>,
): Promise<TweetPage> {
  if (!ids.length) return { items: [], nextCursor: null };
  const shown = shownWith(query);
  const rows = await em.execute(
    `select ${shown.columns} from tweets as t ${shown.join} where t.id in (${ids.map(() => '?').join(', ')})`,
    [...shown.params, ...ids],
    { connectionType: readConnection(em) },
  );
  return tweetPageOf(em, { items: rows, nextCursor: null }, query);
}

/** The tweets that still exist among `ids`, by id, as `readerId` sees them (whether they liked each). */
export async function findTweetsById(
  em: EntityManager,
  ids: readonly number[],
  readerId?: number,
): Promise<Map<number, TweetData>> {
  const { items } = await findTweets(em, ids, { readerId });
  return new Map(items.map((tweet) => [tweet.id, tweet]));
}

/**
 * The timeline's next `limit + 1` tweets with their authors' names and pictures, newest first: every
 * statement `findTimeline` runs, through `run` (the benchmark replays them to measure the SQL alone).
 * With `found`, whether `userId` has an account is read too (no rows when not).
 */
export async function findTimelineRows(
  run: RunSql,
  query: TimelineQuery,
  found?: { user: boolean },
): Promise<Record<string, unknown>[]> {
  const want = query.limit + 1;
  let followees: number[] = [];
  let high = query.after;
  let size = Number.POSITIVE_INFINITY;
  const userCheck = found ? 'union all select count(*), 4 from users where id = ? ' : '';
  if (query.includeFollowed) {
    // One round trip: the first followees, and the sizes that set the first window.
    const facts = await run(
      'select follow_user_id as value, 0 as kind from ' +
        '(select follow_user_id from users_follow_list where user_id = ? limit ?) as f ' +
        'union all select count(*), 1 from users_follow_list where user_id = ? ' +
        userCheck +
        'union all select max(id), 2 from tweets union all select max(id), 3 from users',
      [query.userId, listedFolloweesMax + 1, query.userId, ...(found ? [query.userId] : [])],
    );
    const fact = (kind: number) => Number(facts.find((row) => Number(row.kind) === kind)?.value ?? 0);
    if (found) found.user = fact(4) > 0;
    followees = facts.filter((row) => Number(row.kind) === 0).map((row) => Number(row.value));
    if (followees.length) {
      const authorCount = fact(1) + 1;
      high ??= fact(2) + 1;
      size = Math.ceil((windowMargin * want * Math.max(fact(3), authorCount)) / authorCount);
    }
  }
  if (found && !query.includeFollowed) {
    const [row] = await run('select count(*) as n from users where id = ?', [query.userId]);
    found.user = Number(row?.n) > 0;
  }
  if (found && !found.user) return [];
  // One author's tweets come in order from the index: then a single query, with no window.
  const listed = [query.userId, ...followees];
  const listedMarks = listed.map(() => '?').join(', ');
  const listing = followees.length <= listedFolloweesMax;
  /** `column` is `userId` or someone they follow: listed, or matched by a subquery. */
  const readerOrFollowee = (column: string) =>
    listing
      ? { sql: `${column} in (${listedMarks})`, params: listed }
      : {
          sql: `(${column} = ? or ${column} in (select follow_user_id from users_follow_list where user_id = ?))`,
          params: [query.userId, query.userId],
        };
  // `+user_id` is not a column an index can serve: left to itself, SQLite would seek
  // `tweets (user_id, id)` once per followee (thousands) rather than read the window.
  const authors = readerOrFollowee(listing ? 'user_id' : '+user_id');
  // The home timeline's rules on replies (whom a tweet answers is in the author index) and reposts.
  const rules: { sql: string[]; params: number[] } = { sql: [], params: [] };
  if (query.includeFollowed) {
    const answered = readerOrFollowee('in_reply_to_user_id');
    rules.sql.push(`(in_reply_to_user_id is null or user_id = ? or ${answered.sql})`);
    rules.params.push(query.userId, ...answered.params);
    // A reposted tweet shows once, at its newest repost (or as itself when nobody reposted it
    // since), and your own tweets are not brought back by reposts. A tweet has few reposts: they
    // are found by the repost index alone (`+ 0` keeps the author and primary keys out of it, which
    // the databases' estimates prefer, every null `repost_of_id` counted alike).
    const reposter = readerOrFollowee('r.user_id + 0');
    const newerRepost = (of: string) =>
      `not exists (select 1 from tweets as r where r.repost_of_id = ${of} and r.id + 0 > c.id and ${reposter.sql})`;
    rules.sql.push(
      `(repost_of_user_id is null or repost_of_user_id <> ?) and ${newerRepost('c.repost_of_id')} ` +
        `and (user_id = ? or ${newerRepost('c.id')})`,
    );
    rules.params.push(query.userId, ...reposter.params, query.userId, ...reposter.params);
  }
  if (query.excludeReplies) rules.sql.push('(in_reply_to_user_id is null or in_reply_to_user_id = user_id)');
  if (query.excludeReposts) rules.sql.push(notARepost);

  const shown = shownWith(query);
  const pageRows = (conditions: string[], params: readonly unknown[], order: 'asc' | 'desc', limit: number) =>
    run(
      // The window's ids alone come from the index; only the page's rows are read, by primary key.
      `select ${shown.columns} from (select id from tweets as c where ` +
        `${[authors.sql, ...rules.sql, ...conditions].join(' and ')} order by id ${order} limit ?) as w ` +
        `join tweets as t on t.id = w.id ${shown.join} order by t.id ${order}`,
      [...shown.params, ...authors.params, ...rules.params, ...params, limit],
    );
  // Oldest first from a marker, which is recent as a rule: one read up from it, no windows.
  if (query.oldestFirst) {
    const bounds = idBounds(query);
    return pageRows(bounds.sql, bounds.params, 'asc', want);
  }

  // Windows go down to the lowest id the page may hold.
  const floor = (query.since ?? 0) + 1;
  const rows: Record<string, unknown>[] = [];
  for (;;) {
    const low = high === undefined ? floor : Math.max(floor, high - size);
    const bounds: Array<[string, number]> = [];
    if (low > 1) bounds.push(['id >= ?', low]);
    if (high !== undefined) bounds.push(['id < ?', high]);
    const found = await pageRows(
      bounds.map(([sql]) => sql),
      bounds.map(([, value]) => value),
      'desc',
      want - rows.length,
    );
    rows.push(...found);
    if (rows.length >= want || low <= floor) return rows;
    // Size the next window from the density just seen, for twice what is still missing.
    const factor = found.length ? (windowMargin * (want - rows.length)) / found.length : growth.max;
    size = Math.ceil(size * Math.min(growth.max, Math.max(growth.min, factor)));
    high = low;
  }
}
