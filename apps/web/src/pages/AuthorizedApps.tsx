import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { type AuthorizedApp, api, authorizedApps } from '../api.ts';
import { Alerts, useRefusal } from '../components/Field.tsx';
import { ScopeList } from '../components/ScopeList.tsx';
import { Website } from '../components/Website.tsx';
import { useI18n } from '../i18n.tsx';
import { ago } from '../time-ago.ts';
import { appRevoked } from '../writes.ts';

/** One application: what it may do, since when, its last use, and a Revoke that asks first. */
function AppItem({ app, onRevoked }: { app: AuthorizedApp; onRevoked: () => void }) {
  const { t, dates, relative } = useI18n();
  const queryClient = useQueryClient();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const revoke = useMutation({
    mutationFn: () => api.oauth.revokeApp.mutate({ appId: app.id }),
    onSuccess: () => {
      // The item goes, and the focus with it: to the list's heading rather than the page's top.
      onRevoked();
      return appRevoked(queryClient, app.id);
    },
  });
  const problem = useRefusal(revoke.error);
  const ask = () => {
    // Shown at once, so that the focus can go to the question's answer.
    flushSync(() => setConfirming(true));
    confirmButton.current?.focus();
  };
  const cancel = () => {
    setConfirming(false);
    revoke.reset();
    revokeButton.current?.focus();
  };
  // Timestamps arrive as ISO strings (JSON), whatever the router's types say.
  const [authorizedAt, lastUsedAt] = [app.authorizedAt, app.lastUsedAt].map((when) => when && new Date(when));
  return (
    <li className="app">
      <h3 id={`${id}-name`}>{app.name}</h3>
      {app.website && <Website url={app.website} />}
      <ScopeList scopes={app.scopes} />
      <dl className="counts">
        <dt>{t.oauth.authorizedAt}</dt>
        <dd>{authorizedAt && <time dateTime={authorizedAt.toISOString()}>{dates.format(authorizedAt)}</time>}</dd>
        <dt>{t.oauth.lastUsed}</dt>
        <dd>
          {lastUsedAt ? (
            <time dateTime={lastUsedAt.toISOString()} title={dates.format(lastUsedAt)}>
              {ago(relative, lastUsedAt)}
            </time>
          ) : (
            t.oauth.neverUsed
          )}
        </dd>
      </dl>
      <button
        ref={revokeButton}
        type="button"
        aria-label={t.oauth.revokeApp(app.name)}
        aria-expanded={confirming}
        aria-controls={`${id}-confirm`}
        onClick={confirming ? cancel : ask}
      >
        {t.oauth.revoke}
      </button>
      <fieldset id={`${id}-confirm`} className="confirm" hidden={!confirming}>
        <legend>{t.oauth.revokeConfirm(app.name)}</legend>
        <div className="actions">
          <button
            ref={confirmButton}
            type="button"
            className="danger"
            onClick={() => revoke.mutate()}
            disabled={revoke.isPending}
          >
            {t.oauth.revokeAccess}
          </button>
          <button type="button" className="secondary" onClick={cancel}>
            {t.oauth.cancel}
          </button>
        </div>
        <Alerts messages={problem.general} />
      </fieldset>
    </li>
  );
}

/** The applications you let use your account, each with a way to end its access. */
export function AuthorizedApps() {
  const { t } = useI18n();
  const apps = useQuery(authorizedApps());
  const problem = useRefusal(apps.error);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="authorized-apps-title" className="card">
      <h2 id="authorized-apps-title" ref={heading} tabIndex={-1}>
        {t.oauth.authorizedApps}
      </h2>
      <Alerts messages={problem.general} />
      {apps.data?.length === 0 && <p>{t.oauth.noApps}</p>}
      {Boolean(apps.data?.length) && (
        <ul className="apps">
          {apps.data?.map((app) => (
            <AppItem key={app.id} app={app} onRevoked={() => heading.current?.focus()} />
          ))}
        </ul>
      )}
    </section>
  );
}
