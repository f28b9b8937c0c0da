/** Mentions, hashtags and web addresses as a tweet's text is read: the cases people write. */
import { describe, expect, it } from 'vitest';
import { entitiesMax, tweetEntities, tweetRuns } from '../src/tweet-text.ts';

const found = (text: string) =>
  tweetRuns(text)
    .filter((run) => run.kind !== 'text')
    .map((run) => `${run.kind} ${run.text}`);

describe('reading a tweet', () => {
  it.each([
    ['hi @Kim!', ['mention @Kim']],
    ['@kim, @lee. (@park) @choi?', ['mention @kim', 'mention @lee', 'mention @park', 'mention @choi']],
    ['#서울 #안녕하세요! #Tag_1, #_x', ['hashtag #서울', 'hashtag #안녕하세요', 'hashtag #Tag_1', 'hashtag #_x']],
    ['#café #日本語 #Ελλάδα', ['hashtag #café', 'hashtag #日本語', 'hashtag #Ελλάδα']],
    // Not a mention or a tag: inside an e-mail, a web address or a word; a number.
    ['mail kim@example.com or a#b, 안녕@kim, #123', []],
    [
      'see https://x.example/@kim#top and http://y.example/a?b=1.',
      ['url https://x.example/@kim#top', 'url http://y.example/a?b=1'],
    ],
    // A web address needs its scheme, as Mastodon links them.
    ['node.js and www.example.com', []],
    // Too long, or not a handle's characters: text.
    ['@this_handle_is_far_too_long_to_be_one', []],
    ['<script>@kim</script>', ['mention @kim']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
    // The runs are the text, in order.
    expect(
      tweetRuns(text)
        .map((run) => run.text)
        .join(''),
    ).toBe(text);
  });

  it('stores each mention and tag once, by key (case folded), at most twenty of each', () => {
    expect(tweetEntities('@Kim @kim @KIM #Seoul #seoul #SEOUL #서울')).toEqual({
      usernames: ['kim'],
      hashtags: ['seoul', '서울'],
    });
    const many = Array.from({ length: 25 }, (_, i) => `@u${i} #t${i}`).join(' ');
    const { usernames, hashtags } = tweetEntities(many);
    expect(usernames).toHaveLength(entitiesMax);
    expect(usernames.at(-1)).toBe('u19');
    expect(hashtags).toHaveLength(entitiesMax);
  });
});
