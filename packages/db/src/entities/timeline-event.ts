import { defineEntity, p } from '@mikro-orm/core';
import { afterTrigger } from './triggers.ts';

/**
 * What the live timeline carries, logged by triggers (`logTrigger`, on `tweets` and
 * `users_follow_list`) in the statement that made the change, so a change and its event commit
 * together or not at all, with no extra round trip: a tweet written or deleted (`userId` the
 * author, `subjectId` the tweet) and a follow made or ended (`userId` the follower, `subjectId` the
 * followee). No foreign keys: an event outlives its rows.
 *
 * `id` is given at insert, and on MySQL/MariaDB concurrent writers can commit out of `id` order, so
 * readers never page by it. They page by `seq`, which a sequencer gives to the events it can see, in
 * one transaction at a time: an event with a `seq` is committed, and so is every lower `seq`.
 */
export const TimelineEventSchema = defineEntity({
  name: 'TimelineEvent',
  tableName: 'timeline_events',
  indexes: [{ name: 'timeline_events_user_id_logged_at_index', properties: ['userId', 'loggedAt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    seq: p.integer().nullable().unique('timeline_events_seq_unique'),
    kind: p.string().length(8),
    /** Indexed with the time: whether a user wrote in the last seconds decides where they read. */
    userId: p.integer().fieldName('user_id'),
    subjectId: p.integer().fieldName('subject_id'),
    /** When it was logged (by the database's clock, UTC; for pruning). */
    loggedAt: p.datetime().fieldName('logged_at'),
  },
});

/** The trigger that logs `kind` for each row of an insert or delete, with `row`'s two columns. */
export function logTrigger(name: string, event: 'insert' | 'delete', kind: string, user: string, subject: string) {
  const row = event === 'insert' ? 'new' : 'old';
  return afterTrigger(
    name,
    event,
    'insert into timeline_events (kind, user_id, subject_id, logged_at) ' +
      `values ('${kind}', ${row}.${user}, ${row}.${subject}, current_timestamp)`,
  );
}

export class TimelineEvent extends TimelineEventSchema.class {}
TimelineEventSchema.setClass(TimelineEvent);

/** One row: the last `seq` given, and the highest pruned away (resuming from below it cannot be whole). */
export const TimelineSequenceSchema = defineEntity({
  name: 'TimelineSequence',
  tableName: 'timeline_sequence',
  properties: {
    id: p.integer().primary().autoincrement(false),
    lastSeq: p.integer().fieldName('last_seq'),
    prunedThrough: p.integer().fieldName('pruned_through'),
  },
});

export class TimelineSequence extends TimelineSequenceSchema.class {}
TimelineSequenceSchema.setClass(TimelineSequence);
