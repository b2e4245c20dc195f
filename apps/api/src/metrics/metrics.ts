import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { EventStore } from '#eventstore';
import { Projections } from '#core';
import { GuildhallMetrics } from '#metrics';
import type { ProjectionStatus } from '#projections';

type RequestTimer = ReturnType<Histogram<'method' | 'route' | 'status'>['labels']>;

/**
 * The HTTP door's metrics, in the process's one registry (GuildhallMetrics, where the store, the
 * analytics queue, the players and voice report too): HTTP durations by route pattern and status,
 * rate-limit refusals by policy, the event store head and each projection's position and lag (read
 * when scraped).
 */
@Injectable()
export class Metrics {
  readonly registry: Registry;
  private readonly durations: Histogram<'method' | 'route' | 'status'>;
  /** Labelled children by `method route status`: one Map lookup per request instead of label hashing. */
  private readonly timers = new Map<string, RequestTimer>();
  private readonly refusals: Counter<'policy' | 'dialect'>;

  constructor(store: EventStore, projections: Projections, shared: GuildhallMetrics) {
    this.registry = shared.registry;
    this.durations = new Histogram({
      name: 'guildhall_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being sent, by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
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
    const key = `${method} ${route ?? 'unmatched'} ${status}`;
    let timer = this.timers.get(key);
    if (!timer) {
      timer = this.durations.labels(method, route ?? 'unmatched', String(status));
      this.timers.set(key, timer);
    }
    timer.observe(seconds);
  }

  rateLimitRefused(policy: string, dialect: string): void {
    this.refusals.inc({ policy, dialect });
  }
}
