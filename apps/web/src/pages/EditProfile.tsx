import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Account, api, me } from '../api.ts';
import { Alerts, Field, ServerCheckedForm, textOf, useFormRefusal } from '../components/Field.tsx';
import { useI18n } from '../i18n.tsx';
import { profileChanged } from '../writes.ts';

const fields = ['name', 'username', 'profile'] as const;

/** Your name, handle and bio: what changed is sent, and each refusal shows beside its field. */
function ProfileForm({ account }: { account: Account }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (changes: Partial<Record<(typeof fields)[number], string>>) => api.user.updateProfile.mutate(changes),
    onSuccess: () => profileChanged(queryClient),
  });
  const { form, problem } = useFormRefusal(save.error, fields);
  const submit = (data: FormData) => {
    const changed = fields.flatMap((field) => {
      const value = textOf(data, field);
      return value === (account[field] ?? '') ? [] : [[field, value] as const];
    });
    save.mutate(Object.fromEntries(changed));
  };
  return (
    <ServerCheckedForm form={form} className="card" onSubmit={submit} aria-labelledby="edit-profile-title">
      <h2 id="edit-profile-title">{t.editProfile}</h2>
      <Field
        label={t.name}
        name="name"
        defaultValue={account.name}
        autoComplete="nickname"
        problem={problem.field('name')}
      />
      <Field
        label={t.username}
        name="username"
        defaultValue={account.username}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint={t.usernameHint}
        problem={problem.field('username')}
      />
      <Field
        label={t.bio}
        name="profile"
        multiline
        rows={3}
        defaultValue={account.profile ?? ''}
        problem={problem.field('profile')}
      />
      {save.isSuccess && <p role="status">{t.profileSaved}</p>}
      <Alerts messages={problem.general} />
      <button type="submit" disabled={save.isPending}>
        {t.save}
      </button>
    </ServerCheckedForm>
  );
}

export function EditProfile() {
  const account = useQuery(me()).data;
  return account ? <ProfileForm account={account} /> : null;
}
