import { Command } from '@nestjs/cqrs';
import type { PlayerWorkerReport } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/**
 * What the player worker observed of a guild's voice connection and audio: a fault, a reconnect, a
 * move, a position checkpoint, an idle timeout. Decided like any player command, so each is recorded once.
 */
export class RecordWorkerReportCommand extends Command<CommandResult> {
  constructor(
    readonly report: PlayerWorkerReport,
    readonly context: CommandContext,
  ) {
    super();
  }
}
