import {
  EnqueueTracksCommand,
  JoinVoiceChannelCommand,
  SetVolumeCommand,
  StartTrackCommand,
  type CommandContext,
  type UsageRecordingCommandBus,
} from '#core';
import { playerStreamId } from '#domain';
import type { EventStore } from '#eventstore';

export interface DemoPlayer {
  readonly seed: string;
  readonly guildId: string;
  readonly voiceChannelId: string;
  readonly joinedBy: string;
  /** Queries the demo's music library answers (see demo-tracks), in queue order; the first is started. */
  readonly queue: readonly { readonly query: string; readonly requestedBy: string }[];
  /** Where in the first track playback starts, so now-playing shows the seed's position. */
  readonly startAtMs: number;
  readonly volume?: number;
}

/**
 * The seeds' music examples. Hexify: Never Gonna Give You Up playing 45 s in, Bohemian Rhapsody
 * queued, volume 75 (its voice channel is ours). Elixir: Tuyo (Narcos Theme) playing 18 s in, in the
 * sample's voice channel.
 */
export const DEMO_PLAYERS: readonly DemoPlayer[] = [
  {
    seed: 'hexify',
    guildId: '123456789012345678',
    voiceChannelId: '123456789012345679',
    joinedBy: '123456789012345678',
    queue: [
      { query: 'never gonna give you up rick astley', requestedBy: '123456789012345678' },
      { query: 'bohemian rhapsody queen', requestedBy: '123456789012345678' },
    ],
    startAtMs: 45_000,
    volume: 75,
  },
  {
    seed: 'elixir',
    guildId: '766045633697021973',
    voiceChannelId: '766045633697021978',
    joinedBy: '460177285954142208',
    queue: [
      { query: 'https://open.spotify.com/track/6g2BiiVQqY5v1S4HIrM54F', requestedBy: '460177285954142208' },
    ],
    startAtMs: 18_000,
  },
];

/**
 * Loads each demo player through the same commands the doors and the player worker use. The demo
 * runs without Discord, so no worker reports that audio began: the loader dispatches `StartTrack`
 * itself, as the worker would. A guild whose player stream already has events is left alone, so a
 * second run writes nothing. Returns the number of events written.
 */
export async function loadDemoPlayers(
  commandBus: UsageRecordingCommandBus,
  store: EventStore,
  context: CommandContext,
): Promise<number> {
  let written = 0;
  for (const demo of DEMO_PLAYERS) {
    const existing = await store.readStream(playerStreamId(demo.guildId), { maxCount: 1 });
    if (existing.length > 0) continue;
    const { guildId } = demo;
    written += (
      await commandBus.execute(
        new JoinVoiceChannelCommand(guildId, demo.voiceChannelId, demo.joinedBy, context),
      )
    ).eventTypes.length;
    let first: string | undefined;
    for (const { query, requestedBy } of demo.queue) {
      const added = await commandBus.execute(
        new EnqueueTracksCommand(guildId, query, { requestedBy }, context),
      );
      written += added.eventTypes.length;
      first ??= added.tracks[0].trackId;
    }
    written += (await commandBus.execute(new StartTrackCommand(guildId, first!, demo.startAtMs, context)))
      .eventTypes.length;
    if (demo.volume !== undefined) {
      written += (await commandBus.execute(new SetVolumeCommand(guildId, demo.volume, context))).eventTypes
        .length;
    }
    console.log(
      `${demo.seed.padEnd(14)} player ${guildId}: ${demo.queue.length} track(s), the first playing`,
    );
  }
  return written;
}
