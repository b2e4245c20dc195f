import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { playerDecider, playerStreamId, type PlayerEvent, type Track } from '#domain';
import type { EventStore } from '#eventstore';
import { ProjectionHost } from '../runtime/projection-host';
import { guildId, openTestStore, tempDir } from '../testing/fixtures';
import { playerProjection } from './player.projection';
import { PlayerReadModel } from './player.read-model';

const track = (trackId: string, requestedBy: string): Track => ({
  trackId,
  title: `Song ${trackId}`,
  author: 'Artist',
  durationSec: 180,
  uri: `https://example.com/${trackId}.mp3`,
  thumbnail: null,
  isStream: false,
  identifier: trackId,
  source: 'http',
  requestedBy,
});
const ALICE = '111111111111111111';
const BOB = '222222222222222222';

async function append(store: EventStore, id: string, ...events: PlayerEvent[]): Promise<number> {
  const result = await store.appendToStream(
    playerStreamId(id),
    events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      schemaVersion: playerDecider.schemaVersions[e.type],
      data: e.data,
      metadata: {
        correlationId: randomUUID(),
        causationId: null,
        actor: { kind: 'system', id: 'test' },
        door: 'system',
        occurredAt: '2026-01-01T00:00:00.000Z',
      },
    })),
  );
  return result.position;
}

describe('player projection', () => {
  const tmp = tempDir();
  let store: EventStore;
  let host: ProjectionHost;
  let players: PlayerReadModel;
  const id = guildId(7);
  const g = { guildId: id };
  const [a1, a2, b1] = [track('a1', ALICE), track('a2', ALICE), track('b1', BOB)];

  before(async () => {
    store = await openTestStore(tmp.dir);
    host = new ProjectionHost({ store, projections: [playerProjection], dataDir: tmp.dir });
    await host.start();
    players = new PlayerReadModel(host.db);
  });
  after(async () => {
    await host.stop();
    await store.close();
    tmp.remove();
  });

  const settled = async (position: number) =>
    assert.equal(await host.waitForPosition('player', position, 2_000), true);

  it('given no player events, when read, then the answer is null', () => {
    assert.equal(players.get(id), null);
  });

  it('given a channel, a playlist and a started track, when read, then channel, current and queue show', async () => {
    await settled(
      await append(
        store,
        id,
        { type: 'VoiceChannelJoined', data: { ...g, channelId: '5', requestedBy: ALICE } },
        { type: 'TracksQueued', data: { ...g, tracks: [a1, a2, b1], placement: 'end' } },
        { type: 'VolumeChanged', data: { ...g, volume: 75 } },
        {
          type: 'TrackStarted',
          data: { ...g, trackId: 'a1', positionMs: 0, startedAt: '2026-01-01T00:00:00.000Z' },
        },
      ),
    );
    const view = players.get(id)!;
    assert.equal(view.voiceChannelId, '5');
    assert.deepEqual(view.current, {
      track: a1,
      offsetMs: 0,
      startedAt: '2026-01-01T00:00:00.000Z',
      paused: false,
    });
    assert.deepEqual(
      view.queue.map((t) => t.trackId),
      ['a2', 'b1'],
    );
    assert.equal(view.volume, 75);
    assert.equal(view.revision, 3);
  });

  it('given fair share turned on, when read, then upcoming alternates requesters while queue keeps its order', async () => {
    await settled(await append(store, id, { type: 'FairShareChanged', data: { ...g, enabled: true } }));
    const view = players.get(id)!;
    assert.deepEqual(
      view.upcoming.map((t) => t.trackId),
      ['b1', 'a2'],
    );
    assert.deepEqual(
      view.queue.map((t) => t.trackId),
      ['a2', 'b1'],
    );
  });

  it('given the track ends and the player stops, when read, then history keeps it and nothing is queued', async () => {
    await settled(
      await append(
        store,
        id,
        { type: 'TrackEnded', data: { ...g, trackId: 'a1', reason: 'finished', positionMs: 180_000 } },
        { type: 'PlayerStopped', data: { ...g, clearedTrackIds: ['a2', 'b1'] } },
      ),
    );
    const view = players.get(id)!;
    assert.equal(view.current, null);
    assert.deepEqual(view.queue, []);
    assert.deepEqual(
      view.history.map((t) => t.trackId),
      ['a1'],
    );
    assert.equal(view.voiceChannelId, null);
  });

  it('given players in different states, when counted, then each guild counts once, in its state', async () => {
    const [paused, lost, idle] = [guildId(8), guildId(9), guildId(10)];
    const joined = (guild: string) => ({
      type: 'VoiceChannelJoined' as const,
      data: { guildId: guild, channelId: '5', requestedBy: ALICE },
    });
    const started = (guild: string) => [
      { type: 'TracksQueued' as const, data: { guildId: guild, tracks: [a1], placement: 'end' as const } },
      {
        type: 'TrackStarted' as const,
        data: { guildId: guild, trackId: 'a1', positionMs: 0, startedAt: '2026-01-01T00:00:00.000Z' },
      },
    ];
    await append(store, paused, joined(paused), ...started(paused), {
      type: 'PlaybackPaused',
      data: { guildId: paused, trackId: 'a1', positionMs: 1_000 },
    });
    await append(store, lost, joined(lost), ...started(lost), {
      type: 'VoiceConnectionLost',
      data: {
        guildId: lost,
        channelId: '5',
        cause: 'udp_silent',
        closeCode: null,
        reconnecting: true,
        trackId: 'a1',
        positionMs: 2_000,
        lostAt: '2026-01-01T00:00:02.000Z',
      },
    });
    const playing = guildId(11);
    await append(store, idle, joined(idle));
    await settled(await append(store, playing, joined(playing), ...started(playing)));
    // The guild of the tests above stopped its player and left: away.
    assert.deepEqual(players.countByState(), { playing: 1, paused: 1, voice_lost: 1, idle: 1, away: 1 });
  });

  it('given a live read model, when rebuilt from zero, then it equals the live one', async () => {
    const before = players.get(id);
    await host.rebuild('player');
    assert.deepEqual(new PlayerReadModel(host.db).get(id), before);
  });
});
