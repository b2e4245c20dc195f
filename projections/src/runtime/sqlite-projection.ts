import type { DatabaseSync } from 'node:sqlite';
import type { RecordedEvent, SubscriptionFilter } from '#eventstore';

/** Physical table names by logical name: the live tables, or the shadow tables of a rebuild. */
export type TableNames<TTable extends string = string> = Readonly<Record<TTable, string>>;

/** Applies one event to the tables it was prepared for. Must be idempotent and synchronous. */
export type EventApplier = (event: RecordedEvent) => void;

/**
 * Applies a page of events, in position order, inside the runner's transaction: lets a projection that
 * sees several events of one row in a page read and write that row once instead of once per event.
 * The same rules as an EventApplier: idempotent, synchronous.
 */
export interface PageApplier {
  readonly applyPage: (events: readonly RecordedEvent[]) => void;
}

/**
 * A read model kept in the shared SQLite read-model database.
 *
 * The runner owns transactions and the checkpoint; the projection only knows its tables. Table names
 * are passed in so the same code builds the live tables and a rebuild's shadow tables.
 */
export interface SqliteProjection<
  TTable extends string = string,
  TApplier extends EventApplier | PageApplier = EventApplier,
> {
  /** Stable identifier, the key of its checkpoint. */
  readonly name: string;
  /** Bump when the tables or the meaning of `apply` change: the projection is then rebuilt at start. */
  readonly version: number;
  /** What the subscription delivers; everything else is skipped by the store. */
  readonly filter: SubscriptionFilter;
  /** Logical table names; the physical names are handed to `migrate` and `prepare`. */
  readonly tables: readonly TTable[];
  /**
   * Creates the tables and their indexes if missing. Index names must be derived from the physical
   * table name so shadow and live indexes never collide (`${table}_by_owner`).
   */
  migrate(db: DatabaseSync, tables: TableNames<TTable>): void;
  /**
   * Prepares statements once and returns the per-event (or per-page) applier. Applying an event already
   * applied must change nothing (idempotent by stream revision or global position).
   */
  prepare(db: DatabaseSync, tables: TableNames<TTable>): TApplier;
}

/** A projection of either kind, as the runner, the host and a rebuild take it. */
export type AnySqliteProjection = SqliteProjection<string, EventApplier | PageApplier>;

/** A page applier for either kind: a per-event applier is called once per event, in order. */
export function pageApplierOf(
  applier: EventApplier | PageApplier,
): (events: readonly RecordedEvent[]) => void {
  if (typeof applier !== 'function') return applier.applyPage;
  return (events) => {
    for (const event of events) applier(event);
  };
}

/** The live physical names: the logical names themselves, so queries can name tables directly. */
export const liveTables = <T extends string>(
  projection: SqliteProjection<T, EventApplier | PageApplier>,
): TableNames<T> => Object.fromEntries(projection.tables.map((t): [T, string] => [t, t])) as TableNames<T>;

/** Suffix of a rebuild's shadow tables; a leftover from a crashed rebuild is dropped at the next one. */
export const SHADOW_SUFFIX = '__rebuild';

export const shadowTables = <T extends string>(
  projection: SqliteProjection<T, EventApplier | PageApplier>,
): TableNames<T> =>
  Object.fromEntries(projection.tables.map((t) => [t, `${t}${SHADOW_SUFFIX}`])) as TableNames<T>;

/** Whether the filter admits an event; used where the store does not filter for us (readAll in rebuilds). */
export function matchesFilter(filter: SubscriptionFilter, event: RecordedEvent): boolean {
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  return true;
}
