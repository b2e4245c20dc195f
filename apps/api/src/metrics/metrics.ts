import { Injectable } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import { EventStore } from '#eventstore';
import { Projections } from '#core';
import { GuildhallMetrics } from '#metrics';
import type { ProjectionStatus } from '#projections';
import { RequestDurations } from './request-durations';

/**
 * The HTTP door's metrics, in the process's one registry (GuildhallMetrics, where the store, the
 * analytics queue, the players and voice report too): HTTP durations by route pattern and status,
 * rate-limit refusals by policy, the event store head and each projection's position and lag (read
 * when scraped).
 */
@Injectable()
export class Metrics {
  readonly registry: Registry;
  private readonly durations: RequestDurations;
  private readonly refusals: Counter<'policy' | 'dialect'>;

  constructor(store: EventStore, projections: Projections, shared: GuildhallMetrics) {
    this.registry = shared.registry;
    this.durations = new RequestDurations(this.registry);
    this.refusals = new Counter({
      name: 'guildhall_rate_limit_refusals_total',
      help: 'Requests answered 429, by the policy whose limit was met and the dialect',
      labelNames: ['policy', 'dialect'] as const,
      registers: [this.registry],
    });
    new Gauge({
      name: 'guildhall_eventstore_head_position',
      help: 'Global position of the newest event in the store',
      registers: [this.registry],
      async collect() {
        this.set(await store.headPosition());
      },
    });
    // Each gauge reads the statuses itself: a scrape serializes one metric before collecting the next.
    const eachProjection = async (set: (name: string, status: ProjectionStatus) => void) => {
      for (const status of await projections.statuses()) set(status.name, status);
    };
    new Gauge({
      name: 'guildhall_projection_position',
      help: 'Last global position the projection applied (-1 before the first)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        await eachProjection((projection, status) => this.set({ projection }, status.checkpoint));
      },
    });
    new Gauge({
      name: 'guildhall_projection_lag_events',
      help: "Events between the store's head and what the projection applied",
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        await eachProjection((projection, { lag }) => lag !== null && this.set({ projection }, lag));
      },
    });
  }

  /** One answered request; `route` is the pattern (`/v2/servers/:server_id`), never the raw URL. */
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    this.durations.record(method, route, status, seconds);
  }

  rateLimitRefused(policy: string, dialect: string): void {
    this.refusals.inc({ policy, dialect });
  }
}
