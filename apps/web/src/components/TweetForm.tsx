/**
 * The box a tweet or a reply is written in: counted and checked as the server will, its refusal
 * beside it, posted with its button or Ctrl+Enter (⌘+Enter on a Mac).
 */
import { zodIssues } from '@miniter/api/issues';
import { codePoints, tweetMaxLength, tweetText } from '@miniter/api/text-fields';
import { type KeyboardEvent, type ReactNode, type RefObject, useRef, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { describe, refusal } from '../problems.ts';

/** A draft kept under `key` for the tab's life: a reload, or a session that ended and a new log-in. */
export function useDraft(key: string): [string, (draft: string) => void] {
  const [text, setText] = useState(() => sessionStorage.getItem(key) ?? '');
  const setDraft = (draft: string) => {
    if (draft) sessionStorage.setItem(key, draft);
    else sessionStorage.removeItem(key);
    setText(draft);
  };
  return [text, setDraft];
}

const postsOnKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
};

interface TweetFormProps {
  /** Prefix of the ids of the box, its count and its problem. */
  id: string;
  label: string;
  submit: string;
  text: string;
  onText: (text: string) => void;
  /** Called with the text once it passes the server's own schema. */
  onPost: (text: string) => void;
  /** The server's refusal of the last post, if any. */
  error: unknown;
  textarea?: RefObject<HTMLTextAreaElement | null>;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  className?: string;
  children?: ReactNode;
}

export function TweetForm({
  id,
  label,
  submit,
  text,
  onText,
  onPost,
  error,
  textarea,
  onKeyDown,
  className,
  children,
}: TweetFormProps) {
  const { t } = useI18n();
  const own = useRef<HTMLTextAreaElement>(null);
  const box = textarea ?? own;
  // What the server counts: code points of the trimmed text, checked by the server's own schema.
  const check = tweetText.safeParse(text);
  const length = codePoints(text.trim());
  const local = text.trim() && check.error ? zodIssues(check.error)[0] : undefined;
  const refused = refusal(t, error, ['text']);
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        if (!check.success) return;
        onPost(text);
        // The button disables as the box empties: the focus stays in the box, for the next one.
        box.current?.focus();
      }}
    >
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        ref={box}
        value={text}
        onChange={(event) => onText(event.target.value)}
        onKeyDown={(event) => {
          // Keys that end a Korean syllable being composed are the input method's.
          if (event.nativeEvent.isComposing) return;
          postsOnKey(event);
          onKeyDown?.(event);
        }}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        aria-describedby={`${id}-count ${id}-problem`}
        aria-invalid={Boolean(local ?? refused.firstField)}
        rows={3}
      />
      <p id={`${id}-count`} className={length > tweetMaxLength ? 'count over' : 'count'}>
        {length} / {tweetMaxLength}
      </p>
      <p id={`${id}-problem`} role="alert" className="error">
        {local ? describe(t, local) : [refused.field('text'), ...refused.general].join(' ')}
      </p>
      <button type="submit" disabled={!check.success}>
        {submit}
      </button>
      {children}
    </form>
  );
}
