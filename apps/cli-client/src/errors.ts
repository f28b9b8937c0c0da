import { TRPCClientError } from '@miniter/api/client';

/** A failure to show without a stack trace: one line per problem. */
export class CliError extends Error {
  override name = 'CliError';
}

export const sessionExpired = 'Your session has expired: run `miniter login`';

/** The code of a refusal the server typed (`NOT_FOUND`, `CONFLICT`, …); none for a lost or garbled answer. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/** What the CLI's options and prompts call the server's fields, where the names differ. */
const fieldLabels: Record<string, string> = { username: 'handle', profile: 'bio' };

/**
 * A refusal of named fields (bad input, a taken handle or e-mail), one line per problem, each
 * naming its field as the CLI does: "handle: This username is taken".
 */
function fieldProblems(data: unknown): string | undefined {
  const fieldErrors = (data as { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null })?.zodError
    ?.fieldErrors;
  const lines = Object.entries(fieldErrors ?? {}).flatMap(([field, messages = []]) =>
    messages.map((message) => `${fieldLabels[field] ?? field}: ${message}`),
  );
  return lines.length ? lines.join('\n') : undefined;
}

/** Readable lines for any error a command can end with. */
export function describeError(error: unknown, server: string, withSession: boolean): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof TRPCClientError) {
    const code = errorCode(error);
    if (code === 'UNAUTHORIZED' && withSession) return sessionExpired;
    if (code) return fieldProblems(error.data) ?? error.message;
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
