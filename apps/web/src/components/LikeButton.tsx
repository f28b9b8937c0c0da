import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Tweet } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { likeSettled, likeShown } from '../writes.ts';
import { Alerts, useRefusal } from './Field.tsx';

/**
 * Like or unlike `tweet`, with its count: shown at once in every list that holds it, settled on the
 * server's answer, and put back with the server's reason if it refuses. One name in either state
 * (a toggle button's state is `aria-pressed`, not its name).
 */
export function LikeButton({ tweet }: { tweet: Tweet }) {
  const { t, numbers } = useI18n();
  const queryClient = useQueryClient();
  const change = useMutation({
    // One tweet's likes and unlikes reach the server in the order they were pressed.
    scope: { id: `like-${tweet.id}` },
    mutationFn: (like: boolean) =>
      like ? api.tweet.like.mutate({ tweetId: tweet.id }) : api.tweet.unlike.mutate({ tweetId: tweet.id }),
    onMutate: (like) => likeShown(queryClient, tweet.id, like),
    onError: (_error, like) => likeShown(queryClient, tweet.id, !like),
    onSuccess: (answer) => likeSettled(queryClient, answer),
  });
  const problem = useRefusal(change.error);
  return (
    <>
      <button type="button" className="like" aria-pressed={tweet.liked} onClick={() => change.mutate(!tweet.liked)}>
        <span aria-hidden="true">{tweet.liked ? '♥' : '♡'}</span> <span className="visually-hidden">{t.like}</span>{' '}
        {numbers.format(tweet.likeCount)}
      </button>
      <Alerts messages={problem.general} />
    </>
  );
}
