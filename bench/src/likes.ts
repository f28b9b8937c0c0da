/**
 * 17: likes under contention (issue 28). Every like is counted by a trigger under its tweet's counts
 * row, so likes of one tweet queue for that row's lock: 32 connections liking one hot tweet at a
 * time against the same 32 spread over 32 tweets, in turns. Each request is a like never made before
 * (a user who has not liked that tweet), so that every one writes; afterwards every tweet's count
 * must equal its likes.
 */
import { issuedTokens } from './mastodon.ts';
import { http, measureTogether, medianRatio, type Runner } from './measure.ts';
import { type BenchContext, check, query, row, type ScenarioResult, type Session, withPeakRss } from './scenarios.ts';

const connections = 32;
/** Likers: distinct users, each with an OAuth token of the bench's app (issued as scenario 16's readers'). */
const likerCount = 5_000;

export async function likesScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { large, mastodon } = ctx;
  const server = large.server;
  ctx.log('  likes: one hot tweet against 32');
  const likerIds = Array.from({ length: Math.min(likerCount, large.users - 5) }, (_, i) => 6 + i);
  const likers = await issuedTokens(large.orm, mastodon.app, likerIds);
  // The newest tweets: a hot one at a time (the next once every liker has liked it), or 32 in turn.
  const tweetIds = (await query(large.orm, 'select id from tweets order by id desc limit 64')).map((r) => Number(r.id));
  const hot = tweetIds.slice(0, 32);
  const spread = tweetIds.slice(32);

  let failed = 0;
  const likes = (pair: (k: number) => [Session, number]): Runner => {
    let k = 0;
    return http({
      baseUrl: server.url,
      connections,
      method: 'POST',
      next: () => {
        const [liker, tweetId] = pair(k++);
        return {
          path: '/trpc/tweet.like',
          headers: { authorization: `Bearer ${liker.token}` },
          body: JSON.stringify({ tweetId }),
        };
      },
      onResponse: (status) => {
        if (status !== 200) failed++;
      },
    });
  };
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;
  const [measured, rss] = await withPeakRss([server], () =>
    measureTogether(ctx.timing, {
      hot: likes((k) => [at(likers, k), at(hot, Math.floor(k / likers.length))]),
      spread: likes((k) => [at(likers, Math.floor(k / spread.length)), at(spread, k)]),
    }),
  );
  const ratio = medianRatio(measured.hot, measured.spread);

  const targets = tweetIds.join(', ');
  const [counts] = await query(
    large.orm,
    `select count(*) as tweets, coalesce(sum(s.like_count), 0) as counted, ` +
      `coalesce(sum(s.like_count <> (select count(*) from tweet_likes l where l.tweet_id = s.tweet_id)), 0) as wrong ` +
      `from tweet_stats s where s.tweet_id in (${targets})`,
  );
  await query(large.orm, `delete from tweet_likes where tweet_id in (${targets})`);
  return {
    id: 17,
    title: `Likes, ${connections} connections, each a like never made before: one hot tweet at a time against 32 tweets`,
    rows: [
      row('tweet.like, one hot tweet', measured.hot, rss),
      row(
        'tweet.like, spread over 32 tweets',
        measured.spread,
        rss,
        `hot × ${ratio.toFixed(2)}; ${Number(counts?.counted)} likes counted on ${Number(counts?.tweets)} tweets`,
      ),
    ],
    figures: { 'hot / spread (req/s)': ratio, 'tweets whose count is not their likes': Number(counts?.wrong) },
    targets: [
      check('tweet.like on one hot tweet / spread over 32', ratio, '≥', 0.5),
      check('likes refused or failed', failed, '=', 0),
      check('tweets whose like count is not their likes', Number(counts?.wrong), '=', 0),
    ],
  };
}
