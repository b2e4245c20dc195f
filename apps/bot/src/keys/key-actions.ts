import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  GetApiKeyQuery,
  ListApiKeysQuery,
  RevokeApiKeyCommand,
  UsageRecordingCommandBus,
  afterWrite,
} from '#core';
import { DomainError } from '#domain';
import type { ApiKeyView } from '#projections';
import type { DiscordInvocation } from '../commands/discord-invocation';
import type { DiscordReply } from '../commands/discord-reply';
import { planAccountKey } from './account-key';
import type { DiscordKeyPlan } from './discord-key-plan';
import { planGenKey } from './genkey';
import { issuedKeyReply } from './key-replies';

const describe = (key: ApiKeyView): string =>
  [
    `\`${key.keyId}\``,
    key.guildId === null ? 'account' : `server ${key.guildId}`,
    `${key.tier} tier`,
    key.label ?? 'no label',
    key.revokedAt === null ? 'active' : `revoked ${key.revokedAt.slice(0, 10)}`,
  ].join(' · ');

/**
 * The key commands: `/genkey` (Elixir, a key bound to the caller and the guild), `h!api-key` (Hexify,
 * an account key in a DM), and listing and revoking one's own keys (`GET`/`DELETE /v1/keys…`). A new
 * key is shown once, only to its owner, and only once the authenticator knows it.
 */
@Injectable()
export class KeyActions {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  genKey(invocation: DiscordInvocation): Promise<DiscordReply> {
    const { guildId, userId, guildOwnerId, permissions, context } = invocation;
    return this.issue(planGenKey({ guildId, userId, guildOwnerId, memberPermissions: permissions }, context));
  }

  accountKey(invocation: DiscordInvocation): Promise<DiscordReply> {
    const { guildId, userId, context } = invocation;
    return this.issue(planAccountKey({ guildId, userId }, context));
  }

  async listKeys(invocation: DiscordInvocation): Promise<DiscordReply> {
    const keys: ApiKeyView[] = await this.queryBus.execute(new ListApiKeysQuery(invocation.userId));
    const lines = keys.length === 0 ? ['You have no API keys.'] : keys.map(describe);
    return {
      content: ['🔑 Your API keys (secrets are never shown again):', ...lines].join('\n'),
      ephemeral: true,
    };
  }

  /** Only the key's owner may revoke it: the domain checks it against the Discord user. */
  async revokeKey(invocation: DiscordInvocation, keyId: string): Promise<DiscordReply> {
    const { userId, context } = invocation;
    const result = await this.commandBus.execute(
      new RevokeApiKeyCommand(keyId, context, { requestedBy: userId }),
    );
    await this.queryBus.execute(new GetApiKeyQuery(keyId, afterWrite(result.position)));
    return {
      content: `🗑️ Key \`${keyId}\` is revoked: requests with it are refused from now on.`,
      ephemeral: true,
    };
  }

  private async issue(plan: DiscordKeyPlan): Promise<DiscordReply> {
    if (plan.kind === 'refuse') throw new DomainError('forbidden', 'key_refused', plan.message);
    const issued = await this.commandBus.execute(plan.command);
    // The key must work the moment its owner reads it.
    await this.queryBus.execute(new GetApiKeyQuery(issued.keyId, afterWrite(issued.position)));
    return issuedKeyReply(issued);
  }
}
