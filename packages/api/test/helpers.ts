import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Orm } from '@miniter/db';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { LocalStorage } from '../src/media/local-storage.ts';
import { appRouter } from '../src/root.ts';
import type { AuthConfig } from '../src/services/auth.ts';
import { type ContextOptions, createCallerFactory, createContextInner } from '../src/trpc.ts';

/** Cheap bcrypt so the suite stays fast; production refuses a cost below 10. */
export const testAuth: AuthConfig = {
  jwtSecret: 'test-secret-that-is-long-enough-0123456789',
  jwtExpiresIn: 3600,
  bcryptCost: 4,
};

export const testUploads = { maxBytes: 256 * 1024, maxPixels: 4_000_000 };

export const testMedia = () => new LocalStorage(mkdtempSync(join(tmpdir(), 'miniter-media-')), 'http://media.test');

const createCaller = createCallerFactory(appRouter);
const media = testMedia();

export function callerFor(orm: Orm, token?: string, request: Partial<ContextOptions> = {}) {
  return createCaller(
    createContextInner({
      orm,
      auth: testAuth,
      media,
      uploads: testUploads,
      authorization: token && `Bearer ${token}`,
      ...request,
    }),
  );
}

let counter = 0;

/** Signs up and logs in a fresh user; returns a caller acting as them. */
export async function signedIn(orm: Orm, name = 'user') {
  const email = `${name}-${++counter}@example.com`;
  const anonymous = callerFor(orm);
  const user = await anonymous.auth.signUp({ name, email, password: 'password123' });
  const { accessToken } = await anonymous.auth.login({ email, password: 'password123' });
  return { user, token: accessToken, api: callerFor(orm, accessToken) };
}

/** Rejects with a tRPC error of this code; for input errors, naming the field. */
export async function expectCode(call: Promise<unknown>, code: TRPCError['code'], field?: string) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (field) expect((error as TRPCError).message).toContain(`"${field}"`);
}
