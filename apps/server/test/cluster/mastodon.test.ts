/**
 * Mastodon's clients on a cluster: an OAuth token issued through one instance works on the other and
 * its revocation there ends it here at once, and a WebSocket stream on one instance receives a
 * status posted through the other, a reply, a boost, and their deletion.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient } from 'masto';
import { describe, expect, it } from 'vitest';
import { anonymous, signedIn } from './clients.ts';
import { useCluster } from './control.ts';

const cluster = useCluster();
const { info } = cluster;
const [a, b] = info.instances as [(typeof info.instances)[0], (typeof info.instances)[0]];
const redirectUri = 'urn:ietf:wg:oauth:2.0:oob';

/** An application registered on instance `a`, and a person's token for it, authorized and exchanged there. */
async function tokenFromA(name: string) {
  const app = await createRestAPIClient({ url: a.url }).v1.apps.create({
    clientName: 'Cluster App',
    redirectUris: redirectUri,
    scopes: 'read write follow',
  });
  const credentials = { clientId: app.clientId ?? '', clientSecret: app.clientSecret ?? '', redirectUri };
  const person = await signedIn(info, name);
  const verifier = randomBytes(32).toString('base64url');
  const { code } = await person.api.oauth.authorize.mutate({
    clientId: credentials.clientId,
    redirectUri,
    scope: 'read write follow',
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
    codeChallengeMethod: 'S256',
  });
  const oauth = createOAuthAPIClient({ url: a.url });
  const token = await oauth.token.create({
    grantType: 'authorization_code',
    ...credentials,
    code,
    ...({ codeVerifier: verifier } as object),
  });
  return { person, credentials, token: token.accessToken };
}

describe("Mastodon's clients across instances", () => {
  it('a token issued through one instance works on the other, and revoked there ends on both at once', async () => {
    const { person, credentials, token } = await tokenFromA('mastodon-token');
    const onA = createRestAPIClient({ url: a.url, accessToken: token });
    const onB = createRestAPIClient({ url: b.url, accessToken: token });
    expect((await onB.v1.accounts.verifyCredentials()).id).toBe(String(person.user.id));
    expect((await onA.v1.accounts.verifyCredentials()).id).toBe(String(person.user.id));
    await createOAuthAPIClient({ url: b.url }).revoke({ ...credentials, token });
    await expect(onA.v1.accounts.verifyCredentials()).rejects.toMatchObject({ statusCode: 401 });
    await expect(onB.v1.accounts.verifyCredentials()).rejects.toMatchObject({ statusCode: 401 });
  });

  it('a stream on one instance receives a status posted through the other, its reply and boost, and deletions', async () => {
    const { person: reader, token } = await tokenFromA('mastodon-reader');
    const author = await signedIn(info, 'mastodon-author');
    await reader.api.follow.follow.mutate({ userId: author.user.id });
    const streaming = createStreamingAPIClient({
      streamingApiUrl: a.url.replace(/^http/, 'ws'),
      accessToken: token,
      retry: false,
    });
    try {
      await streaming.prepare();
      const events = streaming.user.subscribe()[Symbol.asyncIterator]();
      const next = events.next();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const onB = createRestAPIClient({ url: b.url, accessToken: author.token });
      const posted = await onB.v1.statuses.create({ status: 'posted through b' });
      expect((await next).value).toMatchObject({ event: 'update', payload: { id: posted.id } });
      // A reply in its author's thread, and a boost of it: each an update, in order.
      const reply = await onB.v1.statuses.create({ status: 'and more', inReplyToId: posted.id });
      expect((await events.next()).value).toMatchObject({
        event: 'update',
        payload: { id: reply.id, inReplyToId: posted.id },
      });
      const boost = await onB.v1.statuses.$select(posted.id).reblog();
      expect((await events.next()).value).toMatchObject({
        event: 'update',
        payload: { id: boost.id, reblog: { id: posted.id } },
      });
      // Deleted, it takes its boost with it; its reply stays.
      await onB.v1.statuses.$select(posted.id).remove();
      const deleted = [(await events.next()).value, (await events.next()).value];
      expect(deleted.map((event) => event?.event)).toEqual(['delete', 'delete']);
      expect(deleted.map((event) => event?.payload).sort()).toEqual([posted.id, boost.id].sort());
      // The same status is gone for everyone, whichever instance answers.
      const left = await anonymous(info).timeline.user.query({ userId: author.user.id });
      expect(left.items.map((tweet) => tweet.id)).toEqual([Number(reply.id)]);
    } finally {
      streaming.close();
    }
  });
});
