import { randomUUID } from 'node:crypto';
import type { Actor, Door } from '#eventstore';

/** Who is asking, through which door, and which conversation the change belongs to. */
export interface CommandContext {
  readonly actor: Actor;
  readonly door: Door;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The Discord user behind the actor when known (a key's owner); analytics count them as active. */
  readonly onBehalfOf?: string | null;
}

export function systemContext(door: Door = 'system', actorId = 'guildhall'): CommandContext {
  return { actor: { kind: 'system', id: actorId }, door, correlationId: randomUUID(), causationId: null };
}
