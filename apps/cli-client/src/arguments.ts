/** Argument parsers for commander: a bad value is a usage error naming the rule. */
import { username } from '@miniter/api/text-fields';
import { isHashtag } from '@miniter/api/tweet-text';
import { type Command, InvalidArgumentError, Option } from 'commander';

export function parseId(value: string): number {
  if (!/^\d{1,10}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a positive whole number');
  return Number(value);
}

/** A user as a command names one: by id, or by handle. */
export type UserRef = { id: number } | { username: string };

/**
 * All digits is an id (`3`); anything else is a handle, with or without its `@` (`@kim`, `kim`).
 * A handle of digits only is written with its `@` (`@1984`).
 */
export function parseUser(value: string): UserRef {
  if (/^\d+$/.test(value)) return { id: parseId(value) };
  const handle = parseHandle(value);
  if (!handle.success) throw new InvalidArgumentError('must be a user id or @handle (letters, digits and _)');
  return { username: handle.data };
}

/** A handle checked by the server's own rule, which drops the `@` in front of it. */
export function parseHandle(value: string) {
  return username.safeParse(value);
}

const withoutHash = (value: string) => (value.startsWith('#') ? value.slice(1) : value);

/**
 * A hashtag, with or without its `#` (`#rust`, `rust`), by the server's own rule (`isHashtag`):
 * letters, digits and `_` in any script, at least one letter or `_` (`#2026` is a number).
 */
export function parseHashtag(value: string): string {
  const tag = withoutHash(value.trim());
  if (!isHashtag(tag)) {
    throw new InvalidArgumentError('must be a hashtag: letters, digits and _ (any script), at least one letter or _');
  }
  return tag;
}

/**
 * The start of a hashtag, `#` optional; empty for all of them. The start may be digits only: the
 * letter a tag needs can come later (`#2026` starts `#2026년`).
 */
export function parseHashtagPrefix(value: string): string {
  const prefix = withoutHash(value.trim());
  if (prefix !== '' && !isHashtag(`_${prefix}`)) {
    throw new InvalidArgumentError('must be the start of a hashtag: letters, digits and _ (any script)');
  }
  return prefix;
}

/** A page size from 1 to `max`, as `--limit` takes it. */
export function limitParser(max: number) {
  return (value: string): number => {
    const limit = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
    if (!(limit >= 1 && limit <= max)) throw new InvalidArgumentError(`must be a whole number from 1 to ${max}`);
    return limit;
  };
}

export const parseLimit = limitParser(100);

export interface PageFlags {
  limit?: number;
  all?: boolean;
}

/**
 * `--limit`, `--all` and `--json` for the commands that read a list; `page` is what the server
 * allows and gives without a limit, for lists whose pages differ from the usual 1–100 items (20).
 */
export function listOptions(command: Command, page = { of: 'items', max: 100, default: 20 }): Command {
  return command
    .addOption(
      new Option('-n, --limit <count>', `${page.of} per page, 1–${page.max} (default ${page.default})`).argParser(
        limitParser(page.max),
      ),
    )
    .option('-a, --all', 'follow the cursor to the end instead of one page')
    .option('--json', 'print the raw output for scripts');
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One page, or with `--all` every page, joined into one. */
export async function readPages<T>(flags: PageFlags, fetch: (cursor?: string) => Promise<Page<T>>): Promise<Page<T>> {
  let page = await fetch();
  if (!flags.all) return page;
  const items = [...page.items];
  while (page.nextCursor) {
    page = await fetch(page.nextCursor);
    items.push(...page.items);
  }
  return { items, nextCursor: null };
}
