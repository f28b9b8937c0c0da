/**
 * The header's search: a combobox with a listbox of people as you type (WAI-ARIA's combobox
 * pattern). Arrow keys move through the people, Enter opens the one chosen (or, with none chosen,
 * every result), Escape closes the list and then clears the box.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useLocation } from 'wouter';
import { type Person, peopleLike, profilePath } from '../api.ts';
import { useI18n } from '../i18n.tsx';
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

export function SearchBox() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useSettled(text.trim(), 200);
  const results = useQuery({ ...peopleLike(query), enabled: query !== '', placeholderData: keepPreviousData });
  const people: Person[] = query && text.trim() ? (results.data ?? []) : [];
  const expanded = open && people.length > 0;
  const optionId = (person: Person) => `${id}-option-${person.id}`;
  const chosen = expanded ? people[active] : undefined;

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
    if (chosen) go(profilePath(chosen));
    else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  const move = (step: 1 | -1) => {
    setOpen(true);
    const count = people.length;
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
          {t.search}
        </label>
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          placeholder={t.search}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={chosen ? optionId(chosen) : undefined}
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
          aria-label={t.search}
          className="search-results"
          hidden={!expanded}
          onPointerDown={(event) => event.preventDefault()}
        >
          {people.map((person, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox takes the keys (aria-activedescendant)
            <div
              key={person.id}
              id={optionId(person)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              onClick={() => go(profilePath(person))}
              onPointerMove={() => setActive(index)}
            >
              <Avatar person={person} />
              <span>
                {person.name} <span className="handle">@{person.username}</span>
              </span>
            </div>
          ))}
        </div>
        <p role="status" className="visually-hidden">
          {open && query && results.isSuccess && !results.isPlaceholderData ? t.searchCount(people.length) : ''}
        </p>
      </form>
    </search>
  );
}
