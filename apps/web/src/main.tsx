import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { api, onSessionEnded, queryClient } from './api.ts';
import { I18nProvider, LanguageSwitch, useI18n } from './i18n.tsx';
import { Home } from './pages/Home.tsx';
import { Login } from './pages/Login.tsx';
import { Profile } from './pages/Profile.tsx';
import { Settings } from './pages/Settings.tsx';
import { currentSession, type Session, saveSession } from './session.ts';
import './styles.css';

function App() {
  const { t } = useI18n();
  const [session, setSession] = useState(currentSession);
  const [notice, setNotice] = useState<string>();
  const [, navigate] = useLocation();
  const changeSession = (next: Session | null) => {
    saveSession(next);
    setSession(next);
    if (!next) {
      queryClient.clear();
      navigate('/login');
    }
  };
  // A call that finds the session ended (expired, revoked elsewhere): back to the login page.
  useEffect(() =>
    onSessionEnded(() => {
      setNotice(t.sessionEnded);
      changeSession(null);
    }),
  );
  const signIn = (next: Session) => {
    setNotice(undefined);
    changeSession(next);
    navigate('/');
  };
  const signOut = async () => {
    await api.auth.logout.mutate().catch(() => {});
    changeSession(null);
  };
  return (
    <>
      <header>
        <nav aria-label="Main">
          {session && (
            <>
              <Link href="/">{t.home}</Link>
              <Link href={`/u/${session.userId}`}>{t.profile}</Link>
              <Link href="/settings">{t.settings}</Link>
            </>
          )}
          <LanguageSwitch />
          {session && (
            <button type="button" onClick={signOut}>
              {t.logOut}
            </button>
          )}
        </nav>
      </header>
      <main>
        {session ? (
          <Switch>
            <Route path="/">
              <Home session={session} />
            </Route>
            <Route path="/u/:id">{(params) => <Profile userId={Number(params.id)} session={session} />}</Route>
            <Route path="/settings">
              <Settings session={session} onSession={changeSession} />
            </Route>
            <Route>
              <Redirect to="/" />
            </Route>
          </Switch>
        ) : (
          <Switch>
            <Route path="/login">
              <Login onSignedIn={signIn} notice={notice} />
            </Route>
            <Route>
              <Redirect to="/login" />
            </Route>
          </Switch>
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
