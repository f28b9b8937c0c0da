import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import {
  firstLine,
  relativeTime,
  renderAccount,
  renderDeleted,
  renderLikes,
  renderProfile,
  renderTweet,
  renderUsers,
  wrap,
} from '../../src/format.ts';

const now = Date.parse('2026-11-26T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();
const colors = createColors(false);

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
      likeCount: 0,
      liked: false,
    };
    const [header, ...body] = renderTweet(tweet, { width: 30, colors, now }).split('\n');
    expect(header).toBe('민지 @minji · 3m ago (tweet 7) · ♥ 0');
    expect(body.length).toBeGreaterThan(1);
    for (const line of body) expect(line.startsWith('  ')).toBe(true);
  });

  it("counts a tweet's likes, and marks the reader's own in red on a terminal", () => {
    expect(renderLikes({ likeCount: 3, liked: false }, colors)).toBe('♥ 3');
    expect(renderLikes({ likeCount: 3, liked: true }, colors)).toBe('♥ 3 (you liked it)');
    expect(renderLikes({ likeCount: 1, liked: true }, createColors(true))).toBe('\x1b[31m♥ 1 (you liked it)\x1b[39m');
  });

  it('marks a deleted tweet, dimmed on a terminal', () => {
    expect(renderDeleted(42, { colors })).toBe('✕ tweet 42 was deleted');
    expect(renderDeleted(42, { colors: createColors(true) })).toBe('\x1b[2m✕ tweet 42 was deleted\x1b[22m');
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
