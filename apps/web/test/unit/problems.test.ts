/** Refusals in the interface's language, beside their fields, from the server's `data.issues`. */
import { TRPCClientError } from '@miniter/api/client';
import { issueCodes, zodIssues } from '@miniter/api/issues';
import { tweetText } from '@miniter/api/text-fields';
import { describe, expect, it } from 'vitest';
import { languages } from '../../src/i18n.tsx';
import { type Issue, issuesOf, refusal } from '../../src/problems.ts';

const { en, ko } = { en: languages.en.words, ko: languages.ko.words };

/** A refusal as the typed client makes it from the server's answer. */
const refused = (data: object) =>
  TRPCClientError.from({
    error: { message: 'English from the server', code: -32600, data: { httpStatus: 400, ...data } },
  });

const signUpRefusal = refused({
  code: 'BAD_REQUEST',
  issues: [
    { path: ['newPassword'], code: 'too_short', message: 'Password must be at least 8 characters', params: { min: 8 } },
    { path: ['username'], code: 'reserved_username', message: 'This username is reserved', params: {} },
    { path: ['userId'], code: 'invalid_type', message: 'Invalid input', params: { expected: 'number' } },
  ] satisfies (Issue & { message: string })[],
});

describe('a refusal', () => {
  it('puts each issue beside its field, in the language asked for, and the others apart', () => {
    const words = refusal(ko, signUpRefusal, ['newPassword', 'username']);
    expect(words.field('newPassword')).toBe('8자 이상이어야 합니다');
    expect(words.field('username')).toBe('예약된 핸들입니다. 다른 핸들을 고르세요');
    // A field the form does not show has no label: no raw input name reaches the page.
    expect(words.general).toEqual(['값이 없거나 올바르지 않습니다']);
    expect(words.firstField).toBe('newPassword');
    expect(refusal(en, signUpRefusal, ['username']).general).toEqual([
      'New password: Must be at least 8 characters',
      'Missing or invalid value',
    ]);
  });

  it('speaks the language for a code it does not know, and for a server that did not answer', () => {
    const unknown = refused({ code: 'BAD_REQUEST', issues: [{ path: ['name'], code: 'brand_new', params: {} }] });
    expect(refusal(ko, unknown, ['name']).field('name')).toBe('서버가 요청을 거절했습니다');
    expect(refusal(ko, new TRPCClientError('fetch failed'), ['name']).general).toEqual([ko.unreachable]);
    expect(refusal(ko, null).general).toEqual([]);
  });

  it('reads the fields a server without `issues` names in `zodError.fieldErrors`', () => {
    const conflict = refused({ code: 'CONFLICT', zodError: { formErrors: [], fieldErrors: { username: ['taken'] } } });
    expect(issuesOf(conflict)).toEqual([{ path: ['username'], code: 'conflict', params: {} }]);
    expect(refusal(ko, conflict, ['username']).field('username')).toBe('서버가 요청을 거절했습니다');
    expect(issuesOf(refused({ code: 'TOO_MANY_REQUESTS' }))).toEqual([
      { path: [], code: 'too_many_requests', params: {} },
    ]);
  });

  it('words a character rule by its id, and the browser’s own check as the server’s', () => {
    const invisible = { path: ['name'], code: 'invalid_characters', params: { rule: 'invisible', found: 'U+200B' } };
    expect(refusal(ko, refused({ issues: [invisible] }), ['name']).field('name')).toBe(
      '보이지 않는 문자는 쓸 수 없습니다 (U+200B)',
    );
    const tooLong = tweetText.safeParse('가'.repeat(301));
    expect(tooLong.error && zodIssues(tooLong.error)).toEqual([
      { path: [], code: 'too_long', message: 'Tweet must be at most 300 characters', params: { max: 300 } },
    ]);
  });
});

describe('the i18n table', () => {
  /** Every key path of `words`, functions and strings alike. */
  const paths = (words: object, prefix = ''): string[] =>
    Object.entries(words).flatMap(([key, value]) =>
      value && typeof value === 'object' ? paths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
    );

  it('has every English word in Korean, and no Korean word without an English one', () => {
    expect(paths(ko).sort()).toEqual(paths(en).sort());
  });

  it('words every code the server documents (packages/api/src/issues.ts), in both languages', () => {
    for (const code of issueCodes) {
      expect(Object.hasOwn(en.issues, code), code).toBe(true);
      expect(Object.hasOwn(ko.issues, code), code).toBe(true);
    }
  });
});
