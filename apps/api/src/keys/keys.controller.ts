import { Controller, Delete, Get, HttpCode, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ListApiKeysQuery,
  RevokeApiKeyCommand,
  UsageRecordingCommandBus,
  type ApiKeyPrincipal,
  type CommandContext,
} from '#core';
import type { ApiKeyView } from '#projections';
import { BadRequestException } from '@nestjs/common';
import { POSITION_HEADER } from '../common/min-position';
import { CurrentKey, RestCommandContext } from '../common/request-context';
import { ApiDialect } from '../openapi/dialect';
import { ApiPathParam } from '../openapi/params';
import { ApiErrors, ApiNoContent, ApiOk } from '../openapi/responses';
import { KeyListResponse } from './keys.responses';

const KEY_ID = /^[a-z0-9]{16}$/;

function keyBody(key: ApiKeyView, current: string) {
  return {
    id: key.keyId,
    owner_id: key.ownerId,
    tier: key.tier,
    scopes: key.scopes,
    guild_id: key.guildId,
    label: key.label,
    issued_at: key.issuedAt,
    revoked_at: key.revokedAt,
    current: key.keyId === current,
  };
}

/**
 * Canonical `/v1/keys`: the caller's own keys, listed and revoked. Keys are issued by Discord or the CLI.
 * The caller goes to the use case whole: a guild-bound key is refused there (403), for every door.
 */
@ApiTags('Keys')
@ApiDialect('canonical')
@Controller('v1/keys')
export class KeysController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  /** Never shows a secret: keys are shown once, when issued. */
  @Get()
  @ApiOperation({
    summary: "List the caller's keys",
    description: 'Never shows a secret. A key bound to a guild may not list keys (403).',
  })
  @ApiOk(KeyListResponse, { description: "The key owner's keys" })
  @ApiErrors(403)
  async list(@CurrentKey() caller: ApiKeyPrincipal) {
    const keys = await this.queryBus.execute(new ListApiKeysQuery(caller.ownerId, undefined, caller));
    return { keys: keys.map((key) => keyBody(key, caller.keyId)) };
  }

  /** Revokes one of the caller's keys (any key, with admin scope); 204 also when it was already revoked. */
  @Delete(':key_id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke one of your keys',
    description: 'Any key with admin scope; 204 also when it was already revoked.',
  })
  @ApiPathParam('key_id', { type: 'string', pattern: '^[a-z0-9]{16}$' }, 'k7f3a9c2d1e0b4a5', 'The key id')
  @ApiNoContent('Revoked', { write: true })
  @ApiErrors(400, 403, 404, 409, 413, 415, 503)
  async revoke(
    @Param('key_id') keyId: string,
    @CurrentKey() caller: ApiKeyPrincipal,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!KEY_ID.test(keyId)) throw new BadRequestException('key_id must be 16 lowercase letters or digits');
    const result = await this.commandBus.execute(
      new RevokeApiKeyCommand(keyId, context, { requestedBy: caller }),
    );
    if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
  }
}
