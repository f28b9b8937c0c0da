import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api.ts';
import { Alerts, Field, ServerCheckedForm, textOf, useFormRefusal, useRefusal } from '../components/Field.tsx';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';
import { AuthorizedApps } from './AuthorizedApps.tsx';
import { EditProfile } from './EditProfile.tsx';

function ChangePassword({ session, onSession }: { session: Session; onSession: (next: Session | null) => void }) {
  const { t } = useI18n();
  const password = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.auth.changePassword.mutate(input),
    // This client carries on with the fresh token; every other session has ended.
    onSuccess: ({ accessToken }) => onSession({ ...session, token: accessToken }),
  });
  const { form, problem } = useFormRefusal(password.error, ['currentPassword', 'newPassword']);
  return (
    <ServerCheckedForm
      form={form}
      className="card"
      onSubmit={(data) =>
        password.mutate({
          currentPassword: textOf(data, 'currentPassword'),
          newPassword: textOf(data, 'newPassword'),
        })
      }
    >
      <h2>{t.changePassword}</h2>
      <Field
        label={t.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        problem={problem.field('currentPassword')}
      />
      <Field
        label={t.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        problem={problem.field('newPassword')}
      />
      {password.isSuccess && <p role="status">{t.passwordChanged}</p>}
      <Alerts messages={problem.general} />
      <button type="submit" disabled={password.isPending}>
        {t.changePassword}
      </button>
    </ServerCheckedForm>
  );
}

function DeleteAccount({ onSession }: { onSession: (next: Session | null) => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: (input: { password: string }) => api.auth.deleteAccount.mutate(input),
    onSuccess: () => onSession(null),
  });
  const { form, problem } = useFormRefusal(remove.error, ['password']);
  return (
    <ServerCheckedForm
      form={form}
      className="card"
      onSubmit={(data) => remove.mutate({ password: textOf(data, 'password') })}
    >
      <h2>{t.deleteAccount}</h2>
      <label>
        <input type="checkbox" checked={confirming} onChange={(event) => setConfirming(event.target.checked)} />{' '}
        {t.deleteAccountConfirm}
      </label>
      <Field
        label={t.password}
        name="password"
        type="password"
        autoComplete="current-password"
        problem={problem.field('password')}
      />
      <Alerts messages={problem.general} />
      <button type="submit" className="danger" disabled={!confirming || remove.isPending}>
        {t.deleteAccount}
      </button>
    </ServerCheckedForm>
  );
}

/**
 * Your profile, and every way the API has to end sessions: an application's, everywhere, by a new
 * password, with the account.
 */
export function Settings({ session, onSession }: { session: Session; onSession: (next: Session | null) => void }) {
  const { t } = useI18n();
  const everywhere = useMutation({ mutationFn: () => api.auth.logoutAll.mutate(), onSuccess: () => onSession(null) });
  const problem = useRefusal(everywhere.error);
  return (
    <>
      <h1>{t.settings}</h1>
      <EditProfile />
      <ChangePassword session={session} onSession={onSession} />
      <AuthorizedApps />
      <section className="card">
        <button type="button" onClick={() => everywhere.mutate()} disabled={everywhere.isPending}>
          {t.logOutEverywhere}
        </button>
        <Alerts messages={problem.general} />
      </section>
      <DeleteAccount onSession={onSession} />
    </>
  );
}
