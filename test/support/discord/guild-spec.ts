import {
  ChannelType,
  PermissionFlagsBits,
  type APIChannel,
  type APIGuildMember,
  type APIRole,
  type APIUser,
  type PresenceUpdateReceiveStatus,
} from 'discord-api-types/v10';
import { apiChannel, apiMember, apiRole } from './payloads';

/** A presence status as plain text: `online`, `idle`, `dnd` or `offline`. */
export type PresenceStatus = `${PresenceUpdateReceiveStatus}`;

/** A member of a test guild. Roles and the voice channel may be given by id or by name. */
export interface MemberSpec {
  id?: string;
  username: string;
  bot?: boolean;
  nick?: string;
  roles?: string[];
  joinedAt?: string;
  status?: PresenceStatus;
  voiceChannel?: string;
}

export interface RoleSpec {
  id?: string;
  name: string;
  /** A bitfield of `PermissionFlagsBits`; none by default. */
  permissions?: bigint;
}

export interface ChannelSpec {
  id?: string;
  name: string;
  type?: 'text' | 'voice' | 'stage' | 'category';
}

/** What a test says about a guild; everything else gets Discord's defaults. */
export interface GuildSpec {
  id?: string;
  name: string;
  /** Id or username of the owning member; the first member by default. */
  owner?: string;
  members?: MemberSpec[];
  roles?: RoleSpec[];
  /** A `general` text channel when none are given. */
  channels?: ChannelSpec[];
  /** The guild's member_count when larger than the members listed (members not sent, as in large guilds). */
  memberCount?: number;
  features?: string[];
  /** Roles the bot's own member holds (by id or name). */
  botRoles?: string[];
  everyonePermissions?: bigint;
}

/** A guild as the fake holds it; the payload builders turn it into REST and gateway objects. */
export interface StoredGuild {
  id: string;
  name: string;
  ownerId: string;
  features: string[];
  joinedAt: string;
  roles: Map<string, APIRole>;
  channels: Map<string, APIChannel>;
  members: Map<string, APIGuildMember>;
  presences: Map<string, PresenceStatus>;
  voiceStates: Map<string, string>;
  unlistedMembers: number;
}

const DEFAULT_EVERYONE =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.UseApplicationCommands;

const CHANNEL_TYPES = {
  text: ChannelType.GuildText,
  voice: ChannelType.GuildVoice,
  stage: ChannelType.GuildStageVoice,
  category: ChannelType.GuildCategory,
} as const;

/** Turns a spec into a stored guild; `user` makes (or finds) the user behind each member. */
export function buildGuild(
  spec: GuildSpec,
  nextId: () => string,
  user: (member: MemberSpec) => APIUser,
  bot: APIUser,
): StoredGuild {
  const id = spec.id ?? nextId();
  const now = new Date().toISOString();
  const roles = new Map<string, APIRole>([
    [id, apiRole(id, '@everyone', spec.everyonePermissions ?? DEFAULT_EVERYONE, 0)],
  ]);
  (spec.roles ?? []).forEach((role, i) => {
    const roleId = role.id ?? nextId();
    roles.set(roleId, apiRole(roleId, role.name, role.permissions ?? 0n, i + 1));
  });
  const channels = new Map<string, APIChannel>();
  (spec.channels ?? [{ name: 'general' }]).forEach((channel, i) => {
    const channelId = channel.id ?? nextId();
    channels.set(
      channelId,
      apiChannel(channelId, id, channel.name, CHANNEL_TYPES[channel.type ?? 'text'], i),
    );
  });
  const roleIds = (refs: string[] = []) => refs.map((ref) => resolve(roles, ref, 'role'));
  const guild: StoredGuild = {
    id,
    name: spec.name,
    ownerId: '',
    features: spec.features ?? [],
    joinedAt: now,
    roles,
    channels,
    members: new Map(),
    presences: new Map(),
    voiceStates: new Map(),
    unlistedMembers: 0,
  };
  for (const member of spec.members ?? []) {
    const memberUser = user(member);
    guild.members.set(
      memberUser.id,
      apiMember(memberUser, roleIds(member.roles), member.joinedAt ?? now, member.nick),
    );
    if (member.status) guild.presences.set(memberUser.id, member.status);
    if (member.voiceChannel)
      guild.voiceStates.set(memberUser.id, resolve(channels, member.voiceChannel, 'channel'));
  }
  guild.members.set(bot.id, apiMember(bot, roleIds(spec.botRoles), now));
  const owner = spec.owner ?? spec.members?.[0]?.id ?? spec.members?.[0]?.username;
  guild.ownerId = owner ? findMember(guild, owner).user.id : bot.id;
  guild.unlistedMembers = Math.max(0, (spec.memberCount ?? 0) - guild.members.size);
  return guild;
}

export function memberCount(guild: StoredGuild): number {
  return guild.members.size + guild.unlistedMembers;
}

export function findMember(guild: StoredGuild, idOrUsername: string): APIGuildMember {
  const member =
    guild.members.get(idOrUsername) ??
    [...guild.members.values()].find((m) => m.user.username === idOrUsername);
  if (!member) throw new Error(`guild ${guild.name} has no member ${idOrUsername}`);
  return member;
}

/** Guild-level permissions as Discord computes them: owner and Administrator get everything. */
export function memberPermissions(guild: StoredGuild, member: APIGuildMember): bigint {
  if (member.user.id === guild.ownerId) return ALL_PERMISSIONS;
  let permissions = BigInt(guild.roles.get(guild.id)!.permissions);
  for (const roleId of member.roles) permissions |= BigInt(guild.roles.get(roleId)?.permissions ?? 0);
  return permissions & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : permissions;
}

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

function resolve<T extends { name?: string | null }>(
  items: Map<string, T>,
  ref: string,
  kind: string,
): string {
  if (items.has(ref)) return ref;
  const found = [...items.entries()].find(([, item]) => item.name === ref);
  if (!found) throw new Error(`no ${kind} named ${ref}`);
  return found[0];
}
