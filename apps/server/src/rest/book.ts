/**
 * The book's REST endpoints (chapter 11's `view/__init__.py`), at its paths and in its request and
 * response shapes, so that a client written for the book works with only its base URL changed. Each
 * route translates names and shapes onto the tRPC procedure that does the work: the rules, limits,
 * rate limits and session checks are the procedures'. Where the book answered nothing useful (an
 * empty 401, an HTML 500), Miniter answers a typed 4xx with the JSON error body of `calls.ts`.
 */
import { schemas } from '@miniter/api';
import { TRPCError } from '@trpc/server';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { json, type Request, type RequestHandler, type Response, Router } from 'express';
import { z } from 'zod';
import { type Caller, numeric, type RestRoute } from './calls.ts';

export interface BookRoutesOptions {
  /** Runs a route's calls with the request's context (`restCalls`, reading the book's raw tokens). */
  call: (route: RestRoute) => RequestHandler;
  /** Admission control, as for /trpc. */
  admit: RequestHandler;
  maxBodySize: number;
  maxUploadBodySize: number;
}

/** The book's clients send the token bare in `Authorization`; `Bearer <token>` works too. */
export const bookAuthorization = (req: Request) => {
  const header = req.headers.authorization?.trim();
  return header && !/^Bearer\s/i.test(header) ? `Bearer ${header}` : header;
};

/** Parses a request in the book's names with the procedures' own schemas, so refusals name its fields. */
function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: result.error });
  return result.data;
}

/**
 * `parse` for a signed-in route: as over /trpc, a caller without a live session hears 401 before
 * anything about the body. A good body costs no more (the procedure checks the session anyway);
 * a bad one has the session checked before it is refused.
 */
async function parseSignedIn<T extends z.ZodType>(caller: Caller, schema: T, value: unknown): Promise<z.output<T>> {
  try {
    return parse(schema, value);
  } catch (refusal) {
    await caller.user.me();
    throw refusal;
  }
}

const userIdParam = z.object({
  user_id: z.string().regex(/^\d+$/, 'Must be a user id').transform(Number).pipe(schemas.id),
});
const tweetBody = z.object({ tweet: schemas.tweetInput.shape.text });

/** `?limit=` and `?cursor=` of a timeline, handed to the procedure, whose schema checks them. */
function pageOf(req: Request) {
  const { limit, cursor } = req.query;
  return {
    ...(limit === undefined ? {} : { limit: numeric(limit) }),
    ...(cursor === undefined ? {} : { cursor }),
  } as { limit?: number; cursor?: string };
}

/** A timeline in the book's shape, newest first, each tweet once; the next page in a `Link` header. */
function sendTimeline(
  req: Request,
  res: Response,
  userId: number,
  page: Awaited<ReturnType<Caller['timeline']['home']>>,
) {
  if (page.nextCursor) {
    // A next page means this one was full: its length is the limit asked for.
    const next = new URLSearchParams({ limit: String(page.items.length), cursor: page.nextCursor });
    res.setHeader('Link', `<${req.baseUrl}${req.path}?${next}>; rel="next"`);
  }
  res.json({ user_id: userId, timeline: page.items.map((t) => ({ user_id: t.author.id, tweet: t.text })) });
}

/**
 * An upload as `user.uploadProfilePicture` takes it (FormData, the picture under `file`), read from a
 * multipart body's `field` under the size cap of uploads over /trpc. The caller must be signed in
 * first, as over /trpc, where the session check precedes reading the input.
 */
export async function readProfilePicture(
  caller: Caller,
  req: Request,
  res: Response,
  maxBodySize: number,
  field: string,
): Promise<FormData> {
  await caller.user.me();
  if (!req.is('multipart/form-data')) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Send the picture as multipart/form-data' });
  }
  let form: FormData;
  try {
    form = await incomingMessageToRequest(req, res, { maxBodySize }).formData();
  } catch (cause) {
    if (cause instanceof TRPCError) throw cause;
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The multipart body could not be read', cause });
  }
  const file = form.get(field);
  if (!(file instanceof File)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `${field}: Send the picture as a file in "${field}"` });
  }
  const upload = new FormData();
  upload.set('file', file);
  return upload;
}

const id = z.int().positive();
const timeline = z
  .object({ user_id: id, timeline: z.array(z.object({ user_id: id, tweet: z.string() })) })
  .meta({ id: 'BookTimeline' });
// The book's timeline names no one but by id: its pages need no authors.
const pageQuery = schemas.timelinePageInput.omit({ withAuthors: true });

/**
 * One of the book's endpoints: how it is served (`handle`) and, for the OpenAPI document, what it
 * takes and answers. `body`, `params` and `query` are the schemas `handle` parses with.
 */
export interface BookRoute {
  method: 'get' | 'post';
  path: string;
  summary: string;
  signedIn?: true;
  body?: z.ZodObject;
  params?: z.ZodObject;
  query?: z.ZodObject;
  upload?: true;
  /** JSON, the text of /ping, or nothing (200 with an empty body, as the book answers). */
  answer: z.ZodType | 'text' | 'empty';
  /** Refusals beyond the common ones (400, 401 when signed in, 413, 429, 500, 503). */
  errors?: number[];
  /** Whether a `Link` header may name the next page. */
  paged?: true;
  handle: (caller: Caller, req: Request, res: Response, limits: { maxUploadBodySize: number }) => Promise<void>;
}

const ok = (res: Response) => res.status(200).end();

export const bookRouteTable: BookRoute[] = [
  {
    method: 'get',
    path: '/ping',
    summary: 'The book: answers pong',
    answer: 'text',
    handle: async (caller, _req, res) => {
      res.type('text/plain').send(await caller.health.ping());
    },
  },
  {
    method: 'post',
    path: '/sign-up',
    summary: 'The book: sign up',
    body: schemas.signUpInput,
    answer: z.object({ id, name: z.string(), email: z.email(), profile: z.string() }),
    errors: [409],
    handle: async (caller, req, res) => {
      const input = parse(schemas.signUpInput, req.body);
      const user = await caller.auth.signUp(input);
      res.json({ id: user.id, name: user.name, email: input.email, profile: user.profile });
    },
  },
  {
    method: 'post',
    path: '/login',
    summary: 'The book: log in',
    body: schemas.loginInput,
    answer: z.object({ user_id: id, access_token: z.string() }),
    errors: [401],
    handle: async (caller, req, res) => {
      const session = await caller.auth.login(parse(schemas.loginInput, req.body));
      res.json({ user_id: session.user.id, access_token: session.accessToken });
    },
  },
  {
    method: 'post',
    path: '/tweet',
    summary: 'The book: tweet',
    signedIn: true,
    body: tweetBody,
    answer: 'empty',
    handle: async (caller, req, res) => {
      await caller.tweet.create({ text: (await parseSignedIn(caller, tweetBody, req.body)).tweet });
      ok(res);
    },
  },
  // `{ follow: <id> }` and `{ unfollow: <id> }`: the field is named for the action.
  ...(['follow', 'unfollow'] as const).map((action): BookRoute => {
    const input = z.object({ [action]: schemas.id });
    return {
      method: 'post',
      path: `/${action}`,
      summary: `The book: ${action} a user`,
      signedIn: true,
      body: input,
      answer: 'empty',
      errors: [404],
      handle: async (caller, req, res) => {
        await caller.follow[action]({ userId: (await parseSignedIn(caller, input, req.body))[action] as number });
        ok(res);
      },
    };
  }),
  {
    method: 'get',
    path: '/timeline/:user_id',
    summary: "The book: a user's tweets and those of whom they follow, newest first",
    params: userIdParam,
    query: pageQuery,
    answer: timeline,
    paged: true,
    handle: async (caller, req, res) => {
      const userId = parse(userIdParam, req.params).user_id;
      sendTimeline(req, res, userId, await caller.timeline.user({ userId, ...pageOf(req) }));
    },
  },
  {
    method: 'get',
    path: '/timeline',
    summary: 'The book: your tweets and those of whom you follow, newest first',
    signedIn: true,
    query: pageQuery,
    answer: timeline,
    paged: true,
    handle: async (caller, req, res) => {
      const [me, page] = await Promise.all([caller.user.me(), caller.timeline.home(pageOf(req))]);
      sendTimeline(req, res, me.id, page);
    },
  },
  {
    method: 'post',
    path: '/profile-picture',
    summary: 'The book: upload a profile picture (multipart, `profile_pic`)',
    signedIn: true,
    upload: true,
    answer: 'empty',
    errors: [415],
    handle: async (caller, req, res, { maxUploadBodySize }) => {
      await caller.user.uploadProfilePicture(
        await readProfilePicture(caller, req, res, maxUploadBodySize, 'profile_pic'),
      );
      ok(res);
    },
  },
  {
    method: 'get',
    path: '/profile-picture/:user_id',
    summary: "The book: a user's profile picture",
    params: userIdParam,
    answer: z.object({ img_url: z.url() }),
    errors: [404],
    handle: async (caller, req, res) => {
      const picture = await caller.user.profilePicture({ userId: parse(userIdParam, req.params).user_id });
      res.json({ img_url: picture.url });
    },
  },
];

export function bookRoutes({ call, admit, maxBodySize, maxUploadBodySize }: BookRoutesOptions): Router {
  const router = Router();
  const body = json({ limit: maxBodySize });
  for (const route of bookRouteTable) {
    const handle = call((caller, req, res) => route.handle(caller, req, res, { maxUploadBodySize }));
    router[route.method](
      route.path,
      ...(route.method === 'post' && !route.upload ? [admit, body, handle] : [admit, handle]),
    );
  }
  return router;
}
