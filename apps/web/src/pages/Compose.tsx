import { zodIssues } from '@miniter/api/issues';
import { codePoints, tweetMaxLength, tweetText } from '@miniter/api/text-fields';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, homeTimeline, type Tweet } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { describe, refusal } from '../problems.ts';
import { drop, type Pages, prepend, replace } from '../timeline-cache.ts';
import { tweeted } from '../writes.ts';

const home = homeTimeline();

/** The draft outlives the page: a reload, or a session that ended and a new log-in. */
const draftKey = 'miniter.draft';

/** The box a tweet is written in: counted and checked as the server will, posted at once. */
export function Compose({ author }: { author: Tweet['author'] | undefined }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [text, setDraft] = useState(() => sessionStorage.getItem(draftKey) ?? '');
  const setText = (draft: string) => {
    sessionStorage.setItem(draftKey, draft);
    setDraft(draft);
  };
  const post = useMutation({
    mutationFn: (draft: string) => api.tweet.create.mutate({ text: draft }),
    // Shown at once; taken back, with the draft, if the server refuses it.
    onMutate: async (draft) => {
      await queryClient.cancelQueries({ queryKey: home.queryKey });
      const pending = {
        id: -Date.now(),
        text: draft.trim(),
        createdAt: new Date().toISOString(),
        author: author ?? { id: 0, name: '…', username: '', profilePictureUrl: null },
        inReplyTo: null,
        replyCount: 0,
        likeCount: 0,
        liked: false,
      };
      queryClient.setQueryData(home.queryKey, (pages: Pages) => prepend(pages, [pending]));
      setText('');
      return { pending, draft };
    },
    onError: (_error, _draft, context) => {
      if (!context) return;
      // Only the pending tweet goes: what arrived meanwhile (revealed live tweets) stays.
      queryClient.setQueryData(home.queryKey, (pages: Pages) => drop(pages, context.pending.id));
      setText(context.draft);
    },
    onSuccess: (tweet, _draft, context) => {
      queryClient.setQueryData(home.queryKey, (pages: Pages) => replace(pages, context.pending.id, tweet));
      return tweeted(queryClient, tweet);
    },
  });
  // What the server counts: code points of the trimmed text, checked by the server's own schema.
  const check = tweetText.safeParse(text);
  const length = codePoints(text.trim());
  const local = text.trim() && check.error ? zodIssues(check.error)[0] : undefined;
  const refused = refusal(t, post.error, ['text']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check.success) post.mutate(text);
  };
  return (
    <form onSubmit={submit} className="card compose">
      <label htmlFor="compose-text">{t.compose}</label>
      <textarea
        id="compose-text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby="compose-count compose-problem"
        aria-invalid={Boolean(local ?? refused.firstField)}
        rows={3}
      />
      <p id="compose-count" className={length > tweetMaxLength ? 'count over' : 'count'}>
        {length} / {tweetMaxLength}
      </p>
      <p id="compose-problem" role="alert" className="error">
        {local ? describe(t, local) : [refused.field('text'), ...refused.general].join(' ')}
      </p>
      <button type="submit" disabled={!check.success}>
        {t.tweet}
      </button>
    </form>
  );
}
