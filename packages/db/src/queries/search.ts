import type { EntityManager } from '@mikro-orm/sql';
import type { Dialect } from '../config.ts';
import { User } from '../entities/user.ts';
import { normalizeQuery } from '../handles.ts';
import { type Page, type PageRequest, toPage } from '../pagination.ts';
import { readConnection } from '../replicas.ts';
import { dialectOfEm } from './dialect.ts';
import { mapColumns, type UserData, userColumns, userRow } from './read-models.ts';
import type { RunSql } from './timeline.ts';

/** Where a result ranks: its handle is the query, starts with it, or a word of its name does. */
const rank = { exactHandle: 1, handlePrefix: 2, namePrefix: 3 } as const;

/** Keyset of a search: the rank, then the user last shown (their handle or name term is looked up). */
export type SearchCursor = [rank: number, userId: number];

export interface UserSearchQuery extends PageRequest<SearchCursor> {
  query: string;
}

/** The most words of a query that must each start a word of the name. */
const maxWords = 4;

/** Handles hold only these: a query with anything else cannot match one. */
const handleAlphabet = /^[a-z0-9_]+$/;

/**
 * "Starts with" over an indexed column, as a range each dialect reads from its index: SQLite
 * compares text by its bytes (a range up to the highest code point), MySQL's `LIKE` with a literal
 * prefix is a range of the index in the column's collation. `%`, `_` and the escape are literal.
 */
export function startsWith(dialect: Dialect, column: string, prefix: string): { sql: string; params: string[] } {
  return dialect === 'sqlite'
    ? { sql: `${column} >= ? and ${column} < ?`, params: [prefix, `${prefix}\u{10ffff}`] }
    : { sql: `${column} like ? escape '!'`, params: [`${prefix.replace(/[!%_]/g, '!$&')}%`] };
}

/**
 * People whose handle is the query, then whose handle starts with it (by handle), then who have a
 * word of their name starting with it (by that word; a query of several words: each starts a word
 * of the name): each a range of an index, read no further than the page, in one statement. A user
 * appears once, at their best rank.
 */
export async function searchUsers(em: EntityManager, query: UserSearchQuery): Promise<Page<UserData>> {
  const connectionType = readConnection(em);
  const rows = await findUserSearchRows(
    (sql, params) => em.execute(sql, [...params], { connectionType }),
    dialectOfEm(em),
    query,
  );
  const page = toPage(rows, query.limit, (row) => [Number(row.r), Number(row.u_id)]);
  return {
    items: page.items.map((row) => mapColumns(em, User, userRow(row)) as UserData),
    nextCursor: page.nextCursor,
  };
}

/** The search's next `limit + 1` users (rows of `userColumns` with their rank `r`): `searchUsers`'s statement. */
export async function findUserSearchRows(
  run: RunSql,
  dialect: Dialect,
  query: UserSearchQuery,
): Promise<Record<string, unknown>[]> {
  const q = normalizeQuery(query.query);
  if (!q) return [];
  const [afterRank, afterUser] = query.after ?? [0, 0];
  const want = query.limit + 1;
  const branches: { sql: string; params: unknown[] }[] = [];
  const handle = startsWith(dialect, 'u.username_key', q);
  const handles = handleAlphabet.test(q);

  if (handles && afterRank < rank.exactHandle) {
    branches.push({
      sql: `select ${rank.exactHandle} as r, u.username_key as k, ${userColumns} from users u where u.username_key = ?`,
      params: [q],
    });
  }
  if (handles && afterRank <= rank.handlePrefix) {
    // Past the query itself (the exact match), or past the handle last shown.
    const after = afterRank === rank.handlePrefix ? '(select username_key from users where id = ?)' : '?';
    branches.push({
      sql:
        `select ${rank.handlePrefix} as r, u.username_key as k, ${userColumns} from users u ` +
        `where ${handle.sql} and u.username_key > ${after} order by u.username_key limit ?`,
      params: [...handle.params, afterRank === rank.handlePrefix ? afterUser : q, want],
    });
  }
  // Names: the query's first word picks the range; each further word (`kim min`) must start a
  // word of the same name too.
  const [first = q, ...more] = q.split(/\s+/).slice(0, maxWords);
  const term = startsWith(dialect, 't.term', first);
  const earlier = startsWith(dialect, 'e.term', first);
  const also = more.map((word) => startsWith(dialect, 'x.term', word));
  // A later page of names: after the pair (term, user) of the user last shown, whose term is the
  // first of theirs that matches (looked up once, joined in).
  const resume =
    afterRank === rank.namePrefix
      ? {
          join: ` join (select min(term) as term from user_search_terms e where e.user_id = ? and ${earlier.sql}) a on 1 = 1`,
          joinParams: [afterUser, ...earlier.params],
          where: ' and (t.term > a.term or (t.term = a.term and t.user_id > ?))',
          whereParams: [afterUser],
        }
      : { join: '', joinParams: [], where: '', whereParams: [] };
  branches.push({
    sql:
      `select ${rank.namePrefix} as r, t.term as k, ${userColumns} from user_search_terms t${resume.join} ` +
      `join users u on u.id = t.user_id where ${term.sql}${resume.where}` +
      // Once per user: at the first of their terms that matches, and not when their handle did.
      ` and not exists (select 1 from user_search_terms e where e.user_id = t.user_id and ${earlier.sql} and e.term < t.term)` +
      also
        .map((word) => ` and exists (select 1 from user_search_terms x where x.user_id = t.user_id and ${word.sql})`)
        .join('') +
      (handles ? ` and not (${handle.sql})` : '') +
      ' order by t.term, t.user_id limit ?',
    params: [
      ...resume.joinParams,
      ...term.params,
      ...resume.whereParams,
      ...earlier.params,
      ...also.flatMap((word) => word.params),
      ...(handles ? handle.params : []),
      want,
    ],
  });

  return run(
    `select * from (${branches.map((b, i) => `select * from (${b.sql}) as b${i}`).join(' union all ')}) as found ` +
      'order by r, k, u_id limit ?',
    [...branches.flatMap((b) => b.params), want],
  );
}
