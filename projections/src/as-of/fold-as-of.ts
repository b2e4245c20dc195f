import type { EventStore } from '#eventstore';
import { includes, type AsOf, type FoldedState, type StreamFold } from './as-of';
import type { AsOfSnapshotStore } from './snapshot-store';

export interface FoldAsOfOptions {
  /** Store a snapshot each time the fold passes a multiple of this many events of the stream. */
  readonly snapshotEvery: number;
  /** Events read from the store per page. */
  readonly pageSize?: number;
}

/**
 * Folds one stream from the event store up to a moment: from the newest snapshot inside the moment
 * (or the start), in stream order, stopping at the first event past the moment. On the way it stores
 * a snapshot at every revision `snapshotEvery * k - 1` it folds, so the next read of a long stream
 * starts close to its moment. Returns the fold (revision -1 when no event of the stream is inside).
 */
export async function foldAsOf<S>(
  store: EventStore,
  snapshots: AsOfSnapshotStore | undefined,
  fold: StreamFold<S>,
  streamId: string,
  asOf: AsOf,
  options: FoldAsOfOptions,
): Promise<FoldedState<S>> {
  const pageSize = options.pageSize ?? 500;
  let folded: FoldedState<S> = snapshots?.newest(streamId, fold, asOf) ?? {
    state: fold.initial(),
    revision: -1,
    position: -1,
    occurredAtMs: null,
  };
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision: folded.revision + 1, maxCount: pageSize });
    for (const event of page) {
      if (!includes(asOf, event)) return folded;
      folded = {
        state: fold.evolve(folded.state, event),
        revision: event.revision,
        position: event.position,
        occurredAtMs: Math.max(folded.occurredAtMs ?? 0, Date.parse(event.metadata.occurredAt)),
      };
      if ((event.revision + 1) % options.snapshotEvery === 0) snapshots?.save(streamId, fold, folded);
    }
    if (page.length < pageSize) return folded;
  }
}
