/** A person's picture, or the first letter of their name when they have none. */
export function Avatar({
  person,
  big = false,
  alt = '',
}: {
  person: { name: string; profilePictureUrl: string | null };
  big?: boolean;
  /** Empty (decorative) where the name is written beside it. */
  alt?: string;
}) {
  const size = big ? 96 : 48;
  const className = big ? 'avatar big' : 'avatar';
  return person.profilePictureUrl ? (
    <img className={className} src={person.profilePictureUrl} alt={alt} width={size} height={size} />
  ) : (
    <span className={className} aria-hidden="true">
      {[...person.name][0]}
    </span>
  );
}
