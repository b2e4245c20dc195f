import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import type { RecordedEvent } from '#eventstore';
import { ApiKeysReadModel, apiKeysProjection } from '#projections';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { generateApiKey, keyDigests, verifyApiKey } from './api-key-secret';

/** A real `api_keys` table in memory, holding one issued key. */
function readModelWith(issued: { keyId: string; secretHash: string }): ApiKeysReadModel {
  const db = new DatabaseSync(':memory:');
  const tables = { api_keys: 'api_keys' };
  apiKeysProjection.migrate(db, tables);
  const event = {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'ApiKeyIssued',
    schemaVersion: 1,
    data: { ...issued, ownerId: '1', tier: 'free', scopes: [], guildId: null, label: null },
    metadata: { occurredAt: '2026-01-01T00:00:00.000Z' },
    streamId: `apikey-${issued.keyId}`,
    revision: 0,
    position: 0,
    recordedAt: '2026-01-01T00:00:00.000Z',
  } as unknown as RecordedEvent;
  apiKeysProjection.prepare(db, tables)(event);
  return new ApiKeysReadModel(db);
}

describe('key checks take the same steps for known and unknown key ids', () => {
  const known = generateApiKey();
  const authenticator = new ApiKeyAuthenticator(readModelWith(known), {
    dataDir: '/nonexistent',
    demoKeys: 'off',
  });

  /** The digest steps one authentication takes. */
  function stepsOf(rawKey: string): { hashes: number; comparisons: number; answer: unknown } {
    const sha = mock.method(keyDigests, 'sha256');
    const equal = mock.method(keyDigests, 'equal');
    try {
      const answer = authenticator.authenticateSync(rawKey);
      return { hashes: sha.mock.callCount(), comparisons: equal.mock.callCount(), answer };
    } finally {
      sha.mock.restore();
      equal.mock.restore();
    }
  }

  it('given a wrong secret for a known id and any key of an unknown id, when checked, then each hashes once and compares once', () => {
    const wrongSecret = `${known.key.slice(0, -1)}${known.key.endsWith('a') ? 'b' : 'a'}`;
    const unknownId = generateApiKey().key;
    const a = stepsOf(wrongSecret);
    const b = stepsOf(unknownId);
    assert.deepEqual(a, { hashes: 1, comparisons: 1, answer: null });
    assert.deepEqual(b, { hashes: 1, comparisons: 1, answer: null });
  });

  it('given the right key, when checked, then it is accepted after the same single hash and comparison', () => {
    const steps = stepsOf(known.key);
    assert.equal(steps.hashes, 1);
    assert.equal(steps.comparisons, 1);
    assert.equal((steps.answer as { keyId: string }).keyId, known.keyId);
  });

  it('given no stored hash, when a key is verified, then the answer is false whatever the key', () => {
    assert.equal(verifyApiKey(known.key, undefined), false);
    assert.equal(verifyApiKey('', undefined), false);
  });
});
