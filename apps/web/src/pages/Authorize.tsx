import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import { api, type OAuthClient, oauthClient } from '../api.ts';
import { Alerts } from '../components/Field.tsx';
import { ScopeList } from '../components/ScopeList.tsx';
import { Website } from '../components/Website.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { useI18n } from '../i18n.tsx';
import {
  type AuthorizationRequest,
  describeRequestProblem,
  describeRequestRefusal,
  readAuthorizationRequest,
} from '../oauth-request.ts';
import type { Session } from '../session.ts';
import { Login } from './Login.tsx';

/**
 * A heading that takes the focus when it appears (after logging in here, after a choice): what the
 * page now says is read out first, and Tab goes on from there.
 */
function FocusedHeading({ children, id }: { children: string; id?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h1 ref={heading} id={id} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A request that cannot go on: said here, and never sent to its redirect URI (not trusted yet). */
function Refused({ messages }: { messages: readonly string[] }) {
  const { t } = useI18n();
  useDocumentTitle(`${t.oauth.refusedTitle} – Miniter`);
  return (
    <section className="card">
      <FocusedHeading>{t.oauth.refusedTitle}</FocusedHeading>
      <Alerts messages={messages} />
      <p>{t.oauth.refusedHint}</p>
    </section>
  );
}

/** The out-of-band answer: the code to copy into the application, which has no address to receive it. */
function CodeToCopy({ app, code }: { app: OAuthClient; code: string }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, or refused): the code is selected for the person to copy.
      field.current?.select();
      setCopied('no');
    }
  };
  return (
    <section className="card">
      <FocusedHeading>{t.oauth.codeTitle}</FocusedHeading>
      <p id={`${id}-hint`}>{t.oauth.codeInstructions(app.name)}</p>
      <div className="field">
        <label htmlFor={id}>{t.oauth.code}</label>
        <input
          ref={field}
          id={id}
          className="code"
          readOnly
          value={code}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <button type="button" onClick={copy}>
        {t.oauth.copy}
      </button>
      <p role="status">{copied === 'yes' ? t.oauth.copied : copied === 'no' ? t.oauth.copyByHand : ''}</p>
    </section>
  );
}

/** Denied, with no address to tell the application at (the out-of-band URI). */
function Denied({ app }: { app: OAuthClient }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <FocusedHeading>{t.oauth.deniedTitle}</FocusedHeading>
      <p>{t.oauth.denied(app.name)}</p>
    </section>
  );
}

/** What the application asks, and the person's choice: Authorize or Deny. */
function Consent({ app, request }: { app: OAuthClient; request: AuthorizationRequest }) {
  const { t } = useI18n();
  const [denied, setDenied] = useState(false);
  const [leaving, setLeaving] = useState(false);
  /** Back to the application, at an address the server built from a redirect URI it checked. */
  const leave = (to: string) => {
    setLeaving(true);
    window.location.assign(to);
  };
  const authorize = useMutation({
    mutationFn: () => api.oauth.authorize.mutate(request),
    onSuccess: ({ redirectTo }) => {
      if (redirectTo) leave(redirectTo);
    },
  });
  useDocumentTitle(t.oauth.pageTitle(app.name));
  if (authorize.data && !authorize.data.redirectTo) return <CodeToCopy app={app} code={authorize.data.code} />;
  if (denied) return <Denied app={app} />;
  const deny = () => (app.denyTo ? leave(app.denyTo) : setDenied(true));
  return (
    <section aria-labelledby="authorize-title" className="card">
      <FocusedHeading id="authorize-title">{t.oauth.authorizeTitle(app.name)}</FocusedHeading>
      {app.website && <Website url={app.website} />}
      <h2 id="authorize-scopes">{t.oauth.ableTo}</h2>
      <ScopeList scopes={app.scopes} labelledBy="authorize-scopes" />
      <p>{t.oauth.revokeLater}</p>
      <div className="actions">
        <button type="button" onClick={() => authorize.mutate()} disabled={authorize.isPending || leaving}>
          {t.oauth.authorize}
        </button>
        <button type="button" className="secondary" onClick={deny} disabled={authorize.isPending || leaving}>
          {t.oauth.deny}
        </button>
      </div>
      <Alerts messages={authorize.error ? describeRequestRefusal(t, authorize.error) : []} />
      {leaving && <p role="status">{t.oauth.returning(app.name)}</p>}
    </section>
  );
}

interface AuthorizeProps {
  session: Session | null;
  /** Why you are asked to log in (your session ended), if there is a reason. */
  notice?: string | undefined;
  /** Signs in and stays here: the request's query is still in the address. */
  onSignedIn: (session: Session) => void;
  onSignOut: () => Promise<void>;
}

/**
 * `/oauth/authorize`: an application asks to use your account. A bad request is refused here before
 * anything else; then you log in if you are not (or if the application asks for `force_login`),
 * and choose.
 */
export function Authorize({ session, notice, onSignedIn, onSignOut }: AuthorizeProps) {
  const { t } = useI18n();
  const search = useSearch();
  const read = useMemo(() => readAuthorizationRequest(search), [search]);
  const request = 'request' in read ? read.request : null;
  // `force_login`: whoever is signed in as the page opens is signed out first, once: not again
  // once someone logs in here, with the parameter still in the address.
  const [forcing, setForcing] = useState(() => 'request' in read && read.forceLogin && session !== null);
  const signingOut = useRef(false);
  useEffect(() => {
    if (!forcing || signingOut.current) return;
    signingOut.current = true;
    void onSignOut().finally(() => setForcing(false));
  }, [forcing, onSignOut]);
  const client = useQuery({ ...oauthClient(request ?? { clientId: '', redirectUri: '' }), enabled: request !== null });
  if ('problem' in read) return <Refused messages={[describeRequestProblem(t, read.problem)]} />;
  if (client.error) return <Refused messages={describeRequestRefusal(t, client.error)} />;
  if (forcing || !client.data) return <p aria-busy="true">…</p>;
  if (!session) return <Login onSignedIn={onSignedIn} notice={notice ?? t.oauth.logInToAuthorize} />;
  return <Consent app={client.data} request={read.request} />;
}
