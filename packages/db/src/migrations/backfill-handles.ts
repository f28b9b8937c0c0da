/**
 * Gives every account older than handles one derived from its e-mail (`handleBase`, numbered on a
 * clash, by id: the oldest account keeps the plain one) and writes the terms its name is found by.
 * Shared by both dialects' migration; run between adding the columns and making them required.
 */

import { handleBase, handleCandidates, nameSearchTerms, usernameKey } from '../handles.ts';
import type { InsertIgnore } from '../queries/dialect.ts';

type Run = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const batchSize = 500;

/** `insertIgnore` of the migration's dialect: terms that its collation holds equal are one. */
export async function backfillHandles(run: Run, insert: InsertIgnore): Promise<void> {
  const taken = new Set<string>();
  let after = 0;
  for (;;) {
    const users = await run('select id, name, email from users where id > ? order by id limit ?', [after, batchSize]);
    if (!users.length) return;
    const handles = users.map((user) => {
      const base = handleBase(String(user.email));
      let handle = handleCandidates(base).find((candidate) => !taken.has(usernameKey(candidate)));
      for (let n = 11; !handle; n++) if (!taken.has(usernameKey(`${base}${n}`))) handle = `${base}${n}`;
      taken.add(usernameKey(handle));
      return { id: Number(user.id), handle };
    });
    const cases = handles.map(() => 'when ? then ?').join(' ');
    await run(
      `update users set username = case id ${cases} end, username_key = case id ${cases} end ` +
        `where id in (${handles.map(() => '?').join(', ')})`,
      [
        ...handles.flatMap(({ id, handle }) => [id, handle]),
        ...handles.flatMap(({ id, handle }) => [id, usernameKey(handle)]),
        ...handles.map(({ id }) => id),
      ],
    );
    const terms = users.flatMap((user) => nameSearchTerms(String(user.name)).map((term) => [term, Number(user.id)]));
    if (terms.length) {
      await run(
        `${insert.insert} into user_search_terms (term, user_id) values ${terms.map(() => '(?, ?)').join(', ')}` +
          insert.onConflict,
        terms.flat(),
      );
    }
    after = Number(users.at(-1)?.id);
  }
}
