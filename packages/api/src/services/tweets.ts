import { type EntityManager, Tweet, type User } from '@miniter/db';
import { ServiceError } from './errors.ts';

export async function createTweet(em: EntityManager, author: User, text: string): Promise<Tweet> {
  const tweet = em.create(Tweet, { author, text });
  await em.flush();
  return tweet;
}

export async function deleteTweet(em: EntityManager, user: User, tweetId: number): Promise<void> {
  const tweet = await em.findOne(Tweet, tweetId);
  if (!tweet) throw new ServiceError('NOT_FOUND', `Tweet ${tweetId} does not exist`);
  if (tweet.author.id !== user.id) throw new ServiceError('FORBIDDEN', 'You can only delete your own tweets');
  await em.remove(tweet).flush();
}
