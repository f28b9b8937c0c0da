import type { Command } from 'commander';
import { listOptions, type PageFlags, parseId, readPages } from '../arguments.ts';
import { action, type Cli } from '../context.ts';
import { renderProfile, renderUsers } from '../format.ts';

/** Follows or unfollows, and names the user, in one batched request. */
async function setFollowing(cli: Cli, userId: number, follow: boolean) {
  const { api } = cli.session();
  const [relationship, user] = await Promise.all([
    follow ? api.follow.follow.mutate({ userId }) : api.follow.unfollow.mutate({ userId }),
    api.user.byId.query({ userId }),
  ]);
  const who = `${cli.colors.bold(user.name)} (#${user.id})`;
  cli.print(relationship.following ? `You follow ${who}.` : `You no longer follow ${who}.`);
}

function registerFollowList(program: Command, direction: 'followers' | 'following', description: string) {
  listOptions(
    program.command(direction).description(description).argument('[userId]', 'whose (default: you)', parseId),
  ).action(
    action(async (cli, userId: number | undefined, flags: PageFlags) => {
      const id = userId ?? cli.session().credentials.userId;
      const page = await readPages(flags, (cursor) =>
        cli.anonymous.follow[direction].query({ userId: id, cursor, limit: flags.limit }),
      );
      if (cli.json) return cli.print(JSON.stringify(page));
      cli.print(
        renderUsers(page.items, cli, direction === 'followers' ? 'No followers yet.' : 'Not following anyone.'),
      );
      if (page.nextCursor) cli.print(cli.colors.dim('… more: --all for everything'));
    }),
  );
}

export function registerPeopleCommands(program: Command) {
  program
    .command('follow')
    .description('follow a user (again is fine)')
    .argument('<userId>', 'whom', parseId)
    .action(action((cli, userId: number) => setFollowing(cli, userId, true)));

  program
    .command('unfollow')
    .description('stop following a user')
    .argument('<userId>', 'whom', parseId)
    .action(action((cli, userId: number) => setFollowing(cli, userId, false)));

  registerFollowList(program, 'followers', 'who follows a user, most recent first');
  registerFollowList(program, 'following', 'whom a user follows, most recent first');

  program
    .command('user')
    .description("a user's profile, with counts")
    .argument('<userId>', 'whose', parseId)
    .option('--json', 'print the raw output for scripts')
    .action(
      action(async (cli, userId: number) => {
        const user = await cli.anonymous.user.byId.query({ userId });
        cli.print(cli.json ? JSON.stringify(user) : renderProfile(user, cli));
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
