/**
 * The OpenAPI 3.1 document of the REST API: Mastodon's client API with its OAuth 2, NodeInfo and
 * streaming (each route's own declaration, `mastodon/calls.ts`: its parameters and its answer's
 * schema, which types the answer), and the book's endpoints (their table, `book.ts`). Generated with
 * zod-openapi, served at /api/openapi.json and committed as apps/server/openapi.json (a test fails
 * when they differ). Answers received in the tests are validated against it (test/openapi-check.ts).
 */
import { scopes } from '@miniter/api';
import { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { type MastodonRoute, tags } from '../mastodon/calls.ts';
import { errorSchema, validationErrorSchema } from '../mastodon/errors.ts';
import { mastodonRoutes } from '../mastodon/index.ts';
import { type BookRoute, bookRouteTable } from './book.ts';

/** What each refusal means, on either API. */
const statusText: Record<number, string> = {
  400: 'The request could not be read (a path that does not decode, a body that is not what it says)',
  401: 'No valid access token, or its session has ended',
  403: 'Not allowed to the caller (for a token: outside its scopes)',
  404: 'What the path or a parameter names does not exist',
  409: 'Conflicts with what exists (an email already taken)',
  413: 'The body is too large',
  415: 'Not a type or charset this route reads',
  422: 'A parameter is invalid: `details` names each one',
  429: 'Too many calls: try again after `Retry-After` seconds',
  500: 'An unexpected error: quote the X-Request-Id',
  503: 'The database is unavailable or the server is busy: try again shortly',
};

const retryAfter = z.object({
  'Retry-After': z.string().meta({ description: 'Seconds to wait', header: { id: 'Retry-After' } }),
});

const idempotencyKeyHeader = z.object({
  'Idempotency-Key': z.string().min(1).max(255).optional().meta({
    description:
      'Any 1–255 visible ASCII characters, new for each action and the same for its retries: a repeat within 24 hours answers the first result and writes nothing',
    example: '5f0c6f1e9b2a4c7d8e3f1a2b3c4d5e6f',
  }),
});
const replayedHeader = z.object({
  'Idempotent-Replayed': z.literal('true').meta({ description: 'This is the first answer again: nothing was written' }),
});

/** Express's `:name` as OpenAPI's `{name}`, and the names. */
const templateOf = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const pathParamsOf = (path: string) => [...path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);

// ---- Mastodon's API ----

/** Sent while rate limits are on (always in production), refusals too. */
const mastodonRateLimitHeaders = z
  .object({
    'X-RateLimit-Limit': z
      .string()
      .meta({ description: 'Calls allowed in the window', header: { id: 'X-RateLimit-Limit' } }),
    'X-RateLimit-Remaining': z
      .string()
      .meta({ description: 'Calls left in it', header: { id: 'X-RateLimit-Remaining' } }),
    'X-RateLimit-Reset': z
      .string()
      .meta({ format: 'date-time', description: 'When the window starts again', header: { id: 'X-RateLimit-Reset' } }),
  })
  .partial();
const linkHeader = z.object({
  Link: z.string().meta({
    description:
      'Absolute URLs of the pages around this one: `<…?max_id=…>; rel="next"` (older, while there may be more) and `<…?min_id=…>; rel="prev"` (newer)',
  }),
});

/** The statuses a Mastodon route can answer, from its declaration. */
function mastodonStatuses(declared: MastodonRoute): number[] {
  const readsBody = declared.method !== 'get';
  const pathParams = pathParamsOf(declared.path).length > 0;
  const params = Object.keys(declared.params?.shape ?? {}).length > 0;
  return [
    ...new Set([
      ...(readsBody || pathParams ? [400] : []),
      ...(declared.scope ? [401, 403] : []),
      ...(pathParams ? [404] : []),
      ...(readsBody ? [413, 415] : []),
      ...(params ? [422] : []),
      ...(declared.statuses ?? []),
      429,
      500,
      503,
    ]),
  ].sort();
}

/** Each refusal, one component per status, shared by the routes that can answer it. */
const mastodonRefusal = (status: number): ZodOpenApiResponseObject => ({
  id: `Mastodon${status}`,
  description: statusText[status] ?? 'Refused',
  ...(status === 429 ? { headers: mastodonRateLimitHeaders.extend(retryAfter.shape) } : {}),
  ...(status === 503 ? { headers: retryAfter.partial() } : {}),
  content: { 'application/json': { schema: status === 422 ? validationErrorSchema : errorSchema } },
});
const mastodonRefusals = new Map(Object.keys(statusText).map((status) => [status, mastodonRefusal(Number(status))]));

function mastodonResponses(declared: MastodonRoute): ZodOpenApiResponsesObject {
  const headers = mastodonRateLimitHeaders.extend({
    ...(declared.paged ? linkHeader.partial().shape : {}),
    ...(declared.idempotencyKey ? replayedHeader.partial().shape : {}),
  });
  const refusals = mastodonStatuses(declared).map((status) => [String(status), mastodonRefusals.get(String(status))]);
  return {
    '200': {
      description: declared.summary,
      headers,
      content: { [declared.media ?? 'application/json']: { schema: declared.answer } },
    },
    ...Object.fromEntries(refusals),
  };
}

/** What a route reads from a body, in each of the encodings Mastodon's apps send. */
function mastodonBody(params: z.ZodObject): ZodOpenApiOperationObject['requestBody'] {
  const schema = { schema: params };
  return {
    required: Object.values(params.shape).some((field) => !(field as z.ZodType).safeParse(undefined).success),
    content: { 'application/json': schema, 'application/x-www-form-urlencoded': schema, 'multipart/form-data': schema },
  };
}

function mastodonOperation(declared: MastodonRoute): ZodOpenApiOperationObject {
  const pathParams = pathParamsOf(declared.path);
  const query = declared.method === 'get' ? declared.params : undefined;
  const body = declared.method === 'get' ? undefined : declared.params;
  return {
    operationId: `${declared.method}${declared.path.replace(/[^a-z0-9]+(\w)?/gi, (_, c?: string) => c?.toUpperCase() ?? '')}`,
    summary: declared.summary,
    ...(declared.description ? { description: declared.description } : {}),
    tags: [declared.tag],
    // An OAuth token with the scope, or a session of Miniter's own clients (which may do everything).
    security: declared.scope ? [{ oauth: [declared.scope] }, { bearer: [] }] : [],
    requestParams: {
      ...(pathParams.length
        ? {
            path: z.object(
              Object.fromEntries(pathParams.map((name) => [name, z.string().meta({ description: 'An id: digits' })])),
            ),
          }
        : {}),
      ...(query ? { query } : {}),
      ...(declared.idempotencyKey ? { header: idempotencyKeyHeader } : {}),
    },
    ...(body ? { requestBody: mastodonBody(body) } : {}),
    responses: mastodonResponses(declared),
  };
}

// ---- The book's endpoints ----

const bookError = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'The tRPC error code, e.g. BAD_REQUEST', example: 'BAD_REQUEST' }),
      message: z.string().meta({ example: 'tweet: Tweet must be at most 300 characters' }),
      requestId: z.string().meta({ description: 'Names the request in the server logs' }),
      fieldErrors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'Per field, what is wrong with it (input errors only)' }),
    }),
  })
  .meta({ id: 'BookError' });

// Sent while rate limits are on (always in production).
const bookRateLimitHeaders = z
  .object({
    RateLimit: z
      .string()
      .meta({ description: 'limit, remaining and reset (seconds) of the window this call counted in' }),
    'RateLimit-Policy': z.string().meta({ description: 'The limit and its window: `<limit>;w=<seconds>`' }),
  })
  .partial();

const bookStatusText: Record<number, string> = {
  ...statusText,
  400: 'The input is invalid: `fieldErrors` names each field',
  415: 'The upload is not a PNG, JPEG, WebP or GIF picture',
};

const bookRefusal = (status: number): ZodOpenApiResponseObject => ({
  id: `Book${status}`,
  description: bookStatusText[status] ?? 'Refused',
  ...(status === 429 ? { headers: retryAfter } : {}),
  content: { 'application/json': { schema: bookError } },
});
const bookRefusals = new Map(Object.keys(bookStatusText).map((status) => [status, bookRefusal(Number(status))]));

function bookResponses(route: BookRoute): ZodOpenApiResponsesObject {
  const statuses = new Set([
    ...(route.params || route.query || route.body || route.upload ? [400] : []),
    ...(route.signedIn ? [401] : []),
    // A path that names a user names one that may not exist.
    ...(route.params ? [404] : []),
    ...(route.method === 'get' ? [] : [413]),
    ...(route.errors ?? []),
    429,
    500,
    503,
  ]);
  const refusals = [...statuses].sort().map((status) => [String(status), bookRefusals.get(String(status))]);
  const headers = route.paged
    ? bookRateLimitHeaders.extend({
        Link: z.string().meta({ description: 'The next page, when there is one: `<…?limit=20&cursor=…>; rel="next"`' }),
      })
    : bookRateLimitHeaders;
  const answer =
    route.answer === 'empty'
      ? {}
      : {
          content:
            route.answer === 'text'
              ? { 'text/plain': { schema: z.string() } }
              : { 'application/json': { schema: route.answer } },
        };
  return { '200': { description: route.summary, headers, ...answer }, ...Object.fromEntries(refusals) };
}

function bookOperation(route: BookRoute): ZodOpenApiOperationObject {
  return {
    operationId: `book_${route.method}_${route.path.replace(/[^a-z]+/gi, '_').replace(/^_|_$/g, '')}`,
    summary: route.summary,
    tags: ['book'],
    security: route.signedIn ? [{ bearer: [] }] : [],
    ...(route.params || route.query
      ? {
          requestParams: {
            ...(route.params ? { path: route.params } : {}),
            ...(route.query ? { query: route.query } : {}),
          },
        }
      : {}),
    ...(route.upload
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: z.object({ profile_pic: z.string().meta({ format: 'binary', description: 'The picture' }) }),
              },
            },
          },
        }
      : route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
        : {}),
    responses: bookResponses(route),
  };
}

// ---- The document ----

/** What each scope lets a token do, for the document's OAuth flows. */
const scopeText = Object.fromEntries(
  scopes.map((scope) => {
    const [family, name] = scope.split(':');
    const text: Record<string, string> = {
      read: 'Read everything of yours',
      write: 'Change everything of yours',
      follow: 'Read and change follows, blocks and mutes (Mastodon deprecated it for the granular scopes)',
      push: 'Web Push (not offered)',
      profile: 'Read your own account only',
    };
    return [scope, name ? `${family === 'read' ? 'Read' : 'Change'} ${name}` : (text[scope] ?? scope)];
  }),
);

type Operation = [path: string, method: string, operation: ZodOpenApiOperationObject];

export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  const operations = [
    ...mastodonRoutes.map((route): Operation => [route.path, route.method, mastodonOperation(route)]),
    ...bookRouteTable.map((route): Operation => [route.path, route.method, bookOperation(route)]),
  ];
  for (const [path, method, operation] of operations) {
    const template = templateOf(path);
    paths[template] = { ...paths[template], [method]: operation };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Miniter',
      version: '1.0.0',
      description:
        "Mastodon's client API (docs.joinmastodon.org) as Miniter serves it, with its OAuth 2, NodeInfo, WebFinger and streaming (the WebSocket at /api/v1/streaming carries what the event streams do), and the book's own endpoints at the root (they take the token bare too). Tokens: an application's through OAuth, or a session of Miniter's own clients (`auth.login` over /trpc, or the book's /login).",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      ...Object.entries(tags).map(([name, description]) => ({ name, description })),
      { name: 'book', description: "The book's own endpoints (chapter 11), in its paths and shapes" },
    ],
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          description: 'A token granted to an application; `read` and `write` stand for their granular scopes',
          flows: {
            authorizationCode: {
              authorizationUrl: '/oauth/authorize',
              tokenUrl: '/oauth/token',
              scopes: scopeText,
            },
            clientCredentials: { tokenUrl: '/oauth/token', scopes: scopeText },
          },
        },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
    paths,
  });
}
