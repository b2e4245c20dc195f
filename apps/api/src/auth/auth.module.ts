import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyModule } from '#core';
import { AccessGuard } from './access.guard';
import { ApiKeyGuard } from './api-key.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitModule } from './rate-limit.module';

/** Keys and rate limits on every route. */
@Module({
  imports: [ApiKeyModule, RateLimitModule],
  providers: [ApiKeyGuard, RateLimitGuard, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
