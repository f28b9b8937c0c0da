/** The compose box counts and checks with the server's own rule (`@miniter/api/text-fields`). */
import { codePoints, tweetMaxLength, tweetText } from '@miniter/api/text-fields';
import { describe, expect, it } from 'vitest';

describe('the compose counter', () => {
  it('counts code points, so an emoji or a Hangul syllable is one', () => {
    expect(codePoints('🌏')).toBe(1);
    expect(codePoints('안녕')).toBe(2);
    expect('🌏'.length).toBe(2);
  });

  it('accepts exactly what fits and names the limit past it', () => {
    expect(tweetText.safeParse('🌏'.repeat(tweetMaxLength)).success).toBe(true);
    const over = tweetText.safeParse('🌏'.repeat(tweetMaxLength + 1));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe('Tweet must be at most 300 characters');
    // What the server trims is not counted.
    expect(tweetText.parse(`  ${'x'.repeat(tweetMaxLength)}\n`)).toHaveLength(tweetMaxLength);
  });
});
