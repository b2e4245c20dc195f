import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordedEvent } from '#eventstore';
import type { ApiKeyView } from '#projections';
import { eventsTable } from './events.command';
import { keysTable } from './keys.command';

const key = (overrides: Partial<ApiKeyView>): ApiKeyView => ({
  keyId: '0123456789abcdef',
  ownerId: '210987654321098765',
  tier: 'free',
  scopes: [],
  guildId: null,
  label: null,
  issuedAt: '2026-01-01T00:00:00.000Z',
  revokedAt: null,
  revokeReason: null,
  revision: 0,
  ...overrides,
});

/** The cells of each row, without the box: what a reader of the table sees in each column. */
const cells = (text: string): string[][] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('│'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('│')
        .map((cell) => cell.trim()),
    );

describe('CLI tables', () => {
  it('given an active and a revoked key, then one row each under the header, columns aligned', () => {
    const text = keysTable([
      key({ scopes: ['admin', 'bot:42'], label: 'CI' }),
      key({
        keyId: 'fedcba9876543210',
        tier: 'premium',
        guildId: '766045633697021973',
        revokedAt: '2026-02-02T00:00:00.000Z',
      }),
    ]);
    assert.deepEqual(cells(text), [
      ['key id', 'owner', 'tier', 'guild', 'scopes', 'status', 'label'],
      ['0123456789abcdef', '210987654321098765', 'free', '-', 'admin bot:42', 'active', 'CI'],
      [
        'fedcba9876543210',
        '210987654321098765',
        'premium',
        '766045633697021973',
        '-',
        'revoked 2026-02-02T00:00:00.000Z',
        '',
      ],
    ]);
    const widths = new Set(text.split('\n').map((line) => line.length));
    assert.equal(widths.size, 1, 'every line of the box is as wide as the others');
    assert.doesNotMatch(text, /\u001b\[/, 'no colour codes');
  });

  it('given events, then revision, position, time, type with version, door, actor and data', () => {
    const event: RecordedEvent = {
      id: 'e1',
      type: 'SettingsChanged',
      schemaVersion: 2,
      data: { prefix: '!' },
      metadata: {
        correlationId: 'c',
        causationId: null,
        actor: { kind: 'apikey', id: '0123456789abcdef' },
        door: 'rest',
        occurredAt: '2026-01-01T00:00:00.000Z',
      },
      streamId: 'guild-1',
      revision: 3,
      position: 41,
      recordedAt: '2026-01-01T00:00:00.001Z',
    };
    assert.deepEqual(cells(eventsTable([event])), [
      ['rev', 'position', 'occurred at', 'type', 'door', 'actor', 'data'],
      [
        '3',
        '41',
        '2026-01-01T00:00:00.000Z',
        'SettingsChanged v2',
        'rest',
        'apikey:0123456789abcdef',
        '{"prefix":"!"}',
      ],
    ]);
  });
});
