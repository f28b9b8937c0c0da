/**
 * The header's search: a combobox with a listbox of people as you type, or of hashtags for text
 * that starts with `#` (WAI-ARIA's combobox pattern). Arrow keys move through the list, Enter opens
 * the one chosen (or, with none chosen, every person found, or the hashtag typed), Escape closes the
 * list and then clears the box.
 */
import { isHashtag } from '@miniter/api/tweet-text';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useLocation } from 'wouter';
import { hashtagsLike, peopleLike, profilePath } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { hashtagPath } from '../tweet-links.ts';
import { Avatar } from './Avatar.tsx';

/** `value`, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** One of the list's options: a person or a hashtag, where it leads, and how it shows. */
interface Option {
  id: string;
  path: string;
  content: ReactNode;
}

export function SearchBox() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = text.trim();
  const query = useSettled(typed, 200);
  const tagging = query.startsWith('#');
  const people = useQuery({
    ...peopleLike(query),
    enabled: query !== '' && !tagging,
    placeholderData: keepPreviousData,
  });
  const tags = useQuery({ ...hashtagsLike(query), enabled: tagging, placeholderData: keepPreviousData });
  const results = tagging ? tags : people;
  const options: Option[] =
    !query || !typed
      ? []
      : tagging
        ? (tags.data ?? []).map((tag, index) => ({
            id: `${id}-tag-${index}`,
            path: hashtagPath(tag),
            content: <span>#{tag}</span>,
          }))
        : (people.data ?? []).map((person) => ({
            id: `${id}-option-${person.id}`,
            path: profilePath(person),
            content: (
              <>
                <Avatar person={person} />
                <span>
                  {person.name} <span className="handle">@{person.username}</span>
                </span>
              </>
            ),
          }));
  const expanded = open && options.length > 0;
  const chosen = expanded ? options[active] : undefined;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const go = (path: string) => {
    close();
    setText('');
    navigate(path);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) go(chosen.path);
    else if (typed.startsWith('#') && isHashtag(typed.slice(1))) go(hashtagPath(typed));
    else if (typed) go(`/search?q=${encodeURIComponent(typed)}`);
  };
  const move = (step: 1 | -1) => {
    setOpen(true);
    const count = options.length;
    if (count > 0) setActive((index) => (index < 0 ? (step === 1 ? 0 : count - 1) : (index + step + count) % count));
  };
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Escape') {
      if (open) close();
      else setText('');
    }
  };

  return (
    <search className="search">
      <form onSubmit={submit}>
        <label htmlFor={`${id}-input`} className="visually-hidden">
          {t.searchBox}
        </label>
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          placeholder={t.searchBox}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={chosen?.id}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={keys}
          onBlur={close}
        />
        {/* Pressing an option keeps the focus in the box, so the list stays open until it is chosen. */}
        <div
          id={`${id}-list`}
          role="listbox"
          aria-label={t.searchBox}
          className="search-results"
          hidden={!expanded}
          onPointerDown={(event) => event.preventDefault()}
        >
          {options.map((option, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox takes the keys (aria-activedescendant)
            <div
              key={option.id}
              id={option.id}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              onClick={() => go(option.path)}
              onPointerMove={() => setActive(index)}
            >
              {option.content}
            </div>
          ))}
        </div>
        <p role="status" className="visually-hidden">
          {open && query && results.isSuccess && !results.isPlaceholderData
            ? (tagging ? t.hashtagCount : t.searchCount)(options.length)
            : ''}
        </p>
      </form>
    </search>
  );
}
