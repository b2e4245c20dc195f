import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** Queries over the `guild_bots` table: which bots are installed in a guild. */
export class GuildBotsReadModel {
  private installedStatement: StatementSync | undefined;

  constructor(private readonly db: DatabaseSync) {}

  /** Of the given bot ids, those installed in the guild now (none before the projection ever ran). */
  installedOf(guildId: string, botIds: readonly string[]): string[] {
    if (botIds.length === 0) return [];
    const statement = this.statement();
    if (!statement) return [];
    return botIds.filter((botId) => statement.get(guildId, botId) !== undefined);
  }

  private statement(): StatementSync | undefined {
    if (this.installedStatement) return this.installedStatement;
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'guild_bots'")
      .get();
    if (exists) {
      this.installedStatement = this.db.prepare(
        'SELECT 1 FROM guild_bots WHERE guild_id = ? AND bot_id = ? AND installed = 1',
      );
    }
    return this.installedStatement;
  }
}
