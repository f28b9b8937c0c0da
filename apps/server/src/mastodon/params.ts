/**
 * A Mastodon request's parameters, wherever they came: the path, the query string, a JSON body or a
 * form (`application/x-www-form-urlencoded`; Mastodon's apps send both). Rails names a list `id[]`;
 * here it is `id`, a list however many times it came. Values stay text for the procedures' schemas,
 * but for ids and whole numbers, which are turned into numbers as /api/v1 does.
 */
import { schemas } from '@miniter/api';
import { TRPCError } from '@trpc/server';
import { json, type Request, type RequestHandler, urlencoded } from 'express';
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

/** JSON or a form, as the request says; anything else leaves the body empty. */
export function bodyParsers(limit: number): RequestHandler[] {
  return [json({ limit }), urlencoded({ limit, extended: false, parameterLimit: 1000 })];
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

/** Mastodon's limits: statuses 20 by default and at most 40; accounts 40 and 80. */
export const statusLimits = { byDefault: 20, max: 40 };
export const accountLimits = { byDefault: 40, max: 80 };

/** Where this server is, as the client reached it: every URL in an entity is absolute. */
export const originOf = (req: Request) => `${req.protocol}://${req.host}`;
