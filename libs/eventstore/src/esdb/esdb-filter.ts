import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
  type Position,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../envelope';
import type { SubscriptionFilter } from '../event-store.port';

type CheckpointReached = (position: Position) => void;

/**
 * The filter EventStoreDB applies for us. Only one dimension can be filtered on the server: stream
 * prefixes when given (usually the more selective), else exact event types; with neither, system events
 * are excluded. The server filter also makes it send checkpoints past events it skipped.
 */
export function serverFilter(
  filter: SubscriptionFilter | undefined,
  onCheckpoint: CheckpointReached,
): Filter {
  const checkpointReached = (_subscription: unknown, position: Position): void => onCheckpoint(position);
  const prefixes = filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0)
    return streamNameFilter({ prefixes: [...prefixes], checkpointReached });
  const types = filter?.eventTypes;
  // A regex, not prefixes: a type prefix filter would let `GuildCreatedV2` through for `GuildCreated`.
  if (types && types.length > 0) return eventTypeFilter({ regex: exactly(types), checkpointReached });
  return excludeSystemEvents({ checkpointReached });
}

/** The whole filter, applied again on the client for the dimension the server could not filter on. */
export function matchesFilter(filter: SubscriptionFilter | undefined, event: RecordedEvent): boolean {
  const prefixes = filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0 && !prefixes.some((prefix) => event.streamId.startsWith(prefix)))
    return false;
  const types = filter?.eventTypes;
  return !types || types.length === 0 || types.includes(event.type);
}

function exactly(values: readonly string[]): string {
  const escaped = values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `^(?:${escaped.join('|')})$`;
}
