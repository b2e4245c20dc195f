import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import type { IssueApiKey } from './apikey.commands';
import { apiKeyDecider } from './apikey.decider';
import { GUILD_ID, issue, issued, issuedWith, revoked } from './apikey.fixtures';

const spec = DeciderSpecification.for(apiKeyDecider);

describe('IssueApiKey', () => {
  it('given no history, when a key is issued with defaults, then ApiKeyIssued records a free, unscoped account key', () => {
    spec.given([]).when(issue()).then([issued]);
  });

  it('given no history, when a guild key is issued with tier, scopes and label, then all are recorded normalized', () => {
    spec
      .given([])
      .when(
        issue({
          tier: 'premium',
          scopes: ['bot:42', 'admin', 'bot:42', 'bot:7'],
          guildId: GUILD_ID,
          label: '  Elixir dashboard ',
        }),
      )
      .then([
        issuedWith({
          tier: 'premium',
          scopes: ['admin', 'bot:42', 'bot:7'],
          guildId: GUILD_ID,
          label: 'Elixir dashboard',
        }),
      ]);
  });

  it('given no history, when the command carries stray properties (a plaintext key), then only key fields are recorded', () => {
    const sloppy = { ...issue(), key: 'ghk_0123456789abcdef_secret' } as IssueApiKey;
    spec.given([]).when(sloppy).then([issued]);
  });

  it('given no history, when the label is blank, then no label is recorded', () => {
    spec
      .given([])
      .when(issue({ label: '   ' }))
      .then([issued]);
  });

  it('given no history, when the label is exactly 100 characters, then it is accepted', () => {
    const label = 'x'.repeat(100);
    spec
      .given([])
      .when(issue({ label }))
      .then([issuedWith({ label })]);
  });

  it('given an issued key, when a key is issued again under its id, then it is refused as a conflict', () => {
    spec.given([issued]).when(issue()).thenThrows('conflict', 'api_key_exists', 'keyId');
  });

  it('given a revoked key, when a key is issued again under its id, then it is refused as a conflict', () => {
    spec.given([issued, revoked]).when(issue()).thenThrows('conflict', 'api_key_exists');
  });

  const refusals: [string, Partial<IssueApiKey>, string, string][] = [
    ['a key id with capitals', { keyId: '0123456789ABCDEF' }, 'invalid_key_id', 'keyId'],
    ['a 15-character key id', { keyId: '0123456789abcde' }, 'invalid_key_id', 'keyId'],
    ['an owner id with letters', { ownerId: 'abc' }, 'invalid_owner_id', 'ownerId'],
    ['an owner id of 21 digits', { ownerId: '1'.repeat(21) }, 'invalid_owner_id', 'ownerId'],
    ['a guild id that is no snowflake', { guildId: 'guild-1' }, 'invalid_guild_id', 'guildId'],
    [
      'a plaintext key as secretHash',
      { secretHash: 'ghk_0123456789abcdef_x' },
      'invalid_secret_hash',
      'secretHash',
    ],
    ['an uppercase hash', { secretHash: 'A'.repeat(64) }, 'invalid_secret_hash', 'secretHash'],
    ['an unknown tier', { tier: 'gold' }, 'invalid_tier', 'tier'],
    ['an unknown scope', { scopes: ['owner'] }, 'invalid_scope', 'scopes'],
    ['a bot scope without a snowflake', { scopes: ['bot:abc'] }, 'invalid_scope', 'scopes'],
    ['scopes that are no list', { scopes: 'admin' as unknown as string[] }, 'invalid_scopes', 'scopes'],
    ['51 scopes', { scopes: Array.from({ length: 51 }, (_, i) => `bot:${i}`) }, 'too_many_scopes', 'scopes'],
    ['a 101-character label', { label: 'x'.repeat(101) }, 'invalid_label', 'label'],
    ['a label that is no text', { label: 42 as unknown as string }, 'invalid_label', 'label'],
  ];
  for (const [what, overrides, code, field] of refusals) {
    it(`given no history, when issued with ${what}, then it is refused as invalid (${code})`, () => {
      spec.given([]).when(issue(overrides)).thenThrows('invalid', code, field);
    });
  }
});
