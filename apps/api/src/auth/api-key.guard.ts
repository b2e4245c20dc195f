import { ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ApiKeyAuthenticator, type ApiKeyPrincipal } from '#core';
import { GuildsReadModel } from '#projections';
import type { Principal, RequestWithPrincipal } from '../common/request-context';
import type { AccessRule } from './access.decorators';
import { keyFromAuthorization } from './api-key-header';
import type { Dialect } from './dialect';
import type { RoutePolicy } from './route-policy';

/**
 * The first half of the AccessGuard. Every route needs a valid key unless it is `@Public()`. 401 for a
 * missing, unknown or revoked key; 403 for a valid key without the right — except on Elixir, whose
 * document answers 401 for a key bound to another guild.
 */
@Injectable()
export class ApiKeyGuard {
  constructor(
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly guilds: GuildsReadModel,
  ) {}

  /** Leaves the caller's principal and the dialect on the request, or throws the dialect's 401/403/404. */
  authorize(request: RequestWithPrincipal, { dialect, rules }: RoutePolicy): void {
    request.dialect = dialect;
    const raw = keyFromAuthorization(dialect, request.headers.authorization);
    const key = raw ? this.authenticator.authenticateSync(raw) : null;
    if (key) request.principal = principalOf(key);
    if (rules.some((rule) => rule.kind === 'public')) return;
    if (!raw) throw new UnauthorizedException(missingKeyMessage(dialect));
    if (!key) throw new UnauthorizedException(INVALID_KEY_MESSAGE);
    const params = request.params as Record<string, string | undefined>;
    for (const rule of rules) this.enforce(rule, key, params, dialect);
  }

  private enforce(
    rule: AccessRule,
    key: ApiKeyPrincipal,
    params: Record<string, string | undefined>,
    dialect: Dialect,
  ) {
    const isAdmin = key.scopes.includes('admin');
    switch (rule.kind) {
      case 'public':
        return;
      case 'guild':
        if (key.guildId !== null && key.guildId !== params[rule.param]) {
          const message = `This API key is bound to another guild`;
          throw dialect === 'elixir' ? new UnauthorizedException(message) : new ForbiddenException(message);
        }
        return;
      case 'guild-manager':
        if (isAdmin || key.guildId === params[rule.param]) return;
        if (this.ownsGuild(key, params[rule.param], dialect !== 'elixir')) return;
        // Elixir's document knows only 401 for a key that is not associated with the guild.
        throw dialect === 'elixir'
          ? new UnauthorizedException('This API key is not associated with this guild')
          : new ForbiddenException(
              'This API key may not change this server: it needs its owner, a key bound to it, or admin',
            );
      case 'guild-owner':
        if (isAdmin || this.ownsGuild(key, params[rule.param])) return;
        throw new ForbiddenException('Only the server owner may do this');
      case 'scope':
        if (isAdmin || (key.scopes as readonly string[]).includes(rule.scope)) return;
        throw new ForbiddenException(`This API key lacks the ${rule.scope} scope`);
      case 'bot-owner':
        if (isAdmin || (key.scopes as readonly string[]).includes(`bot:${params[rule.param]}`)) return;
        throw new ForbiddenException("This API key is not the bot owner's");
    }
  }

  /**
   * Ownership comes from the guild read model; an unknown guild is a 404, not a 403 — except where
   * the dialect answers 401 for every key not associated with the guild (Elixir).
   */
  private ownsGuild(key: ApiKeyPrincipal, guildId: string | undefined, unknownIs404 = true): boolean {
    const guild = guildId ? this.guilds.get(guildId) : null;
    if (!guild && !unknownIs404) return false;
    if (!guild) throw new NotFoundException(`server ${guildId} not found`);
    return guild.ownerId === key.ownerId;
  }
}

// One principal object per verified key (the authenticator reuses its principals), not one per request.
const principals = new WeakMap<ApiKeyPrincipal, Principal>();
function principalOf(key: ApiKeyPrincipal): Principal {
  let principal = principals.get(key);
  if (!principal) principals.set(key, (principal = { actor: { kind: 'apikey', id: key.keyId }, key }));
  return principal;
}

export const INVALID_KEY_MESSAGE = 'Invalid or revoked API key';

export function missingKeyMessage(dialect: Dialect): string {
  return dialect === 'bod'
    ? 'Missing API key: send it as the Authorization header'
    : 'Missing API key: send Authorization: Bearer <key>';
}
