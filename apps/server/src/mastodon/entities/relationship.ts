/**
 * Mastodon's Relationship from Miniter's (`follow.relationships`): follows both ways. Miniter has no
 * blocks, mutes, follow requests, notifications, endorsements or notes: those are constant. Every
 * follow shows everything the account posts (there are no boosts to hide), so `showing_reblogs` is
 * `following`, and `languages` is null (all of them), as Mastodon answers for such a follow.
 */
import type { RouterOutputs } from '@miniter/api';

export type MutualRelationship = RouterOutputs['follow']['relationships'][number];

export const toRelationship = ({ userId, following, followedBy }: MutualRelationship) => ({
  id: String(userId),
  following,
  showing_reblogs: following,
  notifying: false,
  languages: null,
  followed_by: followedBy,
  blocking: false,
  blocked_by: false,
  muting: false,
  muting_notifications: false,
  muting_expires_at: null,
  requested: false,
  requested_by: false,
  domain_blocking: false,
  endorsed: false,
  note: '',
});

export type Relationship = ReturnType<typeof toRelationship>;
