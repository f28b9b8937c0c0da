/**
 * `pnpm db:seed`: fills the database named by DATABASE_URL (embedded SQLite when unset) with
 * deterministic synthetic data, after applying the migrations. See bench/README.md.
 */

import { MultiBar, Presets } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { openOrm } from '../orm.ts';
import { minimumProfile, type ProfileName, profiles, quietAccount, seedEmail } from './generate.ts';
import { DatabaseNotEmptyError, type SeedTable, seedDatabase } from './load.ts';

const integer = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`must be an integer of at least ${min}`);
  return n;
};

const program = new Command('db:seed')
  .description(
    'Fill DATABASE_URL with deterministic users and handles, follows, and tweets and replies (Korean, English, emoji)',
  )
  .addOption(
    new Option('-p, --profile <name>', 'data size').choices(Object.keys(profiles) as ProfileName[]).default('large'),
  )
  .option(
    '--users <n>',
    `users (profile's unless given; at least ${minimumProfile.users})`,
    integer(minimumProfile.users),
  )
  .option('--tweets <n>', `tweets (at least ${minimumProfile.tweets})`, integer(minimumProfile.tweets))
  .option('--follows <n>', 'mean follows per user', integer(minimumProfile.followsPerUser))
  .option('--seed <n>', 'random seed: the same seed gives the same data', integer(0), 42)
  .addOption(
    new Option('--bcrypt-cost <n>', "bcrypt cost of the users' shared password hash; match the server's BCRYPT_COST")
      .env('BCRYPT_COST')
      .argParser(integer(4))
      .default(12),
  )
  .option('--reset', 'empty every table first (otherwise a database holding data is refused)', false)
  .option('--json', 'print the result as one JSON line on stdout instead of text', false)
  .addHelpText(
    'after',
    `
Every user's password is the same; the known accounts:
  heavy@bench.miniter   @heavy, follows 2,000 accounts (or every other one on a smaller profile)
  quiet@bench.miniter   @quiet, follows exactly 3 accounts that rarely tweet (${quietAccount.follows.map(seedEmail).join(', ')})
  user<id>@bench.miniter everyone else, with handles made from their names

Examples:
  pnpm db:seed --profile small
  DATABASE_URL=mariadb://root@127.0.0.1:3306/miniter_bench pnpm db:seed --reset
  pnpm db:seed --users 2000 --tweets 100000 --follows 30 --reset`,
  )
  .parse();

const options = program.opts<{
  profile: ProfileName;
  users?: number;
  tweets?: number;
  follows?: number;
  seed: number;
  bcryptCost: number;
  reset: boolean;
  json: boolean;
}>();
const base = profiles[options.profile];
const profile = {
  users: options.users ?? base.users,
  tweets: options.tweets ?? base.tweets,
  followsPerUser: options.follows ?? base.followsPerUser,
};

const orm = await openOrm(process.env.DATABASE_URL);
// A bar per table on a terminal; elsewhere (CI, pipes) only the summary.
const output = options.json ? process.stderr : process.stdout;
const bars = output.isTTY
  ? new MultiBar(
      {
        format: '{table} |{bar}| {percentage}% {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}',
        hideCursor: true,
        stream: output,
      },
      Presets.shades_classic,
    )
  : undefined;
const started = new Map<SeedTable, { bar: ReturnType<MultiBar['create']>; at: number }>();
try {
  const result = await seedDatabase(orm, {
    profile,
    seed: options.seed,
    bcryptCost: options.bcryptCost,
    reset: options.reset,
    onProgress(table, rows, total) {
      if (!bars) return;
      let entry = started.get(table);
      if (!entry) {
        entry = { bar: bars.create(total, 0, { table: table.padEnd(17), rate: 0 }), at: performance.now() };
        started.set(table, entry);
      }
      const rate = Math.round(rows / ((performance.now() - entry.at) / 1000));
      entry.bar.update(rows, { rate });
    },
  });
  bars?.stop();
  if (options.json) {
    console.log(JSON.stringify({ profile, seed: options.seed, bcryptCost: options.bcryptCost, ...result }));
  } else {
    const { users, user_search_terms: terms, users_follow_list: follows, tweets, tweet_stats: answered } = result.rows;
    console.log(
      `Seeded ${users} users (${terms} search terms), ${follows} follows, ${tweets} tweets ` +
        `(${result.replies} replies, to ${answered} tweets) in ${result.seconds.toFixed(1)} s ` +
        `(${result.rowsPerSecond} rows/s overall; inserts: ${Object.entries(result.rates)
          .map(([table, rate]) => `${table} ${rate} rows/s`)
          .join(', ')}; seed ${options.seed}, bcrypt cost ${options.bcryptCost}).\n` +
        `heavy: user ${result.heavyUserId} (${seedEmail(result.heavyUserId)}), ` +
        `quiet: user ${result.quietUserId} (${seedEmail(result.quietUserId)}); password: ${result.password}`,
    );
  }
} catch (error) {
  bars?.stop();
  if (!(error instanceof DatabaseNotEmptyError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await orm.close();
}
