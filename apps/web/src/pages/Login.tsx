import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, messageOf } from '../api.ts';
import type { Session } from '../session.ts';

/** Log in, or sign up and then log in. */
export function Login({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [signingUp, setSigningUp] = useState(false);
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
      <h1 id="login-title">{signingUp ? 'Sign up for Miniter' : 'Log in to Miniter'}</h1>
      <form onSubmit={submit}>
        {signingUp && (
          <label>
            Name <input name="name" autoComplete="nickname" required />
          </label>
        )}
        <label>
          Email <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password{' '}
          <input
            name="password"
            type="password"
            autoComplete={signingUp ? 'new-password' : 'current-password'}
            required
          />
        </label>
        {enter.error && (
          <p role="alert" className="error">
            {messageOf(enter.error)}
          </p>
        )}
        <button type="submit" disabled={enter.isPending}>
          {signingUp ? 'Sign up' : 'Log in'}
        </button>
      </form>
      <button type="button" className="link" onClick={() => setSigningUp(!signingUp)}>
        {signingUp ? 'I have an account: log in' : 'New here? Sign up'}
      </button>
    </section>
  );
}
