import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { systemContext } from '../command-handling/command-context';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { generateApiKey } from './api-key-secret';
import { GetApiKeyQuery } from './get-api-key/get-api-key.query';
import { IssueApiKeyCommand, type IssuedApiKey } from './issue-api-key/issue-api-key.command';
import { RevokeApiKeyCommand } from './revoke-api-key/revoke-api-key.command';
import { startKeysApp, type KeysTestApp } from './testing-app';

const OWNER = '210987654321098765';
const GUILD = '123456789012345678';
const context = systemContext('system', 'test');

describe('ApiKeyAuthenticator on the real read model', () => {
  let app: KeysTestApp;
  let auth: ApiKeyAuthenticator;
  let guildKey: IssuedApiKey;
  let accountKey: IssuedApiKey;

  const issue = async (options: ConstructorParameters<typeof IssueApiKeyCommand>[1]) => {
    const issued: IssuedApiKey = await app
      .get(CommandBus)
      .execute(new IssueApiKeyCommand(OWNER, options, context));
    // Read-your-writes: the authenticator reads the projection, so wait until it has the key.
    await app.get(QueryBus).execute(new GetApiKeyQuery(issued.keyId, issued.position));
    return issued;
  };

  before(async () => {
    app = await startKeysApp();
    auth = app.get(ApiKeyAuthenticator);
    guildKey = await issue({ guildId: GUILD, tier: 'premium', scopes: ['bot:7'] });
    accountKey = await issue({});
  });
  after(() => app.closeAndRemove());

  it('given an issued guild key, when it is presented, then its principal comes back without secret or hash', async () => {
    const principal = await auth.authenticate(guildKey.key);
    assert.deepEqual(principal, {
      keyId: guildKey.keyId,
      ownerId: OWNER,
      tier: 'premium',
      scopes: ['bot:7'],
      guildId: GUILD,
    });
  });

  it('given an issued account key, when it is presented, then its principal has no guild', async () => {
    assert.equal((await auth.authenticate(accountKey.key))?.guildId, null);
  });

  it('given a known key id, when the secret is wrong by one character, then the answer is null', async () => {
    const last = guildKey.key.at(-1) === 'a' ? 'b' : 'a';
    assert.equal(await auth.authenticate(guildKey.key.slice(0, -1) + last), null);
    assert.equal(await auth.authenticate(guildKey.key + 'x'), null);
  });

  it('given another key’s secret under a known id, when presented, then the answer is null', async () => {
    const forged = `ghk_${guildKey.keyId}_${accountKey.key.slice(21)}`;
    assert.equal(await auth.authenticate(forged), null);
  });

  it('given a well-formed key that was never issued, when presented, then the answer is null', async () => {
    assert.equal(await auth.authenticate(generateApiKey().key), null);
  });

  it('given malformed input, when presented, then the answer is null and nothing throws', async () => {
    for (const raw of ['', `Bearer ${guildKey.key}`, 'ghk_', 'x'.repeat(10_000), undefined, null, 42, {}]) {
      assert.equal(await auth.authenticate(raw), null);
    }
  });

  it('given a revoked key, when presented after the revocation is projected, then the answer is null', async () => {
    const revoked = await app
      .get(CommandBus)
      .execute(new RevokeApiKeyCommand(accountKey.keyId, context, { requestedBy: OWNER }));
    await app.get(QueryBus).execute(new GetApiKeyQuery(accountKey.keyId, revoked.position));
    assert.equal(await auth.authenticate(accountKey.key), null);
    assert.ok(await auth.authenticate(guildKey.key), 'other keys keep working');
  });
});
