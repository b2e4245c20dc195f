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

export type GuildCommand = RegisterGuild | UpdateGuild | ChangeSettings;
