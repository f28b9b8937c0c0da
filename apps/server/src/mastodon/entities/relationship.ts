/**
 * Mastodon's Relationship from Miniter's (`follow.relationships`): follows both ways. Miniter has no
 * blocks, mutes, follow requests, notifications, endorsements or notes: those are constant. Every
 * follow shows everything the account posts (there are no boosts to hide), so `showing_reblogs` is
 * `following`, and `languages` is null (all of them), as Mastodon answers for such a follow.
 */
import type { RouterOutputs } from '@miniter/api';
import { z } from 'zod';
import { always, alwaysNull, entityId } from './common.ts';

export const relationshipSchema = z
  .object({
    id: entityId('The other account'),
    following: z.boolean().meta({ description: 'You follow them' }),
    showing_reblogs: z.boolean().meta({ description: 'As `following`: a follow shows everything' }),
    notifying: always(false, 'no notifications'),
    languages: alwaysNull('a follow shows every language'),
    followed_by: z.boolean().meta({ description: 'They follow you' }),
    blocking: always(false, 'no blocks'),
    blocked_by: always(false, 'no blocks'),
    muting: always(false, 'no mutes'),
    muting_notifications: always(false, 'no mutes'),
    muting_expires_at: alwaysNull('no mutes'),
    requested: always(false, 'no follow requests'),
    requested_by: always(false, 'no follow requests'),
    domain_blocking: always(false, 'no domain blocks'),
    endorsed: always(false, 'no endorsements'),
    note: always('', 'no notes on accounts'),
  })
  .meta({ id: 'Relationship' });

export type Relationship = z.infer<typeof relationshipSchema>;

export type MutualRelationship = RouterOutputs['follow']['relationships'][number];

export const toRelationship = ({ userId, following, followedBy }: MutualRelationship): Relationship => ({
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
