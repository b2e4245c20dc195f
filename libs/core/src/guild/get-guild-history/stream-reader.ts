import type { EventStore, RecordedEvent } from '#eventstore';

const READ_PAGE = 500;

/**
 * Reads one stream forwards from the first event past a global position, a page at a time. The
 * start is found by binary search over revisions (positions grow with revisions within a stream),
 * so a late cursor costs a few single-event reads, not a scan of the stream.
 */
export class StreamReader {
  private page: RecordedEvent[] = [];
  private index = 0;
  private nextRevision: number | null = null;
  private exhausted = false;

  constructor(
    private readonly store: EventStore,
    private readonly streamId: string,
  ) {}

  /** Positions the reader on the first event whose position is greater than `after`. */
  async seek(after: number): Promise<void> {
    const [last] = await this.store.readStream(this.streamId, { direction: 'backwards', maxCount: 1 });
    if (!last || last.position <= after) {
      this.exhausted = true;
      return;
    }
    let low = 0;
    let high = last.revision;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const [event] = await this.store.readStream(this.streamId, { fromRevision: middle, maxCount: 1 });
      // A truncated stream answers with its first kept event at or after `middle`.
      if (event && event.position > after) high = Math.min(middle, event.revision);
      else low = (event?.revision ?? middle) + 1;
    }
    this.nextRevision = low;
  }

  /** The next event without consuming it, or undefined at the end of the stream. */
  async peek(): Promise<RecordedEvent | undefined> {
    if (this.index < this.page.length) return this.page[this.index];
    if (this.exhausted || this.nextRevision === null) return undefined;
    this.page = await this.store.readStream(this.streamId, {
      fromRevision: this.nextRevision,
      maxCount: READ_PAGE,
    });
    this.index = 0;
    if (this.page.length < READ_PAGE) this.exhausted = true;
    else this.nextRevision = this.page[this.page.length - 1].revision + 1;
    return this.page[0];
  }

  skip(): void {
    this.index++;
  }
}

/** The events of several streams merged in global order, each after `after`. */
export async function* mergedAfter(
  store: EventStore,
  streamIds: readonly string[],
  after: number,
): AsyncGenerator<RecordedEvent> {
  const readers = streamIds.map((id) => new StreamReader(store, id));
  await Promise.all(readers.map((reader) => reader.seek(after)));
  for (;;) {
    let earliest: { reader: StreamReader; event: RecordedEvent } | undefined;
    for (const reader of readers) {
      const event = await reader.peek();
      if (event && (!earliest || event.position < earliest.event.position)) earliest = { reader, event };
    }
    if (!earliest) return;
    earliest.reader.skip();
    yield earliest.event;
  }
}
