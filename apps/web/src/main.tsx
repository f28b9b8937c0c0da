import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Link, Redirect, Route, Switch, useLocation, useRoute } from 'wouter';
import { api, me, onSessionEnded, profilePath, queryClient } from './api.ts';
import { I18nProvider, LanguageSwitch, useI18n } from './i18n.tsx';
import { currentSession, type Session, saveSession } from './session.ts';
import './styles.css';

/** Each page is its own chunk, loaded when first shown: the first load carries the shell and one page. */
const Home = lazy(() => import('./pages/Home.tsx').then((m) => ({ default: m.Home })));
const Explore = lazy(() => import('./pages/Explore.tsx').then((m) => ({ default: m.Explore })));
const Likes = lazy(() => import('./pages/Likes.tsx').then((m) => ({ default: m.Likes })));
const Search = lazy(() => import('./pages/Search.tsx').then((m) => ({ default: m.Search })));
const Profile = lazy(() => import('./pages/Profile.tsx').then((m) => ({ default: m.Profile })));
const Thread = lazy(() => import('./pages/Thread.tsx').then((m) => ({ default: m.Thread })));
const Hashtag = lazy(() => import('./pages/Hashtag.tsx').then((m) => ({ default: m.Hashtag })));
const ProfileById = lazy(() => import('./pages/Profile.tsx').then((m) => ({ default: m.ProfileById })));
const Settings = lazy(() => import('./pages/Settings.tsx').then((m) => ({ default: m.Settings })));
const Login = lazy(() => import('./pages/Login.tsx').then((m) => ({ default: m.Login })));
const Authorize = lazy(() => import('./pages/Authorize.tsx').then((m) => ({ default: m.Authorize })));
const SearchBox = lazy(() => import('./components/SearchBox.tsx').then((m) => ({ default: m.SearchBox })));

/** A tweet's thread, under its author's profile: `/@handle/42`. */
const threadPath = /^\/@(?<username>[^/]+)\/(?<id>[^/]+)\/?$/;
type ThreadParams = { username: string; id: string };
/** A hashtag's tweets: `/tags/seoul`. */
const tagPath = /^\/tags\/(?<tag>[^/]+)\/?$/;
type HashtagParams = { tag: string };

/** Your profile's link, once your handle is known. */
function ProfileLink() {
  const { t } = useI18n();
  const account = useQuery(me()).data;
  return account ? <Link href={profilePath(account)}>{t.profile}</Link> : null;
}

function App() {
  const { t } = useI18n();
  const [session, setSession] = useState(currentSession);
  const [notice, setNotice] = useState<string>();
  const [, navigate] = useLocation();
  // The page where an application asks to use your account logs you in (and out) in place: its
  // address holds the application's request.
  const [authorizing] = useRoute('/oauth/authorize');
  const changeSession = (next: Session | null) => {
    saveSession(next);
    setSession(next);
    if (!next) {
      queryClient.clear();
      if (!authorizing) navigate('/login');
    }
  };
  // A call that finds the session ended (expired, revoked elsewhere): back to the login page.
  useEffect(() =>
    onSessionEnded(() => {
      setNotice(t.sessionEnded);
      changeSession(null);
    }),
  );
  const enter = (next: Session) => {
    setNotice(undefined);
    changeSession(next);
  };
  const signIn = (next: Session) => {
    enter(next);
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
              <Link href="/explore">{t.explore}</Link>
              <ProfileLink />
              <Link href="/likes">{t.likes}</Link>
              <Link href="/settings">{t.settings}</Link>
              <Suspense>
                <SearchBox />
              </Suspense>
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
        <Suspense fallback={<p aria-busy="true">…</p>}>
          {authorizing ? (
            <Authorize session={session} notice={notice} onSignedIn={enter} onSignOut={signOut} />
          ) : session ? (
            <Switch>
              <Route path="/">
                <Home session={session} />
              </Route>
              <Route path="/explore">
                <Explore session={session} />
              </Route>
              <Route path="/likes">
                <Likes session={session} />
              </Route>
              <Route path="/search">
                <Search session={session} />
              </Route>
              <Route path={/^\/@(?<username>[^/]+)\/?$/}>
                {(params: { username: string }) => <Profile username={params.username} session={session} />}
              </Route>
              <Route path={threadPath}>
                {(params: ThreadParams) => <Thread username={params.username} id={params.id} session={session} />}
              </Route>
              <Route path={tagPath}>{(params: HashtagParams) => <Hashtag tag={params.tag} session={session} />}</Route>
              <Route path="/u/:id">{(params) => <ProfileById id={params.id} />}</Route>
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
              {/* A thread and a hashtag's tweets are public: a link to one works for whoever follows it. */}
              <Route path={threadPath}>
                {(params: ThreadParams) => <Thread username={params.username} id={params.id} session={null} />}
              </Route>
              <Route path={tagPath}>{(params: HashtagParams) => <Hashtag tag={params.tag} session={null} />}</Route>
              <Route>
                <Redirect to="/login" />
              </Route>
            </Switch>
          )}
        </Suspense>
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
