import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './fake-log';

export type EventPredicate = (event: StoredEvent) => boolean;

/**
 * The server-side filter of a read or subscription, as EventStoreDB applies it: on the stream name or on
 * the event type, by prefixes or by a regular expression (a search, not a full match).
 */
export function eventPredicate(options: ReadReq.Options): EventPredicate | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) return undefined;
  const subject = (event: StoredEvent): string => (onStream ? event.streamId : event.type);
  const regex = expression.getRegex();
  if (regex) {
    const pattern = new RegExp(regex);
    return (event) => pattern.test(subject(event));
  }
  const prefixes = expression.getPrefixList();
  return (event) => prefixes.some((prefix) => subject(event).startsWith(prefix));
}

/** Events the server considers between two checkpoints: the window times the client's multiplier. */
export function checkpointInterval(options: ReadReq.Options): number {
  const filter = options.getFilter();
  if (!filter) return Number.POSITIVE_INFINITY;
  // EventStoreDB's default search window when the client sends `count` instead of `max`.
  const window = filter.hasMax() ? filter.getMax() : 32;
  return Math.max(1, filter.getCheckpointintervalmultiplier()) * window;
}
