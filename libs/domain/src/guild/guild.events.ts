import type { DomainEvent } from '../shared/decider';
import type { GuildGatewayEvent } from './guild-gateway.events';

export interface AutoModSettings {
  readonly enabled: boolean;
  readonly spamProtection: boolean;
  readonly wordFilter: readonly string[];
}

export interface GuildSettings {
  readonly prefix: string;
  readonly welcomeChannelId: string | null;
  readonly modLogChannelId: string | null;
  readonly autoMod: AutoModSettings;
  /** IANA time zone in which analytics count "today" and day buckets. */
  readonly timeZone: string;
}

export interface GuildProfile {
  readonly name: string;
  readonly ownerId: string;
  readonly memberCount: number;
  readonly botCount: number;
  readonly onlineCount: number;
  readonly premium: boolean;
  readonly features: readonly string[];
}

/** A partial settings change; `autoMod` fields change one by one. */
export interface SettingsChanges {
  readonly prefix?: string;
  readonly welcomeChannelId?: string | null;
  readonly modLogChannelId?: string | null;
  readonly autoMod?: Partial<AutoModSettings>;
  readonly timeZone?: string;
}

export type GuildRegistered = DomainEvent<'GuildRegistered', { readonly guildId: string } & GuildProfile>;
/** Only the fields that changed. */
export type GuildUpdated = DomainEvent<
  'GuildUpdated',
  { readonly guildId: string; readonly changes: Partial<GuildProfile> }
>;
/** Only the settings that changed, with their new values. */
export type SettingsChanged = DomainEvent<
  'SettingsChanged',
  { readonly guildId: string; readonly changes: SettingsChanges }
>;

/** A member joined or left: counted by the guild (member count) and by analytics (growth). */
export interface MembershipData {
  readonly guildId: string;
  readonly userId: string;
  readonly bot: boolean;
  /** ISO 8601 time the member joined or left. */
  readonly at: string;
}
export type MemberJoined = DomainEvent<'MemberJoined', MembershipData>;
export type MemberLeft = DomainEvent<'MemberLeft', MembershipData>;

export type GuildEvent =
  GuildRegistered | GuildUpdated | SettingsChanged | MemberJoined | MemberLeft | GuildGatewayEvent;

export const GUILD_EVENT_TYPES = [
  'GuildRegistered',
  'GuildUpdated',
  'SettingsChanged',
  'MemberJoined',
  'MemberLeft',
  'GuildRolesChanged',
  'GuildDiscordFeaturesChanged',
  'BotRemovedFromGuild',
  'OnlineCountSampled',
] as const satisfies readonly GuildEvent['type'][];

export const DEFAULT_GUILD_SETTINGS: GuildSettings = {
  prefix: 'h!',
  welcomeChannelId: null,
  modLogChannelId: null,
  autoMod: { enabled: false, spamProtection: false, wordFilter: [] },
  timeZone: 'UTC',
};

export const guildStreamId = (guildId: string): string => `guild-${guildId}`;
