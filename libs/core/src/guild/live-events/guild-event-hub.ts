import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { GUILDHALL_CONFIG, type GuildhallConfig } from '#config';
import { EventStore, type RecordedEvent } from '#eventstore';
import { TimelineReadModel, type TimelineAttribution } from '#projections';
import { Projections } from '../../infrastructure/projections.module';
import { TIMELINE } from '../get-guild-history/get-guild-history.handler';

/** One live reader of a guild's events (an SSE stream). */
export interface LiveEventSink {
  readonly guildId: string;
  readonly includeUsage: boolean;
  /** The guild's events of one committed batch, in `$all` order. Must not throw. */
  deliver(events: readonly RecordedEvent[]): void;
  /** The hub could not hand over a batch it owed this sink: end the stream so the client resumes. */
  abort(reason: string): void;
}

interface Routed {
  readonly position: number;
  readonly attribution: TimelineAttribution;
}

/**
 * The process's one live fan-out of guild events. It rides on the timeline projection's own
 * subscription (no store subscription per client): each batch is announced right after the index
 * committed it, so a reader that subscribes here before reading the index misses nothing in between.
 * The events are re-read by position from the store once per batch, not taken from the subscription,
 * so live readers see exactly what a history page shows (upcast, erased).
 */
@Injectable()
export class GuildEventHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GuildEventHub.name);
  private readonly sinks = new Map<string, Set<LiveEventSink>>();
  private detach: (() => void) | undefined;
  /** Batches are handed over one after another, so every sink sees `$all` order. */
  private handover: Promise<void> = Promise.resolve();

  constructor(
    private readonly projections: Projections,
    private readonly timeline: TimelineReadModel,
    private readonly store: EventStore,
    @Inject(GUILDHALL_CONFIG) private readonly config: GuildhallConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runProjections) return;
    this.detach = this.projections.host.runner(TIMELINE).onApplied((events) => this.onBatch(events));
  }

  onApplicationShutdown(): void {
    this.detach?.();
    this.detach = undefined;
  }

  /** False where projections do not run in this process: there is nothing to stream from. */
  get live(): boolean {
    return this.detach !== undefined;
  }

  /** Number of sinks currently subscribed, across guilds. */
  get size(): number {
    let size = 0;
    for (const set of this.sinks.values()) size += set.size;
    return size;
  }

  /** Starts handing `sink` its guild's batches; returns the unsubscribe function. */
  subscribe(sink: LiveEventSink): () => void {
    let set = this.sinks.get(sink.guildId);
    if (!set) this.sinks.set(sink.guildId, (set = new Set()));
    set.add(sink);
    return () => {
      set.delete(sink);
      if (set.size === 0 && this.sinks.get(sink.guildId) === set) this.sinks.delete(sink.guildId);
    };
  }

  /** Resolves once every batch announced so far has been handed over (tests, benchmarks). */
  settled(): Promise<void> {
    return this.handover;
  }

  private onBatch(events: readonly RecordedEvent[]): void {
    // Attributed now, synchronously: a key's binding is read as this very commit left it.
    const routed: Routed[] = [];
    for (const event of events) {
      const attribution = this.timeline.attribute(event);
      if (attribution && this.sinks.has(attribution.guildId)) {
        routed.push({ position: event.position, attribution });
      }
    }
    if (routed.length === 0) return;
    this.handover = this.handover
      .then(() => this.handOver(routed))
      // A failure must not stop the chain: every later batch would then be lost to every stream.
      .catch((error: unknown) => this.logger.error(`live events: a handover failed: ${String(error)}`));
  }

  private async handOver(routed: readonly Routed[]): Promise<void> {
    let events: RecordedEvent[];
    try {
      events = await this.store.readPositions(routed.map((entry) => entry.position));
    } catch (error) {
      // These sinks would miss the batch: end them; they resume from the index with Last-Event-ID.
      this.logger.warn(`live events: reading a batch failed, ending its streams: ${String(error)}`);
      for (const guildId of new Set(routed.map((entry) => entry.attribution.guildId))) {
        for (const sink of [...(this.sinks.get(guildId) ?? [])]) sink.abort('the event store did not answer');
      }
      return;
    }
    const byPosition = new Map(events.map((event) => [event.position, event]));
    const perGuild = new Map<string, { all: RecordedEvent[]; withoutUsage: RecordedEvent[] }>();
    for (const { position, attribution } of routed) {
      const event = byPosition.get(position);
      if (!event) continue;
      let lists = perGuild.get(attribution.guildId);
      if (!lists) perGuild.set(attribution.guildId, (lists = { all: [], withoutUsage: [] }));
      lists.all.push(event);
      if (!attribution.usage) lists.withoutUsage.push(event);
    }
    for (const [guildId, lists] of perGuild) {
      for (const sink of [...(this.sinks.get(guildId) ?? [])]) {
        const batch = sink.includeUsage ? lists.all : lists.withoutUsage;
        if (batch.length > 0) sink.deliver(batch);
      }
    }
  }
}
