import { ApplicationCommandType, type APIApplicationCommand } from 'discord-api-types/v10';
import { DiscordError, invalidField, unknown, type Route, type RouteContext } from './rest-router';

export interface GatewayInfo {
  url: () => string;
  recommendedShards: number;
  maxConcurrency: number;
  sessionStartTotal: number;
}

/** Gateway discovery, the bot's own user and application, and application command registration. */
export function coreRoutes(gateway: GatewayInfo): Route[] {
  return [
    { method: 'GET', pattern: '/gateway', auth: 'none', handle: () => ({ body: { url: gateway.url() } }) },
    {
      method: 'GET',
      pattern: '/gateway/bot',
      handle: (ctx) => ({
        body: {
          url: gateway.url(),
          shards: gateway.recommendedShards,
          session_start_limit: {
            total: gateway.sessionStartTotal,
            remaining: Math.max(0, gateway.sessionStartTotal - ctx.gateway.identifiesUsed),
            reset_after: 86_400_000,
            max_concurrency: gateway.maxConcurrency,
          },
        },
      }),
    },
    { method: 'GET', pattern: '/users/@me', handle: (ctx) => ({ body: ctx.state.bot }) },
    {
      method: 'GET',
      pattern: '/users/:user',
      handle: (ctx) => ({ body: ctx.state.users.get(ctx.params['user']!) ?? throwError(unknown.user()) }),
    },
    { method: 'GET', pattern: '/applications/@me', handle: (ctx) => ({ body: application(ctx) }) },
    ...commandRoutes('/applications/:app/commands'),
    ...commandRoutes('/applications/:app/guilds/:guild/commands'),
  ];
}

function application({ state }: RouteContext) {
  return {
    ...state.application,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    owner: state.bot,
    team: null,
    bot: state.bot,
    approximate_guild_count: state.guilds.size,
  };
}

function commandRoutes(base: string): Route[] {
  return [
    { method: 'GET', pattern: base, handle: (ctx) => ({ body: scope(ctx).commands }) },
    {
      method: 'PUT',
      pattern: base,
      handle: (ctx) => {
        const { key } = scope(ctx);
        if (!Array.isArray(ctx.body)) throw invalidField('_root', 'ARRAY_TYPE_CONVERT', 'Must be an array.');
        const commands = (ctx.body as Record<string, unknown>[]).map((body, i) => command(ctx, body, i));
        ctx.state.commands.set(key, commands);
        return { body: commands };
      },
    },
    {
      method: 'POST',
      pattern: base,
      handle: (ctx) => {
        const { key, commands } = scope(ctx);
        const created = command(ctx, ctx.body, 0);
        ctx.state.commands.set(key, [...commands.filter((c) => c.name !== created.name), created]);
        return { status: 201, body: created };
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:command`,
      handle: (ctx) => {
        const { key, commands } = scope(ctx);
        if (!commands.some((c) => c.id === ctx.params['command'])) throw unknown.command();
        ctx.state.commands.set(
          key,
          commands.filter((c) => c.id !== ctx.params['command']),
        );
        return {};
      },
    },
  ];
}

function scope(ctx: RouteContext) {
  if (ctx.params['app'] !== ctx.state.application.id) throw new DiscordError(403, 50001, 'Missing Access');
  const guildId = ctx.params['guild'];
  if (guildId && !ctx.state.guilds.has(guildId)) throw unknown.guild();
  const key = guildId ?? 'global';
  return { key, commands: ctx.state.commands.get(key) ?? [] };
}

const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

function command(ctx: RouteContext, body: Record<string, unknown>, index: number): APIApplicationCommand {
  const type = (body['type'] as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
  const name = body['name'];
  if (typeof name !== 'string' || !COMMAND_NAME.test(name)) {
    throw invalidField(`${index}.name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  if (type === ApplicationCommandType.ChatInput && typeof body['description'] !== 'string') {
    throw invalidField(`${index}.description`, 'BASE_TYPE_REQUIRED', 'This field is required');
  }
  const existing = scope(ctx).commands.find((c) => c.name === name && c.type === type);
  return {
    ...(body as object),
    id: existing?.id ?? ctx.state.ids.next(),
    application_id: ctx.state.application.id,
    ...(ctx.params['guild'] ? { guild_id: ctx.params['guild'] } : {}),
    name,
    description: (body['description'] as string | undefined) ?? '',
    type,
    version: ctx.state.ids.next(),
    default_member_permissions: (body['default_member_permissions'] as string | null | undefined) ?? null,
  } as APIApplicationCommand;
}

export function throwError(error: DiscordError): never {
  throw error;
}
