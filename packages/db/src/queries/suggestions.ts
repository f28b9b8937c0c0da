import type { EntityManager } from '@mikro-orm/sql';
import { User } from '../entities/user.ts';
import { readConnection } from '../replicas.ts';
import { mapColumns, type UserData, userColumns, userRow } from './read-models.ts';
import type { RunSql } from './timeline.ts';

/**
 * Friends of friends are counted over this many of the reader's most recent follows: enough to
 * reflect their taste, and a bound on the work for someone who follows thousands.
 */
const recentFolloweesMax = 50;

export interface SuggestionQuery {
  userId: number;
  limit: number;
  /** The most followed accounts, most followed first (`findMostFollowedIds`): what fills the rest. */
  popular: readonly number[];
}

/** People `userId` might follow, as plain data in order: see `findSuggestionRows`. */
export async function findSuggestions(em: EntityManager, query: SuggestionQuery): Promise<UserData[]> {
  const connectionType = readConnection(em);
  const rows = await findSuggestionRows((sql, params) => em.execute(sql, [...params], { connectionType }), query);
  return rows.map((row) => mapColumns(em, User, userRow(row)) as UserData);
}

/**
 * Those most followed by the people `userId` follows lately, then the most followed overall; never
 * `userId` or someone they follow. Two statements: the candidates, then their users.
 */
export async function findSuggestionRows(run: RunSql, query: SuggestionQuery): Promise<Record<string, unknown>[]> {
  const { userId, limit, popular } = query;
  const notFollowed = (column: string) =>
    `${column} <> ? and not exists (select 1 from users_follow_list m where m.user_id = ? and m.follow_user_id = ${column})`;
  const candidates = await run(
    'select id, max(score) as score from (' +
      'select f2.follow_user_id as id, count(*) + ? as score from ' +
      `(select follow_user_id from users_follow_list where user_id = ? order by created_at desc limit ${recentFolloweesMax}) f1 ` +
      `join users_follow_list f2 on f2.user_id = f1.follow_user_id where ${notFollowed('f2.follow_user_id')} ` +
      'group by f2.follow_user_id' +
      (popular.length
        ? ` union all select id, ? - ${popularOrder(popular)} from users where id in (${placeholders(popular)}) and ${notFollowed('id')}`
        : '') +
      ') as c group by id order by score desc, id limit ?',
    [
      popular.length,
      userId,
      userId,
      userId,
      ...(popular.length ? [popular.length, ...popular, ...popular, userId, userId] : []),
      limit,
    ],
  );
  if (!candidates.length) return [];
  const ids = candidates.map((row) => Number(row.id));
  const users = await run(`select ${userColumns} from users u where u.id in (${placeholders(ids)})`, ids);
  const byId = new Map(users.map((row) => [Number(row.u_id), row] as const));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The position of `id` in `popular` (0 first), as SQL over its parameters. */
const popularOrder = (popular: readonly number[]) =>
  `(case id ${popular.map((_, i) => `when ? then ${i}`).join(' ')} end)`;

/**
 * The `limit` most followed accounts, most followed first: a scan of the followers index, so callers
 * keep the answer a while rather than ask per request.
 */
export async function findMostFollowedIds(em: EntityManager, limit: number): Promise<number[]> {
  const rows = await em.execute(
    'select follow_user_id as id, count(*) as n from users_follow_list group by follow_user_id order by n desc, id limit ?',
    [limit],
    { connectionType: readConnection(em) },
  );
  return rows.map((row) => Number(row.id));
}
