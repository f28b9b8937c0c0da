import { Command, Option } from 'commander';
import { registerAccountCommands } from './commands/account.ts';
import { registerAvatarCommands } from './commands/avatar.ts';
import { registerPeopleCommands } from './commands/people.ts';
import { registerTweetCommands } from './commands/tweets.ts';
import { defaultServer } from './context.ts';

/** The whole command tree; each group of commands lives in its own module under commands/. */
export function buildProgram(): Command {
  const program = new Command('miniter')
    .description('Miniter from the terminal: tweet, follow, and read timelines.')
    .addOption(new Option('-s, --server <url>', `the Miniter server (default: $MINITER_URL or ${defaultServer})`))
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ miniter signup                      create an account (asks for the details)
  $ miniter tweet "hello, miniter"      post
  $ miniter follow 3                    follow user #3
  $ miniter timeline --limit 10         read your home timeline
  $ miniter timeline --follow           and keep reading as tweets arrive (Ctrl-C to stop)
  $ miniter avatar set face.jpg         set your profile picture
  $ miniter timeline --all --json | jq '.items | length'

Sessions are kept per server in $XDG_CONFIG_HOME/miniter/credentials.json (~/.config/miniter/).`,
    );
  registerAccountCommands(program);
  registerTweetCommands(program);
  registerPeopleCommands(program);
  registerAvatarCommands(program);
  return program;
}
