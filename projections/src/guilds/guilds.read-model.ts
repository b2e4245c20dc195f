import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AutoModSettings } from '#domain';
import { VersionedCache, type ReadModelVersion } from '../runtime/versioned-cache';

/** A guild as the queries return it. */
export interface GuildView {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly memberCount: number;
  readonly botCount: number;
  readonly onlineCount: number;
  readonly premium: boolean;
  readonly features: string[];
  readonly settings: {
    readonly prefix: string;
    readonly welcomeChannelId: string | null;
    readonly modLogChannelId: string | null;
    readonly autoMod: AutoModSettings;
    readonly timeZone: string;
  };
  /** When the bot was removed from the guild (GUILD_DELETE); null while it is in it. The data stays as history. */
  readonly removedAt: string | null;
  /** Revision of the guild stream this view reflects; an ETag for HTTP. */
  readonly revision: number;
  readonly updatedAt: string;
}

interface GuildRow {
  id: string;
  name: string;
  owner_id: string;
  member_count: number;
  bot_count: number;
  online_count: number;
  premium: number;
  features: string;
  prefix: string;
  welcome_channel_id: string | null;
  mod_log_channel_id: string | null;
  auto_mod: string;
  time_zone: string;
  removed_at: string | null;
  revision: number;
  updated_at: string;
}

/** Queries over the `guilds` table of the read-model database. */
export class GuildsReadModel {
  private byId: StatementSync | undefined;
  private readonly cache: VersionedCache<string, GuildView | null>;

  /** `version` (the projection's checkpoint) lets hot reads skip SQLite until the table changes. */
  constructor(
    private readonly db: DatabaseSync,
    version: ReadModelVersion = () => undefined,
  ) {
    this.cache = new VersionedCache(version);
  }

  /** The guild, or null when unknown (also before the projection has ever run in this data directory). */
  get(guildId: string): GuildView | null {
    return this.cache.get(guildId, () => {
      const row = this.statement()?.get(guildId) as GuildRow | undefined;
      return row ? toView(row) : null;
    });
  }

  // Prepared on first use: a process that never starts the projection (the CLI on a fresh data
  // directory) has no table yet, and then every guild is simply unknown.
  private statement(): StatementSync | undefined {
    if (this.byId) return this.byId;
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'guilds'")
      .get();
    if (exists) this.byId = this.db.prepare('SELECT * FROM guilds WHERE id = ?');
    return this.byId;
  }
}

function toView(row: GuildRow): GuildView {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    memberCount: row.member_count,
    botCount: row.bot_count,
    onlineCount: row.online_count,
    premium: row.premium === 1,
    features: JSON.parse(row.features) as string[],
    settings: {
      prefix: row.prefix,
      welcomeChannelId: row.welcome_channel_id,
      modLogChannelId: row.mod_log_channel_id,
      autoMod: JSON.parse(row.auto_mod) as AutoModSettings,
      timeZone: row.time_zone,
    },
    removedAt: row.removed_at ?? null,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}
