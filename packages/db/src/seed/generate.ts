/**
 * Synthetic data for benchmarks, generated row by row and fully determined by the profile and the
 * seed: names, handles and texts from faker (Korean, English, emoji), follows drawn with Zipf-like
 * popularity (a few accounts have most followers), tweets with Zipf-like activity (a few authors
 * write most), of which about 30% are replies (`planTweets`).
 *
 * Known accounts, for the benchmark to log in as (every seeded user has the password `seedPassword`):
 * - `heavy@bench.miniter` (id 1, @heavy) follows up to 2,000 accounts;
 * - `quiet@bench.miniter` (id 2, @quiet) follows exactly 3 quiet accounts (ids 3–5,
 *   `quiet1..3@bench.miniter`, @quiet1..3), which wrote 3 tweets each, spread over the whole history;
 *   it wrote one itself.
 */
import { base, en, Faker, fakerEN, fakerKO, ko } from '@faker-js/faker';
import { nameSearchTerms } from '../handles.ts';
import { createRandom, type Random, randomInt, shuffle, zipf } from './random.ts';
import { handleMaker, romanize } from './usernames.ts';

export interface SeedProfile {
  users: number;
  tweets: number;
  /** The mean number of accounts a user follows. */
  followsPerUser: number;
}

export const profiles = {
  small: { users: 1_000, tweets: 10_000, followsPerUser: 50 },
  large: { users: 10_000, tweets: 1_000_000, followsPerUser: 50 },
  // Many people, little else: what user search reads is users and their terms.
  search: { users: 100_000, tweets: 10_000, followsPerUser: 1 },
} as const satisfies Record<string, SeedProfile>;

export type ProfileName = keyof typeof profiles;

export const seedPassword = 'miniter-bench-password';
export const heavyAccount = { id: 1, email: 'heavy@bench.miniter', follows: 2_000 } as const;
export const quietAccount = { id: 2, email: 'quiet@bench.miniter', follows: [3, 4, 5] } as const;
const quietTweetsEach = 3;
export const seedEmail = (userId: number) =>
  userId === heavyAccount.id
    ? heavyAccount.email
    : userId === quietAccount.id
      ? quietAccount.email
      : quietAccount.follows.some((id) => id === userId)
        ? `quiet${userId - 2}@bench.miniter`
        : `user${userId}@bench.miniter`;

export const minimumProfile = { users: 10, tweets: 100, followsPerUser: 1 } as const;

/** Times are epoch milliseconds (UTC): the loader writes them as each dialect stores dates. */
export type UserRow = [id: number, name: string, username: string, email: string, profile: string, createdAt: number];
export type SearchTermRow = [userId: number, term: string];
export type FollowRow = [userId: number, followUserId: number, createdAt: number];
export type TweetRow = [
  id: number,
  userId: number,
  text: string,
  createdAt: number,
  inReplyToId: number | null,
  inReplyToUserId: number | null,
];
/** A tweet's counts row (`tweet_stats`): only tweets with replies have one, as the app makes it on the first. */
export type TweetStatsRow = [tweetId: number, replyCount: number];

/** All tweets fall in 2025, evenly by id: ids and timestamps grow together. */
const historyStart = Date.UTC(2025, 0, 1);
const historyLength = 365 * 86_400_000;
const popularityExponent = 1;
const activityExponent = 0.8;

/** Separate streams per table, so that each table's rows do not depend on how another was read. */
const stream = (seed: number, table: number) => createRandom(seed * 31 + table);

/** A user's name and handle: the users and their search terms are both written from these. */
export interface Person {
  name: string;
  username: string;
  korean: boolean;
}

/** The ten commonest Korean family names and their shares (2015 census); faker draws all alike. */
const commonFamilies = [
  ['김', 0.215],
  ['이', 0.147],
  ['박', 0.084],
  ['최', 0.047],
  ['정', 0.043],
  ['강', 0.023],
  ['조', 0.021],
  ['윤', 0.02],
  ['장', 0.02],
  ['임', 0.016],
] as const;

function koreanFamilyName(random: Random, faker: Faker): string {
  let x = random();
  for (const [family, share] of commonFamilies) {
    if (x < share) return family;
    x -= share;
  }
  return faker.person.lastName();
}

/** Every user's name and handle, in id order, from faker instances and a stream of their own. */
export function generatePeople(profile: SeedProfile, seed: number): Person[] {
  const random = stream(seed, 5);
  const korean = new Faker({ locale: [ko, en, base], seed });
  const english = new Faker({ locale: [en, base], seed });
  const handles = handleMaker(random, english);
  const lastKnownId = Math.max(...quietAccount.follows);
  return Array.from({ length: profile.users }, (_, i): Person => {
    const id = i + 1;
    const isKorean = random() < 0.6;
    const faker = isKorean ? korean : english;
    const first = faker.person.firstName();
    const last = isKorean ? koreanFamilyName(random, faker) : faker.person.lastName();
    let name =
      id === heavyAccount.id
        ? 'Heavy Reader 📚'
        : id === quietAccount.id
          ? '조용한 독자'
          : faker.person.fullName({ firstName: first, lastName: last });
    if (random() < 0.15) name += ` ${english.internet.emoji()}`;
    const username =
      id <= lastKnownId
        ? handles.reserve(seedEmail(id).replace(/@.*/, ''))
        : handles.next({ first: romanize(first), last: romanize(last, true) });
    return { name: [...name].slice(0, 50).join(''), username, korean: isKorean };
  });
}

function* users(people: Person[], seed: number): Generator<UserRow> {
  fakerKO.seed(seed);
  fakerEN.seed(seed);
  const random = stream(seed, 1);
  for (const [i, { name, username, korean }] of people.entries()) {
    const bio = random() < 0.3 ? '' : korean ? fakerKO.lorem.sentence() : fakerEN.person.bio();
    const createdAt = historyStart - 30 * 86_400_000 + randomInt(random, 30 * 86_400_000);
    yield [i + 1, name, username, seedEmail(i + 1), bio, createdAt];
  }
}

export const generateUsers = (people: Person[], seed: number, batchSize: number) =>
  inBatches(users(people, seed), batchSize);

/** Each user's `nameSearchTerms`, as the app writes them with the name. */
function* searchTerms(people: Person[]): Generator<SearchTermRow> {
  for (const [i, { name }] of people.entries()) {
    for (const term of nameSearchTerms(name)) yield [i + 1, term];
  }
}

export const generateSearchTerms = (people: Person[], batchSize: number) => inBatches(searchTerms(people), batchSize);

/** How many rows `generateSearchTerms` yields, without batching them. */
export function totalSearchTerms(people: Person[]): number {
  let total = 0;
  for (const _ of searchTerms(people)) total++;
  return total;
}

/** Rows in arrays of `size` (the last one shorter). */
function* inBatches<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** How many follows `generateFollows` yields, without generating them. */
export function totalFollows(profile: SeedProfile, seed: number): number {
  let total = 0;
  for (const n of followCounts(profile, seed)) total += n;
  return total;
}

function* followCounts(profile: SeedProfile, seed: number): Generator<number> {
  const random = stream(seed, 2);
  const most = Math.min(1_000, profile.users - 1);
  for (let id = 1; id <= profile.users; id++) {
    // Exponentially distributed around the mean: most follow a few dozen, some hundreds.
    const drawn = Math.round(-profile.followsPerUser * Math.log(1 - random()));
    yield id === heavyAccount.id
      ? Math.min(heavyAccount.follows, profile.users - 1)
      : id === quietAccount.id
        ? quietAccount.follows.length
        : Math.max(1, Math.min(most, drawn));
  }
}

function* follows(profile: SeedProfile, seed: number): Generator<FollowRow> {
  const random = stream(seed, 3);
  const ids = Array.from({ length: profile.users }, (_, i) => i + 1);
  const popular = zipf(random, shuffle(random, [...ids]), popularityExponent);
  let userId = 0;
  for (const count of followCounts(profile, seed)) {
    userId++;
    const followed =
      userId === quietAccount.id ? [...quietAccount.follows] : sampleDistinct(random, count, popular, ids, userId);
    for (const followUserId of followed.sort((a, b) => a - b)) {
      yield [userId, followUserId, historyStart + randomInt(random, historyLength)];
    }
  }
}

export const generateFollows = (profile: SeedProfile, seed: number, batchSize: number) =>
  inBatches(follows(profile, seed), batchSize);

/** `count` different ids other than `self`, drawn by popularity; the rarest filled in order when draws run dry. */
function sampleDistinct(random: Random, count: number, draw: () => number, ids: number[], self: number): number[] {
  const chosen = new Set<number>();
  for (let attempts = 0; chosen.size < count && attempts < count * 20; attempts++) {
    const id = draw();
    if (id !== self) chosen.add(id);
  }
  for (let i = randomInt(random, ids.length), n = 0; chosen.size < count && n < ids.length; i++, n++) {
    const id = ids[i % ids.length] as number;
    if (id !== self) chosen.add(id);
  }
  return [...chosen];
}

/** The share of tweets that are replies, and what a reply answers (shares of replies). */
export const replyShare = 0.3;
const replyKinds = { followee: 0.7, stranger: 0.15, self: 0.15 } as const;
/** How many of a replier's followees are looked at for the most recent tweet among them. */
const followeesSampled = 8;

/**
 * Who wrote each tweet and what it answers, by id (index 0 unused; 0 in `inReplyTo`: not a reply).
 * Replies are about `replyShare` of the tweets, each to an earlier tweet of the last two days (at
 * least the last 1,000): mostly (`replyKinds`) the newest among a few of its author's followees'
 * latest tweets, as people answer what their timeline shows (a reply to a reply continues a
 * conversation); sometimes a stranger's, any recent tweet; sometimes the author's own latest, a
 * self-thread. Where the kind drawn has nothing recent to answer, the next is tried (self, then
 * followee, then stranger). The quiet accounts' few tweets are never replies.
 */
export interface TweetPlan {
  authors: Int32Array;
  inReplyTo: Int32Array;
}

export function planTweets(profile: SeedProfile, seed: number): TweetPlan {
  // The authors are drawn as before replies existed: the same seed gives the same authors and texts.
  const random = stream(seed, 4);
  const quiet = new Set<number>([quietAccount.id, ...quietAccount.follows]);
  const authorIds = shuffle(
    random,
    Array.from({ length: profile.users }, (_, i) => i + 1).filter((id) => !quiet.has(id)),
  );
  const author = zipf(random, authorIds, activityExponent);
  // The quiet accounts' few tweets, at fixed places spread over the history (the quiet user's own first).
  const quietAuthors = [quietAccount.id, ...quietAccount.follows.flatMap((id) => Array(quietTweetsEach).fill(id))];
  const quietAt = new Map(
    quietAuthors.map((id, k) => [Math.floor((profile.tweets * (k + 0.5)) / quietAuthors.length) + 1, id]),
  );
  const replies = stream(seed, 6);
  const followees = followeeLists(profile, seed);
  const recent = Math.max(1_000, Math.round((profile.tweets * 2) / 365));
  /** Each user's latest tweet so far (0: none). */
  const latest = new Int32Array(profile.users + 1);
  const authors = new Int32Array(profile.tweets + 1);
  const inReplyTo = new Int32Array(profile.tweets + 1);
  const isRecent = (tweetId: number, id: number) => tweetId > 0 && id - tweetId <= recent;
  const followeeTweet = (userId: number, id: number) => {
    const first = followees.offsets[userId] as number;
    const count = (followees.offsets[userId + 1] as number) - first;
    let best = 0;
    for (let k = 0; k < Math.min(count, followeesSampled); k++) {
      const followee = followees.ids[first + (count <= followeesSampled ? k : randomInt(replies, count))] as number;
      best = Math.max(best, latest[followee] as number);
    }
    return isRecent(best, id) ? best : 0;
  };
  for (let id = 1; id <= profile.tweets; id++) {
    const userId = quietAt.get(id) ?? author();
    authors[id] = userId;
    if (id > 1 && !quietAt.has(id) && replies() < replyShare) {
      const kind = replies();
      const own = latest[userId] as number;
      inReplyTo[id] =
        (kind < replyKinds.self && isRecent(own, id) ? own : 0) ||
        (kind < replyKinds.self + replyKinds.followee ? followeeTweet(userId, id) : 0) ||
        id - 1 - randomInt(replies, Math.min(recent, id - 1));
    }
    latest[userId] = id;
  }
  return { authors, inReplyTo };
}

/** Whom each user follows, as `follows` yields them: user `u`'s are `ids[offsets[u]]` to `ids[offsets[u + 1] - 1]`. */
function followeeLists(profile: SeedProfile, seed: number): { offsets: Int32Array; ids: Int32Array } {
  const offsets = new Int32Array(profile.users + 2);
  const ids = new Int32Array(totalFollows(profile, seed));
  let n = 0;
  for (const [userId, followUserId] of follows(profile, seed)) {
    ids[n++] = followUserId;
    offsets[userId + 1] = n;
  }
  // Users who follow no one (none, by construction, but the lists must not depend on it).
  for (let u = 1; u < offsets.length; u++) offsets[u] = Math.max(offsets[u] as number, offsets[u - 1] as number);
  return { offsets, ids };
}

function* tweets(plan: TweetPlan, profile: SeedProfile, seed: number): Generator<TweetRow> {
  const texts = textPool(seed);
  for (let id = 1; id <= profile.tweets; id++) {
    const createdAt = historyStart + Math.floor(((id - 1) * historyLength) / profile.tweets);
    const answers = plan.inReplyTo[id] as number;
    yield [
      id,
      plan.authors[id] as number,
      texts(),
      createdAt,
      answers || null,
      answers ? (plan.authors[answers] as number) : null,
    ];
  }
}

export const generateTweets = (plan: TweetPlan, profile: SeedProfile, seed: number, batchSize: number) =>
  inBatches(tweets(plan, profile, seed), batchSize);

/** How many replies each tweet has, by id. */
function replyCounts(plan: TweetPlan): Int32Array {
  const counts = new Int32Array(plan.inReplyTo.length);
  for (const answered of plan.inReplyTo) if (answered) counts[answered] = (counts[answered] as number) + 1;
  return counts;
}

function* tweetStats(plan: TweetPlan): Generator<TweetStatsRow> {
  for (const [id, count] of replyCounts(plan).entries()) if (count) yield [id, count];
}

/** The counts rows of the tweets that have replies, with their reply counts. */
export const generateTweetStats = (plan: TweetPlan, batchSize: number) => inBatches(tweetStats(plan), batchSize);

/** How many rows `generateTweetStats` yields: the tweets that have replies. */
export const totalTweetStats = (plan: TweetPlan) => replyCounts(plan).reduce((n, count) => n + (count ? 1 : 0), 0);

/**
 * Tweet texts: faker sentences in Korean and English with emoji, drawn from pools made once (faker
 * is too slow to call a million times), combined so that texts rarely repeat.
 */
function textPool(seed: number): () => string {
  fakerKO.seed(seed + 1);
  fakerEN.seed(seed + 1);
  const size = 2_048;
  const korean = Array.from({ length: size }, () => fakerKO.lorem.sentence());
  const english = Array.from({ length: size }, () =>
    fakerEN.datatype.boolean() ? fakerEN.hacker.phrase() : fakerEN.company.catchPhrase(),
  );
  const emoji = Array.from({ length: 256 }, () => fakerEN.internet.emoji());
  const random = createRandom(seed + 5);
  const pick = (pool: string[]) => pool[randomInt(random, pool.length)] as string;
  return () => {
    const kind = random();
    let text = kind < 0.45 ? pick(korean) : kind < 0.8 ? pick(english) : `${pick(korean)} ${pick(english)}`;
    if (random() < 0.3) text += ` ${pick(emoji)}`;
    if (random() < 0.1) text = `${pick(emoji)}${pick(emoji)} ${text}`;
    return text.length > 300 ? [...text].slice(0, 300).join('') : text;
  };
}
