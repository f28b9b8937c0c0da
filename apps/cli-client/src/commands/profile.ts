import type { Command } from 'commander';
import { action } from '../context.ts';
import { renderAccount } from '../format.ts';

interface ProfileFlags {
  name?: string;
  handle?: string;
  bio?: string;
}

export function registerProfileCommand(program: Command) {
  program
    .command('profile')
    .description('show your name, handle and bio; with options, change them')
    .option('--name <name>', 'display name (1–50 characters)')
    .option('--handle <handle>', 'a new @handle: 1–30 letters, digits or _ (the old one is then free)')
    .option('--bio <text>', 'a short bio ("" to clear it)')
    .option('--json', 'print the raw output for scripts')
    .addHelpText(
      'after',
      '\nExamples:\n  $ miniter profile\n  $ miniter profile --handle kim_minji --bio "커피와 등산"\n  $ miniter profile --bio ""',
    )
    .action(
      action(async (cli, { name, handle, bio }: ProfileFlags) => {
        const { api } = cli.session();
        const changes = {
          ...(name === undefined ? {} : { name }),
          ...(handle === undefined ? {} : { username: handle }),
          ...(bio === undefined ? {} : { profile: bio }),
        };
        const edit = Object.keys(changes).length > 0;
        const account = edit ? await api.user.updateProfile.mutate(changes) : await api.user.me.query();
        if (cli.json) return cli.print(JSON.stringify(account));
        cli.print(`${edit ? 'Your profile is updated:\n' : ''}${renderAccount(account, cli)}`);
      }),
    );
}
