import { describe, it } from 'node:test';
import { DeciderSpecification, SPEC_NOW } from '../testing/decider-spec';
import { playerDecider } from './player.decider';
import { GUILD_ID, joined, playingRick, queued, radio, rick, startedEvent } from './player.fixtures';

const spec = DeciderSpecification.for(playerDecider);
const g = { guildId: GUILD_ID };
const paused = { type: 'PlaybackPaused', data: { ...g, trackId: rick.trackId, positionMs: 45_000 } } as const;

describe('PausePlayback', () => {
  it('given a track playing for 45 s, when paused, then PlaybackPaused at 45 000 ms', () => {
    spec
      .given(playingRick)
      .when({ type: 'PausePlayback', ...g })
      .then([paused]);
  });

  it('given nothing playing, when paused, then it is refused as nothing playing', () => {
    spec
      .given([joined])
      .when({ type: 'PausePlayback', ...g })
      .thenThrows('conflict', 'nothing_playing');
  });

  it('given a paused track, when paused again, then it is refused as already paused', () => {
    spec
      .given([...playingRick, paused])
      .when({ type: 'PausePlayback', ...g })
      .thenThrows('conflict', 'already_paused');
  });
});

describe('ResumePlayback', () => {
  it('given a paused track, when resumed, then PlaybackResumed at the paused position, now', () => {
    spec
      .given([...playingRick, paused])
      .when({ type: 'ResumePlayback', ...g })
      .then([
        {
          type: 'PlaybackResumed',
          data: { ...g, trackId: rick.trackId, positionMs: 45_000, resumedAt: SPEC_NOW },
        },
      ]);
  });

  it('given a playing track, when resumed, then it is refused as not paused', () => {
    spec
      .given(playingRick)
      .when({ type: 'ResumePlayback', ...g })
      .thenThrows('conflict', 'not_paused');
  });

  it('given nothing playing, when resumed, then it is refused as nothing playing', () => {
    spec
      .given([])
      .when({ type: 'ResumePlayback', ...g })
      .thenThrows('conflict', 'nothing_playing');
  });
});

describe('SetVolume', () => {
  for (const volume of [0, 45, 100]) {
    it(`given the default volume, when set to ${volume}, then VolumeChanged to ${volume}`, () => {
      spec
        .given([])
        .when({ type: 'SetVolume', ...g, volume })
        .then(volume === 100 ? [] : [{ type: 'VolumeChanged', data: { ...g, volume } }]);
    });
  }

  it('given volume 45, when set to 45 again, then nothing happens', () => {
    spec
      .given([{ type: 'VolumeChanged', data: { ...g, volume: 45 } }])
      .when({ type: 'SetVolume', ...g, volume: 45 })
      .thenNothing();
  });

  for (const volume of [-1, 101, 4.5, Number.NaN, '50' as unknown as number]) {
    it(`given a player, when the volume is ${String(volume)}, then it is refused naming volume`, () => {
      spec
        .given([])
        .when({ type: 'SetVolume', ...g, volume })
        .thenThrows('invalid', 'invalid_volume', 'volume');
    });
  }
});

describe('SeekTrack', () => {
  it('given a playing track, when seeking to 60 s, then TrackSeeked at 60 000 ms, now', () => {
    spec
      .given(playingRick)
      .when({ type: 'SeekTrack', ...g, positionMs: 60_000 })
      .then([
        {
          type: 'TrackSeeked',
          data: { ...g, trackId: rick.trackId, positionMs: 60_000, seekedAt: SPEC_NOW },
        },
      ]);
  });

  it('given a 213 s track, when seeking to its very end, then it is accepted', () => {
    spec
      .given(playingRick)
      .when({ type: 'SeekTrack', ...g, positionMs: 213_000 })
      .then([
        {
          type: 'TrackSeeked',
          data: { ...g, trackId: rick.trackId, positionMs: 213_000, seekedAt: SPEC_NOW },
        },
      ]);
  });

  it('given a 213 s track, when seeking past its end, then it is refused naming positionMs', () => {
    spec
      .given(playingRick)
      .when({ type: 'SeekTrack', ...g, positionMs: 213_001 })
      .thenThrows('invalid', 'position_out_of_range', 'positionMs');
  });

  it('given a playing track, when seeking to a negative position, then it is refused naming positionMs', () => {
    spec
      .given(playingRick)
      .when({ type: 'SeekTrack', ...g, positionMs: -5 })
      .thenThrows('invalid', 'invalid_position', 'positionMs');
  });

  it('given a live stream playing, when seeking, then it is refused as not seekable', () => {
    spec
      .given([queued(radio), startedEvent(radio)])
      .when({ type: 'SeekTrack', ...g, positionMs: 1_000 })
      .thenThrows('conflict', 'not_seekable', 'positionMs');
  });

  it('given nothing playing, when seeking, then it is refused as nothing playing', () => {
    spec
      .given([queued(rick)])
      .when({ type: 'SeekTrack', ...g, positionMs: 0 })
      .thenThrows('conflict', 'nothing_playing');
  });
});

describe('SetLoopMode', () => {
  it('given loop off, when set to queue, then LoopModeChanged', () => {
    spec
      .given([])
      .when({ type: 'SetLoopMode', ...g, mode: 'queue' })
      .then([{ type: 'LoopModeChanged', data: { ...g, mode: 'queue' } }]);
  });

  it('given loop off, when set to off, then nothing happens', () => {
    spec
      .given([])
      .when({ type: 'SetLoopMode', ...g, mode: 'off' })
      .thenNothing();
  });

  it('given a player, when the mode is unknown, then it is refused naming mode', () => {
    spec
      .given([])
      .when({ type: 'SetLoopMode', ...g, mode: 'all' as 'off' })
      .thenThrows('invalid', 'invalid_mode', 'mode');
  });
});

describe('SetFairShare', () => {
  it('given fair share off, when enabled, then FairShareChanged', () => {
    spec
      .given([])
      .when({ type: 'SetFairShare', ...g, enabled: true })
      .then([{ type: 'FairShareChanged', data: { ...g, enabled: true } }]);
  });

  it('given fair share off, when disabled, then nothing happens', () => {
    spec
      .given([])
      .when({ type: 'SetFairShare', ...g, enabled: false })
      .thenNothing();
  });

  it('given a player, when enabled is not a boolean, then it is refused naming enabled', () => {
    spec
      .given([])
      .when({ type: 'SetFairShare', ...g, enabled: 'yes' as unknown as boolean })
      .thenThrows('invalid', 'invalid_enabled', 'enabled');
  });
});
