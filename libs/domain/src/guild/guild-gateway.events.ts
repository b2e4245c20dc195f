import type { DomainEvent } from '../shared/decider';

/** A role of the guild on Discord: its id and the name members see. */
export interface GuildRole {
  readonly id: string;
  readonly name: string;
}

/** What the Discord gateway says of a guild when it (re)announces it (GUILD_CREATE, GUILD_UPDATE). */
export interface GatewayGuildSnapshot {
  readonly name: string;
  readonly ownerId: string;
  readonly memberCount: number;
  /** Known only when the gateway listed every member; absent keeps the recorded count. */
  readonly botCount?: number;
  /** Members online now (from the presences); absent keeps the recorded count. */
  readonly onlineCount?: number;
  /** Discord's own guild features (`COMMUNITY`, `VERIFIED`…), not Guildhall's feature flags. */
  readonly discordFeatures: readonly string[];
  readonly roles: readonly GuildRole[];
}

/** The guild's roles on Discord changed: the whole list as it is now. */
export type GuildRolesChanged = DomainEvent<
  'GuildRolesChanged',
  { readonly guildId: string; readonly roles: readonly GuildRole[] }
>;
/** Discord's feature list of the guild changed: the whole list as it is now. */
export type GuildDiscordFeaturesChanged = DomainEvent<
  'GuildDiscordFeaturesChanged',
  { readonly guildId: string; readonly features: readonly string[] }
>;
/** The bot was removed from the guild (kicked, or the guild deleted); its data stays as history. */
export type BotRemovedFromGuild = DomainEvent<
  'BotRemovedFromGuild',
  { readonly guildId: string; readonly at: string }
>;
/** A sample of how many members were online, taken from the live presence count. */
export type OnlineCountSampled = DomainEvent<
  'OnlineCountSampled',
  { readonly guildId: string; readonly onlineCount: number; readonly at: string }
>;

export type GuildGatewayEvent =
  GuildRolesChanged | GuildDiscordFeaturesChanged | BotRemovedFromGuild | OnlineCountSampled;

/** Registers a guild the gateway announces, or records only what differs from what is known. */
export interface ReconcileGuild {
  readonly type: 'ReconcileGuild';
  readonly guildId: string;
  readonly snapshot: GatewayGuildSnapshot;
}

/** The gateway said the bot is no longer in the guild (GUILD_DELETE without `unavailable`). */
export interface RecordBotRemoval {
  readonly type: 'RecordBotRemoval';
  readonly guildId: string;
}

/** The live online count of a guild, as the presence sampler last saw it. */
export interface SampleOnlineCount {
  readonly type: 'SampleOnlineCount';
  readonly guildId: string;
  readonly onlineCount: number;
}

export type GuildGatewayCommand = ReconcileGuild | RecordBotRemoval | SampleOnlineCount;

/** What the guild decider keeps of the gateway's facts. */
export interface GuildGatewayFacts {
  readonly roles: readonly GuildRole[];
  readonly discordFeatures: readonly string[];
  /** When the bot was removed; null while it is in the guild. */
  readonly removedAt: string | null;
}

export const NO_GATEWAY_FACTS: GuildGatewayFacts = { roles: [], discordFeatures: [], removedAt: null };
