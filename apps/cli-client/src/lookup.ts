/** The user a command names: by id, or by handle through `user.byUsername` (case-insensitive). */
import type { MiniterClient } from '@miniter/api/client';
import type { UserRef } from './arguments.ts';
import type { Cli } from './context.ts';
import type { UserProfile } from './format.ts';

/** The user's profile, as `user.byId` answers it. */
export function profileOf(api: MiniterClient, ref: UserRef): Promise<UserProfile> {
  return 'id' in ref ? api.user.byId.query({ userId: ref.id }) : api.user.byUsername.query(ref);
}

/** The user's id: no call when the command was given one. */
export async function userIdOf(api: MiniterClient, ref: UserRef): Promise<number> {
  return 'id' in ref ? ref.id : (await profileOf(api, ref)).id;
}

/** The id of the user named, or without one, yours (`miniter followers`). */
export async function userIdOrYours(cli: Cli, ref: UserRef | undefined): Promise<number> {
  return ref ? userIdOf(cli.anonymous, ref) : cli.session().credentials.userId;
}

/**
 * `act` on the user, and the user's profile: both in one batched request for an id; for a handle,
 * the profile first, which gives the id.
 */
export async function withProfile<T>(
  api: MiniterClient,
  ref: UserRef,
  act: (userId: number) => Promise<T>,
): Promise<[UserProfile, T]> {
  if ('id' in ref) return Promise.all([profileOf(api, ref), act(ref.id)]);
  const user = await profileOf(api, ref);
  return [user, await act(user.id)];
}
