import type { IssueApiKey } from './apikey.commands';
import type { ApiKeyEvent, ApiKeyIssued } from './apikey.events';

/** Test fixtures shared by the API key specs. */
export const KEY_ID = '0123456789abcdef';
export const OWNER_ID = '210987654321098765';
export const OTHER_USER_ID = '111111111111111111';
export const GUILD_ID = '123456789012345678';
export const SECRET_HASH = 'a'.repeat(64);

export const issue = (overrides: Partial<IssueApiKey> = {}): IssueApiKey => ({
  type: 'IssueApiKey',
  keyId: KEY_ID,
  ownerId: OWNER_ID,
  secretHash: SECRET_HASH,
  ...overrides,
});

export const issuedWith = (data: Partial<ApiKeyIssued['data']> = {}): ApiKeyEvent => ({
  type: 'ApiKeyIssued',
  data: {
    keyId: KEY_ID,
    ownerId: OWNER_ID,
    tier: 'free',
    scopes: [],
    guildId: null,
    secretHash: SECRET_HASH,
    label: null,
    ...data,
  },
});

export const issued: ApiKeyEvent = issuedWith();

export const revoked: ApiKeyEvent = { type: 'ApiKeyRevoked', data: { keyId: KEY_ID, reason: null } };
