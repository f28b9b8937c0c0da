/** Miniter clients through the cluster's HAProxy, for the cluster suite's tests. */
import { createMiniterClient, type MiniterClient, type MiniterClientOptions } from '@miniter/api/client';
import type { ClusterInfo } from './control.ts';

let users = 0;

/**
 * A new user, signed in: `retries` as the typed client takes it (0: every failure is seen), and its
 * `fetch` (to watch what it sends).
 */
export async function signedIn(
  info: ClusterInfo,
  name = 'u',
  options: Pick<MiniterClientOptions, 'retries' | 'fetch'> = {},
) {
  const n = `${name}${Date.now().toString(36)}${users++}`;
  const anonymous = createMiniterClient({ url: `${info.url}/trpc` });
  const email = `${n}@example.com`;
  const user = await anonymous.auth.signUp.mutate({ name: n, email, password: 'password123' });
  const { accessToken } = await anonymous.auth.login.mutate({ email, password: 'password123' });
  const api: MiniterClient = createMiniterClient({ url: `${info.url}/trpc`, token: accessToken, ...options });
  return { user, token: accessToken, api };
}

/** A client with no session, through HAProxy unless `url` names an instance. */
export const anonymous = (info: ClusterInfo, retries?: number, url = info.url) =>
  createMiniterClient({ url: `${url}/trpc`, retries });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
