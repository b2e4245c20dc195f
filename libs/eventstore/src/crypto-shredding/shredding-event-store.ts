import type { NewEvent, RecordedEvent } from '../envelope';
import {
  EventStore,
  type AppendResult,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store.port';
import { ForwardingEventStore } from '../forwarding-event-store';
import { isSealedField, openField, sealField } from './field-cipher';
import type { PersonalDataKeys } from './personal-data-keys';
import { mapPaths, type PersonalFieldRule } from './personal-fields';

/**
 * Decorates any adapter so personal fields are sealed on append and opened on every read and
 * subscription: projections, history, as-of reads and rebuilds see plaintext, or `erasedMarker` once
 * the person's key is forgotten, without knowing about encryption. Events written before this layer
 * (plaintext strings) read unchanged until their person is erased, then as `erasedMarker` too.
 */
export class ShreddingEventStore extends ForwardingEventStore {
  private readonly rules: ReadonlyMap<string, readonly PersonalFieldRule[]>;

  constructor(
    inner: EventStore,
    private readonly keys: PersonalDataKeys,
    rules: readonly PersonalFieldRule[],
    private readonly erasedMarker: string,
  ) {
    super(inner);
    const byType = new Map<string, PersonalFieldRule[]>();
    for (const rule of rules) byType.set(rule.eventType, [...(byType.get(rule.eventType) ?? []), rule]);
    this.rules = byType;
  }

  override async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    // Most appends hold no personal field: hand them on as they are, without a promise per event.
    if (!events.some((e) => this.rules.has(e.type)))
      return this.inner.appendToStream(streamId, events, options);
    const sealed = await Promise.all(events.map((e) => this.sealEvent(e)));
    return this.inner.appendToStream(streamId, sealed, options);
  }

  override async readStream(streamId: string, options?: ReadStreamOptions) {
    return this.openAll(await this.inner.readStream(streamId, options));
  }

  override async readAll(options?: ReadAllOptions) {
    return this.openAll(await this.inner.readAll(options));
  }

  override async readPositions(positions: readonly number[]) {
    return this.openAll(await this.inner.readPositions(positions));
  }

  override subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    return this.inner.subscribeToAll(options, {
      ...handler,
      onEvents: async (events) => handler.onEvents(await this.openAll(events)),
    });
  }

  override async close(): Promise<void> {
    await this.inner.close();
    this.keys.close();
  }

  private async sealEvent<E extends NewEvent>(event: E): Promise<E> {
    const rules = this.rules.get(event.type);
    if (!rules) return event;
    let data = event.data;
    for (const rule of rules) {
      const subject = rule.subjectOf(data);
      if (subject === null) continue;
      const { keyId, key } = await this.keys.keyForWriting(subject);
      data = await mapPaths(data, rule.paths, (value, path) =>
        typeof value === 'string' ? sealField(value, key, keyId, `${event.id}:${path}`) : value,
      );
    }
    return data === event.data ? event : { ...event, data };
  }

  private async openAll(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const opened: RecordedEvent[] = [];
    for (const event of events) opened.push(this.rules.has(event.type) ? await this.openEvent(event) : event);
    return opened;
  }

  private async openEvent(event: RecordedEvent): Promise<RecordedEvent> {
    let data = event.data;
    for (const rule of this.rules.get(event.type) ?? []) {
      const subject = rule.subjectOf(data);
      data = await mapPaths(data, rule.paths, async (value, path) => {
        // Plaintext from before encryption: no key to forget, so the erasure record decides.
        if (typeof value === 'string') {
          return subject !== null && (await this.keys.wasErased(subject)) ? this.erasedMarker : value;
        }
        if (!isSealedField(value)) return value;
        const key = await this.keys.keyForReading(value.kid);
        return key ? openField(value, key, `${event.id}:${path}`) : this.erasedMarker;
      });
    }
    return data === event.data ? event : { ...event, data };
  }
}
