/** Hashtags: a tag's tweets, newest first, and the tags that start with what someone types. */
import type { EntityManager } from '@mikro-orm/sql';
import { readConnection } from '../replicas.ts';
import { dialectOfEm } from './dialect.ts';
import { startsWith } from './search.ts';
import {
  idBounds,
  pageOfRows,
  readOrder,
  shownWith,
  type TimelinePage,
  type TweetPage,
  tweetPageOf,
} from './timeline.ts';

/**
 * The tweets carrying the tag whose key is `tag`, newest first: a range of `tweet_hashtags`'s
 * primary key (tag, tweet), then the page's rows by primary key.
 */
export async function findHashtagTimeline(em: EntityManager, tag: string, query: TimelinePage): Promise<TweetPage> {
  const bounds = idBounds(query, 'tweet_id');
  const order = readOrder(query);
  const shown = shownWith(query);
  const rows = await em.execute(
    `select ${shown.columns} from (select tweet_id from tweet_hashtags ` +
      `where ${['hashtag_id = (select id from hashtags where name = ?)', ...bounds.sql].join(' and ')} ` +
      `order by tweet_id ${order} limit ?) as w join tweets as t on t.id = w.tweet_id ${shown.join} order by t.id ${order}`,
    [...shown.params, tag, ...bounds.params, query.limit + 1],
    { connectionType: readConnection(em) },
  );
  return tweetPageOf(
    em,
    pageOfRows(rows, query, (row) => Number(row.id)),
    query,
  );
}

/** Up to `limit` tags whose key starts with `prefix` (a key), in order. */
export async function searchHashtags(em: EntityManager, prefix: string, limit: number): Promise<string[]> {
  const range = startsWith(dialectOfEm(em), 'name', prefix);
  const rows = await em.execute(
    `select name from hashtags where ${range.sql} order by name limit ?`,
    [...range.params, limit],
    { connectionType: readConnection(em) },
  );
  return rows.map((row) => String(row.name));
}
