import { Command, Option } from 'commander';
import { registerAccountCommands } from './commands/account.ts';
import { registerAvatarCommands } from './commands/avatar.ts';
import { registerHashtagCommands } from './commands/hashtags.ts';
import { registerLikeCommands } from './commands/likes.ts';
import { registerPeopleCommands } from './commands/people.ts';
import { registerProfileCommand } from './commands/profile.ts';
import { registerReplyCommands } from './commands/replies.ts';
import { registerRepostCommands } from './commands/reposts.ts';
import { registerTweetCommands } from './commands/tweets.ts';
import { defaultServer } from './context.ts';

/** The whole command tree; each group of commands lives in its own module under commands/. */
export function buildProgram(): Command {
  const program = new Command('miniter')
    .description(
      'Miniter from the terminal: tweet, reply, find people, follow them, like and repost tweets, and read timelines, threads and hashtags.',
    )
    .addOption(new Option('-s, --server <url>', `the Miniter server (default: $MINITER_URL or ${defaultServer})`))
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ miniter signup                      create an account (asks for the details)
  $ miniter tweet "hello, miniter"      post
  $ miniter reply 42 "me too"           answer tweet 42
  $ miniter thread 42                   read tweet 42 in its conversation, replies indented
  $ miniter explore                     read everyone's tweets
  $ miniter search kim                  find people by handle or name
  $ miniter tag rust                    read the tweets tagged #rust
  $ miniter tags ru                     list the hashtags that start with ru
  $ miniter follow @kim                 follow @kim (or a user id: miniter follow 3)
  $ miniter timeline --limit 10         read your home timeline
  $ miniter timeline --follow           and keep reading as tweets arrive (Ctrl-C to stop)
  $ miniter like 42                     like tweet 42 (unlike 42 takes it back)
  $ miniter likes                       the tweets you liked
  $ miniter repost 42                   pass tweet 42 on to your followers (unrepost 42 takes it back)
  $ miniter profile --bio "hello"       change your bio (or --name, --handle)
  $ miniter avatar set face.jpg         set your profile picture
  $ miniter timeline --all --json | jq '.items | length'

A tweet shows its likes as ♥ 3, with "(you liked it)" when you did, its replies as ↩ 2, and its
reposts as ↻ 1, with "(you reposted it)" when you did; a reply says whom it answers ("replying to
@kim"), and a repost who passed the tweet on, above it ("↻ @kim reposted · 2m ago (repost 57)").
On a terminal, #hashtags and the @mentions that name an account are in colour.
A command that takes a user takes an @handle (@kim, or kim) or an id (3); a handle of digits only needs its @.
Sessions are kept per server in $XDG_CONFIG_HOME/miniter/credentials.json (~/.config/miniter/).`,
    );
  registerAccountCommands(program);
  registerTweetCommands(program);
  registerReplyCommands(program);
  registerLikeCommands(program);
  registerRepostCommands(program);
  registerHashtagCommands(program);
  registerPeopleCommands(program);
  registerProfileCommand(program);
  registerAvatarCommands(program);
  return program;
}
