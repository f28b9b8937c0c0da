import type { TRPCRouterRecord } from '@trpc/server';
import { pictureUploadInput, userIdInput } from '../schemas.ts';
import { getProfilePictureUrl, pictureUrl, removeProfilePicture, setProfilePicture } from '../services/avatars.ts';
import { getUserProfile } from '../services/users.ts';
import { publicUser } from '../shape.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

export const userRouter = {
  me: protectedProcedure.query(({ ctx }) => ({ ...publicUser(ctx.user, ctx.media), email: ctx.user.email })),

  byId: publicProcedure.input(userIdInput).query(async ({ ctx, input }) => {
    const { user, ...counts } = await getUserProfile(ctx.profiles, input.userId);
    return { ...publicUser(user, ctx.media), ...counts };
  }),

  /** The book's GET /profile-picture/<user_id>: NOT_FOUND when the user has none. */
  profilePicture: publicProcedure
    .input(userIdInput)
    .query(({ ctx, input }) => getProfilePictureUrl(ctx.em, ctx.media, input.userId)),

  uploadProfilePicture: protectedProcedure.input(pictureUploadInput).mutation(async ({ ctx, input }) => {
    const bytes = Buffer.from(await input.arrayBuffer());
    const user = await setProfilePicture(ctx.em, ctx.media, ctx.uploads, ctx.user, bytes);
    return { profilePictureUrl: pictureUrl(ctx.media, user) as string };
  }),

  removeProfilePicture: protectedProcedure.meta({ retrySafe: 'repeat' }).mutation(async ({ ctx }) => {
    await removeProfilePicture(ctx.em, ctx.media, ctx.user);
    return { profilePictureUrl: null };
  }),
} satisfies TRPCRouterRecord;
