/**
 * The OpenAPI 3.1 document of `/api/v1`, generated (zod-openapi) from the route table and the
 * procedures' own schemas: inputs from the procedures, answers from `outputs`. Served at
 * /api/openapi.json and committed as packages/api/openapi.json (a test fails when they differ).
 */
import { appRouter, outputs } from '@miniter/api';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
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
  415: 'The upload is not a PNG, JPEG, WebP or GIF picture',
  429: 'Too many calls: try again after `Retry-After` seconds',
  500: 'An unexpected error: quote the request id',
  503: 'The database is unavailable or the server is busy: try again shortly',
};

function errorResponses(route: V1Route, hasInput: boolean): ZodOpenApiOperationObject['responses'] {
  const statuses = new Set([
    ...(hasInput || route.upload ? [400] : []),
    ...(route.signedIn ? [401] : []),
    ...(route.method === 'get' ? [] : [413]),
    ...(route.errors ?? []),
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

function operation(route: V1Route): ZodOpenApiOperationObject {
  const [routerName, name] = route.procedure.split('.') as [keyof typeof outputs, string];
  const output = (outputs[routerName] as Record<string, z.ZodType>)[name] as z.ZodType;
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
  const procedure = procedures[route.procedure];
  const input = procedure?._def.inputs[0];
  const shape = input instanceof z.ZodObject ? (input as z.ZodObject) : null;
  const pathKeys = Object.fromEntries([...route.path.matchAll(/:(\w+)/g)].map((m) => [m[1] as string, true as const]));
  const rest = shape?.omit(pathKeys as never);
  const hasRest = Boolean(rest && Object.keys(rest.shape).length);
  return {
    operationId: route.procedure.replace('.', '_'),
    summary: route.summary,
    tags: [route.tag],
    security: route.signedIn ? [{ bearer: [] }] : [],
    ...(Object.keys(pathKeys).length || (route.method === 'get' && hasRest)
      ? {
          requestParams: {
            ...(Object.keys(pathKeys).length && shape ? { path: shape.pick(pathKeys as never) } : {}),
            ...(route.method === 'get' && hasRest ? { query: rest } : {}),
          },
        }
      : {}),
    ...(route.upload
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: z.object({ file: z.string().meta({ format: 'binary', description: 'The picture' }) }),
              },
            },
          },
        }
      : route.method !== 'get' && hasRest
        ? { requestBody: { required: true, content: { 'application/json': { schema: rest } } } }
        : {}),
    responses: {
      [String(route.status ?? 200)]: {
        description: route.summary,
        headers: rateLimitHeaders,
        content: { 'application/json': { schema: output } },
      },
      ...errorResponses(route, hasRest || Object.keys(pathKeys).length > 0),
    },
  };
}

export function openApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of v1Routes) {
    const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Miniter',
      version: '1.0.0',
      description:
        'The mini-Twitter API as REST: every procedure of the tRPC API under /api/v1, with the same inputs, outputs and rules.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      { name: 'health', description: 'Liveness' },
      { name: 'accounts', description: 'Sign-up, sessions, passwords' },
      { name: 'users', description: 'Profiles and pictures' },
      { name: 'follows', description: 'Who follows whom' },
      { name: 'tweets', description: 'Tweets and timelines' },
    ],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  });
}
