import { Command } from '@nestjs/cqrs';
import type { TimeOutMember } from '#domain';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/**
 * Records a timeout auto-moderation gives a member. No event while the member's last timeout has not
 * ended: the door times the member out on Discord only when `eventTypes` is not empty.
 */
export class TimeOutMemberCommand extends Command<CommandResult> {
  constructor(
    readonly timeout: Omit<TimeOutMember, 'type'>,
    readonly context: CommandContext,
  ) {
    super();
  }

  get guildId(): string {
    return this.timeout.guildId;
  }
}
