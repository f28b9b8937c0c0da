import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  limitParser,
  parseHashtag,
  parseHashtagPrefix,
  parseId,
  parseLimit,
  parseUser,
  readPages,
} from '../../src/arguments.ts';
import { resolveServer, useColor } from '../../src/context.ts';
import { credentialsPath, loadCredentials, removeCredentials, saveCredentials } from '../../src/credentials.ts';
import { CliError } from '../../src/errors.ts';
import { buildProgram } from '../../src/program.ts';

describe('argument parsing', () => {
  it('accepts ids and limits in range only', () => {
    expect(parseId('42')).toBe(42);
    for (const bad of ['0', '-1', '1.5', 'abc', '99999999999']) expect(() => parseId(bad)).toThrow(/positive whole/);
    expect(parseLimit('1')).toBe(1);
    expect(parseLimit('100')).toBe(100);
    for (const bad of ['0', '101', 'ten', '']) expect(() => parseLimit(bad)).toThrow(/1 to 100/);
    // A thread's replies come up to 200 a page.
    expect(limitParser(200)('200')).toBe(200);
    for (const bad of ['0', '201', '1000']) expect(() => limitParser(200)(bad)).toThrow(/1 to 200/);
  });

  it('takes a user as an id (all digits) or a handle, with or without its @', () => {
    expect(parseUser('3')).toEqual({ id: 3 });
    expect(parseUser('@kim')).toEqual({ username: 'kim' });
    expect(parseUser('Kim_99')).toEqual({ username: 'Kim_99' });
    // A handle of digits only is told from an id by its @.
    expect(parseUser('@1984')).toEqual({ username: '1984' });
    expect(parseUser(`@${'a'.repeat(30)}`)).toEqual({ username: 'a'.repeat(30) });
    for (const bad of [
      '0',
      '99999999999',
      '@',
      '@@kim',
      'kim-lee',
      'kim.lee',
      '김민지',
      'ｋｉｍ',
      'a'.repeat(31),
      '',
    ]) {
      expect(() => parseUser(bad), bad).toThrow(/positive whole|user id or @handle/);
    }
  });

  it('takes a hashtag with or without its #, by the rule the server finds them by', () => {
    expect(parseHashtag('#Rust')).toBe('Rust');
    expect(parseHashtag('rust')).toBe('rust');
    expect(parseHashtag(' #한국어_2026 ')).toBe('한국어_2026');
    expect(parseHashtag('_')).toBe('_');
    for (const bad of ['', '#', '##rust', '#2026', 'rust-lang', 'c++', '#a b', '@kim']) {
      expect(() => parseHashtag(bad), bad).toThrow(/must be a hashtag/);
    }
    // A prefix may be empty (every tag) or digits (the letter can come later).
    expect(parseHashtagPrefix('#Ru')).toBe('Ru');
    expect(parseHashtagPrefix('')).toBe('');
    expect(parseHashtagPrefix('#')).toBe('');
    expect(parseHashtagPrefix('2026')).toBe('2026');
    for (const bad of ['##ru', 'ru-', 'a b', '@kim']) {
      expect(() => parseHashtagPrefix(bad), bad).toThrow(/must be the start of a hashtag/);
    }
  });

  it('refuses bad arguments before anything is sent', async () => {
    const program = buildProgram().exitOverride();
    for (const command of program.commands) command.exitOverride().configureOutput({ writeErr: () => {} });
    const run = (...args: string[]) => program.parseAsync(['node', 'miniter', ...args]);
    await expect(run('follow', 'a-b')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('tweets', '@')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('timeline', '--user', 'kim lee')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('timeline', '--limit', '500')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('timeline', '--limit', '150')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('thread', '42', '--limit', '201')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('tag', '#2026')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('tag')).rejects.toBeInstanceOf(CommanderError);
    await expect(run('tags', 'a-b')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('tags', 'ru', '--limit', '101')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('reply', 'x', 'hello')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('reply', '42')).rejects.toBeInstanceOf(CommanderError);
    await expect(run('tweet')).rejects.toBeInstanceOf(CommanderError);
  });

  it('chooses the server from --server, then MINITER_URL, then the default', () => {
    expect(resolveServer('https://miniter.example/', { MINITER_URL: 'http://other:1' })).toBe(
      'https://miniter.example',
    );
    expect(resolveServer(undefined, { MINITER_URL: 'http://other:1' })).toBe('http://other:1');
    expect(resolveServer(undefined, {})).toBe('http://localhost:4000');
    expect(() => resolveServer('ftp://x', {})).toThrow(CliError);
    expect(() => resolveServer('not a url', {})).toThrow(/invalid server URL/);
  });

  it('colours only a terminal, and never with NO_COLOR', () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(false, { CI: 'true', FORCE_COLOR: '1' })).toBe(false);
    expect(useColor(undefined, {})).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(true, { TERM: 'dumb' })).toBe(false);
  });

  it('follows cursors to the end with --all', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [5, 4], nextCursor: 'a' },
      a: { items: [3, 2], nextCursor: 'b' },
      b: { items: [1], nextCursor: null },
    };
    const fetch = async (cursor?: string) => pages[cursor ?? 'start'] ?? { items: [], nextCursor: null };
    expect(await readPages({ all: true }, fetch)).toEqual({ items: [5, 4, 3, 2, 1], nextCursor: null });
    expect(await readPages({}, fetch)).toEqual(pages.start);
  });
});

describe('credentials', () => {
  it('are kept per server in a file only the owner can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'miniter-cli-'));
    const path = credentialsPath({ XDG_CONFIG_HOME: dir });
    expect(path).toBe(join(dir, 'miniter', 'credentials.json'));
    const alice = { token: 't1', userId: 1, name: 'alice', email: 'a@x', expiresAt: '2030-01-01T00:00:00.000Z' };
    saveCredentials('http://a:1', alice, path);
    saveCredentials('http://b:2', { ...alice, token: 't2' }, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'miniter')).mode & 0o777).toBe(0o700);
    expect(loadCredentials('http://a:1', path)?.token).toBe('t1');
    expect(removeCredentials('http://a:1', path)).toBe(true);
    expect(removeCredentials('http://a:1', path)).toBe(false);
    expect(loadCredentials('http://b:2', path)?.token).toBe('t2');
  });
});
