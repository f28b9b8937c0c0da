import type { Command } from 'commander';
import { listOptions, type PageFlags, parseId, readPages } from '../arguments.ts';
import { action, type Cli } from '../context.ts';
import { renderThread, type Thread } from '../format.ts';
import { postTweet } from './tweets.ts';

/**
 * A tweet's thread with one page of its replies, or with `--all` every page: the tweet and what it
 * answers come with each page, so the first page's are kept and the later pages' replies added.
 * A repost answers nothing and has no replies: its thread is that of the tweet it passes on.
 */
async function readThread(cli: Cli, tweetId: number, flags: PageFlags): Promise<Thread> {
  const query = (id: number, cursor?: string) =>
    cli.reader().tweet.context.query({ tweetId: id, cursor, limit: flags.limit });
  let first = await query(tweetId);
  if (first.tweet.repostOf) first = await query(first.tweet.repostOf.id);
  const { id } = first.tweet;
  const replies = await readPages(flags, async (cursor) => {
    const page = cursor === undefined ? first : await query(id, cursor);
    return { items: page.descendants, nextCursor: page.nextCursor };
  });
  return { ...first, descendants: replies.items, nextCursor: replies.nextCursor };
}

export function registerReplyCommands(program: Command) {
  program
    .command('reply')
    .description('reply to a tweet (1–300 characters)')
    .argument('<tweetId>', 'the tweet to answer', parseId)
    .argument('<text>', 'what to say, or - to read it from stdin')
    .addHelpText('after', '\nExamples:\n  $ miniter reply 42 "me too"\n  $ fortune | miniter reply 42 -')
    .action(action((cli, tweetId: number, text: string) => postTweet(cli, text, tweetId)));

  listOptions(
    program
      .command('thread')
      .description('a tweet in its conversation: what it answers, then its replies (no account needed)')
      .argument('<tweetId>', 'the tweet', parseId),
    { of: 'replies', max: 200, default: 60 },
  )
    .addHelpText(
      'after',
      `
What the tweet answers comes first, oldest first; the tweet is marked ◀; its replies follow, each
two columns further in than the tweet it answers. "✕ tweet 7 was deleted" on top: the conversation
went on from a tweet that is gone. A repost's id shows the thread of the tweet it passes on.

Examples:
  $ miniter thread 42
  $ miniter thread 42 --all --json`,
    )
    .action(
      action(async (cli, tweetId: number, flags: PageFlags) => {
        const thread = await readThread(cli, tweetId, flags);
        if (cli.json) return cli.print(JSON.stringify(thread));
        cli.print(renderThread(thread, cli));
        if (thread.nextCursor)
          cli.print(cli.colors.dim('\n… more replies: --all for all of them, or a larger --limit'));
      }),
    );
}
