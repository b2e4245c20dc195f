import { createHash } from 'node:crypto';
import { Command } from '@nestjs/cqrs';
import type { ActivityReporter } from '#domain';
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
    /**
     * Who reports, from a door that must check it (a key's principal fits): accepted for a bot
     * installed in the guild, or a key of someone who manages it. Absent for trusted doors.
     */
    readonly reporter?: ActivityReporter,
  ) {
    super();
  }
}

/** The event id of a report: one per (guild, instant), so a resubmission is recognised by the store. */
export function reportEventId(guildId: string, at: string): string {
  return uuidOf(`ActivityReported:${guildId}:${at}`);
}

/** A name-derived id, shaped as a UUID (version nibble 5) so every store and ClickHouse's UUID column accept it. */
export function uuidOf(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
