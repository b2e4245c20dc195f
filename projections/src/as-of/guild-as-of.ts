import type { AutoModSettings } from '#domain';
import { evolveGuildRow, type GuildDraft } from '../guilds/guild-row';
import { guildsProjection } from '../guilds/guilds.projection';
import type { GuildView } from '../guilds/guilds.read-model';
import type { StreamFold } from './as-of';

/**
 * The `guilds` read model's own row fold (`evolveGuildRow`), over one guild stream. Everything a guild
 * view shows comes from that stream (counts included), so the as-of view is complete.
 */
export const guildAsOfFold: StreamFold<GuildDraft | null> = {
  name: guildsProjection.name,
  version: guildsProjection.version,
  initial: () => null,
  evolve: (row, event) => evolveGuildRow(row ?? undefined, event) ?? null,
};

/** The view the read model would answer for this row. */
export function guildViewOfDraft(row: GuildDraft): GuildView {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.ownerId,
    memberCount: row.memberCount,
    botCount: row.botCount,
    onlineCount: row.onlineCount,
    premium: row.premium === 1,
    features: JSON.parse(row.features) as string[],
    settings: {
      prefix: row.prefix,
      welcomeChannelId: row.welcomeChannelId,
      modLogChannelId: row.modLogChannelId,
      autoMod: row.autoMod as AutoModSettings,
      timeZone: row.timeZone,
    },
    removedAt: row.removedAt,
    revision: row.revision,
    updatedAt: row.updatedAt,
  };
}
