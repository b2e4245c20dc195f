import { Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { RateLimiter, createRateLimiter } from '#ratelimit';

/** Counters in memory by default; in Redis when REDIS_URL is set, so every replica shares one limit. */
@Module({
  providers: [
    {
      provide: RateLimiter,
      inject: [GUILDHALL_CONFIG],
      useFactory: (config: GuildhallConfig) => {
        const logger = new Logger('RateLimiter');
        logger.log(config.redisUrl ? 'Rate-limit counters in Redis' : 'Rate-limit counters in memory');
        // Fails open: a Redis outage must not take the API down; it is logged instead.
        return createRateLimiter({
          redisUrl: config.redisUrl,
          onError: (error: unknown) =>
            logger.warn(`Redis unavailable, requests pass unlimited: ${String(error)}`),
        });
      },
    },
  ],
  exports: [RateLimiter],
})
export class RateLimitModule implements OnApplicationShutdown {
  constructor(@Inject(RateLimiter) private readonly limiter: RateLimiter) {}

  async onApplicationShutdown(): Promise<void> {
    await this.limiter.close();
  }
}
