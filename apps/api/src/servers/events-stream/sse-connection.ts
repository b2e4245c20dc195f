import type { ServerResponse } from 'node:http';
import type { LiveEventSink } from '#core';
import type { RecordedEvent } from '#eventstore';
import { historyEntry } from '../guild-history.dto';

/** One page of the catch-up read: the guild's events after a position, and where the next starts. */
export type CatchUpPage = (after: number) => Promise<{
  readonly events: readonly RecordedEvent[];
  readonly nextCursor: number | null;
}>;

export interface SseConnectionOptions {
  readonly guildId: string;
  readonly includeUsage: boolean;
  /** Only these event types are sent; undefined sends every type. */
  readonly types: ReadonlySet<string> | undefined;
  /** Resume point: events strictly after this global position. */
  readonly after: number;
  /** Past this many bytes waiting for the client (socket or catch-up queue), the stream is cut off. */
  readonly maxBufferedBytes: number;
  /** Told once, when the stream ends for any reason; `cutOff` when backpressure ended it. */
  readonly onEnd: (reason: 'closed' | 'cut-off' | 'aborted') => void;
}

interface Pending {
  readonly position: number;
  readonly chunk: string;
}

/** Each event is formatted once, however many streams it goes to (the hub hands all the same object). */
const formatted = new WeakMap<RecordedEvent, string>();

/** An event as one SSE message: `id:` its global position, `event:` its type, data one history entry. */
export function sseMessage(event: RecordedEvent): string {
  let message = formatted.get(event);
  if (message === undefined) {
    message = `id: ${event.position}\nevent: ${event.type}\ndata: ${JSON.stringify(historyEntry(event))}\n\n`;
    formatted.set(event, message);
  }
  return message;
}

/**
 * One client's stream. It first catches up from the index (pull: it waits for the socket to drain),
 * queueing what the hub hands it live meanwhile; then flushes the queue and writes live batches as
 * they come. Nothing is sent at or below the last position sent, so the overlap between the index
 * read and the live queue is never sent twice. A client that does not read is cut off once what
 * waits for it passes `maxBufferedBytes`: memory per stream stays bounded whatever the client does.
 */
export class SseConnection implements LiveEventSink {
  readonly guildId: string;
  readonly includeUsage: boolean;
  private lastSent: number;
  private pending: Pending[] | undefined = [];
  private pendingBytes = 0;
  private ended = false;
  /**
   * The most bytes ever seen waiting in the socket after a write (for tests and the benchmark): at
   * most the larger of the bound and the socket's high-water mark (64 KiB), plus one message.
   */
  peakBufferedBytes = 0;

  constructor(
    private readonly response: ServerResponse,
    private readonly options: SseConnectionOptions,
  ) {
    this.guildId = options.guildId;
    this.includeUsage = options.includeUsage;
    this.lastSent = options.after;
    response.once('close', () => this.end('closed'));
  }

  get closed(): boolean {
    return this.ended;
  }

  /** Sends every stored event after the resume point, page by page, then goes live. */
  async catchUp(firstPage: Awaited<ReturnType<CatchUpPage>>, nextPage: CatchUpPage): Promise<void> {
    let page = firstPage;
    for (;;) {
      for (const event of page.events) {
        if (this.ended) return;
        if (event.position <= this.lastSent || !this.wanted(event)) continue;
        if (!this.write(sseMessage(event), event.position, 'pull')) await this.drained();
      }
      if (page.nextCursor === null || this.ended) break;
      page = await nextPage(page.nextCursor);
    }
    const queued = this.pending ?? [];
    this.pending = undefined;
    this.pendingBytes = 0;
    for (const { position, chunk } of queued) {
      if (position > this.lastSent) this.write(chunk, position);
    }
  }

  deliver(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (this.ended) return;
      if (event.position <= this.lastSent || !this.wanted(event)) continue;
      const chunk = sseMessage(event);
      if (this.pending) {
        this.pending.push({ position: event.position, chunk });
        this.pendingBytes += chunk.length;
        if (this.pendingBytes > this.options.maxBufferedBytes) return this.cutOff();
      } else {
        this.write(chunk, event.position);
      }
    }
  }

  /** A comment line: keeps proxies from timing the connection out, and shows the client it is alive. */
  heartbeat(): void {
    if (!this.ended) this.write(': heartbeat\n\n');
  }

  abort(reason: string): void {
    if (this.ended) return;
    this.response.end(`: ended: ${reason}\n\n`);
    this.end('aborted');
  }

  private wanted(event: RecordedEvent): boolean {
    return this.options.types === undefined || this.options.types.has(event.type);
  }

  /**
   * Writes a chunk; false when the socket holds more than its high-water mark (wait for drain). A
   * pushed write (live, heartbeat) past the bound cuts the client off; a pulled one (catch-up) never
   * needs to, since the catch-up stops reading the index until the socket drains.
   */
  private write(chunk: string, position?: number, mode: 'push' | 'pull' = 'push'): boolean {
    if (this.ended) return false;
    const below = this.response.write(chunk);
    if (position !== undefined) this.lastSent = position;
    const buffered = this.response.writableLength;
    if (buffered > this.peakBufferedBytes) this.peakBufferedBytes = buffered;
    if (mode === 'push' && buffered > this.options.maxBufferedBytes) {
      this.cutOff();
      return false;
    }
    return below;
  }

  private drained(): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.on('drain', done);
      this.response.on('close', done);
    });
  }

  private cutOff(): void {
    if (this.ended) return;
    // Destroy, not end: ending would queue yet more bytes behind the ones the client is not reading.
    this.end('cut-off');
    this.response.destroy();
  }

  private end(reason: 'closed' | 'cut-off' | 'aborted'): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = undefined;
    this.options.onEnd(reason);
  }
}
