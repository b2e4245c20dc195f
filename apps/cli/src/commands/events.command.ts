import type { EventStore, RecordedEvent } from '#eventstore';
import { table } from './table';

const PAGE = 500;

/** One page of a stream as a table: revision, position, time, type and version, door, actor, data. */
export const eventsTable = (events: readonly RecordedEvent[]): string =>
  table(
    ['rev', 'position', 'occurred at', 'type', 'door', 'actor', 'data'],
    events.map((event) => {
      const { actor, door, occurredAt } = event.metadata;
      return [
        String(event.revision),
        String(event.position),
        occurredAt,
        `${event.type} v${event.schemaVersion}`,
        door,
        `${actor.kind}:${actor.id}`,
        JSON.stringify(event.data),
      ];
    }),
  );

/**
 * Prints a stream, oldest first: a table per page of 500 events (a long stream is never held whole),
 * or one JSON object per line with --json.
 */
export async function printStream(store: EventStore, streamId: string, json: boolean): Promise<void> {
  let from = 0;
  let printed = 0;
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: PAGE });
    if (json) for (const event of page) console.log(JSON.stringify(event));
    else if (page.length > 0) console.log(eventsTable(page));
    printed += page.length;
    if (page.length < PAGE) break;
    from = page[page.length - 1].revision + 1;
  }
  if (printed === 0) console.error(`stream ${streamId} is empty or does not exist`);
}
