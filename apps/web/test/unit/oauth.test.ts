/** The authorize page's reading of an application's request, its refusals, and scopes in plain words. */
import { TRPCClientError } from '@miniter/api/client';
import { describe, expect, it } from 'vitest';
import { languages } from '../../src/i18n.tsx';
import { describeRequestProblem, describeRequestRefusal, readAuthorizationRequest } from '../../src/oauth-request.ts';
import { scopeWords } from '../../src/scope-words.ts';

const { en, ko } = { en: languages.en.words, ko: languages.ko.words };

const refused = (data: object) =>
  TRPCClientError.from({
    error: { message: 'English from the server', code: -32600, data: { httpStatus: 400, ...data } },
  });

describe('an authorization request', () => {
  it('reads Mastodon’s parameters, an empty one as absent, and force_login as true or 1', () => {
    const query =
      '?response_type=code&client_id=abc&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=read+write' +
      '&state=&code_challenge=xyz&code_challenge_method=S256&force_login=1';
    expect(readAuthorizationRequest(query)).toEqual({
      request: {
        clientId: 'abc',
        redirectUri: 'https://app.example/cb',
        scope: 'read write',
        state: undefined,
        codeChallenge: 'xyz',
        codeChallengeMethod: 'S256',
      },
      forceLogin: true,
    });
    const base = '?response_type=code&client_id=abc&redirect_uri=urn:ietf:wg:oauth:2.0:oob';
    expect(readAuthorizationRequest(`${base}&force_login=TRUE`)).toMatchObject({ forceLogin: true });
    expect(readAuthorizationRequest(`${base}&force_login=false`)).toMatchObject({ forceLogin: false });
  });

  it('is refused without its required parameters, or for another response_type, in both languages', () => {
    const missing = readAuthorizationRequest('?response_type=code&redirect_uri=x');
    expect(missing).toEqual({ problem: { kind: 'missing', param: 'client_id' } });
    const token = readAuthorizationRequest('?response_type=token&client_id=a&redirect_uri=x');
    expect(token).toEqual({ problem: { kind: 'response_type' } });
    if (!('problem' in missing) || !('problem' in token)) throw new Error('not refused');
    expect(describeRequestProblem(en, missing.problem)).toBe('The request lacks its client_id parameter.');
    expect(describeRequestProblem(ko, token.problem)).toMatch(/response_type=code만/);
  });

  it('words the server’s refusals by the parameter they are about', () => {
    const client = refused({ code: 'BAD_REQUEST', issues: [{ path: ['client_id'], code: 'bad_request', params: {} }] });
    expect(describeRequestRefusal(en, client)).toEqual(['No application is registered with this client_id.']);
    const uri = refused({ code: 'BAD_REQUEST', issues: [{ path: ['redirect_uri'], code: 'bad_request', params: {} }] });
    expect(describeRequestRefusal(ko, uri)).toEqual([ko.oauth.refusals.redirect_uri]);
    const state = refused({ issues: [{ path: ['state'], code: 'too_big', params: { maximum: 2000 } }] });
    expect(describeRequestRefusal(en, state)).toEqual(['The request’s state parameter is not valid.']);
    const busy = refused({ code: 'TOO_MANY_REQUESTS', issues: [{ path: [], code: 'too_many_requests', params: {} }] });
    expect(describeRequestRefusal(en, busy)).toEqual(['Too many requests: wait a moment and try again']);
    expect(describeRequestRefusal(ko, new TRPCClientError('fetch failed'))).toEqual([ko.unreachable]);
  });
});

describe('scopes in plain words', () => {
  it('says each once, granular ones only without their high-level scope', () => {
    expect(scopeWords(en, ['read', 'write', 'follow'])).toEqual([en.scopes.read, en.scopes.write, en.scopes.follow]);
    expect(scopeWords(en, ['read', 'read:statuses', 'write:statuses'])).toEqual([
      en.scopes.read,
      'Post and delete tweets on your behalf',
    ]);
    expect(scopeWords(ko, ['profile', 'something:new'])).toEqual(['내 프로필(이름, 핸들, 사진) 보기', 'something:new']);
  });
});
