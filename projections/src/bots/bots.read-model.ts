import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { BotCommandList } from '#domain';

/** A bot as queries return it. Health figures are null until the bot's first status sample. */
export interface BotView {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly prefix: string | null;
  readonly tags: string[];
  readonly shortDescription: string;
  readonly inviteUrl: string | null;
  readonly approved: boolean;
  readonly approvedAt: string | null;
  /** Null until the bot first reports one. */
  readonly guildCount: number | null;
  readonly guildCountUpdatedAt: string | null;
  readonly commandCount: number;
  /** Mean gateway latency over every online sample with a measurement, in ms, one decimal. */
  readonly avgLatencyMs: number | null;
  /** Share of samples in which the bot was online, in percent with two decimals. */
  readonly uptime: number | null;
  /** Share of samples in which the bot answered a command, in percent with two decimals. */
  readonly commandUptime: number | null;
  readonly samples: number;
  readonly lastSampledAt: string | null;
  readonly reviewCount: number;
  /** Mean rating, two decimals; null without reviews. */
  readonly averageRating: number | null;
  readonly registeredAt: string;
  /** Revision of the bot stream this view reflects. */
  readonly revision: number;
  readonly updatedAt: string;
}

export interface BotReviewView {
  readonly botId: string;
  readonly userId: string;
  readonly rating: number;
  readonly text: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface BotRow {
  id: string;
  name: string;
  owner_id: string;
  prefix: string | null;
  tags: string;
  short_description: string;
  invite_url: string | null;
  approved_at: string | null;
  guild_count: number | null;
  guild_count_at: string | null;
  command_count: number;
  samples: number;
  online_samples: number;
  commands_ok_samples: number;
  latency_sum: number;
  latency_samples: number;
  last_sampled_at: string | null;
  registered_at: string;
  revision: number;
  updated_at: string;
  review_count: number;
  average_rating: number | null;
}

interface ReviewRow {
  bot_id: string;
  user_id: string;
  rating: number;
  text: string | null;
  created_at: string;
  updated_at: string;
}

type StatementName = 'bot' | 'commands' | 'hasReview' | 'reviews';
const SQL: Record<StatementName, string> = {
  bot: `SELECT b.*, (SELECT count(*) FROM bot_reviews r WHERE r.bot_id = b.id) AS review_count,
          (SELECT avg(rating) FROM bot_reviews r WHERE r.bot_id = b.id) AS average_rating
        FROM bots b WHERE b.id = ?`,
  commands: 'SELECT commands FROM bots WHERE id = ?',
  hasReview: 'SELECT 1 FROM bot_reviews WHERE bot_id = ? AND user_id = ?',
  reviews: 'SELECT * FROM bot_reviews WHERE bot_id = ? ORDER BY created_at, user_id LIMIT ?',
};

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const percent = (part: number, whole: number) => (whole === 0 ? null : round((part / whole) * 100, 2));

/** Queries over the `bots` and `bot_reviews` tables of the read-model database. */
export class BotsReadModel {
  private readonly statements = new Map<StatementName, StatementSync>();

  constructor(private readonly db: DatabaseSync) {}

  /** The bot, or null when unknown (also before the projection has ever run in this data directory). */
  get(botId: string): BotView | null {
    const row = this.statement('bot')?.get(botId) as BotRow | undefined;
    return row ? toView(row) : null;
  }

  /** The bot's command list as last set; null when unset or the bot is unknown. */
  commands(botId: string): BotCommandList | null {
    const row = this.statement('commands')?.get(botId) as { commands: string | null } | undefined;
    return row?.commands ? (JSON.parse(row.commands) as BotCommandList) : null;
  }

  hasReview(botId: string, userId: string): boolean {
    return this.statement('hasReview')?.get(botId, userId) !== undefined;
  }

  /** The bot's reviews, oldest first, up to `limit`. */
  reviews(botId: string, limit = 1_000): BotReviewView[] {
    const rows = (this.statement('reviews')?.all(botId, limit) ?? []) as unknown as ReviewRow[];
    return rows.map((row) => ({
      botId: row.bot_id,
      userId: row.user_id,
      rating: row.rating,
      text: row.text,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  // Prepared on first use: a process that never started the projection has no tables yet.
  private statement(name: StatementName): StatementSync | undefined {
    const cached = this.statements.get(name);
    if (cached) return cached;
    const exists = this.db
      .prepare(
        "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('bots', 'bot_reviews')",
      )
      .get() as { n: number };
    if (exists.n < 2) return undefined;
    const statement = this.db.prepare(SQL[name]);
    this.statements.set(name, statement);
    return statement;
  }
}

function toView(row: BotRow): BotView {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    prefix: row.prefix,
    tags: JSON.parse(row.tags) as string[],
    shortDescription: row.short_description,
    inviteUrl: row.invite_url,
    approved: row.approved_at !== null,
    approvedAt: row.approved_at,
    guildCount: row.guild_count,
    guildCountUpdatedAt: row.guild_count_at,
    commandCount: row.command_count,
    avgLatencyMs: row.latency_samples === 0 ? null : round(row.latency_sum / row.latency_samples, 1),
    uptime: percent(row.online_samples, row.samples),
    commandUptime: percent(row.commands_ok_samples, row.samples),
    samples: row.samples,
    lastSampledAt: row.last_sampled_at,
    reviewCount: row.review_count,
    averageRating: row.average_rating === null ? null : round(row.average_rating, 2),
    registeredAt: row.registered_at,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}
