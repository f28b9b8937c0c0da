/** Applies pending migrations to the database named by DATABASE_URL (embedded SQLite when unset). */
import { openOrm } from '../orm.ts';

const orm = await openOrm(process.env.DATABASE_URL, { migrate: false });
const applied = await orm.migrator.up();
console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Database is up to date.');
await orm.close();
