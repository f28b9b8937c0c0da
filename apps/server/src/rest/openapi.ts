/**
 * The OpenAPI 3.1 document of `/api/v1` and the book's endpoints, generated (zod-openapi) from their
 * route tables and the procedures' own schemas: inputs from the procedures, answers from `outputs`.
 * Served at /api/openapi.json and committed as apps/server/openapi.json (a test fails when they differ).
 */
import { appRouter, type Meta, outputs } from '@miniter/api';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { type BookRoute, bookRouteTable } from './book.ts';
import { inputObject } from './calls.ts';
import { type V1Route, v1Routes } from './v1.ts';

const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'The tRPC error code, e.g. BAD_REQUEST', example: 'BAD_REQUEST' }),
      message: z.string().meta({ example: 'text: Tweet must be at most 300 characters' }),
      requestId: z.string().meta({ description: 'Names the request in the server logs' }),
      fieldErrors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'Per field, what is wrong with it (input errors only)' }),
    }),
  })
  .meta({ id: 'Error' });

// Sent while rate limits are on (always in production).
const rateLimitHeaders = z
  .object({
    RateLimit: z
      .string()
      .meta({ description: 'limit, remaining and reset (seconds) of the window this call counted in' }),
    'RateLimit-Policy': z.string().meta({ description: 'The limit and its window: `<limit>;w=<seconds>`' }),
  })
  .partial();

const statusText: Record<number, string> = {
  400: 'The input is invalid: `fieldErrors` names each field',
  401: 'No valid access token, or its session has ended',
  403: 'Not allowed to the caller',
  404: 'What the path names does not exist',
  409: 'Conflicts with what exists (an email already taken)',
  413: 'The body is too large',
  422: 'The Idempotency-Key was already used for another request',
  415: 'The upload is not a PNG, JPEG, WebP or GIF picture',
  429: 'Too many calls: try again after `Retry-After` seconds',
  500: 'An unexpected error: quote the request id',
  503: 'The database is unavailable or the server is busy: try again shortly',
};

/** What the document says of one route, from the /api/v1 table or the book's. */
interface OperationSpec {
  method: string;
  /** Express syntax (`:userId`). */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  signedIn?: boolean | undefined;
  errors?: number[] | undefined;
  status?: number | undefined;
  upload?: string | undefined;
  params?: z.ZodObject | undefined;
  query?: z.ZodObject | undefined;
  body?: z.ZodObject | undefined;
  answer: z.ZodType | 'text' | 'empty';
  paged?: boolean | undefined;
  /** Honours `Idempotency-Key` (the procedure's `meta.retrySafe` is `'key'`). */
  idempotencyKey?: boolean | undefined;
}

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

function errorResponses(spec: OperationSpec): ZodOpenApiOperationObject['responses'] {
  const statuses = new Set([
    ...(spec.params || spec.query || spec.body || spec.upload ? [400] : []),
    ...(spec.signedIn ? [401] : []),
    ...(spec.method === 'get' ? [] : [413]),
    ...(spec.errors ?? []),
    ...(spec.idempotencyKey ? [422] : []),
    429,
    500,
    503,
  ]);
  return Object.fromEntries(
    [...statuses].sort().map((status) => [
      String(status),
      {
        description: statusText[status] ?? 'Refused',
        ...(status === 429
          ? { headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait' }) }) }
          : {}),
        content: { 'application/json': { schema: errorBody } },
      },
    ]),
  );
}

const linkHeader = z.object({
  Link: z.string().meta({ description: 'The next page, when there is one: `<…?limit=20&cursor=…>; rel="next"`' }),
});

function operation(spec: OperationSpec): ZodOpenApiOperationObject {
  const headers = spec.paged
    ? rateLimitHeaders.extend(linkHeader.partial().shape)
    : spec.idempotencyKey
      ? rateLimitHeaders.extend(replayedHeader.partial().shape)
      : rateLimitHeaders;
  const answer =
    spec.answer === 'empty'
      ? {}
      : {
          content:
            spec.answer === 'text'
              ? { 'text/plain': { schema: z.string() } }
              : { 'application/json': { schema: spec.answer } },
        };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.tag],
    security: spec.signedIn ? [{ bearer: [] }] : [],
    ...(spec.params || spec.query || spec.idempotencyKey
      ? {
          requestParams: {
            ...(spec.params ? { path: spec.params } : {}),
            ...(spec.query ? { query: spec.query } : {}),
            ...(spec.idempotencyKey ? { header: idempotencyKeyHeader } : {}),
          },
        }
      : {}),
    ...(spec.upload
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: z.object({ [spec.upload]: z.string().meta({ format: 'binary', description: 'The picture' }) }),
              },
            },
          },
        }
      : spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } }
        : {}),
    responses: {
      [String(spec.status ?? 200)]: { description: spec.summary, headers, ...answer },
      ...errorResponses(spec),
    },
  };
}

/** A /api/v1 route, with its input schema split into path, query or body from its procedure. */
function v1Operation(route: V1Route): OperationSpec {
  const [routerName, name] = route.procedure.split('.') as [keyof typeof outputs, string];
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: unknown[]; meta?: Meta } }
  >;
  const shape = inputObject(route.procedure);
  const pathKeys = Object.fromEntries([...route.path.matchAll(/:(\w+)/g)].map((m) => [m[1] as string, true as const]));
  const rest = shape?.omit(pathKeys as never);
  const hasRest = Boolean(rest && Object.keys(rest.shape).length);
  return {
    ...route,
    path: `/api/v1${route.path}`,
    operationId: route.procedure.replace('.', '_'),
    upload: route.upload ? 'file' : undefined,
    params: Object.keys(pathKeys).length && shape ? shape.pick(pathKeys as never) : undefined,
    query: route.method === 'get' && hasRest ? rest : undefined,
    body: route.method !== 'get' && hasRest ? rest : undefined,
    answer: (outputs[routerName] as Record<string, z.ZodType>)[name] as z.ZodType,
    paged: false,
    idempotencyKey: procedures[route.procedure]?._def.meta?.retrySafe === 'key',
  };
}

/** One of the book's endpoints, as its table describes it. */
function bookOperation(route: BookRoute): OperationSpec {
  return {
    ...route,
    operationId: `book_${route.method}_${route.path.replace(/[^a-z]+/gi, '_').replace(/^_|_$/g, '')}`,
    tag: 'book',
    upload: route.upload ? 'profile_pic' : undefined,
  };
}

export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const spec of [...v1Routes.map(v1Operation), ...bookRouteTable.map(bookOperation)]) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [spec.method]: operation(spec) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Miniter',
      version: '1.0.0',
      description:
        "The mini-Twitter API as REST: every procedure of the tRPC API under /api/v1, with the same inputs, outputs and rules, and the book's own endpoints at the root (they take the token bare too).",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      { name: 'health', description: 'Liveness' },
      { name: 'accounts', description: 'Sign-up, sessions, passwords' },
      { name: 'users', description: 'Profiles and pictures' },
      { name: 'follows', description: 'Who follows whom' },
      { name: 'tweets', description: 'Tweets and timelines' },
      { name: 'book', description: "The book's own endpoints (chapter 11), in its paths and shapes" },
    ],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  });
}
