import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { type PeoplePages, type Person, suggestions } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Avatar } from './Avatar.tsx';
import { Alerts, useRefusal } from './Field.tsx';
import { FollowButton } from './FollowButton.tsx';
import { PersonName } from './PersonName.tsx';

interface ListProps {
  title: string;
  /** Your own id: no Follow button beside yourself. */
  myId: number;
  /** Shown when the list is empty. */
  empty: string;
  /** Level of the list's heading. */
  level?: 1 | 2;
}

/** People with their picture, name, @handle, bio and a Follow button; `more` loads the next page. */
function People({
  title,
  myId,
  empty,
  level = 2,
  people,
  error,
  more,
}: ListProps & { people: Person[] | undefined; error: unknown; more?: { load: () => void; busy: boolean } }) {
  const { t } = useI18n();
  const titleId = useId();
  const problem = useRefusal(error);
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section aria-labelledby={titleId} className="card">
      <Heading id={titleId}>{title}</Heading>
      <Alerts messages={problem.general} />
      <ul className="people">
        {people?.map((person) => (
          <li key={person.id} className="person">
            <Avatar person={person} />
            <div className="person-text">
              <p className="meta">
                <PersonName person={person} />
              </p>
              {person.profile && <p className="bio">{person.profile}</p>}
            </div>
            {person.id !== myId && <FollowButton person={person} />}
          </li>
        ))}
      </ul>
      {people?.length === 0 && <p>{empty}</p>}
      {more && (
        <button type="button" onClick={more.load} disabled={more.busy}>
          {t.loadMore}
        </button>
      )}
    </section>
  );
}

/** A paged list of people: followers, following, search results. */
export function PeoplePagesList({ pages, ...props }: ListProps & { pages: PeoplePages }) {
  const list = useInfiniteQuery(pages);
  return (
    <People
      {...props}
      people={list.data?.pages.flatMap((page) => page.items)}
      error={list.error}
      more={list.hasNextPage ? { load: () => void list.fetchNextPage(), busy: list.isFetching } : undefined}
    />
  );
}

/** People you might follow. */
export function Suggestions({ myId, limit = 5 }: { myId: number; limit?: number }) {
  const { t } = useI18n();
  const list = useQuery(suggestions(limit));
  return <People title={t.whoToFollow} myId={myId} empty={t.noSuggestions} people={list.data} error={list.error} />;
}
