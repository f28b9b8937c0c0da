import type { Command } from 'commander';
import { listOptions, type PageFlags, parseUser, readPages, type UserRef } from '../arguments.ts';
import { action, type Cli } from '../context.ts';
import { nameAndHandle, type PublicUser, renderProfile, renderUsers } from '../format.ts';
import { profileOf, userIdOrYours, withProfile } from '../lookup.ts';

/** Follows or unfollows, and names the user. */
async function setFollowing(cli: Cli, ref: UserRef, follow: boolean) {
  const { api } = cli.session();
  const [user, relationship] = await withProfile(api, ref, (userId) =>
    follow ? api.follow.follow.mutate({ userId }) : api.follow.unfollow.mutate({ userId }),
  );
  const who = nameAndHandle(user, cli.colors);
  cli.print(relationship.following ? `You follow ${who}.` : `You no longer follow ${who}.`);
}

export function printUsers(cli: Cli, page: { items: PublicUser[]; nextCursor: string | null }, empty: string) {
  if (cli.json) return cli.print(JSON.stringify(page));
  cli.print(renderUsers(page.items, cli, empty));
  if (page.nextCursor) cli.print(cli.colors.dim('… more: --all for everything'));
}

function registerFollowList(program: Command, direction: 'followers' | 'following', description: string) {
  listOptions(
    program
      .command(direction)
      .description(description)
      .argument('[user]', 'whose: @handle or id (default: you)', parseUser),
  ).action(
    action(async (cli, user: UserRef | undefined, flags: PageFlags) => {
      const userId = await userIdOrYours(cli, user);
      const page = await readPages(flags, (cursor) =>
        cli.anonymous.follow[direction].query({ userId, cursor, limit: flags.limit }),
      );
      printUsers(cli, page, direction === 'followers' ? 'No followers yet.' : 'Not following anyone.');
    }),
  );
}

export function registerPeopleCommands(program: Command) {
  program
    .command('follow')
    .description('follow a user (again is fine)')
    .argument('<user>', 'whom: @handle or id', parseUser)
    .addHelpText('after', '\nExamples:\n  $ miniter follow @kim\n  $ miniter follow 3')
    .action(action((cli, user: UserRef) => setFollowing(cli, user, true)));

  program
    .command('unfollow')
    .description('stop following a user')
    .argument('<user>', 'whom: @handle or id', parseUser)
    .action(action((cli, user: UserRef) => setFollowing(cli, user, false)));

  registerFollowList(program, 'followers', 'who follows a user, most recent first');
  registerFollowList(program, 'following', 'whom a user follows, most recent first');

  listOptions(
    program
      .command('search')
      .description('find people: an exact @handle first, then handles, then names that start with the query')
      .argument('<query>', 'the start of a handle or of a word in a name (Korean: any syllables, or 초성)'),
  )
    .addHelpText('after', '\nExamples:\n  $ miniter search kim\n  $ miniter search ㄱㅁㅈ --all --json')
    .action(
      action(async (cli, query: string, flags: PageFlags) => {
        const page = await readPages(flags, (cursor) =>
          cli.anonymous.user.search.query({ query, cursor, limit: flags.limit }),
        );
        printUsers(cli, page, `No one matches “${query}”.`);
      }),
    );

  program
    .command('user')
    .description("a user's profile, with counts")
    .argument('<user>', 'whose: @handle or id', parseUser)
    .option('--json', 'print the raw output for scripts')
    .addHelpText('after', '\nExamples:\n  $ miniter user @kim\n  $ miniter user 3 --json')
    .action(
      action(async (cli, user: UserRef) => {
        const profile = await profileOf(cli.anonymous, user);
        cli.print(cli.json ? JSON.stringify(profile) : renderProfile(profile, cli));
      }),
    );

  program
    .command('ping')
    .description('check that the server answers')
    .option('--json', 'print the raw output for scripts')
    .action(
      action(async (cli) => {
        const started = performance.now();
        const answer = await cli.anonymous.health.ping.query();
        const ms = Math.round(performance.now() - started);
        cli.print(cli.json ? JSON.stringify(answer) : `${answer} from ${cli.server} in ${ms} ms`);
      }),
    );
}
