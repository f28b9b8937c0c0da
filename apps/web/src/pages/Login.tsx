import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { Alerts, Field, ServerCheckedForm, textOf, useFormRefusal } from '../components/Field.tsx';
import { useI18n } from '../i18n.tsx';
import type { Session } from '../session.ts';

/** Log in, or sign up (name, handle, email, password) and then log in. */
export function Login({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string | undefined }) {
  const { t } = useI18n();
  const [signingUp, setSigningUp] = useState(false);
  const enter = useMutation({
    mutationFn: async (data: FormData) => {
      const [email, password] = [textOf(data, 'email'), textOf(data, 'password')];
      if (signingUp) {
        await api.auth.signUp.mutate({
          name: textOf(data, 'name'),
          username: textOf(data, 'username'),
          email,
          password,
        });
      }
      const { accessToken, user } = await api.auth.login.mutate({ email, password });
      return { token: accessToken, userId: user.id };
    },
    onSuccess: onSignedIn,
  });
  const { form, problem } = useFormRefusal(
    enter.error,
    signingUp ? ['name', 'username', 'email', 'password'] : ['email', 'password'],
  );
  // Asked to sign up, the focus goes to the field that appeared, not back to the top of the page.
  useEffect(() => {
    if (signingUp) (form.current?.elements.namedItem('name') as HTMLInputElement | null)?.focus();
  }, [form, signingUp]);
  const toggle = () => {
    enter.reset();
    setSigningUp(!signingUp);
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
      <ServerCheckedForm form={form} onSubmit={(data) => enter.mutate(data)}>
        {signingUp && (
          <>
            <Field label={t.name} name="name" autoComplete="nickname" problem={problem.field('name')} />
            <Field
              label={t.username}
              name="username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              hint={t.usernameHint}
              problem={problem.field('username')}
            />
          </>
        )}
        <Field label={t.email} name="email" type="email" autoComplete="email" problem={problem.field('email')} />
        <Field
          label={t.password}
          name="password"
          type="password"
          autoComplete={signingUp ? 'new-password' : 'current-password'}
          problem={problem.field('password')}
        />
        <Alerts messages={problem.general} />
        <button type="submit" disabled={enter.isPending}>
          {signingUp ? t.signUp : t.logIn}
        </button>
      </ServerCheckedForm>
      <button type="button" className="link" onClick={toggle}>
        {signingUp ? t.toLogIn : t.toSignUp}
      </button>
    </section>
  );
}
