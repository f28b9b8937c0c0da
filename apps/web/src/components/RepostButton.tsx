import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Tweet } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { repostSettled, repostShown } from '../writes.ts';
import { Alerts, useRefusal } from './Field.tsx';

/**
 * Repost `tweet` (never a repost: the tweet it passes on) or take your repost back, with its count:
 * as `LikeButton`, shown at once in every list and thread that holds it, settled on the server's
 * answer, and put back with the server's reason if it refuses. `myId` is who reposts (their own
 * tweets are read again).
 */
export function RepostButton({ tweet, myId }: { tweet: Tweet; myId: number }) {
  const { t, numbers } = useI18n();
  const queryClient = useQueryClient();
  const change = useMutation({
    // One tweet's reposts and unreposts reach the server in the order they were pressed.
    scope: { id: `repost-${tweet.id}` },
    mutationFn: (repost: boolean) =>
      repost ? api.tweet.repost.mutate({ tweetId: tweet.id }) : api.tweet.unrepost.mutate({ tweetId: tweet.id }),
    onMutate: (repost) => repostShown(queryClient, tweet.id, repost),
    onError: (_error, repost) => repostShown(queryClient, tweet.id, !repost),
    onSuccess: (answer) => repostSettled(queryClient, answer, myId),
  });
  const problem = useRefusal(change.error);
  return (
    <>
      <button
        type="button"
        className="repost"
        aria-pressed={tweet.reposted}
        onClick={() => change.mutate(!tweet.reposted)}
      >
        <span aria-hidden="true">{'⇄\uFE0E'}</span> <span className="visually-hidden">{t.repost}</span>{' '}
        {numbers.format(tweet.repostCount)}
      </button>
      <Alerts messages={problem.general} />
    </>
  );
}
