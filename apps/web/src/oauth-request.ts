/**
 * An application's request at `/oauth/authorize`, as Mastodon's apps send it (docs: methods/oauth.md):
 * read from the page's query, and its refusals in the interface's language. The server checks the
 * application, redirect URI and scopes (`oauth.client`); `response_type` is the page's to check.
 */
import type { Words } from './i18n.tsx';
import { describeApart, issuesOf } from './problems.ts';

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scope?: string | undefined;
  state?: string | undefined;
  codeChallenge?: string | undefined;
  codeChallengeMethod?: string | undefined;
}

export type RequestProblem = { kind: 'missing'; param: string } | { kind: 'response_type' };

export type ReadRequest = { request: AuthorizationRequest; forceLogin: boolean } | { problem: RequestProblem };

export function readAuthorizationRequest(search: string): ReadRequest {
  const query = new URLSearchParams(search);
  // An empty parameter is an absent one.
  const param = (name: string) => query.get(name) || undefined;
  const missing = ['response_type', 'client_id', 'redirect_uri'].find((name) => !param(name));
  if (missing) return { problem: { kind: 'missing', param: missing } };
  if (param('response_type') !== 'code') return { problem: { kind: 'response_type' } };
  return {
    request: {
      clientId: param('client_id') as string,
      redirectUri: param('redirect_uri') as string,
      scope: param('scope'),
      state: param('state'),
      codeChallenge: param('code_challenge'),
      codeChallengeMethod: param('code_challenge_method'),
    },
    forceLogin: ['true', '1'].includes(param('force_login')?.toLowerCase() ?? ''),
  };
}

export function describeRequestProblem(t: Words, problem: RequestProblem): string {
  return problem.kind === 'missing' ? t.oauth.missing(problem.param) : t.oauth.refusals.response_type;
}

/** The query parameter each refusal is about: the procedures' input names, and the service's fields. */
const queryParams = new Map([
  ['clientId', 'client_id'],
  ['client_id', 'client_id'],
  ['redirectUri', 'redirect_uri'],
  ['redirect_uri', 'redirect_uri'],
  ['scope', 'scope'],
  ['scopes', 'scope'],
  ['state', 'state'],
  ['codeChallenge', 'code_challenge'],
  ['code_challenge', 'code_challenge'],
  ['codeChallengeMethod', 'code_challenge_method'],
  ['code_challenge_method', 'code_challenge_method'],
]);

/**
 * The server's refusal of a request in words, by the parameter it is about: a person who cannot fix
 * it can still tell the application's developers what is wrong. Other refusals (too many requests,
 * the server unreachable) are worded as everywhere else.
 */
export function describeRequestRefusal(t: Words, error: unknown): string[] {
  const issues = issuesOf(error);
  if (!issues) return [t.unreachable];
  const words = issues.map((issue) => {
    const param = queryParams.get(issue.path[0] ?? '');
    if (!param) return describeApart(t, issue);
    return Object.hasOwn(t.oauth.refusals, param)
      ? t.oauth.refusals[param as keyof Words['oauth']['refusals']]
      : t.oauth.invalidParam(param);
  });
  return [...new Set(words)];
}
