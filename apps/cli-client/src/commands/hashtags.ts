import { type Command, Option } from 'commander';
import { listOptions, type PageFlags, parseHashtag, parseHashtagPrefix, parseLimit, readPages } from '../arguments.ts';
import { action } from '../context.ts';
import { renderHashtags } from '../format.ts';
import { printTweets } from './tweets.ts';

/** What `timeline.hashtags` gives without a limit, and the most it gives. */
const tagsPage = { default: 10, max: 100 };

export function registerHashtagCommands(program: Command) {
  listOptions(
    program
      .command('tag')
      .description('the tweets carrying a hashtag, newest first (no account needed)')
      .argument('<tag>', 'the hashtag, with or without its #, in any case', parseHashtag),
  )
    .addHelpText(
      'after',
      `
A hashtag is letters, digits and _ in any script, with at least one letter or _ (#2026 is a number).

Examples:
  $ miniter tag rust
  $ miniter tag '#한국어' --all --json`,
    )
    .action(
      action(async (cli, tag: string, flags: PageFlags) => {
        const page = await readPages(flags, (cursor) =>
          cli.reader().timeline.hashtag.query({ tag, cursor, limit: flags.limit }),
        );
        printTweets(cli, page, `No tweets with #${tag} yet.`);
      }),
    );

  program
    .command('tags')
    .description('the hashtags that start with a prefix, sorted (no account needed)')
    .argument('[prefix]', 'the start of a hashtag, # optional, any case (none: all of them)', parseHashtagPrefix, '')
    .addOption(
      new Option('-n, --limit <count>', `hashtags to list, 1–${tagsPage.max} (default ${tagsPage.default})`).argParser(
        parseLimit,
      ),
    )
    .option('--json', 'print the raw output for scripts')
    .addHelpText('after', '\nExamples:\n  $ miniter tags ru\n  $ miniter tags "#한" --limit 50 --json')
    .action(
      action(async (cli, prefix: string, flags: { limit?: number }) => {
        const query = (limit?: number) => cli.anonymous.timeline.hashtags.query({ query: prefix, limit });
        if (cli.json) return cli.print(JSON.stringify(await query(flags.limit)));
        const limit = flags.limit ?? tagsPage.default;
        // One more than is shown says whether there are more.
        const { items } = await query(Math.min(limit + 1, tagsPage.max));
        const empty = prefix ? `No hashtags start with #${prefix}.` : 'No hashtags yet.';
        cli.print(renderHashtags(items.slice(0, limit), cli, empty));
        if (items.length > limit) cli.print(cli.colors.dim('… more: a larger --limit, or a longer prefix'));
        else if (items.length === tagsPage.max)
          cli.print(cli.colors.dim('… perhaps more: a longer prefix narrows them'));
      }),
    );
}
