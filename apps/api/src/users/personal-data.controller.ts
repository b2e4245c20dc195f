import { Controller, Delete, Inject, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import {
  ErasePersonalDataCommand,
  Projections,
  UsageRecordingCommandBus,
  type CommandContext,
  type ErasureResult,
} from '#core';
import { RequireScope } from '../auth/access.decorators';
import { POSITION_HEADER } from '../common/min-position';
import { RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { ApiDialect } from '../openapi/dialect';
import { ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';
import { PersonalDataErasureResponse } from './personal-data.responses';

/** The read models that hold personal fields in plaintext and rewrite them on `PersonalDataErased`. */
const READ_MODELS_WITH_PERSONAL_DATA = ['users', 'bots', 'apikeys'] as const;

/** Erasure of a user's personal data by crypto-shredding (docs/PERSONAL-DATA.md). Platform admins only. */
@ApiTags('Users')
@ApiDialect('canonical')
@ApiSnowflakeParam('id', '123456789012345678', 'Discord user id')
@Controller('v1/users')
export class PersonalDataController {
  constructor(
    private readonly commandBus: UsageRecordingCommandBus,
    private readonly projections: Projections,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  @Delete(':id/personal-data')
  @RequireScope('admin')
  @ApiOperation({
    summary: "Erase a user's personal data (admin)",
    description:
      "Forgets the key that encrypts the user's name, reviews and key labels, and records `PersonalDataErased`. " +
      'Every read, the history, as-of reads and rebuilds then show `"[erased]"`. Idempotent; cannot be undone.',
  })
  @ApiOk(PersonalDataErasureResponse, { description: 'The data is erased', write: true })
  @ApiErrors(400, 403, 409, 503)
  async erase(
    @Param('id', new SnowflakePipe('id')) id: string,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonalDataErasureResponse> {
    const result: ErasureResult = await this.commandBus.execute(new ErasePersonalDataCommand(id, context));
    const position = result.position!;
    void reply.header(POSITION_HEADER, String(position));
    // Answer once the read models have rewritten the plaintext they hold, so the next read shows it erased.
    const timeoutMs = this.config.readYourWritesTimeoutMs;
    const reached = await Promise.all(
      READ_MODELS_WITH_PERSONAL_DATA.map((name) => this.projections.waitFor(name, position, timeoutMs)),
    );
    this.projections.scrubWriteAheadLog();
    return {
      user_id: id,
      keys_forgotten: result.keysForgotten,
      position,
      read_models_rewritten: READ_MODELS_WITH_PERSONAL_DATA.filter((_, i) => reached[i]),
    };
  }
}
