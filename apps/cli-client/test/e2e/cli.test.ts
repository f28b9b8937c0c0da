/**
 * The `miniter` binary as a user runs it: built, started as a child process against the real
 * server on the embedded database, with its own config folder.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMiniterClient, type RouterOutputs } from '@miniter/api/client';
import { makeImage, startTestS3, type TestS3 } from '@miniter/api/testing';
import { username } from '@miniter/api/text-fields';
import { createTestDatabase, type TestDatabase } from '@miniter/db/testing';
import { loadConfig, type RunningServer, startServer } from '@miniter/server';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(packageDir, 'dist', 'miniter.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let db: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  execFileSync('pnpm', ['run', 'build'], { cwd: packageDir, stdio: 'ignore' });
  db = await createTestDatabase('sqlite');
  server = await startTestServer(db, { MEDIA_DIR: mkdtempSync(join(tmpdir(), 'miniter-cli-media-')) });
});

/** The real server, in this process, on the embedded database. */
function startTestServer(database: TestDatabase, env: Record<string, string>) {
  return startServer(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.databaseUrl,
      BCRYPT_COST: '4',
      JWT_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
      // Every CLI user here signs up (and so logs in) from 127.0.0.1: the defaults would trip.
      RATE_LIMIT_SIGNUP_PER_IP: '100/30m',
      RATE_LIMIT_LOGIN_PER_IP: '100/5m',
      ...env,
    }),
  );
}

afterAll(async () => {
  await server?.close();
  await db?.close();
});

/** A person at their own terminal: one config folder, one server. */
function user(serverUrl = server.url) {
  const config = mkdtempSync(join(tmpdir(), 'miniter-cli-e2e-'));
  const env = { PATH: process.env.PATH, HOME: config, XDG_CONFIG_HOME: config, MINITER_URL: serverUrl, NO_COLOR: '1' };
  const run = (args: string[], stdin = ''): Promise<Run> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => {
        stdout += c;
      });
      child.stderr.on('data', (c) => {
        stderr += c;
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });
  /** A command that keeps running (`timeline --follow`), read while it runs. */
  const start = (args: string[]) => {
    const child = spawn(process.execPath, [bin, ...args], { env });
    running.add(child);
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (c) => {
      output.stdout += c;
    });
    child.stderr.on('data', (c) => {
      output.stderr += c;
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => {
        running.delete(child);
        resolve(code);
      }),
    );
    child.stdin.end();
    return {
      output,
      exited,
      /** Polls the output until `test` holds, for at most `ms`. */
      async until(test: (output: { stdout: string; stderr: string }) => boolean, ms = 5000) {
        const deadline = Date.now() + ms;
        while (!test(output)) {
          if (Date.now() > deadline) throw new Error(`timed out; stdout:\n${output.stdout}\nstderr:\n${output.stderr}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      },
      /** Sends `signal`; resolves with the exit code and how long the exit took. */
      async stop(signal: NodeJS.Signals) {
        const sent = Date.now();
        child.kill(signal);
        return { code: await exited, ms: Date.now() - sent };
      },
    };
  };
  /**
   * A command at a pseudo-terminal (`script`), as in a person's shell: each answer typed when its prompt
   * shows. `extraEnv` changes its environment (`NO_COLOR: ''` lets it colour).
   */
  const terminal = (args: string[], extraEnv: Record<string, string> = {}) => {
    // A pty from `script` starts 0 columns wide; give it a normal size first.
    const command = `stty cols 80 rows 24; '${process.execPath}' '${bin}' ${args.map((a) => `'${a}'`).join(' ')}`;
    // A terminal that edits a line (readline ignores Backspace on a "dumb" one).
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...env, TERM: 'xterm', ...extraEnv } });
    running.add(child);
    let screen = '';
    /** Where on the screen the last prompt answered was: the next is looked for after it. */
    let seen = 0;
    child.stdout.on('data', (c) => {
      screen += c;
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => {
        running.delete(child);
        resolve(code);
      }),
    );
    return {
      exited,
      get screen() {
        return screen;
      },
      async answer(prompt: string, keys: string) {
        const deadline = Date.now() + 5000;
        for (;;) {
          const at = screen.indexOf(prompt, seen);
          if (at >= 0) {
            seen = at + prompt.length;
            break;
          }
          if (Date.now() > deadline) throw new Error(`"${prompt}" never showed; the screen:\n${screen}`);
          await new Promise((r) => setTimeout(r, 25));
        }
        child.stdin.write(keys);
      },
    };
  };
  const credentials = join(config, 'miniter', 'credentials.json');
  /** This person's session, for calls from another client than the CLI. */
  const api = () =>
    createMiniterClient({
      url: `${serverUrl}/trpc`,
      token: JSON.parse(readFileSync(credentials, 'utf8'))[serverUrl].token as string,
    });
  return { run, start, terminal, api, config, credentials };
}

/** Processes still running when their test ended (a failed assertion): stopped after it. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
});

const ok = (result: Run) => {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

describe('miniter', () => {
  it('takes a user from sign-up to timeline and back out', async () => {
    const minji = user();
    const joe = user();
    const signup = (who: typeof minji, name: string, email: string) =>
      who.run(['signup', '--name', name, '--email', email, '--password-stdin'], 'correct horse battery\n');

    // Without --handle, the server makes one from the e-mail.
    expect(ok(await signup(minji, '민지', 'minji@example.com'))).toMatch(
      /^Welcome, 민지 \(@minji\)! You are user #\d+/,
    );
    expect(ok(await minji.run(['logout']))).toContain('Logged out');
    expect(
      ok(await minji.run(['login', '--email', 'minji@example.com', '--password-stdin'], 'correct horse battery')),
    ).toContain('as 민지 (@minji).');
    expect(ok(await minji.run(['whoami']))).toContain('민지 @minji <minji@example.com>');

    const joeId = Number(/#(\d+)/.exec(ok(await signup(joe, 'Joe', 'joe@example.com')))?.[1]);
    const posted = ok(await joe.run(['tweet', '-'], `${'가나다라 '.repeat(30)}😀\n`));
    expect(posted).toMatch(/^Joe @joe · just now \(tweet \d+\) · ♥ 0 · ↩ 0 · ↻ 0\n {2}가나다라/);

    expect(ok(await minji.run(['follow', String(joeId)]))).toBe('You follow Joe @joe.\n');
    ok(await minji.run(['tweet', '오늘도 화이팅']));

    const timeline = ok(await minji.run(['timeline']));
    expect(timeline).toMatch(
      /^민지 @minji · just now \(tweet \d+\) · ♥ 0 · ↩ 0 · ↻ 0\n {2}오늘도 화이팅\n\nJoe @joe · /,
    );
    for (const line of timeline.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    const json = JSON.parse(ok(await minji.run(['timeline', '--all', '--json']))) as RouterOutputs['timeline']['home'];
    expect(json.items.map((t) => t.author.name)).toEqual(['민지', 'Joe']);
    expect(json.nextCursor).toBeNull();
    const followers = JSON.parse(ok(await joe.run(['followers', '--json']))) as RouterOutputs['follow']['followers'];
    expect(followers.items.map((u) => u.name)).toEqual(['민지']);
    expect(ok(await minji.run(['user', String(joeId)]))).toContain('1 tweet  1 follower  0 following');

    expect(ok(await minji.run(['unfollow', String(joeId)]))).toBe('You no longer follow Joe @joe.\n');
    expect(ok(await minji.run(['timeline']))).not.toContain('Joe');
    const revoked = JSON.parse(readFileSync(minji.credentials, 'utf8'))[server.url].token as string;
    expect(ok(await minji.run(['logout']))).toContain('Logged out');
    // Logging out ends the session on the server too: the old token no longer works anywhere.
    const withOldToken = await fetch(`${server.url}/trpc/user.me`, { headers: { authorization: `Bearer ${revoked}` } });
    expect(withOldToken.status).toBe(401);

    const after = await minji.run(['whoami']);
    expect(after.code).toBe(1);
    expect(after.stderr).toBe(`error: You are not logged in to ${server.url}: run \`miniter login\`\n`);
  });

  it('turns server refusals into one line and a non-zero exit', async () => {
    const kim = user();
    ok(await kim.run(['signup', '--name', 'Kim', '--email', 'kim@example.com', '--password-stdin'], 'password123'));

    const tooLong = await kim.run(['tweet', 'x'.repeat(301)]);
    expect(tooLong).toEqual({ code: 1, stdout: '', stderr: 'error: text: Tweet must be at most 300 characters\n' });
    const taken = await user().run(
      ['signup', '--name', 'Kim', '--email', 'KIM@example.com', '--password-stdin'],
      'password123',
    );
    expect(taken.stderr).toBe('error: email: An account with this email already exists\n');
    const wrong = await user().run(['login', '--email', 'kim@example.com', '--password-stdin'], 'wrong password');
    expect(wrong).toMatchObject({ code: 1, stderr: 'error: Email or password is incorrect\n' });
    const missing = await kim.run(['user', '424242']);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: User 424242 does not exist\n' });
    const usage = await kim.run(['follow', 'kim-lee']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("'kim-lee' is invalid for argument 'user'. must be a user id or @handle");
    const noPrompt = await user().run(['login']);
    expect(noPrompt.stderr).toBe('error: --email is required when stdin is not a terminal\n');

    // A token the server no longer accepts.
    const stored = JSON.parse(readFileSync(kim.credentials, 'utf8'));
    stored[server.url].token = `${stored[server.url].token}x`;
    writeFileSync(kim.credentials, JSON.stringify(stored));
    const expired = await kim.run(['timeline']);
    expect(expired).toMatchObject({ code: 1, stderr: 'error: Your session has expired: run `miniter login`\n' });
  });

  it('says plainly when the server is down', async () => {
    const started = Date.now();
    const down = await user().run(['--server', 'http://127.0.0.1:9', 'ping']);
    expect(down).toMatchObject({
      code: 1,
      stderr: 'error: cannot reach http://127.0.0.1:9 — is the server running?\n',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('asks for the password at a terminal, without echoing it', async () => {
    const ana = user();
    ok(await ana.run(['signup', '--name', 'Ana', '--email', 'ana@example.com', '--password-stdin'], 'open sesame 42'));
    ok(await ana.run(['logout']));
    const login = ana.terminal(['login', '--email', 'ana@example.com']);
    await login.answer('Password', 'open sesame 42\r');
    expect(await login.exited).toBe(0);
    const { screen } = login;
    expect(screen).toContain('Logged in to');
    expect(screen).not.toContain('open sesame');
    expect(ok(await ana.run(['whoami']))).toContain('Ana @ana <ana@example.com>');
  });
});

/** How a time a few seconds back reads, on a slow machine too. */
const recently = '(?:just now|\\d+s ago)';
/** Someone signed up with the handle they chose (and a bio), logged in at their own terminal. */
async function person(name: string, handle: string, bio?: string) {
  const who = user();
  const args = ['signup', '--name', name, '--handle', handle, '--email', `${handle.replace(/^@/, '')}@example.com`];
  const welcome = ok(await who.run([...args, ...(bio ? ['--bio', bio] : []), '--password-stdin'], 'password123'));
  expect(welcome).toContain(`(@${handle.replace(/^@/, '')})`);
  return { ...who, id: Number(/#(\d+)/.exec(welcome)?.[1]) };
}
/** The id in a printed tweet's "(tweet 42)". */
const tweetId = (stdout: string) => Number(/\(tweet (\d+)\)/.exec(stdout)?.[1]);
/** The id in a printed repost's "(repost 57)". */
const repostId = (stdout: string) => Number(/\(repost (\d+)\)/.exec(stdout)?.[1]);

describe('handles, search, profiles and explore', () => {
  it('takes @handle or id wherever a command names a user, handles in any case', async () => {
    const mina = await person('Mina', 'Mina_Seo', 'Reads everything');
    const theo = await person('Theo', '@theo42');
    ok(await mina.run(['tweet', 'first from mina']));

    expect(ok(await theo.run(['follow', '@mina_seo']))).toBe('You follow Mina @Mina_Seo.\n');
    expect(ok(await theo.run(['follow', 'MINA_SEO']))).toBe('You follow Mina @Mina_Seo.\n');
    expect(ok(await mina.run(['follow', String(theo.id)]))).toBe('You follow Theo @theo42.\n');

    const profile = ok(await theo.run(['user', '@Mina_Seo']));
    expect(profile).toMatch(new RegExp(`^Mina @Mina_Seo #${mina.id} · joined ${recently}\n {2}Reads everything\n`));
    expect(profile).toContain('1 tweet  1 follower  1 following');
    expect(JSON.parse(ok(await theo.run(['user', 'mina_seo', '--json'])))).toEqual(
      JSON.parse(ok(await theo.run(['user', String(mina.id), '--json']))),
    );
    expect(ok(await theo.run(['followers', '@mina_seo']))).toBe('Theo @theo42\n');
    expect(ok(await theo.run(['following', '@Mina_Seo']))).toBe('Theo @theo42\n');
    expect(ok(await mina.run(['followers']))).toBe('Theo @theo42\n');
    expect(ok(await mina.run(['following', 'theo42']))).toBe('Mina @Mina_Seo\n  Reads everything\n');
    expect(ok(await theo.run(['tweets', '@mina_seo']))).toMatch(
      new RegExp(`^Mina @Mina_Seo · ${recently} \\(tweet \\d+\\) · ♥ 0 · ↩ 0 · ↻ 0\n {2}first`),
    );
    expect(ok(await theo.run(['timeline', '--user', '@mina_seo']))).toContain('first from mina');
    expect(ok(await theo.run(['timeline']))).toContain('first from mina');
    expect(ok(await theo.run(['unfollow', '@Mina_Seo']))).toBe('You no longer follow Mina @Mina_Seo.\n');

    // An unknown handle is named, and fails as an unknown id does.
    for (const args of [
      ['user', '@nobody_here'],
      ['follow', 'nobody_here'],
      ['tweets', '@nobody_here'],
    ]) {
      expect(await theo.run(args)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'error: There is no @nobody_here\n',
      });
    }
    expect(await theo.run(['avatar', 'url', '@nobody_here'])).toMatchObject({ code: 1 });
    // All digits is an id; a handle of digits only takes its @.
    const digits = await person('Digits', '1984');
    expect(ok(await theo.run(['user', '@1984']))).toMatch(new RegExp(`^Digits @1984 #${digits.id} `));
    expect(await theo.run(['user', '1984'])).toMatchObject({ code: 1, stderr: 'error: User 1984 does not exist\n' });
  });

  it('finds people by handle, name and Korean initial consonants, paged like the other lists', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const searcher = user();
    await person('김민지', `minji_${tag}`, '커피와 등산');
    await person('Quinn Park', `park_${tag}`);
    await person('Parker Quinn', `park_${tag}_2`);

    const found = ok(await searcher.run(['search', `@PARK_${tag}`]));
    expect(found).toBe(`Quinn Park @park_${tag}\nParker Quinn @park_${tag}_2\n`);
    expect(ok(await searcher.run(['search', 'ㄱㅁㅈ']))).toContain(`김민지 @minji_${tag}\n  커피와 등산\n`);

    const onePage = ok(await searcher.run(['search', `park_${tag}`, '--limit', '1']));
    expect(onePage).toBe(`Quinn Park @park_${tag}\n… more: --all for everything\n`);
    const all = JSON.parse(ok(await searcher.run(['search', `park_${tag}`, '--limit', '1', '--all', '--json'])));
    const direct = await createMiniterClient({ url: `${server.url}/trpc` }).user.search.query({ query: `park_${tag}` });
    expect(all).toEqual(direct);
    expect(ok(await searcher.run(['search', `zz_${tag}`]))).toBe(`No one matches “zz_${tag}”.\n`);
  });

  it("shows and edits your name, handle and bio; refusals name the field with the server's words", async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const me = await person('Old Name', `old_${tag}`);
    const other = await person('Other', `taken_${tag}`);
    expect(ok(await me.run(['profile']))).toBe(`Name    Old Name\nHandle  @old_${tag}\nBio     (none)\n`);

    const edited = ok(await me.run(['profile', '--name', '새 이름', '--handle', `@New_${tag}`, '--bio', '안녕 👋']));
    expect(edited).toBe(`Your profile is updated:\nName    새 이름\nHandle  @New_${tag}\nBio     안녕 👋\n`);
    expect(ok(await me.run(['whoami']))).toContain(`새 이름 @New_${tag} <old_${tag}@example.com>`);
    expect(ok(await other.run(['user', `@new_${tag}`]))).toContain('안녕 👋');
    // The old handle is free again.
    expect(await other.run(['user', `@old_${tag}`])).toMatchObject({ code: 1 });
    ok(await other.run(['profile', '--handle', `old_${tag}`]));
    expect(JSON.parse(ok(await me.run(['profile', '--bio', '', '--json'])))).toMatchObject({
      username: `New_${tag}`,
      profile: '',
    });

    // Each refusal as the server words it for the field, through the CLI's name for the field.
    const api = me.api();
    const serverSays = (username: string) =>
      api.user.updateProfile.mutate({ username }).then(
        () => expect.unreachable(),
        (error: { data: { zodError: { fieldErrors: { username: string[] } } } }) =>
          error.data.zodError.fieldErrors.username,
      );
    for (const refused of [`OLD_${tag}`, 'settings', 'kim-lee', '김민지', 'a'.repeat(31)]) {
      const messages = await serverSays(refused);
      expect(messages.length).toBeGreaterThan(0);
      expect(await me.run(['profile', '--handle', refused])).toEqual({
        code: 1,
        stdout: '',
        stderr: messages.map((message) => `error: handle: ${message}\n`).join(''),
      });
    }
    const long = await me.run(['profile', '--name', '', '--bio', 'x'.repeat(2001)]);
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/^error: name: .+\nerror: bio: .+\n$/);
    expect(ok(await me.run(['profile']))).toBe(`Name    새 이름\nHandle  @New_${tag}\nBio     (none)\n`);
  });

  it('prints the public timeline without an account, paged as the home timeline is', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const poster = await person('Poster', `poster_${tag}`);
    for (const text of ['one', 'two', 'three']) ok(await poster.run(['tweet', `${text} ${tag}`]));
    const stranger = user();

    const page = ok(await stranger.run(['explore', '--limit', '2']));
    expect(page).toMatch(
      new RegExp(
        `^Poster @poster_${tag} · ${recently} \\(tweet \\d+\\) · ♥ 0 · ↩ 0 · ↻ 0\n {2}three ${tag}\n\nPoster @poster_${tag} · ${recently} \\(tweet \\d+\\) · ♥ 0 · ↩ 0 · ↻ 0\n {2}two ${tag}\n\n… more`,
      ),
    );
    const json = JSON.parse(ok(await stranger.run(['explore', '--limit', '2', '--json'])));
    const direct = await createMiniterClient({ url: `${server.url}/trpc` }).timeline.public.query({ limit: 2 });
    expect(json).toEqual(direct);
    const all = JSON.parse(ok(await stranger.run(['explore', '--all', '--limit', '100', '--json'])));
    expect(all.nextCursor).toBeNull();
    expect(
      all.items.filter((t: { text: string }) => t.text.endsWith(tag)).map((t: { text: string }) => t.text),
    ).toEqual([`three ${tag}`, `two ${tag}`, `one ${tag}`]);
  });

  it("asks for the handle at sign-up, refusing there what the server's rule refuses", async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const pat = user();
    const signup = pat.terminal(['signup']);
    await signup.answer('Name', 'Pat\r');
    await signup.answer('Handle', 'pat-lee\r');
    const rule = username.safeParse('pat-lee').error?.issues[0]?.message ?? 'no refusal';
    // Refused at the prompt, before the password is asked: erased and typed again.
    await signup.answer(rule, `${'\x7f'.repeat('pat-lee'.length)}@Pat_${tag}\r`);
    await signup.answer('Email', `pat_${tag}@example.com\r`);
    await signup.answer('Password', 'correct horse\r');
    await signup.answer('Confirm password', 'correct horse\r');
    await signup.answer('Bio', '\r');
    expect(await signup.exited).toBe(0);
    expect(signup.screen).toContain(`Welcome, Pat (@Pat_${tag})!`);
    expect(ok(await pat.run(['profile']))).toBe(`Name    Pat\nHandle  @Pat_${tag}\nBio     (none)\n`);

    expect(ok(await pat.run(['signup', '--help']))).toContain('--handle <handle>');
    expect(ok(await pat.run(['--help']))).toContain('$ miniter follow @kim');
  });
});

describe('likes', () => {
  it('likes and unlikes, as often as asked, with the count wherever the tweet is shown', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const ann = await person('Ann', `ann_${tag}`);
    const bob = await person('Bob', `bob_${tag}`, 'likes things');
    const first = tweetId(ok(await ann.run(['tweet', `first ${tag}`])));
    const second = tweetId(ok(await ann.run(['tweet', `second ${tag}`])));
    /** Ann's tweet as printed: its likes, then its text. */
    const shown = (id: number, likes: string, text: string) =>
      new RegExp(`^Ann @ann_${tag} · ${recently} \\(tweet ${id}\\) · ${likes} · ↩ 0 · ↻ 0\n {2}${text} ${tag}\n$`);
    const yours = (count: number) => `♥ ${count} \\(you liked it\\)`;

    // Liking again changes nothing.
    expect(ok(await bob.run(['like', String(first)]))).toMatch(shown(first, yours(1), 'first'));
    expect(ok(await bob.run(['like', String(first)]))).toMatch(shown(first, yours(1), 'first'));
    expect(ok(await ann.run(['like', String(first)]))).toMatch(shown(first, yours(2), 'first'));
    ok(await bob.run(['like', String(second)]));

    // In every timeline: marked for those who liked it (a public read too), a count for anyone else.
    expect(ok(await ann.run(['timeline']))).toMatch(
      new RegExp(
        `\\(tweet ${second}\\) · ♥ 1 · ↩ 0 · ↻ 0\n {2}second ${tag}\n\n.*\\(tweet ${first}\\) · ${yours(2)} · ↩ 0 · ↻ 0\n`,
      ),
    );
    expect(ok(await bob.run(['tweets', `@ann_${tag}`, '--limit', '1']))).toMatch(
      new RegExp(`\\(tweet ${second}\\) · ${yours(1)} · ↩ 0 · ↻ 0\n`),
    );
    expect(ok(await user().run(['timeline', '--user', `@ann_${tag}`]))).toMatch(
      new RegExp(
        `\\(tweet ${second}\\) · ♥ 1 · ↩ 0 · ↻ 0\n {2}second ${tag}\n\n.*\\(tweet ${first}\\) · ♥ 2 · ↩ 0 · ↻ 0\n`,
      ),
    );
    // With --json, the fields as the server gives them, for the reader.
    const page = JSON.parse(ok(await bob.run(['tweets', `@ann_${tag}`, '--json'])));
    expect(page).toEqual(await bob.api().tweet.byAuthor.query({ userId: ann.id }));
    expect(page.items.map((t: { likeCount: number; liked: boolean }) => [t.likeCount, t.liked])).toEqual([
      [1, true],
      [2, true],
    ]);

    // Yours, most recent like first; who liked one, most recent first.
    const likes = ok(await bob.run(['likes']));
    expect(likes).toMatch(
      new RegExp(`^Ann @ann_${tag} · ${recently} \\(tweet ${second}\\) · ${yours(1)} · ↩ 0 · ↻ 0\n`),
    );
    expect(likes).toMatch(
      new RegExp(`\n\nAnn @ann_${tag} · ${recently} \\(tweet ${first}\\) · ${yours(2)} · ↩ 0 · ↻ 0\n`),
    );
    expect(ok(await bob.run(['likes', '--limit', '1']))).toMatch(/\n\n… more: --all for everything/);
    const liked = JSON.parse(ok(await bob.run(['likes', '--limit', '1', '--all', '--json'])));
    expect(liked).toEqual(await bob.api().timeline.likes.query({}));
    expect(liked.items.map((t: { id: number; likeId: number }) => t.id)).toEqual([second, first]);
    expect(ok(await user().run(['liked-by', String(first)]))).toBe(
      `Ann @ann_${tag}\nBob @bob_${tag}\n  likes things\n`,
    );
    expect(ok(await user().run(['liked-by', String(first), '--limit', '1']))).toBe(
      `Ann @ann_${tag}\n… more: --all for everything\n`,
    );
    const likers = JSON.parse(ok(await user().run(['liked-by', String(first), '--limit', '1', '--all', '--json'])));
    expect(likers).toEqual(
      await createMiniterClient({ url: `${server.url}/trpc` }).tweet.likedBy.query({ tweetId: first }),
    );

    // Unliking again changes nothing either.
    expect(ok(await bob.run(['unlike', String(first)]))).toMatch(shown(first, '♥ 1', 'first'));
    expect(ok(await bob.run(['unlike', String(first)]))).toMatch(shown(first, '♥ 1', 'first'));
    expect(ok(await bob.run(['likes']))).not.toContain(`first ${tag}`);
    expect(ok(await user().run(['liked-by', String(first)]))).toBe(`Ann @ann_${tag}\n`);

    // A session the server no longer takes: a public read is then anonymous, not refused.
    const stored = JSON.parse(readFileSync(ann.credentials, 'utf8'));
    stored[server.url].token = `${stored[server.url].token}x`;
    writeFileSync(ann.credentials, JSON.stringify(stored));
    expect(ok(await ann.run(['tweets', `@ann_${tag}`]))).toMatch(
      new RegExp(`\\(tweet ${first}\\) · ♥ 1 · ↩ 0 · ↻ 0\n`),
    );
  });

  it('says when there are none, and refuses a missing tweet as other commands refuse', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const cy = await person('Cy', `cy_${tag}`);
    const id = tweetId(ok(await cy.run(['tweet', 'no likes here'])));
    expect(ok(await cy.run(['likes']))).toBe('No likes yet. Like a tweet: miniter like <tweetId>\n');
    expect(ok(await cy.run(['liked-by', String(id)]))).toBe('No likes yet.\n');

    for (const command of ['like', 'unlike', 'liked-by']) {
      expect(await cy.run([command, '424242'])).toEqual({
        code: 1,
        stdout: '',
        stderr: 'error: Tweet 424242 does not exist\n',
      });
      const usage = await cy.run([command, 'abc']);
      expect(usage.code).toBe(1);
      expect(usage.stderr).toContain("'abc' is invalid for argument 'tweetId'. must be a positive whole number");
    }
    for (const args of [['like', String(id)], ['likes']]) {
      expect(await user().run(args)).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: You are not logged in to ${server.url}: run \`miniter login\`\n`,
      });
    }
    expect(ok(await cy.run(['--help']))).toContain('$ miniter like 42');
  });
});

describe('reposts', () => {
  /** A printed tweet's header, as a pattern: its author, id and counts (`reposts` a pattern too). */
  const header = (who: string, handle: string, id: number, reposts: string) =>
    `${who} @${handle} · ${recently} \\(tweet ${id}\\) · ♥ 0 · ↩ 0 · ${reposts}`;
  /** The line above a repost, as a pattern: who passed it on, and the repost's id. */
  const repostLine = (handle: string, id: number | string = '\\d+') =>
    `↻ @${handle} reposted · ${recently} \\(repost ${id}\\)`;
  const yours = (count: number) => `↻ ${count} \\(you reposted it\\)`;

  it('reposts and takes back, as often as asked, with the count wherever the tweet is shown', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const [ann, bob, cy, dee] = await Promise.all([
      person('Ann', `ann_${tag}`),
      person('Bob', `bob_${tag}`, 'passes things on'),
      person('Cy', `cy_${tag}`),
      person('Dee', `dee_${tag}`),
    ]);
    const first = tweetId(ok(await ann.run(['tweet', `first ${tag}`])));
    ok(await dee.run(['follow', `@bob_${tag}`]));
    const anns = (reposts: string) => `${header('Ann', `ann_${tag}`, first, reposts)}\n {2}first ${tag}\n`;

    // Your repost: who passed it on, when, and its own id, then the tweet, its count marked.
    const byBob = ok(await bob.run(['repost', String(first)]));
    const entry = repostId(byBob);
    expect(entry).not.toBe(first);
    const bobs = new RegExp(`^${repostLine(`bob_${tag}`, entry)}\n${anns(yours(1))}$`);
    expect(byBob).toMatch(bobs);
    // Again, or given the repost's id (which stands for its tweet): the same repost.
    expect(ok(await bob.run(['repost', String(first)]))).toMatch(bobs);
    expect(ok(await bob.run(['repost', String(entry)]))).toMatch(bobs);
    const byCy = ok(await cy.run(['repost', String(entry)]));
    expect(byCy).toMatch(new RegExp(`^${repostLine(`cy_${tag}`)}\n${anns(yours(2))}$`));
    const cyEntry = repostId(byCy);

    // In the reposter's tweets and their followers' timelines, marked for whoever reposted it.
    const inBobs = (reposts: string) => new RegExp(`^${repostLine(`bob_${tag}`, entry)}\n${anns(reposts)}$`);
    expect(ok(await bob.run(['tweets', `@bob_${tag}`]))).toMatch(inBobs(yours(2)));
    expect(ok(await user().run(['tweets', `@bob_${tag}`]))).toMatch(inBobs('↻ 2'));
    expect(ok(await dee.run(['timeline']))).toMatch(inBobs('↻ 2'));
    expect(ok(await user().run(['timeline', '--user', `@dee_${tag}`]))).toMatch(inBobs('↻ 2'));
    // The tweet itself, counted, where its author's are; the public timeline holds no reposts.
    expect(ok(await user().run(['tweets', `@ann_${tag}`]))).toMatch(new RegExp(`^${anns('↻ 2')}$`));
    expect(ok(await user().run(['explore', '--limit', '1']))).toMatch(new RegExp(`^${anns('↻ 2')}`));

    // At a terminal: the repost line dim, your repost's count in green.
    const coloured = bob.terminal(['tweets', `@bob_${tag}`], { NO_COLOR: '' });
    expect(await coloured.exited).toBe(0);
    expect(coloured.screen).toContain(`\x1b[2m↻ @bob_${tag} reposted · `);
    expect(coloured.screen).toContain('\x1b[32m↻ 2 (you reposted it)\x1b[39m');

    // With --json, the repost as the server gives it: an entry of its own that carries the tweet.
    const page = JSON.parse(ok(await bob.run(['tweets', `@bob_${tag}`, '--json'])));
    expect(page).toEqual(await bob.api().tweet.byAuthor.query({ userId: bob.id }));
    expect(page.items).toMatchObject([
      {
        id: entry,
        text: '',
        author: { username: `bob_${tag}` },
        repostOf: { id: first, repostCount: 2, reposted: true },
      },
    ]);

    // Who reposted it, most recent first, paged as the other lists of people are.
    expect(ok(await user().run(['reposted-by', String(first)]))).toBe(
      `Cy @cy_${tag}\nBob @bob_${tag}\n  passes things on\n`,
    );
    expect(ok(await user().run(['reposted-by', String(first), '--limit', '1']))).toBe(
      `Cy @cy_${tag}\n… more: --all for everything\n`,
    );
    const reposters = JSON.parse(
      ok(await user().run(['reposted-by', String(first), '--limit', '1', '--all', '--json'])),
    );
    expect(reposters).toEqual(
      await createMiniterClient({ url: `${server.url}/trpc` }).tweet.repostedBy.query({ tweetId: first }),
    );
    expect(reposters.items.map((u: { repostId: number }) => u.repostId)).toEqual([cyEntry, entry]);

    // A repost answers nothing and has no replies: its thread is its tweet's; a like of it is of its tweet.
    expect(ok(await user().run(['thread', String(entry)]))).toMatch(
      new RegExp(`^${header('Ann', `ann_${tag}`, first, '↻ 2')} ◀ this tweet\n {2}first ${tag}\n$`),
    );
    expect(ok(await dee.run(['like', String(entry)]))).toMatch(
      new RegExp(
        `^${repostLine(`bob_${tag}`, entry)}\nAnn @ann_${tag} · ${recently} \\(tweet ${first}\\) · ♥ 1 \\(you liked it\\) · ↩ 0 · ↻ 2\n`,
      ),
    );
    ok(await dee.run(['unlike', String(entry)]));

    // Taking it back shows the tweet, one repost fewer; again, or given a repost's id, changes nothing.
    const taken = new RegExp(`^${anns('↻ 1')}$`);
    expect(ok(await cy.run(['unrepost', String(first)]))).toMatch(taken);
    expect(ok(await cy.run(['unrepost', String(first)]))).toMatch(taken);
    expect(ok(await cy.run(['unrepost', String(entry)]))).toMatch(taken);
    expect(ok(await user().run(['tweets', `@cy_${tag}`]))).toBe('No tweets yet.\n');
    expect(ok(await user().run(['reposted-by', String(first)]))).toBe(`Bob @bob_${tag}\n  passes things on\n`);
    expect(ok(await bob.run(['unrepost', String(entry)]))).toMatch(new RegExp(`^${anns('↻ 0')}$`));
    expect(ok(await dee.run(['timeline']))).toBe(
      'No tweets yet. Follow someone, or say something: miniter tweet "hello"\n',
    );
  });

  it('says when there are none, refuses a missing tweet as other commands refuse; a deleted tweet takes its reposts', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const [eve, fay] = await Promise.all([person('Eve', `eve_${tag}`), person('Fay', `fay_${tag}`)]);
    const gone = tweetId(ok(await eve.run(['tweet', `soon gone ${tag}`])));
    expect(ok(await eve.run(['reposted-by', String(gone)]))).toBe('No reposts yet.\n');
    const entry = repostId(ok(await fay.run(['repost', String(gone)])));
    expect(ok(await fay.run(['tweets', `@fay_${tag}`]))).toContain(`(repost ${entry})`);
    // A reply to a repost answers its tweet.
    expect(ok(await eve.run(['reply', String(entry), `to myself ${tag}`]))).toContain(`\n  replying to @eve_${tag}\n`);
    ok(await eve.run(['delete', String(gone)]));
    expect(ok(await fay.run(['tweets', `@fay_${tag}`]))).toBe('No tweets yet.\n');

    for (const command of ['repost', 'unrepost', 'reposted-by']) {
      for (const missing of [gone, entry, 424242]) {
        expect(await fay.run([command, String(missing)])).toEqual({
          code: 1,
          stdout: '',
          stderr: `error: Tweet ${missing} does not exist\n`,
        });
      }
      const usage = await fay.run([command, 'abc']);
      expect(usage.code).toBe(1);
      expect(usage.stderr).toContain("'abc' is invalid for argument 'tweetId'. must be a positive whole number");
    }
    const kept = tweetId(ok(await eve.run(['tweet', `kept ${tag}`])));
    for (const command of ['repost', 'unrepost']) {
      expect(await user().run([command, String(kept)])).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: You are not logged in to ${server.url}: run \`miniter login\`\n`,
      });
    }
    expect(ok(await fay.run(['--help']))).toContain('$ miniter repost 42');
    expect(ok(await fay.run(['repost', '--help']))).toContain("A repost's id (57 there) stands for the tweet");
    expect(ok(await fay.run(['reposted-by', '--help']))).toContain('$ miniter reposted-by 42 --all');
  });
});

describe('replies and threads', () => {
  /** A printed tweet's header, as a pattern: its author, id and counts (`likes` a pattern too). */
  const header = (who: string, handle: string, id: number, replies: number, likes = '♥ 0') =>
    `${who} @${handle} · ${recently} \\(tweet ${id}\\) · ${likes} · ↩ ${replies} · ↻ 0`;

  it('replies, and shows a tweet in its conversation, replies indented by depth, to anyone', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const [ann, bob, cy] = await Promise.all([
      person('Ann', `ann_${tag}`),
      person('Bob', `bob_${tag}`),
      person('Cy', `cy_${tag}`),
    ]);
    const root = tweetId(ok(await ann.run(['tweet', `root ${tag}`])));
    const answer = ok(await bob.run(['reply', String(root), `bob answers ${tag}`]));
    const first = tweetId(answer);
    expect(answer).toMatch(
      new RegExp(`^${header('Bob', `bob_${tag}`, first, 0)}\n {2}replying to @ann_${tag}\n {2}bob answers ${tag}\n$`),
    );
    // From stdin, as `tweet -` reads it.
    const deeper = tweetId(ok(await ann.run(['reply', String(first), '-'], `ann again ${tag}\n`)));
    const second = tweetId(ok(await cy.run(['reply', String(root), `cy too ${tag}`])));

    // Listings: the count of direct replies, and whom a reply answers.
    expect(ok(await user().run(['tweets', `@ann_${tag}`]))).toMatch(
      new RegExp(
        `^${header('Ann', `ann_${tag}`, deeper, 0)}\n {2}replying to @bob_${tag}\n {2}ann again ${tag}\n\n${header('Ann', `ann_${tag}`, root, 2)}\n {2}root ${tag}\n$`,
      ),
    );
    expect(ok(await user().run(['explore', '--limit', '1']))).toMatch(
      new RegExp(`^${header('Cy', `cy_${tag}`, second, 0)}\n {2}replying to @ann_${tag}\n`),
    );

    // Signed out: what the reply answers above it, then the replies below it.
    expect(ok(await user().run(['thread', String(first)]))).toMatch(
      new RegExp(
        `^${header('Ann', `ann_${tag}`, root, 2)}\n {2}root ${tag}\n\n` +
          `${header('Bob', `bob_${tag}`, first, 1)} ◀ this tweet\n {2}bob answers ${tag}\n\n` +
          ` {2}${header('Ann', `ann_${tag}`, deeper, 0)}\n {4}ann again ${tag}\n$`,
      ),
    );
    // Depth first, a page at a time: the rest with --all, or as the server answers it with --json.
    const rootThread = (replies: string) =>
      new RegExp(`^${header('Ann', `ann_${tag}`, root, 2)} ◀ this tweet\n {2}root ${tag}\n\n${replies}`);
    const firstTwo = `${header('Bob', `bob_${tag}`, first, 1)}\n {4}bob answers ${tag}\n\n {4}${header('Ann', `ann_${tag}`, deeper, 0)}\n {6}ann again ${tag}\n`;
    const paged = ok(await user().run(['thread', String(root), '--limit', '2']));
    expect(paged).toMatch(rootThread(` {2}${firstTwo}\n… more replies: --all for all of them, or a larger --limit\n$`));
    expect(ok(await user().run(['thread', String(root), '--limit', '1', '--all']))).toMatch(
      rootThread(` {2}${firstTwo}\n {2}${header('Cy', `cy_${tag}`, second, 0)}\n {4}cy too ${tag}\n$`),
    );
    const json = JSON.parse(ok(await user().run(['thread', String(root), '--limit', '1', '--all', '--json'])));
    expect(json).toEqual(
      await createMiniterClient({ url: `${server.url}/trpc` }).tweet.context.query({ tweetId: root }),
    );
    expect(json.descendants.map((t: { id: number; depth: number }) => [t.id, t.depth])).toEqual([
      [first, 1],
      [deeper, 2],
      [second, 1],
    ]);

    // Signed in, a thread says what you liked, as the other public reads do.
    ok(await cy.run(['like', String(root)]));
    expect(ok(await cy.run(['thread', String(first)]))).toMatch(
      new RegExp(`^${header('Ann', `ann_${tag}`, root, 2, '♥ 1 \\(you liked it\\)')}\n`),
    );
  });

  it('says when a thread answers a deleted tweet, and refuses a missing one as other commands refuse', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const [dee, eve] = await Promise.all([person('Dee', `dee_${tag}`), person('Eve', `eve_${tag}`)]);
    const gone = tweetId(ok(await dee.run(['tweet', `soon gone ${tag}`])));
    const reply = tweetId(ok(await eve.run(['reply', String(gone), `still here ${tag}`])));
    ok(await dee.run(['delete', String(gone)]));

    expect(ok(await user().run(['thread', String(reply)]))).toMatch(
      new RegExp(`^✕ tweet ${gone} was deleted\n${header('Eve', `eve_${tag}`, reply, 0)} ◀ this tweet\n {2}still here`),
    );
    expect(ok(await user().run(['tweets', `@eve_${tag}`]))).toContain(`\n  replying to @dee_${tag}\n`);

    for (const args of [
      ['reply', String(gone), 'too late'],
      ['reply', '424242', 'hello?'],
    ]) {
      const refused = await eve.run(args);
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toMatch(new RegExp(`^error: Tweet ${args[1]} does not exist.*\n$`));
    }
    expect(await user().run(['thread', '424242'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: Tweet 424242 does not exist\n',
    });
    expect(await user().run(['reply', String(reply), 'hi'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: You are not logged in to ${server.url}: run \`miniter login\`\n`,
    });
    for (const args of [
      ['reply', 'abc', 'text'],
      ['thread', 'abc'],
    ]) {
      const usage = await eve.run(args);
      expect(usage.code).toBe(1);
      expect(usage.stderr).toContain("'abc' is invalid for argument 'tweetId'. must be a positive whole number");
    }
    expect(ok(await eve.run(['--help']))).toContain('$ miniter thread 42');
    expect(ok(await eve.run(['thread', '--help']))).toContain('replies per page, 1–200 (default 60)');
  });
});

describe('hashtags', () => {
  /** A printed tweet's header, as a pattern: its author and id (`likes` a pattern too). */
  const header = (who: string, handle: string, id: number, likes = '♥ 0') =>
    `${who} @${handle} · ${recently} \\(tweet ${id}\\) · ${likes} · ↩ 0 · ↻ 0`;

  it('reads the tweets carrying a hashtag, in any case, with or without its #, to anyone', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const [ann, bob] = await Promise.all([person('Ann', `ann_${tag}`), person('Bob', `bob_${tag}`)]);
    const topic = `Topic_${tag}`;
    const first = tweetId(ok(await ann.run(['tweet', `first #${topic} hi @bob_${tag} and @nobody_${tag}`])));
    ok(await ann.run(['tweet', `no tag here, only the word topic_${tag}`]));
    // From another client: the typed one, with the author's session.
    const second = (await bob.api().tweet.create.mutate({ text: `second #${topic.toLowerCase()} #other_${tag}` })).id;

    const both = new RegExp(
      `^${header('Bob', `bob_${tag}`, second)}\n {2}second #topic_${tag} #other_${tag}\n\n` +
        `${header('Ann', `ann_${tag}`, first)}\n {2}first #${topic} hi @bob_${tag} and @nobody_${tag}\n$`,
    );
    // Signed out, newest first, as the other timelines print.
    for (const name of [`#${topic}`, `topic_${tag}`, `#TOPIC_${tag.toUpperCase()}`]) {
      expect(ok(await user().run(['tag', name]))).toMatch(both);
    }
    expect(ok(await user().run(['tag', topic, '--limit', '1']))).toMatch(
      new RegExp(`^${header('Bob', `bob_${tag}`, second)}\n.*\n\n… more: --all for everything, or a larger --limit\n$`),
    );
    const json = JSON.parse(ok(await user().run(['tag', topic, '--limit', '1', '--all', '--json'])));
    const direct = await createMiniterClient({ url: `${server.url}/trpc` }).timeline.hashtag.query({ tag: topic });
    expect(json).toEqual(direct);
    expect(json.items.map((t: { id: number }) => t.id)).toEqual([second, first]);
    expect(json.items[1]).toMatchObject({ hashtags: [`topic_${tag}`], mentions: [{ username: `bob_${tag}` }] });

    // Signed in, it says what you liked, as the other public reads do.
    ok(await ann.run(['like', String(second)]));
    expect(ok(await ann.run(['tag', topic]))).toMatch(
      new RegExp(`^${header('Bob', `bob_${tag}`, second, '♥ 1 \\(you liked it\\)')}\n`),
    );
    expect(ok(await user().run(['tag', `other_${tag}`]))).toMatch(
      new RegExp(`^${header('Bob', `bob_${tag}`, second, '♥ 1')}\n {2}second .*\n$`),
    );
    expect(ok(await user().run(['tag', `never_${tag}`]))).toBe(`No tweets with #never_${tag} yet.\n`);

    // At a terminal: the tags, and the mention that named an account, in colour; the rest as written.
    const coloured = ann.terminal(['tag', topic, '--limit', '1', '--all'], { NO_COLOR: '' });
    expect(await coloured.exited).toBe(0);
    expect(coloured.screen).toContain(`second \x1b[36m#topic_${tag}\x1b[39m \x1b[36m#other_${tag}\x1b[39m`);
    expect(coloured.screen).toContain(
      `first \x1b[36m#${topic}\x1b[39m hi \x1b[36m@bob_${tag}\x1b[39m and @nobody_${tag}`,
    );
  });

  it('lists the hashtags that start with a prefix, sorted, without an account', async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const cy = await person('Cy', `cy_${tag}`);
    const p = `z${tag}`;
    ok(await cy.run(['tweet', `#${p}_Rust #${p}_rustacean`]));
    ok(await cy.run(['tweet', `#${p}_go #${p}_rust again`]));
    const stranger = user();

    expect(ok(await stranger.run(['tags', `${p}_rust`]))).toBe(`#${p}_rust\n#${p}_rustacean\n`);
    expect(ok(await stranger.run(['tags', `#${p.toUpperCase()}_`]))).toBe(`#${p}_go\n#${p}_rust\n#${p}_rustacean\n`);
    expect(ok(await stranger.run(['tags', `${p}_`, '--limit', '2']))).toBe(
      `#${p}_go\n#${p}_rust\n… more: a larger --limit, or a longer prefix\n`,
    );
    expect(ok(await stranger.run(['tags', `${p}_`, '--limit', '3']))).toBe(`#${p}_go\n#${p}_rust\n#${p}_rustacean\n`);
    const json = JSON.parse(ok(await stranger.run(['tags', `${p}_`, '--limit', '2', '--json'])));
    expect(json).toEqual(
      await createMiniterClient({ url: `${server.url}/trpc` }).timeline.hashtags.query({ query: `${p}_`, limit: 2 }),
    );
    expect(json).toEqual({ items: [`${p}_go`, `${p}_rust`] });
    expect(ok(await stranger.run(['tags', `${p}_zz`]))).toBe(`No hashtags start with #${p}_zz.\n`);
    // Without a prefix, every hashtag, sorted: a page of them here.
    const all = ok(await stranger.run(['tags', '--limit', '100']));
    const listed = all.split('\n').filter((line) => line.startsWith('#'));
    expect(listed.length).toBeGreaterThanOrEqual(4);
    expect(listed.every((line) => /^#\S+$/.test(line))).toBe(true);
  });

  it('refuses what cannot be a hashtag, before asking the server or as the server words it', async () => {
    const someone = user();
    for (const [args, argument, rule] of [
      [['tag', '#2026'], 'tag', 'must be a hashtag'],
      [['tag', 'rust-lang'], 'tag', 'must be a hashtag'],
      [['tag', '##rust'], 'tag', 'must be a hashtag'],
      [['tags', 'c++'], 'prefix', 'must be the start of a hashtag'],
    ] as const) {
      const refused = await someone.run([...args]);
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(refused.stderr).toContain(`'${args[1]}' is invalid for argument '${argument}'. ${rule}`);
    }
    // Longer than any tweet: the server's refusal, on one line naming the argument.
    const long = await someone.run(['tag', 'a'.repeat(301)]);
    expect(long).toMatchObject({ code: 1, stdout: '' });
    expect(long.stderr).toMatch(/^error: tag: .*300.*\n$/);

    expect(ok(await someone.run(['--help']))).toContain('$ miniter tag rust');
    const help = ok(await someone.run(['tag', '--help']));
    expect(help).toContain('A hashtag is letters, digits and _');
    expect(help).toContain('--all');
    expect(ok(await someone.run(['tags', '--help']))).toContain('hashtags to list, 1–100 (default 10)');
  });
});

describe('miniter timeline --follow', () => {
  /** Two people signed up, the first following the second (@dan_…), who has tweeted once. */
  async function reader(serverUrl = server.url) {
    const [me, them] = [user(serverUrl), user(serverUrl)];
    const tag = Math.random().toString(36).slice(2, 8);
    const signup = async (who: typeof me, name: string) =>
      ok(
        await who.run(
          ['signup', '--name', name, '--email', `${name.toLowerCase()}-${tag}@example.com`, '--password-stdin'],
          'correct horse battery',
        ),
      );
    await signup(me, 'Hana');
    const themHandle = `@${/\(@(\w+)\)/.exec(await signup(them, 'Dan'))?.[1]}`;
    ok(await me.run(['follow', themHandle]));
    ok(await them.run(['tweet', 'on the page already']));
    return { me, them, themHandle };
  }

  it('prints the page, then new tweets and deletions as they happen, until Ctrl-C', async () => {
    const { me, them, themHandle } = await reader();
    const page = ok(await me.run(['timeline']));
    expect(page).toContain('on the page already');

    const follow = me.start(['timeline', '--follow']);
    // The page is printed once the stream is open: from here on nothing is missed.
    await follow.until(({ stdout }) => stdout.length >= page.length);
    expect(follow.output.stdout).toBe(page);

    const live = tweetId(ok(await them.run(['tweet', '실시간 트윗 🌏'])));
    await follow.until(({ stdout }) => stdout.includes('실시간 트윗'));
    const stranger = user();
    ok(
      await stranger.run(
        ['signup', '--name', 'Stranger', '--email', `s${live}@example.com`, '--password-stdin'],
        'pw123456',
      ),
    );
    ok(await stranger.run(['tweet', 'not followed, not shown']));
    ok(await them.run(['delete', String(live)]));
    await follow.until(({ stdout }) => stdout.includes(`✕ tweet ${live} was deleted`));
    expect(follow.output.stdout).toBe(
      `${page}\nDan ${themHandle} · just now (tweet ${live}) · ♥ 0 · ↩ 0 · ↻ 0\n  실시간 트윗 🌏\n\n✕ tweet ${live} was deleted\n`,
    );

    const { code, ms } = await follow.stop('SIGINT');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(2000);
    expect(follow.output.stderr).toBe('');
  });

  it('prints reposts as they happen, and names a repost taken back as a repost', async () => {
    const { me, them, themHandle } = await reader();
    const tag = Math.random().toString(36).slice(2, 7);
    const author = await person('Fern', `fern_${tag}`);
    const original = tweetId(ok(await author.run(['tweet', `worth passing on ${tag}`])));
    const page = ok(await me.run(['timeline']));
    const follow = me.start(['timeline', '--follow']);
    const json = me.start(['timeline', '--follow', '--json']);
    await follow.until(({ stdout }) => stdout.length >= page.length);
    await json.until(({ stdout }) => stdout.endsWith('\n'));

    const repost = await them.api().tweet.repost.mutate({ tweetId: original });
    await follow.until(({ stdout }) => stdout.includes(`(repost ${repost.id})`));
    ok(await them.run(['unrepost', String(original)]));
    await follow.until(({ stdout }) => stdout.includes(`✕ repost ${repost.id} was deleted`));
    expect(follow.output.stdout).toBe(
      `${page}\n↻ ${themHandle} reposted · just now (repost ${repost.id})\n` +
        `Fern @fern_${tag} · just now (tweet ${original}) · ♥ 0 · ↩ 0 · ↻ 1\n  worth passing on ${tag}\n\n` +
        `✕ repost ${repost.id} was deleted\n`,
    );
    // With --json, each event as the server sends it.
    await json.until(({ stdout }) => stdout.trimEnd().split('\n').length === 3);
    const [, reposted, deleted] = json.output.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(reposted).toMatchObject({ type: 'repost', repost: { id: repost.id, text: '', repostOf: { id: original } } });
    expect(deleted).toEqual({ id: expect.any(String), type: 'delete', tweetId: repost.id });

    for (const stream of [follow, json]) expect((await stream.stop('SIGINT')).code).toBe(0);
    expect(follow.output.stderr + json.output.stderr).toBe('');
  });

  it('with --json, prints the page as --json does, then one event per line; SIGTERM ends it', async () => {
    const { me, them } = await reader();
    const page = JSON.parse(ok(await me.run(['timeline', '--json'])));
    const follow = me.start(['timeline', '--follow', '--json']);
    await follow.until(({ stdout }) => stdout.endsWith('\n'));
    const lines = () =>
      follow.output.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
    expect(lines()).toEqual([page]);

    // From another client: the typed one, with the author's session.
    const theirs = them.api();
    const tweet = await theirs.tweet.create.mutate({ text: 'from another client' });
    const mine = await me.api().tweet.create.mutate({ text: 'my own, also live' });
    // (Deleted before the server has sent it, a tweet would arrive as its deletion alone.)
    await follow.until(() => lines().length === 3);
    await theirs.tweet.delete.mutate({ tweetId: tweet.id });
    await follow.until(() => lines().length === 4);
    const [, ...events] = lines();
    expect(events).toEqual([
      { id: expect.any(String), type: 'tweet', tweet },
      { id: expect.any(String), type: 'tweet', tweet: mine },
      { id: expect.any(String), type: 'delete', tweetId: tweet.id },
    ]);
    const ids = events.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const { code, ms } = await follow.stop('SIGTERM');
    expect({ code, stderr: follow.output.stderr }).toEqual({ code: 0, stderr: '' });
    expect(ms).toBeLessThan(2000);
  });

  it('ends with the usual error when the session ends', async () => {
    const { me } = await reader();
    const follow = me.start(['timeline', '--follow']);
    await follow.until(({ stdout }) => stdout.includes('on the page already'));
    ok(await me.run(['logout']));
    // The server checks open streams' sessions every few seconds.
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, 'still running'));
    expect(await Promise.race([follow.exited, timeout])).toBe(1);
    expect(follow.output.stderr).toBe('error: Your session has expired: run `miniter login`\n');
  });

  it('refuses --all and --user, and says plainly when the server is down', async () => {
    const { me } = await reader();
    for (const flag of [['--all'], ['--user', '3']]) {
      const refused = await me.run(['timeline', '--follow', ...flag]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(
        `error: option '-f, --follow' cannot be used with option '${flag[0] === '--all' ? '-a, --all' : '-u, --user <user>'}'`,
      );
    }
    const help = ok(await me.run(['timeline', '--help']));
    expect(help).toContain('-f, --follow');
    expect(help).toContain('$ miniter timeline --follow');

    // A session kept for a server that is not there.
    const away = 'http://127.0.0.1:9';
    const down = user(away);
    const session = JSON.parse(readFileSync(me.credentials, 'utf8'))[server.url];
    mkdirSync(dirname(down.credentials), { recursive: true });
    writeFileSync(down.credentials, JSON.stringify({ [away]: session }));
    const started = Date.now();
    const result = await down.run(['timeline', '--follow']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `error: cannot reach ${away} — is the server running?\n` });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('carries on across a server restart, resuming where it left off', async () => {
    const port = await freePort();
    const restartDb = await createTestDatabase('sqlite');
    const env = { PORT: String(port), MEDIA_DIR: mkdtempSync(join(tmpdir(), 'miniter-cli-media-')) };
    let current = await startTestServer(restartDb, env);
    try {
      const { me, them, themHandle } = await reader(current.url);
      const follow = me.start(['timeline', '--follow']);
      await follow.until(({ stdout }) => stdout.includes('on the page already'));
      const before = tweetId(ok(await them.run(['tweet', 'before the restart'])));
      await follow.until(({ stdout }) => stdout.includes('before the restart'));

      // The server ends its streams as it stops; the CLI keeps trying, and says so after a while.
      await current.close();
      await follow.until(({ stderr }) => stderr.includes('lost: reconnecting'));
      current = await startTestServer(restartDb, env);
      // Posted before the CLI is back (it retries every few seconds): it comes with the resumption.
      const after = tweetId(ok(await them.run(['tweet', 'after the restart'])));
      ok(await them.run(['delete', String(before)]));
      await follow.until(({ stdout }) => stdout.includes(`✕ tweet ${before} was deleted`), 10_000);
      const { stdout } = follow.output;
      expect(stdout.slice(stdout.indexOf('before the restart'))).toBe(
        `before the restart\n\nDan ${themHandle} · just now (tweet ${after}) · ♥ 0 · ↩ 0 · ↻ 0\n  after the restart\n\n✕ tweet ${before} was deleted\n`,
      );
      expect(follow.output.stderr).toBe(
        `Connection to ${current.url} lost: reconnecting…\nReconnected to ${current.url}.\n`,
      );
      expect((await follow.stop('SIGINT')).code).toBe(0);
    } finally {
      await current.close();
      await restartDb.close();
    }
  });
});

/** A port nothing listens on now, for a server that is to come back on the same address. */
async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe.each(['local', 's3'] as const)('miniter avatar, with %s storage', (driver) => {
  let pictureServer: RunningServer;
  let pictureDb: TestDatabase;
  let s3: TestS3 | undefined;

  beforeAll(async () => {
    pictureDb = await createTestDatabase('sqlite');
    s3 = driver === 's3' ? await startTestS3() : undefined;
    pictureServer = await startTestServer(
      pictureDb,
      s3
        ? {
            MEDIA_DRIVER: 's3',
            S3_BUCKET: s3.bucket,
            S3_ENDPOINT: s3.endpoint,
            S3_FORCE_PATH_STYLE: 'true',
            S3_ACCESS_KEY_ID: 'S3RVER',
            S3_SECRET_ACCESS_KEY: 'S3RVER',
          }
        : { MEDIA_DIR: mkdtempSync(join(tmpdir(), 'miniter-cli-media-')) },
    );
  });

  afterAll(async () => {
    await pictureServer?.close();
    await s3?.close();
    await pictureDb?.close();
  });

  it('sets a picture that shows in profiles and timelines as a clean 400×400 WebP, then removes it', async () => {
    const gil = user(pictureServer.url);
    ok(await gil.run(['signup', '--name', '길동', '--email', 'gil@example.com', '--password-stdin'], 'password123'));
    const face = join(gil.config, 'face.jpg');
    writeFileSync(face, await makeImage('jpeg', 1200, 900));

    const set = ok(await gil.run(['avatar', 'set', face]));
    const url = /is now (\S+)\n$/.exec(set)?.[1] ?? '';
    expect(url).toMatch(driver === 's3' ? /\/miniter-test\/avatars\/\d+\/[0-9a-f]+-400\.webp$/ : /\/media\/avatars\//);
    ok(await gil.run(['tweet', '새 프로필 사진']));

    const me = JSON.parse(ok(await gil.run(['whoami', '--json']))) as RouterOutputs['user']['me'];
    const profile = JSON.parse(ok(await gil.run(['user', String(me.id), '--json']))) as RouterOutputs['user']['byId'];
    const timeline = JSON.parse(ok(await gil.run(['timeline', '--json']))) as RouterOutputs['timeline']['home'];
    expect(profile.profilePictureUrl).toBe(url);
    expect(timeline.items[0]?.author.profilePictureUrl).toBe(url);
    expect(ok(await gil.run(['avatar', 'url']))).toBe(`${url}\n`);

    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 400, height: 400 });
    expect(meta.exif).toBeUndefined();

    const notPicture = join(gil.config, 'notes.png');
    writeFileSync(notPicture, 'just text');
    expect(await gil.run(['avatar', 'set', notPicture])).toMatchObject({
      code: 1,
      stderr: 'error: Upload a PNG, JPEG, WebP or GIF image\n',
    });
    expect(await gil.run(['avatar', 'set', join(gil.config, 'missing.jpg')])).toMatchObject({
      code: 1,
      stderr: `error: cannot read ${join(gil.config, 'missing.jpg')}: no such file\n`,
    });

    expect(ok(await gil.run(['avatar', 'rm']))).toBe('Your profile picture is removed.\n');
    expect((await fetch(url)).status).toBe(404);
    expect(await gil.run(['avatar', 'url'])).toMatchObject({
      code: 1,
      stderr: `error: User ${me.id} has no profile picture\n`,
    });
  });
});
