import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../command-handling/command-context';
import type { CommandResult } from '../../command-handling/command-result';

/** The fields a client may set on an endpoint, unchecked: the decider validates and names the field. */
export interface WebhookEndpointInput {
  readonly url?: unknown;
  readonly events?: unknown;
  readonly description?: unknown;
  readonly enabled?: unknown;
}

/** Creates an endpoint with a fresh secret; answers the secret once (it is stored sealed). */
export class CreateWebhookCommand extends Command<CommandResult & { webhookId: string; secret: string }> {
  constructor(
    readonly guildId: string,
    readonly input: WebhookEndpointInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class UpdateWebhookCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly webhookId: string,
    readonly input: WebhookEndpointInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A new secret signs from now on; the old one keeps signing beside it for 24 hours. */
export class RotateWebhookSecretCommand extends Command<CommandResult & { secret: string }> {
  constructor(
    readonly guildId: string,
    readonly webhookId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class DeleteWebhookCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly webhookId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The dispatcher's: an endpoint that failed through its whole retry schedule stops receiving. */
export class DisableWebhookCommand extends Command<CommandResult> {
  constructor(
    readonly guildId: string,
    readonly webhookId: string,
    readonly reason: string,
    readonly failingSince: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
