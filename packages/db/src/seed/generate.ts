/**
 * Synthetic data for benchmarks, generated row by row and fully determined by the profile and the
 * seed: names and texts from faker (Korean, English, emoji), follows drawn with Zipf-like popularity
 * (a few accounts have most followers), tweets with Zipf-like activity (a few authors write most).
 *
 * Known accounts, for the benchmark to log in as (every seeded user has the password `seedPassword`):
 * - `heavy@bench.miniter` (id 1) follows up to 2,000 accounts;
 * - `quiet@bench.miniter` (id 2) follows exactly 3 quiet accounts (ids 3–5, `quiet1..3@bench.miniter`),
 *   which wrote 3 tweets each, spread over the whole history; it wrote one itself.
 */
import { fakerEN, fakerKO } from '@faker-js/faker';
import { createRandom, type Random, randomInt, shuffle, zipf } from './random.ts';

export interface SeedProfile {
  users: number;
  tweets: number;
  /** The mean number of accounts a user follows. */
  followsPerUser: number;
}

export const profiles = {
  small: { users: 1_000, tweets: 10_000, followsPerUser: 50 },
  large: { users: 10_000, tweets: 1_000_000, followsPerUser: 50 },
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
export type UserRow = [id: number, name: string, email: string, profile: string, createdAt: number];
export type FollowRow = [userId: number, followUserId: number, createdAt: number];
export type TweetRow = [id: number, userId: number, text: string, createdAt: number];

/** All tweets fall in 2025, evenly by id: ids and timestamps grow together. */
const historyStart = Date.UTC(2025, 0, 1);
const historyLength = 365 * 86_400_000;
const popularityExponent = 1;
const activityExponent = 0.8;

/** Separate streams per table, so that each table's rows do not depend on how another was read. */
const stream = (seed: number, table: number) => createRandom(seed * 31 + table);

export function* generateUsers(profile: SeedProfile, seed: number, batchSize: number): Generator<UserRow[]> {
  fakerKO.seed(seed);
  fakerEN.seed(seed);
  const random = stream(seed, 1);
  let batch: UserRow[] = [];
  for (let id = 1; id <= profile.users; id++) {
    const korean = random() < 0.6;
    const faker = korean ? fakerKO : fakerEN;
    let name =
      id === heavyAccount.id ? 'Heavy Reader 📚' : id === quietAccount.id ? '조용한 독자' : faker.person.fullName();
    if (random() < 0.15) name += ` ${fakerEN.internet.emoji()}`;
    const bio = random() < 0.3 ? '' : korean ? fakerKO.lorem.sentence() : fakerEN.person.bio();
    const createdAt = historyStart - 30 * 86_400_000 + randomInt(random, 30 * 86_400_000);
    batch.push([id, [...name].slice(0, 50).join(''), seedEmail(id), bio, createdAt]);
    if (batch.length === batchSize) {
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

export function* generateFollows(profile: SeedProfile, seed: number, batchSize: number): Generator<FollowRow[]> {
  const random = stream(seed, 3);
  const ids = Array.from({ length: profile.users }, (_, i) => i + 1);
  const popular = zipf(random, shuffle(random, [...ids]), popularityExponent);
  let batch: FollowRow[] = [];
  let userId = 0;
  for (const count of followCounts(profile, seed)) {
    userId++;
    const followed =
      userId === quietAccount.id ? [...quietAccount.follows] : sampleDistinct(random, count, popular, ids, userId);
    for (const followUserId of followed.sort((a, b) => a - b)) {
      batch.push([userId, followUserId, historyStart + randomInt(random, historyLength)]);
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}

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

export function* generateTweets(profile: SeedProfile, seed: number, batchSize: number): Generator<TweetRow[]> {
  const random = stream(seed, 4);
  const texts = textPool(seed);
  const quiet = new Set<number>([quietAccount.id, ...quietAccount.follows]);
  const authors = shuffle(
    random,
    Array.from({ length: profile.users }, (_, i) => i + 1).filter((id) => !quiet.has(id)),
  );
  const author = zipf(random, authors, activityExponent);
  // The quiet accounts' few tweets, at fixed places spread over the history (the quiet user's own first).
  const quietAuthors = [quietAccount.id, ...quietAccount.follows.flatMap((id) => Array(quietTweetsEach).fill(id))];
  const quietAt = new Map(
    quietAuthors.map((id, k) => [Math.floor((profile.tweets * (k + 0.5)) / quietAuthors.length) + 1, id]),
  );
  let batch: TweetRow[] = [];
  for (let id = 1; id <= profile.tweets; id++) {
    const createdAt = historyStart + Math.floor(((id - 1) * historyLength) / profile.tweets);
    batch.push([id, quietAt.get(id) ?? author(), texts(), createdAt]);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

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
