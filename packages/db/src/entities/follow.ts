import { defineEntity, p } from '@mikro-orm/core';
import { logTrigger } from './timeline-event.ts';
import { User } from './user.ts';
import { followCountTriggers } from './user-stats.ts';

/** `user` follows `followed`; the pair is the primary key, so a follow exists at most once. */
export const FollowSchema = defineEntity({
  name: 'Follow',
  tableName: 'users_follow_list',
  properties: {
    user: () => p.manyToOne(User).primary().fieldName('user_id').deleteRule('cascade').index(false),
    followed: () => p.manyToOne(User).primary().fieldName('follow_user_id').deleteRule('cascade').index(false),
    createdAt: p
      .datetime(3)
      .fieldName('created_at')
      .onCreate(() => new Date()),
  },
  primaryKeys: ['user', 'followed'],
  // The reverse direction: "who follows X", newest first.
  indexes: [
    {
      name: 'users_follow_list_follow_user_id_created_at_index',
      properties: ['followed', 'createdAt'],
    },
  ],
  triggers: [
    logTrigger('follow_made_log', 'insert', 'follow', 'user_id', 'follow_user_id'),
    logTrigger('follow_ended_log', 'delete', 'unfollow', 'user_id', 'follow_user_id'),
    ...followCountTriggers,
  ],
});

export class Follow extends FollowSchema.class {}
FollowSchema.setClass(Follow);
