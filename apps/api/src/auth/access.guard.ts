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
    // Global guards also run for the Discord door's handlers (Necord): keys and limits are HTTP's.
    if (context.getType() !== 'http') return true;
    this.keys.canActivate(context);
    return this.limits.canActivate(context);
  }
}
