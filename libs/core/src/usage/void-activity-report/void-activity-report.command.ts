import { Command } from '@nestjs/cqrs';
import type { ActivityReporter } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';

export interface VoidActivityReportResult {
  /** The event id of the report voided (derived from guild and instant, like the report's own). */
  readonly reportEventId: string;
  /** The instant of the voided report, ISO 8601 UTC. */
  readonly reportedAt: string;
  /** False when that report was already voided: nothing was written. */
  readonly created: boolean;
  /** Global position of the void (or of the earlier one). */
  readonly position: number | undefined;
}

/**
 * Voids the activity report a guild received for one instant: the store is append-only, so a false
 * figure is corrected by a fact that analytics honour. An operator's act (CLI, or an unbound admin key).
 */
export class VoidActivityReportCommand extends Command<VoidActivityReportResult> {
  constructor(
    readonly guildId: string,
    /** The report's instant, in any form the report itself accepted once normalized (ISO 8601). */
    readonly timestamp: string,
    readonly context: CommandContext,
    readonly options: { readonly reason?: string | null; readonly requestedBy?: ActivityReporter } = {},
  ) {
    super();
  }
}
