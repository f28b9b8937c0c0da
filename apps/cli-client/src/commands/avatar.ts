import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parseUser, type UserRef } from '../arguments.ts';
import { action } from '../context.ts';
import { CliError } from '../errors.ts';
import { userIdOrYours } from '../lookup.ts';

export function registerAvatarCommands(program: Command) {
  const avatar = program
    .command('avatar')
    .description('your profile picture')
    .addHelpText(
      'after',
      '\nExamples:\n  $ miniter avatar set face.jpg\n  $ miniter avatar url @kim\n  $ miniter avatar rm',
    );

  avatar
    .command('set')
    .description('upload a PNG, JPEG, WebP or GIF; it is cropped square and stored as WebP')
    .argument('<file>', 'the picture')
    .action(
      action(async (cli, file: string) => {
        const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
          throw new CliError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
        });
        const form = new FormData();
        form.append('file', new File([bytes], basename(file)));
        const { profilePictureUrl } = await cli.session().api.user.uploadProfilePicture.mutate(form);
        cli.print(`Your profile picture is now ${profilePictureUrl}`);
      }),
    );

  avatar
    .command('rm')
    .description('remove your profile picture')
    .action(
      action(async (cli) => {
        await cli.session().api.user.removeProfilePicture.mutate();
        cli.print('Your profile picture is removed.');
      }),
    );

  avatar
    .command('url')
    .description("print a user's picture URL")
    .argument('[user]', 'whose: @handle or id (default: you)', parseUser)
    .option('--json', 'print the raw output for scripts')
    .action(
      action(async (cli, user: UserRef | undefined) => {
        const userId = await userIdOrYours(cli, user);
        const urls = await cli.anonymous.user.profilePicture.query({ userId });
        cli.print(cli.json ? JSON.stringify(urls) : urls.url);
      }),
    );
}
