/**
 * Property-based: thousands of generated inputs — wrong types, huge and strange strings, deep
 * nesting, prototype-pollution keys — at every procedure over HTTP. Never a 5xx; always a typed 4xx.
 */
import { appRouter } from '@miniter/api';
import { useTestDatabase } from '@miniter/db/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
).map(([path, procedure]) => ({ path, type: procedure._def.type }));

const keys = [
  'userId',
  'tweetId',
  'text',
  'email',
  'password',
  'name',
  'profile',
  'cursor',
  'limit',
  'file',
  'currentPassword',
  'newPassword',
  '__proto__',
  'constructor',
  'prototype',
];

const strangeString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }), // any code point, lone surrogates included
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '😀'.repeat(301),
    'ｅｘａｍｐｌｅ@ｅｘａｍｐｌｅ.ｃｏｍ',
    'a@b.c',
    'null',
    '[]',
  ),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
);

const scalar = fc.oneof(
  strangeString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, 4_294_967_296),
  fc.boolean(),
  fc.constant(null),
);

const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), tie('value'), { maxKeys: 6 }),
})).value;

/** Inputs that look almost right: the real field names with wrong or extreme values. */
const nearlyValid = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 });

/** Raw JSON bodies that no object literal can make: own `__proto__` keys, deep nesting. */
const rawJson = fc.oneof(
  fc.constantFrom(
    '{"__proto__":{"polluted":true},"userId":1}',
    '{"constructor":{"prototype":{"polluted":true}},"text":"x"}',
    '{"0":{"__proto__":{"polluted":true}}}',
    '{"text":"\\ud800"}',
    '{"userId":1e400}',
    '{',
    'null',
  ),
  fc.nat({ max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.nat({ max: 5_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
);

describe('every procedure, fuzzed over HTTP', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm);
  let token = '';

  beforeAll(async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('auth.signUp', { name: 'fuzz', email: 'fuzz@example.com', password: 'password123' });
    const login = (await (await post('auth.login', { email: 'fuzz@example.com', password: 'password123' })).json()) as {
      result: { data: { accessToken: string } };
    };
    token = login.result.data.accessToken;
  });

  /** Sends a body to a procedure the way its kind travels; returns the status and parsed body. */
  async function send(path: string, type: string, body: string, signedIn: boolean) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signedIn) headers.authorization = `Bearer ${token}`;
    const res =
      type === 'query'
        ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(body)}`, { headers })
        : await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, text };
  }

  function expectTypedClientError({ status, text }: { status: number; text: string }) {
    expect(status, text.slice(0, 300)).toBeLessThan(500);
    if (status >= 400 && text.startsWith('{')) {
      const body = JSON.parse(text) as { error?: { data?: { code?: string } } };
      expect(body.error?.data?.code).toMatch(/^[A-Z_]+$/);
    }
  }

  // Ending sessions would sign the fuzzer out for the procedures after them: those go anonymous.
  const endsSessions = new Set(['auth.logout', 'auth.logoutAll']);

  it.each(procedures)(
    '$path ($type) answers every generated input with a 2xx or a typed 4xx',
    async ({ path, type }) => {
      const withToken = fc.boolean().map((b) => b && !endsSessions.has(path));
      await fc.assert(
        fc.asyncProperty(fc.oneof(value, nearlyValid), withToken, async (input, signedIn) => {
          const body = JSON.stringify(input) ?? 'null';
          expectTypedClientError(await send(path, type, body, signedIn));
        }),
        { numRuns: 150 },
      );
      await fc.assert(
        fc.asyncProperty(rawJson, withToken, async (body, signedIn) => {
          expectTypedClientError(await send(path, type, body, signedIn));
        }),
        { numRuns: 30 },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
