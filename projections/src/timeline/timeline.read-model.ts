import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { RecordedEvent } from '#eventstore';
import { attributeToGuild, type TimelineAttribution } from './timeline-attribution';

export interface TimelineQuery {
  /** Exclusive global position cursor. */
  readonly after: number;
  readonly types?: readonly string[];
  /** Inclusive bounds on the time the change was decided, in epoch milliseconds. */
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly includeUsage: boolean;
  readonly limit: number;
}

export interface TimelinePositions {
  /** The page's global positions, oldest first. */
  readonly positions: readonly number[];
  /** Pass back as `after` for the next page; null on the last page. */
  readonly nextCursor: number | null;
}

interface Statements {
  readonly withoutUsage: StatementSync;
  readonly withUsage: StatementSync;
  readonly boundGuild: StatementSync;
}

const FILTERS = `position > $after
  AND ($types IS NULL OR type IN (SELECT value FROM json_each($types)))
  AND ($from IS NULL OR at_ms >= $from) AND ($to IS NULL OR at_ms <= $to)
  ORDER BY position LIMIT $limit`;

/** Queries over the `timeline` index: positions only; the caller reads the events from the store. */
export class TimelineReadModel {
  private statements: Statements | undefined;

  constructor(private readonly db: DatabaseSync) {}

  page(guildId: string, query: TimelineQuery): TimelinePositions {
    const statements = this.prepared();
    if (!statements) return { positions: [], nextCursor: null };
    const statement = query.includeUsage ? statements.withUsage : statements.withoutUsage;
    const rows = statement.all({
      guild: guildId,
      after: query.after,
      types: query.types && query.types.length > 0 ? JSON.stringify(query.types) : null,
      from: query.fromMs ?? null,
      to: query.toMs ?? null,
      limit: query.limit + 1,
    }) as unknown as { position: number }[];
    const positions = rows.slice(0, query.limit).map((row) => row.position);
    return { positions, nextCursor: rows.length > query.limit ? positions[positions.length - 1] : null };
  }

  /**
   * The guild an event belongs to, by the projection's own rule; call it once the projection has
   * applied the event, so a key's binding is known.
   */
  attribute(event: RecordedEvent): TimelineAttribution | undefined {
    const statements = this.prepared();
    return attributeToGuild(
      event,
      (keyId) => (statements?.boundGuild.get(keyId) as { guild_id: string } | undefined)?.guild_id,
    );
  }

  // Prepared on first use: before the projection first ran in this data directory there is no table.
  private prepared(): Statements | undefined {
    if (this.statements) return this.statements;
    const exists = this.db
      .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'timeline_keys'")
      .get();
    if (!exists) return undefined;
    this.statements = {
      withoutUsage: this.db.prepare(`SELECT position FROM timeline
        WHERE guild_id = $guild AND usage = 0 AND ${FILTERS}`),
      withUsage: this.db.prepare(`SELECT position FROM timeline WHERE guild_id = $guild AND ${FILTERS}`),
      boundGuild: this.db.prepare('SELECT guild_id FROM timeline_keys WHERE key_id = ?'),
    };
    return this.statements;
  }
}
