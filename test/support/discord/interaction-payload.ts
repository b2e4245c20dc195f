import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType as OptionType,
  ApplicationCommandType,
  InteractionContextType,
  InteractionType,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption as OptionData,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
} from 'discord-api-types/v10';
import { findMember, memberPermissions, type StoredGuild } from './guild-spec';
import type { DiscordState } from './state';

export type OptionValue = string | number | boolean;

/** A slash command invocation, as a test describes it. */
export interface SlashCommandSpec {
  name: string;
  /** Id or username of the invoking member (or, without `guildId`, of the user in a DM). */
  user: string;
  guildId?: string;
  /** Defaults to the guild's first text channel, or the user's DM channel. */
  channelId?: string;
  subcommand?: string;
  group?: string;
  /** Option values by name. Their types come from the registered command, or from the JS value. */
  options?: Record<string, OptionValue>;
  locale?: string;
}

/** INTERACTION_CREATE for a chat-input command, as Discord sends it, with permissions and resolved data. */
export function slashCommandInteraction(state: DiscordState, spec: SlashCommandSpec) {
  const guild = spec.guildId ? state.guild(spec.guildId) : undefined;
  if (spec.guildId && !guild) throw new Error(`no guild ${spec.guildId}`);
  const user = guild
    ? findMember(guild, spec.user).user
    : [...state.users.values()].find((u) => u.id === spec.user || u.username === spec.user);
  if (!user) throw new Error(`no user ${spec.user}`);
  const channel = spec.channelId
    ? state.channel(spec.channelId)?.channel
    : guild
      ? [...guild.channels.values()].find((c) => c.type === 0)
      : state.dmChannel(user);
  if (!channel) throw new Error(`no channel for the command ${spec.name}`);
  const registered = registeredCommand(state, spec.name, guild?.id);
  const resolved: APIInteractionDataResolved = {};
  const definitions = optionDefinitions(registered?.options ?? [], spec);
  const leafOptions = Object.entries(spec.options ?? {}).map(([name, value]) =>
    option(name, value, definitions.find((d) => d.name === name)?.type, guild, state, resolved),
  );
  const options = wrap(leafOptions, spec);
  const member = guild ? interactionMember(guild, user.id) : undefined;
  const botPermissions = guild ? memberPermissions(guild, guild.members.get(state.bot.id)!).toString() : '0';
  const interaction: APIChatInputApplicationCommandInteraction = {
    id: state.ids.next(),
    application_id: state.application.id,
    type: InteractionType.ApplicationCommand,
    token: `fake-interaction-${randomBytes(24).toString('hex')}`,
    version: 1,
    data: {
      id: registered?.id ?? state.ids.next(),
      name: spec.name,
      type: ApplicationCommandType.ChatInput,
      ...(guild ? { guild_id: guild.id } : {}),
      ...(options.length ? { options } : {}),
      ...(Object.keys(resolved).length ? { resolved } : {}),
    },
    channel: channel as APIChatInputApplicationCommandInteraction['channel'],
    channel_id: channel.id,
    app_permissions: botPermissions,
    locale: (spec.locale ?? 'en-US') as APIChatInputApplicationCommandInteraction['locale'],
    entitlements: [],
    authorizing_integration_owners: { 0: guild?.id ?? '0' } as never,
    context: guild ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: 10 * 1024 * 1024,
    ...(guild
      ? {
          guild_id: guild.id,
          guild: { id: guild.id, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          member,
        }
      : { user }),
  } as APIChatInputApplicationCommandInteraction;
  return interaction;
}

function registeredCommand(
  state: DiscordState,
  name: string,
  guildId?: string,
): APIApplicationCommand | undefined {
  const scopes = [
    ...(guildId ? [state.commands.get(guildId) ?? []] : []),
    state.commands.get('global') ?? [],
  ];
  return scopes
    .flat()
    .find((command) => command.name === name && command.type === ApplicationCommandType.ChatInput);
}

function optionDefinitions(options: APIApplicationCommandOption[], spec: SlashCommandSpec) {
  let level = options;
  for (const name of [spec.group, spec.subcommand]) {
    const nested = name ? level.find((o) => o.name === name) : undefined;
    if (nested && 'options' in nested) level = (nested.options ?? []) as APIApplicationCommandOption[];
  }
  return level;
}

function wrap(options: OptionData[], spec: SlashCommandSpec): OptionData[] {
  let wrapped = options;
  if (spec.subcommand)
    wrapped = [{ type: OptionType.Subcommand, name: spec.subcommand, options: wrapped } as OptionData];
  if (spec.group)
    wrapped = [{ type: OptionType.SubcommandGroup, name: spec.group, options: wrapped } as OptionData];
  return wrapped;
}

function option(
  name: string,
  value: OptionValue,
  declared: OptionType | undefined,
  guild: StoredGuild | undefined,
  state: DiscordState,
  resolved: APIInteractionDataResolved,
): OptionData {
  const type = declared ?? inferType(value);
  const id = String(value);
  if (type === OptionType.User || type === OptionType.Mentionable) {
    const user = state.users.get(id);
    if (user) {
      (resolved.users ??= {})[id] = user;
      if (guild?.members.has(id)) {
        const { user: _user, ...member } = interactionMember(guild, id);
        (resolved.members ??= {})[id] = member;
      }
    }
  }
  if ((type === OptionType.Role || type === OptionType.Mentionable) && guild?.roles.has(id)) {
    (resolved.roles ??= {})[id] = guild.roles.get(id)!;
  }
  if (type === OptionType.Channel && guild?.channels.has(id)) {
    const channel = guild.channels.get(id)!;
    (resolved.channels ??= {})[id] = { ...channel, permissions: '0' } as never;
  }
  return { name, type, value } as OptionData;
}

function inferType(value: OptionValue): OptionType {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function interactionMember(guild: StoredGuild, userId: string): APIInteractionGuildMember {
  const member = findMember(guild, userId);
  return { ...member, permissions: memberPermissions(guild, member).toString() } as APIInteractionGuildMember;
}
