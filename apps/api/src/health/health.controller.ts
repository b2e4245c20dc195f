import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '#eventstore';
import { Analytics, Projections, WebhookDelivery } from '#core';
import { Public } from '../auth/access.decorators';
import { ApiDialect } from '../openapi/dialect';
import { ApiHealthResponses } from './health.responses';

/** `GET /health`: 503 when the event store is unreachable; each projection's lag is reported either way. */
@ApiTags('Health')
@ApiDialect('canonical', { keyless: true })
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly store: EventStore,
    private readonly projections: Projections,
    private readonly analytics: Analytics,
    private readonly webhooks: WebhookDelivery,
  ) {}

  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Health of the event store, projections and analytics',
    description:
      '503 when the event store is unreachable; projection lag, analytics and webhook delivery are reported, never failing.',
  })
  @ApiHealthResponses()
  check() {
    return this.health.check([
      () => this.eventStore(),
      () => this.projectionLag(),
      () => this.analyticsStatus(),
      () => this.webhookStatus(),
    ]);
  }

  /** Reported, never failing: a receiver that is down delays its own deliveries, nothing else. */
  private async webhookStatus() {
    const indicator = this.indicators.check('webhooks');
    try {
      return indicator.up({ ...(await this.webhooks.status(this.store)) });
    } catch (error) {
      return indicator.up({ error: (error as Error).message });
    }
  }

  /** Reported, never failing: analytics down means 503 on analytics only, the rest is healthy. */
  private analyticsStatus() {
    const { checkpoint, caughtUp, lastError } = this.analytics.projector.status();
    return this.indicators.check('analytics').up({
      checkpoint,
      caughtUp,
      available: lastError === null,
      ...(lastError ? { error: lastError } : {}),
    });
  }

  private async eventStore() {
    const indicator = this.indicators.check('eventstore');
    try {
      await this.store.ping();
      return indicator.up({ headPosition: await this.store.headPosition() });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  /** Lag is information, not failure: a projection catching up after a rebuild is healthy. */
  private async projectionLag() {
    const indicator = this.indicators.check('projections');
    const statuses = await this.projections.statuses();
    const failed = statuses.filter((s) => s.lastError);
    const details = Object.fromEntries(
      statuses.map((s) => [
        s.name,
        {
          checkpoint: s.checkpoint,
          head: s.headPosition,
          lag: s.lag,
          caughtUp: s.caughtUp,
          ...(s.lastError ? { error: s.lastError } : {}),
        },
      ]),
    );
    return failed.length > 0 ? indicator.down(details) : indicator.up(details);
  }
}
