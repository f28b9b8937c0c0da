/**
 * Every text input of every procedure, over HTTP on each dialect. Text that is not well-formed
 * Unicode or holds a character its field refuses is a 400 BAD_REQUEST that names the field, and
 * nothing is stored; well-formed text (emoji, Korean, combining marks, right-to-left) is stored
 * and served back byte for byte. The rules are in packages/api/src/text.ts.
 */
import { sqlEm } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';
import { textFields } from '../procedures.ts';

const password = 'password123';
const redirectUri = 'https://app.example/callback';

/** Characters refused by every rule: NUL and unpaired surrogates (either half, or the pair reversed). */
const refusedEverywhere = ['\u0000', '\ud800', '\udfff', '\udc00\ud800'];
const controls = ['\u0001', '\u001b', '\r', '\u007f', '\u0085', '\u009f'];
const refusedInNames = [...controls, '\t', '\n', '\u2028', '\u202e', '\u2066', '\u200f', '\u200b', '\ufeff', '\u3164'];

/** What each text field refuses, and a valid value to put it in (in the middle, so trimming keeps it). */
const fieldRules: Record<string, { refuses: string[]; valid: (bad: string) => string }> = {
  name: { refuses: [...refusedEverywhere, ...refusedInNames], valid: (c) => `Ki${c}m` },
  username: {
    refuses: [...refusedEverywhere, ...refusedInNames, '\u0430', '\uff4b', '\u0301'],
    valid: (c) => `ki${c}m`,
  },
  query: { refuses: [...refusedEverywhere, ...refusedInNames], valid: (c) => `ki${c}m` },
  tag: { refuses: [...refusedEverywhere, ...refusedInNames], valid: (c) => `se${c}oul` },
  profile: { refuses: [...refusedEverywhere, ...controls], valid: (c) => `hello${c}there` },
  text: { refuses: [...refusedEverywhere, ...controls], valid: (c) => `hello${c}there` },
  email: { refuses: [...refusedEverywhere, ...refusedInNames], valid: (c) => `ow${c}ner@example.com` },
  password: { refuses: refusedEverywhere, valid: (c) => `pass${c}word123` },
  currentPassword: { refuses: refusedEverywhere, valid: (c) => `pass${c}word123` },
  newPassword: { refuses: refusedEverywhere, valid: (c) => `pass${c}word456` },
  cursor: { refuses: refusedEverywhere, valid: (c) => `MTA${c}` },
  // A follow list's bounds: a follow's place in the list, digits only.
  ...Object.fromEntries(
    ['maxId', 'sinceId', 'minId'].map((field) => [
      field,
      { refuses: [...refusedEverywhere, ...refusedInNames], valid: (c: string) => `17650${c}00042` },
    ]),
  ),
  website: { refuses: [...refusedEverywhere, ...refusedInNames], valid: (c) => `https://app${c}.example` },
  ...Object.fromEntries(
    [
      'clientId',
      'clientSecret',
      'token',
      'redirectUri',
      'scope',
      'scopes',
      'state',
      'codeChallenge',
      'codeChallengeMethod',
    ].map((field) => [field, { refuses: [...refusedEverywhere, ...refusedInNames], valid: (c: string) => `ab${c}cd` }]),
  ),
};

/** Well-formed text that must come back exactly as sent. */
const roundTrips = [
  '안녕하세요, 세계! 깔끔한 파이썬 탄탄한 백엔드',
  'emoji 😀 👨‍👩‍👧‍👦 🏴󠁧󠁢󠁳󠁣󠁴󠁿 👍🏽 ❤️',
  'combining: e\u0301 a\u0308 \u1100\u1161\u11a8 Z\u0351\u0362\u0334',
  'right to left: שלום עולם, مرحبا بالعالم \u200f!',
  'tab\tand\nnewlines, line\u2028and paragraph\u2029separators',
  "quotes ' \" ` \\ \\' ? ?? ; -- /* */ %_ $1",
  '\u202eoverride and \u2066isolate\u2069 in prose',
  `${'가😀'.repeat(150)}`, // 300 code points, 450 UTF-16 units
];
const names = ['김철수', 'Jose\u0301', 'אבי כהן', '👩🏽‍💻 Kim', '葛󠄀飾', 'می\u200cخواهم', 'O\'Brien \\ "Q"'];

/** The parts of the procedures' answers that these tests read. */
interface Answer {
  result: {
    data: { id: number; text: string; name: string; profile: string; accessToken: string; items: { text: string }[] };
  };
  error: { message: string; data: { code: string; zodError: { fieldErrors: Record<string, string[]> } } };
}

describe.each(testDialects())('text inputs on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useHttpServer(() => db().orm);
  let token = '';
  let ownerId = 0;

  const call = async (path: string, input: unknown, type: 'query' | 'mutation', auth = token) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${auth}` };
    const res =
      type === 'query'
        ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
        : await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
    return { status: res.status, body: (await res.json()) as Answer };
  };

  beforeEach(async () => {
    const owner = await call('auth.signUp', { name: 'owner', email: 'owner@example.com', password }, 'mutation');
    ownerId = owner.body.result.data.id;
    const login = await call('auth.login', { email: 'owner@example.com', password }, 'mutation');
    token = login.body.result.data.accessToken;
  });

  /** Everything a refused call could have changed. */
  const stored = () =>
    sqlEm(db().orm)
      .fork()
      .execute(
        `select (select count(*) from users) as users, (select count(*) from tweets) as tweets,
           (select count(*) from auth_sessions) as sessions, u.name, u.username, u.profile, u.hashed_password
         from users u where u.id = ?`,
        [ownerId],
      );

  /** A valid input for each procedure with text fields; the field under test is then replaced. */
  const validInputs: Record<string, { type: 'query' | 'mutation'; input: () => Record<string, unknown> }> = {
    'auth.signUp': {
      type: 'mutation',
      input: () => ({ name: 'Kim', email: 'kim@example.com', password, profile: 'hello' }),
    },
    'auth.login': { type: 'mutation', input: () => ({ email: 'owner@example.com', password }) },
    'auth.changePassword': {
      type: 'mutation',
      input: () => ({ currentPassword: password, newPassword: 'password456' }),
    },
    'auth.deleteAccount': { type: 'mutation', input: () => ({ password }) },
    'auth.granted': { type: 'query', input: () => ({ scope: 'read:statuses' }) },
    'tweet.create': { type: 'mutation', input: () => ({ text: 'hello' }) },
    'tweet.byAuthor': { type: 'query', input: () => ({ userId: ownerId }) },
    'follow.followers': { type: 'query', input: () => ({ userId: ownerId }) },
    'follow.following': { type: 'query', input: () => ({ userId: ownerId }) },
    'timeline.home': { type: 'query', input: () => ({}) },
    'timeline.public': { type: 'query', input: () => ({}) },
    'timeline.likes': { type: 'query', input: () => ({}) },
    // Refused before the tweet is looked for.
    'tweet.likedBy': { type: 'query', input: () => ({ tweetId: 1 }) },
    'tweet.context': { type: 'query', input: () => ({ tweetId: 1 }) },
    'tweet.repostedBy': { type: 'query', input: () => ({ tweetId: 1 }) },
    'timeline.hashtag': { type: 'query', input: () => ({ tag: 'seoul' }) },
    'timeline.hashtags': { type: 'query', input: () => ({ query: 'seo' }) },
    'user.byUsername': { type: 'query', input: () => ({ username: 'owner' }) },
    'user.updateProfile': { type: 'mutation', input: () => ({ name: 'Owner', username: 'owner', profile: 'bio' }) },
    'user.search': { type: 'query', input: () => ({ query: 'own' }) },
    'timeline.user': { type: 'query', input: () => ({ userId: ownerId }) },
    'oauth.registerApp': {
      type: 'mutation',
      input: () => ({ name: 'App', redirectUris: [redirectUri], scopes: 'read', website: 'https://app.example' }),
    },
    'oauth.client': { type: 'query', input: () => ({ clientId: 'id', redirectUri, scope: 'read', state: 's' }) },
    'oauth.authorize': {
      type: 'mutation',
      input: () => ({
        clientId: 'id',
        redirectUri,
        scope: 'read',
        state: 's',
        codeChallenge: 'c'.repeat(43),
        codeChallengeMethod: 'S256',
      }),
    },
    'oauth.revoke': { type: 'mutation', input: () => ({ clientId: 'id', clientSecret: 'secret', token: 'token' }) },
  };

  it('covers every text field of every procedure', () => {
    for (const [path, field] of textFields) {
      expect(validInputs[path], `${path}: add a valid input`).toBeDefined();
      expect(fieldRules[field], `${path}.${field}: add its rules`).toBeDefined();
    }
  });

  it.each(textFields)(
    '%s refuses bad text in %s with BAD_REQUEST naming the field, storing nothing',
    async (path, field) => {
      const procedure = validInputs[path];
      const rules = fieldRules[field];
      if (!procedure || !rules) throw new Error(`${path}.${field} is not in the table`);
      const before = await stored();
      for (const bad of rules.refuses) {
        const sent = { ...procedure.input(), [field]: rules.valid(bad) };
        const { status, body } = await call(path, sent, procedure.type);
        const shown = `${path} ${JSON.stringify(sent)} → ${status} ${JSON.stringify(body).slice(0, 300)}`;
        expect(status, shown).toBe(400);
        expect(body.error.data.code, shown).toBe('BAD_REQUEST');
        expect(body.error.message, shown).toMatch(new RegExp(`(^|; )${field}: `));
        expect(body.error.data.zodError.fieldErrors[field], shown).toHaveLength(1);
      }
      expect(await stored()).toEqual(before);
      // The owner's session outlived every refused call.
      expect((await call('user.me', undefined, 'query')).status).toBe(200);
    },
  );

  /** The stored bytes, read with SQL so that no mapping of the ORM's hides a difference. */
  const storedHex = async (sql: string, id: number) => {
    const [row] = await sqlEm(db().orm).fork().execute(sql, [id]);
    return String(row?.h).toUpperCase();
  };
  const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex').toUpperCase();

  it('stores well-formed tweets and profiles byte for byte and serves them back', async () => {
    for (const text of roundTrips) {
      const { body } = await call('tweet.create', { text }, 'mutation');
      const tweet = body.result.data;
      expect(tweet.text).toBe(text);
      expect(await storedHex('select hex(tweet) as h from tweets where id = ?', tweet.id)).toBe(hex(text));
      const page = await call('timeline.user', { userId: ownerId, limit: 1 }, 'query');
      expect(page.body.result.data.items[0]?.text).toBe(text);
    }
    const profile = roundTrips.join('\n');
    const user = await call(
      'auth.signUp',
      { name: 'Writer', email: 'writer@example.com', password, profile },
      'mutation',
    );
    expect(user.body.result.data.profile).toBe(profile);
    expect(await storedHex('select hex(profile) as h from users where id = ?', user.body.result.data.id)).toBe(
      hex(profile),
    );
  });

  it('accepts names in any script, with the joiners and selectors emoji and scripts need', async () => {
    for (const [n, name] of names.entries()) {
      const { status, body } = await call('auth.signUp', { name, email: `name${n}@example.com`, password }, 'mutation');
      expect(status, name).toBe(200);
      const { id } = body.result.data;
      expect(body.result.data.name).toBe(name);
      expect(await storedHex('select hex(name) as h from users where id = ?', id)).toBe(hex(name));
      expect((await call('user.byId', { userId: id }, 'query')).body.result.data.name).toBe(name);
    }
  });

  it('stores a CRLF line break as LF and refuses a lone CR', async () => {
    const { body } = await call('tweet.create', { text: 'one\r\ntwo' }, 'mutation');
    expect(body.result.data.text).toBe('one\ntwo');
    expect(await storedHex('select hex(tweet) as h from tweets where id = ?', body.result.data.id)).toBe(
      hex('one\ntwo'),
    );
    expect((await call('tweet.create', { text: 'one\rtwo' }, 'mutation')).status).toBe(400);
  });

  it('answers the two requests of the report with 400 naming the field', async () => {
    for (const text of ['a\u0000c', 'a\ud800b']) {
      const { status, body } = await call('tweet.create', { text }, 'mutation');
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/^text: Tweet must /);
    }
    expect((await call('tweet.byAuthor', { userId: ownerId }, 'query')).body.result.data.items).toEqual([]);
  });
});
