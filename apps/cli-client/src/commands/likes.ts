import type { Command } from 'commander';
import { listOptions, type PageFlags, parseId, readPages } from '../arguments.ts';
import { action, type Cli } from '../context.ts';
import { renderTweet } from '../format.ts';
import { printUsers } from './people.ts';
import { printTweets } from './tweets.ts';

/** Likes or unlikes, and shows the tweet as it now is, its count included. */
async function setLiked(cli: Cli, tweetId: number, like: boolean) {
  const { api } = cli.session();
  const tweet = await (like ? api.tweet.like : api.tweet.unlike).mutate({ tweetId });
  cli.print(renderTweet(tweet, cli));
}

export function registerLikeCommands(program: Command) {
  program
    .command('like')
    .description('like a tweet (again is fine), and show it with its likes')
    .argument('<tweetId>', 'the tweet to like', parseId)
    .addHelpText('after', '\nExamples:\n  $ miniter like 42')
    .action(action((cli, tweetId: number) => setLiked(cli, tweetId, true)));

  program
    .command('unlike')
    .description('take your like of a tweet back, and show it with its likes')
    .argument('<tweetId>', 'the tweet to unlike', parseId)
    .action(action((cli, tweetId: number) => setLiked(cli, tweetId, false)));

  listOptions(program.command('likes').description('the tweets you liked, most recent like first'))
    .addHelpText('after', '\nExamples:\n  $ miniter likes\n  $ miniter likes --all --json')
    .action(
      action(async (cli, flags: PageFlags) => {
        const { api } = cli.session();
        const page = await readPages(flags, (cursor) => api.timeline.likes.query({ cursor, limit: flags.limit }));
        printTweets(cli, page, 'No likes yet. Like a tweet: miniter like <tweetId>');
      }),
    );

  listOptions(
    program
      .command('liked-by')
      .description('who liked a tweet, most recent first')
      .argument('<tweetId>', 'the tweet', parseId),
  )
    .addHelpText('after', '\nExamples:\n  $ miniter liked-by 42 --all')
    .action(
      action(async (cli, tweetId: number, flags: PageFlags) => {
        const page = await readPages(flags, (cursor) =>
          cli.anonymous.tweet.likedBy.query({ tweetId, cursor, limit: flags.limit }),
        );
        printUsers(cli, page, 'No likes yet.');
      }),
    );
}
