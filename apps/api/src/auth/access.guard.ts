import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { RateLimitGuard } from './rate-limit.guard';

/**
 * The one global guard: identify the caller and check its rights, then count the request. One guard
 * rather than two saves Nest a promise per request on the hottest path.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeyGuard,
    private readonly limits: RateLimitGuard,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    // Global guards also run before the Discord door's Necord handlers in a process that opens both
    // doors; those are not HTTP requests and check Discord permissions themselves.
    if (context.getType() !== 'http') return true;
    this.keys.canActivate(context);
    return this.limits.canActivate(context);
  }
}
