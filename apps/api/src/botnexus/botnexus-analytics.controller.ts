import { Body, Controller, Headers, Post, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ReportActivityCommand,
  UsageRecordingCommandBus,
  type ApiKeyPrincipal,
  type CommandContext,
} from '#core';
import { DomainError } from '#domain';
import { UseDialect } from '../auth/dialect';
import { CurrentKey, RestCommandContext } from '../common/request-context';
import { parseSubmission } from './analytics-submission';
import { AnalyticsSubmissionInput, AnalyticsSubmissionResponse } from './botnexus-submission.schemas';
import { ApiDialect } from '../openapi/dialect';
import { ApiCreated, ApiErrors, ApiOk } from '../openapi/responses';

/** BotNexus: a bot pushes its usage figures for a server. */
@ApiTags('BotNexus')
@ApiDialect('botnexus')
@UseDialect('botnexus')
@Controller('v1/analytics')
export class BotNexusAnalyticsController {
  constructor(private readonly commandBus: UsageRecordingCommandBus) {}

  /** 201 when recorded, 200 when this server already had a report at this timestamp (nothing written). */
  @Post('submit')
  @ApiOperation({
    summary: 'Submit usage statistics',
    description:
      "A bot's key for a server it is in, or a key of someone who manages the server. `application/json` only.",
  })
  @ApiBody({
    type: AnalyticsSubmissionInput,
    // No timestamp, as the seed's Python example sends it: a fixed instant would go stale (7 days).
    examples: {
      now: { summary: 'Measured now', value: { server_id: '1029384756', active_users: 482 } },
      at: {
        summary: 'Measured at an instant (at most 7 days old)',
        value: { server_id: '1029384756', active_users: 482, timestamp: 1767268800 },
      },
    },
  })
  @ApiCreated(AnalyticsSubmissionResponse, { description: 'Recorded' })
  @ApiOk(AnalyticsSubmissionResponse, {
    description: 'That server already had a report at that instant: nothing written',
  })
  @ApiErrors(
    400,
    { status: 403, description: 'The key may not report for this server (`code: not_in_guild`)' },
    { status: 404, description: 'Unknown server' },
    409,
    413,
    415,
    503,
  )
  async submit(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @CurrentKey() key: ApiKeyPrincipal,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) {
      throw new UnsupportedMediaTypeException('POST /v1/analytics/submit accepts application/json only');
    }
    const submission = parseSubmission(body, new Date());
    // Who may report for which server is the use case's rule (a bot installed there, or a key of
    // someone who manages it), so the key goes in whole.
    const result = await this.commandBus
      .execute(
        new ReportActivityCommand(
          submission.serverId,
          submission.activeUsers,
          submission.timestamp,
          context,
          key,
        ),
      )
      .catch((error: unknown) => {
        throw wireNamed(error);
      });
    void reply.status(result.created ? 201 : 200);
    return {
      server_id: submission.serverId,
      active_users: submission.activeUsers,
      timestamp: result.at,
      created: result.created,
    };
  }
}

/** The domain names its own fields; BotNexus's client sent `active_users`. */
function wireNamed(error: unknown): unknown {
  if (error instanceof DomainError && error.field === 'activeUsers') {
    return new DomainError(
      error.reason,
      error.code,
      error.message.replace('activeUsers', 'active_users'),
      'active_users',
    );
  }
  return error;
}
