import { sqlEm, User } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import type { MediaStorage } from '../src/media/storage.ts';
import { getProfilePictureUrl, removeProfilePicture, setProfilePicture } from '../src/services/avatars.ts';
import { makeDecompressionBomb, makeImage } from '../src/testing.ts';
import { testMedia, testUploads } from './helpers.ts';

/** A store that records what it holds, so a test can see what was written and what deleted. */
function recordingStore(fail = false): MediaStorage & { keys: Set<string> } {
  const inner: MediaStorage = testMedia();
  const keys = new Set<string>();
  return {
    keys,
    async put(key, body, type) {
      if (fail) throw new Error('storage is down');
      await inner.put(key, body, type);
      keys.add(key);
    },
    async remove(removed) {
      await inner.remove(removed);
      for (const key of removed) keys.delete(key);
    },
    url: (key) => inner.url(key),
  };
}

const refusal = (kind: string) => expect.objectContaining({ name: 'ServiceError', kind });

describe.each(testDialects())('profile pictures on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const em = () => sqlEm(db().orm).fork();
  async function newUser(name: string) {
    const fork = em();
    const user = fork.create(User, { name, username: name, email: `${name}@example.com`, hashedPassword: 'x' });
    await fork.flush();
    return { user, em: fork };
  }

  it('replacing a picture deletes the old objects; removing deletes the rest', async () => {
    const store = recordingStore();
    const { user, em: fork } = await newUser('alice');
    await setProfilePicture(fork, store, testUploads, user, await makeImage('png'));
    const first = [...store.keys].sort();
    expect(first).toEqual([
      expect.stringMatching(/^avatars\/\d+\/[0-9a-f]{20}-400\.webp$/),
      expect.stringMatching(/^avatars\/\d+\/[0-9a-f]{20}-96\.webp$/),
    ]);
    await setProfilePicture(fork, store, testUploads, user, await makeImage('jpeg', 300, 500));
    expect(store.keys.size).toBe(2);
    for (const key of first) expect(store.keys.has(key)).toBe(false);
    const stored = await em().findOneOrFail(User, user.id);
    expect(store.keys.has(`${stored.profilePicture}-400.webp`)).toBe(true);
    expect((await getProfilePictureUrl(em(), store, user.id)).url).toMatch(/-400\.webp$/);

    await removeProfilePicture(fork, store, user);
    expect(store.keys.size).toBe(0);
    expect((await em().findOneOrFail(User, user.id)).profilePicture).toBeNull();
    await expect(getProfilePictureUrl(em(), store, user.id)).rejects.toEqual(refusal('NOT_FOUND'));
    await removeProfilePicture(fork, store, user);
  });

  it('a refused or failed upload leaves the previous picture in place', async () => {
    const store = recordingStore();
    const { user, em: fork } = await newUser('bob');
    await setProfilePicture(fork, store, testUploads, user, await makeImage('webp'));
    const before = (await em().findOneOrFail(User, user.id)).profilePicture;
    const kept = [...store.keys];

    const attempts: [Buffer, string][] = [
      [Buffer.alloc(0), 'BAD_REQUEST'],
      [Buffer.from('plain text, named face.png'), 'UNSUPPORTED_MEDIA_TYPE'],
      [await makeImage('png', 400, 400, true), 'PAYLOAD_TOO_LARGE'],
      [makeDecompressionBomb(), 'BAD_REQUEST'],
    ];
    for (const [bytes, kind] of attempts) {
      await expect(setProfilePicture(fork, store, testUploads, user, bytes)).rejects.toEqual(refusal(kind));
    }
    await expect(
      setProfilePicture(fork, recordingStore(true), testUploads, user, await makeImage('gif')),
    ).rejects.toThrow('storage is down');

    expect((await em().findOneOrFail(User, user.id)).profilePicture).toBe(before);
    expect([...store.keys]).toEqual(kept);
  });
});
