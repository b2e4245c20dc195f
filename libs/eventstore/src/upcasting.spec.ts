import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UpcasterChain } from './upcasting';
import type { RecordedEvent } from './envelope';

const stored = (schemaVersion: number, data: unknown): RecordedEvent => ({
  id: 'e1',
  type: 'SettingsChanged',
  schemaVersion,
  data,
  metadata: {
    correlationId: 'c',
    causationId: null,
    actor: { kind: 'system', id: 'test' },
    door: 'system',
    occurredAt: '2026-01-01T00:00:00.000Z',
  },
  streamId: 'guild-1',
  revision: 0,
  position: 0,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('UpcasterChain', () => {
  const chain = new UpcasterChain([
    { eventType: 'SettingsChanged', fromVersion: 1, upcast: (d) => ({ ...(d as object), v2: true }) },
    { eventType: 'SettingsChanged', fromVersion: 2, upcast: (d) => ({ ...(d as object), v3: true }) },
  ]);

  it('given a v1 event, when read, then every step runs in order up to the newest version', () => {
    const event = chain.upcast(stored(1, { prefix: '!' }));
    assert.equal(event.schemaVersion, 3);
    assert.deepEqual(event.data, { prefix: '!', v2: true, v3: true });
  });

  it('given an event already at the newest version, when read, then it is returned untouched', () => {
    const original = stored(3, { prefix: '?' });
    assert.equal(chain.upcast(original), original);
  });

  it('refuses two upcasters for the same version', () => {
    assert.throws(() => chain.register({ eventType: 'SettingsChanged', fromVersion: 1, upcast: (d) => d }));
  });
});
