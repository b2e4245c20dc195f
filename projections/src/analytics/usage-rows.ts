import { createHash } from 'node:crypto';
import type { RecordedEvent, SubscriptionFilter } from '#eventstore';

/** A row of `usage_events`; ids as decimal strings (UInt64 in ClickHouse, never a JS number). */
export interface UsageRow {
  readonly guild_id: string;
  /** Epoch seconds with milliseconds, `1767225600.123`: parsed the same, and fast, by every server. */
  readonly ts: string;
  /** `void`: an operator voided the report whose event id is in `name`. */
  readonly kind: 'command' | 'active' | 'report' | 'void' | 'join' | 'leave' | 'play';
  readonly category: string;
  readonly name: string;
  readonly user_id: string;
  readonly value: number;
  readonly door: string;
  readonly event_id: string;
  readonly position: number;
}

/** A row of `tracks`: what a queue's track id stands for. */
export interface TrackRow {
  readonly guild_id: string;
  readonly track_id: string;
  readonly identifier: string;
  readonly title: string;
  readonly author: string;
  readonly requested_by: string;
}

export interface AnalyticsRows {
  readonly usage: UsageRow[];
  readonly tracks: TrackRow[];
}

/**
 * Everything the projector reads. Plays come from the player's own events, by type name: `TracksQueued`
 * says what a track id is, `TrackStarted` at position 0 is one play (a later position is a resume).
 */
export const ANALYTICS_FILTER: SubscriptionFilter = {
  streamPrefixes: ['usage-', 'guild-', 'player-'],
  eventTypes: [
    'CommandInvoked',
    'MemberActive',
    'ActivityReported',
    'ActivityReportVoided',
    'MemberJoined',
    'MemberLeft',
    'TracksQueued',
    'TrackStarted',
  ],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SNOWFLAKE = /^\d{1,20}$/;

/** Event ids are UUIDs when Guildhall writes them; anything else is hashed into one, deterministically. */
export function asUuid(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const h = createHash('sha1').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const epochSeconds = (iso: string): string => (Date.parse(iso) / 1000).toFixed(3);
const id = (value: unknown): string => (typeof value === 'string' && SNOWFLAKE.test(value) ? value : '0');
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function guildOf(event: RecordedEvent, data: Record<string, unknown>): string {
  return id(data.guildId ?? event.streamId.slice(event.streamId.indexOf('-') + 1));
}

/** Maps one event to its rows. Pure and deterministic: a replay must produce the same rows. */
export function toRows(event: RecordedEvent, into: AnalyticsRows): void {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const guild = guildOf(event, data);
  if (guild === '0') return;
  const base = {
    guild_id: guild,
    ts: epochSeconds(text(data.at) || event.metadata.occurredAt),
    category: '',
    name: '',
    user_id: '0',
    value: 1,
    door: event.metadata.door,
    event_id: asUuid(event.id),
    position: event.position,
  };
  switch (event.type) {
    case 'CommandInvoked':
      into.usage.push({
        ...base,
        kind: 'command',
        category: text(data.category),
        name: text(data.name),
        user_id: id(data.userId),
        door: text(data.door) || base.door,
      });
      return;
    case 'MemberActive':
      into.usage.push({ ...base, kind: 'active', user_id: id(data.userId) });
      return;
    case 'ActivityReported':
      into.usage.push({ ...base, kind: 'report', value: Number(data.activeUsers) || 0 });
      return;
    case 'ActivityReportVoided':
      // At the time of the void (no `at` in its data); the report it names is found by event id.
      into.usage.push({ ...base, kind: 'void', name: asUuid(text(data.reportEventId)), value: 0 });
      return;
    case 'MemberJoined':
    case 'MemberLeft':
      into.usage.push({
        ...base,
        kind: event.type === 'MemberJoined' ? 'join' : 'leave',
        user_id: id(data.userId),
      });
      return;
    case 'TracksQueued':
      for (const track of (data.tracks as Record<string, unknown>[] | undefined) ?? []) {
        into.tracks.push({
          guild_id: guild,
          track_id: text(track.trackId),
          identifier: text(track.identifier) || text(track.uri) || text(track.title),
          title: text(track.title),
          author: text(track.author),
          requested_by: id(track.requestedBy),
        });
      }
      return;
    case 'TrackStarted':
      if (Number(data.positionMs ?? 0) !== 0) return;
      into.usage.push({
        ...base,
        kind: 'play',
        name: text(data.trackId),
        ts: data.startedAt ? epochSeconds(text(data.startedAt)) : base.ts,
      });
      return;
    default:
      return;
  }
}
