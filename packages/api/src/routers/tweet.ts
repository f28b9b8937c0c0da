import type { TRPCRouterRecord } from '@trpc/server';
import { contextInput, likedByInput, tweetIdInput, tweetInput } from '../schemas.ts';
import { likeTweet, tweetPeople, unlikeTweet } from '../services/likes.ts';
import { repostTweet, unrepostTweet } from '../services/reposts.ts';
import { createTweet, deleteTweet, getThread, getTweet } from '../services/tweets.ts';
import { likerPage, reposterPage, thread, tweet } from '../shape.ts';
import { idempotent, protectedProcedure, publicProcedure, readerIdOf } from '../trpc.ts';
import { pageOf, userTweetsQuery } from './timeline.ts';

/** A like's or repost's change: idempotent, so safe to repeat; answers a tweet as it is now. */
const tweetChange = (change: typeof likeTweet, scope: 'write:favourites' | 'write:statuses') =>
  protectedProcedure
    .meta({ retrySafe: 'repeat', scope })
    .input(tweetIdInput)
    .mutation(async ({ ctx, input }) => tweet(await change(ctx.em, ctx.user, input.tweetId), ctx.media));

export const tweetRouter = {
  /** Posts a tweet, or a reply with `inReplyToId`. Honours `Idempotency-Key`: a retried post is written once. */
  create: protectedProcedure
    .meta({ retrySafe: 'key', scope: 'write:statuses' })
    .input(tweetInput)
    .mutation(async ({ ctx, input, path }) => {
      const created = await idempotent(ctx, { path, input }, async (em) =>
        tweet(await createTweet(em, ctx.user, input.text, input.inReplyToId), ctx.media),
      );
      ctx.live?.written();
      return created;
    }),

  /** Honours `Idempotency-Key`: a retried deletion answers as the first did, not NOT_FOUND. */
  delete: protectedProcedure
    .meta({ retrySafe: 'key', scope: 'write:statuses' })
    .input(tweetIdInput)
    .mutation(async ({ ctx, input, path }) => {
      const deleted = await idempotent(ctx, { path, input }, async (em) => {
        await deleteTweet(em, ctx.user, input.tweetId);
        return { id: input.tweetId };
      });
      ctx.live?.written();
      return deleted;
    }),

  /** One tweet, by id. */
  byId: publicProcedure
    .input(tweetIdInput)
    .query(async ({ ctx, input }) =>
      tweet(await getTweet(ctx.em, input.tweetId, await readerIdOf(ctx, ctx.em)), ctx.media),
    ),

  /**
   * A tweet's thread: the tweet, what it answers up the chain (`ancestors`, oldest first), and the
   * replies below it (`descendants`, depth first with each one's `depth`), paged by `nextCursor`.
   */
  context: publicProcedure.input(contextInput).query(async ({ ctx, input }) => {
    const readerId = await readerIdOf(ctx, ctx.em);
    const query = { tweetId: input.tweetId, after: input.cursor, limit: input.limit, readerId };
    return thread(await getThread(ctx.em, query), ctx.media);
  }),

  /** Likes a tweet (idempotent: a second like changes nothing); answers the tweet with its count. */
  like: tweetChange(likeTweet, 'write:favourites'),

  /** Takes your like back (idempotent too); answers the tweet with its count. */
  unlike: tweetChange(unlikeTweet, 'write:favourites'),

  /** Who liked a tweet, most recent first. */
  likedBy: publicProcedure
    .input(likedByInput)
    .query(async ({ ctx, input }) =>
      likerPage(await tweetPeople(ctx.em, 'likes', input.tweetId, pageOf(input)), ctx.media),
    ),

  /**
   * Reposts a tweet (of a repost: its tweet; idempotent, as a like): answers your repost, which
   * carries the tweet (`repostOf`) with its count.
   */
  repost: tweetChange(repostTweet, 'write:statuses'),

  /** Takes your repost back (idempotent too); answers the tweet with its count. */
  unrepost: tweetChange(unrepostTweet, 'write:statuses'),

  /** Who reposted a tweet, most recent first. */
  repostedBy: publicProcedure
    .input(likedByInput)
    .query(async ({ ctx, input }) =>
      reposterPage(await tweetPeople(ctx.em, 'reposts', input.tweetId, pageOf(input)), ctx.media),
    ),

  /** One author's tweets only, newest first. */
  byAuthor: userTweetsQuery(false),
} satisfies TRPCRouterRecord;
