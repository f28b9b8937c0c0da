import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from '../src/testing/index.ts';

describe.each(testDialects())('migrations on %s', (dialect) => {
  it('apply from empty and leave nothing for the entities to change', async () => {
    const db = await createTestDatabase(dialect);
    try {
      const executed = await db.orm.migrator.getExecuted();
      expect(executed.length).toBeGreaterThan(0);
      expect(await db.orm.migrator.getPending()).toEqual([]);
      // The entities and the migrated schema agree: no further migration is needed.
      expect(await db.orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await db.close();
    }
  });
});
