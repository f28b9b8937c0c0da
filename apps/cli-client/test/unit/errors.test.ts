import { TRPCClientError } from '@miniter/api/client';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/errors.ts';

const server = 'http://localhost:4000';
/** A refusal as the server sends it (the errorFormatter's shape). */
const refusal = (code: string, message: string, fieldErrors?: Record<string, string[]>) =>
  TRPCClientError.from({
    error: {
      code: -32000,
      message,
      data: { code, zodError: fieldErrors ? { formErrors: [], fieldErrors } : null },
    },
  });

describe('describeError', () => {
  it('names each refused field as the CLI calls it, one line per problem', () => {
    const taken = refusal('CONFLICT', 'This handle is taken', { username: ['This handle is taken'] });
    expect(describeError(taken, server, false)).toBe('handle: This handle is taken');
    const form = refusal('BAD_REQUEST', 'name: …; profile: …', {
      name: ['Name must be at least 1 character'],
      profile: ['Bio must be at most 200 characters'],
      username: ['Handle may only contain letters, digits and _', 'Handle must be at most 30 characters'],
    });
    expect(describeError(form, server, true).split('\n')).toEqual([
      'name: Name must be at least 1 character',
      'bio: Bio must be at most 200 characters',
      'handle: Handle may only contain letters, digits and _',
      'handle: Handle must be at most 30 characters',
    ]);
  });

  it("gives the server's message for a refusal of no field, and a line of its own for a lost session or server", () => {
    expect(describeError(refusal('NOT_FOUND', 'User 7 does not exist'), server, false)).toBe('User 7 does not exist');
    expect(describeError(refusal('UNAUTHORIZED', 'Sign in first'), server, true)).toBe(
      'Your session has expired: run `miniter login`',
    );
    const down = new TRPCClientError('fetch failed', { cause: new TypeError('fetch failed') });
    expect(describeError(down, server, false)).toBe(`cannot reach ${server} — is the server running?`);
  });
});
