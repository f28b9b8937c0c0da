/**
 * Mastodon's paging: a `Link` header with absolute URLs, `next` to older items (`max_id`) and `prev`
 * to newer ones (`min_id`), each the request's own URL with its other parameters kept. masto.js
 * follows `next` until there is none.
 */
import type { Request, Response } from 'express';
import { originOf } from './params.ts';

const boundKeys = new Set(['max_id', 'since_id', 'min_id']);

function pageUrl(req: Request, bound: Record<string, string>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) {
    if (boundKeys.has(key)) continue;
    for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') query.append(key, one);
  }
  for (const [key, value] of Object.entries(bound)) query.set(key, value);
  return `${originOf(req)}${req.baseUrl}${req.path}?${query}`;
}

/**
 * Whether older items may follow a page: the procedure has a next page, or, for a page just above
 * `min_id` (which has none below it by construction), it is full.
 */
export const olderMayFollow = (
  page: { items: readonly unknown[]; nextCursor: string | null },
  input: { limit: number; minId?: unknown },
) => page.nextCursor !== null || (input.minId !== undefined && page.items.length === input.limit);

/**
 * Sets `Link` for a page of items with ids, newest first: `next` when older items may follow
 * (`more`), `prev` whenever the page has any.
 */
export function setPageLinks(req: Request, res: Response, ids: readonly (number | string)[], more: boolean): void {
  const newest = ids[0];
  const oldest = ids.at(-1);
  if (newest === undefined || oldest === undefined) return;
  const links = [];
  if (more) links.push(`<${pageUrl(req, { max_id: String(oldest) })}>; rel="next"`);
  links.push(`<${pageUrl(req, { min_id: String(newest) })}>; rel="prev"`);
  res.setHeader('Link', links.join(', '));
}
