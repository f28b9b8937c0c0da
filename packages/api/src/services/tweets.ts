import { type EntityManager, Tweet, type TweetData, User, type UserSummaryData } from '@miniter/db';
import { ServiceError } from './errors.ts';

export async function createTweet(em: EntityManager, author: UserSummaryData, text: string): Promise<TweetData> {
  const tweet = em.create(Tweet, { author: em.getReference(User, author.id), text });
  await em.flush();
  return { id: tweet.id, text: tweet.text, createdAt: tweet.createdAt, author };
}

export async function deleteTweet(em: EntityManager, user: UserSummaryData, tweetId: number): Promise<void> {
  const tweet = await em.findOne(Tweet, tweetId);
  if (!tweet) throw new ServiceError('NOT_FOUND', `Tweet ${tweetId} does not exist`);
  if (tweet.author.id !== user.id) throw new ServiceError('FORBIDDEN', 'You can only delete your own tweets');
  await em.remove(tweet).flush();
}
