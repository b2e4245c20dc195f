import type { EventStore } from '#eventstore';

/** Prints a stream, oldest first: one line per event, or one JSON object per line with --json. */
export async function printStream(store: EventStore, streamId: string, json: boolean): Promise<void> {
  let from = 0;
  let printed = 0;
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: 500 });
    for (const event of page) {
      const { actor, door, occurredAt } = event.metadata;
      console.log(
        json
          ? JSON.stringify(event)
          : `#${event.revision} @${event.position} ${occurredAt} ${event.type} v${event.schemaVersion} ` +
              `${door} ${actor.kind}:${actor.id} ${JSON.stringify(event.data)}`,
      );
    }
    printed += page.length;
    if (page.length < 500) break;
    from = page[page.length - 1].revision + 1;
  }
  if (printed === 0) console.error(`stream ${streamId} is empty or does not exist`);
}
