/**
 * Whether you follow someone, asked for many people at once: the lookups a page makes while it
 * renders (a people list's Follow buttons) are gathered into one `follow.relationships` call of at
 * most 100 ids, rather than one call per button.
 */
import type { RouterOutputs } from '@miniter/api/client';

export type Relationship = RouterOutputs['follow']['relationship'];

/** The most ids one `follow.relationships` call takes (its input schema's bound, `userIdsInput`). */
export const maxIdsPerCall = 100;

type Waiting = { resolve: (relationship: Relationship) => void; reject: (error: unknown) => void };

export function relationshipBatcher(fetch: (userIds: number[]) => Promise<Relationship[]>) {
  let waiting = new Map<number, Waiting[]>();
  const send = (batch: [number, Waiting[]][]) =>
    fetch(batch.map(([userId]) => userId)).then(
      (relationships) => {
        for (const [index, [userId, callers]] of batch.entries()) {
          const answer = relationships[index] ?? { userId, following: false };
          for (const caller of callers) caller.resolve(answer);
        }
      },
      (error: unknown) => {
        for (const [, callers] of batch) for (const caller of callers) caller.reject(error);
      },
    );
  const flush = () => {
    const all = [...waiting];
    waiting = new Map();
    for (let start = 0; start < all.length; start += maxIdsPerCall) void send(all.slice(start, start + maxIdsPerCall));
  };
  return (userId: number) =>
    new Promise<Relationship>((resolve, reject) => {
      // The first lookup of a render waits for the rest of it: they all start within one task.
      if (waiting.size === 0) setTimeout(flush, 0);
      waiting.set(userId, [...(waiting.get(userId) ?? []), { resolve, reject }]);
    });
}
