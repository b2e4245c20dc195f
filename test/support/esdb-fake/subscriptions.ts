import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { FakeLog, StoredEvent } from './fake-log';
import { checkpointInterval, eventPredicate, type EventPredicate } from './event-filter';
import { caughtUpResponse, checkpointResponse, confirmationResponse, eventResponse } from './messages';

export interface SubscriptionBehaviour {
  /** Servers before 23.10 never say they caught up; clients must work it out themselves. */
  readonly sendsCaughtUp: boolean;
}

interface Active {
  readonly call: ServerWritableStream<ReadReq, ReadResp>;
  readonly unlisten: () => void;
}

/**
 * Subscriptions to $all as EventStoreDB serves them: a confirmation, the catch-up (events strictly after
 * the requested position), a checkpoint and CaughtUp, then live events as they are appended. A filtered
 * subscription also reports a checkpoint after `window × multiplier` events in a row that it skipped, at
 * the position of the last one: resuming strictly after it loses nothing, as with the real server.
 */
export class SubscriptionHub {
  private readonly active = new Set<Active>();

  constructor(
    private readonly log: FakeLog,
    private readonly behaviour: SubscriptionBehaviour,
  ) {}

  get count(): number {
    return this.active.size;
  }

  subscribe(call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options): void {
    if (options.hasStream()) {
      call.emit('error', { code: status.UNIMPLEMENTED, details: 'The fake only subscribes to $all' });
      return;
    }
    const all = options.getAll()!;
    const after = all.hasPosition()
      ? BigInt(all.getPosition()!.getCommitPosition())
      : all.hasEnd()
        ? (this.log.all.at(-1)?.position ?? -1n)
        : -1n;
    const feed = new Feed(call, eventPredicate(options), checkpointInterval(options), after);

    call.write(confirmationResponse(randomUUID()));
    feed.offer(this.log.all.filter((event) => event.position > after));
    if (feed.filtered && feed.lastConsidered !== undefined)
      call.write(checkpointResponse(feed.lastConsidered));
    if (this.behaviour.sendsCaughtUp) call.write(caughtUpResponse());

    // Registered in the same tick as the catch-up read: nothing appended in between can be missed.
    const unlisten = this.log.onAppended((events) => feed.offer(events));
    const entry: Active = { call, unlisten };
    this.active.add(entry);
    const forget = (): void => {
      unlisten();
      this.active.delete(entry);
    };
    call.on('cancelled', forget);
    call.on('close', forget);
    call.on('error', forget);
  }

  /** Ends every live subscription with UNAVAILABLE, as a restarting or failing-over node would. */
  dropAll(): number {
    const dropped = [...this.active];
    for (const { call, unlisten } of dropped) {
      unlisten();
      call.emit('error', { code: status.UNAVAILABLE, details: 'Subscription dropped by the fake server' });
    }
    this.active.clear();
    return dropped.length;
  }
}

class Feed {
  lastConsidered: bigint | undefined;
  private sinceCheckpoint = 0;

  constructor(
    private readonly call: ServerWritableStream<ReadReq, ReadResp>,
    private readonly matches: EventPredicate | undefined,
    private readonly interval: number,
    private readonly after: bigint,
  ) {}

  get filtered(): boolean {
    return this.matches !== undefined;
  }

  offer(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.position <= this.after) continue;
      this.lastConsidered = event.position;
      if (!this.matches || this.matches(event)) {
        this.call.write(eventResponse(event));
        this.sinceCheckpoint = 0;
      } else if (++this.sinceCheckpoint >= this.interval) {
        this.call.write(checkpointResponse(event.position));
        this.sinceCheckpoint = 0;
      }
    }
  }
}
