import type { GuildGatewayCommand } from './guild-gateway.events';
import type { GuildProfile, SettingsChanges } from './guild.events';

/** Registers a guild, or brings a registered one up to date (the bot sees a guild again after a restart). */
export interface RegisterGuild {
  readonly type: 'RegisterGuild';
  readonly guildId: string;
  readonly profile: GuildProfile;
}

export interface UpdateGuild {
  readonly type: 'UpdateGuild';
  readonly guildId: string;
  readonly changes: Partial<GuildProfile>;
}

export interface ChangeSettings {
  readonly type: 'ChangeSettings';
  readonly guildId: string;
  readonly changes: SettingsChanges;
}

/** A member joined (`joined: true`) or left the guild; `at` defaults to the decision time. */
export interface RecordMembership {
  readonly type: 'RecordMembership';
  readonly guildId: string;
  readonly userId: string;
  readonly bot: boolean;
  readonly joined: boolean;
  readonly at?: string;
}

export type GuildCommand =
  RegisterGuild | UpdateGuild | ChangeSettings | RecordMembership | GuildGatewayCommand;
