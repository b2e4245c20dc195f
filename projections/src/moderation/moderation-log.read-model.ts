import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { ModerationEvent, TimeoutReason } from '#domain';

/** One auto-moderation action as the log shows it. */
export interface ModerationEntryView {
  readonly id: string;
  /** Global position: orders the log and is its paging cursor. */
  readonly position: number;
  readonly type: ModerationEvent['type'];
  readonly userId: string;
  readonly channelId: string;
  /** The message removed (MessageFiltered). */
  readonly messageId: string | null;
  /** The listed term that matched (MessageFiltered); never the message's text, which is not kept. */
  readonly term: string | null;
  /** The timeout (MemberTimedOut). */
  readonly timeout: {
    readonly reason: TimeoutReason;
    readonly until: string;
    readonly durationSeconds: number;
    readonly messages: number;
    readonly windowSeconds: number;
  } | null;
  readonly at: string;
}

export interface ModerationLogPage {
  readonly entries: readonly ModerationEntryView[];
  /** Pass back as `after` for the next page; null on the last page. */
  readonly nextCursor: number | null;
}

interface Row {
  position: number;
  event_id: string;
  type: ModerationEvent['type'];
  user_id: string;
  channel_id: string;
  message_id: string | null;
  term: string | null;
  reason: TimeoutReason | null;
  until: string | null;
  duration_seconds: number | null;
  messages: number | null;
  window_seconds: number | null;
  at: string;
}

/** Queries over the `moderation_log` table. */
export class ModerationLogReadModel {
  private page: StatementSync | undefined;

  constructor(private readonly db: DatabaseSync) {}

  /** A guild's actions after position `after` (exclusive), oldest first; one index range scan. */
  list(guildId: string, after: number, limit: number): ModerationLogPage {
    const statement = this.statement();
    if (!statement) return { entries: [], nextCursor: null };
    const rows = statement.all(guildId, after, limit + 1) as unknown as Row[];
    const entries = rows.slice(0, limit).map(toView);
    return {
      entries,
      nextCursor: rows.length > limit ? entries[entries.length - 1].position : null,
    };
  }

  // Prepared on first use: before the projection first ran in this data directory there is no table.
  private statement(): StatementSync | undefined {
    if (this.page) return this.page;
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'moderation_log'")
      .get();
    if (exists) {
      this.page = this.db.prepare(
        'SELECT * FROM moderation_log WHERE guild_id = ? AND position > ? ORDER BY position LIMIT ?',
      );
    }
    return this.page;
  }
}

function toView(row: Row): ModerationEntryView {
  return {
    id: row.event_id,
    position: row.position,
    type: row.type,
    userId: row.user_id,
    channelId: row.channel_id,
    messageId: row.message_id,
    term: row.term,
    timeout:
      row.type === 'MemberTimedOut'
        ? {
            reason: row.reason!,
            until: row.until!,
            durationSeconds: row.duration_seconds!,
            messages: row.messages!,
            windowSeconds: row.window_seconds!,
          }
        : null,
    at: row.at,
  };
}
