import type { BotMeta } from './bot.events';

/** Registers a bot, or brings its details and metadata up to date; idempotent. */
export interface RegisterBot {
  readonly type: 'RegisterBot';
  readonly botId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly prefix?: string | null;
  /** Metadata to set with the registration; absent fields keep their value (empty on a new bot). */
  readonly meta?: Partial<BotMeta>;
}

export interface ApproveBot {
  readonly type: 'ApproveBot';
  readonly botId: string;
}

export interface UpdateBotMeta {
  readonly type: 'UpdateBotMeta';
  readonly botId: string;
  readonly changes: Partial<BotMeta>;
}

export interface ReportGuildCount {
  readonly type: 'ReportGuildCount';
  readonly botId: string;
  readonly guildCount: number;
}

/**
 * Sets the bot's command list from the body the bot sent (`{sort, commands}`), validated by the
 * domain as received so every door refuses the same input with the same message.
 */
export interface SetBotCommands {
  readonly type: 'SetBotCommands';
  readonly botId: string;
  readonly list: unknown;
}

export interface RecordBotReview {
  readonly type: 'RecordBotReview';
  readonly botId: string;
  /** The reviewer. */
  readonly userId: string;
  readonly rating: number;
  readonly text?: string | null;
}

export interface SampleBotStatus {
  readonly type: 'SampleBotStatus';
  readonly botId: string;
  /** Defaults to the decision time. */
  readonly sampledAt?: string;
  readonly latencyMs: number | null;
  readonly online: boolean;
  /** Defaults to `online`: a bot that is up is taken to answer commands unless the probe says otherwise. */
  readonly commandsOk?: boolean;
}

export type BotCommand =
  | RegisterBot
  | ApproveBot
  | UpdateBotMeta
  | ReportGuildCount
  | SetBotCommands
  | RecordBotReview
  | SampleBotStatus;
