/**
 * Fills `user_stats` from the rows as they are, before its triggers keep it. Shared by both
 * dialects' migration (the server migrates before it serves, so nothing is written meanwhile).
 */
export const backfillUserStats =
  'insert into user_stats (user_id, follower_count, following_count, tweet_count, last_tweet_at) ' +
  'select u.id, ' +
  '(select count(*) from users_follow_list f where f.follow_user_id = u.id), ' +
  '(select count(*) from users_follow_list f where f.user_id = u.id), ' +
  '(select count(*) from tweets t where t.user_id = u.id), ' +
  '(select max(t.created_at) from tweets t where t.user_id = u.id) ' +
  'from users u';
