import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { apiKeyDecider, apiKeyStreamId, type ApiKeyEvent, type ApiKeyIssued } from '#domain';
import type { EventStore } from '#eventstore';
import { ProjectionHost } from '../runtime/projection-host';
import { openReadModelDb } from '../runtime/readmodel-db';
import { append as appendGuild, guildId, openTestStore, registered, tempDir } from '../testing/fixtures';
import { apiKeysProjection } from './apikeys.projection';
import { ApiKeysReadModel } from './apikeys.read-model';

const OWNER = '210987654321098765';
const keyId = (n: number): string => n.toString(16).padStart(16, '0');
const issued = (n: number, data: Partial<ApiKeyIssued['data']> = {}): ApiKeyEvent => ({
  type: 'ApiKeyIssued',
  data: {
    keyId: keyId(n),
    ownerId: OWNER,
    tier: 'free',
    scopes: [],
    guildId: null,
    secretHash: String(n % 10).repeat(64),
    label: null,
    ...data,
  },
});

async function append(store: EventStore, n: number, occurredAt: string, ...events: ApiKeyEvent[]) {
  const result = await store.appendToStream(
    apiKeyStreamId(keyId(n)),
    events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      schemaVersion: apiKeyDecider.schemaVersions[event.type],
      data: event.data,
      metadata: {
        correlationId: randomUUID(),
        causationId: null,
        actor: { kind: 'system' as const, id: 'test' },
        door: 'system' as const,
        occurredAt,
      },
    })),
  );
  return result.position;
}

describe('apikeys projection', () => {
  const tmp = tempDir();
  let store: EventStore;
  let host: ProjectionHost;
  let keys: ApiKeysReadModel;

  before(async () => {
    store = await openTestStore(tmp.dir);
    host = new ProjectionHost({ store, projections: [apiKeysProjection], dataDir: tmp.dir });
    await host.start();
    keys = new ApiKeysReadModel(host.db);
  });
  after(async () => {
    await host.stop();
    await store.close();
    tmp.remove();
  });

  const settled = async (position: number) =>
    assert.equal(await host.waitForPosition('apikeys', position, 2_000), true);

  it('given an issued guild key, when read, then the view has its fields in camelCase and no hash', async () => {
    await settled(
      await append(
        store,
        1,
        '2026-01-01T00:00:00.000Z',
        issued(1, { tier: 'premium', scopes: ['bot:7'], guildId: '42', label: 'dash' }),
      ),
    );
    const view = keys.findById(keyId(1));
    assert.deepEqual(view, {
      keyId: keyId(1),
      ownerId: OWNER,
      tier: 'premium',
      scopes: ['bot:7'],
      guildId: '42',
      label: 'dash',
      issuedAt: '2026-01-01T00:00:00.000Z',
      revokedAt: null,
      revokeReason: null,
      revision: 0,
    });
    assert.ok(!JSON.stringify(view).includes('1'.repeat(64)));
  });

  it('given an issued key, when its credential is read, then it carries the hash and is not revoked', () => {
    assert.deepEqual(keys.findCredential(keyId(1)), {
      keyId: keyId(1),
      ownerId: OWNER,
      tier: 'premium',
      scopes: ['bot:7'],
      guildId: '42',
      secretHash: '1'.repeat(64),
      revoked: false,
      demo: false,
    });
  });

  it('given tier, scope and revocation events, when read, then each moved its field and the revision', async () => {
    await settled(
      await append(
        store,
        2,
        '2026-01-02T00:00:00.000Z',
        issued(2),
        { type: 'ApiKeyTierChanged', data: { keyId: keyId(2), tier: 'enterprise' } },
        { type: 'ApiKeyScopesChanged', data: { keyId: keyId(2), scopes: ['admin'] } },
        { type: 'ApiKeyRevoked', data: { keyId: keyId(2), reason: 'leaked' } },
      ),
    );
    const view = keys.findById(keyId(2));
    assert.equal(view?.tier, 'enterprise');
    assert.deepEqual(view?.scopes, ['admin']);
    assert.equal(view?.revokedAt, '2026-01-02T00:00:00.000Z');
    assert.equal(view?.revokeReason, 'leaked');
    assert.equal(view?.revision, 3);
    assert.equal(keys.findCredential(keyId(2))?.revoked, true);
  });

  it('given keys of two owners, when listed by owner, then only that owner’s keys come back, oldest first', async () => {
    const other = '111111111111111111';
    await append(store, 4, '2026-01-04T00:00:00.000Z', issued(4, { ownerId: other }));
    await settled(await append(store, 3, '2026-01-03T00:00:00.000Z', issued(3)));
    assert.deepEqual(
      keys.listByOwner(OWNER).map((k) => k.keyId),
      [keyId(1), keyId(2), keyId(3)],
    );
    assert.deepEqual(
      keys.listByOwner(other).map((k) => k.keyId),
      [keyId(4)],
    );
    assert.deepEqual(keys.listByOwner('5'), []);
    assert.equal(keys.listAll().length, 4);
    assert.equal(keys.listAll(2).length, 2);
    assert.ok(keys.listByOwner(OWNER).every((k) => !('secretHash' in k)));
  });

  it('given applied events, when they are applied again, then no row changes (idempotent by revision)', async () => {
    const before = keys.findById(keyId(2));
    const apply = apiKeysProjection.prepare(host.db, { api_keys: 'api_keys' });
    for (const event of await store.readStream(apiKeyStreamId(keyId(2)))) apply(event);
    // A replayed tier change must not undo the later scopes or revocation.
    apply((await store.readStream(apiKeyStreamId(keyId(2)), { maxCount: 2 }))[1]);
    assert.deepEqual(keys.findById(keyId(2)), before);
  });

  it('given guild events in the store, when the projection runs past them, then they are ignored', async () => {
    await appendGuild(store, guildId(1), registered(1));
    // A filtered subscription only reports matching positions, so settle on a key issued after it.
    await settled(await append(store, 5, '2026-01-05T00:00:00.000Z', issued(5)));
    assert.deepEqual(
      keys.listAll().map((k) => k.keyId),
      [1, 2, 3, 4, 5].map(keyId),
    );
  });

  it('given the projection rebuilt from position 0, then it matches the live one', async () => {
    const live = keys.listAll();
    await host.rebuild('apikeys');
    assert.deepEqual(keys.listAll(), live);
    assert.equal(keys.findCredential(keyId(1))?.secretHash, '1'.repeat(64));
  });

  it('given a read-model file the projection never ran on, when read, then every key is unknown', () => {
    const empty = new ApiKeysReadModel(openReadModelDb({ path: ':memory:' }));
    assert.equal(empty.findById(keyId(1)), null);
    assert.equal(empty.findCredential(keyId(1)), null);
    assert.deepEqual(empty.listByOwner(OWNER), []);
    assert.deepEqual(empty.listAll(), []);
  });
});
