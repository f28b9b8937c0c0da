import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, relationship } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { followChanged } from '../writes.ts';
import { Alerts, useRefusal } from './Field.tsx';

/**
 * Follow or unfollow `person`, shown at once and put back if the server refuses. Its state comes
 * from `relationship`, asked for a whole page of buttons in one call.
 */
export function FollowButton({ person }: { person: { id: number; name: string } }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const state = relationship(person.id);
  const { data } = useQuery(state);
  const change = useMutation({
    mutationFn: (follow: boolean) =>
      follow ? api.follow.follow.mutate({ userId: person.id }) : api.follow.unfollow.mutate({ userId: person.id }),
    onMutate: (follow) => {
      const before = queryClient.getQueryData(state.queryKey);
      queryClient.setQueryData(state.queryKey, { userId: person.id, following: follow });
      return { before };
    },
    onError: (_error, _follow, context) => queryClient.setQueryData(state.queryKey, context?.before),
    onSuccess: ({ following }) => followChanged(queryClient, person.id, following),
  });
  const problem = useRefusal(change.error);
  if (!data) return null;
  return (
    <div className="follow">
      <button type="button" aria-pressed={data.following} onClick={() => change.mutate(!data.following)}>
        {data.following ? t.unfollow : t.follow}
        <span className="visually-hidden"> {person.name}</span>
      </button>
      <Alerts messages={problem.general} />
    </div>
  );
}
