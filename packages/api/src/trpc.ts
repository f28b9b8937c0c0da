/**
 * The tRPC setup in one place: context, error formatting, and the two kinds of procedure.
 */

import { RequestContext } from '@mikro-orm/core';
import type { EntityManager, Orm, User } from '@miniter/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { MediaStorage } from './media/storage.ts';
import { type AuthConfig, authenticate } from './services/auth.ts';
import type { UploadLimits } from './services/avatars.ts';
import { ServiceError } from './services/errors.ts';

/** What the procedures need from the composition root. */
export interface ApiDependencies {
  orm: Orm;
  auth: AuthConfig;
  media: MediaStorage;
  uploads: UploadLimits;
}

export interface ContextOptions extends ApiDependencies {
  /** The raw `Authorization` header, if any. */
  authorization?: string | undefined;
}

export interface Context extends ApiDependencies {
  token: string | null;
}

/** Builds a context without HTTP, so tests can call procedures through `createCaller`. */
export function createContextInner({ authorization, ...dependencies }: ContextOptions): Context {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return { ...dependencies, token: match?.[1] ?? null };
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof z.ZodError ? error.cause : null;
    // Stacks stay in the server's logs, in every environment.
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      // An unexpected error's message may carry SQL or paths: the client gets a generic one.
      message:
        error.code === 'INTERNAL_SERVER_ERROR'
          ? 'Internal server error'
          : zodError
            ? describeIssues(zodError)
            : shape.message,
      data: { ...data, zodError: zodError ? z.flattenError(zodError) : null },
    };
  },
});

/** One readable line: "email: Email must be a valid address; password: …". */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Service refusals become the matching tRPC error (and HTTP status), in one place. */
const serviceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ServiceError) {
    const { kind, message } = result.error.cause;
    throw new TRPCError({ code: kind, message, cause: result.error.cause });
  }
  return result;
});

/**
 * Every call gets its own EntityManager fork (its own identity map): tRPC runs the calls of one
 * batched request concurrently with one shared context, so a per-request fork would be shared.
 */
const perCallEntityManager = t.middleware(({ ctx, next }) =>
  RequestContext.create(ctx.orm.em, () => next({ ctx: { em: RequestContext.getEntityManager() as EntityManager } })),
);

export const publicProcedure = t.procedure.use(serviceErrors).use(perCallEntityManager);

/** Requires `Authorization: Bearer <jwt>` for a user that still exists; narrows `ctx.user`. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user: User = await authenticate(ctx.em, ctx.auth, ctx.token);
  return next({ ctx: { user } });
});
