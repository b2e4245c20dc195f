import {
  DEFAULT_GUILD_SETTINGS,
  type BotRemovedFromGuild,
  type GuildRegistered,
  type GuildUpdated,
  type MembershipData,
  type OnlineCountSampled,
  type SettingsChanged,
} from '#domain';
import type { RecordedEvent } from '#eventstore';
import { mergePatch } from '../runtime/json-merge-patch';

/** One row of the `guilds` table as stored: JSON columns as text, `premium` as 0 or 1. */
export interface GuildRow {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly memberCount: number;
  readonly botCount: number;
  readonly onlineCount: number;
  readonly premium: number;
  readonly features: string;
  readonly prefix: string;
  readonly welcomeChannelId: string | null;
  readonly modLogChannelId: string | null;
  readonly autoMod: string;
  readonly timeZone: string;
  readonly removedAt: string | null;
  readonly revision: number;
  readonly updatedAt: string;
}

/** A row while a page's events are folded into it: `autoMod` parsed, so patches apply without re-parsing. */
export type GuildDraft = Omit<GuildRow, 'autoMod'> & { readonly autoMod: unknown };

export const DEFAULT_AUTO_MOD = JSON.stringify(DEFAULT_GUILD_SETTINGS.autoMod);
export const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
export const flag = (value: boolean | undefined): number | null =>
  value === undefined ? null : value ? 1 : 0;

/**
 * The row after one event, computed in memory as the projection's per-event SQL statements compute it
 * (the same `coalesce`, presence flags, merge patch and membership arithmetic), so a page can fold
 * several events of a guild and write the row once. Idempotent by stream revision: an event
 * at or below the row's revision returns the row unchanged; without a row only a registration counts.
 */
export function evolveGuildRow(row: GuildDraft | undefined, event: RecordedEvent): GuildDraft | undefined {
  if (row !== undefined && event.revision <= row.revision) return row;
  const moved = { revision: event.revision, updatedAt: event.metadata.occurredAt };
  if (event.type === 'GuildRegistered') {
    const d = (event as RecordedEvent<'GuildRegistered', GuildRegistered['data']>).data;
    const profile = {
      name: d.name,
      ownerId: d.ownerId,
      memberCount: d.memberCount,
      botCount: d.botCount,
      onlineCount: d.onlineCount,
      premium: d.premium ? 1 : 0,
      features: JSON.stringify(d.features),
      removedAt: null,
      ...moved,
    };
    if (row !== undefined) return { ...row, ...profile };
    const s = DEFAULT_GUILD_SETTINGS;
    return {
      id: d.guildId,
      ...profile,
      prefix: s.prefix,
      welcomeChannelId: null,
      modLogChannelId: null,
      autoMod: s.autoMod,
      timeZone: s.timeZone,
    };
  }
  if (row === undefined) return undefined;
  switch (event.type) {
    case 'GuildUpdated': {
      const c = (event as RecordedEvent<'GuildUpdated', GuildUpdated['data']>).data.changes;
      return {
        ...row,
        name: c.name ?? row.name,
        ownerId: c.ownerId ?? row.ownerId,
        memberCount: c.memberCount ?? row.memberCount,
        botCount: c.botCount ?? row.botCount,
        onlineCount: c.onlineCount ?? row.onlineCount,
        premium: flag(c.premium) ?? row.premium,
        features: json(c.features) ?? row.features,
        ...moved,
      };
    }
    case 'SettingsChanged': {
      const c = (event as RecordedEvent<'SettingsChanged', SettingsChanged['data']>).data.changes;
      return {
        ...row,
        prefix: c.prefix ?? row.prefix,
        welcomeChannelId:
          c.welcomeChannelId === undefined ? row.welcomeChannelId : (c.welcomeChannelId ?? null),
        modLogChannelId: c.modLogChannelId === undefined ? row.modLogChannelId : (c.modLogChannelId ?? null),
        autoMod: c.autoMod === undefined ? row.autoMod : mergePatch(row.autoMod, c.autoMod),
        timeZone: c.timeZone ?? row.timeZone,
        ...moved,
      };
    }
    case 'MemberJoined':
    case 'MemberLeft': {
      const step = event.type === 'MemberJoined' ? 1 : -1;
      const members = Math.max(0, row.memberCount + step);
      const bots = Math.max(0, row.botCount + ((event.data as MembershipData).bot ? step : 0));
      return {
        ...row,
        memberCount: members,
        botCount: Math.min(bots, members),
        onlineCount: Math.min(row.onlineCount, members),
        ...moved,
      };
    }
    case 'OnlineCountSampled': {
      const d = (event as RecordedEvent<'OnlineCountSampled', OnlineCountSampled['data']>).data;
      return { ...row, onlineCount: d.onlineCount, ...moved };
    }
    case 'BotRemovedFromGuild': {
      const d = (event as RecordedEvent<'BotRemovedFromGuild', BotRemovedFromGuild['data']>).data;
      return { ...row, removedAt: d.at, ...moved };
    }
    case 'GuildRolesChanged':
    case 'GuildDiscordFeaturesChanged':
      return { ...row, ...moved };
    default:
      return row;
  }
}
