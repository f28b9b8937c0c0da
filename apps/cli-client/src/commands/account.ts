import { type Command, Option } from 'commander';
import { parseHandle } from '../arguments.ts';
import type { Cli } from '../context.ts';
import { action } from '../context.ts';
import { loadCredentials, removeCredentials, saveCredentials } from '../credentials.ts';
import { describeError, sessionExpired } from '../errors.ts';
import { nameAndHandle } from '../format.ts';
import { ask, askPassword, readPasswordFromStdin } from '../input.ts';

interface AccountFlags {
  name?: string;
  handle?: string;
  email?: string;
  bio?: string;
  /** The option's name before handles came, when `bio` was still `profile`. */
  profile?: string;
  passwordStdin?: boolean;
}

/** A prompt's check of a handle, by the server's rule. */
function checkHandle(value: string): string | undefined {
  return parseHandle(value).error?.issues[0]?.message;
}

async function logIn(cli: Cli, email: string, password: string) {
  const session = await cli.anonymous.auth.login.mutate({ email, password });
  saveCredentials(cli.server, {
    token: session.accessToken,
    userId: session.user.id,
    name: session.user.name,
    email: email.trim().toLowerCase(),
    expiresAt: new Date(Date.now() + session.expiresIn * 1000).toISOString(),
  });
  return session.user;
}

export function registerAccountCommands(program: Command) {
  program
    .command('signup')
    .description('create an account, then log in to it')
    .option('--name <name>', 'display name (1–50 characters)')
    .option('--handle <handle>', 'your @handle: 1–30 letters, digits or _ (default: one made from your email)')
    .option('--email <email>', 'email address, used to log in')
    .option('--bio <text>', 'a short bio (optional)')
    .addOption(new Option('--profile <text>').hideHelp())
    .option('--password-stdin', 'read the password from stdin instead of asking')
    .addHelpText(
      'after',
      '\nExamples:\n  $ miniter signup\n  $ printf %s "$PASSWORD" | miniter signup --name Kim --handle kim --email kim@example.com --password-stdin',
    )
    .action(
      action(async (cli, flags: AccountFlags) => {
        const name = await ask(flags.name, '--name', 'Name');
        const handle = await ask(flags.handle, '--handle', 'Handle (empty: one made from your email)', {
          optional: true,
          check: checkHandle,
        });
        const email = await ask(flags.email, '--email', 'Email');
        const password = flags.passwordStdin ? await readPasswordFromStdin() : await askPassword(true);
        const bio = await ask(flags.bio ?? flags.profile, '--bio', 'Bio (optional)', { optional: true });
        await cli.anonymous.auth.signUp.mutate({
          name,
          email,
          password,
          ...(handle ? { username: handle } : {}),
          ...(bio ? { profile: bio } : {}),
        });
        const user = await logIn(cli, email, password);
        cli.print(
          `Welcome, ${cli.colors.bold(user.name)} (@${user.username})! You are user #${user.id}, logged in to ${cli.server}.`,
        );
      }),
    );

  program
    .command('login')
    .description('log in and keep the session for this server')
    .option('--email <email>', 'email address')
    .option('--password-stdin', 'read the password from stdin instead of asking')
    .addHelpText(
      'after',
      '\nExamples:\n  $ miniter login\n  $ miniter login --email kim@example.com --password-stdin < password.txt',
    )
    .action(
      action(async (cli, flags: AccountFlags) => {
        const email = await ask(flags.email, '--email', 'Email');
        const password = flags.passwordStdin ? await readPasswordFromStdin() : await askPassword(false);
        const user = await logIn(cli, email, password);
        cli.print(`Logged in to ${cli.server} as ${cli.colors.bold(user.name)} (@${user.username}).`);
      }),
    );

  program
    .command('logout')
    .description('end the session on the server and forget it here')
    .action(
      action(async (cli) => {
        if (!loadCredentials(cli.server)) return cli.print(`You were not logged in to ${cli.server}.`);
        // Revoke the token on the server first; a session that already expired there is fine.
        await cli
          .session()
          .api.auth.logout.mutate()
          .catch((error: unknown) => {
            if (describeError(error, cli.server, true) !== sessionExpired) throw error;
          });
        removeCredentials(cli.server);
        cli.print(`Logged out of ${cli.server}.`);
      }),
    );

  program
    .command('whoami')
    .description('show who you are logged in as')
    .option('--json', 'print the raw output for scripts')
    .action(
      action(async (cli) => {
        const me = await cli.session().api.user.me.query();
        cli.print(
          cli.json
            ? JSON.stringify(me)
            : `${nameAndHandle(me, cli.colors)} <${me.email}> ${cli.colors.dim(`#${me.id} on ${cli.server}`)}`,
        );
      }),
    );
}
