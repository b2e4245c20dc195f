import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { usageDecider, usageStreamId, type UsageDoor } from '#domain';
import { EventStore } from '#eventstore';
import { appendFacts } from '../command-handling/append-facts';
import type { CommandContext } from '../command-handling/command-context';
import { usageOf } from './counts-as-usage';

const WRAPPED = Symbol('guildhall:usage-recorded');

/**
 * The one place command invocations are recorded: it wraps the process's CommandBus, so every
 * command that counts as usage (see CountsAsUsage) is recorded from every door — REST, Discord, CLI —
 * with no handler knowing. The system's own commands (startup registration, the demo loader) are not
 * usage: only a Discord user or an API key counts.
 *
 * The record is appended alongside the command (both in one group commit on SQLite) and awaited; if
 * only the record fails, the command's result still stands — it happened — and the failure is logged.
 */
@Injectable()
export class CommandUsageRecorder implements OnModuleInit {
  private readonly logger = new Logger('CommandUsageRecorder');
  /** Records that failed to append; shown in health. */
  failures = 0;

  constructor(
    private readonly bus: CommandBus,
    private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    const bus = this.bus as CommandBus & { [WRAPPED]?: boolean };
    if (bus[WRAPPED]) return;
    bus[WRAPPED] = true;
    const execute = bus.execute.bind(bus);
    bus.execute = ((command: object, ...rest: unknown[]) => {
      const recording = this.record(command);
      const run = (execute as (c: object, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
      return recording ? Promise.all([run, recording]).then(([result]) => result) : run;
    }) as CommandBus['execute'];
  }

  private record(command: object): Promise<void> | undefined {
    const usage = usageOf(command);
    const { guildId, context } = command as { guildId?: unknown; context?: CommandContext };
    if (!usage || typeof guildId !== 'string' || !context || context.actor.kind === 'system')
      return undefined;
    const userId = context.actor.kind === 'discord-user' ? context.actor.id : (context.onBehalfOf ?? null);
    const fact = {
      type: 'RecordCommandInvocation' as const,
      guildId,
      name: usage.name,
      category: usage.category,
      userId,
      actor: `${context.actor.kind}:${context.actor.id}`,
      door: context.door as UsageDoor,
    };
    return appendFacts(this.store, usageDecider, usageStreamId(guildId), [fact], context).then(
      () => undefined,
      (error: unknown) => {
        this.failures++;
        this.logger.error(`could not record ${usage.name} for guild ${guildId}: ${(error as Error).message}`);
      },
    );
  }
}
