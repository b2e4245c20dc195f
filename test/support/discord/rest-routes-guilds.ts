import { PermissionFlagsBits, type APIGuildMember } from 'discord-api-types/v10';
import { memberPermissions } from './guild-spec';
import { throwError } from './rest-routes-core';
import { DiscordError, invalidField, unknown, type Route, type RouteContext } from './rest-router';

/** Discord refuses timeouts more than 28 days ahead. */
const MAX_TIMEOUT_MS = 28 * 24 * 60 * 60 * 1000;

/** Guilds, their channels and roles, and members (fetch, list, edit incl. timeouts, role changes). */
export function guildRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/guilds/:guild',
      handle: (ctx) => ({ body: ctx.state.restGuild(guildOf(ctx)) }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild/channels',
      handle: (ctx) => ({ body: [...guildOf(ctx).channels.values()] }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild/roles',
      handle: (ctx) => ({ body: [...guildOf(ctx).roles.values()] }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild/members',
      handle: (ctx) => {
        const limit = Number(ctx.query.get('limit') ?? 1);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw invalidField('limit', 'NUMBER_TYPE_MAX', 'int value should be between 1 and 1000.');
        }
        const after = BigInt(ctx.query.get('after') ?? 0);
        const members = [...guildOf(ctx).members.values()]
          .filter((m) => BigInt(m.user.id) > after)
          .sort((a, b) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1));
        return { body: members.slice(0, limit) };
      },
    },
    { method: 'GET', pattern: '/guilds/:guild/members/:user', handle: (ctx) => ({ body: memberOf(ctx) }) },
    {
      method: 'PATCH',
      pattern: '/guilds/:guild/members/:user',
      handle: (ctx) => ({ body: editMember(ctx) }),
    },
    {
      method: 'PUT',
      pattern: '/guilds/:guild/members/:user/roles/:role',
      handle: (ctx) => changeRole(ctx, true),
    },
    {
      method: 'DELETE',
      pattern: '/guilds/:guild/members/:user/roles/:role',
      handle: (ctx) => changeRole(ctx, false),
    },
  ];
}

function guildOf(ctx: RouteContext) {
  return ctx.state.guild(ctx.params['guild']!) ?? throwError(unknown.guild());
}

function memberOf(ctx: RouteContext): APIGuildMember {
  return guildOf(ctx).members.get(ctx.params['user']!) ?? throwError(unknown.member());
}

function editMember(ctx: RouteContext): APIGuildMember {
  const guild = guildOf(ctx);
  const member = memberOf(ctx);
  const { nick, roles, mute, deaf, communication_disabled_until: until } = ctx.body;
  if (until !== undefined && until !== null) checkTimeout(ctx, until);
  if (roles !== undefined && (!Array.isArray(roles) || roles.some((id) => !guild.roles.has(String(id))))) {
    throw invalidField('roles', 'BASE_TYPE_BAD_TYPE', 'Unknown role.');
  }
  const edited: APIGuildMember = {
    ...member,
    ...(nick !== undefined ? { nick: nick as string | null } : {}),
    ...(roles !== undefined ? { roles: (roles as unknown[]).map(String) } : {}),
    ...(mute !== undefined ? { mute: Boolean(mute) } : {}),
    ...(deaf !== undefined ? { deaf: Boolean(deaf) } : {}),
    ...(until !== undefined ? { communication_disabled_until: until as string | null } : {}),
  };
  return saveMember(ctx, edited);
}

function checkTimeout(ctx: RouteContext, until: unknown): void {
  const at = typeof until === 'string' ? Date.parse(until) : NaN;
  if (Number.isNaN(at))
    throw invalidField('communication_disabled_until', 'DATE_TYPE_PARSE', 'Could not parse date.');
  if (at - Date.now() > MAX_TIMEOUT_MS) {
    throw invalidField(
      'communication_disabled_until',
      'BASE_TYPE_BAD_TIME',
      'Timeout may be at most 28 days.',
    );
  }
  // Discord will not time out the owner or an administrator.
  if (memberPermissions(guildOf(ctx), memberOf(ctx)) & PermissionFlagsBits.Administrator) {
    throw new DiscordError(403, 50013, 'Missing Permissions');
  }
}

function changeRole(ctx: RouteContext, add: boolean) {
  const guild = guildOf(ctx);
  const member = memberOf(ctx);
  const roleId = ctx.params['role']!;
  if (!guild.roles.has(roleId)) throw new DiscordError(404, 10011, 'Unknown Role');
  const roles = add ? [...new Set([...member.roles, roleId])] : member.roles.filter((id) => id !== roleId);
  saveMember(ctx, { ...member, roles });
  return {};
}

function saveMember(ctx: RouteContext, member: APIGuildMember): APIGuildMember {
  const guild = guildOf(ctx);
  guild.members.set(member.user.id, member);
  ctx.gateway.echo(guild.id, 'GUILD_MEMBER_UPDATE', { guild_id: guild.id, ...member });
  return member;
}
