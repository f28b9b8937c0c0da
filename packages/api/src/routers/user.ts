import type { TRPCRouterRecord } from '@trpc/server';
import {
  pictureUploadInput,
  suggestionsInput,
  updateProfileInput,
  userIdInput,
  userIdsInput,
  usernameInput,
  userSearchInput,
} from '../schemas.ts';
import { getProfilePictureUrl, pictureUrl, removeProfilePicture, setProfilePicture } from '../services/avatars.ts';
import {
  findPeople,
  getUserProfile,
  getUserProfileByUsername,
  suggestPeople,
  updateProfile,
} from '../services/users.ts';
import { account, profileView, publicUser, userPage } from '../shape.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

export const userRouter = {
  me: protectedProcedure.meta({ scope: 'profile' }).query(({ ctx }) => account(ctx.user, ctx.media)),

  byId: publicProcedure.input(userIdInput).query(async ({ ctx, input }) => {
    return profileView(await getUserProfile(ctx.profiles, input.userId), ctx.media);
  }),

  /** As `byId`, for many at once (one statement): those that exist, in the order asked. */
  byIds: publicProcedure.input(userIdsInput).query(async ({ ctx, input }) => {
    const found = await Promise.all(input.userIds.map((userId) => ctx.profiles.load(userId)));
    return found.flatMap((profile) => (profile ? [profileView(profile, ctx.media)] : []));
  }),

  /** As `byId`, by handle in any case (a leading `@` is fine). */
  byUsername: publicProcedure.input(usernameInput).query(async ({ ctx, input }) => {
    return profileView(await getUserProfileByUsername(ctx.em, input.username), ctx.media);
  }),

  /** Changes your name, handle or bio (each optional); a taken handle is CONFLICT on `username`. */
  updateProfile: protectedProcedure
    .meta({ retrySafe: 'repeat', changesSession: true, scope: 'write:accounts' })
    .input(updateProfileInput)
    .mutation(async ({ ctx, input }) => account(await updateProfile(ctx.em, ctx.user, input), ctx.media)),

  /**
   * People by handle or name: the handle that is the query, then handles that start with it, then
   * names with a word that starts with it (Korean also by any syllable and by initial consonants).
   */
  search: publicProcedure
    .input(userSearchInput)
    .query(async ({ ctx, input }) =>
      userPage(await findPeople(ctx.em, input.query, { after: input.cursor, limit: input.limit }), ctx.media),
    ),

  /** People you might follow: those your followees follow most, then the most followed. */
  suggestions: protectedProcedure
    .meta({ scope: 'read:accounts' })
    .input(suggestionsInput)
    .query(async ({ ctx, input }) =>
      (await suggestPeople(ctx.em, ctx.user, input.limit)).map((user) => publicUser(user, ctx.media)),
    ),

  /** The book's GET /profile-picture/<user_id>: NOT_FOUND when the user has none. */
  profilePicture: publicProcedure
    .input(userIdInput)
    .query(({ ctx, input }) => getProfilePictureUrl(ctx.em, ctx.media, input.userId)),

  uploadProfilePicture: protectedProcedure
    .meta({ changesSession: true, scope: 'write:accounts' })
    .input(pictureUploadInput)
    .mutation(async ({ ctx, input }) => {
      const bytes = Buffer.from(await input.arrayBuffer());
      const user = await setProfilePicture(ctx.em, ctx.media, ctx.uploads, ctx.user, bytes);
      return { profilePictureUrl: pictureUrl(ctx.media, user) as string };
    }),

  removeProfilePicture: protectedProcedure
    .meta({ retrySafe: 'repeat', changesSession: true, scope: 'write:accounts' })
    .mutation(async ({ ctx }) => {
      await removeProfilePicture(ctx.em, ctx.media, ctx.user);
      return { profilePictureUrl: null };
    }),
} satisfies TRPCRouterRecord;
