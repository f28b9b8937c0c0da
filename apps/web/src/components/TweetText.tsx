import { Link } from 'wouter';
import type { Tweet } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { tweetParts } from '../tweet-links.ts';

/**
 * A tweet's text with its links (`tweetParts`): web addresses open in a new tab, telling nothing of
 * the page they leave (no referrer, no opener) and vouching for nothing (nofollow); mentions and
 * hashtags stay in the app. The text stays text: React escapes it, markup and all.
 */
export function TweetText({ tweet }: { tweet: Pick<Tweet, 'text' | 'mentions'> }) {
  const { t } = useI18n();
  return (
    <p className="text">
      {tweetParts(tweet).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : part.kind === 'web' ? (
          <a key={index} href={part.href} target="_blank" rel="nofollow noopener noreferrer" title={t.opensInNewTab}>
            {part.text}
          </a>
        ) : (
          <Link key={index} href={part.href} className={part.kind}>
            {part.text}
          </Link>
        ),
      )}
    </p>
  );
}
