import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ICommand } from '@nestjs/cqrs';
import { refusalFor, systemContext, UsageRecordingCommandBus, type CommandContext } from '#core';

/** Who a gateway event is recorded as: the member who caused it, or the gateway itself. */
export function gatewayContext(userId?: string): CommandContext {
  if (!userId) return systemContext('discord', 'discord-gateway');
  return {
    actor: { kind: 'discord-user', id: userId },
    door: 'discord',
    correlationId: randomUUID(),
    causationId: null,
  };
}

/**
 * Runs the listeners' commands. A gateway event has nobody to answer: a refusal (a name Discord
 * allows and the domain does not) is logged as a warning, a fault as an error, and neither escapes
 * into discord.js's event emitter.
 */
@Injectable()
export class GatewayCommands {
  private readonly logger = new Logger('DiscordGateway');

  constructor(private readonly bus: UsageRecordingCommandBus) {}

  async run(command: ICommand, what: string): Promise<void> {
    try {
      await this.bus.execute(command);
    } catch (error) {
      const refusal = refusalFor(error);
      if (refusal && refusal.status < 500) this.logger.warn(`${what} refused: ${refusal.message}`);
      else this.logger.error(`${what} failed: ${(error as Error).message}`, (error as Error).stack);
    }
  }
}
