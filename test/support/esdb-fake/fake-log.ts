/** One event as the fake EventStoreDB keeps it: bytes in, bytes out, like the real server. */
export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** Log position: commit and prepare are equal for events written by a gRPC append. */
  readonly position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  readonly created: bigint;
}

export type ProposedEvent = Pick<StoredEvent, 'id' | 'type' | 'contentType' | 'data' | 'metadata'>;

export type ExpectedState =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type AppendOutcome =
  | { readonly ok: true; readonly revision: bigint; readonly position: bigint | undefined }
  | { readonly ok: false; readonly current: bigint | undefined };

const TICKS_PER_MS = 10_000n;
// Real logs start after a chunk header and some system records; positions never start at 0.
const FIRST_POSITION = 1_024n;

/**
 * The in-memory transaction log. Positions grow by a record's size, as in EventStoreDB, so they are
 * increasing but not contiguous: code that assumes `position + 1` is the next event breaks here too.
 */
export class FakeLog {
  readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<(events: readonly StoredEvent[]) => void>();
  private readonly positions = new Set<bigint>();
  private nextPosition = FIRST_POSITION;

  stream(streamId: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /**
   * Whether `$all` can be read or subscribed to from here: the start, a record, or the end of the log.
   * EventStoreDB fails a read or subscription at any other position (it would land inside a record).
   */
  isReadPosition(position: bigint): boolean {
    return position === 0n || position === this.nextPosition || this.positions.has(position);
  }

  onAppended(listener: (events: readonly StoredEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies EventStoreDB's expected-version and idempotency rules, then writes atomically. */
  append(streamId: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(streamId) ?? [];
    const current = existing.length === 0 ? undefined : BigInt(existing.length - 1);
    const decision = this.decide(existing, current, expected, proposed);
    if (decision === 'conflict') return { ok: false, current };
    if (decision !== 'write') return { ok: true, ...decision };
    if (proposed.length === 0) return { ok: true, revision: current ?? -1n, position: undefined };

    const written = proposed.map((event, index) =>
      this.record(streamId, BigInt(existing.length + index), event),
    );
    this.streams.set(streamId, [...existing, ...written]);
    this.all.push(...written);
    for (const event of written) this.positions.add(event.position);
    for (const listener of this.listeners) listener(written);
    const last = written[written.length - 1]!;
    return { ok: true, revision: last.revision, position: last.position };
  }

  private decide(
    existing: readonly StoredEvent[],
    current: bigint | undefined,
    expected: ExpectedState,
    proposed: readonly ProposedEvent[],
  ): 'write' | 'conflict' | { revision: bigint; position: bigint } {
    switch (expected.kind) {
      case 'any':
        return this.idempotentById(existing, proposed) ?? 'write';
      case 'stream_exists':
        if (current === undefined) return 'conflict';
        return this.idempotentById(existing, proposed) ?? 'write';
      case 'no_stream':
        return this.atRevision(existing, current, -1n, proposed);
      case 'revision':
        return this.atRevision(existing, current, expected.revision, proposed);
    }
  }

  // Expected version E: write when the stream is at E; when it is past E and the events after E carry
  // the same ids, the append is a retry and succeeds without writing; anything else is a conflict.
  private atRevision(
    existing: readonly StoredEvent[],
    current: bigint | undefined,
    expected: bigint,
    proposed: readonly ProposedEvent[],
  ): 'write' | 'conflict' | { revision: bigint; position: bigint } {
    const at = current ?? -1n;
    if (expected === at) return 'write';
    if (expected > at || proposed.length === 0) return 'conflict';
    const start = Number(expected + 1n);
    return this.matchFrom(existing, start, proposed) ?? 'conflict';
  }

  // Expected "any": the server looks the first event id up; found in this stream, every following id
  // must follow it in order (a retry), otherwise the append is refused as corrupted idempotency.
  private idempotentById(
    existing: readonly StoredEvent[],
    proposed: readonly ProposedEvent[],
  ): { revision: bigint; position: bigint } | 'conflict' | undefined {
    if (proposed.length === 0) return undefined;
    const start = existing.findIndex((event) => event.id === proposed[0]!.id);
    if (start < 0) return undefined;
    return this.matchFrom(existing, start, proposed) ?? 'conflict';
  }

  private matchFrom(
    existing: readonly StoredEvent[],
    start: number,
    proposed: readonly ProposedEvent[],
  ): { revision: bigint; position: bigint } | undefined {
    const slice = existing.slice(start, start + proposed.length);
    if (slice.length !== proposed.length) return undefined;
    if (!slice.every((event, index) => event.id === proposed[index]!.id)) return undefined;
    const last = slice[slice.length - 1]!;
    return { revision: last.revision, position: last.position };
  }

  private record(streamId: string, revision: bigint, event: ProposedEvent): StoredEvent {
    const position = this.nextPosition;
    const size = 96 + streamId.length + event.type.length + event.data.length + event.metadata.length;
    this.nextPosition += BigInt(size);
    return { ...event, streamId, revision, position, created: BigInt(Date.now()) * TICKS_PER_MS };
  }
}
