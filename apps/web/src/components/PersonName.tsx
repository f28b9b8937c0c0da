import { Link } from 'wouter';
import { profilePath } from '../api.ts';

/** A name that links to its profile, with the @handle that tells two Kims apart. */
export function PersonName({ person, id }: { person: { name: string; username: string }; id?: string }) {
  return (
    <>
      <Link href={profilePath(person)} id={id}>
        {person.name}
      </Link>{' '}
      <span className="handle">@{person.username}</span>
    </>
  );
}
