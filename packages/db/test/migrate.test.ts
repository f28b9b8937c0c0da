/**
 * Instances started at once on one new MySQL database (a deploy of several) each apply the
 * migrations under a lock on the server: all start, and every migration runs once.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { mysqlMigrations } from '../src/migrations/mysql/index.ts';
import { openOrm } from '../src/orm.ts';
import '../src/testing/index.ts';

const server = inject('mysqlUrl');

describe.skipIf(!server)('migrations on MySQL', () => {
  it('run once when three instances start at once on a database that does not exist yet', async () => {
    const url = new URL(server ?? '');
    url.pathname = `/miniter_test_${randomBytes(6).toString('hex')}`;
    const opened = await Promise.allSettled([1, 2, 3].map(() => openOrm(url.toString(), { poolSize: 2 })));
    const orms = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      expect(opened.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const applied: { name: string }[] =
        (await orms[0]?.em.getConnection().execute('select name from mikro_orm_migrations')) ?? [];
      expect(applied.map((row) => row.name)).toEqual(mysqlMigrations.map((m) => m.name));
    } finally {
      await orms[0]?.schema.dropDatabase();
      await Promise.all(orms.map((orm) => orm.close(true)));
    }
  });
});
