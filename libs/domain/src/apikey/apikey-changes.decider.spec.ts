import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import type { ApiKeyRequester } from './apikey.commands';
import { apiKeyDecider } from './apikey.decider';
import type { ApiKeyEvent } from './apikey.events';
import { KEY_ID, OTHER_USER_ID, OWNER_ID, issued, issuedWith, revoked } from './apikey.fixtures';

const spec = DeciderSpecification.for(apiKeyDecider);
const revoke = (requestedBy?: ApiKeyRequester, reason?: string | null) => ({
  type: 'RevokeApiKey' as const,
  keyId: KEY_ID,
  reason,
  requestedBy,
});
const changeTier = (tier: string) => ({ type: 'ChangeApiKeyTier' as const, keyId: KEY_ID, tier });
const changeScopes = (scopes: string[]) => ({ type: 'ChangeApiKeyScopes' as const, keyId: KEY_ID, scopes });
const tierChanged = (tier: 'free' | 'premium' | 'enterprise'): ApiKeyEvent => ({
  type: 'ApiKeyTierChanged',
  data: { keyId: KEY_ID, tier },
});

describe('RevokeApiKey', () => {
  it('given no history, when revoked, then it is refused as not found', () => {
    spec.given([]).when(revoke()).thenThrows('not_found', 'api_key_not_found');
  });

  it('given an active key, when a trusted door revokes it with a reason, then ApiKeyRevoked carries the reason', () => {
    spec
      .given([issued])
      .when(revoke(undefined, ' leaked in a gist '))
      .then([{ type: 'ApiKeyRevoked', data: { keyId: KEY_ID, reason: 'leaked in a gist' } }]);
  });

  it('given an active key, when its owner revokes it, then it is revoked', () => {
    spec
      .given([issued])
      .when(revoke({ ownerId: OWNER_ID }))
      .then([revoked]);
  });

  it('given an active key, when an admin who does not own it revokes it, then it is revoked', () => {
    spec
      .given([issued])
      .when(revoke({ ownerId: OTHER_USER_ID, scopes: ['bot:1', 'admin'] }))
      .then([revoked]);
  });

  it('given an active key, when another user revokes it, then it is refused as forbidden and nothing is recorded', () => {
    spec
      .given([issued])
      .when(revoke({ ownerId: OTHER_USER_ID, scopes: ['bot:1'] }))
      .thenThrows('forbidden', 'not_key_owner');
  });

  it('given a revoked key, when another user revokes it, then it is still refused as forbidden', () => {
    spec
      .given([issued, revoked])
      .when(revoke({ ownerId: OTHER_USER_ID }))
      .thenThrows('forbidden', 'not_key_owner');
  });

  it('given a revoked key, when revoked again, then nothing happens (idempotent)', () => {
    spec
      .given([issued, revoked])
      .when(revoke({ ownerId: OWNER_ID }, 'again'))
      .thenNothing();
  });

  it('given an active key, when the reason is over 200 characters, then it is refused as invalid', () => {
    spec
      .given([issued])
      .when(revoke(undefined, 'x'.repeat(201)))
      .thenThrows('invalid', 'invalid_reason', 'reason');
  });
});

describe('ChangeApiKeyTier', () => {
  it('given no history, when the tier changes, then it is refused as not found', () => {
    spec.given([]).when(changeTier('premium')).thenThrows('not_found', 'api_key_not_found');
  });

  it('given a free key, when it becomes enterprise, then ApiKeyTierChanged records it', () => {
    spec
      .given([issued])
      .when(changeTier('enterprise'))
      .then([tierChanged('enterprise')]);
  });

  it('given a premium key, when premium is set again, then nothing happens', () => {
    spec
      .given([issued, tierChanged('premium')])
      .when(changeTier('premium'))
      .thenNothing();
  });

  it('given a revoked key, when the tier changes, then it is refused as a conflict', () => {
    spec.given([issued, revoked]).when(changeTier('premium')).thenThrows('conflict', 'api_key_revoked');
  });

  it('given an active key, when the tier is unknown, then it is refused as invalid', () => {
    spec.given([issued]).when(changeTier('platinum')).thenThrows('invalid', 'invalid_tier', 'tier');
  });
});

describe('ChangeApiKeyScopes', () => {
  it('given no history, when the scopes change, then it is refused as not found', () => {
    spec
      .given([])
      .when(changeScopes(['admin']))
      .thenThrows('not_found', 'api_key_not_found');
  });

  it('given an unscoped key, when scopes are set, then ApiKeyScopesChanged carries the normalized list', () => {
    spec
      .given([issued])
      .when(changeScopes(['bot:9', 'admin', 'bot:9']))
      .then([{ type: 'ApiKeyScopesChanged', data: { keyId: KEY_ID, scopes: ['admin', 'bot:9'] } }]);
  });

  it('given a scoped key, when the same scopes come reordered, then nothing happens', () => {
    spec
      .given([issuedWith({ scopes: ['admin', 'bot:9'] })])
      .when(changeScopes(['bot:9', 'admin']))
      .thenNothing();
  });

  it('given a scoped key, when the scopes are emptied, then the empty list is recorded', () => {
    spec
      .given([issuedWith({ scopes: ['admin'] })])
      .when(changeScopes([]))
      .then([{ type: 'ApiKeyScopesChanged', data: { keyId: KEY_ID, scopes: [] } }]);
  });

  it('given a revoked key, when the scopes change, then it is refused as a conflict', () => {
    spec
      .given([issued, revoked])
      .when(changeScopes(['admin']))
      .thenThrows('conflict', 'api_key_revoked');
  });

  it('given an active key, when a scope breaks the grammar, then it is refused as invalid', () => {
    spec
      .given([issued])
      .when(changeScopes(['bot:']))
      .thenThrows('invalid', 'invalid_scope', 'scopes');
  });

  it('given history with an event type this reader does not know, when scopes change, then it is ignored', () => {
    const future = { type: 'ApiKeyRenamed', data: { keyId: KEY_ID } } as unknown as ApiKeyEvent;
    spec
      .given([issued, future])
      .when(changeScopes(['admin']))
      .then([{ type: 'ApiKeyScopesChanged', data: { keyId: KEY_ID, scopes: ['admin'] } }]);
  });
});
