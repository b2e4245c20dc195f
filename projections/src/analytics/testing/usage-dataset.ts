import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '#eventstore';

const CATEGORIES = ['music', 'moderation', 'fun', 'utility'] as const;
const NAMES: Record<(typeof CATEGORIES)[number], string[]> = {
  music: ['play', 'skip', 'queue'],
  moderation: ['ban', 'warn'],
  fun: ['8ball', 'meme'],
  utility: ['help', 'settings'],
};

/** A small deterministic PRNG (mulberry32), so a failing dataset can be regenerated. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const meta = (at: string) => ({
  correlationId: randomUUID(),
  causationId: null,
  actor: { kind: 'system' as const, id: 'dataset' },
  door: 'discord' as const,
  occurredAt: at,
});

const event = (type: string, data: unknown, at: string): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: meta(at),
});

/**
 * Writes a random usage history for `guildId` over the 40 days before `now`: commands, activity, bot
 * reports, joins and leaves (on the guild stream, after a registration) and plays (on the player
 * stream, as the player writes them). The answers are computed by counting the stored events.
 */
export async function writeUsageDataset(store: EventStore, guildId: string, now: Date, seed = 1, size = 600) {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const at = () => new Date(now.getTime() - Math.floor(random() ** 2 * 40 * 86_400_000)).toISOString();
  const user = () => String(100000 + Math.floor(random() * 150));
  const usage: NewEvent[] = [];
  for (let i = 0; i < size; i++) {
    const category = pick(CATEGORIES);
    const when = at();
    usage.push(
      event(
        'CommandInvoked',
        {
          guildId,
          name: pick(NAMES[category]),
          category,
          userId: user(),
          actor: 'x',
          door: 'discord',
          at: when,
        },
        when,
      ),
    );
    if (random() < 0.5)
      usage.push(event('MemberActive', { guildId, userId: user(), channelId: '7', at: when }, when));
    if (random() < 0.05) {
      const reported = new Date(now.getTime() - Math.floor(random() * 6 * 86_400_000)).toISOString();
      usage.push(
        event(
          'ActivityReported',
          { guildId, activeUsers: Math.floor(random() * 400), at: reported },
          reported,
        ),
      );
    }
  }
  await store.appendToStream(`usage-${guildId}`, usage);
  const guild: NewEvent[] = [];
  for (let i = 0; i < 60; i++) {
    const when = at();
    guild.push(
      event(
        random() < 0.6 ? 'MemberJoined' : 'MemberLeft',
        { guildId, userId: user(), bot: false, at: when },
        when,
      ),
    );
  }
  await store.appendToStream(`guild-${guildId}`, guild);
  const tracks = ['dQw4w9WgXcQ', 'fJ9rUzIMcZQ', 'kJQP7kiw5Fk'].map((identifier, i) => ({
    trackId: `t${i}`,
    identifier,
    title: `Song ${i}`,
    author: `Artist ${i}`,
    requestedBy: user(),
  }));
  const player: NewEvent[] = [
    event('TracksQueued', { guildId, tracks, placement: 'end' }, now.toISOString()),
  ];
  for (let i = 0; i < 80; i++) {
    const when = at();
    const positionMs = random() < 0.1 ? 30_000 : 0;
    player.push(
      event('TrackStarted', { guildId, trackId: pick(tracks).trackId, positionMs, startedAt: when }, when),
    );
  }
  await store.appendToStream(`player-${guildId}`, player);
}

/** Every stored event of the guild's three streams. */
export async function datasetEvents(store: EventStore, guildId: string): Promise<RecordedEvent[]> {
  const streams = await Promise.all(
    ['usage', 'guild', 'player'].map((s) => store.readStream(`${s}-${guildId}`)),
  );
  return streams.flat();
}
