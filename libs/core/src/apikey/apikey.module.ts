import { Module } from '@nestjs/common';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ChangeApiKeyScopesHandler } from './change-api-key-scopes/change-api-key-scopes.handler';
import { ChangeApiKeyTierHandler } from './change-api-key-tier/change-api-key-tier.handler';
import { GetApiKeyHandler } from './get-api-key/get-api-key.handler';
import { IssueApiKeyHandler } from './issue-api-key/issue-api-key.handler';
import { ListApiKeysHandler } from './list-api-keys/list-api-keys.handler';
import { RevokeApiKeyHandler } from './revoke-api-key/revoke-api-key.handler';

/**
 * Command and query handlers of the API key context, and the authenticator guards inject.
 * Needs the global EventStoreModule, ProjectionsModule (for `ApiKeysReadModel`) and ConfigModule.
 */
@Module({
  providers: [
    IssueApiKeyHandler,
    RevokeApiKeyHandler,
    ChangeApiKeyTierHandler,
    ChangeApiKeyScopesHandler,
    ListApiKeysHandler,
    GetApiKeyHandler,
    ApiKeyAuthenticator,
  ],
  exports: [ApiKeyAuthenticator],
})
export class ApiKeyModule {}
