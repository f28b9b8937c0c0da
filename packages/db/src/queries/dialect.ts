import { type EntityManager, SqlitePlatform } from '@mikro-orm/sql';
import type { Dialect } from '../config.ts';

/** Which dialect an EntityManager speaks, for the few statements the two write differently. */
export const dialectOfEm = (em: EntityManager): Dialect =>
  em.getPlatform() instanceof SqlitePlatform ? 'sqlite' : 'mysql';

export interface InsertIgnore {
  insert: string;
  onConflict: string;
}

/**
 * An insert whose rows that would repeat a key are skipped, in each dialect's words: the statement's
 * head and tail around `into … values …`.
 */
export const insertIgnoreIn = (dialect: Dialect): InsertIgnore =>
  dialect === 'sqlite'
    ? { insert: 'insert', onConflict: ' on conflict do nothing' }
    : { insert: 'insert ignore', onConflict: '' };

export const insertIgnore = (em: EntityManager) => insertIgnoreIn(dialectOfEm(em));
