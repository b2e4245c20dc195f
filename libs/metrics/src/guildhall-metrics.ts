import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppendObserver, AppendOutcome } from '#eventstore';

/** A reading taken when metrics are scraped: a count per state (every known state, zeros included). */
export type CountsSource = () => Readonly<Record<string, number>>;

/** Where the voice worker reports faults: the one method of the registry it needs. */
export interface VoiceFaultObserver {
  voiceFault(cause: string, reconnecting: boolean): void;
}

/** Where the analytics projector reports each batch it inserted. */
export interface AnalyticsBatchObserver {
  batchInserted(rows: number, oldestWaitSeconds: number): void;
}

type OutcomeHistogram = Histogram.Internal<'outcome'>;

const SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The process's one Prometheus registry, and the metrics the libraries report into. Each library
 * sees only a narrow port (AppendObserver, AnalyticsBatchObserver, VoiceFaultObserver) or hands in
 * a reading taken at scrape time, so none of them depends on prom-client or on this class. A
 * registry per instance: two apps in one test process do not share counters.
 */
export class GuildhallMetrics implements AppendObserver, AnalyticsBatchObserver, VoiceFaultObserver {
  readonly registry = new Registry();
  private readonly appendSeconds = new Histogram({
    name: 'guildhall_eventstore_append_duration_seconds',
    help: 'Time one append took, from the call to the store acknowledging it, by outcome',
    labelNames: ['outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly appendEvents = new Histogram({
    name: 'guildhall_eventstore_append_events',
    help: 'Events written by one append (the batch size), by outcome',
    labelNames: ['outcome'] as const,
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 1000],
    registers: [this.registry],
  });
  /** Labelled children, one per outcome: no label hashing on the append path. */
  private readonly byOutcome = new Map<
    AppendOutcome,
    { seconds: OutcomeHistogram; events: OutcomeHistogram }
  >();
  private readonly analyticsWait = new Histogram({
    name: 'guildhall_analytics_queue_seconds',
    help: 'Time the oldest row of each batch waited in the analytics queue before ClickHouse held it',
    buckets: [0.01, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly analyticsRows = new Histogram({
    name: 'guildhall_analytics_batch_rows',
    help: 'Rows inserted into ClickHouse by one batch',
    buckets: [1, 10, 100, 1_000, 5_000, 20_000, 50_000],
    registers: [this.registry],
  });
  private readonly faults = new Counter({
    name: 'guildhall_voice_faults_total',
    help: 'Voice connections lost, by cause and whether the worker tries again',
    labelNames: ['cause', 'reconnecting'] as const,
    registers: [this.registry],
  });
  private analyticsQueue: (() => number) | undefined;
  private players: CountsSource | undefined;
  private voiceConnections: CountsSource | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'guildhall_' });
    const queueDepth = () => this.analyticsQueue?.();
    new Gauge({
      name: 'guildhall_analytics_queue_rows',
      help: 'Rows waiting in the analytics queue, not yet inserted into ClickHouse',
      registers: [this.registry],
      collect() {
        const depth = queueDepth();
        if (depth !== undefined) this.set(depth);
      },
    });
    this.countsGauge(
      'guildhall_players',
      'Guild players by state, from the player read model',
      'state',
      () => this.players,
    );
    this.countsGauge(
      'guildhall_voice_connections',
      "This process's voice connections by status (waiting_for_gateway: the guild is not known yet)",
      'status',
      () => this.voiceConnections,
    );
  }

  appended(events: number, seconds: number, outcome: AppendOutcome): void {
    let children = this.byOutcome.get(outcome);
    if (!children) {
      children = { seconds: this.appendSeconds.labels(outcome), events: this.appendEvents.labels(outcome) };
      this.byOutcome.set(outcome, children);
    }
    children.seconds.observe(seconds);
    children.events.observe(events);
  }

  batchInserted(rows: number, oldestWaitSeconds: number): void {
    this.analyticsRows.observe(rows);
    this.analyticsWait.observe(oldestWaitSeconds);
  }

  voiceFault(cause: string, reconnecting: boolean): void {
    this.faults.inc({ cause, reconnecting: String(reconnecting) });
  }

  /** The depth of the analytics queue, read at each scrape (only the process running the projector). */
  watchAnalyticsQueue(depth: () => number): void {
    this.analyticsQueue = depth;
  }

  watchPlayers(byState: CountsSource): void {
    this.players = byState;
  }

  watchVoiceConnections(byStatus: CountsSource): void {
    this.voiceConnections = byStatus;
  }

  private countsGauge(
    name: string,
    help: string,
    label: string,
    source: () => CountsSource | undefined,
  ): void {
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      collect() {
        const read = source();
        if (!read) return;
        // Reset first: a status that no longer occurs must not keep its last count.
        this.reset();
        for (const [value, count] of Object.entries(read())) this.set({ [label]: value }, count);
      },
    });
  }
}
