import type { RecordedEvent } from '#eventstore';

/** Where one event sits in a guild's timeline. */
export interface TimelineAttribution {
  readonly guildId: string;
  /** A usage fact (`usage-{guildId}`): shown only to readers who ask for usage. */
  readonly usage: boolean;
}

/** Streams named after their guild: the name says whose they are even when an event's data does not. */
const GUILD_NAMED_STREAMS = ['guild-', 'player-', 'moderation-', 'usage-'] as const;
const USAGE_STREAM = 'usage-';
const API_KEY_STREAM = 'apikey-';

/** The key id of an `apikey-{keyId}` stream, or undefined for any other stream. */
export const keyIdOfStream = (streamId: string): string | undefined =>
  streamId.startsWith(API_KEY_STREAM) ? streamId.slice(API_KEY_STREAM.length) : undefined;

/** The guild a key is bound to, as its issue event says; null for an account key or another event. */
export function boundGuildOfIssue(event: RecordedEvent): string | null {
  if (event.type !== 'ApiKeyIssued') return null;
  return guildIdIn(event.data) ?? null;
}

/**
 * Which guild's timeline an event belongs to, if any. A key's later events (revoked, tier or scopes
 * changed) carry only the key id, so `boundGuildOfKey` answers from what the key's issue event said.
 * Any other stream belongs to the guild its events name in `data.guildId`: a stream added later (a
 * guild's webhooks) joins the timeline without this rule knowing its name.
 */
export function attributeToGuild(
  event: RecordedEvent,
  boundGuildOfKey: (keyId: string) => string | undefined,
): TimelineAttribution | undefined {
  const named = GUILD_NAMED_STREAMS.find((prefix) => event.streamId.startsWith(prefix));
  if (named) {
    const guildId = event.streamId.slice(named.length);
    return guildId ? { guildId, usage: named === USAGE_STREAM } : undefined;
  }
  const keyId = keyIdOfStream(event.streamId);
  if (keyId !== undefined) {
    const guildId = boundGuildOfIssue(event) ?? boundGuildOfKey(keyId);
    return guildId ? { guildId, usage: false } : undefined;
  }
  const guildId = guildIdIn(event.data);
  return guildId ? { guildId, usage: false } : undefined;
}

function guildIdIn(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const guildId = (data as { guildId?: unknown }).guildId;
  return typeof guildId === 'string' && guildId !== '' ? guildId : undefined;
}
