/** People for the Mastodon API's tests: a new account, a first-party token, and masto.js signed in with it. */
import { createMiniterClient } from '@miniter/api/client';
import { createRestAPIClient } from 'masto';

export function mastodonUsers(serverUrl: () => string) {
  const trpc = (token?: string) => createMiniterClient({ url: `${serverUrl()}/trpc`, token });

  async function signUp(name: string, username: string) {
    const email = `${username}@example.com`;
    const user = await trpc().auth.signUp.mutate({ name, username, email, password: 'password123' });
    const { accessToken } = await trpc().auth.login.mutate({ email, password: 'password123' });
    return { user, token: accessToken, masto: createRestAPIClient({ url: serverUrl(), accessToken }) };
  }

  return { trpc, signUp };
}
