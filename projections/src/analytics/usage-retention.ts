import type { EventStore, RecordedEvent } from '#eventstore';
import type { ProjectionLogger } from '../runtime/runner-types';

const DAY_MS = 86_400_000;
const USAGE_PREFIX = 'usage-';

/** Per usage stream of one batch: where truncation may go, and whether an in-window event fixed it. */
interface StreamMark {
  before: number;
  settled: boolean;
}

/**
 * Retention of `usage-{guildId}` streams (USAGE_RETENTION_DAYS). The projector notes each usage event
 * whose row it buffered; once that batch is confirmed in ClickHouse it applies the marks: each stream is
 * truncated past the run of old events the batch starts with for it, so before its first in-window event,
 * or past its last event when all are old. Conservative on purpose: a batch that starts with a recent
 * event truncates nothing (earlier batches' events may be recent too, and are not re-read), and an old
 * event after a recent one stays. Guild, player and other streams are never touched.
 */
export class UsageRetention {
  private readonly windowMs: number;
  private marks = new Map<string, StreamMark>();

  constructor(
    private readonly store: EventStore,
    retentionDays: number,
    private readonly logger?: ProjectionLogger,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = retentionDays * DAY_MS;
  }

  /** `at` is the event's time as its ClickHouse row has it. Events come in `$all` order. */
  note(event: RecordedEvent, at: number): void {
    if (!event.streamId.startsWith(USAGE_PREFIX)) return;
    const mark = this.marks.get(event.streamId) ?? { before: 0, settled: false };
    this.marks.set(event.streamId, mark);
    if (mark.settled) return;
    // An unreadable time counts as recent: it is never a reason to delete.
    if (!(at < this.now() - this.windowMs)) mark.settled = true;
    else mark.before = event.revision + 1;
  }

  /** Hands over the marks of the batch being flushed; later events start a new set. */
  take(): Map<string, StreamMark> {
    const taken = this.marks;
    this.marks = new Map();
    return taken;
  }

  /** Called only after the batch's checkpoint is confirmed. Failures are logged and retried next batch. */
  async apply(taken: Map<string, StreamMark>): Promise<void> {
    for (const [streamId, mark] of taken) {
      if (mark.before <= 0) continue;
      try {
        await this.store.truncateStreamBefore(streamId, mark.before);
      } catch (error) {
        this.logger?.error(`usage retention could not truncate ${streamId}; retrying next batch`, error);
        this.retry(streamId, mark);
      }
    }
  }

  // A failed stream's mark joins the next batch's: its events are confirmed and old, and come before
  // everything the next batch holds, so the higher of the two points is safe.
  private retry(streamId: string, failed: StreamMark): void {
    const next = this.marks.get(streamId);
    if (next) next.before = Math.max(next.before, failed.before);
    else this.marks.set(streamId, { ...failed });
  }
}
