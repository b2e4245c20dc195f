/** Which door a change came through. Part of the public audit API. */
export type Door = 'rest' | 'discord' | 'cli' | 'system';

/** Who caused a change: an API key, a Discord user, or the system itself. */
export type Actor =
  | { readonly kind: 'apikey'; readonly id: string }
  | { readonly kind: 'discord-user'; readonly id: string }
  | { readonly kind: 'system'; readonly id: string };

/** Metadata every stored event carries. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly door: Door;
  /** ISO 8601 time at which the change was decided. */
  readonly occurredAt: string;
}

/** An event about to be appended. `id` makes appends idempotent: retrying the same ids writes nothing twice. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  readonly id: string;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/** An event as the store returns it. Revisions count from 0 per stream; positions order `$all`. */
export interface RecordedEvent<TType extends string = string, TData = unknown> extends NewEvent<
  TType,
  TData
> {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  /** ISO 8601 time at which the store recorded the event. */
  readonly recordedAt: string;
}
