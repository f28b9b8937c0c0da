import { defineEntity, p } from '@mikro-orm/core';
import { usernameKey, usernameMaxLength } from '../handles.ts';
import { userStatsTriggers } from './user-stats.ts';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(50),
    /** The @handle, as its owner wrote it (`handles.ts`). */
    username: p.string().length(usernameMaxLength),
    /** The handle's lower case: what makes it unique and what it is found by. */
    usernameKey: p
      .string()
      .length(usernameMaxLength)
      .fieldName('username_key')
      .unique('users_username_key_unique')
      .onCreate((user: { username: string }) => usernameKey(user.username))
      .onUpdate((user: { username: string }) => usernameKey(user.username)),
    email: p.string().length(255).unique(),
    // Hidden: never serialised; lazy: not even selected unless asked for (login only).
    hashedPassword: p.string().length(255).fieldName('hashed_password').hidden().lazy(),
    profile: p.string().length(2000).default(''),
    profilePicture: p.string().length(255).fieldName('profile_picture').nullable(),
    createdAt: p
      .datetime(3)
      .fieldName('created_at')
      .onCreate(() => new Date()),
    updatedAt: p
      .datetime(3)
      .fieldName('updated_at')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  triggers: userStatsTriggers,
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
