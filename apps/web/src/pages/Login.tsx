import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, messageOf } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';

/** Log in, or sign up and then log in. */
export function Login({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string | undefined }) {
  const { t } = useI18n();
  const [signingUp, setSigningUp] = useState(false);
  // Asked to sign up, the focus goes to the field that appeared, not back to the top of the page.
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (signingUp) nameField.current?.focus();
  }, [signingUp]);
  const enter = useMutation({
    mutationFn: async (form: FormData) => {
      const field = (name: string) => String(form.get(name) ?? '');
      const [name, email, password] = [field('name'), field('email'), field('password')];
      if (signingUp) await api.auth.signUp.mutate({ name, email, password });
      const { accessToken, user } = await api.auth.login.mutate({ email, password });
      return { token: accessToken, userId: user.id };
    },
    onSuccess: onSignedIn,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    enter.mutate(new FormData(event.currentTarget));
  };
  return (
    <section aria-labelledby="login-title" className="card">
      <h1 id="login-title">{signingUp ? t.signUpTitle : t.logInTitle}</h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {/* The server's rules and messages decide what is valid, not the browser's. */}
      <form onSubmit={submit} noValidate>
        {signingUp && (
          <label>
            {t.name} <input name="name" autoComplete="nickname" required ref={nameField} />
          </label>
        )}
        <label>
          {t.email} <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {t.password}{' '}
          <input
            name="password"
            type="password"
            autoComplete={signingUp ? 'new-password' : 'current-password'}
            required
          />
        </label>
        {enter.error && (
          <p role="alert" className="error">
            {messageOf(enter.error, t.unreachable)}
          </p>
        )}
        <button type="submit" disabled={enter.isPending}>
          {signingUp ? t.signUp : t.logIn}
        </button>
      </form>
      <button type="button" className="link" onClick={() => setSigningUp(!signingUp)}>
        {signingUp ? t.toLogIn : t.toSignUp}
      </button>
    </section>
  );
}
