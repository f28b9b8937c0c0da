/** Timelines: home, public (all of it is local), and an account's statuses. */
import type { TweetView } from '@miniter/api';
import { isHashtag } from '@miniter/api/tweet-text';
import { z } from 'zod';
import { type Call, route } from '../calls.ts';
import { accountsOf, type Profile } from '../entities/account.ts';
import { type Status, statusesOf, statusSchema, toStatuses } from '../entities/status.ts';
import type { FieldNames } from '../errors.ts';
import { olderMayFollow, setPageLinks } from '../paging.ts';
import { flagParam, idOf, idPageInput, isTrue, pageParams, statusLimits } from '../params.ts';

type TimelineInput = ReturnType<typeof timelineInput>;
type TweetPage = { items: TweetView[]; nextCursor: string | null; authors?: Profile[] };

/** The paging parameters' names in the procedures' inputs and in Mastodon's. */
export const pageNames: FieldNames = { maxId: 'max_id', sinceId: 'since_id', minId: 'min_id', limit: 'limit' };

/** A timeline page's input from Mastodon's `limit`, `max_id`, `since_id` and `min_id`. */
function timelineInput({ params }: Call) {
  // Each Status embeds its author's Account: read by the page's own statement.
  return { ...idPageInput(params, statusLimits), withAuthors: true as const };
}

/** A page of tweets as Statuses, with its `Link`. */
function sendStatusPage(call: Call, input: TimelineInput, page: TweetPage) {
  setPageLinks(
    call.req,
    call.res,
    page.items.map((t) => t.id),
    olderMayFollow(page, input),
  );
  return statusesOf(page.items, accountsOf(page.authors ?? [], call.origin), call.origin);
}

/** A timeline route's work: `read` finds the page, or null where none can hold anything. */
const timeline =
  <C extends Call>(read: (call: C, input: TimelineInput) => Promise<TweetPage | null>) =>
  async (c: C): Promise<Status[]> => {
    const input = timelineInput(c);
    const page = await read(c, input);
    return page ? sendStatusPage(c, input, page) : [];
  };

const statusPage = pageParams(statusLimits);
/**
 * A timeline of everyone's statuses: all of them local, so `local` changes nothing, and `remote`
 * finds none, nor does `only_media` (no media yet).
 */
const localPage = statusPage.extend({
  local: flagParam('Changes nothing: every status is local'),
  remote: flagParam('Only remote statuses: none'),
  only_media: flagParam('Only statuses with media: none yet'),
});
/** What `localPage`'s `remote` and `only_media` ask for: nothing here. */
const noneHere = (params: Record<string, unknown>) => isTrue(params.remote) || isTrue(params.only_media);
const statuses = z.array(statusSchema);

export const timelineRoutes = [
  route({
    method: 'get',
    path: '/api/v1/favourites',
    summary: 'The statuses you liked',
    description: 'Most recent like first, paged by the likes (the `Link` header has their ids).',
    tag: 'timelines',
    scope: 'read:favourites',
    params: statusPage,
    answer: statuses,
    paged: true,
    names: pageNames,
    handle: async (call) => {
      const input = idPageInput(call.params, statusLimits);
      const page = await call.caller.timeline.likes(input);
      setPageLinks(
        call.req,
        call.res,
        page.items.map((t) => t.likeId),
        olderMayFollow(page, input),
      );
      return toStatuses(call.caller, call.origin, page.items);
    },
  }),

  route({
    method: 'get',
    path: '/api/v1/timelines/home',
    summary: 'Your statuses and those of whom you follow, newest first',
    tag: 'timelines',
    scope: 'read:statuses',
    params: statusPage,
    answer: statuses,
    paged: true,
    names: pageNames,
    handle: timeline(async ({ caller }, input) => caller.timeline.home(input)),
  }),

  route({
    method: 'get',
    path: '/api/v1/timelines/public',
    summary: "Everyone's statuses, newest first",
    tag: 'timelines',
    params: localPage,
    answer: statuses,
    paged: true,
    names: pageNames,
    handle: timeline(async ({ caller, params }, input) => (noneHere(params) ? null : caller.timeline.public(input))),
  }),

  // `any[]`, `all[]` and `none[]` are not taken.
  route({
    method: 'get',
    path: '/api/v1/timelines/tag/:hashtag',
    summary: 'The statuses carrying a hashtag, newest first',
    description: 'Any case; a name that cannot be a hashtag finds none, as on Mastodon.',
    tag: 'timelines',
    params: localPage,
    answer: statuses,
    paged: true,
    names: pageNames,
    handle: timeline(async ({ caller, params }, input) => {
      const tag = String(params.hashtag).replace(/^#/, '');
      if (!isHashtag(tag) || noneHere(params)) return null;
      return caller.timeline.hashtag({ tag, ...input });
    }),
  }),

  // Nothing is pinned and nothing has media yet.
  route({
    method: 'get',
    path: '/api/v1/accounts/:id/statuses',
    summary: "An account's statuses, newest first",
    tag: 'timelines',
    params: statusPage.extend({
      exclude_replies: flagParam('Without replies to others (replies to themselves, threads, stay)'),
      exclude_reblogs: flagParam('Without reposts'),
      pinned: flagParam('Only pinned statuses: none'),
      only_media: flagParam('Only statuses with media: none yet'),
      tagged: z.string().optional().meta({ description: 'Only statuses with this hashtag: none' }),
    }),
    answer: statuses,
    paged: true,
    names: { ...pageNames, userId: 'id' },
    handle: timeline(async ({ caller, params }, input) => {
      const userId = idOf(params.id);
      if (isTrue(params.pinned) || isTrue(params.only_media) || params.tagged !== undefined) {
        // Still Mastodon's 404 for nobody.
        await caller.user.byId({ userId });
        return null;
      }
      const excludes = {
        excludeReplies: isTrue(params.exclude_replies),
        excludeReposts: isTrue(params.exclude_reblogs),
      };
      return caller.tweet.byAuthor({ userId, ...input, ...excludes });
    }),
  }),
];
