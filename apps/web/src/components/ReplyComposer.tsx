import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useState } from 'react';
import { api, me, type Tweet } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { pendingTweet } from '../timeline-cache.ts';
import { posted, postRefused, postShown } from '../writes.ts';
import { TweetForm, useDraft } from './TweetForm.tsx';

interface ReplyComposerProps {
  parent: Tweet;
  /** Prefix of the form's ids; the reply button controls `${id}-text`. */
  id: string;
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** Opened by the reply button: the focus goes to the box. */
  focusOnOpen?: boolean;
  /** Closes the box (Escape, or once posted); none for the box that stays under a thread's tweet. */
  onClose?: () => void;
}

/**
 * A reply to `parent`, written in place: shown at once under it in its thread and counted on it
 * everywhere, taken back with the draft and the server's reason if refused.
 */
export function ReplyComposer({ parent, id, textarea, focusOnOpen = false, onClose }: ReplyComposerProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const author = useQuery(me()).data;
  const [text, setText] = useDraft(`miniter.draft.reply.${parent.id}`);
  const [sent, setSent] = useState(false);
  const post = useMutation({
    mutationFn: (draft: string) => api.tweet.create.mutate({ text: draft, inReplyToId: parent.id }),
    onMutate: async (draft) => {
      const pending = pendingTweet(author, draft, parent);
      await postShown(queryClient, pending);
      setText('');
      setSent(false);
      return { pending, draft };
    },
    onError: (_error, _draft, context) => {
      if (!context) return;
      postRefused(queryClient, context.pending);
      setText(context.draft);
    },
    onSuccess: (reply, _draft, context) => {
      const settled = posted(queryClient, context.pending.id, reply);
      setSent(true);
      onClose?.();
      return settled;
    },
  });
  useEffect(() => {
    if (focusOnOpen) textarea.current?.focus();
  }, [focusOnOpen, textarea]);
  return (
    <TweetForm
      id={id}
      className="reply-composer"
      label={t.replyTo(parent.author.username)}
      submit={t.postReply}
      text={text}
      onText={(draft) => {
        setText(draft);
        setSent(false);
      }}
      onPost={(draft) => post.mutate(draft)}
      error={post.error}
      textarea={textarea}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onClose) onClose();
      }}
    >
      <p role="status" className="visually-hidden">
        {sent ? t.replyPosted : ''}
      </p>
    </TweetForm>
  );
}
