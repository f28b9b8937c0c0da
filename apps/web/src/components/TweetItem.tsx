import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, profilePath, type Tweet, tweetPath } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ago } from '../time-ago.ts';
import { shownTweet } from '../timeline-cache.ts';
import { tweetDeleted } from '../writes.ts';
import { Avatar } from './Avatar.tsx';
import { Alerts, useRefusal } from './Field.tsx';
import { LikeButton } from './LikeButton.tsx';
import { PersonName } from './PersonName.tsx';
import { ReplyButton } from './ReplyButton.tsx';
import { ReplyComposer } from './ReplyComposer.tsx';
import { RepostButton } from './RepostButton.tsx';
import { TweetText } from './TweetText.tsx';

/** Whom a reply answers: a link to their profile, or that their account is gone. */
function ReplyingTo({ to }: { to: NonNullable<Tweet['inReplyTo']> }) {
  const { t } = useI18n();
  const { username } = to;
  return (
    <p className="replying-to">
      {username ? t.replyingTo(<Link href={profilePath({ username })}>@{username}</Link>) : t.replyingToGone}
    </p>
  );
}

/** Who passed a tweet on: a link to their profile. `id` names the article with its author. */
function RepostedBy({ reposter, id }: { reposter: Tweet['author']; id: string }) {
  const { t } = useI18n();
  return (
    <p className="reposted-by" id={id}>
      <span aria-hidden="true">{'⇄\uFE0E'}</span>{' '}
      {t.reposted(<Link href={profilePath(reposter)}>@{reposter.username}</Link>)}
    </p>
  );
}

/** A tweet's counts for a reader who is not logged in: nothing to press. */
function Counts({ tweet }: { tweet: Tweet }) {
  const { t, numbers } = useI18n();
  return (
    <p className="actions counts-only">
      <span>
        <span aria-hidden="true">{'↩\uFE0E'}</span> <span className="visually-hidden">{t.replies}</span>{' '}
        {numbers.format(tweet.replyCount)}
      </span>
      <span>
        <span aria-hidden="true">{'⇄\uFE0E'}</span> <span className="visually-hidden">{t.reposts}</span>{' '}
        {numbers.format(tweet.repostCount)}
      </span>
      <span>
        <span aria-hidden="true">♡</span> <span className="visually-hidden">{t.likes}</span>{' '}
        {numbers.format(tweet.likeCount)}
      </span>
    </p>
  );
}

interface TweetItemProps {
  /** An entry: a tweet, or a repost (shown as the tweet it passes on, under who passed it on). */
  tweet: Tweet;
  /** Who reads (their own tweets have a Delete button); null when nobody is logged in. */
  myId: number | null;
  /** The tweet a thread page is about: highlighted, its reply box always open under it. */
  focused?: boolean;
  /** Steps a reply is indented in its thread (`indentOf`). */
  indent?: number;
}

/**
 * A tweet: its author, when (a link to its thread), whom it answers, its text (web addresses,
 * mentions and hashtags linked), and what can be done with it; a reply box opens in place under it.
 * A repost shows who passed it on above the tweet, whose own it all is: its thread, counts, buttons.
 */
export function TweetItem({ tweet: entry, myId, focused = false, indent = 0 }: TweetItemProps) {
  const { t, dates, relative } = useI18n();
  const tweet = shownTweet(entry);
  const reposter = entry.repostOf ? entry.author : null;
  // Ids by the entry: a list may show a tweet and a repost of it.
  const labelId = `tweet-${entry.id}`;
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.tweet.delete.mutate({ tweetId: tweet.id }),
    onSuccess: () => tweetDeleted(queryClient, tweet),
  });
  const problem = useRefusal(remove.error);
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const composerId = useId();
  // A tweet still being posted (a negative id) has nothing to act on yet.
  const posted = tweet.id > 0;
  const composing = myId !== null && posted && (focused || replying);
  const closeComposer = () => {
    // The focus, if it was in the box that goes, back to the button that opened it.
    const inBox = textarea.current?.form?.contains(document.activeElement);
    setReplying(false);
    if (inBox) replyButton.current?.focus();
  };
  const time = (
    <time dateTime={tweet.createdAt} title={dates.format(new Date(tweet.createdAt))}>
      {ago(relative, tweet.createdAt)}
    </time>
  );
  const className = [
    'tweet',
    reposter && 'repost',
    !posted && 'pending',
    focused && 'focused',
    indent > 0 && `indent-${indent}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <article
      aria-labelledby={reposter ? `${labelId}-reposted ${labelId}-author` : `${labelId}-author`}
      className={className}
    >
      {reposter && <RepostedBy reposter={reposter} id={`${labelId}-reposted`} />}
      <Avatar person={tweet.author} />
      <div>
        <p className="meta">
          <PersonName person={tweet.author} id={`${labelId}-author`} />{' '}
          {posted ? (
            <Link href={tweetPath(tweet)} className="permalink">
              {time}
            </Link>
          ) : (
            time
          )}
        </p>
        {tweet.inReplyTo && <ReplyingTo to={tweet.inReplyTo} />}
        <TweetText tweet={tweet} />
        {posted && myId === null && <Counts tweet={tweet} />}
        {posted && myId !== null && (
          <div className="actions">
            <ReplyButton
              ref={replyButton}
              tweet={tweet}
              // Under a thread's own tweet the box is always there: the button takes you to it.
              onClick={focused ? () => textarea.current?.focus() : () => setReplying(!replying)}
              expanded={focused ? undefined : replying}
              controls={composing ? `${composerId}-text` : undefined}
            />
            <RepostButton tweet={tweet} myId={myId} />
            <LikeButton tweet={tweet} />
            {tweet.author.id === myId && (
              <button type="button" className="link" onClick={() => remove.mutate()} disabled={remove.isPending}>
                {t.delete}
                <span className="visually-hidden">{t.thisTweet}</span>
              </button>
            )}
          </div>
        )}
        <Alerts messages={problem.general} />
        {composing && (
          <ReplyComposer
            parent={tweet}
            id={composerId}
            textarea={textarea}
            focusOnOpen={!focused}
            onClose={focused ? undefined : closeComposer}
          />
        )}
      </div>
    </article>
  );
}
