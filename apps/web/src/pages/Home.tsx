import { codePoints, tweetMaxLength, tweetText } from '@miniter/api/text-fields';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, checkSession, homeTimeline, me, messageOf, type Tweet } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';
import { addWaiting, drop, type Pages, prepend, replace } from '../timeline-cache.ts';
import { tweeted } from '../writes.ts';
import { TweetFeed } from './Tweets.tsx';

const home = homeTimeline();

/** The draft outlives the page: a reload, or a session that ended and a new log-in. */
const draftKey = 'miniter.draft';

function Compose({ author }: { author: Tweet['author'] | undefined }) {
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
        author: author ?? { id: 0, name: '…', profilePictureUrl: null },
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
  const problem = text.trim() && !check.success ? check.error.issues[0]?.message : undefined;
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
        aria-invalid={Boolean(problem)}
        rows={3}
      />
      <p id="compose-count" className={length > tweetMaxLength ? 'count over' : 'count'}>
        {length} / {tweetMaxLength}
      </p>
      <p id="compose-problem" role="alert" className="error">
        {problem ?? (post.error ? messageOf(post.error, t.unreachable) : '')}
      </p>
      <button type="submit" disabled={!check.success}>
        {t.tweet}
      </button>
    </form>
  );
}

/** Your timeline, with what arrives live waiting behind a button rather than pushing it down. */
export function Home({ session }: { session: Session }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const author = useQuery(me()).data;
  const [waiting, setWaiting] = useState<Tweet[]>([]);
  useEffect(() => {
    const subscription = api.timeline.live.subscribe(undefined, {
      onData: ({ data }) => {
        const shown = queryClient.getQueryData(home.queryKey);
        if (data.type === 'tweet') {
          // Your own are on the page already (posted at once).
          if (data.tweet.author.id !== session.userId) setWaiting((list) => addWaiting(list, shown, data.tweet));
        } else if (data.type === 'delete') {
          setWaiting((list) => list.filter((t) => t.id !== data.tweetId));
          queryClient.setQueryData(home.queryKey, (pages: Pages) => drop(pages, data.tweetId));
        } else {
          setWaiting([]);
          void queryClient.invalidateQueries({ queryKey: home.queryKey });
        }
      },
      // The stream ends with UNAUTHORIZED when the session is revoked elsewhere.
      onError: checkSession,
    });
    return () => subscription.unsubscribe();
  }, [queryClient, session.userId]);
  const reveal = () => {
    queryClient.setQueryData(home.queryKey, (pages: Pages) => prepend(pages, waiting));
    setWaiting([]);
  };
  return (
    <>
      <h1>{t.home}</h1>
      <Compose author={author} />
      {waiting.length > 0 && (
        <button type="button" className="new-tweets" onClick={reveal}>
          {t.newTweets(waiting.length)}
        </button>
      )}
      <TweetFeed label={t.yourTimeline} pages={home} myId={session.userId} />
    </>
  );
}
