import { type Command, Option } from 'commander';
import { listOptions, type PageFlags, parseId, parseUser, readPages, type UserRef } from '../arguments.ts';
import { action, type Cli } from '../context.ts';
import { renderTweet, renderTweets } from '../format.ts';
import { readStdin } from '../input.ts';
import { followTimeline, type TweetPage } from '../live.ts';
import { userIdOf } from '../lookup.ts';

const noTweets = 'No tweets yet. Follow someone, or say something: miniter tweet "hello"';

export function printTweets(cli: Cli, page: TweetPage, empty: string) {
  if (cli.json) return cli.print(JSON.stringify(page));
  cli.print(renderTweets(page.items, cli, empty));
  if (page.nextCursor) cli.print(cli.colors.dim('\n… more: --all for everything, or a larger --limit'));
}

/** Posts a tweet, or a reply to `inReplyToId`, its text given or read from stdin (`-`), and shows it. */
export async function postTweet(cli: Cli, text: string, inReplyToId?: number) {
  const body = text === '-' ? await readStdin() : text;
  const tweet = await cli.session().api.tweet.create.mutate({ text: body, inReplyToId });
  cli.print(renderTweet(tweet, cli));
}

export function registerTweetCommands(program: Command) {
  program
    .command('tweet')
    .description('post a tweet (1–300 characters)')
    .argument('<text>', 'what to say, or - to read it from stdin')
    .addHelpText('after', '\nExamples:\n  $ miniter tweet "안녕하세요 🌏"\n  $ fortune | miniter tweet -')
    .action(action((cli, text: string) => postTweet(cli, text)));

  program
    .command('delete')
    .description('delete one of your tweets')
    .argument('<tweetId>', 'the tweet to delete', parseId)
    .action(
      action(async (cli, tweetId: number) => {
        await cli.session().api.tweet.delete.mutate({ tweetId });
        cli.print(`Deleted tweet ${tweetId}.`);
      }),
    );

  listOptions(
    program
      .command('timeline')
      .description('your home timeline: what you and everyone you follow tweet and repost, newest first')
      .option(
        '-u, --user <user>',
        "another user's timeline instead (their tweets and their followees'): @handle or id",
        parseUser,
      ),
  )
    .addOption(
      new Option(
        '-f, --follow',
        'then keep running: print new tweets, reposts and deletions as they happen, until Ctrl-C (with --json: one event per line)',
      ).conflicts(['all', 'user']),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ miniter timeline
  $ miniter timeline --follow
  $ miniter timeline --user @kim --all --json
  $ miniter timeline --follow --json | jq -r 'select(.type == "tweet") | .tweet.text'`,
    )
    .action(
      action(async (cli, flags: PageFlags & { user?: UserRef; follow?: boolean }) => {
        const { limit } = flags;
        if (flags.follow) return followTimeline(cli, limit, (page) => printTweets(cli, page, noTweets));
        const userId = flags.user ? await userIdOf(cli.anonymous, flags.user) : undefined;
        const page = await readPages(flags, (cursor) =>
          userId === undefined
            ? cli.session().api.timeline.home.query({ cursor, limit })
            : cli.reader().timeline.user.query({ userId, cursor, limit }),
        );
        printTweets(cli, page, noTweets);
      }),
    );

  listOptions(program.command('explore').description("everyone's tweets, newest first (no account needed)"))
    .addHelpText('after', '\nExamples:\n  $ miniter explore\n  $ miniter explore --limit 50 --json')
    .action(
      action(async (cli, flags: PageFlags) => {
        const page = await readPages(flags, (cursor) =>
          cli.reader().timeline.public.query({ cursor, limit: flags.limit }),
        );
        printTweets(cli, page, 'No tweets yet. Say something: miniter tweet "hello"');
      }),
    );

  listOptions(
    program
      .command('tweets')
      .description("one user's own tweets and reposts, newest first")
      .argument('<user>', 'whose: @handle or id', parseUser),
  )
    .addHelpText('after', '\nExamples:\n  $ miniter tweets @kim --limit 5')
    .action(
      action(async (cli, user: UserRef, flags: PageFlags) => {
        const userId = await userIdOf(cli.anonymous, user);
        const page = await readPages(flags, (cursor) =>
          cli.reader().tweet.byAuthor.query({ userId, cursor, limit: flags.limit }),
        );
        printTweets(cli, page, 'No tweets yet.');
      }),
    );
}
