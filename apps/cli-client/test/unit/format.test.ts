import { stripVTControlCharacters } from 'node:util';
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import {
  firstLine,
  highlightText,
  relativeTime,
  renderAccount,
  renderDeleted,
  renderHashtags,
  renderLikes,
  renderProfile,
  renderReplyingTo,
  renderRepostedBy,
  renderReposts,
  renderThread,
  renderTweet,
  renderTweets,
  renderUsers,
  type Tweet,
  wrap,
} from '../../src/format.ts';

const now = Date.parse('2026-11-26T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();
const colors = createColors(false);
/** A tweet by @kim, as the server shapes one, with what `fields` change. */
const tweetOf = (id: number, text: string, fields: Partial<Tweet> = {}): Tweet => ({
  id,
  text,
  createdAt: ago(60),
  author: { id: 1, name: 'Kim', username: 'kim', profilePictureUrl: null },
  inReplyTo: null,
  mentions: [],
  hashtags: [],
  repostOf: null,
  repostCount: 0,
  reposted: false,
  replyCount: 0,
  likeCount: 0,
  liked: false,
  ...fields,
});

describe('relative times', () => {
  it.each([
    [0, 'just now'],
    [4, 'just now'],
    [45, '45s ago'],
    [3 * 60 + 59, '3m ago'],
    [5 * 3600, '5h ago'],
    [2 * 86_400 + 5, '2d ago'],
    [29 * 86_400, '29d ago'],
  ])('%i seconds ago reads "%s"', (seconds, expected) => {
    expect(relativeTime(ago(seconds), now)).toBe(expected);
  });

  it('gives the date for anything older than a month', () => {
    expect(relativeTime('2026-01-02T03:04:05.000Z', now)).toBe('2026-01-02');
  });
});

describe('wrapping', () => {
  it('counts a Hangul syllable or an emoji as two columns', () => {
    expect(wrap('가'.repeat(25), 20).split('\n')).toEqual(['가'.repeat(10), '가'.repeat(10), '가'.repeat(5)]);
    expect(wrap('😀'.repeat(12), 20).split('\n')).toEqual(['😀'.repeat(10), '😀'.repeat(2)]);
  });

  it('breaks between words and indents every line', () => {
    expect(wrap('hello 안녕하세요 world', 14, '  ')).toBe('  hello\n  안녕하세요\n  world');
  });

  it('never leaves a line wider than the terminal, even for one long word', () => {
    for (const line of wrap(`https://example.com/${'a'.repeat(100)}`, 30).split('\n')) {
      expect(line.length).toBeLessThanOrEqual(30);
    }
  });
});

describe('rendering', () => {
  it('shows a tweet with its author, age and wrapped text', () => {
    const tweet = {
      id: 7,
      text: `오늘 날씨 ${'좋다 '.repeat(20)}`,
      createdAt: ago(180),
      author: { id: 3, name: '민지', username: 'minji', profilePictureUrl: null },
      inReplyTo: null,
      mentions: [],
      hashtags: [],
      repostOf: null,
      repostCount: 0,
      reposted: false,
      replyCount: 2,
      likeCount: 0,
      liked: false,
    };
    const [header, ...body] = renderTweet(tweet, { width: 30, colors, now }).split('\n');
    expect(header).toBe('민지 @minji · 3m ago (tweet 7) · ♥ 0 · ↩ 2 · ↻ 0');
    expect(body.length).toBeGreaterThan(1);
    for (const line of body) expect(line.startsWith('  ')).toBe(true);
  });

  it("counts a tweet's likes, and marks the reader's own in red on a terminal", () => {
    expect(renderLikes({ likeCount: 3, liked: false }, colors)).toBe('♥ 3');
    expect(renderLikes({ likeCount: 3, liked: true }, colors)).toBe('♥ 3 (you liked it)');
    expect(renderLikes({ likeCount: 1, liked: true }, createColors(true))).toBe('\x1b[31m♥ 1 (you liked it)\x1b[39m');
  });

  it('says whom a reply answers above its text, and when their account is gone', () => {
    const reply = tweetOf(8, 'me too', { inReplyTo: { id: 7, userId: 2, username: 'lee' } });
    expect(renderTweet(reply, { width: 80, colors, now })).toBe(
      'Kim @kim · 1m ago (tweet 8) · ♥ 0 · ↩ 0 · ↻ 0\n  replying to @lee\n  me too',
    );
    expect(renderReplyingTo({ id: 7, userId: 2, username: null }, colors)).toBe('replying to a deleted account');
    expect(renderReplyingTo({ id: 7, userId: 2, username: 'lee' }, createColors(true))).toBe(
      '\x1b[2mreplying to @lee\x1b[22m',
    );
  });

  it('marks a deleted tweet, dimmed on a terminal, and names a deleted repost as one', () => {
    expect(renderDeleted(42, { colors })).toBe('✕ tweet 42 was deleted');
    expect(renderDeleted(42, { colors: createColors(true) })).toBe('\x1b[2m✕ tweet 42 was deleted\x1b[22m');
    expect(renderDeleted(57, { colors }, 'repost')).toBe('✕ repost 57 was deleted');
  });

  describe('reposts', () => {
    const color = createColors(true);
    /** @lee's repost 57 of `tweet`, 30 seconds ago: an entry of its own, with empty text. */
    const repostOf = (tweet: Tweet): Tweet =>
      tweetOf(57, '', {
        author: { id: 2, name: 'Lee', username: 'lee', profilePictureUrl: null },
        createdAt: ago(30),
        repostOf: tweet,
      });

    it("counts a tweet's reposts beside its likes and replies, and marks the reader's own in green", () => {
      expect(renderReposts({ repostCount: 3, reposted: false }, colors)).toBe('↻ 3');
      expect(renderReposts({ repostCount: 3, reposted: true }, colors)).toBe('↻ 3 (you reposted it)');
      expect(renderReposts({ repostCount: 1, reposted: true }, color)).toBe('\x1b[32m↻ 1 (you reposted it)\x1b[39m');
      const counted = tweetOf(7, 'hi', { likeCount: 2, liked: true, replyCount: 1, repostCount: 3, reposted: true });
      expect(renderTweet(counted, { width: 80, colors, now })).toBe(
        'Kim @kim · 1m ago (tweet 7) · ♥ 2 (you liked it) · ↩ 1 · ↻ 3 (you reposted it)\n  hi',
      );
    });

    it('shows who passed a repost on, when, and its own id, above the tweet as it is shown alone', () => {
      const original = tweetOf(7, 'worth passing on', { repostCount: 1, reposted: true });
      const shown = renderTweet(repostOf(original), { width: 80, colors, now });
      expect(shown).toBe(
        '↻ @lee reposted · 30s ago (repost 57)\nKim @kim · 1m ago (tweet 7) · ♥ 0 · ↩ 0 · ↻ 1 (you reposted it)\n  worth passing on',
      );
      expect(shown).toBe(
        `${renderRepostedBy(repostOf(original), { colors, now })}\n${renderTweet(original, { width: 80, colors, now })}`,
      );
      // A reply reposted still says whom it answers.
      const reply = tweetOf(8, 'me too', { inReplyTo: { id: 7, userId: 1, username: 'kim' } });
      expect(renderTweet(repostOf(reply), { width: 80, colors, now }).split('\n').slice(2)).toEqual([
        '  replying to @kim',
        '  me too',
      ]);
    });

    it('dims the repost line on a terminal, and wraps the tweet beneath as it wraps alone', () => {
      expect(renderRepostedBy(repostOf(tweetOf(7, 'x')), { colors: color, now })).toBe(
        '\x1b[2m↻ @lee reposted · 30s ago (repost 57)\x1b[22m',
      );
      const long = tweetOf(7, `오늘 #날씨 ${'좋다 '.repeat(20)}`, { hashtags: ['날씨'] });
      for (const width of [30, 80]) {
        const [line, ...tweet] = renderTweet(repostOf(long), { width, colors: color, now }).split('\n');
        expect(line).toBe(renderRepostedBy(repostOf(long), { colors: color, now }));
        expect(tweet.join('\n')).toBe(renderTweet(long, { width, colors: color, now }));
        expect(stripVTControlCharacters(tweet.join('\n'))).toBe(renderTweet(long, { width, colors, now }));
      }
    });

    it('lists a repost among tweets as any other entry', () => {
      const page = [tweetOf(58, 'newest'), repostOf(tweetOf(7, 'older')), tweetOf(6, 'oldest')];
      expect(renderTweets(page, { width: 80, colors, now }, 'none').split('\n\n')).toEqual([
        'Kim @kim · 1m ago (tweet 58) · ♥ 0 · ↩ 0 · ↻ 0\n  newest',
        '↻ @lee reposted · 30s ago (repost 57)\nKim @kim · 1m ago (tweet 7) · ♥ 0 · ↩ 0 · ↻ 0\n  older',
        'Kim @kim · 1m ago (tweet 6) · ♥ 0 · ↩ 0 · ↻ 0\n  oldest',
      ]);
    });
  });

  describe('mentions and hashtags', () => {
    const color = createColors(true);
    const cyan = (text: string) => `\x1b[36m${text}\x1b[39m`;
    const tagged = tweetOf(9, 'hi @KIM and @nobody, mail kim@example.com #Rust #go #2026 a#b', {
      mentions: [{ id: 2, username: 'kim' }],
      hashtags: ['rust', 'go'],
    });

    it('colours the #hashtags and the @mentions that named an account, on a terminal only', () => {
      // @nobody named no one (it is not in `mentions`); an address, a number and a#b are no mention or tag.
      expect(highlightText(tagged, color)).toBe(
        `hi ${cyan('@KIM')} and @nobody, mail kim@example.com ${cyan('#Rust')} ${cyan('#go')} #2026 a#b`,
      );
      expect(highlightText(tagged, colors)).toBe(tagged.text);
      expect(renderTweet(tagged, { width: 80, colors, now })).toBe(
        `Kim @kim · 1m ago (tweet 9) · ♥ 0 · ↩ 0 · ↻ 0\n  ${tagged.text}`,
      );
      // Only what the server stored: a tag beyond the first 20 finds nothing, so it stays plain.
      expect(highlightText({ ...tagged, hashtags: ['go'] }, color)).toContain(' #Rust ');
      expect(highlightText({ ...tagged, mentions: [] }, color)).toContain('hi @KIM and');
    });

    it('wraps coloured text where it wraps plain text', () => {
      const text = `@kim ${'#태그 '.repeat(6)}#averyveryveryverylongtagthatmustbreak and @kim_lee_with_a_long_handle 끝`;
      const tweet = tweetOf(10, text, {
        mentions: [
          { id: 2, username: 'kim' },
          { id: 3, username: 'kim_lee_with_a_long_handle' },
        ],
        hashtags: ['태그', 'averyveryveryverylongtagthatmustbreak'],
      });
      for (const width of [12, 17, 24, 31, 40, 80]) {
        const plain = renderTweet(tweet, { width, colors, now });
        const coloured = renderTweet(tweet, { width, colors: color, now });
        expect(coloured).not.toBe(plain);
        expect(stripVTControlCharacters(coloured)).toBe(plain);
        const thread = { tweet, ancestors: [], descendants: [], nextCursor: null };
        expect(stripVTControlCharacters(renderThread(thread, { width, colors: color, now }))).toBe(
          renderThread(thread, { width, colors, now }),
        );
      }
      // A tag broken over lines is coloured on each, closed at each end: the next indent stays plain.
      const lines = renderTweet(tweet, { width: 24, colors: color, now }).split('\n').slice(1);
      const count = (line: string, code: string) => line.split(code).length - 1;
      expect(lines.filter((line) => line.includes('\x1b[36m')).length).toBeGreaterThan(3);
      for (const line of lines) expect(count(line, '\x1b[36m'), line).toBe(count(line, '\x1b[39m'));
    });

    it('lists hashtags one to a line, each with its #', () => {
      expect(renderHashtags(['rust', 'rustacean', '한국어'], { colors }, 'none')).toBe('#rust\n#rustacean\n#한국어');
      expect(renderHashtags([], { colors }, 'No hashtags yet.')).toBe('No hashtags yet.');
    });
  });

  describe('threads', () => {
    const header = (id: number) => `Kim @kim · 1m ago (tweet ${id}) · ♥ 0 · ↩ 0 · ↻ 0`;
    const answering = (id: number) => ({ inReplyTo: { id, userId: 1, username: 'kim' } });

    it('shows what a tweet answers, the tweet marked, then its replies two columns in per depth', () => {
      const thread = {
        tweet: tweetOf(2, 'second', answering(1)),
        ancestors: [tweetOf(1, 'first')],
        descendants: [
          { ...tweetOf(3, 'third', answering(2)), depth: 1 },
          { ...tweetOf(4, 'fourth', answering(3)), depth: 2 },
          { ...tweetOf(5, 'fifth', answering(2)), depth: 1 },
        ],
        nextCursor: null,
      };
      // No "replying to" lines: the layout says whom each answers.
      expect(renderThread(thread, { width: 80, colors, now }).split('\n')).toEqual([
        header(1),
        '  first',
        '',
        `${header(2)} ◀ this tweet`,
        '  second',
        '',
        `  ${header(3)}`,
        '    third',
        '',
        `    ${header(4)}`,
        '      fourth',
        '',
        `  ${header(5)}`,
        '    fifth',
      ]);
    });

    it('says above the first tweet shown that what it answers was deleted', () => {
      const alone = { tweet: tweetOf(2, 'second'), ancestors: [], descendants: [], nextCursor: null };
      expect(renderThread(alone, { width: 80, colors, now })).toBe(`${header(2)} ◀ this tweet\n  second`);
      const orphan = { ...alone, tweet: tweetOf(2, 'second', answering(1)) };
      expect(renderThread(orphan, { width: 80, colors, now })).toBe(
        `✕ tweet 1 was deleted\n${header(2)} ◀ this tweet\n  second`,
      );
      const below = { ...alone, tweet: tweetOf(3, 'third', answering(2)), ancestors: [orphan.tweet] };
      expect(renderThread(below, { width: 80, colors, now }).split('\n').slice(0, 2)).toEqual([
        '✕ tweet 1 was deleted',
        header(2),
      ]);
    });

    it('indents deep replies no further than leaves their text 40 columns, within the terminal', () => {
      const deep = Array.from({ length: 30 }, (_, i) => ({
        ...tweetOf(10 + i, `reply ${'word '.repeat(12)}`, answering(9 + i)),
        depth: i + 1,
      }));
      const thread = { tweet: tweetOf(9, 'root'), ancestors: [], descendants: deep, nextCursor: null };
      const lines = renderThread(thread, { width: 60, colors, now }).split('\n');
      const indents = lines.filter((line) => line.includes('(tweet')).map((line) => /^ */.exec(line)?.[0].length);
      expect(indents.slice(0, 12)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 18, 18]);
      const deepest = lines.filter((line) => line.startsWith(`${' '.repeat(20)}reply`));
      expect(deepest.length).toBeGreaterThan(0);
      for (const line of deepest) expect(line.length).toBeLessThanOrEqual(60);
      expect(deepest.some((line) => line.length > 50)).toBe(true);
    });
  });

  it('shows a profile with correctly pluralised counts', () => {
    const user = {
      id: 1,
      name: 'Kim',
      username: 'kim',
      profile: '',
      profilePictureUrl: null,
      createdAt: ago(60),
      tweetCount: 1,
      followerCount: 2,
      followingCount: 1,
      lastTweetAt: ago(30),
    };
    expect(renderProfile(user, { width: 80, colors, now })).toBe(
      'Kim @kim #1 · joined 1m ago\n1 tweet  2 followers  1 following',
    );
  });

  it('lists people with their handle and the first line of their bio, cut to the terminal', () => {
    const person = (name: string, username: string, profile: string) => ({
      id: 1,
      name,
      username,
      profile,
      profilePictureUrl: null,
      createdAt: ago(60),
    });
    const people = [
      person('김민지', 'minji', `커피와 등산을 좋아합니다.\n${'아주 긴 소개 '.repeat(10)}`),
      person('Kim', 'kim', ''),
      person('Lee', 'Lee_2', 'short'),
    ];
    // 40 columns: two of indent, 37 of text (a syllable takes two), and the ellipsis.
    expect(renderUsers(people, { width: 40, colors }, 'nobody').split('\n')).toEqual([
      '김민지 @minji',
      '  커피와 등산을 좋아합니다. 아주 긴…',
      'Kim @kim',
      'Lee @Lee_2',
      '  short',
    ]);
    expect(renderUsers([], { width: 30, colors }, 'nobody')).toBe('nobody');
  });

  it('cuts a line to fit, wide characters counted as two columns', () => {
    expect(firstLine('short', 20)).toBe('short');
    expect(firstLine('one two\nthree', 20)).toBe('one two three');
    expect(firstLine('가'.repeat(20), 20)).toBe(`${'가'.repeat(9)}…`);
  });

  it('shows your account as the fields `miniter profile` edits', () => {
    const account = {
      id: 1,
      name: 'Kim',
      username: 'kim',
      email: 'kim@example.com',
      profilePictureUrl: null,
      createdAt: ago(60),
    };
    expect(renderAccount({ ...account, profile: '' }, { width: 80, colors })).toBe(
      'Name    Kim\nHandle  @kim\nBio     (none)',
    );
    expect(renderAccount({ ...account, profile: 'word '.repeat(6).trim() }, { width: 20, colors })).toBe(
      'Name    Kim\nHandle  @kim\nBio     word word\n        word word\n        word word',
    );
  });
});
