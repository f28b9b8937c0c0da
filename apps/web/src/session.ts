/**
 * Where the browser keeps its session: the access token in `localStorage`, so that it survives a
 * reload and every tab shares it. The alternative, an httpOnly cookie, would keep a script from
 * reading the token but make every call a cross-site request forgery target, and the API (like the
 * book's) authenticates with a bearer header, not cookies. A script injected into the page could use
 * the token either way while it runs; what keeps scripts out is React's escaping of all text and a
 * Content-Security-Policy that allows no inline or foreign script (see the server's `web.ts`).
 */
const key = 'miniter.session';

export interface Session {
  token: string;
  userId: number;
}

export function currentSession(): Session | null {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Session | null;
    return stored && typeof stored.token === 'string' && typeof stored.userId === 'number' ? stored : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(key, JSON.stringify(session));
  else localStorage.removeItem(key);
}
