import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '#eventstore';
import { Projections } from '#core';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { Public } from '../auth/access.decorators';
import { ApiDialect } from '../openapi/dialect';
import { ApiLivenessResponses, ApiReadinessResponses } from './health.responses';
import { projectionNotReady } from './readiness';

/**
 * Probes for an orchestrator: `live` says the process answers (restart it when not), `ready` says it
 * can serve reads now (send it traffic only then). `/health` stays the full report.
 */
@ApiTags('Health')
@ApiDialect('canonical', { keyless: true })
@Public()
@Controller('health')
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly store: EventStore,
    private readonly projections: Projections,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  @Get('live')
  @ApiOperation({
    summary: 'Liveness: the process answers',
    description: 'Touches no dependency: 200 whenever the process can answer HTTP at all.',
  })
  @ApiLivenessResponses()
  live() {
    return { status: 'ok' as const };
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: the event store answers and the read models are current',
    description:
      '503 when the event store is unreachable, or a projection failed or is more than ' +
      'READY_MAX_PROJECTION_LAG events behind and not yet caught up.',
  })
  @ApiReadinessResponses()
  ready() {
    return this.health.check([() => this.eventStore(), () => this.readModels()]);
  }

  private async eventStore() {
    const indicator = this.indicators.check('eventstore');
    try {
      await this.store.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async readModels() {
    const indicator = this.indicators.check('projections');
    // A write-only replica runs no projections: its readiness is the store's alone.
    if (!this.config.runProjections) return indicator.up({ running: false });
    const behind = (await this.projections.statuses()).flatMap((status) => {
      const reason = projectionNotReady(status, this.config.readyMaxProjectionLag);
      return reason ? [[status.name, reason] as const] : [];
    });
    return behind.length > 0 ? indicator.down(Object.fromEntries(behind)) : indicator.up();
  }
}
