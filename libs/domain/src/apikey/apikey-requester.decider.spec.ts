import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeciderSpecification } from '../testing/decider-spec';
import type { ApiKeyRequester } from './apikey.commands';
import { apiKeyDecider } from './apikey.decider';
import { GUILD_ID, KEY_ID, OTHER_USER_ID, OWNER_ID, issued, revoked } from './apikey.fixtures';
import { assertMayManageKeys } from './apikey.rules';

const spec = DeciderSpecification.for(apiKeyDecider);
const boundKey: ApiKeyRequester = { ownerId: OWNER_ID, scopes: [], guildId: GUILD_ID };
const boundAdmin: ApiKeyRequester = { ownerId: OWNER_ID, scopes: ['admin'], guildId: GUILD_ID };
const accountAdmin: ApiKeyRequester = { ownerId: OTHER_USER_ID, scopes: ['admin'], guildId: null };

describe('managing keys with a guild-bound key', () => {
  it("given the owner's account key, when a key bound to one of the owner's guilds revokes it, then it is refused as forbidden", () => {
    spec
      .given([issued])
      .when({ type: 'RevokeApiKey', keyId: KEY_ID, requestedBy: boundKey })
      .thenThrows('forbidden', 'guild_bound_key');
  });

  it('given no key at all, when a bound key revokes that id, then it is refused the same way (existence is not revealed)', () => {
    spec
      .given([])
      .when({ type: 'RevokeApiKey', keyId: KEY_ID, requestedBy: boundKey })
      .thenThrows('forbidden', 'guild_bound_key');
  });

  it('given a bound key with the admin scope, when it revokes, then the binding still wins: forbidden', () => {
    spec
      .given([issued])
      .when({ type: 'RevokeApiKey', keyId: KEY_ID, requestedBy: boundAdmin })
      .thenThrows('forbidden', 'guild_bound_key');
  });

  it('given an active key, when its owner revokes it with an unbound key, then it is revoked', () => {
    spec
      .given([issued])
      .when({ type: 'RevokeApiKey', keyId: KEY_ID, requestedBy: { ...boundKey, guildId: null } })
      .then([revoked]);
  });

  it('given an active key, when a bound key changes its tier or scopes, then both are refused as forbidden', () => {
    spec
      .given([issued])
      .when({ type: 'ChangeApiKeyTier', keyId: KEY_ID, tier: 'premium', requestedBy: boundAdmin })
      .thenThrows('forbidden', 'guild_bound_key');
    spec
      .given([issued])
      .when({ type: 'ChangeApiKeyScopes', keyId: KEY_ID, scopes: ['admin'], requestedBy: boundAdmin })
      .thenThrows('forbidden', 'guild_bound_key');
  });

  it('given an active key, when an unbound non-admin asks to change its tier, then it is refused; an unbound admin may', () => {
    spec
      .given([issued])
      .when({ type: 'ChangeApiKeyTier', keyId: KEY_ID, tier: 'premium', requestedBy: { ownerId: OWNER_ID } })
      .thenThrows('forbidden', 'admin_required');
    spec
      .given([issued])
      .when({ type: 'ChangeApiKeyTier', keyId: KEY_ID, tier: 'premium', requestedBy: accountAdmin })
      .then([{ type: 'ApiKeyTierChanged', data: { keyId: KEY_ID, tier: 'premium' } }]);
  });

  it('given the listing rule, when asked by a bound key, an account key or a trusted door, then only the bound key is refused', () => {
    assert.throws(() => assertMayManageKeys(boundKey), { code: 'guild_bound_key' });
    assert.doesNotThrow(() => assertMayManageKeys({ ownerId: OWNER_ID, guildId: null }));
    assert.doesNotThrow(() => assertMayManageKeys(undefined));
  });
});
