import { TRPCError, type TRPCRouterRecord, tracked } from '@trpc/server';
import type { z } from 'zod';
import {
  hashtagSearchInput,
  hashtagTimelineInput,
  likesInput,
  liveInput,
  timelinePageInput,
  userTimelinePageInput,
} from '../schemas.ts';
import { likedTweets } from '../services/likes.ts';
import {
  hashtagsStartingWith,
  hashtagTimeline,
  homeTimeline,
  publicTimeline,
  type TimelinePageParams,
  userTimeline,
} from '../services/timelines.ts';
import { likedTweetPage, tweetPage } from '../shape.ts';
import { mappedEvents, protectedProcedure, publicProcedure, readerIdOf } from '../trpc.ts';

/**
 * A timeline input's page: below both the cursor and `maxId`; above `minId` (oldest first) or
 * `sinceId`. `minId` wins over `sinceId`, as in Mastodon.
 */
export function pageOf(input: z.output<typeof likesInput> & { withAuthors?: boolean }): TimelinePageParams {
  const upper = [input.cursor?.[0], input.maxId].filter((bound) => bound !== undefined);
  return {
    after: upper.length ? Math.min(...upper) : undefined,
    since: input.minId ?? input.sinceId,
    oldestFirst: input.minId !== undefined,
    limit: input.limit,
    withAuthors: input.withAuthors,
  };
}

/** Any user's tweets, newest first; with `includeFollowed`, also those of the users they follow. */
export const userTweetsQuery = (includeFollowed: boolean) =>
  publicProcedure.input(userTimelinePageInput).query(async ({ ctx, input }) => {
    const { excludeReplies, excludeReposts } = input;
    const page = { ...pageOf(input), readerId: await readerIdOf(ctx, ctx.em), excludeReplies, excludeReposts };
    return tweetPage(await userTimeline(ctx.em, input.userId, includeFollowed, page), ctx.media);
  });

export const timelineRouter = {
  /** Your tweets and those of everyone you follow, newest first. */
  home: protectedProcedure
    .meta({ scope: 'read:statuses' })
    .input(timelinePageInput)
    .query(async ({ ctx, input }) =>
      tweetPage(await homeTimeline(ctx.em, ctx.user, { ...pageOf(input), readerId: ctx.user.id }), ctx.media),
    ),

  /** The tweets you liked, most recent like first (Mastodon's favourites). */
  likes: protectedProcedure
    .meta({ scope: 'read:favourites' })
    .input(likesInput)
    .query(async ({ ctx, input }) => likedTweetPage(await likedTweets(ctx.em, ctx.user, pageOf(input)), ctx.media)),

  /**
   * Your home timeline as it happens, over server-sent events: each new tweet (yours or a followee's)
   * and each deletion, with an id to resume from (`Last-Event-ID`, which tRPC passes as
   * `lastEventId`). See `LiveData` for what an event carries.
   */
  live: protectedProcedure
    .meta({ scope: 'read:statuses' })
    .input(liveInput)
    .subscription(({ ctx, input, signal }) => {
      if (!ctx.live)
        throw new TRPCError({ code: 'NOT_IMPLEMENTED', message: 'The live timeline is off on this server' });
      // Opened here, not in the generator, so that a refusal (caps, shutdown) is the call's error.
      const events = ctx.live.open({
        userId: ctx.user.id,
        sessionId: ctx.sessionId,
        lastEventId: input?.lastEventId,
        // Pictures linked at the origin the stream was opened at.
        media: ctx.media,
        signal,
      });
      return mappedEvents(events, (event) => tracked(event.id, event.data));
    }),

  /** Everyone's tweets, newest first, signed in or not (Mastodon's local timeline). */
  public: publicProcedure.input(timelinePageInput).query(async ({ ctx, input }) => {
    const page = { ...pageOf(input), readerId: await readerIdOf(ctx, ctx.em) };
    return tweetPage(await publicTimeline(ctx.em, page), ctx.media);
  }),

  /** The tweets carrying a hashtag (with or without its `#`, any case), newest first. */
  hashtag: publicProcedure.input(hashtagTimelineInput).query(async ({ ctx, input }) => {
    const page = { ...pageOf(input), readerId: await readerIdOf(ctx, ctx.em) };
    return tweetPage(await hashtagTimeline(ctx.em, input.tag, page), ctx.media);
  }),

  /** Hashtags that start with the query (all of them for an empty one), in order. */
  hashtags: publicProcedure
    .input(hashtagSearchInput)
    .query(async ({ ctx, input }) => ({ items: await hashtagsStartingWith(ctx.em, input.query, input.limit) })),

  /** The book's `/timeline/<user_id>`: that user's tweets and those of the users they follow. */
  user: userTweetsQuery(true),
} satisfies TRPCRouterRecord;
