/** Mastodon's Tag (a hashtag) and Status's Mention. */
import { z } from 'zod';
import { always, entityId } from './common.ts';

export const tagSchema = z
  .object({
    name: z.string().meta({ description: 'The hashtag, without its `#`, in lower case', example: '서울' }),
    url: z.url().meta({ description: "The hashtag's page" }),
    history: z.array(z.unknown()).max(0).meta({ description: 'Always empty: usage is not counted by day' }),
    following: always(false, 'hashtags are not followed'),
  })
  .meta({ id: 'Tag' });

export type Tag = z.infer<typeof tagSchema>;

export const toTag = (name: string, origin: string): Tag => ({
  name,
  url: `${origin}/tags/${encodeURIComponent(name)}`,
  history: [],
  following: false,
});

export const mentionSchema = z
  .object({
    id: entityId("The account's id"),
    username: z.string(),
    acct: z.string().meta({ description: 'The username: every account is local' }),
    url: z.url().meta({ description: "The account's page" }),
  })
  .meta({ id: 'StatusMention' });

export const toMention = ({ id, username }: { id: number; username: string }, origin: string) => ({
  id: String(id),
  username,
  acct: username,
  url: `${origin}/@${username}`,
});
