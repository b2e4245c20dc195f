import { Controller, ForbiddenException, Get, Inject, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { Public } from '../auth/access.decorators';
import { ApiDialect } from '../openapi/dialect';
import { ApiErrorBody } from '../openapi/error-bodies';
import { headers, RATE_LIMIT_HEADERS } from '../openapi/headers';
import { metricsAccess } from './metrics-access';
import { Metrics } from './metrics';

/** `GET /metrics`: Prometheus's text format, behind its own rule rather than an API key. */
@ApiTags('Health')
@ApiDialect('canonical', { keyless: true })
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'With METRICS_TOKEN set, `Authorization: Bearer <METRICS_TOKEN>` is required; unset, only ' +
      'clients on the loopback interface are answered.',
  })
  @ApiResponse({
    status: 200,
    description: 'The metrics, in the Prometheus text exposition format',
    headers: headers(...RATE_LIMIT_HEADERS),
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 401, description: 'METRICS_TOKEN is set and was not sent', type: ApiErrorBody })
  @ApiResponse({
    status: 403,
    description: 'A wrong token, or no METRICS_TOKEN and a client off the loopback interface',
    type: ApiErrorBody,
  })
  async scrape(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const verdict = metricsAccess(this.config.metricsToken, request.headers.authorization, request.ip);
    if (verdict === 'no-token') throw new UnauthorizedException('Send Authorization: Bearer <METRICS_TOKEN>');
    if (verdict === 'wrong-token') throw new ForbiddenException('The metrics token is wrong');
    if (verdict === 'not-loopback') {
      throw new ForbiddenException('Without METRICS_TOKEN, metrics are served to loopback clients only');
    }
    void reply.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
