import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { api } from '../api.ts';
import { Alerts, Field, useFocusOnProblem, useRefusal } from '../components/Field.tsx';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';
import { EditProfile } from './EditProfile.tsx';

const field = (event: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(event.currentTarget).get(name) ?? '');

function ChangePassword({ session, onSession }: { session: Session; onSession: (next: Session | null) => void }) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const password = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.auth.changePassword.mutate(input),
    // This client carries on with the fresh token; every other session has ended.
    onSuccess: ({ accessToken }) => onSession({ ...session, token: accessToken }),
  });
  const problem = useRefusal(password.error, ['currentPassword', 'newPassword']);
  useFocusOnProblem(form, problem, password.error);
  return (
    <form
      ref={form}
      noValidate
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        password.mutate({
          currentPassword: field(event, 'currentPassword'),
          newPassword: field(event, 'newPassword'),
        });
      }}
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
    </form>
  );
}

function DeleteAccount({ onSession }: { onSession: (next: Session | null) => void }) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: (input: { password: string }) => api.auth.deleteAccount.mutate(input),
    onSuccess: () => onSession(null),
  });
  const problem = useRefusal(remove.error, ['password']);
  useFocusOnProblem(form, problem, remove.error);
  return (
    <form
      ref={form}
      noValidate
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        remove.mutate({ password: field(event, 'password') });
      }}
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
    </form>
  );
}

/** Your profile, and every way the API has to end sessions: everywhere, by a new password, with the account. */
export function Settings({ session, onSession }: { session: Session; onSession: (next: Session | null) => void }) {
  const { t } = useI18n();
  const everywhere = useMutation({ mutationFn: () => api.auth.logoutAll.mutate(), onSuccess: () => onSession(null) });
  const problem = useRefusal(everywhere.error);
  return (
    <>
      <h1>{t.settings}</h1>
      <EditProfile />
      <ChangePassword session={session} onSession={onSession} />
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
