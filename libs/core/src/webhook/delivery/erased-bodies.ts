import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { PERSONAL_DATA_RULES } from '#domain';
import type { EventStore, RecordedEvent } from '#eventstore';
import { eventPayload } from './webhook-payload';

/** A delivery whose stored body is to be replaced by the event as the store reads it now. */
export interface BodyRewrite {
  readonly seq: number;
  readonly body: string;
}

/** Event types with a personal field: only their delivery bodies can hold a person's data. */
const PERSONAL_TYPES = [...new Set(PERSONAL_DATA_RULES.map((rule) => rule.eventType))];

/**
 * A delivery's body is a copy of its event, written when the event was queued. Once a person's key is
 * forgotten the store reads their fields as erased, but these copies would still hold the plaintext
 * (and a redelivery would send it again). So when `PersonalDataErased` passes, the bodies of every
 * delivery of an event type with a personal field are rendered again from the store; the reactor writes
 * them in the transaction that moves its checkpoint past the erasure. Re-rendering a body that held
 * nothing personal gives the same bytes, so no subject needs to be known.
 */
export class ErasedBodies {
  private readonly candidates: StatementSync;

  constructor(
    private readonly db: DatabaseSync,
    private readonly store: EventStore,
  ) {
    this.candidates = db.prepare(
      `SELECT seq, guild_id, event_position FROM webhook_deliveries
       WHERE event_position IS NOT NULL AND event_type IN (${PERSONAL_TYPES.map(() => '?').join(', ')})`,
    );
  }

  /** The batch holds an erasure: the rewrites it calls for (none otherwise). */
  async rewritesFor(events: readonly RecordedEvent[]): Promise<BodyRewrite[]> {
    if (!events.some((event) => event.type === 'PersonalDataErased')) return [];
    const rows = this.candidates.all(...PERSONAL_TYPES) as unknown as {
      seq: number;
      guild_id: string;
      event_position: number;
    }[];
    if (rows.length === 0) return [];
    const positions = [...new Set(rows.map((row) => row.event_position))];
    const byPosition = new Map((await this.store.readPositions(positions)).map((e) => [e.position, e]));
    return rows.flatMap((row) => {
      const event = byPosition.get(row.event_position);
      return event ? [{ seq: row.seq, body: eventPayload(event, row.guild_id) }] : [];
    });
  }

  /** Inside the reactor's transaction. */
  apply(rewrites: readonly BodyRewrite[]): void {
    if (rewrites.length === 0) return;
    const update = this.db.prepare('UPDATE webhook_deliveries SET body = ? WHERE seq = ?');
    for (const { seq, body } of rewrites) update.run(body, seq);
  }
}
