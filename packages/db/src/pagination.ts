/**
 * Opaque keyset cursors: a short tuple of non-negative integers, base64url-encoded so clients
 * treat it as a token. Keyset (not OFFSET) keeps pages stable while new rows arrive.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest<K> {
  after?: K;
  limit: number;
}

export function encodeCursor(key: readonly number[]): string {
  return Buffer.from(key.join('.')).toString('base64url');
}

/** The cursor's integers, or null when it was not made by `encodeCursor` with `arity` parts. */
export function decodeCursor(cursor: string, arity: number): number[] | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return null;
  const parts = Buffer.from(cursor, 'base64url').toString().split('.');
  if (parts.length !== arity || !parts.every((p) => /^\d{1,15}$/.test(p))) return null;
  return parts.map(Number);
}

/** Rows were fetched with `limit + 1`: the extra row only says that another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (last: T) => readonly number[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
