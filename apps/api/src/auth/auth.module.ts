import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyModule } from '#core';
import { ApiKeyGuard } from './api-key.guard';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimitModule } from './rate-limit.module';

/** Keys and rate limits on every route. */
@Module({
  imports: [ApiKeyModule, RateLimitModule],
  providers: [
    // Order matters: the key guard identifies the caller, then the limiter counts the request.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
export class AuthModule {}
