import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guildDecider, guildStreamId, type GuildEvent, type GuildProfile } from '#domain';
import { SqliteEventStore, type EventStore, type NewEvent } from '#eventstore';

/** A fresh temporary directory and its removal. */
export function tempDir(prefix = 'guildhall-proj-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real embedded event store in `dataDir`; a second call opens a second connection, like another process. */
export async function openTestStore(dataDir: string): Promise<EventStore> {
  return new SqliteEventStore({ file: join(dataDir, 'events.sqlite'), pollIntervalMs: 10 });
}

/** Wraps a domain event the way a command handler would before appending it. */
export function toNewEvent(event: GuildEvent, occurredAt = '2026-01-01T00:00:00.000Z'): NewEvent {
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: guildDecider.schemaVersions[event.type],
    data: event.data,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'system', id: 'test' },
      door: 'system',
      occurredAt,
    },
  };
}

export const guildId = (n: number): string => String(100_000_000_000_000_000n + BigInt(n));

export const profileOf = (n: number): GuildProfile => ({
  name: `Guild ${n}`,
  ownerId: guildId(n + 1_000_000),
  memberCount: 100 + n,
  botCount: 2,
  onlineCount: 10,
  premium: n % 2 === 0,
  features: ['music'],
});

export async function append(store: EventStore, id: string, ...events: GuildEvent[]): Promise<number> {
  const result = await store.appendToStream(
    guildStreamId(id),
    events.map((e) => toNewEvent(e)),
  );
  return result.position;
}

export const registered = (n: number): GuildEvent => ({
  type: 'GuildRegistered',
  data: { guildId: guildId(n), ...profileOf(n) },
});

/** Appends `count` registrations and, for each guild, a settings change: 2 × count events. */
export async function seedGuilds(store: EventStore, count: number, from = 0): Promise<number> {
  let position = -1;
  for (let n = from; n < from + count; n++) {
    position = await append(store, guildId(n), registered(n), {
      type: 'SettingsChanged',
      data: { guildId: guildId(n), changes: { prefix: `?${n % 10}`, autoMod: { enabled: true } } },
    });
  }
  return position;
}

export async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
