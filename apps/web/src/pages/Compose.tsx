import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Tweet } from '../api.ts';
import { TweetForm, useDraft } from '../components/TweetForm.tsx';
import { useI18n } from '../i18n.tsx';
import { pendingTweet } from '../timeline-cache.ts';
import { posted, postRefused, postShown } from '../writes.ts';

/** The box a tweet is written in, above the home timeline: posted at once. */
export function Compose({ author }: { author: Tweet['author'] | undefined }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [text, setText] = useDraft('miniter.draft');
  const post = useMutation({
    mutationFn: (draft: string) => api.tweet.create.mutate({ text: draft }),
    // Shown at once; taken back, with the draft, if the server refuses it.
    onMutate: async (draft) => {
      const pending = pendingTweet(author, draft);
      await postShown(queryClient, pending);
      setText('');
      return { pending, draft };
    },
    onError: (_error, _draft, context) => {
      if (!context) return;
      postRefused(queryClient, context.pending);
      setText(context.draft);
    },
    onSuccess: (tweet, _draft, context) => posted(queryClient, context.pending.id, tweet),
  });
  return (
    <TweetForm
      id="compose"
      className="card compose"
      label={t.compose}
      submit={t.tweet}
      text={text}
      onText={setText}
      onPost={(draft) => post.mutate(draft)}
      error={post.error}
    />
  );
}
