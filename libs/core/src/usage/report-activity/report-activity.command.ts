import { createHash } from 'node:crypto';
import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';

export interface ReportActivityResult {
  /** The stored time of the report (ISO 8601, UTC). */
  readonly at: string;
  /** False when this guild already had a report at this time: nothing was written. */
  readonly created: boolean;
}

/** A bot's count of active users in a guild at a time (BotNexus); idempotent per guild and time. */
export class ReportActivityCommand extends Command<ReportActivityResult> {
  constructor(
    readonly guildId: string,
    readonly activeUsers: number,
    /** ISO 8601. */
    readonly timestamp: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The event id of a report: one per (guild, instant), so a resubmission is recognised by the store. */
export function reportEventId(guildId: string, at: string): string {
  const h = createHash('sha256').update(`ActivityReported:${guildId}:${at}`).digest('hex');
  // Shaped as a UUID (version nibble 5) so every store and ClickHouse's UUID column accept it.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
