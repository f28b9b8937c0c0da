import type { Command } from 'commander';
import { listOptions, type PageFlags, parseId, readPages } from '../arguments.ts';
import { action, type Cli } from '../context.ts';
import { renderTweet } from '../format.ts';
import { printUsers } from './people.ts';

/**
 * Reposts or takes a repost back, and shows the outcome with its counts: your repost (who passed it
 * on, then the tweet), or the tweet as it now is.
 */
async function setReposted(cli: Cli, tweetId: number, repost: boolean) {
  const { api } = cli.session();
  const tweet = await (repost ? api.tweet.repost : api.tweet.unrepost).mutate({ tweetId });
  cli.print(renderTweet(tweet, cli));
}

export function registerRepostCommands(program: Command) {
  program
    .command('repost')
    .description('pass a tweet on to your followers (again is fine), and show your repost with its counts')
    .argument('<tweetId>', 'the tweet to repost', parseId)
    .addHelpText(
      'after',
      `
Your repost shows as timelines show it: "↻ @you reposted · just now (repost 57)" above the tweet.
A repost's id (57 there) stands for the tweet it passes on, here as in unrepost, like, reply and thread.

Examples:
  $ miniter repost 42`,
    )
    .action(action((cli, tweetId: number) => setReposted(cli, tweetId, true)));

  program
    .command('unrepost')
    .description('take your repost of a tweet back, and show the tweet with its reposts')
    .argument('<tweetId>', 'the tweet to stop reposting', parseId)
    .addHelpText('after', "\nA repost's id stands for the tweet it passes on.\n\nExamples:\n  $ miniter unrepost 42")
    .action(action((cli, tweetId: number) => setReposted(cli, tweetId, false)));

  listOptions(
    program
      .command('reposted-by')
      .description('who reposted a tweet, most recent first')
      .argument('<tweetId>', 'the tweet', parseId),
  )
    .addHelpText('after', '\nExamples:\n  $ miniter reposted-by 42 --all')
    .action(
      action(async (cli, tweetId: number, flags: PageFlags) => {
        const page = await readPages(flags, (cursor) =>
          cli.anonymous.tweet.repostedBy.query({ tweetId, cursor, limit: flags.limit }),
        );
        printUsers(cli, page, 'No reposts yet.');
      }),
    );
}
