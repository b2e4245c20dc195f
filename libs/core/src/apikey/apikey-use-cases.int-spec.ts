import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '#domain';
import { EventStore } from '#eventstore';
import { systemContext } from '../command-handling/command-context';
import { deriveApiKey } from './api-key-secret';
import { ChangeApiKeyScopesCommand } from './change-api-key-scopes/change-api-key-scopes.command';
import { ChangeApiKeyTierCommand } from './change-api-key-tier/change-api-key-tier.command';
import { GetApiKeyQuery } from './get-api-key/get-api-key.query';
import { IssueApiKeyCommand, type IssuedApiKey } from './issue-api-key/issue-api-key.command';
import { ListApiKeysQuery } from './list-api-keys/list-api-keys.query';
import { RevokeApiKeyCommand } from './revoke-api-key/revoke-api-key.command';
import { startKeysApp, type KeysTestApp } from './testing-app';

const OWNER = '210987654321098765';
const OTHER = '111111111111111111';
const GUILD = '123456789012345678';
const context = systemContext('cli', 'test');

const refused = (reason: string, code: string) => (error: unknown) =>
  error instanceof DomainError && error.reason === reason && error.code === code;

describe('API key use cases through the buses', () => {
  let app: KeysTestApp;
  let commands: CommandBus;
  let queries: QueryBus;
  const issuedKeys: IssuedApiKey[] = [];
  const issue = async (
    ownerId: string,
    options: ConstructorParameters<typeof IssueApiKeyCommand>[1] = {},
  ) => {
    const issued = await commands.execute(new IssueApiKeyCommand(ownerId, options, context));
    issuedKeys.push(issued);
    return issued;
  };

  before(async () => {
    app = await startKeysApp();
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
  });
  after(() => app.closeAndRemove());

  it('given an owner, when a key is issued with defaults, then the plaintext comes back once with a free, unscoped account key', async () => {
    const issued = await issue(OWNER);
    assert.match(issued.key, new RegExp(`^ghk_${issued.keyId}_[0-9A-Za-z]{43}$`));
    const { key: _key, keyId: _keyId, position: _position, ...rest } = issued;
    assert.deepEqual(rest, { ownerId: OWNER, tier: 'free', scopes: [], guildId: null, label: null });
    const view = await queries.execute(new GetApiKeyQuery(issued.keyId, issued.position));
    assert.equal(view?.ownerId, OWNER);
    assert.equal(view?.revokedAt, null);
  });

  it('given a guild key with tier, scopes and label, when listed by owner, then the list shows it normalized and no secret', async () => {
    const issued = await issue(OWNER, {
      guildId: GUILD,
      tier: 'premium',
      scopes: ['bot:9', 'admin'],
      label: ' dash ',
    });
    assert.deepEqual(
      [issued.tier, issued.scopes, issued.guildId, issued.label],
      ['premium', ['admin', 'bot:9'], GUILD, 'dash'],
    );
    const list = await queries.execute(new ListApiKeysQuery(OWNER, issued.position));
    assert.deepEqual(
      list.map((k) => k.keyId),
      issuedKeys.map((k) => k.keyId),
    );
    const json = JSON.stringify(list);
    for (const k of issuedKeys)
      assert.ok(!json.includes(k.key.slice(21)), 'a secret leaked into the listing');
    assert.ok(!/secret|hash/i.test(json));
  });

  it('given a derived key, when issued twice, then the first is recorded under its id and the second refused as a conflict', async () => {
    const derived = deriveApiKey(Buffer.from('demo-seed-for-the-spec-only'), 'de000000000000a1');
    const issued = await issue(OTHER, { key: derived.key });
    assert.equal(issued.keyId, 'de000000000000a1');
    assert.equal(issued.key, derived.key);
    await assert.rejects(
      commands.execute(new IssueApiKeyCommand(OTHER, { key: derived.key }, context)),
      refused('conflict', 'api_key_exists'),
    );
  });

  it('given malformed key material, when issued, then it is refused as invalid without echoing the key', async () => {
    await assert.rejects(
      commands.execute(new IssueApiKeyCommand(OWNER, { key: 'ghk_short_oops' }, context)),
      (e: unknown) => refused('invalid', 'invalid_key')(e) && !(e as Error).message.includes('oops'),
    );
    const derived = deriveApiKey(Buffer.from('demo-seed-for-the-spec-only'), 'de000000000000a2');
    await assert.rejects(
      commands.execute(
        new IssueApiKeyCommand(OWNER, { key: derived.key, keyId: 'de000000000000a3' }, context),
      ),
      refused('invalid', 'key_id_mismatch'),
    );
    await assert.rejects(
      commands.execute(new IssueApiKeyCommand(OWNER, { keyId: 'NOPE' }, context)),
      refused('invalid', 'invalid_key_id'),
    );
  });

  it('given an active key, when tier and scopes change, then the read model follows; the same values again change nothing', async () => {
    const { keyId } = issuedKeys[0];
    const tier = await commands.execute(new ChangeApiKeyTierCommand(keyId, 'enterprise', context));
    const scopes = await commands.execute(new ChangeApiKeyScopesCommand(keyId, ['bot:5'], context));
    assert.deepEqual([tier.eventTypes, scopes.eventTypes], [['ApiKeyTierChanged'], ['ApiKeyScopesChanged']]);
    const view = await queries.execute(new GetApiKeyQuery(keyId, scopes.position));
    assert.deepEqual([view?.tier, view?.scopes, view?.revision], ['enterprise', ['bot:5'], 2]);
    const again = await commands.execute(new ChangeApiKeyTierCommand(keyId, 'enterprise', context));
    assert.deepEqual(again.eventTypes, []);
  });

  it('given another user’s key, when a non-admin revokes it, then it is refused as forbidden and the key stays active', async () => {
    const { keyId } = issuedKeys[0];
    await assert.rejects(
      commands.execute(new RevokeApiKeyCommand(keyId, context, { requestedBy: OTHER })),
      refused('forbidden', 'not_key_owner'),
    );
    await assert.rejects(
      commands.execute(
        new RevokeApiKeyCommand(keyId, context, { requestedBy: { ownerId: OTHER, scopes: ['bot:5'] } }),
      ),
      refused('forbidden', 'not_key_owner'),
    );
    assert.equal((await queries.execute(new GetApiKeyQuery(keyId)))?.revokedAt, null);
  });

  it('given keys, when the owner revokes one and an admin principal another, then both are revoked; again changes nothing', async () => {
    const byOwner = await commands.execute(
      new RevokeApiKeyCommand(issuedKeys[0].keyId, context, { requestedBy: OWNER, reason: 'rotated' }),
    );
    const admin = {
      keyId: 'ad000000000000a1',
      ownerId: OTHER,
      tier: 'free',
      scopes: ['admin'],
      guildId: null,
    };
    const byAdmin = await commands.execute(
      new RevokeApiKeyCommand(issuedKeys[1].keyId, context, { requestedBy: admin }),
    );
    assert.deepEqual([byOwner.eventTypes, byAdmin.eventTypes], [['ApiKeyRevoked'], ['ApiKeyRevoked']]);
    const again = await commands.execute(new RevokeApiKeyCommand(issuedKeys[0].keyId, context));
    assert.deepEqual(again.eventTypes, []);
    const view = await queries.execute(new GetApiKeyQuery(issuedKeys[0].keyId, byAdmin.position));
    assert.equal(view?.revokeReason, 'rotated');
    assert.ok(view?.revokedAt);
  });

  it('given a revoked key, when its tier changes, then it is refused as a conflict', async () => {
    await assert.rejects(
      commands.execute(new ChangeApiKeyTierCommand(issuedKeys[0].keyId, 'free', context)),
      refused('conflict', 'api_key_revoked'),
    );
  });

  it('given an unknown key, when revoked or changed, then it is refused as not found', async () => {
    for (const command of [
      new RevokeApiKeyCommand('ffffffffffffffff', context),
      new ChangeApiKeyScopesCommand('ffffffffffffffff', [], context),
    ]) {
      await assert.rejects(commands.execute(command), refused('not_found', 'api_key_not_found'));
    }
  });

  it('given every key issued above, when every stored event is scanned, then no plaintext key or secret appears', async () => {
    const store = app.get(EventStore);
    const events = await store.readAll({ maxCount: 10_000 });
    assert.ok(events.length >= issuedKeys.length);
    const stored = events.map((e) => JSON.stringify(e)).join('\n');
    for (const { key } of issuedKeys) {
      assert.ok(!stored.includes(key), 'a plaintext key is in the event store');
      assert.ok(!stored.includes(key.slice(21)), 'a key secret is in the event store');
    }
  });
});
