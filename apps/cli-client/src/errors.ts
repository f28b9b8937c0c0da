import { TRPCClientError } from '@miniter/api/client';

/** A failure to show as one line, without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}

export const sessionExpired = 'Your session has expired: run `miniter login`';

/** One readable line for any error a command can end with. */
export function describeError(error: unknown, server: string, withSession: boolean): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === 'UNAUTHORIZED' && withSession) return sessionExpired;
    if (code) return error.message;
    if (isUnreachable(error)) return `cannot reach ${server} — is the server running?`;
    return `unexpected answer from ${server}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** No answer at all: refused, unresolvable, reset, or timed out. */
function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.message === 'fetch failed') return true;
  }
  return false;
}
