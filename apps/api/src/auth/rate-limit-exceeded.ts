import { HttpStatus } from '@nestjs/common';
import type { RateLimitDecision } from '#ratelimit';
import { ExactBodyException } from '../common/exact-body.exception';
import type { Dialect } from './dialect';

/** The 429 each dialect documents: Hexify's exact body, a `message` for Bots on Discord, ours elsewhere. */
export function rateLimitExceeded(dialect: Dialect, tightest: RateLimitDecision): ExactBodyException {
  const retryAfter = tightest.retryAfterSeconds;
  if (dialect === 'hexify') {
    return new ExactBodyException(
      {
        error: 'Rate limit exceeded',
        message: 'You have exceeded your hourly rate limit',
        retry_after: retryAfter,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
  const { limit, windowSeconds, name } = tightest.policy;
  const message = `Rate limit exceeded: ${limit} requests per ${windowSeconds} s (${name}); retry in ${retryAfter} s`;
  if (dialect === 'bod') return new ExactBodyException({ message }, HttpStatus.TOO_MANY_REQUESTS);
  return new ExactBodyException(
    { statusCode: 429, error: 'Too Many Requests', message, retry_after: retryAfter },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
