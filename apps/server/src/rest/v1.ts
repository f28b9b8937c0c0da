/**
 * `/api/v1`: every query and mutation as a resource-style route, with the same inputs and outputs as
 * over /trpc (camelCase, ISO dates, pages as `{ items, nextCursor }`). The table below is the whole
 * mapping: a route's input is its path parameters, then its query string (GET) or JSON body; the
 * procedure's own schema checks it, so no rule is written twice. Ids in the path are numbers when
 * they are digits, and are handed on as text otherwise, for the schema to refuse by name.
 */
import type { RouterInputs } from '@miniter/api';
import { json, type Request, type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { readProfilePicture } from './book.ts';
import { type Caller, inputObject, numeric, type RestRoute } from './calls.ts';

/** `"tweet.create"` and the like: every procedure, by its path. */
type ProcedurePath = {
  [R in keyof RouterInputs]: `${R & string}.${keyof RouterInputs[R] & string}`;
}[keyof RouterInputs];

export interface V1Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express syntax: `:userId` is a path parameter. */
  path: string;
  procedure: ProcedurePath;
  /** 201 for what a POST creates; 200 otherwise. */
  status?: 201;
  /** The input arrives as a multipart picture (`file`) rather than JSON. */
  upload?: true;
  /** For the document: a one-line summary, a tag, whether a session is needed, the refusals beyond
   *  the common ones (400 for input, 401 without a session, 413, 429, 500, 503). */
  summary: string;
  tag: 'health' | 'accounts' | 'users' | 'follows' | 'tweets';
  signedIn?: true;
  errors?: number[];
}

// More specific paths first: `/users/me` before `/users/:userId`.
export const v1Routes: V1Route[] = [
  { method: 'get', path: '/ping', procedure: 'health.ping', summary: 'Answers pong', tag: 'health' },
  {
    method: 'post',
    path: '/users',
    procedure: 'auth.signUp',
    status: 201,
    summary: 'Sign up',
    tag: 'accounts',
    errors: [409],
  },
  {
    method: 'post',
    path: '/sessions',
    procedure: 'auth.login',
    status: 201,
    summary: 'Log in: a new session and its token',
    tag: 'accounts',
    errors: [401],
  },
  {
    method: 'delete',
    path: '/sessions/current',
    procedure: 'auth.logout',
    summary: "End this token's session",
    tag: 'accounts',
    signedIn: true,
  },
  {
    method: 'post',
    path: '/sessions/current/stream-tickets',
    procedure: 'auth.streamTicket',
    status: 201,
    summary: 'A single-use ticket, good for a minute, that opens one live timeline stream for this session',
    tag: 'accounts',
    signedIn: true,
  },
  {
    method: 'delete',
    path: '/sessions',
    procedure: 'auth.logoutAll',
    summary: 'End every session of the user',
    tag: 'accounts',
    signedIn: true,
  },
  {
    method: 'get',
    path: '/users/me',
    procedure: 'user.me',
    summary: 'The signed-in account',
    tag: 'users',
    signedIn: true,
  },
  {
    method: 'patch',
    path: '/users/me',
    procedure: 'user.updateProfile',
    summary: 'Change your name, handle or bio',
    tag: 'users',
    signedIn: true,
    errors: [409],
  },
  {
    method: 'get',
    path: '/users/me/suggestions',
    procedure: 'user.suggestions',
    summary: 'People you might follow',
    tag: 'users',
    signedIn: true,
  },
  {
    method: 'get',
    path: '/users/search',
    procedure: 'user.search',
    summary: 'People by handle or name',
    tag: 'users',
  },
  {
    method: 'get',
    path: '/users/by-username/:username',
    procedure: 'user.byUsername',
    summary: "A user's profile and counts, by handle",
    tag: 'users',
    errors: [404],
  },
  {
    method: 'get',
    path: '/relationships',
    procedure: 'follow.relationships',
    summary: 'Whether you follow each of a list of users (`userIds=1,2,3`)',
    tag: 'follows',
    signedIn: true,
  },
  {
    method: 'put',
    path: '/users/me/password',
    procedure: 'auth.changePassword',
    summary: 'Change the password: every session ends, a new one starts',
    tag: 'accounts',
    signedIn: true,
    errors: [403],
  },
  {
    method: 'delete',
    path: '/users/me',
    procedure: 'auth.deleteAccount',
    summary: 'Delete the account, its tweets, follows and picture',
    tag: 'accounts',
    signedIn: true,
    errors: [403],
  },
  {
    method: 'put',
    path: '/users/me/profile-picture',
    procedure: 'user.uploadProfilePicture',
    upload: true,
    summary: 'Upload a profile picture',
    tag: 'users',
    signedIn: true,
    errors: [415],
  },
  {
    method: 'delete',
    path: '/users/me/profile-picture',
    procedure: 'user.removeProfilePicture',
    summary: 'Remove the profile picture',
    tag: 'users',
    signedIn: true,
  },
  {
    method: 'get',
    path: '/users/:userId',
    procedure: 'user.byId',
    summary: "A user's profile and counts",
    tag: 'users',
    errors: [404],
  },
  {
    method: 'get',
    path: '/users/:userId/profile-picture',
    procedure: 'user.profilePicture',
    summary: "A user's profile picture",
    tag: 'users',
    errors: [404],
  },
  {
    method: 'get',
    path: '/users/:userId/tweets',
    procedure: 'tweet.byAuthor',
    summary: "A user's tweets, newest first",
    tag: 'tweets',
  },
  {
    method: 'get',
    path: '/users/:userId/timeline',
    procedure: 'timeline.user',
    summary: "A user's tweets and those of whom they follow",
    tag: 'tweets',
  },
  {
    method: 'get',
    path: '/users/:userId/followers',
    procedure: 'follow.followers',
    summary: 'Who follows a user',
    tag: 'follows',
  },
  {
    method: 'get',
    path: '/users/:userId/following',
    procedure: 'follow.following',
    summary: 'Whom a user follows',
    tag: 'follows',
  },
  {
    method: 'get',
    path: '/users/:userId/follow',
    procedure: 'follow.relationship',
    summary: 'Whether you follow a user',
    tag: 'follows',
    signedIn: true,
    errors: [404],
  },
  {
    method: 'put',
    path: '/users/:userId/follow',
    procedure: 'follow.follow',
    summary: 'Follow a user (idempotent)',
    tag: 'follows',
    signedIn: true,
    errors: [404],
  },
  {
    method: 'delete',
    path: '/users/:userId/follow',
    procedure: 'follow.unfollow',
    summary: 'Unfollow a user (idempotent)',
    tag: 'follows',
    signedIn: true,
    errors: [404],
  },
  {
    method: 'post',
    path: '/tweets',
    procedure: 'tweet.create',
    status: 201,
    summary: 'Tweet',
    tag: 'tweets',
    signedIn: true,
  },
  {
    method: 'get',
    path: '/tweets/:tweetId',
    procedure: 'tweet.byId',
    summary: 'One tweet',
    tag: 'tweets',
    errors: [404],
  },
  {
    method: 'delete',
    path: '/tweets/:tweetId',
    procedure: 'tweet.delete',
    summary: 'Delete one of your tweets',
    tag: 'tweets',
    signedIn: true,
    errors: [403, 404],
  },
];

/**
 * The procedure's input: the query string (GET) or JSON body, then the path parameters. A query
 * key the input takes as a list (`userIds=1&userIds=2`) is a list even when it comes once.
 */
function inputOf(req: Request, route: V1Route, lists: ReadonlySet<string>): unknown {
  const params = Object.fromEntries(Object.entries(req.params).map(([key, value]) => [key, numeric(value)]));
  if (route.method === 'get') {
    const query = Object.fromEntries(
      Object.entries(req.query).map(([key, value]) => {
        const values = Array.isArray(value) ? value.map(numeric) : numeric(value);
        return [key, lists.has(key) && !Array.isArray(values) ? [values] : values];
      }),
    );
    return { ...query, ...params };
  }
  const body: unknown = req.body;
  if (!Object.keys(params).length) return body;
  return { ...(body && typeof body === 'object' && !Array.isArray(body) ? body : {}), ...params };
}

type Procedure = (input?: unknown) => Promise<unknown>;
const procedureOf = (caller: Caller, path: ProcedurePath) => {
  const [router, name] = path.split('.') as [string, string];
  return (caller as unknown as Record<string, Record<string, Procedure>>)[router]?.[name] as Procedure;
};

/** The keys of a procedure's input that take a list. */
function listKeys(path: ProcedurePath): Set<string> {
  const shape = inputObject(path)?.shape ?? {};
  return new Set(Object.keys(shape).filter((key) => shape[key] instanceof z.ZodArray));
}

export interface V1RoutesOptions {
  call: (route: RestRoute) => RequestHandler;
  admit: RequestHandler;
  maxBodySize: number;
  maxUploadBodySize: number;
}

export function v1Router({ call, admit, maxBodySize, maxUploadBodySize }: V1RoutesOptions): Router {
  const router = Router();
  // A JSON body is optional where a route takes none (DELETE /sessions); any content is read as JSON.
  const body = json({ limit: maxBodySize, type: () => true });
  for (const route of v1Routes) {
    const lists = listKeys(route.procedure);
    const handle = call(async (caller, req, res) => {
      const procedure = procedureOf(caller, route.procedure);
      const input = route.upload
        ? await readProfilePicture(caller, req, res, maxUploadBodySize, 'file')
        : inputOf(req, route, lists);
      res.status(route.status ?? 200).json(await procedure(input));
    });
    const steps = route.method === 'get' || route.upload ? [admit, handle] : [admit, body, handle];
    router[route.method](route.path, ...steps);
  }
  return router;
}
