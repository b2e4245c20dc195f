import type { RecordedEvent } from './envelope';

/** Turns an event stored at `fromVersion` into the shape of `fromVersion + 1`. */
export interface Upcaster {
  readonly eventType: string;
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}

/**
 * Applies upcasters in version order so readers only ever see the newest schema of each event type.
 * Stored events are never rewritten: the upcast happens on every read.
 */
export class UpcasterChain {
  private readonly byType = new Map<string, Map<number, Upcaster>>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): void {
    const versions = this.byType.get(upcaster.eventType) ?? new Map<number, Upcaster>();
    if (versions.has(upcaster.fromVersion)) {
      throw new Error(`Two upcasters for ${upcaster.eventType} v${upcaster.fromVersion}`);
    }
    versions.set(upcaster.fromVersion, upcaster);
    this.byType.set(upcaster.eventType, versions);
  }

  upcast<T extends RecordedEvent>(event: T): T {
    const versions = this.byType.get(event.type);
    if (!versions) return event;
    let data = event.data;
    let version = event.schemaVersion;
    for (let step = versions.get(version); step; step = versions.get(version)) {
      data = step.upcast(data);
      version += 1;
    }
    return version === event.schemaVersion ? event : { ...event, data, schemaVersion: version };
  }
}
