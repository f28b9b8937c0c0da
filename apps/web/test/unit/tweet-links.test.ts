/** What a tweet's text links: web addresses out of the app, mentioned accounts, hashtags' pages. */
import { describe, expect, it } from 'vitest';
import { hashtagPath, tweetParts } from '../../src/tweet-links.ts';

const kim = { id: 7, username: 'Kim' };
const parts = (text: string, mentions: { id: number; username: string }[] = []) => tweetParts({ text, mentions });
const joined = (text: string) =>
  parts(text)
    .map((part) => part.text)
    .join('');

describe('a tweet’s links', () => {
  it('links a mention only of an account the tweet mentions, by its key, to its handle as it is now', () => {
    expect(parts('hi @kim and @nobody!', [kim])).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', text: '@kim', href: '/@Kim' },
      // Nobody has that handle (or had it when the tweet was written): text, one with what surrounds it.
      { kind: 'text', text: ' and @nobody!' },
    ]);
    expect(parts('@KIM', [kim])).toEqual([{ kind: 'mention', text: '@KIM', href: '/@Kim' }]);
    expect(parts('@kim')).toEqual([{ kind: 'text', text: '@kim' }]);
  });

  it('links a hashtag to its page by its key, in any script', () => {
    expect(parts('#Seoul #서울 #ÉTÉ')).toEqual([
      { kind: 'hashtag', text: '#Seoul', href: '/tags/seoul' },
      { kind: 'text', text: ' ' },
      { kind: 'hashtag', text: '#서울', href: `/tags/${encodeURIComponent('서울')}` },
      { kind: 'text', text: ' ' },
      { kind: 'hashtag', text: '#ÉTÉ', href: `/tags/${encodeURIComponent('été')}` },
    ]);
    expect(hashtagPath('#Seoul')).toBe('/tags/seoul');
    expect(hashtagPath('서울')).toBe('/tags/%EC%84%9C%EC%9A%B8');
  });

  it('links web addresses with their scheme as written, and nothing inside them', () => {
    expect(parts('see https://example.com/@kim#top, or www.example.com', [kim])).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'web', text: 'https://example.com/@kim#top', href: 'https://example.com/@kim#top' },
      { kind: 'text', text: ', or www.example.com' },
    ]);
    expect(parts('javascript:alert(1) kim@example.com a#b', [kim])).toEqual([
      { kind: 'text', text: 'javascript:alert(1) kim@example.com a#b' },
    ]);
  });

  it('keeps markup as text, and every character of the text', () => {
    expect(parts('<script>x</script> #tag')).toEqual([
      { kind: 'text', text: '<script>x</script> ' },
      { kind: 'hashtag', text: '#tag', href: '/tags/tag' },
    ]);
    for (const text of ['', '  two  spaces ', 'line\nbreak #a\n@b https://x.example/?q=1&r=<2>', '#1 #_ ##x @@y'])
      expect(joined(text)).toBe(text);
  });
});
