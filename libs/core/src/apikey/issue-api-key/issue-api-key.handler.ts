import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DomainError,
  apiKeyDecider,
  apiKeyStreamId,
  assertApiKeyId,
  normalizeLabel,
  normalizeScopes,
  normalizeTier,
} from '#domain';
import { EventStore } from '#eventstore';
import { decideAndAppend } from '../../command-handling/decide-and-append';
import { generateApiKey, hashApiKey, parseApiKey, type ApiKeyMaterial } from '../api-key-secret';
import { IssueApiKeyCommand, type IssueApiKeyOptions, type IssuedApiKey } from './issue-api-key.command';

@CommandHandler(IssueApiKeyCommand)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKeyCommand> {
  constructor(private readonly store: EventStore) {}

  async execute({ ownerId, options, context }: IssueApiKeyCommand): Promise<IssuedApiKey> {
    const { keyId, key, secretHash } = materialFor(options);
    const result = await decideAndAppend(
      this.store,
      apiKeyDecider,
      apiKeyStreamId(keyId),
      {
        type: 'IssueApiKey',
        keyId,
        ownerId,
        tier: options.tier,
        scopes: options.scopes,
        guildId: options.guildId,
        secretHash,
        label: options.label,
        demo: options.demo,
      },
      context,
    );
    // decide accepted these inputs, so normalizing them again yields exactly what was recorded.
    return {
      keyId,
      key,
      ownerId,
      tier: normalizeTier(options.tier ?? 'free'),
      scopes: normalizeScopes(options.scopes ?? []),
      guildId: options.guildId ?? null,
      label: normalizeLabel(options.label),
      position: result.position as number,
    };
  }
}

function materialFor(options: IssueApiKeyOptions): ApiKeyMaterial {
  if (options.key === undefined) {
    if (options.keyId !== undefined) assertApiKeyId(options.keyId);
    return generateApiKey(options.keyId);
  }
  // Never echo the offered key in a message: it may be a real secret.
  const parsed = parseApiKey(options.key);
  if (!parsed)
    throw new DomainError('invalid', 'invalid_key', 'key must have the form ghk_<id>_<secret>', 'key');
  if (options.keyId !== undefined && options.keyId !== parsed.keyId) {
    throw new DomainError('invalid', 'key_id_mismatch', 'keyId differs from the id inside key', 'keyId');
  }
  return { keyId: parsed.keyId, key: options.key, secretHash: hashApiKey(options.key) };
}
