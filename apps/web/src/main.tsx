import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { api, queryClient } from './api.ts';
import { Home } from './pages/Home.tsx';
import { Login } from './pages/Login.tsx';
import { Profile } from './pages/Profile.tsx';
import { currentSession, type Session, saveSession } from './session.ts';
import './styles.css';

function App() {
  const [session, setSession] = useState(currentSession);
  const [, navigate] = useLocation();
  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
    navigate('/');
  };
  const signOut = async () => {
    await api.auth.logout.mutate().catch(() => {});
    saveSession(null);
    setSession(null);
    queryClient.clear();
    navigate('/login');
  };
  if (!session) {
    return (
      <main>
        <Switch>
          <Route path="/login">
            <Login onSignedIn={signIn} />
          </Route>
          <Route>
            <Redirect to="/login" />
          </Route>
        </Switch>
      </main>
    );
  }
  return (
    <>
      <header>
        <nav aria-label="Main">
          <Link href="/">Home</Link>
          <Link href={`/u/${session.userId}`}>Profile</Link>
          <button type="button" onClick={signOut}>
            Log out
          </button>
        </nav>
      </header>
      <main>
        <Switch>
          <Route path="/">
            <Home session={session} />
          </Route>
          <Route path="/u/:id">{(params) => <Profile userId={Number(params.id)} session={session} />}</Route>
          <Route>
            <Redirect to="/" />
          </Route>
        </Switch>
      </main>
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
