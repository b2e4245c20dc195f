import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { RequestWithPrincipal } from './request-context';

/**
 * The seam where API keys plug in. Until keys exist every request is let through as an anonymous
 * REST actor, so events still record who (nobody in particular) and which door.
 */
@Injectable()
export class PrincipalGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    request.principal ??= { actor: { kind: 'system', id: 'anonymous' } };
    return true;
  }
}
