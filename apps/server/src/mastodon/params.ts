/**
 * A Mastodon request's parameters, wherever they came: the path, the query string, a JSON body or a
 * form (`application/x-www-form-urlencoded` or `multipart/form-data`; Mastodon's apps send each). Rails names a list `id[]`;
 * here it is `id`, a list however many times it came. Values stay as sent, for the procedures' schemas
 * to check; a route reads an id or a number as one where it takes it (`idOf`, `optionalId`, `limitOf`).
 */
import { schemas } from '@miniter/api';
import { TRPCError } from '@trpc/server';
import { json, type Request, type RequestHandler, urlencoded } from 'express';
import getRawBody from 'raw-body';
import { z } from 'zod';
import { numeric } from '../rest/calls.ts';

export type Params = Record<string, unknown>;

export function paramsOf(req: Request): Params {
  const body: unknown = req.body;
  const merged: Params = {};
  for (const source of [req.query, body && typeof body === 'object' && !Array.isArray(body) ? body : {}, req.params]) {
    for (const [key, value] of Object.entries(source as Params)) {
      const name = key.endsWith('[]') ? key.slice(0, -2) : key;
      merged[name] = key.endsWith('[]') && !Array.isArray(value) ? [value] : value;
    }
  }
  return merged;
}

/**
 * JSON or a form, either kind, as the request says; anything else leaves the body empty. With
 * `files`, a multipart body's files are kept too, as `File`s: only a route that takes an upload asks,
 * and it passes the upload cap as `limit`.
 */
export function bodyParsers(limit: number, { files = false } = {}): RequestHandler[] {
  return [json({ limit }), urlencoded({ limit, extended: false, parameterLimit: 1000 }), multipartFields(limit, files)];
}

/**
 * The fields of a `multipart/form-data` body (masto.js sends sign-ups and profile changes so), read
 * with the platform's own parser; a field sent more than once is a list. Files are left out unless
 * the route takes them: the whole body is in memory anyway, under the cap of `limit`.
 */
function multipartFields(limit: number, files: boolean): RequestHandler {
  return async (req, _res, next) => {
    if (!req.is('multipart/form-data')) return next();
    let raw: Buffer;
    try {
      raw = await getRawBody(req, { limit, length: req.headers['content-length'] });
    } catch (error) {
      return next(error);
    }
    try {
      const form = await new Response(raw, {
        headers: { 'content-type': String(req.headers['content-type']) },
      }).formData();
      const fields: Record<string, string | File | (string | File)[]> = {};
      for (const [name, value] of form) {
        if (typeof value !== 'string' && !files) continue;
        const earlier = fields[name];
        fields[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
      }
      req.body = fields;
      next();
    } catch {
      next(Object.assign(new Error('The form could not be read'), { status: 400, expose: true }));
    }
  };
}

/** Mastodon's "Record not found" for an id that names nothing here: also one that is no id at all. */
export const recordNotFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Record not found' });

/** An id from a path: a string of digits that is an id by the procedures' own schema, else not found. */
export function idOf(value: unknown): number {
  const id = schemas.id.safeParse(numeric(value));
  if (!id.success) throw recordNotFound();
  return id.data;
}

/** An optional id parameter (`max_id`), handed to the procedure as a number when it is digits. */
export const optionalId = (value: unknown) => (value === undefined || value === '' ? undefined : numeric(value));

/** Rails' truthy values, which Mastodon's parameters follow. */
export const isTrue = (value: unknown) => value === true || value === 'true' || value === '1' || value === 'on';

/**
 * `limit` as Mastodon reads it: its default when absent or not a number, and never past its
 * maximum (Mastodon clamps rather than refuses).
 */
export function limitOf(value: unknown, { byDefault, max }: { byDefault: number; max: number }): number {
  const n = numeric(value);
  if (typeof n !== 'number' || n < 1) return byDefault;
  return Math.min(n, max);
}

/**
 * A page's input from Mastodon's `limit`, `max_id`, `since_id` and `min_id`, for a list paged by
 * numeric ids. Ids that are not numbers are handed on as they came, for the procedure's schema to refuse.
 */
export const idPageInput = (params: Record<string, unknown>, limits: { byDefault: number; max: number }) =>
  ({
    limit: limitOf(params.limit, limits),
    maxId: optionalId(params.max_id),
    sinceId: optionalId(params.since_id),
    minId: optionalId(params.min_id),
  }) as { limit: number; maxId?: number; sinceId?: number; minId?: number };

/** Mastodon's limits: statuses 20 by default and at most 40; accounts 40 and 80. */
export const statusLimits = { byDefault: 20, max: 40 };
export const accountLimits = { byDefault: 40, max: 80 };

/** `limit` for the document, as `limitOf` reads it. */
export const limitParam = ({ byDefault, max }: { byDefault: number; max: number }) =>
  z
    .int()
    .min(1)
    .optional()
    .meta({ description: `How many: ${byDefault} by default, at most ${max} (more is read as ${max})` });

/** A paged list's parameters, for the document: bounds by id (those of the `Link` header), and `limit`. */
export const pageParams = (limits: { byDefault: number; max: number }) =>
  z.object({
    max_id: z.string().optional().meta({ description: 'Only items older than this id' }),
    since_id: z.string().optional().meta({ description: 'Only items newer than this id' }),
    min_id: z.string().optional().meta({ description: 'The items just newer than this id (still newest first)' }),
    limit: limitParam(limits),
  });

/** A Mastodon boolean parameter, for the document: also `1`, `on` and their opposites in a form. */
export const flagParam = (description: string) => z.boolean().optional().meta({ description });

/** Where this server is, as the client reached it: every URL in an entity is absolute. */
export const originOf = (req: Request) => `${req.protocol}://${req.host}`;
