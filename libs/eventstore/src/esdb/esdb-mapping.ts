import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../envelope';

// EventStoreDB reports "no position" as the largest unsigned 64-bit value (old servers, stream reads).
const NO_POSITION = 2n ** 64n - 1n;

/** Our envelope as an EventStoreDB JSON event: `{schemaVersion, ...metadata}` travels as its metadata. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: (event.data ?? null) as never,
    metadata: { schemaVersion: event.schemaVersion, ...event.metadata },
  });
}

/**
 * A read or delivered event as our envelope, or undefined for what the port never shows: system events
 * (stream or type starting with `$`, which every real `$all` carries), links and deleted-event holes.
 */
export function fromResolved(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystem(event.streamId, event.type)) return undefined;
  const commit =
    event.position?.commit ?? ('commitPosition' in resolved ? resolved.commitPosition : undefined);
  const { schemaVersion, ...metadata } = asObject(event.metadata);
  return {
    id: event.id,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.data,
    metadata: metadata as unknown as EventMetadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPosition(commit),
    recordedAt: event.created.toISOString(),
  };
}

export function isSystem(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/** The commit position as a number; -1 when the server did not say (servers before 22.6 on stream reads). */
export function toPosition(commit: bigint | undefined): number {
  if (commit === undefined || commit === NO_POSITION) return -1;
  if (commit > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Position ${commit} exceeds 2^53`);
  return Number(commit);
}

/**
 * Our single-number position as an EventStoreDB position. gRPC appends commit each event on its own, so
 * an event's commit and prepare positions are equal, and a filtered checkpoint is only ever sent past
 * records already looked at: `{p, p}` addresses both exactly.
 */
export function toEsdbPosition(position: number): Position {
  const value = BigInt(position);
  return { commit: value, prepare: value };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof Uint8Array)
    ? (value as Record<string, unknown>)
    : {};
}
