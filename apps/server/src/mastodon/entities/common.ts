/** Pieces the entities' schemas share: ids as Mastodon writes them, and what Miniter answers constant. */
import { z } from 'zod';

/** An id as Mastodon sends it: a string of digits. */
export const entityId = (description: string) =>
  z
    .string()
    .regex(/^\d+$/)
    .meta({ description: `${description}: a string of digits`, example: '1' });

/** A value that is always the same here: Miniter has none of the feature it would vary with. */
export const always = <T extends string | number | boolean>(value: T, why: string) =>
  z.literal(value).meta({ description: `Always ${JSON.stringify(value)}: ${why}` });

/** A value that is always null, for the same reason. */
export const alwaysNull = (why: string) => z.null().meta({ description: `Always null: ${why}` });

/** A list that is always empty, for the same reason. */
export const none = (what: string) =>
  z
    .array(z.unknown())
    .max(0)
    .meta({ description: `Always empty: ${what}` });
