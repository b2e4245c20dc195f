import { randomUUID } from 'node:crypto';
import {
  status,
  type ServerReadableStream,
  type ServerWritableStream,
  type sendUnaryData,
} from '@grpc/grpc-js';
import {
  AppendReq,
  AppendResp,
  type ReadReq,
  type ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState, FakeLog, ProposedEvent, StoredEvent } from './fake-log';
import { eventPredicate } from './event-filter';
import { empty, eventResponse, streamName, streamNotFoundResponse } from './messages';
import type { SubscriptionHub } from './subscriptions';

const FORWARDS = 0;
const END = 2n ** 64n - 1n;
// EventStoreDB's message for a $all read or subscription from a position that is not a record's.
const INVALID_POSITION = 'Trying to read from an invalid position.';

/** The Streams service: Append (client streaming) and Read (stream, $all, subscription). */
export class StreamsService {
  constructor(
    private readonly log: FakeLog,
    private readonly subscriptions: SubscriptionHub,
  ) {}

  // Append: the first message carries the options, every following one a proposed event.
  append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      const message = request.getProposedMessage();
      if (!message) return;
      const metadata = message.getMetadataMap();
      proposed.push({
        id: message.getId()?.getString() || randomUUID(),
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? 'application/octet-stream',
        data: message.getData_asU8(),
        metadata: message.getCustomMetadata_asU8(),
      });
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (!options) return callback({ code: status.INVALID_ARGUMENT, details: 'Append without options' });
      const streamId = streamName(options.getStreamIdentifier());
      const expected = expectedState(options);
      const outcome = this.log.append(streamId, expected, proposed);
      callback(
        null,
        outcome.ok ? success(outcome.revision, outcome.position) : conflict(outcome.current, expected),
      );
    });
  }

  read(call: ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions();
    if (!options) return void call.emit('error', { code: status.INVALID_ARGUMENT, details: 'No options' });
    const all = options.getAll();
    if (all?.hasPosition() && !this.log.isReadPosition(BigInt(all.getPosition()!.getCommitPosition())))
      return void call.emit('error', { code: status.UNKNOWN, details: INVALID_POSITION });
    if (options.hasSubscription()) return this.subscriptions.subscribe(call, options);
    const events = options.hasStream() ? this.readStream(options) : this.readAll(options);
    if (events === 'not-found') {
      call.write(streamNotFoundResponse(streamName(options.getStream()?.getStreamIdentifier())));
    } else {
      for (const event of events) call.write(eventResponse(event));
    }
    call.end();
  }

  private readStream(options: ReadReq.Options): readonly StoredEvent[] | 'not-found' {
    const stream = options.getStream()!;
    const events = this.log.stream(streamName(stream.getStreamIdentifier()));
    if (!events) return 'not-found';
    const count = Number(options.getCount());
    const forwards = options.getReadDirection() === FORWARDS;
    const visible = truncatedBefore(this.log, streamName(stream.getStreamIdentifier()));
    const from = stream.hasRevision()
      ? BigInt(stream.getRevision())
      : stream.hasEnd()
        ? END
        : forwards
          ? 0n
          : END;
    if (forwards)
      return events.filter((event) => event.revision >= from && event.revision >= visible).slice(0, count);
    return events
      .filter((event) => event.revision <= from && event.revision >= visible)
      .reverse()
      .slice(0, count);
  }

  // $all: forwards from a position is inclusive; backwards returns the events before the position.
  private readAll(options: ReadReq.Options): readonly StoredEvent[] {
    const all = options.getAll()!;
    const position = all.getPosition();
    const from = position ? BigInt(position.getCommitPosition()) : undefined;
    const count = Number(options.getCount());
    const matches = eventPredicate(options) ?? (() => true);
    if (options.getReadDirection() === FORWARDS) {
      const start = all.hasEnd() ? END : (from ?? 0n);
      return this.log.all.filter((event) => event.position >= start && matches(event)).slice(0, count);
    }
    const end = all.hasStart() ? 0n : (from ?? END);
    return this.log.all
      .filter((event) => event.position < end && matches(event))
      .reverse()
      .slice(0, count);
  }
}

// Stream metadata lives in `$$<stream>` as `$metadata` events, the newest winning; `$tb` (truncate
// before) hides the revisions below it from stream reads at once, as EventStoreDB does before a scavenge.
function truncatedBefore(log: FakeLog, streamId: string): bigint {
  const metadata = log.stream(`$$${streamId}`)?.at(-1);
  if (!metadata || metadata.type !== '$metadata') return 0n;
  const parsed = JSON.parse(Buffer.from(metadata.data).toString('utf8')) as { $tb?: number };
  return typeof parsed.$tb === 'number' ? BigInt(parsed.$tb) : 0n;
}

function expectedState(options: AppendReq.Options): ExpectedState {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

function success(revision: bigint, position: bigint | undefined): AppendResp {
  const result = new AppendResp.Success();
  if (revision < 0n) result.setNoStream(empty());
  else result.setCurrentRevision(revision.toString());
  if (position === undefined) result.setNoPosition(empty());
  else {
    const grpcPosition = new AppendResp.Position()
      .setCommitPosition(position.toString())
      .setPreparePosition(position.toString());
    result.setPosition(grpcPosition);
  }
  return new AppendResp().setSuccess(result);
}

function conflict(current: bigint | undefined, expected: ExpectedState): AppendResp {
  const wrong = new AppendResp.WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(current.toString());
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(empty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(empty());
  else wrong.setExpectedAny(empty());
  return new AppendResp().setWrongExpectedVersion(wrong);
}
