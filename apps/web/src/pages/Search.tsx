import { useSearchParams } from 'wouter';
import { searchPeople } from '../api.ts';
import { PeoplePagesList } from '../components/PeopleList.tsx';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';

/** Everyone the header's search finds for `?q=`, a page at a time. */
export function Search({ session }: { session: Session }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  if (!query) return <h1>{t.search}</h1>;
  return (
    <PeoplePagesList
      key={query}
      level={1}
      title={t.searchResultsFor(query)}
      pages={searchPeople(query)}
      myId={session.userId}
      empty={t.noOneFound}
    />
  );
}
