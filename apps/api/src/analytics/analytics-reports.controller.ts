import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import {
  VoidActivityReportCommand,
  type ApiKeyPrincipal,
  type CommandContext,
  UsageRecordingCommandBus,
} from '#core';
import { RequireScope } from '../auth/access.decorators';
import { POSITION_HEADER } from '../common/min-position';
import { CurrentKey, RestCommandContext } from '../common/request-context';
import { SnowflakePipe } from '../common/snowflake';
import { ApiDialect } from '../openapi/dialect';
import { ApiSnowflakeParam } from '../openapi/params';
import { ApiErrors, ApiOk } from '../openapi/responses';
import { VoidReportResponse } from './analytics.responses';

export class VoidReportDto {
  @ApiProperty({
    description: 'the instant of the report to void, as it was stored',
    example: '2026-01-01T12:00:00Z',
  })
  @IsISO8601({ strict: true })
  timestamp!: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'submitted by mistake' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

/** Operators correct a false activity report (BotNexus submit): the void is an event analytics honour. */
@ApiTags('Analytics')
@ApiDialect('canonical')
@Controller('v1/servers/:id/analytics/reports')
export class AnalyticsReportsController {
  constructor(private readonly commandBus: UsageRecordingCommandBus) {}

  /** 200 `{server_id, timestamp, report_event_id, voided}`; `voided: false` when it already was. */
  @Post('void')
  @HttpCode(200)
  @RequireScope('admin')
  @ApiOperation({
    summary: 'Void an activity report (admin)',
    description: 'Analytics ignore it from then on; the report stays in the store.',
  })
  @ApiSnowflakeParam('id', '1029384756', 'Discord guild id')
  @ApiOk(VoidReportResponse, { description: 'The report and whether this call voided it', write: true })
  @ApiErrors(400, 403, 404, 409, 413, 415, 503)
  async voidReport(
    @Param('id', new SnowflakePipe('id')) id: string,
    @Body() body: VoidReportDto,
    @CurrentKey() key: ApiKeyPrincipal,
    @RestCommandContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commandBus.execute(
      new VoidActivityReportCommand(id, body.timestamp, context, { reason: body.reason, requestedBy: key }),
    );
    if (result.position !== undefined) void reply.header(POSITION_HEADER, String(result.position));
    return {
      server_id: id,
      timestamp: result.reportedAt,
      report_event_id: result.reportEventId,
      voided: result.created,
    };
  }
}
