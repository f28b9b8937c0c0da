/**
 * Where people and tweets are in the app: pure, so that pure modules (`tweet-links.ts`) and their
 * tests use them without the client `api.ts` makes. A hashtag's page is `tweet-links.ts`'s
 * `hashtagPath`: its key is the tweet-text module's, which brings its parser (kept out of the first load).
 */
import type { Tweet } from './api.ts';

/** Where a person's profile is. */
export const profilePath = (person: { username: string }) => `/@${person.username}`;

/** Where a tweet's thread is: under its author's profile. */
export const tweetPath = (tweet: Pick<Tweet, 'id' | 'author'>) => `${profilePath(tweet.author)}/${tweet.id}`;
