/**
 * For the Mastodon API's tests: the real server with every answer checked against the OpenAPI
 * document, and people on it (a new account, a first-party token, and masto.js signed in with it).
 */
import { createMiniterClient } from '@miniter/api/client';
import type { Orm } from '@miniter/db';
import { createRestAPIClient } from 'masto';
import { type HttpServerOptions, useHttpServer } from './helpers.ts';
import { documentedAnswers } from './openapi-check.ts';

/** `useHttpServer`, each answer it gives validated against the committed document at the end of each test. */
export const useMastodonServer = (orm: () => Orm, options: HttpServerOptions = {}) =>
  useHttpServer(orm, { ...options, onAnswer: documentedAnswers() });

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
