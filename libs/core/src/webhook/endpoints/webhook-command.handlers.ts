import { randomBytes } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, webhookDecider, webhookStreamId, type WebhookCommand } from '#domain';
import { EventStore } from '#eventstore';
import { GuildsReadModel } from '#projections';
import type { CommandContext } from '../../command-handling/command-context';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { WebhookSecretBox } from '../secrets/webhook-secret-box';
import {
  CreateWebhookCommand,
  DeleteWebhookCommand,
  DisableWebhookCommand,
  RotateWebhookSecretCommand,
  UpdateWebhookCommand,
} from './webhook-commands';

const decideWebhooks = (
  store: EventStore,
  guildId: string,
  command: WebhookCommand,
  context: CommandContext,
) => decideAndAppend(store, webhookDecider, webhookStreamId(guildId), command, context);

@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly guilds: GuildsReadModel,
    private readonly secrets: WebhookSecretBox,
  ) {}

  async execute({ guildId, input, context }: CreateWebhookCommand) {
    if (!this.guilds.get(guildId)) {
      throw new DomainError('not_found', 'server_not_found', `server ${guildId} not found`, 'id');
    }
    const webhookId = `wh_${randomBytes(12).toString('hex')}`;
    const secret = WebhookSecretBox.generateSecret();
    const { url, events, description } = input;
    const command = { type: 'CreateWebhookEndpoint' as const, guildId, webhookId, url, events, description };
    const result = await decideWebhooks(
      this.store,
      guildId,
      { ...command, secret: this.secrets.seal(secret) },
      context,
    );
    return { ...result, webhookId, secret };
  }
}

@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<UpdateWebhookCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, webhookId, input, context }: UpdateWebhookCommand) {
    return decideWebhooks(
      this.store,
      guildId,
      { type: 'UpdateWebhookEndpoint', guildId, webhookId, ...input },
      context,
    );
  }
}

@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(
    private readonly store: EventStore,
    private readonly secrets: WebhookSecretBox,
  ) {}

  async execute({ guildId, webhookId, context }: RotateWebhookSecretCommand) {
    const secret = WebhookSecretBox.generateSecret();
    const sealed = this.secrets.seal(secret);
    const result = await decideWebhooks(
      this.store,
      guildId,
      { type: 'RotateWebhookSecret', guildId, webhookId, secret: sealed },
      context,
    );
    return { ...result, secret };
  }
}

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, webhookId, context }: DeleteWebhookCommand) {
    return decideWebhooks(
      this.store,
      guildId,
      { type: 'DeleteWebhookEndpoint', guildId, webhookId },
      context,
    );
  }
}

@CommandHandler(DisableWebhookCommand)
export class DisableWebhookHandler implements ICommandHandler<DisableWebhookCommand> {
  constructor(private readonly store: EventStore) {}

  execute({ guildId, webhookId, reason, failingSince, context }: DisableWebhookCommand) {
    const command = { type: 'DisableWebhookEndpoint' as const, guildId, webhookId, reason, failingSince };
    return decideWebhooks(this.store, guildId, command, context);
  }
}
