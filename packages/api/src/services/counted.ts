import type { EntityManager } from '@miniter/db';

/**
 * What `count` finds, kept per database for `ttlMs` in this process: for figures whose statement
 * scans too much to run on every call that shows them. A result `keep` declines, or a failure, is not
 * kept: the next call counts again.
 */
export function countedPerDatabase<T>(
  ttlMs: number,
  count: (em: EntityManager) => Promise<T>,
  keep: (found: T) => boolean = () => true,
): (em: EntityManager) => Promise<T> {
  const kept = new WeakMap<object, { found: Promise<T>; until: number }>();
  return (em) => {
    const key = em.getDriver();
    const cached = kept.get(key);
    if (cached && cached.until > Date.now()) return cached.found;
    const found = count(em);
    kept.set(key, { found, until: Date.now() + ttlMs });
    found.then(
      (value) => keep(value) || kept.delete(key),
      () => kept.delete(key),
    );
    return found;
  };
}
