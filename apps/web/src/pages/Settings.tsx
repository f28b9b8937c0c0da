import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, messageOf } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';

const field = (event: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(event.currentTarget).get(name) ?? '');

/** Every way the API has to end sessions: everywhere, by a new password, with the account. */
export function Settings({ session, onSession }: { session: Session; onSession: (next: Session | null) => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const everywhere = useMutation({ mutationFn: () => api.auth.logoutAll.mutate(), onSuccess: () => onSession(null) });
  const password = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.auth.changePassword.mutate(input),
    // This client carries on with the fresh token; every other session has ended.
    onSuccess: ({ accessToken }) => onSession({ ...session, token: accessToken }),
  });
  const remove = useMutation({
    mutationFn: (input: { password: string }) => api.auth.deleteAccount.mutate(input),
    onSuccess: () => onSession(null),
  });
  const failure = (error: unknown) =>
    error ? (
      <p role="alert" className="error">
        {messageOf(error, t.unreachable)}
      </p>
    ) : null;
  return (
    <>
      <h1>{t.settings}</h1>
      <section className="card">
        <button type="button" onClick={() => everywhere.mutate()} disabled={everywhere.isPending}>
          {t.logOutEverywhere}
        </button>
        {failure(everywhere.error)}
      </section>
      <form
        noValidate
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          password.mutate({ currentPassword: field(event, 'current'), newPassword: field(event, 'new') });
        }}
      >
        <h2>{t.changePassword}</h2>
        <label>
          {t.currentPassword} <input name="current" type="password" autoComplete="current-password" required />
        </label>
        <label>
          {t.newPassword} <input name="new" type="password" autoComplete="new-password" required />
        </label>
        {password.isSuccess && <p role="status">{t.passwordChanged}</p>}
        {failure(password.error)}
        <button type="submit" disabled={password.isPending}>
          {t.changePassword}
        </button>
      </form>
      <form
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
        <label>
          {t.password} <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {failure(remove.error)}
        <button type="submit" className="danger" disabled={!confirming || remove.isPending}>
          {t.deleteAccount}
        </button>
      </form>
    </>
  );
}
