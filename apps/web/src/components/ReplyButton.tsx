import type { Ref } from 'react';
import type { Tweet } from '../api.ts';
import { useI18n } from '../i18n.tsx';

interface ReplyButtonProps {
  tweet: Tweet;
  onClick: () => void;
  /** Whether the reply box it opens is open; none where the box is always there. */
  expanded?: boolean;
  /** The reply box's id, while there is one. */
  controls?: string;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A tweet's replies counted, on the button that opens the box to answer it. One name in either
 * state ("Reply 3"): whether the box is open is `aria-expanded`.
 */
export function ReplyButton({ tweet, onClick, expanded, controls, ref }: ReplyButtonProps) {
  const { t, numbers } = useI18n();
  return (
    <button
      ref={ref}
      type="button"
      className="reply"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onClick}
    >
      <span aria-hidden="true">{'↩\uFE0E'}</span> <span className="visually-hidden">{t.reply}</span>{' '}
      {numbers.format(tweet.replyCount)}
    </button>
  );
}
