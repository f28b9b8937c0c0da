import type { EntityManager } from '@mikro-orm/sql';
import { Follow } from '../entities/follow.ts';
import { Tweet } from '../entities/tweet.ts';
import { type Page, type PageRequest, toPage } from '../pagination.ts';

export interface TimelineQuery extends PageRequest<number> {
  userId: number;
  /** Also the tweets of everyone `userId` follows (the book's timeline), not only their own. */
  includeFollowed: boolean;
}

/**
 * Tweets newest first (by id, which grows with time), keyed by tweet id. Each tweet appears once:
 * the follow set is a subquery, not a join that would repeat a tweet per matching row.
 */
export async function findTimeline(em: EntityManager, query: TimelineQuery): Promise<Page<Tweet>> {
  const authors = query.includeFollowed
    ? {
        $or: [
          { author: query.userId },
          { author: { $in: em.createQueryBuilder(Follow, 'f').select('f.followed').where({ user: query.userId }) } },
        ],
      }
    : { author: query.userId };
  const rows = await em.find(
    Tweet,
    query.after === undefined ? authors : { $and: [authors, { id: { $lt: query.after } }] },
    { orderBy: { id: 'desc' }, limit: query.limit + 1, populate: ['author'] },
  );
  return toPage(rows, query.limit, (t) => [t.id]);
}
